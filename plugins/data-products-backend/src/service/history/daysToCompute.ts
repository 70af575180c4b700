/**
 * Which past days of a product's history are (re)computed: pure, so the
 * rules read in one place.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** The last millisecond of the UTC day containing `ms`: a backfilled snapshot's instant. */
export function endOfDayMs(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS + DAY_MS - 1;
}

/**
 * The ends of the past days to compute, oldest first, for runs the
 * product's history has not seen, finished from `changed.first` to
 * `changed.last`: from the day of the first to the last day whose window
 * still holds the last — `windowDays` later — and never before the
 * history's first day (`historyDays` before today) nor today or later
 * (today is the live snapshot's). Empty when nothing changed.
 *
 * A run finished at F is in the window of every day ending in
 * [F, F + windowDays days], so those days change. A product never
 * computed passes `last: now`: every day since its first run.
 */
export function daysToCompute(
  changed: { first: Date; last: Date } | undefined,
  now: Date,
  settings: { windowDays: number; historyDays: number },
): Date[] {
  const firstMs = changed?.first.getTime() ?? NaN;
  const lastMs = changed?.last.getTime() ?? NaN;
  if (Number.isNaN(firstMs) || Number.isNaN(lastMs)) return [];
  const todayStart = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const firstEnd = Math.max(
    endOfDayMs(firstMs),
    todayStart - settings.historyDays * DAY_MS + DAY_MS - 1,
  );
  const lastEnd = Math.min(
    endOfDayMs(lastMs + settings.windowDays * DAY_MS),
    todayStart - 1,
  );
  const days: Date[] = [];
  for (let end = firstEnd; end <= lastEnd; end += DAY_MS) {
    days.push(new Date(end));
  }
  return days;
}
