/**
 * Durations as owners write them in catalog-info.yaml: a positive number and
 * one unit, `45s`, `30m`, `2h`, `1d`, `1.5h`. One unit only, so that a value
 * reads the same in YAML, in the portal and in the CLI, and compares easily.
 */

/**
 * The duration grammar as a JSON-schema `pattern` (ECMA-262). The lookahead
 * demands a non-zero digit so that the schema itself rejects `0m` and `0.0h`:
 * a zero SLA is never what an owner meant.
 *
 * @public
 */
export const DURATION_PATTERN = '^(?=[^1-9]*[1-9])\\d+(\\.\\d+)?(s|m|h|d)$';

const SHAPE = /^\d+(?:\.\d+)?[smhd]$/;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNIT_MS: Record<string, number> = {
  s: SECOND,
  m: MINUTE,
  h: HOUR,
  d: DAY,
};

/**
 * Milliseconds of a duration such as `30m`, or undefined when the text is not
 * exactly a positive number followed by one of `s`, `m`, `h`, `d`.
 *
 * @public
 */
export function parseDuration(text: string): number | undefined {
  if (typeof text !== 'string') {
    return undefined;
  }
  // test + slice rather than exec: no match array on this hot path.
  if (!SHAPE.test(text)) {
    return undefined;
  }
  const ms = Number(text.slice(0, -1)) * UNIT_MS[text[text.length - 1]];
  return ms > 0 ? ms : undefined;
}

// Largest first; formatDuration shows at most the two largest units.
const UNITS: ReadonlyArray<[string, number]> = [
  ['d', DAY],
  ['h', HOUR],
  ['m', MINUTE],
  ['s', SECOND],
];

/**
 * A short human reading of a duration: `41m`, `2h 5m`, `1d 2h`, `45s`.
 * Two units at most, the smaller one rounded, because a reader comparing a
 * lag against an SLA needs the order of magnitude, not the seconds.
 *
 * @public
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) {
    return String(ms);
  }
  if (ms < 0) {
    return `-${formatDuration(-ms)}`;
  }
  if (Math.round(ms) < SECOND) {
    return `${Math.round(ms)}ms`;
  }
  // Round to the unit below the largest one; a carry (59m 59.6s → 60m) only
  // ever lands on a whole larger unit, so recomputing the largest is enough.
  const step = smallerUnit(largestUnit(ms));
  const rounded = Math.round(ms / step[1]) * step[1];
  const big = largestUnit(rounded);
  const small = smallerUnit(big);
  const whole = Math.floor(rounded / big[1]);
  const rest = Math.round((rounded - whole * big[1]) / small[1]);
  return rest > 0 && small !== big
    ? `${whole}${big[0]} ${rest}${small[0]}`
    : `${whole}${big[0]}`;
}

function largestUnit(ms: number): [string, number] {
  return UNITS.find(([, size]) => ms >= size) ?? UNITS[UNITS.length - 1];
}

function smallerUnit(unit: [string, number]): [string, number] {
  const index = UNITS.indexOf(unit);
  return UNITS[Math.min(index + 1, UNITS.length - 1)];
}
