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
