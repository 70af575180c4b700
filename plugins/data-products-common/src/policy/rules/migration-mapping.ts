import type { DataProductEntityV1alpha1 } from '../../kind/types';
import { categoryPlural, ruleFinding } from '../finding';
import type { CategoryPolicy, Finding, RuleContext } from '../types';
import { isFilled } from './text';

const WHY =
  'Consumers of the old version rewrite their queries from the field mapping: a dropped field it does not map leaves them guessing, a mapping to a field that does not exist sends them nowhere.';

/**
 * `migration-mapping`: a product that supersedes another
 * (`lifecycle.supersedes` or `migration.from`) maps every field of the old
 * contract its own schema lacks with a `migration.fieldMapping[].from`, and
 * every `fieldMapping[].to` names a field of its own schema. Skipped without
 * the superseded contract in the context (only the catalog knows it).
 * One finding lists every unmapped field (one mapping entry fixes each);
 * one finding per target that does not exist, at that entry.
 *
 * @public
 */
export function checkMigrationMapping(
  entity: DataProductEntityV1alpha1,
  categoryPolicy: CategoryPolicy,
  context: RuleContext,
): Finding[] {
  const superseded = supersededRef(entity);
  const old = context.supersededContract;
  if (superseded === undefined || old === undefined) {
    return [];
  }
  const enforcement = categoryPolicy.rules['migration-mapping'];
  const schema = entity.spec?.contract?.schema ?? [];
  const current = new Set(schema.map(field => field.name));
  const mapping = entity.spec?.migration?.fieldMapping ?? [];
  const mappedFrom = new Set(mapping.map(entry => entry?.from));
  const unmapped = (old.schema ?? [])
    .map(field => field.name)
    .filter(name => !current.has(name) && !mappedFrom.has(name));

  const findings: Finding[] = [];
  if (unmapped.length > 0) {
    const fields = unmapped.length === 1 ? 'field' : 'fields';
    findings.push(
      ...ruleFinding('migration-mapping', enforcement, {
        path: 'spec.migration.fieldMapping',
        message: `spec.migration.fieldMapping does not map ${
          unmapped.length
        } ${fields} of ${superseded} that this contract drops: ${unmapped.join(
          ', ',
        )} — ${categoryPlural(
          entity.spec?.category,
        )} that supersede another say where each old field went — add e.g. \`- { from: ${
          unmapped[0]
        }, to: <its field in spec.contract.schema>, note: "…" }\``,
        why: WHY,
      }),
    );
  }
  mapping.forEach((entry, index) => {
    const to = entry?.to;
    if (!isFilled(to) || current.has(to)) return;
    findings.push(
      ...ruleFinding('migration-mapping', enforcement, {
        path: `spec.migration.fieldMapping[${index}].to`,
        message: `spec.migration.fieldMapping[${index}].to is ${to}, which is not a field of this contract's schema: map ${
          entry.from
        } to one of ${listed(schema.map(field => field.name))}`,
        why: WHY,
      }),
    );
  });
  return findings;
}

/** The product this one supersedes, as written. */
function supersededRef(entity: DataProductEntityV1alpha1): string | undefined {
  const supersedes = entity.spec?.lifecycle?.supersedes;
  if (isFilled(supersedes)) return supersedes;
  const from = entity.spec?.migration?.from;
  return isFilled(from) ? from : undefined;
}

const SHOWN = 20;

function listed(names: string[]): string {
  if (names.length === 0) return '(the schema has no fields)';
  const shown = names.slice(0, SHOWN).join(', ');
  return names.length > SHOWN
    ? `${shown} … (${names.length - SHOWN} more)`
    : shown;
}
