import type { DataProductEntityV1alpha1 } from '../../kind/types';
import { categoryPlural, ruleFinding } from '../finding';
import type { CategoryPolicy, Finding } from '../types';
import { isFilled } from './text';

const WHY =
  'Consumers of a retired product land on its page looking for what to use instead.';

/**
 * `retire-with-replacement`: a retired product names its successor.
 *
 * @public
 */
export function checkRetireWithReplacement(
  entity: DataProductEntityV1alpha1,
  categoryPolicy: CategoryPolicy,
  _now: Date,
): Finding[] {
  const lifecycle = entity.spec?.lifecycle;
  if (lifecycle?.stage !== 'retired' || isFilled(lifecycle.successor)) {
    return [];
  }
  return ruleFinding(
    'retire-with-replacement',
    categoryPolicy.rules['retire-with-replacement'],
    {
      path: 'spec.lifecycle.successor',
      message: `spec.lifecycle.successor is missing: retired ${categoryPlural(
        entity.spec?.category,
      )} name the product that replaces them — add e.g. \`successor: dataproduct:customer-identity-v3\``,
      why: WHY,
    },
  );
}
