/**
 * Textual formats of DataProduct fields, as JSON-schema `pattern`s
 * (ECMA-262, evaluated with the `u` flag). They live apart from the schema so
 * the validator can recognise which kind of value a failing field holds and
 * explain the fix, and so other surfaces (the CLI) can reuse them.
 */

/**
 * A Backstage entity ref: `kind:namespace/name`, `kind:name` or `name`.
 * Kind and name follow catalog-model's rules; the namespace is lower case.
 *
 * @public
 */
export const ENTITY_REF_PATTERN =
  '^([a-zA-Z][a-zA-Z0-9]*:)?([a-z0-9][a-z0-9_.-]*/)?[a-zA-Z0-9]([a-zA-Z0-9_.-]*[a-zA-Z0-9])?$';

/**
 * Semantic Versioning 2.0.0, including pre-release and build metadata
 * (the regular expression recommended on semver.org).
 *
 * @public
 */
export const SEMVER_PATTERN =
  '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)' +
  '(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?' +
  '(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$';

/**
 * The shape of a calendar date, YYYY-MM-DD. The schema pairs it with
 * `format: date`, which also rejects days that do not exist (2026-02-30).
 *
 * @public
 */
export const ISO_DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** A percentage from 0 to 100 with its sign, e.g. `99.5%`. @public */
export const AVAILABILITY_PATTERN = '^(100(\\.0+)?|\\d{1,2}(\\.\\d+)?)%$';

/** An ISO 4217 currency code, e.g. `USD`. @public */
export const CURRENCY_PATTERN = '^[A-Z]{3}$';

/**
 * Text with at least one non-space character. Used instead of `minLength: 1`,
 * which also rejects blank text and, unlike ajv's unicode-aware minLength,
 * does not walk every character of long descriptions.
 *
 * @public
 */
export const NON_BLANK_PATTERN = '\\S';
