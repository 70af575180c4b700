import {
  DAY,
  MINUTE,
  NOW,
  failedRuns,
  lags,
  runsWithLags,
} from './__fixtures__/runs';
import { computeScorecard, overallScore } from './computeScorecard';
import type { ScoringRun } from './runs';
import { DEFAULT_SCORE_THRESHOLDS } from './thresholds';
import type { ScorableContract, ScorecardInput } from './types';

const CONTRACT: ScorableContract = {
  schema: [
    {
      name: 'customer_id',
      type: 'string',
      description: 'Stable id, never reused.',
      key: 'primary',
    },
    { name: 'email_sha256', type: 'string', description: 'Hashed email.' },
  ],
  freshness: { p95: '30m', p99: '60m', tier: 'micro-batch' },
  accessPatterns: [{ type: 'batch', location: 'snowflake://acme/X' }],
  lineage: { upstreams: ['dataproduct:crm-accounts'] },
  quality: {
    keyFields: ['customer_id'],
    maxNullRate: 0.001,
    maxDuplicateRate: 0,
  },
  escalation: { channel: '#identity-oncall', onCall: 'pagerduty:identity' },
};

function input(overrides: Partial<ScorecardInput> = {}): ScorecardInput {
  return {
    contract: CONTRACT,
    runs: [],
    drift: { openedAt: [], hasStabilityEvidence: true },
    ownership: { ownerIsGroup: true, groupHasMembers: true },
    consumerCount: 5,
    ...overrides,
  };
}

/** Runs with clean key-field counts, lags all within the SLA. */
function healthyRuns(count: number): ScoringRun[] {
  return runsWithLags(lags(count, 10 * MINUTE)).map(run => ({
    ...run,
    rowCount: 1000,
    columns: { customer_id: { nullCount: 0, distinctCount: 1000 } },
  }));
}

describe('computeScorecard', () => {
  it('returns exactly the documented shape', () => {
    const card = computeScorecard(input({ runs: healthyRuns(100) }), NOW);
    expect(Object.keys(card)).toEqual(['overall', 'window', 'dimensions']);
    expect(card.window).toEqual({
      from: '2026-03-01T12:00:00.000Z',
      to: '2026-03-31T12:00:00.000Z',
      runs: 100,
    });
    expect(Object.keys(card.dimensions).sort()).toEqual([
      'contract',
      'freshness',
      'ownership',
      'quality',
      'reliability',
      'reuse',
      'stability',
    ]);
    for (const dimension of Object.values(card.dimensions)) {
      expect(Object.keys(dimension)).toEqual(['score', 'evidence', 'summary']);
      expect(typeof dimension.summary).toBe('string');
    }
    // A healthy product scores 5 everywhere.
    expect(
      Object.fromEntries(
        Object.entries(card.dimensions).map(([k, v]) => [k, v.score]),
      ),
    ).toEqual({
      freshness: 5,
      reliability: 5,
      quality: 5,
      stability: 5,
      contract: 5,
      ownership: 5,
      reuse: 5,
    });
    expect(card.overall).toBe(5);
  });

  it('is plain JSON: it survives a round trip unchanged', () => {
    const card = computeScorecard(input({ runs: healthyRuns(10) }), NOW);
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
  });

  it('ignores runs outside the window', () => {
    const old: ScoringRun = {
      runId: 'old',
      status: 'failed',
      finishedAt: new Date(NOW.getTime() - 30 * DAY - 1).toISOString(),
    };
    const future: ScoringRun = {
      runId: 'future',
      status: 'failed',
      finishedAt: NOW.getTime() + 1,
    };
    const card = computeScorecard(
      input({ runs: [old, ...healthyRuns(10), future] }),
      NOW,
    );
    expect(card.window.runs).toBe(10);
    expect(card.dimensions.reliability.evidence.failedRuns).toBe(0);
    expect(card.dimensions.reliability.score).toBe(5);
  });

  it('uses another window when asked', () => {
    const card = computeScorecard(
      input({ runs: healthyRuns(10), windowDays: 7 }),
      NOW,
    );
    expect(card.window.from).toBe('2026-03-24T12:00:00.000Z');
    expect(() => computeScorecard(input({ windowDays: 0 }), NOW)).toThrow(
      RangeError,
    );
  });

  it('leaves freshness, reliability and quality unknown with no runs', () => {
    const card = computeScorecard(input({ runs: [] }), NOW);
    expect(card.dimensions.freshness.score).toBeNull();
    expect(card.dimensions.reliability.score).toBeNull();
    expect(card.dimensions.quality.score).toBeNull();
    // stability, contract, ownership, reuse: 5 each
    expect(card.overall).toBe(5);
  });

  it('knows contract, ownership and reuse even with no contract at all', () => {
    const card = computeScorecard(
      input({
        contract: undefined,
        drift: undefined,
        ownership: { ownerIsGroup: false, groupHasMembers: false },
        consumerCount: 0,
        runs: healthyRuns(5),
      }),
      NOW,
    );
    expect(card.dimensions.freshness.score).toBeNull(); // no SLA
    expect(card.dimensions.quality.score).toBeNull(); // no max
    expect(card.dimensions.stability.score).toBeNull();
    expect(card.dimensions.reliability.score).toBe(5); // no failures
    expect(card.dimensions.contract.score).toBe(1);
    expect(card.dimensions.ownership.score).toBe(1); // no group, no escalation
    expect(card.dimensions.reuse.score).toBe(1);
    // (5 + 1 + 1 + 1) / 4 = 2
    expect(card.overall).toBe(2);
  });

  it('takes escalation checks of ownership from the contract', () => {
    const contract = { ...CONTRACT, escalation: { channel: '#x' } };
    const card = computeScorecard(input({ contract }), NOW);
    expect(card.dimensions.ownership.evidence.checks).toEqual({
      ownerIsGroup: true,
      groupHasMembers: true,
      escalationChannel: true,
      onCall: false,
    });
    expect(card.dimensions.ownership.score).toBe(4);
  });

  it('averages known dimensions to one decimal', () => {
    // 100 runs, two of them 61 min late: P95 (rank 95) is 10 min, P99
    // (rank 99) is 61 min → freshness 4; 2 late runs = 20 per 1,000 →
    // reliability 3; quality unknown (no counts); stability 4 (one incident
    // this quarter); contract 5; ownership 5; reuse 2.
    // (4 + 3 + 4 + 5 + 5 + 2) / 6 = 23 / 6 = 3.833… → 3.8
    const runs = runsWithLags(lags(100, 10 * MINUTE, 61 * MINUTE, 61 * MINUTE));
    const card = computeScorecard(
      input({
        runs,
        drift: {
          openedAt: ['2026-02-01T00:00:00Z'],
          hasStabilityEvidence: true,
        },
        consumerCount: 2,
      }),
      NOW,
    );
    expect(Object.values(card.dimensions).map(d => d.score)).toEqual([
      4,
      3,
      null,
      4,
      5,
      5,
      2,
    ]);
    expect(card.overall).toBe(3.8);
  });

  it('feeds configured thresholds to every dimension', () => {
    const strict = {
      ...DEFAULT_SCORE_THRESHOLDS,
      reuse: { 5: 50, 4: 20, 3: 10, 2: 5 },
      reliability: { 5: 0, 4: 1, 3: 2, 2: 3 },
    };
    const runs = [...healthyRuns(999), ...failedRuns(1)];
    const card = computeScorecard(
      input({ runs, consumerCount: 5 }),
      NOW,
      strict,
    );
    expect(card.dimensions.reuse.score).toBe(2);
    expect(card.dimensions.reliability.score).toBe(4);
    expect(card.dimensions.reuse.evidence.thresholds).toBe(strict.reuse);
  });
});

describe('overallScore', () => {
  const dims = (...scores: Array<number | null>) =>
    Object.fromEntries(
      [
        'freshness',
        'reliability',
        'quality',
        'stability',
        'contract',
        'ownership',
        'reuse',
      ].map((name, i) => [name, { score: scores[i] ?? null }]),
    );

  it.each([
    // scores, mean worked out by hand
    [[5, 4, 4, 4, null, null, null], 4.3], // 17 / 4 = 4.25, half up
    [[1, 2, null, null, 2, 2, 2], 1.8], // 9 / 5
    [[3, 3, 3, 4, null, null, null], 3.3], // 13 / 4 = 3.25, half up
    [[null, null, null, null, 5, 4, 1], 3.3], // 10 / 3 = 3.33…
    [[null, null, null, null, 5, 5, 4], 4.7], // 14 / 3 = 4.66…
    [[5, 5, 5, 5, 5, 5, 4], 4.9], // 34 / 7 = 4.857…
    [[1, 1, 1, 1, 1, 1, 2], 1.1], // 8 / 7 = 1.142…
    [[2, 3, null, null, null, null, null], 2.5],
  ])('%j → %s', (scores, expected) => {
    expect(overallScore(dims(...scores))).toBe(expected);
  });

  it('is null when nothing is known', () => {
    expect(overallScore(dims())).toBeNull();
  });
});
