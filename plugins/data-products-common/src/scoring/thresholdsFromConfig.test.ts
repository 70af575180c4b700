import { parse } from 'yaml';
import { PolicyConfigError } from '../policy/PolicyConfigError';
import { DAY, MINUTE, NOW, failedRuns, lags, runsWithLags } from './__fixtures__/runs';
import { computeScorecard } from './computeScorecard';
import { DEFAULT_SCORE_THRESHOLDS } from './thresholds';
import { thresholdsFromConfig } from './thresholdsFromConfig';
import type { ScorecardInput } from './types';

/** app-config as a platform team writes it: YAML, bounds keyed by score. */
function fromYaml(text: string) {
  return thresholdsFromConfig(parse(text).stockroom);
}

function problemsOf(stockroom: unknown): string[] {
  try {
    thresholdsFromConfig(stockroom);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyConfigError);
    return (error as PolicyConfigError).issues.map(issue => issue.message);
  }
  throw new Error('expected a PolicyConfigError');
}

describe('thresholdsFromConfig', () => {
  it('gives the spec defaults without configuration', () => {
    expect(thresholdsFromConfig(undefined)).toEqual(DEFAULT_SCORE_THRESHOLDS);
    expect(thresholdsFromConfig({ scoring: { windowDays: 7 } })).toEqual(
      DEFAULT_SCORE_THRESHOLDS,
    );
    expect(thresholdsFromConfig({ scoring: { thresholds: null } })).toEqual(
      DEFAULT_SCORE_THRESHOLDS,
    );
  });

  it('merges the bounds a dimension sets over its defaults', () => {
    const thresholds = fromYaml(`
stockroom:
  scoring:
    thresholds:
      reliability: { 2: 200 }
      freshness: { 3: 2 }
`);
    expect(thresholds.reliability).toEqual({ 5: 1, 4: 10, 3: 50, 2: 200 });
    expect(thresholds.freshness).toEqual({ 3: 2, 2: 3 });
    expect(thresholds.quality).toEqual({ 5: 1, 4: 2, 3: 5, 2: 10 });
    expect(thresholds.contract).toEqual({ 5: 100, 4: 80, 3: 60, 2: 40 });
  });

  it('scores by the configured thresholds', () => {
    const thresholds = fromYaml(`
stockroom:
  scoring:
    thresholds:
      freshness: { 3: 2, 2: 4 }
      reliability: { 5: 0, 4: 5, 3: 10, 2: 25 }
      stability: { 4: 0, 3: 1, 2: 2 }
      contract: { 4: 90, 3: 80 }
      ownership: { 4: 4, 3: 3 }
      reuse: { 5: 10, 4: 8, 3: 6, 2: 4 }
`);
    // 98 successful runs (88 lag 10 min, 10 lag 50 min) and 2 failed: 100
    // runs. P95 is rank ⌈0.95·98⌉ = 94 and P99 rank 98 of the sorted lags,
    // both 50 min: 1.67× the promised 30 min p95, within the 60 min p99.
    // Breaches: the 2 failed runs, none late: 20 per 1,000.
    const input: ScorecardInput = {
      contract: {
        schema: [{ name: 'id', type: 'string', description: 'Key.' }],
        freshness: { p95: '30m', p99: '60m' },
        lineage: { upstreams: ['dataproduct:crm'] },
        escalation: { channel: '#team', onCall: 'pagerduty:team' },
        // no access patterns: completeness 4 of 5 parts, 80 %
      },
      runs: [
        ...runsWithLags(lags(98, 10 * MINUTE, ...Array(10).fill(50 * MINUTE))),
        ...failedRuns(2),
      ],
      drift: {
        // two incidents this quarter (Q1 2026)
        openedAt: [
          new Date(NOW.getTime() - 50 * DAY).toISOString(),
          new Date(NOW.getTime() - 10 * DAY).toISOString(),
        ],
        hasStabilityEvidence: true,
      },
      // with the channel and on-call: 3 of 4 ownership checks
      ownership: { ownerIsGroup: true, groupHasMembers: false },
      consumerCount: 5,
    };

    const byDefault = computeScorecard(input, NOW);
    const configured = computeScorecard(input, NOW, thresholds);
    const scores = (card: typeof byDefault) =>
      Object.fromEntries(
        Object.entries(card.dimensions).map(([name, d]) => [name, d.score]),
      );

    expect(scores(byDefault)).toEqual({
      freshness: 2, // 1.67× p95: within 3×, not 1.5×
      reliability: 3, // 20 per 1,000: within 50, not 10
      quality: null,
      stability: 3, // 2 incidents
      contract: 4, // 80 %
      ownership: 4, // 3 checks
      reuse: 5, // 5 consumers
    });
    expect(byDefault.overall).toBe(3.5); // 21 / 6

    expect(scores(configured)).toEqual({
      freshness: 3, // within 2×
      reliability: 2, // 20: within 25, not 10
      quality: null,
      stability: 2, // 2 incidents: the bound for 2
      contract: 3, // 80 % < 90 %, ≥ 80 %
      ownership: 3, // 3 checks < 4, ≥ 3
      reuse: 2, // 5 consumers: ≥ 4, < 6
    });
    expect(configured.overall).toBe(2.5); // 15 / 6
    // the evidence names the thresholds each score used
    expect(configured.dimensions.reliability.evidence.thresholds).toEqual({
      5: 0,
      4: 5,
      3: 10,
      2: 25,
    });
    expect(configured.dimensions.freshness.evidence.thresholds).toEqual({
      3: 2,
      2: 4,
    });
  });

  it('refuses a ladder that is not monotonic, naming the key', () => {
    expect(problemsOf({ scoring: { thresholds: { reliability: { 4: 0.5 } } } })).toEqual([
      'stockroom.scoring.thresholds.reliability.4 is 0.5; it must be at least the bound for 5 (1): a lower score cannot need a better value',
    ]);
    expect(problemsOf({ scoring: { thresholds: { reuse: { 2: 6 } } } })).toEqual([
      'stockroom.scoring.thresholds.reuse.2 is 6; it must be at most the bound for 3 (3): a lower score cannot need a better value',
    ]);
    expect(problemsOf({ scoring: { thresholds: { freshness: { 2: 1.2 } } } })).toEqual([
      'stockroom.scoring.thresholds.freshness.2 is 1.2; it must be at least the bound for 3 (1.5): a lower score cannot need a better value',
    ]);
  });

  it('refuses negative, out-of-range, fractional and non-numeric bounds', () => {
    expect(
      problemsOf({
        scoring: {
          thresholds: {
            quality: { 5: -1 },
            contract: { 5: 120 },
            ownership: { 3: 2.5 },
            reuse: { 5: 'ten' },
            freshness: { 3: 0.5 },
            assertions: { 2: 2 },
          },
        },
      }),
    ).toEqual([
      'stockroom.scoring.thresholds.quality.5 is -1; allowed are numbers 0 or more, in multiples of the declared max rate',
      'stockroom.scoring.thresholds.contract.5 is 120; allowed are numbers from 0 to 100, in percent complete',
      'stockroom.scoring.thresholds.ownership.3 is 2.5; allowed are whole numbers from 0 to 4, in ownership checks passed (of 4)',
      'stockroom.scoring.thresholds.reuse.5 is "ten"; allowed are whole numbers 0 or more, in consuming entities',
      'stockroom.scoring.thresholds.freshness.3 is 0.5; allowed are numbers 1 or more, in multiples of the promised p95',
      'stockroom.scoring.thresholds.assertions.2 is 2; allowed are numbers from 0 to 1, in shares of failed assertions from 0 to 1',
    ]);
  });

  it('refuses unknown dimensions, scores and shapes', () => {
    expect(
      problemsOf({
        scoring: {
          thresholds: {
            freshnes: { 3: 2 },
            freshness: { 4: 1 },
            reuse: [5, 4, 3, 2],
          },
        },
      }),
    ).toEqual([
      'stockroom.scoring.thresholds.freshnes is not a threshold; allowed are freshness, reliability, quality, qualityZeroMax, assertions, stability, contract, ownership, reuse',
      'stockroom.scoring.thresholds.freshness.4 is not a score with a bound; allowed scores are 3, 2',
      'stockroom.scoring.thresholds.reuse is a list; expected an object (a YAML mapping)',
    ]);
    expect(problemsOf({ scoring: { thresholds: 5 } })).toEqual([
      'stockroom.scoring.thresholds is 5; expected an object (a YAML mapping)',
    ]);
  });

  it('says every problem in one error message', () => {
    expect(() =>
      thresholdsFromConfig({
        scoring: { thresholds: { reliability: { 5: -1 }, reuse: { 2: 9 } } },
      }),
    ).toThrow(
      'Invalid app-config, 2 problems:\n- stockroom.scoring.thresholds.reliability.5 is -1; allowed are numbers from 0 to 1000, in SLA breaches per 1,000 runs\n- stockroom.scoring.thresholds.reuse.2 is 9; it must be at most the bound for 3 (3): a lower score cannot need a better value',
    );
  });
});
