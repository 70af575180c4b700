import {
  parseIsoDate,
  utcCalendarDay,
} from '@stockroom/plugin-data-products-common';
import { UsageError } from './io';

/**
 * Today as a UTC calendar day: the default of `--now` and `--on`, and the
 * only place the CLI reads the clock.
 */
export function todayUtc(clock: () => Date): Date {
  return utcCalendarDay(clock());
}

/**
 * A `YYYY-MM-DD` option value as the UTC midnight of that day.
 *
 * @throws UsageError naming the option when the value is not a real date.
 */
export function parseDateOption(option: string, value: string): Date {
  const date = parseIsoDate(value);
  if (!date) {
    throw new UsageError(
      `${option} must be a calendar date YYYY-MM-DD (e.g. 2026-11-25), got ${JSON.stringify(
        value,
      )}`,
    );
  }
  return date;
}

/**
 * The day a command judges on: a `YYYY-MM-DD` option's value when given
 * (`--now`, `--on`), else today as a UTC calendar day.
 *
 * @throws UsageError naming the option when the value is not a real date.
 */
export function dayOption(
  option: string,
  value: string | undefined,
  clock: () => Date,
): Date {
  return value !== undefined ? parseDateOption(option, value) : todayUtc(clock);
}
