import { parseDuration } from '../kind/duration';
import type { FreshnessSla } from '../kind/types';

/**
 * The promised lags in milliseconds. A value that is not a duration promises
 * nothing, the same as a missing one (the kind's validator reports it).
 */
export function promisedLags(freshness: FreshnessSla | undefined): {
  p95?: number;
  p99?: number;
} {
  return {
    p95: durationOf(freshness?.p95),
    p99: durationOf(freshness?.p99),
  };
}

function durationOf(text: unknown): number | undefined {
  return typeof text === 'string' ? parseDuration(text) : undefined;
}
