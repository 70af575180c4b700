/**
 * Hand-built run histories for the supply-chain tests. Times are hours after
 * T0 so the expected lead times can be read off the fixtures by eye.
 */
import type { SupplyChainRun } from '../types';

export const MINUTE = 60 * 1000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const T0 = Date.parse('2026-03-01T00:00:00.000Z');

/** The ISO instant `hours` after T0. */
export const h = (hours: number) => new Date(T0 + hours * HOUR).toISOString();

/** A successful run finishing `finished` hours after T0, started at `started` if given. */
export function ok(
  runId: string,
  finished: number,
  started?: number,
  inputProducts?: string[],
): SupplyChainRun {
  return {
    runId,
    status: 'success',
    finishedAt: h(finished),
    ...(started === undefined ? {} : { startedAt: h(started) }),
    ...(inputProducts ? { inputProducts } : {}),
  };
}

export function failed(runId: string, finished: number): SupplyChainRun {
  return { runId, status: 'failed', finishedAt: h(finished) };
}
