/**
 * The lineage graph a product's supply-chain figures are computed on
 * (dataproduct-spec.md "Supply chain"): the product with its runs in the
 * window, and every product up its declared `contract.lineage.upstreams`,
 * and the products its runs read (their OpenLineage inputs mapped to
 * products at ingestion), transitively, with their runs. A run that read
 * products is measured against those (`upstreamSource: openlineage`);
 * the others against the declared upstreams.
 */
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DataProductEntityV1alpha1,
  LineageGraph,
  LineageProduct,
  RunStatus,
  SupplyChainRun,
  declaredUpstreamRefs,
  normalizeContract,
} from '@stockroom/plugin-data-products-common';
import { RunStore } from '../../database/RunStore';
import { UpstreamRunsCache } from './UpstreamRunsCache';
import { yieldToEventLoop } from './yieldToEventLoop';

/** At most this many upstream products are followed: a bound on one recompute's reads. */
export const MAX_UPSTREAM_PRODUCTS = 200;
// Entities per catalog request.
const REFS_PER_REQUEST = 100;

/** The closed states a run is read with; aborts only where they count as failures. */
export type ScoredStatuses = ReadonlyArray<Exclude<RunStatus, 'running'>>;

/**
 * A product's declared upstreams as full refs, in the product's namespace
 * (see `declaredUpstreamRefs`).
 */
export function upstreamsOf(product: Entity): string[] {
  const { contract } = normalizeContract(product as DataProductEntityV1alpha1);
  return declaredUpstreamRefs(
    contract.lineage.upstreams,
    product.metadata.namespace ?? 'default',
  );
}

/** A run as lead time, volatility and budgets read it: no column counts. */
export function supplyChainRun(run: SupplyChainRun): SupplyChainRun {
  const copy: SupplyChainRun = {
    runId: run.runId,
    status: run.status === 'aborted' ? 'failed' : run.status,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    watermark: run.watermark,
    rowCount: run.rowCount,
  };
  // Set, not spread: one object per run of every window scored.
  if (run.inputProducts?.length) copy.inputProducts = run.inputProducts;
  return copy;
}

/**
 * What a product declares it reads, and what its runs read: its direct
 * upstreams, the products to follow up and the ones a run's own lead time
 * looks up.
 */
export function directUpstreams(
  product: Pick<LineageProduct, 'upstreams' | 'runs'>,
): string[] {
  const reads = new Set(product.upstreams);
  for (const run of product.runs) {
    for (const input of run.inputProducts ?? []) reads.add(input);
  }
  return [...reads];
}

/**
 * The graph of `product` (whose runs the caller read already) and its
 * ancestors: declared upstreams and products its runs read. Upstream runs are read from `upstreamFrom`, earlier than the
 * window: the first runs in the window absorb upstream runs finished
 * before it. An upstream that is not in the catalog (a `resource:`, a
 * typo) is kept with no runs: it absorbs nothing, and the lead time says
 * so. Ancestors beyond {@link MAX_UPSTREAM_PRODUCTS} are not followed.
 */
export async function lineageOf(
  product: Entity,
  productRuns: readonly SupplyChainRun[],
  deps: {
    catalog: CatalogService;
    credentials: () => Promise<BackstageCredentials>;
    store: RunStore;
    /** Upstream runs shared across the products of one scoring pass. */
    upstreamRuns?: UpstreamRunsCache;
  },
  window: { upstreamFrom: Date; to: Date; statuses: ScoredStatuses },
): Promise<LineageGraph> {
  const entityRef = stringifyEntityRef(product);
  const products: LineageProduct[] = [
    { entityRef, upstreams: upstreamsOf(product), runs: productRuns },
  ];
  const seen = new Set([entityRef]);
  let frontier = directUpstreams(products[0]).filter(ref => !seen.has(ref));
  let cutShort = false;
  while (frontier.length > 0 && seen.size <= MAX_UPSTREAM_PRODUCTS) {
    const refs = frontier.slice(0, MAX_UPSTREAM_PRODUCTS + 1 - seen.size);
    if (refs.length < frontier.length) cutShort = true;
    refs.forEach(ref => seen.add(ref));
    const entities = await readEntities(deps, refs);
    const next: string[] = [];
    for (const ref of refs) {
      const entity = entities.get(ref);
      const upstream: LineageProduct = {
        entityRef: ref,
        upstreams: entity ? upstreamsOf(entity) : [],
        runs: entity ? await upstreamRunsOf(deps, ref, window) : [],
      };
      products.push(upstream);
      next.push(...directUpstreams(upstream).filter(up => !seen.has(up)));
    }
    frontier = [...new Set(next)];
  }
  // Indexing the runs is one stretch of work: start it on a fresh turn.
  await yieldToEventLoop();
  // A graph cut short at the bound has ancestors without runs: its hops
  // are not those of the pass's other graphs, so it shares none.
  if (frontier.length > 0) cutShort = true;
  return new LineageGraph(products, {
    sharedHops: cutShort
      ? undefined
      : deps.upstreamRuns?.hops(windowKey(window)),
  });
}

async function readEntities(
  deps: {
    catalog: CatalogService;
    credentials: () => Promise<BackstageCredentials>;
  },
  refs: string[],
): Promise<Map<string, Entity>> {
  const found = new Map<string, Entity>();
  const credentials = await deps.credentials();
  for (let i = 0; i < refs.length; i += REFS_PER_REQUEST) {
    const chunk = refs.slice(i, i + REFS_PER_REQUEST);
    const { items } = await deps.catalog.getEntitiesByRefs(
      { entityRefs: chunk },
      { credentials },
    );
    items.forEach((entity, index) => {
      if (entity && entity.kind.toLocaleLowerCase('en-US') === 'dataproduct') {
        found.set(chunk[index], entity);
      }
    });
  }
  return found;
}

function upstreamRunsOf(
  deps: { store: RunStore; upstreamRuns?: UpstreamRunsCache },
  entityRef: string,
  window: { upstreamFrom: Date; to: Date; statuses: ScoredStatuses },
): Promise<SupplyChainRun[]> {
  const read = () => readRuns(deps.store, entityRef, window);
  if (!deps.upstreamRuns) return read();
  return deps.upstreamRuns.runs(`${entityRef}|${windowKey(window)}`, read);
}

/** The bounds and statuses upstream runs are read with, as a key. */
function windowKey(window: {
  upstreamFrom: Date;
  to: Date;
  statuses: ScoredStatuses;
}): string {
  return [
    window.upstreamFrom.toISOString(),
    window.to.toISOString(),
    ...window.statuses,
  ].join('|');
}

async function readRuns(
  store: RunStore,
  entityRef: string,
  window: { upstreamFrom: Date; to: Date; statuses: ScoredStatuses },
): Promise<SupplyChainRun[]> {
  const runs: SupplyChainRun[] = [];
  for await (const chunk of store.scoringRuns(entityRef, {
    from: window.upstreamFrom,
    to: window.to,
    statuses: window.statuses,
    columns: false,
  })) {
    for (const run of chunk) runs.push(supplyChainRun(run));
    await yieldToEventLoop();
  }
  return runs;
}
