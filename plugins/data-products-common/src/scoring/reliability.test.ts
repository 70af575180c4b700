import {
  MINUTE,
  NOW,
  failedRuns,
  lags,
  runsWithLags,
} from './__fixtures__/runs';
import { breachesPer1000, scoreReliability } from './reliability';
import type { ScoringRun } from './runs';
import { measureRunWindow } from './window';

const SLA = { p95: '30m', p99: '60m' };

function score(runs: ScoringRun[], sla: object | undefined = SLA) {
  return scoreReliability(measureRunWindow(runs, NOW, 30), sla as any);
}

/** 1,000 runs in all, `failed` of them failed, the rest on time. */
function thousandWith(failed: number): ScoringRun[] {
  return [...runsWithLags(lags(1000 - failed, MINUTE)), ...failedRuns(failed)];
}

describe('breachesPer1000', () => {
  it('is exact for whole results and undefined for no runs', () => {
    expect(breachesPer1000(1, 1000)).toBe(1);
    expect(breachesPer1000(3, 2880)).toBe(3000 / 2880);
    expect(breachesPer1000(0, 0)).toBeUndefined();
  });
});

describe('scoreReliability', () => {
  it.each([
    [0, 5],
    [1, 5],
    [2, 4],
    [10, 4],
    [11, 3],
    [50, 3],
    [51, 2],
    [100, 2],
    [101, 1],
    [1000, 1],
  ])('%i breaches per 1,000 runs scores %i', (failed, expected) => {
    const result = score(thousandWith(failed));
    expect(result.evidence.breachesPer1000).toBe(failed);
    expect(result.score).toBe(expected);
  });

  it('counts a successful run beyond p99 as a breach, not one at p99', () => {
    // 999 on-time runs, one exactly at p99 and one just beyond it.
    const runs = runsWithLags(lags(1000, MINUTE, 60 * MINUTE, 60 * MINUTE + 1));
    const result = score(runs);
    expect(result.evidence).toMatchObject({
      runs: 1000,
      failedRuns: 0,
      lateRuns: 1,
      breaches: 1,
      slaPercentile: 'p99',
      slaMs: 60 * MINUTE,
    });
    expect(result.score).toBe(5);
  });

  it('uses p95 as the breach line when no p99 is promised', () => {
    const runs = runsWithLags(lags(10, MINUTE, 31 * MINUTE, 45 * MINUTE));
    expect(score(runs, { p95: '30m' }).evidence).toMatchObject({
      lateRuns: 2,
      slaPercentile: 'p95',
      slaMs: 30 * MINUTE,
    });
  });

  it('counts only failures without an SLA', () => {
    const runs = [...runsWithLags(lags(8, 10 * 60 * MINUTE)), ...failedRuns(2)];
    const result = score(runs, {});
    expect(result.evidence).toMatchObject({
      runs: 10,
      failedRuns: 2,
      lateRuns: 0,
      breaches: 2,
      breachesPer1000: 200,
      slaPercentile: null,
      slaMs: null,
    });
    expect(result.score).toBe(1);
    expect(result.summary).toBe(
      '2 SLA breaches in 10 runs over the last 30 days (200 per 1,000): 2 failed; no freshness SLA, so only failures count',
    );
  });

  it('says what the breaches were', () => {
    const runs = [
      ...runsWithLags(lags(2878, MINUTE, 2 * 60 * MINUTE)),
      ...failedRuns(2),
    ];
    expect(score(runs).summary).toBe(
      '3 SLA breaches in 2,880 runs over the last 30 days (1 per 1,000): 2 failed, 1 later than the 1 h P99 SLA',
    );
  });

  it('says so when there is no breach', () => {
    expect(score(runsWithLags([MINUTE])).summary).toBe(
      'No SLA breaches in 1 run over the last 30 days',
    );
  });

  it('is unknown with no runs in the window, known with only failures', () => {
    const none = score([]);
    expect(none.score).toBeNull();
    expect(none.summary).toBe('No runs in the last 30 days');
    expect(score(failedRuns(1)).score).toBe(1);
  });
});
