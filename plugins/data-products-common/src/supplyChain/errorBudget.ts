/**
 * Error budgets of the freshness SLO (dataproduct-spec.md "Supply chain"):
 * of n runs in the window at most ⌊0.05·n⌋ may exceed p95 and ⌊0.01·n⌋ may
 * exceed p99, failed runs counting as exceeding both. Remaining budget =
 * 1 − used ÷ allowed (0 when none is allowed and any was used). Burn rate
 * over the last 24 h = share of runs over p95 in those 24 h ÷ 0.05.
 */
import type { FreshnessSla } from '../kind/types';
import { formatLag, plural } from '../scoring/format';
import type { ScoringRun } from '../scoring/runs';
import { promisedLags } from '../scoring/sla';
import { DEFAULT_SCORING_WINDOW_DAYS } from '../scoring/thresholds';
import type { WindowBounds } from '../scoring/types';
import { measureRunWindow, type RunWindow } from '../scoring/window';
import {
  DEFAULT_SUPPLY_CHAIN_SETTINGS,
  type SupplyChainSettings,
} from './settings';

/** The budget of one SLO; the numbers are null where unknown, `summary` says why. @public */
export interface ErrorBudget {
  slo: 'p95' | 'p99';
  promisedMs: number | null;
  /** Finished runs (successful and failed) in the window: n. */
  runs: number;
  failedRuns: number;
  /** Successful runs whose lag exceeded the promise. */
  lateRuns: number;
  /** failedRuns + lateRuns. */
  used: number | null;
  /** ⌊0.05·n⌋ for p95, ⌊0.01·n⌋ for p99. */
  allowed: number | null;
  /** 1 − used ÷ allowed; below 0 when overspent. */
  remaining: number | null;
  /** remaining ≤ 0: nothing left to spend. */
  exhausted: boolean | null;
  summary: string;
}

/** @public */
export interface BurnRate {
  /** The last 24 h, ending now. */
  window: WindowBounds;
  runs: number;
  /** Runs over p95 in those 24 h, failed ones included. */
  overP95: number;
  /** (overP95 ÷ runs) ÷ 0.05; null when unknown. */
  value: number | null;
  /** value ≥ the alert rate with at least the minimum runs. */
  alert: boolean;
  summary: string;
}

/** @public */
export interface ErrorBudgets {
  window: WindowBounds;
  p95: ErrorBudget;
  p99: ErrorBudget;
  burnRate: BurnRate;
}

/**
 * Budgets of a measured window and burn rate of the measured last 24 h
 * (both from `measureRunWindow` or a `RunWindowMeter`, the second with a
 * window of 1 day), against the contract's freshness SLA.
 *
 * @public
 */
export function computeErrorBudgets(
  window: RunWindow,
  last24h: RunWindow,
  freshness: FreshnessSla | undefined,
  settings: SupplyChainSettings = DEFAULT_SUPPLY_CHAIN_SETTINGS,
): ErrorBudgets {
  const promised = promisedLags(freshness);
  return {
    window: { from: window.from, to: window.to },
    p95: budgetOf('p95', window, promised.p95),
    p99: budgetOf('p99', window, promised.p99),
    burnRate: burnRate(last24h, promised.p95, settings),
  };
}

/**
 * {@link computeErrorBudgets} from a list of runs in any order.
 *
 * @public
 */
export function measureErrorBudgets(
  runs: readonly ScoringRun[],
  freshness: FreshnessSla | undefined,
  now: Date,
  windowDays: number = DEFAULT_SCORING_WINDOW_DAYS,
  settings: SupplyChainSettings = DEFAULT_SUPPLY_CHAIN_SETTINGS,
): ErrorBudgets {
  return computeErrorBudgets(
    measureRunWindow(runs, now, windowDays),
    measureRunWindow(runs, now, 1),
    freshness,
    settings,
  );
}

/** Integer arithmetic: ⌊0.05·n⌋ in floating point can land a hair below a whole number. */
function allowedOf(slo: 'p95' | 'p99', runs: number): number {
  return slo === 'p95' ? Math.floor((runs * 5) / 100) : Math.floor(runs / 100);
}

function budgetOf(
  slo: 'p95' | 'p99',
  window: RunWindow,
  promisedMs: number | undefined,
): ErrorBudget {
  const runs = window.runCount;
  const failedRuns = window.failedRuns;
  const lateRuns =
    promisedMs === undefined ? 0 : countAbove(window.lagsMs, promisedMs);
  const base = {
    slo,
    promisedMs: promisedMs ?? null,
    runs,
    failedRuns,
    lateRuns,
  };
  const unknown = (summary: string): ErrorBudget => ({
    ...base,
    used: null,
    allowed: null,
    remaining: null,
    exhausted: null,
    summary,
  });
  const name = slo.toUpperCase();
  if (promisedMs === undefined) {
    return unknown(
      `No ${name} budget: declare contract.freshness.${slo} to have one`,
    );
  }
  if (runs === 0) {
    return unknown(
      `No runs in the last ${plural(
        window.days,
        'day',
      )}: no ${name} budget to spend`,
    );
  }
  const used = failedRuns + lateRuns;
  const allowed = allowedOf(slo, runs);
  let remaining: number;
  if (allowed === 0) remaining = used === 0 ? 1 : 0;
  else remaining = 1 - used / allowed;
  const exhausted = remaining <= 0;
  return {
    ...base,
    used,
    allowed,
    remaining,
    exhausted,
    summary: `${name} budget ${
      exhausted ? 'exhausted' : `${Math.round(remaining * 100)}% left`
    }: ${used} of ${allowed} allowed runs over ${formatLag(
      promisedMs,
    )} (${failedRuns} failed, ${lateRuns} late) of ${plural(runs, 'run')}`,
  };
}

function burnRate(
  last24h: RunWindow,
  p95Ms: number | undefined,
  settings: SupplyChainSettings,
): BurnRate {
  const runs = last24h.runCount;
  const overP95 =
    last24h.failedRuns +
    (p95Ms === undefined ? 0 : countAbove(last24h.lagsMs, p95Ms));
  const base = {
    window: { from: last24h.from, to: last24h.to },
    runs,
    overP95,
  };
  if (p95Ms === undefined) {
    return {
      ...base,
      value: null,
      alert: false,
      summary: 'No burn rate: declare contract.freshness.p95',
    };
  }
  if (runs === 0) {
    return {
      ...base,
      value: null,
      alert: false,
      summary: 'No runs in the last 24 h: no burn rate',
    };
  }
  // (overP95 ÷ runs) ÷ 0.05, as overP95 × 20 ÷ runs so whole rates stay exact.
  const value = (overP95 * 20) / runs;
  const alert = isBurnRateAlarming({ value, runs }, settings);
  return {
    ...base,
    value,
    alert,
    summary: `Burn rate ${Number(
      value.toFixed(2),
    )} over the last 24 h: ${overP95} of ${plural(runs, 'run')} over p95${
      alert ? ' — the budget burns too fast' : ''
    }`,
  };
}

/**
 * Notify the owner: the 24 h burn rate reached the alert rate (10) with at
 * least the minimum runs (5). Delivering it once is the caller's job.
 *
 * @public
 */
export function isBurnRateAlarming(
  burn: { value: number | null; runs: number },
  settings: SupplyChainSettings = DEFAULT_SUPPLY_CHAIN_SETTINGS,
): boolean {
  return (
    burn.value !== null &&
    burn.value >= settings.errorBudget.burnRateAlert &&
    burn.runs >= settings.errorBudget.burnRateMinRuns
  );
}

/**
 * Notify the owner: this budget is exhausted. Delivering it once is the
 * caller's job.
 *
 * @public
 */
export function isBudgetExhausted(
  budget: Pick<ErrorBudget, 'exhausted'>,
): boolean {
  return budget.exhausted === true;
}

/** @public */
export type ErrorBudgetNotice =
  | { kind: 'budget-exhausted'; slo: 'p95' | 'p99'; message: string }
  | { kind: 'burn-rate'; value: number; runs: number; message: string };

/**
 * The owner notifications the budgets call for now, each a fact the caller
 * delivers once (`kind` and `slo` make its key).
 *
 * @public
 */
export function errorBudgetNotices(
  budgets: ErrorBudgets,
  settings: SupplyChainSettings = DEFAULT_SUPPLY_CHAIN_SETTINGS,
): ErrorBudgetNotice[] {
  const notices: ErrorBudgetNotice[] = [];
  for (const budget of [budgets.p95, budgets.p99]) {
    if (isBudgetExhausted(budget)) {
      notices.push({
        kind: 'budget-exhausted',
        slo: budget.slo,
        message: budget.summary,
      });
    }
  }
  if (isBurnRateAlarming(budgets.burnRate, settings)) {
    notices.push({
      kind: 'burn-rate',
      value: budgets.burnRate.value!,
      runs: budgets.burnRate.runs,
      message: budgets.burnRate.summary,
    });
  }
  return notices;
}

/** How many of the ascending `sorted` values are > bound: a binary search. */
function countAbove(sorted: ArrayLike<number>, bound: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] <= bound) low = mid + 1;
    else high = mid;
  }
  return sorted.length - low;
}
