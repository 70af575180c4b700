/**
 * -common's `computeSupplyChain`, worked through a product's runs a slice
 * at a time with a turn of the event loop in between: the same parts
 * (window meters, per-run and end-to-end lead times, their summaries,
 * volatility, fragile, error budgets) in the same order, so the result is
 * the same, but a product with a hundred thousand runs in its window does
 * not hold up the requests served meanwhile (see scoringLargeWindow.test.ts).
 */
import {
  DEFAULT_SCORING_WINDOW_DAYS,
  DEFAULT_SUPPLY_CHAIN_SETTINGS,
  LeadTimeItem,
  RunWindowMeter,
  SupplyChainInput,
  SupplyChainReport,
  SupplyChainRun,
  SupplyChainSettings,
  computeErrorBudgets,
  judgeFragile,
  measureVolatility,
  successfulRowCounts,
  summarizeLeadTimes,
} from '@stockroom/plugin-data-products-common';
import { yieldToEventLoop } from './yieldToEventLoop';

/** Runs handled between two turns of the event loop. */
const RUNS_PER_TURN = 2000;

export async function computeSupplyChainInTurns(
  input: SupplyChainInput,
  now: Date,
  settings: SupplyChainSettings = DEFAULT_SUPPLY_CHAIN_SETTINGS,
): Promise<SupplyChainReport> {
  const windowDays = input.windowDays ?? DEFAULT_SCORING_WINDOW_DAYS;
  const { graph, entityRef } = input;
  const product = graph.product(entityRef);
  const runs = [...(product?.runs ?? [])];
  const nowMs = now.getTime();
  const fromMs = nowMs - windowDays * 24 * 60 * 60 * 1000;
  // As the engine reads a Timestamp: NaN when it names no instant.
  const finishedMs = (run: SupplyChainRun) => {
    const at = run.finishedAt;
    if (typeof at === 'number') return at;
    if (typeof at === 'string') return Date.parse(at);
    return at instanceof Date ? at.getTime() : NaN;
  };
  // The meters take runs oldest finish first, as measureRunWindow sorts them.
  const order = runs.map((run, i) => ({ run, i, at: finishedMs(run) }));
  if (order.some((o, i) => i > 0 && o.at < order[i - 1].at)) {
    order.sort((a, b) => a.at - b.at || a.i - b.i);
  }
  await yieldToEventLoop();

  const window = new RunWindowMeter(now, windowDays);
  const last24h = new RunWindowMeter(now, 1);
  const inWindow: typeof runs = [];
  // Each run's own and end-to-end lead time come from one walk of the
  // graph, each run's hop worked out once (a third of a full recompute's
  // CPU went to measuring a run's lead time twice, bench scoring).
  const leadTimes: LeadTimeItem[] = [];
  const endToEnd: LeadTimeItem[] = [];
  for (let start = 0; start < order.length; start += RUNS_PER_TURN) {
    for (const { run, at } of order.slice(start, start + RUNS_PER_TURN)) {
      if (run.status !== 'success' && run.status !== 'failed') continue;
      if (!(at >= fromMs && at <= nowMs)) continue;
      window.add(run);
      last24h.add(run);
      inWindow.push(run);
    }
    for (const run of runs.slice(start, start + RUNS_PER_TURN)) {
      if (!product) break;
      const measured = graph.leadTimesOfRun(product, run);
      if (!measured) continue;
      leadTimes.push(measured.own);
      endToEnd.push(measured.endToEnd);
    }
    await yieldToEventLoop();
  }

  const leadTime = summarizeLeadTimes(
    leadTimes,
    input.leadTimeTarget,
    now,
    windowDays,
  );
  await yieldToEventLoop();
  const endToEndLeadTime = summarizeLeadTimes(
    endToEnd,
    input.leadTimeTarget,
    now,
    windowDays,
  );
  await yieldToEventLoop();
  const measured = window.result();
  const volatility = measureVolatility(
    {
      lagsMs: measured.lagsMs,
      rowCounts: successfulRowCounts(inWindow),
      upstreamDrift: input.upstreamDrift,
    },
    now,
    settings,
  );
  return {
    leadTime,
    endToEndLeadTime,
    volatility,
    fragile: judgeFragile(leadTime, volatility),
    errorBudgets: computeErrorBudgets(
      measured,
      last24h.result(),
      input.freshness,
      settings,
    ),
  };
}
