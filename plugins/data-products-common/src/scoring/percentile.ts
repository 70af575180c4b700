/**
 * Nearest-rank percentiles (dataproduct-spec.md): P is the value at rank
 * ⌈p·n⌉ of the n values sorted ascending. No interpolation: every reported
 * percentile is a lag some run really had.
 */

/**
 * ⌈p·n⌉ computed in floating point can land just above a whole number
 * (0.07 × 100 = 7.000000000000001) and jump a rank; the slack undoes that
 * without ever moving a genuine fraction.
 */
const RANK_SLACK = 1e-9;

/** The 1-based nearest rank of percentile `p` (0 < p ≤ 1) among `n` values. */
export function nearestRankIndex(n: number, p: number): number {
  const rank = Math.ceil(p * n - RANK_SLACK);
  return Math.min(n, Math.max(1, rank));
}

/**
 * Percentile `p` (0..1, e.g. 0.95) of `values` by nearest rank, or undefined
 * for no values. Sorts a copy; use {@link nearestRankSorted} when the values
 * are already sorted.
 *
 * @public
 */
export function nearestRank(
  values: ArrayLike<number>,
  p: number,
): number | undefined {
  if (values.length === 0) {
    return undefined;
  }
  // A Float64Array sorts numerically without a comparator.
  return nearestRankSorted(Float64Array.from(values).sort(), p);
}

/**
 * Percentile `p` of values already sorted ascending, by nearest rank.
 *
 * @public
 */
export function nearestRankSorted(
  sorted: ArrayLike<number>,
  p: number,
): number | undefined {
  if (sorted.length === 0) {
    return undefined;
  }
  return sorted[nearestRankIndex(sorted.length, p) - 1];
}
