import fc from 'fast-check';
import type { ScoringRun } from '../scoring/runs';
import { DAY, HOUR, MINUTE } from './__fixtures__/lineage';
import {
  errorBudgetNotices,
  isBurnRateAlarming,
  measureErrorBudgets,
} from './errorBudget';

const NOW = new Date('2026-03-31T12:00:00.000Z');
const SLA = { p95: '30m', p99: '60m' };

/** A successful run `ago` before now whose data was `lag` old. */
function run(id: string, ago: number, lag: number): ScoringRun {
  const finished = NOW.getTime() - ago;
  return {
    runId: id,
    status: 'success',
    finishedAt: finished,
    watermark: finished - lag,
  };
}
const failure = (id: string, ago: number): ScoringRun => ({
  runId: id,
  status: 'failed',
  finishedAt: NOW.getTime() - ago,
});
/** `count` on-time runs (10 min lag), 5 minutes apart from 2 days ago back: all in the window, none in the last 24 h. */
const onTime = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    run(`ok${i}`, 2 * DAY + i * 5 * MINUTE, 10 * MINUTE),
  );

describe('error budgets', () => {
  it('allows ⌊0.05·n⌋ runs over p95 and ⌊0.01·n⌋ over p99; failures count against both', () => {
    // n = 40: P95 allows ⌊2⌋ = 2, P99 allows ⌊0.4⌋ = 0.
    // Used: 1 failed + 1 run at 45 min (over p95 30m, not over p99 60m).
    // P95: 1 − 2/2 = 0 → exhausted. P99: 1 used of 0 allowed → 0, exhausted.
    const runs = [
      ...onTime(38),
      failure('f', 3 * DAY),
      run('late', 4 * DAY, 45 * MINUTE),
    ];
    const budgets = measureErrorBudgets(runs, SLA, NOW);
    expect(budgets.p95).toMatchObject({
      runs: 40,
      failedRuns: 1,
      lateRuns: 1,
      used: 2,
      allowed: 2,
      remaining: 0,
      exhausted: true,
    });
    expect(budgets.p99).toMatchObject({
      used: 1,
      allowed: 0,
      remaining: 0,
      exhausted: true,
    });
  });

  it('leaves budget when little is used', () => {
    // n = 100: P95 allows 5, P99 allows 1. One run at 45 min: P95 1 − 1/5 = 0.8;
    // P99 unused: 1 − 0/1 = 1.
    const runs = [...onTime(99), run('late', 5 * DAY, 45 * MINUTE)];
    const budgets = measureErrorBudgets(runs, SLA, NOW);
    expect(budgets.p95).toMatchObject({
      allowed: 5,
      used: 1,
      remaining: 0.8,
      exhausted: false,
    });
    expect(budgets.p99).toMatchObject({
      allowed: 1,
      used: 0,
      remaining: 1,
      exhausted: false,
    });
    expect(errorBudgetNotices(budgets)).toEqual([]);
  });

  it('goes below 0 when overspent, and a clean window with nothing allowed keeps it whole', () => {
    // n = 20: P95 allows 1; 3 failures → 1 − 3/1 = −2.
    const overspent = measureErrorBudgets(
      [
        ...onTime(17),
        failure('f1', 3 * DAY),
        failure('f2', 3 * DAY),
        failure('f3', 3 * DAY),
      ],
      SLA,
      NOW,
    );
    expect(overspent.p95.remaining).toBe(-2);
    // n = 10: P99 allows 0, nothing used → remaining 1.
    const clean = measureErrorBudgets(onTime(10), SLA, NOW);
    expect(clean.p99).toMatchObject({
      allowed: 0,
      used: 0,
      remaining: 1,
      exhausted: false,
    });
  });

  it('is unknown without a promise or without runs', () => {
    const noP99 = measureErrorBudgets(onTime(10), { p95: '30m' }, NOW);
    expect(noP99.p99.remaining).toBeNull();
    expect(noP99.p99.summary).toContain('contract.freshness.p99');
    const none = measureErrorBudgets([], SLA, NOW);
    expect(none.p95.exhausted).toBeNull();
    expect(none.burnRate.value).toBeNull();
  });
});

describe('burn rate', () => {
  it('is the share of the last 24 h runs over p95 ÷ 0.05, and alerts at 10 with ≥ 5 runs', () => {
    // 10 runs in the last 24 h: 4 late (45 min) + 1 failed = 5 over p95.
    // (5/10) ÷ 0.05 = 10 → alert. The run 25 h ago is outside the 24 h.
    const runs = [
      run('old-late', 25 * HOUR, 2 * HOUR),
      ...Array.from({ length: 5 }, (_, i) =>
        run(`ok${i}`, (i + 1) * HOUR, 10 * MINUTE),
      ),
      ...Array.from({ length: 4 }, (_, i) =>
        run(`late${i}`, (i + 10) * HOUR, 45 * MINUTE),
      ),
      failure('f', 20 * HOUR),
    ];
    const budgets = measureErrorBudgets(runs, SLA, NOW);
    expect(budgets.burnRate).toMatchObject({
      runs: 10,
      overP95: 5,
      value: 10,
      alert: true,
    });
    expect(errorBudgetNotices(budgets)).toContainEqual(
      expect.objectContaining({ kind: 'burn-rate', value: 10, runs: 10 }),
    );
  });

  it('does not alert on fewer than 5 runs, however fast it burns', () => {
    // 4 runs, 2 over: (2/4) ÷ 0.05 = 10, but 4 < 5.
    expect(isBurnRateAlarming({ value: 10, runs: 4 })).toBe(false);
    expect(isBurnRateAlarming({ value: 9.99, runs: 50 })).toBe(false);
    expect(isBurnRateAlarming({ value: null, runs: 50 })).toBe(false);
  });

  it('notifies each exhausted budget', () => {
    const runs = [
      ...onTime(38),
      failure('f', 3 * DAY),
      run('late', 4 * DAY, 45 * MINUTE),
    ];
    const notices = errorBudgetNotices(measureErrorBudgets(runs, SLA, NOW));
    expect(notices.map(n => n.kind === 'budget-exhausted' && n.slo)).toEqual([
      'p95',
      'p99',
    ]);
  });
});

describe('error budgets, properties', () => {
  // On time, over p95 (30m) only, over p99 (60m) too.
  const LAGS = { ok: 10 * MINUTE, late95: 45 * MINUTE, late99: 2 * HOUR };

  it('match the spec’s integer allowances for any mix of runs', () => {
    const kind = fc.constantFrom('ok', 'late95', 'late99', 'failed' as const);
    fc.assert(
      fc.property(fc.array(kind, { minLength: 1, maxLength: 300 }), kinds => {
        const runs = kinds.map((k, i) => {
          const ago = (i + 1) * 60 * 1000; // all inside 24 h
          if (k === 'failed') return failure(`r${i}`, ago);
          const lag = LAGS[k];
          return run(`r${i}`, ago, lag);
        });
        const n = kinds.length;
        const count = (...ks: string[]) =>
          kinds.filter(k => ks.includes(k)).length;
        const budgets = measureErrorBudgets(runs, SLA, NOW);
        const used95 = count('late95', 'late99', 'failed');
        const used99 = count('late99', 'failed');
        const allowed95 = Math.floor((5 * n) / 100);
        const allowed99 = Math.floor(n / 100);
        expect(budgets.p95).toMatchObject({ used: used95, allowed: allowed95 });
        expect(budgets.p99).toMatchObject({ used: used99, allowed: allowed99 });
        expect(budgets.p95.exhausted).toBe(
          allowed95 === 0 ? used95 > 0 : used95 >= allowed95,
        );
        expect(budgets.p95.remaining!).toBeLessThanOrEqual(1);
        expect(budgets.burnRate.value).toBeCloseTo(used95 / n / 0.05, 9);
      }),
    );
  });
});
