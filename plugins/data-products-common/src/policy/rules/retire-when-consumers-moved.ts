import type { DataProductEntityV1alpha1 } from '../../kind/types';
import { ruleFinding } from '../finding';
import type { CategoryPolicy, Finding, RuleContext } from '../types';
import { isFilled } from './text';

const WHY =
  'Retiring a product its consumers still depend on breaks them; the sunset date is for moving them first.';

/** Dependents named in the message; the rest are counted. */
const SHOWN = 20;

/**
 * `retire-when-consumers-moved`: a retired product has no catalog entity
 * left that `dependsOn` it. Skipped without the dependents in the context
 * (only the catalog knows them). One finding naming them all, since moving
 * the last one is what clears it.
 *
 * @public
 */
export function checkRetireWhenConsumersMoved(
  entity: DataProductEntityV1alpha1,
  categoryPolicy: CategoryPolicy,
  context: RuleContext,
): Finding[] {
  const dependents = context.dependents;
  if (entity.spec?.lifecycle?.stage !== 'retired' || !dependents?.length) {
    return [];
  }
  const successor = entity.spec.lifecycle.successor;
  const moveTo = isFilled(successor) ? ` to ${successor}` : '';
  const count =
    dependents.length === 1
      ? '1 catalog entity still depends'
      : `${dependents.length} catalog entities still depend`;
  const shown = dependents.slice(0, SHOWN).join(', ');
  const more =
    dependents.length > SHOWN ? ` … (${dependents.length - SHOWN} more)` : '';
  return ruleFinding(
    'retire-when-consumers-moved',
    categoryPolicy.rules['retire-when-consumers-moved'],
    {
      path: 'spec.lifecycle.stage',
      message: `spec.lifecycle.stage is retired, but ${count} on it (dependsOn): ${shown}${more} — move them${moveTo} first and keep \`stage: deprecated\` with a \`sunsetOn\` until then`,
      why: WHY,
    },
  );
}
