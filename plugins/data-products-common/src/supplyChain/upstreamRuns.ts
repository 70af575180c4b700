/**
 * The successful runs of every product of a lineage graph, sorted by finish
 * once, so "the newest successful run of U finished by t" is a binary
 * search: the absorbed-run lookup that lead time makes for every run and
 * every upstream.
 */
import { instantMs } from './instant';
import type { SupplyChainRun } from './types';

interface ProductFinishes {
  /** Finish instants (ms) of the successful runs, ascending. */
  finishedMs: Float64Array;
  /** The runs in the same order. */
  runs: SupplyChainRun[];
}

/** @public */
export class UpstreamRunIndex {
  private readonly given = new Map<string, readonly SupplyChainRun[]>();
  private readonly products = new Map<string, ProductFinishes>();

  /**
   * Takes the runs of each product; a product's successful runs are sorted
   * on its first lookup, not here. A graph holds the product being scored
   * too, whose own runs (100,000 in a large window) a chain rarely looks
   * up: sorting them up front held the backend's event loop for 100 ms.
   */
  constructor(
    products: Iterable<{
      entityRef: string;
      runs: readonly SupplyChainRun[];
    }>,
  ) {
    for (const product of products) {
      this.given.set(product.entityRef, product.runs);
    }
  }

  /**
   * The newest successful run of `entityRef` finished at or before
   * `cutoffMs`, with its finish; undefined when the product never ran
   * successfully by then (or is not in the graph).
   */
  newestFinishedBy(
    entityRef: string,
    cutoffMs: number,
  ): { run: SupplyChainRun; finishedMs: number } | undefined {
    const product = this.finishesOf(entityRef);
    if (!product) return undefined;
    const finished = product.finishedMs;
    // The count of finishes ≤ cutoff; the run before that boundary is it.
    let low = 0;
    let high = finished.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (finished[mid] <= cutoffMs) low = mid + 1;
      else high = mid;
    }
    return low === 0
      ? undefined
      : { run: product.runs[low - 1], finishedMs: finished[low - 1] };
  }

  /** The successful runs of `entityRef` with a readable finish, sorted once. */
  private finishesOf(entityRef: string): ProductFinishes | undefined {
    const known = this.products.get(entityRef);
    if (known) return known;
    const runs = this.given.get(entityRef);
    if (!runs) return undefined;
    const successful: Array<{ at: number; run: SupplyChainRun }> = [];
    for (const run of runs) {
      if (run.status !== 'success') continue;
      const at = instantMs(run.finishedAt);
      if (!Number.isNaN(at)) successful.push({ at, run });
    }
    // Stable: runs finished at the same instant keep the order given.
    successful.sort((a, b) => a.at - b.at);
    const finishes = {
      finishedMs: Float64Array.from(successful, s => s.at),
      runs: successful.map(s => s.run),
    };
    this.products.set(entityRef, finishes);
    return finishes;
  }
}
