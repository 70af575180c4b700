import { freshnessLagMs } from '@stockroom/plugin-data-products-common';
import type { DataProductRun } from '../../api';
import { num } from './format';

/** A run with the lag it delivered, when it can be told. */
export interface RunWithLag {
  run: DataProductRun;
  /** Successful runs only; undefined when not measurable. */
  lagMs?: number;
}

/** A run that breached the SLA, and why. */
export interface Breach extends RunWithLag {
  reason: 'failed' | 'late';
}

/**
 * The lag of each successful run, latest first as the runs arrive: the
 * backend's when it sends one, else the common package's `freshnessLagMs`
 * (finishedAt − watermark, or the age since the previous successful run in
 * the list) — the same measure the scorecard uses, not one of our own.
 */
export function withLags(runs: readonly DataProductRun[]): RunWithLag[] {
  return runs.map((run, index) => {
    if (run.status !== 'success') return { run };
    const given = num(run.lagMs);
    if (given !== undefined) return { run, lagMs: given };
    const previous = runs
      .slice(index + 1)
      .find(older => older.status === 'success' && older.finishedAt);
    const lag = freshnessLagMs(
      {
        finishedAt: run.finishedAt ?? undefined,
        watermark: run.watermark ?? undefined,
      },
      previous ? { finishedAt: previous.finishedAt ?? undefined } : undefined,
    );
    return { run, lagMs: lag };
  });
}

/**
 * The runs that count as SLA breaches under the line the backend scored
 * with (`slaMs` of the reliability evidence: the p99 SLA, else p95): failed
 * runs, and successful runs lagging beyond it. Without a line only failures
 * are breaches, as in the scorecard.
 */
export function breaches(
  runs: readonly RunWithLag[],
  slaMs: number | undefined,
): Breach[] {
  const found: Breach[] = [];
  for (const entry of runs) {
    if (entry.run.status === 'failed') {
      found.push({ ...entry, reason: 'failed' });
    } else if (
      slaMs !== undefined &&
      entry.lagMs !== undefined &&
      entry.lagMs > slaMs
    ) {
      found.push({ ...entry, reason: 'late' });
    }
  }
  return found;
}
