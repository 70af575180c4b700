/**
 * Calendar-date arithmetic for lifecycle rules. The spec counts in calendar
 * days in UTC, so every date here is a `Date` at UTC midnight: adding days is
 * adding 24h (UTC has no DST) and two days differ by a whole number of days.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
/** The largest time a Date holds either side of 1970, in milliseconds. */
const MAX_TIME = 8.64e15;
/** 0100-01-01T00:00:00Z: from here on Date.UTC takes a year as given. */
const YEAR_100 = -59011459200000;

/**
 * The UTC midnight of a `YYYY-MM-DD` date, or undefined when the text is not
 * exactly that shape or names a day that does not exist (2026-02-30).
 *
 * @public
 */
export function parseIsoDate(text: unknown): Date | undefined {
  // YAML loaders may already have turned an unquoted date into a Date.
  if (text instanceof Date) {
    return Number.isNaN(text.getTime()) ? undefined : utcCalendarDay(text);
  }
  if (typeof text !== 'string') {
    return undefined;
  }
  // Read by hand, not with /^(\d{4})-(\d{2})-(\d{2})$/ and its groups:
  // every rule on dates reads one or two of them for every entity, and the
  // match, its three texts and their numbers cost more than the check.
  if (!isIsoDateShape(text)) {
    return undefined;
  }
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-30 over into March (and reads years 0–99 as
  // 1900–1999): the day exists only if the date says what the text said.
  return date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
    ? date
    : undefined;
}

/** /^\d{4}-\d{2}-\d{2}$/: four digits, a hyphen, two, a hyphen, two, nothing else. */
function isIsoDateShape(text: string): boolean {
  if (text.length !== 10) return false;
  for (let i = 0; i < 10; i++) {
    const code = text.charCodeAt(i);
    if (i === 4 || i === 7 ? code !== 0x2d : code < 0x30 || code > 0x39) {
      return false;
    }
  }
  return true;
}

/** The number the `count` decimal digits of `text` from `start` write. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    value = value * 10 + (text.charCodeAt(i) - 0x30);
  }
  return value;
}

/** `YYYY-MM-DD` of the UTC calendar day containing `date`. @public */
export function formatIsoDate(date: Date): string {
  const year = date.getUTCFullYear();
  // Written by hand: toISOString costs several times more, and every
  // lifecycle rule formats dates for every entity. toISOString keeps the
  // rest: years outside 0000–9999 (±YYYYYY) and invalid dates (it throws).
  if (!(year >= 0 && year <= 9999)) {
    return date.toISOString().slice(0, 10);
  }
  return `${String(year).padStart(4, '0')}-${twoDigits(
    date.getUTCMonth() + 1,
  )}-${twoDigits(date.getUTCDate())}`;
}

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The UTC midnight starting the calendar day that contains `instant`: "today" for a `now`. @public */
export function utcCalendarDay(instant: Date): Date {
  return new Date(calendarDayTime(instant.getTime()));
}

/**
 * utcCalendarDay of a time value, as a time value: for arithmetic on many
 * days without a Date for each (evaluateExpiry). Not public.
 */
export function calendarDayTime(time: number): number {
  // Arithmetic where it gives what Date.UTC gives: every rule asks this of
  // every entity, and the three date fields cost more than the division.
  // UTC days are all DAY_MS long; Date.UTC reads years 0–99 as 1900–1999,
  // so instants before the year 100 (and invalid dates) take its path.
  if (time >= YEAR_100) {
    // % keeps the dividend's sign (and is exact): a day before 1970 counts
    // back from its midnight too
    return time - (((time % DAY_MS) + DAY_MS) % DAY_MS);
  }
  const instant = new Date(time);
  return Date.UTC(
    instant.getUTCFullYear(),
    instant.getUTCMonth(),
    instant.getUTCDate(),
  );
}

/**
 * addCalendarDays on time values: the time `new Date(…)` would hold (whole
 * milliseconds, NaN outside ±8.64e15, as the spec's TimeClip), without the
 * Date. Not public.
 */
export function addCalendarDaysTime(time: number, days: number): number {
  const sum = calendarDayTime(time) + days * DAY_MS;
  if (!(Math.abs(sum) <= MAX_TIME)) return NaN;
  // + 0 turns a -0 into 0, as a Date does
  return Math.trunc(sum) + 0;
}

/** Whole calendar days between two time values, as calendarDaysBetween. Not public. */
export function calendarDaysBetweenTimes(from: number, to: number): number {
  return Math.round((calendarDayTime(to) - calendarDayTime(from)) / DAY_MS);
}

/**
 * The last calendar day of the month containing `instant` (UTC), for "what
 * expires this month".
 *
 * @public
 */
export function lastDayOfMonth(instant: Date): Date {
  return new Date(
    Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth() + 1, 0),
  );
}

/** The calendar day `days` after `date` (negative goes back). @public */
export function addCalendarDays(date: Date, days: number): Date {
  return new Date(utcCalendarDay(date).getTime() + days * DAY_MS);
}

/**
 * Whole calendar days from `from` to `to`: positive when `to` is later,
 * 0 on the same day, whatever the times of day.
 *
 * @public
 */
export function calendarDaysBetween(from: Date, to: Date): number {
  return Math.round(
    (utcCalendarDay(to).getTime() - utcCalendarDay(from).getTime()) / DAY_MS,
  );
}
