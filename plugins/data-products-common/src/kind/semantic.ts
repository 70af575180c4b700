import { isCalendarDate } from './calendarDate';
import { parseDuration } from './duration';
import type { ValidationProblem } from './problem';
import { didYouMean } from './suggest';

/**
 * Checks that relate two fields, which JSON schema cannot express. They run
 * on every validation, valid or not, so they read defensively (the entity
 * may be malformed) and stay cheap: no work beyond a pass over the schema
 * fields when the entity is fine.
 *
 * Problems are appended to `problems`.
 */
export function checkSemantics(entity: unknown, problems: ValidationProblem[]): void {
  const spec = objectAt(entity, 'spec');
  if (!spec) {
    return;
  }
  const contract = objectAt(spec, 'contract');
  if (contract) {
    checkFreshness(objectAt(contract, 'freshness'), problems);
    checkFields(contract, problems);
  }
  checkLifecycleDates(objectAt(spec, 'lifecycle'), problems);
}

function checkFreshness(freshness: Record<string, any> | undefined, problems: ValidationProblem[]) {
  if (!freshness) {
    return;
  }
  const p95 = parseDuration(freshness.p95);
  const p99 = parseDuration(freshness.p99);
  if (p95 !== undefined && p99 !== undefined && p95 > p99) {
    problems.push({
      path: 'spec.contract.freshness.p95',
      message: `spec.contract.freshness.p95 is ${freshness.p95}, which is longer than p99 (${freshness.p99})`,
      hint: 'The lag 95 % of runs meet cannot exceed the lag 99 % of runs meet: make p95 at most p99, e.g. `p95: 30m` with `p99: 60m`.',
    });
  }
}

function checkFields(contract: Record<string, any>, problems: ValidationProblem[]) {
  const fields = contract.schema;
  if (!Array.isArray(fields)) {
    return;
  }
  // First index of each field name: finds duplicates and backs keyFields.
  const firstIndex = new Map<string, number>();
  for (let i = 0; i < fields.length; i++) {
    const name = fields[i]?.name;
    if (typeof name !== 'string') {
      continue;
    }
    const first = firstIndex.get(name);
    if (first === undefined) {
      firstIndex.set(name, i);
    } else {
      problems.push({
        path: `spec.contract.schema[${i}].name`,
        message: `spec.contract.schema[${i}].name is "${name}", which is already declared at spec.contract.schema[${first}]`,
        hint: 'Declare each field once: remove the duplicate or give it its own name.',
      });
    }
  }

  const keyFields = objectAt(contract, 'quality')?.keyFields;
  if (!Array.isArray(keyFields)) {
    return;
  }
  for (let i = 0; i < keyFields.length; i++) {
    const keyField = keyFields[i];
    if (typeof keyField === 'string' && !firstIndex.has(keyField)) {
      problems.push(unknownKeyField(i, keyField, [...firstIndex.keys()]));
    }
  }
}

function unknownKeyField(index: number, keyField: string, names: string[]): ValidationProblem {
  const suggestion = didYouMean(keyField, names);
  const listed = names.length > 10 ? `${names.slice(0, 10).join(', ')}, …` : names.join(', ');
  return {
    path: `spec.contract.quality.keyFields[${index}]`,
    message: `spec.contract.quality.keyFields[${index}] is "${keyField}", which is not a field in spec.contract.schema`,
    hint:
      (suggestion ? `Did you mean \`${suggestion}\`? ` : '') +
      `Key fields must be declared in contract.schema${listed ? ` (declared: ${listed})` : ''}; add the field there or fix the name.`,
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
  // Only real dates are compared; a malformed one is already reported.
  if (!isCalendarDate(createdOn)) {
    return;
  }
  for (const [field, why] of LATER_DATES) {
    const date = lifecycle![field];
    // YYYY-MM-DD strings order like the dates they name.
    if (isCalendarDate(date) && date < createdOn) {
      problems.push({
        path: `spec.lifecycle.${field}`,
        message: `spec.lifecycle.${field} is ${date}, which is before createdOn (${createdOn})`,
        hint: `${why}: correct ${field} or createdOn.`,
      });
    }
  }
}

function objectAt(parent: unknown, key: string): Record<string, any> | undefined {
  if (parent === null || typeof parent !== 'object') {
    return undefined;
  }
  const value = (parent as Record<string, unknown>)[key];
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, any>)
    : undefined;
}
