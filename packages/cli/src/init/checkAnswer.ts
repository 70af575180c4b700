import {
  DATA_PRODUCT_CATEGORIES,
  DURATION_PATTERN,
  ENTITY_REF_PATTERN,
  FRESHNESS_TIERS,
  SEMVER_PATTERN,
  isCalendarDate,
} from '@stockroom/plugin-data-products-common';

/**
 * Checks of one answer of `stockroom init`, the same the template's form
 * makes (its patterns and enums): each returns what is wrong, in words, or
 * undefined. The engine's own formats come from -common; the whole entity
 * is linted again before it is written.
 */
export type AnswerCheck = (value: string) => string | undefined;

/** metadata.name as the template's form accepts it. */
const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const matches =
  (pattern: string | RegExp, expected: string): AnswerCheck =>
  value =>
    new RegExp(pattern, 'u').test(value) ? undefined : `expected ${expected}`;

const oneOf =
  (choices: readonly string[]): AnswerCheck =>
  value =>
    choices.includes(value)
      ? undefined
      : `expected one of ${choices.join(', ')}`;

export const CHECKS = {
  name: (value: string) =>
    value.length <= 63
      ? matches(
          NAME,
          'lower-case letters, digits and single dashes, e.g. payments-ledger',
        )(value)
      : 'expected at most 63 characters',
  text: matches(/\S/, 'some text'),
  entityRef: matches(
    ENTITY_REF_PATTERN,
    'an entity ref such as group:default/payments-eng',
  ),
  category: oneOf(DATA_PRODUCT_CATEGORIES),
  date: (value: string) =>
    isCalendarDate(value) ? undefined : 'expected a calendar date YYYY-MM-DD',
  version: matches(SEMVER_PATTERN, 'a semantic version such as 1.0.0'),
  duration: matches(DURATION_PATTERN, 'a duration such as 45s, 30m, 2h or 1d'),
  tier: oneOf(FRESHNESS_TIERS),
} satisfies Record<string, AnswerCheck>;
