/**
 * Calendar-date arithmetic for lifecycle rules. The spec counts in calendar
 * days in UTC, so every date here is a `Date` at UTC midnight: adding days is
 * adding 24h (UTC has no DST) and two days differ by a whole number of days.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

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
  const match = ISO_DATE.exec(text);
  if (!match) {
    return undefined;
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-30 over into March (and reads years 0–99 as
  // 1900–1999): the day exists only if the date says what the text said.
  return date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
    ? date
    : undefined;
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
  return new Date(
    Date.UTC(
      instant.getUTCFullYear(),
      instant.getUTCMonth(),
      instant.getUTCDate(),
    ),
  );
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
