/**
 * The supply-chain figures of one product at many instants — the ends of
 * the past days a history backfill computes — in one pass over its runs.
 * Each report equals `computeSupplyChain(input, day)`: a run's lead time
 * and end-to-end lead time do not depend on when it is looked at (what it
 * absorbed finished before it started), so they are worked out once, and
 * each day only summarises the runs of its own window. Upstream drift
 * incidents opened after a day's end are not counted that day: a day's
 * figures are what was known at its end.
 */
import { timestampMs, type Timestamp } from '../scoring/runs';
import { DEFAULT_SCORING_WINDOW_DAYS } from '../scoring/thresholds';
import { measureRunWindow } from '../scoring/window';
import type { SupplyChainInput, SupplyChainReport } from './computeSupplyChain';
import { computeErrorBudgets } from './errorBudget';
import { judgeFragile } from './fragile';
import { summarizeLeadTimes } from './leadTimeSummary';
import {
  DEFAULT_SUPPLY_CHAIN_SETTINGS,
  type SupplyChainSettings,
} from './settings';
import { measureVolatility, successfulRowCounts } from './volatility';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Items with the instant they finished, oldest first; no instant, no item. */
type ByFinish<T> = { items: T[]; finishedMs: number[] };

function byFinish<T>(
  items: readonly T[],
  finishedAt: (item: T) => Timestamp | undefined,
) {
  const timed = items
    .map((item, i) => ({ item, i, ms: timestampMs(finishedAt(item)) }))
    .filter(entry => !Number.isNaN(entry.ms))
    // Stable on ties, as the single-day functions keep the given order.
    .sort((a, b) => a.ms - b.ms || a.i - b.i);
  return {
    items: timed.map(entry => entry.item),
    finishedMs: timed.map(entry => entry.ms),
  } satisfies ByFinish<T>;
}

/**
 * The first index of `sorted` (ascending instants) whose instant is ≥ ms:
 * where a window starting at `ms` begins. Binary search.
 *
 * @public
 */
export function firstAtOrAfter(sorted: ArrayLike<number>, ms: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The items finished in [fromMs, toMs], both inclusive. */
function within<T>(list: ByFinish<T>, fromMs: number, toMs: number): T[] {
  return list.items.slice(
    firstAtOrAfter(list.finishedMs, fromMs),
    firstAtOrAfter(list.finishedMs, toMs + 1),
  );
}

/**
 * `computeSupplyChain(input, day, settings)` for every day of `days`, in
 * their order (with the upstream incidents opened by that day).
 *
 * @public
 */
export function computeSupplyChainDays(
  input: SupplyChainInput,
  days: readonly Date[],
  settings: SupplyChainSettings = DEFAULT_SUPPLY_CHAIN_SETTINGS,
): SupplyChainReport[] {
  const windowDays = input.windowDays ?? DEFAULT_SCORING_WINDOW_DAYS;
  const { graph, entityRef } = input;
  const runs = byFinish(
    graph.product(entityRef)?.runs ?? [],
    run => run.finishedAt,
  );
  // Each day summarises the lead times of its window: their finishes are
  // parsed here once, not once a day.
  const parsed = <T extends { finishedAt: string }>(items: T[]) =>
    items.map(item => ({ ...item, finishedMs: timestampMs(item.finishedAt) }));
  const leadTimes = byFinish(
    parsed(graph.leadTimes(entityRef)),
    lt => lt.finishedMs,
  );
  const endToEnd = byFinish(
    parsed(graph.endToEndLeadTimes(entityRef, { chains: false })),
    e2e => e2e.finishedMs,
  );
  return days.map(now => {
    const toMs = now.getTime();
    const fromMs = toMs - windowDays * DAY_MS;
    const window = measureRunWindow(
      within(runs, fromMs, toMs),
      now,
      windowDays,
    );
    const leadTime = summarizeLeadTimes(
      within(leadTimes, fromMs, toMs),
      input.leadTimeTarget,
      now,
      windowDays,
    );
    const volatility = measureVolatility(
      {
        lagsMs: window.lagsMs,
        rowCounts: successfulRowCounts(window.runs),
        upstreamDrift: input.upstreamDrift?.map(upstream => ({
          entityRef: upstream.entityRef,
          openedAt: upstream.openedAt.filter(at => timestampMs(at) <= toMs),
        })),
      },
      now,
      settings,
    );
    return {
      leadTime,
      endToEndLeadTime: summarizeLeadTimes(
        within(endToEnd, fromMs, toMs),
        input.leadTimeTarget,
        now,
        windowDays,
      ),
      volatility,
      fragile: judgeFragile(leadTime, volatility),
      errorBudgets: computeErrorBudgets(
        window,
        measureRunWindow(within(runs, toMs - DAY_MS, toMs), now, 1),
        input.freshness,
        settings,
      ),
    };
  });
}
