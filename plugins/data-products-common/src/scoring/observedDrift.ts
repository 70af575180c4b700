/**
 * Observed-schema drift: the schema a pipeline run reported for a product
 * against the product's contract. dataproduct-spec.md "Measurements": a
 * schema drift incident is an observed schema that differs from the contract
 * — a field missing, renamed or with another type. The backend opens one
 * incident per distinct drift list; this only says what the drift is.
 */
import type { SchemaField } from '../kind/types';
import type { ObservedField } from './runs';

/** @public */
export type ObservedDriftChange =
  | 'field-missing'
  | 'field-renamed'
  | 'type-changed';

/**
 * One difference between an observed schema and the contract, named by the
 * contract's field.
 *
 * @public
 */
export interface ObservedSchemaDrift {
  change: ObservedDriftChange;
  /** The contract's field. */
  field: string;
  /** The observed field it appears as (renamed, or typed differently). */
  observedField?: string;
  /** The contract's type of the field. */
  expectedType?: string;
  /** The type the run reported. */
  observedType?: string;
  /** Names the field and the difference, for an owner reading an alert. */
  message: string;
}

/**
 * The drift of `observed` against the contract's schema, in the contract's
 * field order:
 *
 * - `type-changed`: the field is there with another type. Types compare
 *   case- and whitespace-insensitively (`VARCHAR(36)` is `varchar( 36 )`), as
 *   contract changes do; a field the run reported without a type (OpenLineage
 *   does not require one) cannot have changed type.
 * - `field-renamed`: the field is missing, and the observed field at its
 *   position is one the contract does not declare, of the same type — most
 *   likely the same column under a new name.
 * - `field-missing`: the field is missing otherwise.
 *
 * Fields are matched by name, exactly first and then ignoring case, since
 * warehouses fold unquoted identifiers (`ORDER_ID` is `order_id`). Observed
 * fields the contract does not declare, other than renames, are not drift:
 * adding a field breaks no consumer. An empty observed schema reports
 * nothing: it is no evidence that every field went missing.
 *
 * @public
 */
export function observedSchemaDrift(
  contract: { schema?: ReadonlyArray<Pick<SchemaField, 'name' | 'type'>> },
  observed: readonly ObservedField[],
): ObservedSchemaDrift[] {
  const expected = contract.schema ?? [];
  if (expected.length === 0 || observed.length === 0) {
    return [];
  }

  // contract index → observed index
  const matched = new Map<number, number>();
  const claimed = new Set<number>();
  const exact = new Map<string, number>();
  observed.forEach((field, index) => {
    if (!exact.has(field.name)) exact.set(field.name, index);
  });
  expected.forEach((field, index) => {
    const at = exact.get(field.name);
    if (at !== undefined && !claimed.has(at)) {
      matched.set(index, at);
      claimed.add(at);
    }
  });
  expected.forEach((field, index) => {
    if (matched.has(index)) return;
    const name = field.name.toLowerCase();
    const at = observed.findIndex(
      (candidate, i) =>
        !claimed.has(i) && candidate.name.toLowerCase() === name,
    );
    if (at >= 0) {
      matched.set(index, at);
      claimed.add(at);
    }
  });

  const declared = new Set(expected.map(field => field.name.toLowerCase()));
  const drift: ObservedSchemaDrift[] = [];
  expected.forEach((field, index) => {
    const at = matched.get(index);
    if (at !== undefined) {
      const seen = observed[at];
      if (
        hasType(field.type) &&
        hasType(seen.type) &&
        !sameType(field.type, seen.type)
      ) {
        drift.push({
          change: 'type-changed',
          field: field.name,
          observedField: seen.name,
          expectedType: field.type,
          observedType: seen.type,
          message: `field ${field.name} is ${seen.type} in the observed schema, ${field.type} in the contract`,
        });
      }
      return;
    }

    const candidate = observed[index];
    if (
      candidate &&
      !claimed.has(index) &&
      !declared.has(candidate.name.toLowerCase()) &&
      hasType(field.type) &&
      hasType(candidate.type) &&
      sameType(field.type, candidate.type)
    ) {
      claimed.add(index);
      drift.push({
        change: 'field-renamed',
        field: field.name,
        observedField: candidate.name,
        expectedType: field.type,
        observedType: candidate.type,
        message: `field ${field.name} appears renamed to ${candidate.name} (${
          field.name
        } is missing and ${candidate.name} is observed in its place, position ${
          index + 1
        }, both ${field.type})`,
      });
      return;
    }

    drift.push({
      change: 'field-missing',
      field: field.name,
      ...(hasType(field.type) ? { expectedType: field.type } : {}),
      message: hasType(field.type)
        ? `field ${field.name} (${field.type}) is missing from the observed schema`
        : `field ${field.name} is missing from the observed schema`,
    });
  });
  return drift;
}

function hasType(type: string | undefined): type is string {
  return typeof type === 'string' && type.trim() !== '';
}

// The same reading of types as contract changes (contract/diff/schemaChanges).
function sameType(a: string, b: string): boolean {
  return (
    a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase()
  );
}
