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

// Instants repeat: every downstream run names the same upstream finishes,
// and a recompute formats each run's times several times. Formatting was
// a seventh of a full recompute's CPU (bench scoring), a lookup is ~10×
// cheaper. Bounded: cleared when full.
const ISO_CACHE_SIZE = 100_000;
const isoCache = new Map<number, string>();

/** The ISO form of an instant (epoch ms a Date can hold). */
export function iso(ms: number): string {
  let text = isoCache.get(ms);
  if (text === undefined) {
    text = new Date(ms).toISOString();
    if (isoCache.size >= ISO_CACHE_SIZE) isoCache.clear();
    isoCache.set(ms, text);
  }
  return text;
}

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
