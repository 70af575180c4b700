import type { DataProductEntityV1alpha1 } from '../../kind/types';
import { categoryPlural, ruleFinding } from '../finding';
import type { CategoryPolicy, Finding } from '../types';
import { isFilled } from './text';

const WHY =
  'A column name is not a meaning: consumers need to know what a field holds before they join on it.';

/**
 * `field-semantics`: every declared schema field has a description. A
 * contract without a schema has no fields to judge (the contract score
 * counts that); a contract authored in ODCS is judged after normalization.
 *
 * @public
 */
export function checkFieldSemantics(
  entity: DataProductEntityV1alpha1,
  categoryPolicy: CategoryPolicy,
  _now: Date,
): Finding[] {
  const enforcement = categoryPolicy.rules['field-semantics'];
  const schema = entity.spec?.contract?.schema;
  if (!Array.isArray(schema)) {
    return [];
  }
  // a loop, not flatMap: no list for each described field, which is nearly
  // every field of every entity
  const findings: Finding[] = [];
  for (let index = 0; index < schema.length; index++) {
    const field = schema[index];
    // a hole in the list (never from YAML) is skipped, as flatMap did
    if (field === undefined && !(index in schema)) continue;
    if (!isFilled(field?.description)) {
      const name = isFilled(field?.name) ? ` (${field.name})` : '';
      findings.push(
        ...ruleFinding('field-semantics', enforcement, {
          path: `spec.contract.schema[${index}].description`,
          message: `spec.contract.schema[${index}].description is missing${name}: ${categoryPlural(
            entity.spec?.category,
          )} say what every field means — add a \`description:\` with what it holds, its unit and when it is null`,
          why: WHY,
        }),
      );
    }
  }
  return findings;
}
