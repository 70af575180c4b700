/**
 * The runs a scorecard is computed from: the finished runs whose finishedAt
 * falls in [now − window, now], ordered, with the freshness lags of the
 * successful ones measured and sorted once so every dimension reads them.
 * O(n log n) in the runs, with a few flat arrays as the only allocations:
 * the backend recomputes thousands of products of hundreds of runs each.
 */
import { type ScoringRun, timestampMs } from './runs';

const DAY_MS = 24 * 60 * 60 * 1000;

/** @public */
export interface RunWindow {
  /** ISO start and end (`now`) of the window, both inclusive. */
  from: string;
  to: string;
  days: number;
  /** Finished runs (success or failed) in the window, oldest first. */
  runs: ScoringRun[];
  successfulRuns: number;
  failedRuns: number;
  /** Freshness lags (ms) of the successful runs that have one, ascending. */
  lagsMs: Float64Array;
}

/**
 * Selects and measures the window's runs. Runs still running, without a
 * readable finishedAt, or finished outside the window are left out entirely:
 * a run before the window does not even serve as the "previous successful
 * run" of the first one inside it.
 *
 * @public
 */
export function measureRunWindow(
  runs: readonly ScoringRun[],
  now: Date,
  windowDays: number,
): RunWindow {
  const toMs = now.getTime();
  const fromMs = toMs - windowDays * DAY_MS;

  const inWindow: ScoringRun[] = [];
  const finished: number[] = [];
  let successfulRuns = 0;
  let sorted = true;
  for (const run of runs) {
    if (run.status !== 'success' && run.status !== 'failed') continue;
    const at = timestampMs(run.finishedAt);
    if (!(at >= fromMs && at <= toMs)) continue; // NaN fails both
    if (finished.length > 0 && at < finished[finished.length - 1]) {
      sorted = false;
    }
    inWindow.push(run);
    finished.push(at);
    if (run.status === 'success') successfulRuns++;
  }

  // Stores usually return runs in finish order; sort only when they are not.
  let ordered = inWindow;
  let finishedOrdered = finished;
  if (!sorted) {
    const order = Array.from(inWindow.keys()).sort(
      (a, b) => finished[a] - finished[b] || a - b,
    );
    ordered = order.map(i => inWindow[i]);
    finishedOrdered = order.map(i => finished[i]);
  }

  const lags = new Float64Array(successfulRuns);
  let lagCount = 0;
  let previousSuccess = NaN;
  for (let i = 0; i < ordered.length; i++) {
    const run = ordered[i];
    if (run.status !== 'success') continue;
    const at = finishedOrdered[i];
    const watermark = timestampMs(run.watermark);
    // The same rule as freshnessLagMs, inlined to parse each time once.
    if (!Number.isNaN(watermark)) {
      lags[lagCount++] = at - watermark;
    } else if (!Number.isNaN(previousSuccess)) {
      lags[lagCount++] = at - previousSuccess;
    }
    previousSuccess = at;
  }

  return {
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    days: windowDays,
    runs: ordered,
    successfulRuns,
    failedRuns: ordered.length - successfulRuns,
    lagsMs: lags.subarray(0, lagCount).sort(),
  };
}
