import type { ObservedField } from '../scoring/runs';
import { isObject } from './checks';

/**
 * The observed schema of an OpenLineage `schema` dataset facet, nested
 * fields flattened with dotted names. A struct keeps its own entry too
 * (`address` then `address.city`): a contract may declare either level, and
 * drift detection must see both.
 */
export function flattenSchemaFields(
  fields: unknown,
  prefix = '',
  into: ObservedField[] = [],
): ObservedField[] {
  if (!Array.isArray(fields)) {
    return into;
  }
  for (const field of fields) {
    if (!isObject(field) || typeof field.name !== 'string') continue;
    const name = prefix + field.name;
    into.push(
      typeof field.type === 'string' ? { name, type: field.type } : { name },
    );
    if (Array.isArray(field.fields)) {
      flattenSchemaFields(field.fields, `${name}.`, into);
    }
  }
  return into;
}
