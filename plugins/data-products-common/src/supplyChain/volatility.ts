/**
 * Volatility (dataproduct-spec.md "Supply chain"): the coefficient of
 * variation — standard deviation ÷ mean — of the freshness lag over the
 * window's successful runs, graded low < 0.25 ≤ medium < 0.5 ≤ high. Shown
 * with it: the same measure over row counts (row-count swings) and the
 * drift incidents of the upstreams this quarter.
 */
import { plural } from '../scoring/format';
import { calendarQuarter } from '../scoring/stability';
import type { Timestamp } from '../scoring/runs';
import { instantMs } from './instant';
import {
  DEFAULT_SUPPLY_CHAIN_SETTINGS,
  type SupplyChainSettings,
} from './settings';

/** @public */
export type VolatilityLevel = 'low' | 'medium' | 'high';

/** The spread of one series; `value` null when unknown, `summary` says why. @public */
export interface Spread {
  /** Coefficient of variation: population standard deviation ÷ mean. */
  value: number | null;
  level: VolatilityLevel | null;
  values: number;
  mean: number | null;
  standardDeviation: number | null;
  summary: string;
}

/** @public */
export interface UpstreamDrift {
  quarter: string;
  /** Incidents opened this quarter, all upstreams together. */
  incidents: number;
  byUpstream: Array<{ entityRef: string; incidents: number }>;
}

/** @public */
export interface Volatility {
  /** Of the freshness lag: the volatility. */
  lag: Spread;
  /** Of the row count: row-count swings. */
  rowCount: Spread;
  upstreamDrift: UpstreamDrift;
  thresholds: SupplyChainSettings['volatility'];
}

/**
 * Population standard deviation ÷ mean of `values`: how large the swings
 * are against the typical value. Unknown (with the reason) for fewer than
 * `minRuns` values, or a mean that is not positive — a ratio to a zero or
 * negative mean measures nothing. Two passes (mean, then squared
 * deviations) keep it exact enough for lags of days in milliseconds.
 *
 * @public
 */
export function coefficientOfVariation(
  values: ArrayLike<number>,
  what: string,
  settings: SupplyChainSettings['volatility'] = DEFAULT_SUPPLY_CHAIN_SETTINGS.volatility,
): Spread {
  const n = values.length;
  const unknown = (
    summary: string,
    mean: number | null = null,
    standardDeviation: number | null = null,
  ): Spread => ({
    value: null,
    level: null,
    values: n,
    mean,
    standardDeviation,
    summary,
  });
  if (n < settings.minRuns) {
    return unknown(
      `${plural(n, 'run')} with a ${what}: at least ${
        settings.minRuns
      } are needed to measure its swings`,
    );
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] - mean) ** 2;
  const sd = Math.sqrt(squares / n);
  if (!(mean > 0) || !Number.isFinite(sd)) {
    return unknown(
      `The mean ${what} is ${mean}: swings relative to it mean nothing`,
      Number.isFinite(mean) ? mean : null,
    );
  }
  const cv = sd / mean;
  const level = volatilityLevel(cv, settings);
  return {
    value: cv,
    level,
    values: n,
    mean,
    standardDeviation: sd,
    summary: `${level} (${what} varies by ${cv.toFixed(
      2,
    )}× its mean over ${plural(n, 'run')})`,
  };
}

/** low < medium ≤ … < high ≤. @public */
export function volatilityLevel(
  coefficient: number,
  settings: SupplyChainSettings['volatility'] = DEFAULT_SUPPLY_CHAIN_SETTINGS.volatility,
): VolatilityLevel {
  if (coefficient >= settings.high) return 'high';
  if (coefficient >= settings.medium) return 'medium';
  return 'low';
}

/**
 * Volatility of a product over its window: `lagsMs` are the freshness lags
 * of the window's successful runs (`RunWindow.lagsMs`), `rowCounts` the row
 * counts those runs reported, `upstreamDrift` when each upstream's drift
 * incidents were opened (those outside the quarter containing now are left
 * out).
 *
 * @public
 */
export function measureVolatility(
  input: {
    lagsMs: ArrayLike<number>;
    rowCounts: ArrayLike<number>;
    upstreamDrift?: ReadonlyArray<{
      entityRef: string;
      openedAt: readonly Timestamp[];
    }>;
  },
  now: Date,
  settings: SupplyChainSettings = DEFAULT_SUPPLY_CHAIN_SETTINGS,
): Volatility {
  const quarter = calendarQuarter(now);
  const byUpstream = (input.upstreamDrift ?? []).map(upstream => {
    let incidents = 0;
    for (const at of upstream.openedAt) {
      const ms = instantMs(at);
      if (ms >= quarter.fromMs && ms < quarter.toMs) incidents++;
    }
    return { entityRef: upstream.entityRef, incidents };
  });
  return {
    lag: coefficientOfVariation(
      input.lagsMs,
      'freshness lag',
      settings.volatility,
    ),
    rowCount: coefficientOfVariation(
      input.rowCounts,
      'row count',
      settings.volatility,
    ),
    upstreamDrift: {
      quarter: quarter.label,
      incidents: byUpstream.reduce((total, u) => total + u.incidents, 0),
      byUpstream,
    },
    thresholds: settings.volatility,
  };
}

/**
 * The row counts of the successful runs among `runs` (e.g. a measured
 * window's `runs`), in order; runs reporting none, or nonsense, are left out.
 *
 * @public
 */
export function successfulRowCounts(
  runs: ReadonlyArray<{ status: string; rowCount?: number }>,
): number[] {
  const counts: number[] = [];
  for (const run of runs) {
    const rows = run.rowCount;
    if (
      run.status === 'success' &&
      typeof rows === 'number' &&
      Number.isFinite(rows) &&
      rows >= 0
    ) {
      counts.push(rows);
    }
  }
  return counts;
}
