/**
 * End-to-end lead time (dataproduct-spec.md "Supply chain"): follow the
 * absorbed runs up the lineage — at each run, the newest upstream run it
 * absorbed — until a product with no measured upstream. The hops' lead
 * times add up to the distance between that origin run's finish and this
 * run's: when the change left the source and when it was usable here.
 */
import { cyclicRegions, type CyclicRegions } from './cyclicRegions';
import { instantMs } from './instant';
import { runLeadTime, runLeadTimes } from './leadTime';
import type { LineageProduct, RunLeadTime, SupplyChainRun } from './types';
import { UpstreamRunIndex } from './upstreamRuns';

/** One run on an end-to-end chain. @public */
export interface ChainLink {
  entityRef: string;
  runId: string;
  finishedAt: string;
  /** Its own lead time (from the next link); null at the origin. */
  leadTimeMs: number | null;
}

/** @public */
export interface EndToEndLeadTime {
  entityRef: string;
  runId: string;
  finishedAt: string;
  /** This run first, then each absorbed run up to the origin. */
  chain: ChainLink[];
  /** The run at the top of the chain: its product had no measured upstream. */
  origin: { entityRef: string; runId: string; finishedAt: string } | null;
  /** finishedAt − origin.finishedAt: the sum of the chain's lead times. */
  leadTimeMs: number | null;
  reason: string | null;
  cause:
    | 'no-upstream'
    | 'nothing-absorbed'
    | 'start-after-finish'
    | 'lineage-cycle'
    | null;
}

/** One run's hop, memoised: its own lead time and where its chain ends. */
interface Hop {
  entityRef: string;
  runId: string;
  finishedAt: string;
  leadTimeMs: number | null;
  /** The hop of the run it absorbed last; null at the top. */
  next: Hop | null;
  /** Where the chain ends; null when the end-to-end lead time is unknown. */
  origin: Hop | null;
  reason: string | null;
  cause: EndToEndLeadTime['cause'];
}

/**
 * The products of a lineage with their runs: per-run and end-to-end lead
 * times of any of them. Build it once per recompute from the product and
 * its ancestors (their runs are what it can absorb). Each run's hop is
 * worked out once and shared by every chain through it, so the end-to-end
 * lead times of all products cost about as much as their runs.
 *
 * @public
 */
export class LineageGraph {
  private readonly products = new Map<string, LineageProduct>();
  private readonly index: UpstreamRunIndex;
  private readonly loops: CyclicRegions;
  private readonly hops = new Map<SupplyChainRun, Hop>();

  constructor(products: Iterable<LineageProduct>) {
    for (const product of products) {
      this.products.set(product.entityRef, product);
    }
    this.index = new UpstreamRunIndex(this.products.values());
    // Every edge a chain can take: declared upstreams and every run's inputs.
    const edges = new Map<string, string[]>();
    for (const product of this.products.values()) {
      const reads = new Set(product.upstreams);
      for (const run of product.runs) {
        for (const input of run.inputProducts ?? []) reads.add(input);
      }
      reads.delete(product.entityRef);
      edges.set(product.entityRef, [...reads]);
    }
    this.loops = cyclicRegions(edges);
  }

  /** A product of the graph, as given. */
  product(entityRef: string): LineageProduct | undefined {
    return this.products.get(entityRef);
  }

  /** Per-run lead times of a product (see `runLeadTimes`); [] for a product not in the graph. */
  leadTimes(entityRef: string): RunLeadTime[] {
    const product = this.products.get(entityRef);
    return product ? runLeadTimes(product, this.index) : [];
  }

  /**
   * End-to-end lead time of every successful run of a product, oldest
   * first. `chains: false` leaves each chain at its first link (the total
   * and origin are the same), for a recompute that only summarises.
   */
  endToEndLeadTimes(
    entityRef: string,
    options: { chains?: boolean } = {},
  ): EndToEndLeadTime[] {
    const product = this.products.get(entityRef);
    if (!product) return [];
    const result: EndToEndLeadTime[] = [];
    for (const run of product.runs) {
      const e2e = this.endToEnd(product, run, options);
      if (e2e) result.push(e2e);
    }
    return result
      .map(e2e => ({ e2e, ms: Date.parse(e2e.finishedAt) }))
      .sort((a, b) => a.ms - b.ms)
      .map(({ e2e }) => e2e);
  }

  /**
   * The end-to-end lead time of one run, following the newest absorbed run
   * at each hop. Undefined for a run that is not a success with a readable
   * finish. A hop between two products on a common loop is a lineage
   * cycle: unknown, never followed round.
   */
  endToEnd(
    product: LineageProduct,
    run: SupplyChainRun,
    options: { chains?: boolean } = {},
  ): EndToEndLeadTime | undefined {
    const hop = this.hopOf(product, run);
    if (!hop) return undefined;
    const chain: ChainLink[] = [];
    for (
      let link: Hop | null = hop;
      link && (options.chains !== false || chain.length === 0);
      link = link.next
    ) {
      chain.push({
        entityRef: link.entityRef,
        runId: link.runId,
        finishedAt: link.finishedAt,
        leadTimeMs: link.leadTimeMs,
      });
    }
    const head = {
      entityRef: hop.entityRef,
      runId: hop.runId,
      finishedAt: hop.finishedAt,
      chain,
    };
    // A run that is its own origin absorbed nothing: no distance to state.
    if (hop.origin === null || hop.origin === hop) {
      return {
        ...head,
        origin: null,
        leadTimeMs: null,
        reason: hop.reason,
        cause: hop.cause,
      };
    }
    const origin = hop.origin;
    return {
      ...head,
      origin: {
        entityRef: origin.entityRef,
        runId: origin.runId,
        finishedAt: origin.finishedAt,
      },
      leadTimeMs: Date.parse(hop.finishedAt) - Date.parse(origin.finishedAt),
      reason: null,
      cause: null,
    };
  }

  /** The run's hop, walking up (without recursion) to the first hop already known. */
  private hopOf(product: LineageProduct, run: SupplyChainRun): Hop | undefined {
    const known = this.hops.get(run);
    if (known) return known;
    // Only delivered data has a lead time (the rule of runLeadTime).
    if (run.status !== 'success' || Number.isNaN(instantMs(run.finishedAt))) {
      return undefined;
    }

    const pending: Array<{ run: SupplyChainRun; hop: Hop }> = [];
    let current = { product, run };
    let top: Hop;
    for (;;) {
      const cached = this.hops.get(current.run);
      if (cached) {
        top = cached;
        break;
      }
      const lt = runLeadTime(current.run, current.product, this.index)!;
      const hop: Hop = {
        entityRef: current.product.entityRef,
        runId: lt.runId,
        finishedAt: lt.finishedAt,
        leadTimeMs: lt.leadTimeMs,
        next: null,
        origin: null,
        reason: lt.reason,
        cause: lt.cause,
      };
      if (lt.leadTimeMs === null) {
        // Nothing measured upstream: the change entered here (unless the
        // run's own times are nonsense).
        if (lt.cause !== 'start-after-finish') hop.origin = hop;
        top = this.remember(current.run, hop);
        break;
      }
      const absorbed = lt.absorbed[0];
      if (this.loops.sameLoop(current.product.entityRef, absorbed.entityRef)) {
        const loop = this.loops.loopThrough(
          current.product.entityRef,
          absorbed.entityRef,
        );
        hop.reason = `Lineage cycle: ${loop.join(
          ' ← ',
        )}; lead time is not followed around a loop`;
        hop.cause = 'lineage-cycle';
        top = this.remember(current.run, hop);
        break;
      }
      pending.push({ run: current.run, hop });
      const upstream = this.products.get(absorbed.entityRef)!;
      current = {
        product: upstream,
        run: this.index.newestFinishedBy(
          absorbed.entityRef,
          instantMs(lt.cutoff!.at),
        )!.run,
      };
    }
    // Back down the chain: each hop ends where the one above it ends.
    for (let i = pending.length - 1; i >= 0; i--) {
      const { run: below, hop } = pending[i];
      hop.next = top;
      hop.origin = top.origin;
      if (top.origin === null) {
        hop.reason = top.reason;
        hop.cause = top.cause;
      } else {
        hop.reason = null;
        hop.cause = null;
      }
      top = this.remember(below, hop);
    }
    return top;
  }

  private remember(run: SupplyChainRun, hop: Hop): Hop {
    this.hops.set(run, hop);
    return hop;
  }
}
