/**
 * Every supply-chain figure of one product at `now`, in one call: what the
 * backend stores beside the scorecard. Tier at risk is apart: it reads
 * snapshots, not runs (`judgeTierAtRisk`).
 */
import type { DurationText, FreshnessSla } from '../kind/types';
import type { Timestamp } from '../scoring/runs';
import { DEFAULT_SCORING_WINDOW_DAYS } from '../scoring/thresholds';
import { measureRunWindow } from '../scoring/window';
import type { LineageGraph } from './endToEnd';
import { computeErrorBudgets, type ErrorBudgets } from './errorBudget';
import { judgeFragile, type FragileVerdict } from './fragile';
import { summarizeLeadTimes } from './leadTimeSummary';
import {
  DEFAULT_SUPPLY_CHAIN_SETTINGS,
  type SupplyChainSettings,
} from './settings';
import type { LeadTimeSummary } from './types';
import {
  measureVolatility,
  successfulRowCounts,
  type Volatility,
} from './volatility';

/** @public */
export interface SupplyChainInput {
  /** The product; its runs are the graph's. */
  entityRef: string;
  graph: LineageGraph;
  freshness?: FreshnessSla;
  /** `spec.leadTime.target`. */
  leadTimeTarget?: DurationText;
  /** When each upstream's drift incidents were opened. */
  upstreamDrift?: ReadonlyArray<{
    entityRef: string;
    openedAt: readonly Timestamp[];
  }>;
  /** Days back from now; default 30. */
  windowDays?: number;
}

/** @public */
export interface SupplyChainReport {
  leadTime: LeadTimeSummary;
  endToEndLeadTime: LeadTimeSummary;
  volatility: Volatility;
  fragile: FragileVerdict;
  errorBudgets: ErrorBudgets;
}

/** @public */
export function computeSupplyChain(
  input: SupplyChainInput,
  now: Date,
  settings: SupplyChainSettings = DEFAULT_SUPPLY_CHAIN_SETTINGS,
): SupplyChainReport {
  const windowDays = input.windowDays ?? DEFAULT_SCORING_WINDOW_DAYS;
  const runs = input.graph.product(input.entityRef)?.runs ?? [];
  const window = measureRunWindow(runs, now, windowDays);
  const leadTime = summarizeLeadTimes(
    input.graph.leadTimes(input.entityRef),
    input.leadTimeTarget,
    now,
    windowDays,
  );
  const volatility = measureVolatility(
    {
      lagsMs: window.lagsMs,
      rowCounts: successfulRowCounts(window.runs),
      upstreamDrift: input.upstreamDrift,
    },
    now,
    settings,
  );
  return {
    leadTime,
    endToEndLeadTime: summarizeLeadTimes(
      input.graph.endToEndLeadTimes(input.entityRef, { chains: false }),
      input.leadTimeTarget,
      now,
      windowDays,
    ),
    volatility,
    fragile: judgeFragile(leadTime, volatility),
    errorBudgets: computeErrorBudgets(
      window,
      measureRunWindow(runs, now, 1),
      input.freshness,
      settings,
    ),
  };
}
