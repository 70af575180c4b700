import { DURATION_PATTERN } from './duration';
import {
  AVAILABILITY_PATTERN,
  CURRENCY_PATTERN,
  ENTITY_REF_PATTERN,
  ISO_DATE_PATTERN,
  SEMVER_PATTERN,
} from './patterns';

/**
 * The kinds of value a DataProduct field can hold beyond plain text, each
 * with how to name it in a message and how to write it correctly. A bad value
 * gets the same explanation whichever schema keyword caught it (type,
 * pattern, format, minimum …), so owners read one consistent sentence.
 */
export interface ValueKind {
  /** What the value should be, e.g. `a duration`. */
  noun: string;
  /** JSON type of a correct value. */
  jsonType: 'string' | 'number';
  /** What to write, given the bad value and an example line (`p95: 30m`). */
  hint(value: unknown, exampleLine: string): string;
}

const duration: ValueKind = {
  noun: 'a duration',
  jsonType: 'string',
  hint: (value, example) =>
    `${isZeroDuration(value) ? 'A duration must be greater than zero. ' : ''}` +
    `Write a positive number and a unit: 45s, 30m, 2h or 1d, e.g. \`${example}\`.`,
};

const date: ValueKind = {
  noun: 'a calendar date',
  jsonType: 'string',
  hint: (value, example) =>
    typeof value === 'string' && new RegExp(ISO_DATE_PATTERN).test(value)
      ? `That day does not exist (months are 01–12, days must exist in the month). Write YYYY-MM-DD, e.g. \`${example}\`.`
      : `Write the date as YYYY-MM-DD, e.g. \`${example}\`.`,
};

const semver: ValueKind = {
  noun: 'a semantic version',
  jsonType: 'string',
  hint: (_value, example) =>
    `Write MAJOR.MINOR.PATCH without a leading v, e.g. \`${example}\` (suffixes like 2.1.0-rc.1 or 2.1.0+build.5 are allowed).`,
};

const entityRef: ValueKind = {
  noun: 'an entity ref',
  jsonType: 'string',
  hint: (_value, example) =>
    `Write [kind:][namespace/]name with no spaces and at most one colon, e.g. \`${example}\`.`,
};

const availability: ValueKind = {
  noun: 'a percentage',
  jsonType: 'string',
  hint: (_value, example) =>
    `Write a percentage from 0 to 100 followed by %, e.g. \`${example}\`.`,
};

const currency: ValueKind = {
  noun: 'a currency code',
  jsonType: 'string',
  hint: (_value, example) =>
    `Write a three-letter ISO 4217 code in capitals, e.g. \`${example}\`.`,
};

const rate: ValueKind = {
  noun: 'a fraction between 0 and 1',
  jsonType: 'number',
  hint: (_value, example) =>
    `Write a number from 0 to 1 without quotes (0.001 means 0.1 %), e.g. \`${example}\`.`,
};

const amount: ValueKind = {
  noun: 'an amount of at least 0',
  jsonType: 'number',
  hint: (_value, example) =>
    `Write a number of at least 0 without quotes or currency sign, e.g. \`${example}\`.`,
};

const BY_PATTERN: Record<string, ValueKind> = {
  [DURATION_PATTERN]: duration,
  [SEMVER_PATTERN]: semver,
  [ENTITY_REF_PATTERN]: entityRef,
  [AVAILABILITY_PATTERN]: availability,
  [CURRENCY_PATTERN]: currency,
};

/** The kind of value a field schema (from schema.ts) describes, if special. */
export function valueKindOf(schema: any): ValueKind | undefined {
  if (!schema || typeof schema !== 'object') {
    return undefined;
  }
  if (schema.format === 'date') {
    return date;
  }
  if (typeof schema.pattern === 'string' && BY_PATTERN[schema.pattern]) {
    return BY_PATTERN[schema.pattern];
  }
  // Numbers are told apart by their bounds: rates are 0..1, amounts only ≥ 0.
  if (schema.type === 'number' && schema.minimum === 0) {
    return schema.maximum === 1 ? rate : amount;
  }
  return undefined;
}

function isZeroDuration(value: unknown): boolean {
  return typeof value === 'string' && /^0+(\.0+)?[smhd]$/.test(value);
}
