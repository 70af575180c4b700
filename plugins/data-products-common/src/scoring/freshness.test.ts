import {
  HOUR,
  MINUTE,
  NOW,
  failedRuns,
  lags,
  runsWithLags,
} from './__fixtures__/runs';
import { scoreFreshness } from './freshness';
import type { ScoringRun } from './runs';
import { DEFAULT_SCORE_THRESHOLDS } from './thresholds';
import { measureRunWindow } from './window';

const SLA = { p95: '30m', p99: '60m' };

function score(runs: ScoringRun[], sla: object | undefined = SLA) {
  return scoreFreshness(measureRunWindow(runs, NOW, 30), sla as any);
}

describe('scoreFreshness', () => {
  // 20 lags: P95 is rank 19, P99 is rank 20 (⌈0.95·20⌉ = 19, ⌈0.99·20⌉ = 20).
  const twenty = (p95: number, p99: number) =>
    runsWithLags(lags(20, MINUTE, p95, p99));

  it.each([
    ['P95 = p95 and P99 = p99', 30 * MINUTE, 60 * MINUTE, 5],
    ['P95 = p95, P99 just above p99', 30 * MINUTE, 60 * MINUTE + 1, 4],
    ['P95 just above p95', 30 * MINUTE + 1, 60 * MINUTE, 3],
    ['P95 = 1.5 × p95', 45 * MINUTE, 60 * MINUTE, 3],
    ['P95 just above 1.5 × p95', 45 * MINUTE + 1, 60 * MINUTE, 2],
    ['P95 = 3 × p95', 90 * MINUTE, 90 * MINUTE, 2],
    ['P95 just above 3 × p95', 90 * MINUTE + 1, 90 * MINUTE + 1, 1],
    ['P95 far beyond', 24 * HOUR, 48 * HOUR, 1],
  ])('%s scores %i', (_, p95, p99, expected) => {
    expect(score(twenty(p95, p99)).score).toBe(expected);
  });

  it('drops the P99 condition when no p99 is promised', () => {
    const runs = twenty(30 * MINUTE, 10 * HOUR);
    expect(score(runs, { p95: '30m' }).score).toBe(5);
    expect(score(runs, SLA).score).toBe(4);
  });

  it('reports the measured and promised lags as evidence', () => {
    const result = score([
      ...twenty(41 * MINUTE, 62 * MINUTE),
      ...failedRuns(2),
    ]);
    expect(result.evidence).toEqual({
      window: {
        from: '2026-03-01T12:00:00.000Z',
        to: '2026-03-31T12:00:00.000Z',
      },
      runs: 22,
      successfulRuns: 20,
      measuredRuns: 20,
      p95LagMs: 41 * MINUTE,
      p99LagMs: 62 * MINUTE,
      promisedP95Ms: 30 * MINUTE,
      promisedP99Ms: 60 * MINUTE,
      thresholds: { 3: 1.5, 2: 3 },
    });
    expect(result.summary).toBe(
      'P95 lag 41 min vs 30 min promised (P99 1 h 2 min vs 1 h) over 20 runs in the last 30 days',
    );
  });

  it('reads like the spec example over 2,880 runs', () => {
    // 2,880 runs: rank 2,736 is P95, rank 2,852 is P99. 144 lags of 41 min
    // fill ranks 2,737–2,880, and rank 2,736 is one of them only if there
    // are at least 145: use 145 so P95 and P99 are both 41 min.
    const runs = runsWithLags(
      lags(2880, 10 * MINUTE, ...Array(145).fill(41 * MINUTE)),
    );
    expect(score(runs, { p95: '30m' }).summary).toBe(
      'P95 lag 41 min vs 30 min promised over 2,880 runs in the last 30 days',
    );
  });

  describe('is unknown', () => {
    it('without a promised p95, even with p99 and runs', () => {
      const result = score(twenty(MINUTE, MINUTE), { p99: '60m' });
      expect(result.score).toBeNull();
      expect(result.summary).toMatch(/contract\.freshness\.p95/);
      expect(result.evidence.p95LagMs).toBe(MINUTE);
    });

    it('with a p95 that is not a duration', () => {
      expect(score(twenty(MINUTE, MINUTE), { p95: 'soon' }).score).toBeNull();
    });

    it('with no runs in the window', () => {
      const old = runsWithLags([MINUTE]).map(r => ({
        ...r,
        finishedAt: '2026-02-01T00:00:00Z',
      }));
      const result = score(old);
      expect(result.score).toBeNull();
      expect(result.summary).toBe('No runs in the last 30 days');
    });

    it('with only failed runs', () => {
      const result = score(failedRuns(3));
      expect(result.score).toBeNull();
      expect(result.summary).toBe(
        'No successful run with a measurable lag in the last 30 days (3 runs, 3 failed)',
      );
    });
  });

  it('honours configured multiples', () => {
    const runs = twenty(60 * MINUTE, 60 * MINUTE);
    expect(score(runs).score).toBe(2);
    const lenient = { ...DEFAULT_SCORE_THRESHOLDS, freshness: { 3: 2, 2: 4 } };
    expect(
      scoreFreshness(measureRunWindow(runs, NOW, 30), SLA, lenient).score,
    ).toBe(3);
  });
});
