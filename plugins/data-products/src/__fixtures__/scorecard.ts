import type {
  DataProductIncidents,
  DataProductRun,
  DataProductRuns,
  DataProductScorecard,
  ScorecardHistory,
} from '../api';
import { DEFAULT_SCORE_THRESHOLDS } from '@stockroom/plugin-data-products-common';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DEFAULT_LADDERS = {
  reliability: { 5: 1, 4: 10, 3: 50, 2: 100 },
  quality: { 5: 1, 4: 2, 3: 5, 2: 10 },
  stability: { 5: 0, 4: 1, 3: 2, 2: 4 },
  contract: { 5: 100, 4: 80, 3: 60, 2: 40 },
  ownership: { 5: 4, 4: 3, 3: 2, 2: 1 },
  reuse: { 5: 5, 4: 4, 3: 3, 2: 2 },
};

const WINDOW = {
  from: '2026-10-26T06:00:00.000Z',
  to: '2026-11-25T06:00:00.000Z',
};

/**
 * The scorecard of customer-identity-v2 as the backend serves it (30-day
 * window, P95 30m / P99 60m promised): quality unknown (no key fields
 * declared), the rest known. Worded like the common package's summaries.
 */
export const identityScorecard: DataProductScorecard = {
  entityRef: 'dataproduct:default/customer-identity-v2',
  overall: 3.5,
  computedAt: '2026-11-25T06:00:00.000Z',
  window: { ...WINDOW, runs: 2880 },
  dimensions: {
    freshness: {
      score: 3,
      summary:
        'P95 lag 41 min vs 30 min promised (P99 58 min vs 1 h) over 2,856 runs in the last 30 days',
      evidence: {
        window: WINDOW,
        runs: 2880,
        successfulRuns: 2868,
        measuredRuns: 2856,
        p95LagMs: 41 * MINUTE,
        p99LagMs: 58 * MINUTE,
        promisedP95Ms: 30 * MINUTE,
        promisedP99Ms: 60 * MINUTE,
        thresholds: { 3: 1.5, 2: 3 },
      },
    },
    reliability: {
      score: 3,
      summary:
        '42 SLA breaches in 2,880 runs over the last 30 days (14.6 per 1,000): 12 failed, 30 later than the 1 h P99 SLA',
      evidence: {
        window: WINDOW,
        runs: 2880,
        failedRuns: 12,
        lateRuns: 30,
        breaches: 42,
        breachesPer1000: 14.583333333333334,
        slaPercentile: 'p99',
        slaMs: HOUR,
        thresholds: DEFAULT_LADDERS.reliability,
      },
    },
    quality: {
      score: null,
      summary:
        'No key fields declared to measure: add contract.quality.keyFields',
      evidence: {
        window: WINDOW,
        runs: 2880,
        keyFields: [],
        maxNullRate: null,
        maxDuplicateRate: null,
        checks: [],
        worst: null,
        thresholds: DEFAULT_LADDERS.quality,
        zeroMaxThresholds: { 5: 0, 3: 0.001 },
      },
    },
    stability: {
      score: 4,
      summary: '1 schema drift incident this quarter (2026-Q4)',
      evidence: {
        quarter: {
          label: '2026-Q4',
          from: '2026-10-01T00:00:00.000Z',
          to: '2027-01-01T00:00:00.000Z',
        },
        hasEvidence: true,
        incidents: 1,
        thresholds: DEFAULT_LADDERS.stability,
      },
    },
    contract: {
      score: 4,
      summary: 'Contract 80% complete; missing access patterns',
      evidence: {
        percent: 80,
        parts: {
          fieldSemantics: 1,
          sla: 1,
          escalation: 1,
          lineage: 1,
          accessPatterns: 0,
        },
        describedFields: 7,
        fields: 7,
        thresholds: DEFAULT_LADDERS.contract,
      },
    },
    ownership: {
      score: 5,
      summary:
        'All 4 ownership checks pass: owner group with members, escalation channel, on-call',
      evidence: {
        checks: {
          ownerIsGroup: true,
          groupHasMembers: true,
          escalationChannel: true,
          onCall: true,
        },
        passed: 4,
        thresholds: DEFAULT_LADDERS.ownership,
      },
    },
    reuse: {
      score: 2,
      summary: '2 catalog entities depend on it',
      evidence: { consumers: 2, thresholds: DEFAULT_LADDERS.reuse },
    },
  },
  thresholds: DEFAULT_SCORE_THRESHOLDS,
};

/** Four daily snapshots, the second with quality and stability unknown. */
export const identityHistory: ScorecardHistory = {
  items: [22, 23, 24, 25].map((day, index) => ({
    computedAt: `2026-11-${day}T06:00:00.000Z`,
    overall: [3.8, 3.6, 3.5, 3.5][index],
    scores: {
      freshness: [4, 3, 3, 3][index],
      reliability: [4, 4, 3, 3][index],
      quality: null,
      stability: index === 1 ? null : 4,
      contract: 4,
      ownership: 5,
      reuse: 2,
    },
    window: { from: WINDOW.from, to: WINDOW.to, runs: 2880 },
    lag: {
      p95Ms: [28, 35, 39, 41][index] * MINUTE,
      p99Ms: [50, 55, 57, 58][index] * MINUTE,
      promisedP95Ms: 30 * MINUTE,
      promisedP99Ms: 60 * MINUTE,
    },
  })),
};

function run(
  runId: string,
  finishedAt: string,
  fields: Partial<DataProductRun>,
): DataProductRun {
  return {
    runId,
    status: 'success',
    job: null,
    parent: null,
    streaming: false,
    lastEventAt: null,
    datasetKey: 'snowflake://acme/ANALYTICS.IDENTITY.CUSTOMER_IDENTITY',
    startedAt: null,
    finishedAt,
    watermark: null,
    rowCount: 1_204_332,
    columns: null,
    errorMessage: null,
    lagMs: null,
    breach: false,
    ...fields,
  };
}

/**
 * Latest first, as the backend answers: lags and breach verdicts worked out
 * by hand against the 1 h P99 SLA: one late run (lag 1 h 12 min), one failure.
 */
export const identityRuns: DataProductRuns = {
  items: [
    run('run-0006', '2026-11-25T05:45:00.000Z', {
      watermark: '2026-11-25T05:20:00.000Z',
      lagMs: 25 * MINUTE,
      breach: false,
    }),
    run('run-0005', '2026-11-25T05:15:00.000Z', {
      watermark: '2026-11-25T04:03:00.000Z',
      lagMs: 72 * MINUTE, // late
      breach: true,
    }),
    run('run-0004', '2026-11-25T04:45:00.000Z', {
      status: 'failed',
      rowCount: null,
      errorMessage: 'Snowflake warehouse IDENTITY_WH suspended',
      lagMs: null,
      breach: true,
    }),
    run('run-0003', '2026-11-25T04:15:00.000Z', {
      watermark: '2026-11-25T03:55:00.000Z',
      lagMs: 20 * MINUTE,
      breach: false,
    }),
    run('run-0002', '2026-11-25T03:45:00.000Z', {
      lagMs: 45 * MINUTE,
      breach: false,
    }),
  ],
  nextBefore: null,
};

/** One breaking change without a major bump, this quarter; one older. */
export const identityIncidents: DataProductIncidents = {
  items: [
    {
      id: 2,
      kind: 'breaking-change-without-major',
      openedAt: '2026-11-02T06:00:00.000Z',
      details: {
        verdict: 'needs-major',
        fromVersion: '2.0.0',
        toVersion: '2.1.0',
        fromFingerprint: 'f1',
        toFingerprint: 'f2',
        changes: [
          {
            kind: 'breaking',
            change: 'field-type-changed',
            path: 'spec.contract.schema[2].type',
            message: 'Field merged_into changed type from string to array',
          },
        ],
      },
    },
    {
      id: 1,
      kind: 'observed-schema-drift',
      openedAt: '2026-08-14T06:00:00.000Z',
      details: { field: 'email_sha256', observed: '<b>varchar</b>' },
    },
  ],
};

/** The scorecard of a product nobody has reported a run for. */
export const emptyScorecard: DataProductScorecard = {
  entityRef: 'dataproduct:default/customer-identity-v2',
  overall: 4.3,
  computedAt: '2026-11-25T06:00:00.000Z',
  window: { ...WINDOW, runs: 0 },
  dimensions: {
    freshness: {
      score: null,
      summary: 'No runs in the last 30 days',
      evidence: {
        window: WINDOW,
        runs: 0,
        successfulRuns: 0,
        measuredRuns: 0,
        p95LagMs: null,
        p99LagMs: null,
        promisedP95Ms: 30 * MINUTE,
        promisedP99Ms: 60 * MINUTE,
      },
    },
    reliability: {
      score: null,
      summary: 'No runs in the last 30 days',
      evidence: {
        window: WINDOW,
        runs: 0,
        failedRuns: 0,
        lateRuns: 0,
        breaches: 0,
        breachesPer1000: null,
        slaPercentile: 'p99',
        slaMs: HOUR,
      },
    },
    quality: {
      score: null,
      summary:
        'No key fields declared to measure: add contract.quality.keyFields',
      evidence: { keyFields: [], checks: [], worst: null },
    },
    stability: {
      score: null,
      summary:
        'No observed schema or recorded contract change yet, so drift cannot be judged',
      evidence: {
        quarter: {
          label: '2026-Q4',
          from: '2026-10-01T00:00:00.000Z',
          to: '2027-01-01T00:00:00.000Z',
        },
        hasEvidence: false,
        incidents: 0,
      },
    },
    contract: { ...identityScorecard.dimensions.contract },
    ownership: { ...identityScorecard.dimensions.ownership },
    reuse: {
      score: 4,
      summary: '4 catalog entities depend on it',
      evidence: { consumers: 4 },
    },
  },
  thresholds: DEFAULT_SCORE_THRESHOLDS,
};
