/**
 * Kinds of bad value, each with a name the probe's title uses. The case
 * tables pick, per field, the kinds that are wrong for it.
 */

/** The wrong JSON type for a string field. */
export const NOT_A_STRING: Record<string, unknown> = {
  'a number': 42,
  'a boolean': true,
  'an array': ['x'],
  'an object': { value: 'x' },
};

/** The wrong JSON type for a whole-number field. */
export const NOT_A_COUNT: Record<string, unknown> = {
  'a string': '1000',
  'a boolean': false,
  'an array': [1000],
  'an object': { value: 1000 },
  negative: -1,
  fractional: 10.5,
  'NaN as text': 'NaN',
  'Infinity as text': 'Infinity',
  'beyond 2^53': 2 ** 60,
  'beyond a 64-bit integer': 1e20,
};

/** Timestamps that are not ISO-8601 instants, or not plausible ones. */
export const BAD_TIMES: Record<string, unknown> = {
  'in words': 'yesterday',
  empty: '',
  'epoch millis': 1764064800000,
  'an impossible day': '2026-02-30T10:00:00Z',
  'month 13': '2026-13-01T10:00:00Z',
  'hour 25': '2026-11-25T25:00:00Z',
  'NaN as text': 'NaN',
  'Infinity as text': 'Infinity',
  'with a NUL byte': '2026-11-25T09:30:00Z\u0000',
  'far in the future': '9999-12-31T23:59:59Z',
  'in a six-digit year': '+275760-09-13T00:00:00Z',
  'in year 0000': '0000-01-01T00:00:00Z',
  'in year 0001': '0001-01-01T00:00:00Z',
  'in 1900': '1900-01-01T00:00:00Z',
  'in 1969': '1969-12-31T23:59:59Z',
  'an object': { at: '2026-11-25T09:30:00Z' },
  '10,000 characters': `2026-11-25T09:30:00Z${' '.repeat(10_000)}`,
};

/** Text that is 1 MB long. */
export const ONE_MB = 'x'.repeat(1024 * 1024);
/** Right-to-left override: shows `orders.txt` as `orderstxt.` reversed. */
export const RTL = '\u202E';
export const NUL = '\u0000';

/** A body just over the 5 MB ingestion limit. */
export const SIX_MB = 6 * 1024 * 1024;

/** JSON nested `depth` levels deep: `[[[…]]]`. */
export function nestedArrays(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/**
 * JSON text of an OpenLineage schema field with `depth` levels of nested
 * `fields` (a struct in a struct in a struct …), written as text so that
 * building it needs no recursion.
 */
export function nestedSchemaFieldJson(depth: number): string {
  const open = '{"name":"level","type":"STRUCT","fields":[';
  return `${open.repeat(depth - 1)}{"name":"leaf","type":"STRING"}${']}'.repeat(
    depth - 1,
  )}`;
}
