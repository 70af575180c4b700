import type { JsonObject, JsonValue } from '@backstage/types';
import { isObject } from './values';

/**
 * Stockroom facts ODCS has no field for, carried as ODCS `customProperties`
 * (the standard's extension point), so that exporting a contract and
 * importing it again loses nothing. Export writes one only where the
 * standard fields cannot say the value; import prefers it when present.
 */
export const EXTENSION = {
  /** Top level: `lineage.upstreams` (ODCS has no lineage). */
  lineageUpstreams: 'stockroomLineageUpstreams',
  /** Top level: `escalation.hours`. */
  escalationHours: 'stockroomEscalationHours',
  /** Top level: `cost.fundedBy`. */
  costFundedBy: 'stockroomCostFundedBy',
  /** Top level: `cost.options`, as a list of `{ tier, p95, monthly }`. */
  costOptions: 'stockroomCostOptions',
  /** Top level: `quality.keyFields` when they are not exactly the primary keys and critical data elements in schema order. */
  keyFields: 'stockroomKeyFields',
  /** Top level: `null` when the product has no version (ODCS requires one). */
  version: 'stockroomVersion',
  /** Property: the Stockroom `type` when it is not the ODCS logical type. */
  fieldType: 'stockroomType',
  /** Property: `key: foreign`, which ODCS can only say with a relationship target. */
  fieldKey: 'stockroomKey',
  /** Server: the access pattern when the server fields cannot reproduce it. */
  accessPattern: 'stockroomAccessPattern',
} as const;

/** `{ found, value, index }` of the custom property `name` of an ODCS element. */
export function readExtension(
  element: unknown,
  name: string,
): { found: false } | { found: true; value: unknown; index: number } {
  const list = isObject(element) ? element.customProperties : undefined;
  if (!Array.isArray(list)) {
    return { found: false };
  }
  const index = list.findIndex(
    item => isObject(item) && item.property === name,
  );
  return index === -1
    ? { found: false }
    : { found: true, value: (list[index] as JsonObject).value, index };
}

/** The `customProperties` list for the given values, or undefined when all are undefined. */
export function extensionList(
  values: Array<[string, JsonValue | undefined]>,
): JsonObject[] | undefined {
  const list = values
    .filter(([, value]) => value !== undefined)
    .map(([property, value]) => ({ property, value: value as JsonValue }));
  return list.length > 0 ? list : undefined;
}
