/**
 * The runs a scorecard is computed from: the finished runs whose finishedAt
 * falls in [now − window, now], oldest first, reduced to what the
 * dimensions read — counts, the freshness lags of the successful runs
 * (sorted once), and per column the sums behind the mean null and duplicate
 * rates. Runs are fed one at a time ({@link RunWindowMeter}), so a store can
 * stream a window of hundreds of thousands of runs through it in chunks
 * while only 8 bytes per successful run and a few counters per column are
 * kept.
 */
import { addDuplicateRate, addNullRate, type RateSum } from './rates';
import { type ScoringRun, timestampMs } from './runs';

const DAY_MS = 24 * 60 * 60 * 1000;
const INITIAL_LAGS = 1024;

/** Sums of one column's rates over the window's runs. @public */
export interface ColumnRateSums {
  nullRate: RateSum;
  duplicateRate: RateSum;
}

/** @public */
export interface RunWindow {
  /** ISO start and end (`now`) of the window, both inclusive. */
  from: string;
  to: string;
  days: number;
  /** Finished runs (success or failed) in the window. */
  runCount: number;
  successfulRuns: number;
  failedRuns: number;
  /** Freshness lags (ms) of the successful runs that have one, ascending. */
  lagsMs: Float64Array;
  /** Per reported column, the sums behind its mean null and duplicate rate. */
  columnRates: ReadonlyMap<string, ColumnRateSums>;
  /** Whether any run in the window reported column counts. */
  runsReportColumns: boolean;
}

/**
 * Measures a window from runs fed oldest finish first. Runs still running,
 * without a readable finishedAt, or finished outside the window are left out
 * entirely: a run before the window does not even serve as the "previous
 * successful run" of the first one inside it.
 *
 * @public
 */
export class RunWindowMeter {
  private readonly fromMs: number;
  private readonly toMs: number;
  private lags = new Float64Array(INITIAL_LAGS);
  private lagCount = 0;
  private runCount = 0;
  private successfulRuns = 0;
  private lastFinishedMs = -Infinity;
  private previousSuccessMs = NaN;
  private readonly columnRates = new Map<string, ColumnRateSums>();
  private runsReportColumns = false;

  constructor(now: Date, private readonly windowDays: number) {
    if (!(windowDays > 0 && Number.isFinite(windowDays))) {
      throw new RangeError(
        `windowDays must be a positive number of days, not ${windowDays}`,
      );
    }
    this.toMs = now.getTime();
    this.fromMs = this.toMs - windowDays * DAY_MS;
  }

  /** Adds the next run; runs must come in order of finish, oldest first. */
  add(run: ScoringRun): void {
    if (run.status !== 'success' && run.status !== 'failed') return;
    const at = timestampMs(run.finishedAt);
    if (!(at >= this.fromMs && at <= this.toMs)) return; // NaN fails both
    if (at < this.lastFinishedMs) {
      throw new RangeError(
        `Runs must be measured oldest first: ${run.runId} finished before the run measured last`,
      );
    }
    this.lastFinishedMs = at;
    this.runCount++;
    this.addCounts(run);
    if (run.status !== 'success') return;
    this.successfulRuns++;
    const watermark = timestampMs(run.watermark);
    // The same rule as freshnessLagMs, inlined to parse each time once.
    if (!Number.isNaN(watermark)) {
      this.pushLag(at - watermark);
    } else if (!Number.isNaN(this.previousSuccessMs)) {
      this.pushLag(at - this.previousSuccessMs);
    }
    this.previousSuccessMs = at;
  }

  /** The window as measured so far. */
  result(): RunWindow {
    return {
      from: new Date(this.fromMs).toISOString(),
      to: new Date(this.toMs).toISOString(),
      days: this.windowDays,
      runCount: this.runCount,
      successfulRuns: this.successfulRuns,
      failedRuns: this.runCount - this.successfulRuns,
      // A copy: sorting must not disturb a meter that is fed further.
      lagsMs: this.lags.slice(0, this.lagCount).sort(),
      columnRates: this.columnRates,
      runsReportColumns: this.runsReportColumns,
    };
  }

  private pushLag(lag: number) {
    if (this.lagCount === this.lags.length) {
      const grown = new Float64Array(this.lags.length * 2);
      grown.set(this.lags);
      this.lags = grown;
    }
    this.lags[this.lagCount++] = lag;
  }

  private addCounts(run: ScoringRun) {
    if (!run.columns) return;
    this.runsReportColumns = true;
    for (const field of Object.keys(run.columns)) {
      let sums = this.columnRates.get(field);
      if (!sums) {
        sums = {
          nullRate: { sum: 0, runs: 0 },
          duplicateRate: { sum: 0, runs: 0 },
        };
        this.columnRates.set(field, sums);
      }
      addNullRate(sums.nullRate, run, field);
      addDuplicateRate(sums.duplicateRate, run, field);
    }
  }
}

/**
 * Selects and measures the window's runs from a list in any order, and
 * returns them too, oldest first (ties in the order given).
 *
 * @public
 */
export function measureRunWindow(
  runs: readonly ScoringRun[],
  now: Date,
  windowDays: number,
): RunWindow & { runs: ScoringRun[] } {
  const meter = new RunWindowMeter(now, windowDays);
  const toMs = now.getTime();
  const fromMs = toMs - windowDays * DAY_MS;
  const inWindow: ScoringRun[] = [];
  const finished: number[] = [];
  let sorted = true;
  for (const run of runs) {
    if (run.status !== 'success' && run.status !== 'failed') continue;
    const at = timestampMs(run.finishedAt);
    if (!(at >= fromMs && at <= toMs)) continue;
    if (finished.length > 0 && at < finished[finished.length - 1]) {
      sorted = false;
    }
    inWindow.push(run);
    finished.push(at);
  }
  // Stores usually return runs in finish order; sort only when they are not.
  const ordered = sorted
    ? inWindow
    : Array.from(inWindow.keys())
        .sort((a, b) => finished[a] - finished[b] || a - b)
        .map(i => inWindow[i]);
  for (const run of ordered) meter.add(run);
  return { ...meter.result(), runs: ordered };
}
