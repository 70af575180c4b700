import { isCalendarDate } from './calendarDate';
import type { ValidationProblem } from './problem';
import { didYouMeanPrefix } from './suggest';

/**
 * Checks that relate two fields, which JSON schema cannot express. They run
 * on every validation, valid or not, so they read defensively (the entity
 * may be malformed) and stay cheap: no work beyond a pass over the schema
 * fields when the entity is fine.
 *
 * Problems are appended to `problems`.
 *
 * p95 ≤ p99 is not checked here: the spec makes it part of the
 * `sla-percentiles` rule, whose enforcement depends on the category (block,
 * warn or off), so it lives in policy/rules/sla-percentiles.ts.
 */
export function checkSemantics(
  entity: unknown,
  problems: ValidationProblem[],
): void {
  const spec = objectAt(entity, 'spec');
  if (!spec) {
    return;
  }
  const contract = objectAt(spec, 'contract');
  if (contract) {
    checkFields(contract, problems);
  }
  checkLifecycleDates(objectAt(spec, 'lifecycle'), problems);
}

// Schemas are short (a handful to a few dozen fields), so a nested scan is
// cheaper than building a Map on every validation of a valid entity; past
// SMALL_SCHEMA fields the Map keeps the check linear.
const SMALL_SCHEMA = 32;

function checkFields(
  contract: Record<string, any>,
  problems: ValidationProblem[],
) {
  const fields = contract.schema;
  if (!Array.isArray(fields)) {
    return;
  }
  if (fields.length <= SMALL_SCHEMA) {
    for (let i = 1; i < fields.length; i++) {
      const name = fields[i]?.name;
      if (typeof name === 'string') {
        const first = indexOfField(fields, name, i);
        if (first !== -1) {
          problems.push(duplicateField(i, name, first));
        }
      }
    }
  } else {
    const firstIndex = new Map<string, number>();
    for (let i = 0; i < fields.length; i++) {
      const name = fields[i]?.name;
      if (typeof name === 'string') {
        const first = firstIndex.get(name);
        if (first === undefined) {
          firstIndex.set(name, i);
        } else {
          problems.push(duplicateField(i, name, first));
        }
      }
    }
  }

  const keyFields = objectAt(contract, 'quality')?.keyFields;
  if (!Array.isArray(keyFields)) {
    return;
  }
  for (let i = 0; i < keyFields.length; i++) {
    const keyField = keyFields[i];
    if (
      typeof keyField === 'string' &&
      indexOfField(fields, keyField, fields.length) === -1
    ) {
      problems.push(unknownKeyField(i, keyField, fieldNames(fields)));
    }
  }
}

/** Index of the first field called `name` among fields[0..end), or -1. */
function indexOfField(fields: any[], name: string, end: number): number {
  for (let j = 0; j < end; j++) {
    if (fields[j]?.name === name) {
      return j;
    }
  }
  return -1;
}

function fieldNames(fields: any[]): string[] {
  const names = new Set<string>();
  for (const field of fields) {
    if (typeof field?.name === 'string') {
      names.add(field.name);
    }
  }
  return [...names];
}

function duplicateField(
  index: number,
  name: string,
  first: number,
): ValidationProblem {
  return {
    path: `spec.contract.schema[${index}].name`,
    message: `spec.contract.schema[${index}].name is "${name}", which is already declared at spec.contract.schema[${first}]`,
    hint: 'Declare each field once: remove the duplicate or give it its own name.',
  };
}

function unknownKeyField(
  index: number,
  keyField: string,
  names: string[],
): ValidationProblem {
  const listed =
    names.length > 10
      ? `${names.slice(0, 10).join(', ')}, …`
      : names.join(', ');
  return {
    path: `spec.contract.quality.keyFields[${index}]`,
    message: `spec.contract.quality.keyFields[${index}] is "${keyField}", which is not a field in spec.contract.schema`,
    hint: `${didYouMeanPrefix(
      keyField,
      names,
    )}Key fields must be declared in contract.schema${
      listed ? ` (declared: ${listed})` : ''
    }; add the field there or fix the name.`,
  };
}

const LATER_DATES: ReadonlyArray<[field: string, hint: string]> = [
  ['renewedOn', 'A product cannot be renewed before it was created'],
  ['reviewedOn', 'A product cannot be reviewed before it was created'],
  ['sunsetOn', 'A product cannot be sunset before it was created'],
];

function checkLifecycleDates(
  lifecycle: Record<string, any> | undefined,
  problems: ValidationProblem[],
) {
  const createdOn = lifecycle?.createdOn;
  if (typeof createdOn !== 'string') {
    return;
  }
  for (const [field, why] of LATER_DATES) {
    const date = lifecycle![field];
    // YYYY-MM-DD strings order like the dates they name. Only real dates
    // are compared (a malformed one is reported by the schema); checked
    // last, as valid entities rarely get that far.
    if (
      typeof date === 'string' &&
      date < createdOn &&
      isCalendarDate(date) &&
      isCalendarDate(createdOn)
    ) {
      problems.push({
        path: `spec.lifecycle.${field}`,
        message: `spec.lifecycle.${field} is ${date}, which is before createdOn (${createdOn})`,
        hint: `${why}: correct ${field} or createdOn.`,
      });
    }
  }
}

function objectAt(
  parent: unknown,
  key: string,
): Record<string, any> | undefined {
  if (parent === null || typeof parent !== 'object') {
    return undefined;
  }
  const value = (parent as Record<string, unknown>)[key];
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, any>)
    : undefined;
}
