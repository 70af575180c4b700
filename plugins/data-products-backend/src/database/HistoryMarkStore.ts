/**
 * How far each product's past daily snapshots were computed: runs recorded
 * after a product's mark may change its past days (late runs, a replay),
 * and a product without one has never had its history computed.
 */
export interface HistoryMarkStore {
  /** Every product's mark: runs recorded up to then are in its history. */
  marks(): Promise<Map<string, Date>>;

  /**
   * After a backfill pass: every product in `refs` is marked `through`
   * (added when new), and the marks of `forget` are removed, so those
   * products' whole history is computed again next time. One transaction.
   */
  advance(
    through: Date,
    refs: readonly string[],
    forget: readonly string[],
  ): Promise<void>;
}
