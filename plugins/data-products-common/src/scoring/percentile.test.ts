import { nearestRank, nearestRankSorted } from './percentile';

/** 1..n in a shuffled order, so the k-th smallest is k. */
function shuffledRanks(n: number): number[] {
  const values = Array.from({ length: n }, (_, i) => i + 1);
  // A fixed permutation: reverse, then swap pairs.
  values.reverse();
  for (let i = 0; i + 1 < n; i += 2) {
    [values[i], values[i + 1]] = [values[i + 1], values[i]];
  }
  return values;
}

describe('nearestRank', () => {
  it('is undefined for no values', () => {
    expect(nearestRank([], 0.95)).toBeUndefined();
    expect(nearestRankSorted(new Float64Array(0), 0.5)).toBeUndefined();
  });

  it('is the only value when n = 1', () => {
    expect(nearestRank([42], 0.95)).toBe(42);
    expect(nearestRank([42], 0.99)).toBe(42);
  });

  it.each([
    // n, p, rank ⌈p·n⌉ worked out by hand
    [20, 0.95, 19],
    [20, 0.99, 20],
    [100, 0.95, 95],
    [100, 0.99, 99],
    [3, 0.95, 3],
    [10, 0.5, 5],
    [11, 0.5, 6],
    [2880, 0.95, 2736],
    [2880, 0.99, 2852],
    [100, 0.07, 7], // 0.07 × 100 is 7.000000000000001 in floating point
    [60, 0.95, 57],
  ])('with n = %i, P%s is the value at rank %i', (n, p, rank) => {
    expect(nearestRank(shuffledRanks(n), p)).toBe(rank);
  });

  it('does not sort the caller’s array', () => {
    const values = [3, 1, 2];
    nearestRank(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });

  it('sorts numerically, not as text', () => {
    expect(nearestRank([100, 9, 20], 0.5)).toBe(20);
  });

  it('takes the smallest value for p = 0 and the largest for p = 1', () => {
    expect(nearestRank([5, 1, 9], 0)).toBe(1);
    expect(nearestRank([5, 1, 9], 1)).toBe(9);
  });
});
