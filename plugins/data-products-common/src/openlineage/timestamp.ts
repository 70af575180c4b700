/**
 * Instants as pipelines report them: ISO-8601 with a time zone. Some real
 * producers write local times without a zone (dbt-ol, older Great
 * Expectations); standards.md says to read those as UTC, with a warning
 * (parseZonelessTimestamp), never silently. Parsed by hand instead of `Date.parse`, whose handling
 * of anything beyond `YYYY-MM-DDTHH:mm:ss.sssZ` differs between engines, and
 * this package also runs in browsers.
 */

import { daysInMonth } from '../kind/calendarDate';

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/;

const MINUTE_MS = 60_000;

/**
 * Epoch milliseconds of an ISO-8601 timestamp with a time zone (`Z` or an
 * offset such as `+02:00`), or undefined when the text is not one or names an
 * instant that does not exist (2026-02-30, 25:00). Fractions beyond
 * milliseconds are truncated.
 *
 * @public
 */
export function parseIsoTimestamp(text: unknown): number | undefined {
  if (typeof text !== 'string') {
    return undefined;
  }
  const m = TIMESTAMP.exec(text);
  if (!m) {
    return undefined;
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return undefined;
  }
  let offsetMinutes = 0;
  if (m[8] === undefined) {
    const offsetHours = Number(m[10]);
    const offsetRest = m[11] === undefined ? 0 : Number(m[11]);
    if (offsetHours > 23 || offsetRest > 59) {
      return undefined;
    }
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetRest);
  }
  const date = new Date(
    Date.UTC(year, month - 1, day, hour, minute, second, ms),
  );
  // Date.UTC maps years 0–99 to 1900–1999.
  if (year < 100) {
    date.setUTCFullYear(year);
  }
  return date.getTime() - offsetMinutes * MINUTE_MS;
}

const ZONELESS = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?$/;

/**
 * Epoch milliseconds of an ISO-8601 local time with no zone, read as UTC;
 * undefined for anything else (including a time that has a zone).
 *
 * @public
 */
export function parseZonelessTimestamp(text: unknown): number | undefined {
  if (typeof text !== 'string' || !ZONELESS.test(text)) return undefined;
  return parseIsoTimestamp(`${text}Z`);
}

/**
 * A time as an event may carry it: with a zone, or without one (read as
 * UTC). For facts taken from events that were validated (and warned about)
 * on the way in.
 */
export function parseEventTimestamp(text: unknown): number | undefined {
  return parseIsoTimestamp(text) ?? parseZonelessTimestamp(text);
}

/** The canonical UTC form, `2026-03-01T12:00:00.000Z`, of epoch milliseconds. */
export function toIsoString(ms: number): string {
  return new Date(ms).toISOString();
}
