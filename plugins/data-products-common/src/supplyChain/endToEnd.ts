/**
 * End-to-end lead time (dataproduct-spec.md "Supply chain"): follow the
 * absorbed runs up the lineage — at each run, the newest upstream run it
 * absorbed — until a product with no measured upstream. The hops' lead
 * times add up to the distance between that origin run's finish and this
 * run's: when the change left the source and when it was usable here.
 */
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

/**
 * The products of a lineage with their runs: per-run and end-to-end lead
 * times of any of them. Build it once per recompute; lookups are binary
 * searches over each product's successful runs.
 *
 * @public
 */
export class LineageGraph {
  private readonly products = new Map<string, LineageProduct>();
  private readonly index: UpstreamRunIndex;

  constructor(products: Iterable<LineageProduct>) {
    for (const product of products) {
      this.products.set(product.entityRef, product);
    }
    this.index = new UpstreamRunIndex(this.products.values());
  }

  /** Per-run lead times of a product (see `runLeadTimes`); [] for a product not in the graph. */
  leadTimes(entityRef: string): RunLeadTime[] {
    const product = this.products.get(entityRef);
    return product ? runLeadTimes(product, this.index) : [];
  }

  /** End-to-end lead time of every successful run of a product, oldest first. */
  endToEndLeadTimes(entityRef: string): EndToEndLeadTime[] {
    const product = this.products.get(entityRef);
    if (!product) return [];
    const result: EndToEndLeadTime[] = [];
    for (const run of product.runs) {
      const e2e = this.endToEnd(product, run);
      if (e2e) result.push(e2e);
    }
    return result
      .map(e2e => ({ e2e, ms: Date.parse(e2e.finishedAt) }))
      .sort((a, b) => a.ms - b.ms)
      .map(({ e2e }) => e2e);
  }

  /**
   * The end-to-end lead time of one run, following the newest absorbed run
   * at each hop. Undefined for a run that is not a success with a
   * readable finish. A chain that comes back to a product it passed is a
   * lineage cycle: unknown, never followed round.
   */
  endToEnd(
    product: LineageProduct,
    run: SupplyChainRun,
  ): EndToEndLeadTime | undefined {
    const first = runLeadTime(run, product, this.index);
    if (!first) return undefined;
    const head = {
      entityRef: product.entityRef,
      runId: first.runId,
      finishedAt: first.finishedAt,
    };
    const chain: ChainLink[] = [];
    const visited = new Set<string>();
    let current = product;
    let leadTime: RunLeadTime = first;
    for (;;) {
      visited.add(current.entityRef);
      chain.push({
        entityRef: current.entityRef,
        runId: leadTime.runId,
        finishedAt: leadTime.finishedAt,
        leadTimeMs: leadTime.leadTimeMs,
      });
      if (leadTime.leadTimeMs === null) {
        if (leadTime.cause === 'start-after-finish' || chain.length === 1) {
          return {
            ...head,
            chain,
            origin: null,
            leadTimeMs: null,
            reason: leadTime.reason,
            cause: leadTime.cause,
          };
        }
        // No measured upstream here: this run is where the change entered.
        const origin = chain[chain.length - 1];
        return {
          ...head,
          chain,
          origin: {
            entityRef: origin.entityRef,
            runId: origin.runId,
            finishedAt: origin.finishedAt,
          },
          leadTimeMs:
            Date.parse(head.finishedAt) - Date.parse(origin.finishedAt),
          reason: null,
          cause: null,
        };
      }
      const absorbed = leadTime.absorbed[0];
      if (visited.has(absorbed.entityRef)) {
        const loop = [...chain.map(link => link.entityRef), absorbed.entityRef];
        return {
          ...head,
          chain,
          origin: null,
          leadTimeMs: null,
          reason: `Lineage cycle: ${loop.join(
            ' ← ',
          )}; the chain of absorbed runs comes back to ${
            absorbed.entityRef
          }, so it has no origin`,
          cause: 'lineage-cycle',
        };
      }
      const upstream = this.products.get(absorbed.entityRef)!;
      const upstreamRun = this.index.newestFinishedBy(
        absorbed.entityRef,
        instantMs(leadTime.cutoff!.at),
      )!.run;
      current = upstream;
      leadTime = runLeadTime(upstreamRun, upstream, this.index)!;
    }
  }
}
