/**
 * Instants as the supply-chain functions read them: a Timestamp's epoch
 * milliseconds, NaN for anything that names no instant a Date can hold
 * (so an absurd stored number never throws from toISOString).
 */
import { type Timestamp, timestampMs } from '../scoring/runs';

/** ±100,000,000 days around 1970: the range of a JavaScript Date. */
const MAX_DATE_MS = 8.64e15;

export function instantMs(value: Timestamp | undefined): number {
  const ms = timestampMs(value);
  return Math.abs(ms) <= MAX_DATE_MS ? ms : NaN;
}

export const iso = (ms: number): string => new Date(ms).toISOString();

const DAY_MS = 24 * 60 * 60 * 1000;

/** [now − days, now] in ms and as ISO bounds, the scoring window's convention. */
export function windowOf(
  now: Date,
  days: number,
): { fromMs: number; toMs: number; from: string; to: string } {
  if (!(days > 0 && Number.isFinite(days))) {
    throw new RangeError(
      `windowDays must be a positive number of days, not ${days}`,
    );
  }
  const toMs = now.getTime();
  const fromMs = toMs - days * DAY_MS;
  return { fromMs, toMs, from: iso(fromMs), to: iso(toMs) };
}
