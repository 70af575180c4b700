import {
  calendarDaysBetween,
  parseIsoDate,
} from '@stockroom/plugin-data-products-common';

/**
 * "in 12 days", "today", "3 days ago" from today to a YYYY-MM-DD date, or
 * undefined when the date is not one. Counting days to a date the processor
 * wrote is presentation; the state itself always comes from the label.
 */
export function daysUntil(
  date: string | undefined,
  now: Date,
): number | undefined {
  const day = parseIsoDate(date);
  return day ? calendarDaysBetween(now, day) : undefined;
}

/**
 * " (in 12 days)", " (today)", " (3 days ago)" to append after a date, or
 * "" when the date is not one.
 */
export function inDaysText(date: string | undefined, now: Date): string {
  const days = daysUntil(date, now);
  if (days === undefined) return '';
  if (days > 0) return ` (in ${days} day${days === 1 ? '' : 's'})`;
  if (days === 0) return ' (today)';
  return ` (${-days} day${days === -1 ? '' : 's'} ago)`;
}
