import { isBreachingNow } from './breachingNow';

describe('isBreachingNow', () => {
  // freshness 4 needs P95 ≤ p95, so a 3 means P95 beyond the promise;
  // reliability 3 allows ≤ 50 breaches per 1,000 runs, so a 2 is beyond it.
  it.each([
    [{ freshness: 3, reliability: 5 }, true],
    [{ freshness: 5, reliability: 2 }, true],
    [{ freshness: 1, reliability: 1 }, true],
    [{ freshness: 4, reliability: 3 }, false],
    [{ freshness: 5, reliability: 5 }, false],
    [{ freshness: null, reliability: 3 }, false],
    [{ freshness: null, reliability: null }, false],
    [{ freshness: 2, reliability: null }, true],
    [{ freshness: null, reliability: 1 }, true],
    [{ freshness: 4, reliability: 3 }, false], // P99 beyond, P95 within: no breach
  ])('%p → %p', (scores, expected) => {
    expect(isBreachingNow(scores)).toBe(expected);
  });
});
