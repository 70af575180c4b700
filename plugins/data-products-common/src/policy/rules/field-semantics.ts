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
  const plural = categoryPlural(entity.spec?.category);
  return schema.flatMap((field, index) => {
    if (isFilled(field?.description)) {
      return [];
    }
    const name = isFilled(field?.name) ? ` (${field.name})` : '';
    return ruleFinding('field-semantics', enforcement, {
      path: `spec.contract.schema[${index}].description`,
      message: `spec.contract.schema[${index}].description is missing${name}: ${plural} say what every field means — add a \`description:\` with what it holds, its unit and when it is null`,
      why: WHY,
    });
  });
}
