import { h, HOUR, ok } from './__fixtures__/lineage';
import { computeSupplyChain } from './computeSupplyChain';
import { LineageGraph } from './endToEnd';
import type { SupplyChainRun } from './types';

const S = 'dataproduct:default/source';
const P = 'dataproduct:default/product';
const NOW = new Date(h(121));

// S delivers every 2 days: at 0h, 48h, 96h, 144h.
const sourceRuns = [0, 48, 96, 144].map(at => ok(`s${at}`, at));
// P finishes every 10 h from 10h to 120h, each started an hour earlier;
// its data is 1 h old on even runs and 3 h old on odd ones; 1,000 rows.
const productRuns: SupplyChainRun[] = Array.from({ length: 12 }, (_, i) => {
  const finished = 10 * (i + 1);
  return {
    ...ok(`p${i}`, finished, finished - 1),
    watermark: h(finished - (i % 2 ? 3 : 1)),
    rowCount: 1000,
  };
});

describe('computeSupplyChain', () => {
  const report = computeSupplyChain(
    {
      entityRef: P,
      graph: new LineageGraph([
        { entityRef: S, upstreams: [], runs: sourceRuns },
        { entityRef: P, upstreams: [S], runs: productRuns },
      ]),
      freshness: { p95: '2h', p99: '4h' },
      leadTimeTarget: '1d',
    },
    NOW,
  );

  it('measures lead time from the source run each run absorbed', () => {
    // Start f − 1 absorbs the newest S run at or before it:
    // 10→0: 10h, 20: 20h, 30: 30h, 40: 40h, 50 (start 49)→48: 2h, 60: 12h,
    // 70: 22h, 80: 32h, 90: 42h, 100 (start 99)→96: 4h, 110: 14h, 120: 24h.
    // Sorted: 2 4 10 12 14 20 22 24 30 32 40 42 (n = 12).
    // P50 rank ⌈6⌉ → 20h; P95 rank ⌈11.4⌉ = 12 → 42h > 1d target.
    expect(report.leadTime).toMatchObject({
      p50Ms: 20 * HOUR,
      p95Ms: 42 * HOUR,
      overTarget: true,
    });
    // S has no upstream: each chain is one hop, the same figures end to end.
    expect(report.endToEndLeadTime).toMatchObject({
      p50Ms: 20 * HOUR,
      p95Ms: 42 * HOUR,
    });
  });

  it('finds high volatility and so a fragile product', () => {
    // Lags 1h ×6 and 3h ×6: mean 2h, σ 1h → 0.5: high. Row counts all 1,000: 0.
    expect(report.volatility.lag).toMatchObject({ value: 0.5, level: 'high' });
    expect(report.volatility.rowCount).toMatchObject({
      value: 0,
      level: 'low',
    });
    expect(report.fragile.fragile).toBe(true);
  });

  it('spends the error budgets', () => {
    // n = 12: P95 allows ⌊0.6⌋ = 0 and 6 runs lag 3h > 2h → exhausted.
    // P99 (4h): none over, 0 allowed → 1.
    expect(report.errorBudgets.p95).toMatchObject({
      used: 6,
      allowed: 0,
      remaining: 0,
      exhausted: true,
    });
    expect(report.errorBudgets.p99).toMatchObject({ used: 0, remaining: 1 });
    // Last 24 h (97h–121h): p9 (3h), p10 (1h), p11 (3h) → (2/3) ÷ 0.05 = 13.3…,
    // but 3 runs are fewer than 5: no alert.
    expect(report.errorBudgets.burnRate.runs).toBe(3);
    expect(report.errorBudgets.burnRate.value).toBeCloseTo(40 / 3, 9);
    expect(report.errorBudgets.burnRate.alert).toBe(false);
  });
});
