import type { DataProductScorecard } from '../api';
import { identityScorecard } from './scorecard';

/*
 * Supply-chain figures as the backend serves them with a scorecard
 * (`supplyChain`, `tierAtRisk` of the API document), written by hand: the
 * numbers agree with each other the way the spec defines them, so a test
 * can read each displayed figure off this file.
 */

const MINUTE = 60 * 1000;
const WINDOW = {
  from: '2026-10-26T06:00:00.000Z',
  to: '2026-11-25T06:00:00.000Z',
};
const LAST_DAY = {
  from: '2026-11-24T06:00:00.000Z',
  to: '2026-11-25T06:00:00.000Z',
};

type SupplyChain = NonNullable<DataProductScorecard['supplyChain']>;
type TierAtRisk = NonNullable<DataProductScorecard['tierAtRisk']>;

/**
 * customer-identity-v2 with a 1 h lead-time target: P50 40 min, P95 95 min
 * (over target), lag volatility 0.62 (high) so fragile; the P95 budget
 * overspent (180 used of ⌊0.05 · 2,880⌋ = 144 allowed: 1 − 180/144 = −25 %),
 * the P99 budget a quarter left (21 of ⌊0.01 · 2,880⌋ = 28: 1 − 21/28 =
 * 25 %); 6 of 48 runs over p95 in the last 24 h: (6/48)/0.05 = 2.5.
 */
export const fragileSupplyChain: SupplyChain = {
  leadTime: {
    p50Ms: 40 * MINUTE,
    p95Ms: 95 * MINUTE,
    overTarget: true,
    evidence: {
      window: WINDOW,
      successfulRuns: 2868,
      measuredRuns: 2860,
      p50Ms: 40 * MINUTE,
      p95Ms: 95 * MINUTE,
      targetMs: 60 * MINUTE,
      unmeasured: [{ cause: 'nothing-absorbed', runs: 8 }],
    },
    summary: 'P95 lead time 1 h 35 min vs 1 h target over 2,860 runs',
  },
  endToEndLeadTime: {
    p50Ms: null,
    p95Ms: null,
    overTarget: null,
    evidence: {
      window: WINDOW,
      successfulRuns: 2868,
      measuredRuns: 0,
      p50Ms: null,
      p95Ms: null,
      targetMs: 60 * MINUTE,
      unmeasured: [{ cause: 'lineage-cycle', runs: 2868 }],
    },
    summary:
      'No end-to-end lead time measured: lineage cycle crm-accounts ← crm-contacts ← crm-accounts',
  },
  volatility: {
    lag: {
      value: 0.62,
      level: 'high',
      values: 2856,
      mean: 20 * MINUTE,
      standardDeviation: 12.4 * MINUTE,
      summary: 'Lag varies by 0.62 of its mean (high) over 2,856 runs',
    },
    rowCount: {
      value: null,
      level: null,
      values: 4,
      mean: null,
      standardDeviation: null,
      summary: 'Only 4 runs reported a row count; at least 10 are needed',
    },
    upstreamDrift: {
      quarter: '2026-Q4',
      incidents: 2,
      byUpstream: [{ entityRef: 'dataproduct:default/crm-accounts', incidents: 2 }],
    },
    thresholds: { minRuns: 10, medium: 0.25, high: 0.5 },
  },
  fragile: {
    fragile: true,
    overTarget: true,
    volatility: 'high',
    summary:
      'Fragile: P95 lead time 1 h 35 min is over the 1 h target and lag volatility is high',
  },
  errorBudgets: {
    window: WINDOW,
    p95: {
      slo: 'p95',
      promisedMs: 30 * MINUTE,
      runs: 2880,
      failedRuns: 12,
      lateRuns: 168,
      used: 180,
      allowed: 144,
      remaining: -0.25,
      exhausted: true,
      summary: 'P95 budget exhausted: 180 of 144 allowed runs used',
    },
    p99: {
      slo: 'p99',
      promisedMs: 60 * MINUTE,
      runs: 2880,
      failedRuns: 12,
      lateRuns: 9,
      used: 21,
      allowed: 28,
      remaining: 0.25,
      exhausted: false,
      summary: 'P99 budget: 21 of 28 allowed runs used',
    },
    burnRate: {
      window: LAST_DAY,
      runs: 48,
      overP95: 6,
      value: 2.5,
      alert: false,
      summary: '6 of 48 runs over p95 in the last 24 h',
    },
  },
  recentRuns: [
    {
      runId: 'run-0003',
      finishedAt: '2026-11-25T05:40:00.000Z',
      cutoff: { from: 'startedAt', at: '2026-11-25T05:20:00.000Z' },
      upstreamSource: 'declared',
      upstreams: [
        'dataproduct:default/crm-accounts',
        'dataproduct:default/crm-contacts',
        'resource:default/legacy-dump',
      ],
      absorbed: [
        {
          entityRef: 'dataproduct:default/crm-accounts',
          runId: 'acc-7781',
          finishedAt: '2026-11-25T05:00:00.000Z',
        },
        {
          entityRef: 'dataproduct:default/crm-contacts',
          runId: 'con-4410',
          finishedAt: '2026-11-25T04:10:00.000Z',
        },
      ],
      notAbsorbed: ['resource:default/legacy-dump'],
      leadTimeMs: 40 * MINUTE,
      reason: null,
      cause: null,
      endToEnd: {
        leadTimeMs: null,
        origin: null,
        chain: [],
        reason: 'Lineage cycle: crm-accounts ← crm-contacts ← crm-accounts',
        cause: 'lineage-cycle',
      },
    },
    {
      runId: 'run-0002',
      finishedAt: '2026-11-25T05:10:00.000Z',
      cutoff: { from: 'startedAt', at: '2026-11-25T04:50:00.000Z' },
      upstreamSource: 'declared',
      upstreams: ['dataproduct:default/crm-accounts'],
      absorbed: [
        {
          entityRef: 'dataproduct:default/crm-accounts',
          runId: 'acc-7780',
          finishedAt: '2026-11-25T03:35:00.000Z',
        },
      ],
      notAbsorbed: [],
      leadTimeMs: 95 * MINUTE,
      reason: null,
      cause: null,
      endToEnd: {
        leadTimeMs: null,
        origin: null,
        chain: [],
        reason: 'Lineage cycle: crm-accounts ← crm-contacts ← crm-accounts',
        cause: 'lineage-cycle',
      },
    },
  ],
};

/** A shared mart whose freshness scored ≤ 2 on each of the last 14 days. */
export const atRiskTier: TierAtRisk = {
  applies: true,
  atRisk: true,
  period: { from: '2026-11-12', to: '2026-11-25', days: 14 },
  freshness: { atRisk: true, daysAtMost2: 14 },
  reliability: { atRisk: false, daysAtMost2: 3 },
  missingDays: [],
  atRiskSince: '2026-11-09',
  summary: 'Freshness scored ≤ 2 on each of the last 14 days',
};

/** Every figure unknown: no runs with upstreams, no promise, no snapshots. */
export const unknownSupplyChain: SupplyChain = {
  leadTime: {
    ...fragileSupplyChain.endToEndLeadTime,
    evidence: {
      ...fragileSupplyChain.endToEndLeadTime.evidence,
      targetMs: null,
      unmeasured: [{ cause: 'no-upstream', runs: 2868 }],
    },
    summary: 'No lead time measured: the product declares no upstream',
  },
  endToEndLeadTime: {
    ...fragileSupplyChain.endToEndLeadTime,
    summary: 'No end-to-end lead time measured: the product declares no upstream',
  },
  volatility: {
    ...fragileSupplyChain.volatility,
    lag: {
      ...fragileSupplyChain.volatility.rowCount,
      summary: 'Only 3 measured runs; at least 10 are needed',
    },
  },
  fragile: {
    fragile: null,
    overTarget: null,
    volatility: null,
    summary: 'Cannot tell: no lead time target and volatility unknown',
  },
  errorBudgets: {
    window: WINDOW,
    p95: {
      ...fragileSupplyChain.errorBudgets.p95,
      promisedMs: null,
      used: null,
      allowed: null,
      remaining: null,
      exhausted: null,
      summary: 'No p95 promised (contract.freshness.p95)',
    },
    p99: {
      ...fragileSupplyChain.errorBudgets.p99,
      promisedMs: null,
      used: null,
      allowed: null,
      remaining: null,
      exhausted: null,
      summary: 'No p99 promised (contract.freshness.p99)',
    },
    burnRate: {
      window: LAST_DAY,
      runs: 0,
      overP95: 0,
      value: null,
      alert: false,
      summary: 'No runs in the last 24 h',
    },
  },
  recentRuns: [],
};

/** Tier at risk that cannot be told: days without a snapshot. */
export const unknownTier: TierAtRisk = {
  applies: true,
  atRisk: null,
  period: { from: '2026-11-12', to: '2026-11-25', days: 14 },
  freshness: { atRisk: null, daysAtMost2: 12 },
  reliability: { atRisk: false, daysAtMost2: 0 },
  missingDays: ['2026-11-14', '2026-11-15'],
  atRiskSince: null,
  summary: 'Unknown: no snapshot on 2 of the last 14 days',
};

/** The identity scorecard with the fragile figures and its tier at risk. */
export const supplyChainScorecard: DataProductScorecard = {
  ...identityScorecard,
  supplyChain: fragileSupplyChain,
  tierAtRisk: atRiskTier,
};
