/**
 * End-to-end lead time (dataproduct-spec.md "Supply chain"): follow the
 * absorbed runs up the lineage — at each run, the newest upstream run it
 * absorbed — until a product with no measured upstream. The hops' lead
 * times add up to the distance between that origin run's finish and this
 * run's: when the change left the source and when it was usable here.
 */
import { cyclicRegions, type CyclicRegions } from './cyclicRegions';
import { instantMs, iso } from './instant';
import { leadTimeReason, measureLeadTime, runLeadTimes } from './leadTime';
import type { LineageProduct, RunLeadTime, SupplyChainRun } from './types';
import { UpstreamRunIndex } from './upstreamRuns';
import type { Hop, SharedHops } from './sharedHops';

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

/** A lead time as `summarizeLeadTimes` reads it. @public */
export interface LeadTimeItem {
  finishedAt: string;
  finishedMs: number;
  leadTimeMs: number | null;
  cause: string | null;
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
  private readonly shared: SharedHops | undefined;

  /**
   * `sharedHops`: hops worked out by the other graphs of one scoring pass
   * (see {@link SharedHops}); the caller vouches that every graph given it
   * was built from the same reads and follows each product's whole lineage.
   */
  constructor(
    products: Iterable<LineageProduct>,
    options: { sharedHops?: SharedHops } = {},
  ) {
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
    // Around a loop a chain stops where this graph's edges say it does,
    // which another graph's (with other runs' inputs) may not: share only
    // where no chain can stop at a loop.
    this.shared = this.loops.acyclic ? options.sharedHops : undefined;
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
      leadTimeMs: hop.finishedMs - origin.finishedMs,
      reason: null,
      cause: null,
    };
  }

  /**
   * A run's own and end-to-end lead time as a summary reads them (see
   * `summarizeLeadTimes`): what `runLeadTime` and `endToEnd` say of the
   * run, without the absorbed runs, chain and reason a recompute that only
   * summarises never shows. Undefined when `endToEnd` is.
   */
  leadTimesOfRun(
    product: LineageProduct,
    run: SupplyChainRun,
  ): { own: LeadTimeItem; endToEnd: LeadTimeItem } | undefined {
    const hop = this.hopOf(product, run);
    if (!hop) return undefined;
    const { finishedAt, finishedMs, origin } = hop;
    const measured = origin !== null && origin !== hop;
    return {
      own: {
        finishedAt,
        finishedMs,
        leadTimeMs: hop.leadTimeMs,
        cause: hop.ownCause,
      },
      endToEnd: {
        finishedAt,
        finishedMs,
        leadTimeMs: measured ? finishedMs - origin.finishedMs : null,
        cause: measured ? null : hop.cause,
      },
    };
  }

  /** The run's hop, walking up (without recursion) to the first hop already known. */
  private hopOf(product: LineageProduct, run: SupplyChainRun): Hop | undefined {
    const known = this.knownHop(product, run);
    if (known) return known;
    // Only delivered data has a lead time (the rule of runLeadTime).
    if (run.status !== 'success' || Number.isNaN(instantMs(run.finishedAt))) {
      return undefined;
    }

    const pending: Array<{ run: SupplyChainRun; hop: Hop }> = [];
    let current = { product, run };
    let top: Hop;
    for (;;) {
      // The first run was looked up above; each run walked up to, here.
      const cached =
        pending.length > 0
          ? this.knownHop(current.product, current.run)
          : undefined;
      if (cached) {
        top = cached;
        break;
      }
      // A success with a readable finish: the first run was checked above,
      // and the index only holds such runs.
      const facts = measureLeadTime(current.run, current.product, this.index)!;
      const finishedAt = iso(facts.finishedMs);
      const hop: Hop = {
        entityRef: current.product.entityRef,
        runId: current.run.runId,
        finishedAt,
        // What the ISO form reads back as: a Date keeps whole milliseconds.
        finishedMs: Math.trunc(facts.finishedMs),
        leadTimeMs: facts.leadTimeMs,
        ownCause: facts.cause,
        next: null,
        origin: null,
        reason: null,
        cause: facts.cause,
      };
      if (facts.leadTimeMs === null) {
        // Nothing measured upstream: the change entered here (unless the
        // run's own times are nonsense).
        hop.reason = leadTimeReason(current.run, facts);
        if (facts.cause !== 'start-after-finish') hop.origin = hop;
        top = this.remember(current.run, hop);
        break;
      }
      const absorbed = facts.found[0];
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
      current = {
        product: this.products.get(absorbed.entityRef)!,
        run: absorbed.run,
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

  private knownHop(
    product: LineageProduct,
    run: SupplyChainRun,
  ): Hop | undefined {
    const known = this.hops.get(run);
    if (known || !this.shared) return known;
    const shared = this.shared.get(product.entityRef, run);
    if (shared) this.hops.set(run, shared);
    return shared;
  }

  private remember(run: SupplyChainRun, hop: Hop): Hop {
    this.hops.set(run, hop);
    this.shared?.set(hop.entityRef, run, hop);
    return hop;
  }
}
