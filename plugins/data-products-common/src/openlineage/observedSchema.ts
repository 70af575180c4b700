import type { ObservedField } from '../scoring/runs';
import { walkNestedFields } from '../kind/walkNestedFields';
import { isObject } from './checks';

/**
 * The observed schema of an OpenLineage `schema` dataset facet, nested
 * fields flattened with dotted names. A struct keeps its own entry too
 * (`address` then `address.city`): a contract may declare either level, and
 * drift detection must see both. Walked without recursion; events past the
 * schema limits are refused by parseRunEvent, and here a facet past them
 * keeps the fields read up to the limit.
 */
export function flattenSchemaFields(fields: unknown): ObservedField[] {
  const into: ObservedField[] = [];
  if (!Array.isArray(fields)) {
    return into;
  }
  walkNestedFields(
    { list: fields, path: '', context: '' },
    (field, path, prefix) => {
      if (!isObject(field) || typeof field.name !== 'string') return [];
      const name = prefix + field.name;
      into.push(
        typeof field.type === 'string' ? { name, type: field.type } : { name },
      );
      return Array.isArray(field.fields)
        ? [{ list: field.fields, path: `${path}.fields`, context: `${name}.` }]
        : [];
    },
  );
  return into;
}
