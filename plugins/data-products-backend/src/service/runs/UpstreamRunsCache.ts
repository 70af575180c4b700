import { SupplyChainRun } from '@stockroom/plugin-data-products-common';

/**
 * Upstream products' runs read during one scoring pass, shared by the
 * products downstream of them: a core entity read by forty marts is read
 * once per pass, not forty times. Keyed by product and window, so a pass
 * (one `now`) only hits its own reads; the least recently used products are
 * dropped beyond `capacity`, bounding memory to that many products' runs.
 */
export class UpstreamRunsCache {
  private readonly entries = new Map<string, Promise<SupplyChainRun[]>>();

  constructor(private readonly capacity = 64) {}

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
