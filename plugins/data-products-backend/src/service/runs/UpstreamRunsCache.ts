import {
  SharedHops,
  SupplyChainRun,
} from '@stockroom/plugin-data-products-common';

/**
 * Upstream products' runs read during one scoring pass, shared by the
 * products downstream of them: a core entity read by forty marts is read
 * once per pass, not forty times. Keyed by product and window, so a pass
 * (one `now`) only hits its own reads; the least recently used products are
 * dropped beyond `capacity`, bounding memory to that many products' runs.
 * Beside them, the lead-time hops the pass's lineage graphs worked out
 * from those runs, so each run's is worked out once (see `SharedHops`).
 */
export class UpstreamRunsCache {
  private readonly entries = new Map<string, Promise<SupplyChainRun[]>>();
  private readonly hopsByWindow = new Map<string, SharedHops>();

  constructor(private readonly capacity = 64) {}

  /**
   * The hops of graphs whose upstream runs were read over `window` (a key
   * of the read's bounds and statuses): a hop depends on the upstream runs
   * a graph holds, so graphs read over other bounds (a history's products
   * each start on their own first missing day) share none.
   */
  hops(window: string): SharedHops {
    let hops = this.hopsByWindow.get(window);
    if (!hops) {
      hops = new SharedHops(this.capacity);
      this.hopsByWindow.set(window, hops);
      // A scoring pass reads over one window; keep a few, not every one.
      if (this.hopsByWindow.size > 4) {
        this.hopsByWindow.delete(this.hopsByWindow.keys().next().value!);
      }
    }
    return hops;
  }

  /** The runs of `key`, read with `read` the first time. */
  runs(
    key: string,
    read: () => Promise<SupplyChainRun[]>,
  ): Promise<SupplyChainRun[]> {
    const cached = this.entries.get(key);
    if (cached) {
      // most recently used last
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const reading = read();
    // a failed read is not kept: the next product tries again
    reading.catch(() => this.entries.delete(key));
    this.entries.set(key, reading);
    if (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    return reading;
  }
}
