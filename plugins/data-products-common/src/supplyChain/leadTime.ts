/**
 * Lead time of a run (dataproduct-spec.md "Supply chain"): R.finishedAt −
 * the finishedAt of the newest successful upstream run R absorbed. R
 * absorbed an upstream run U when U is a run of a product R reads — its
 * OpenLineage inputs mapped to products, else the declared
 * `contract.lineage.upstreams` — and U finished by R's start (by R's finish
 * when R has no start).
 */
import { instantMs, iso } from './instant';
import type {
  AbsorbedRun,
  LineageProduct,
  RunLeadTime,
  SupplyChainRun,
} from './types';
import type { UpstreamRunIndex } from './upstreamRuns';

/**
 * The upstreams a run read and where that came from. A product listed as
 * its own upstream is dropped: a run cannot wait for itself, and
 * `findLineageCycles` reports the loop.
 *
 * @public
 */
export function upstreamsOfRun(
  run: Pick<SupplyChainRun, 'inputProducts'>,
  product: Pick<LineageProduct, 'entityRef' | 'upstreams'>,
): { source: 'openlineage' | 'declared'; upstreams: string[] } {
  const inputs = run.inputProducts ?? [];
  const source = inputs.length > 0 ? 'openlineage' : 'declared';
  const refs = source === 'openlineage' ? inputs : product.upstreams;
  const upstreams = [...new Set(refs)].filter(ref => ref !== product.entityRef);
  return { source, upstreams };
}

/**
 * The lead time of one run of `product`, and the upstream runs it absorbed
 * (per upstream the newest, newest first), so a reader can follow the
 * chain. Undefined for a run that is not a success with a readable finish:
 * only delivered data has a lead time.
 *
 * @public
 */
export function runLeadTime(
  run: SupplyChainRun,
  product: Pick<LineageProduct, 'entityRef' | 'upstreams'>,
  index: UpstreamRunIndex,
): RunLeadTime | undefined {
  const finishedMs = instantMs(run.finishedAt);
  if (run.status !== 'success' || Number.isNaN(finishedMs)) return undefined;
  const { source, upstreams } = upstreamsOfRun(run, product);
  const base = {
    runId: run.runId,
    finishedAt: iso(finishedMs),
    upstreamSource: source,
    upstreams,
  };

  const startedMs = instantMs(run.startedAt);
  if (startedMs > finishedMs) {
    return {
      ...base,
      cutoff: null,
      absorbed: [],
      notAbsorbed: upstreams,
      leadTimeMs: null,
      reason: `Run ${run.runId} started (${iso(
        startedMs,
      )}) after it finished (${iso(
        finishedMs,
      )}): its times contradict each other`,
      cause: 'start-after-finish',
    };
  }
  // A run without a (readable) start could have read anything that
  // finished before it did.
  const cutoff = Number.isNaN(startedMs)
    ? { from: 'finishedAt' as const, ms: finishedMs }
    : { from: 'startedAt' as const, ms: startedMs };

  const found: Array<AbsorbedRun & { ms: number }> = [];
  const notAbsorbed: string[] = [];
  for (const upstream of upstreams) {
    const newest = index.newestFinishedBy(upstream, cutoff.ms);
    if (newest) {
      found.push({
        entityRef: upstream,
        runId: newest.run.runId,
        finishedAt: iso(newest.finishedMs),
        ms: newest.finishedMs,
      });
    } else {
      notAbsorbed.push(upstream);
    }
  }
  found.sort((a, b) => b.ms - a.ms);
  const absorbed = found.map(({ ms: _ms, ...rest }) => rest);
  const result = {
    ...base,
    cutoff: { from: cutoff.from, at: iso(cutoff.ms) },
    absorbed,
    notAbsorbed,
  };

  if (upstreams.length === 0) {
    return {
      ...result,
      leadTimeMs: null,
      reason:
        'No upstream: neither the run’s OpenLineage inputs nor contract.lineage.upstreams name another product',
      cause: 'no-upstream',
    };
  }
  if (found.length === 0) {
    return {
      ...result,
      leadTimeMs: null,
      reason: `No successful run of ${upstreams.join(
        ', ',
      )} finished by the run’s ${
        cutoff.from === 'startedAt' ? 'start' : 'finish'
      } (${iso(cutoff.ms)}): nothing absorbed to measure from`,
      cause: 'nothing-absorbed',
    };
  }
  return {
    ...result,
    leadTimeMs: finishedMs - found[0].ms,
    reason: null,
    cause: null,
  };
}

/**
 * The lead time of every successful run of `product`, oldest finish first.
 *
 * @public
 */
export function runLeadTimes(
  product: LineageProduct,
  index: UpstreamRunIndex,
): RunLeadTime[] {
  const measured: RunLeadTime[] = [];
  for (const run of product.runs) {
    const leadTime = runLeadTime(run, product, index);
    if (leadTime) measured.push(leadTime);
  }
  return measured
    .map(leadTime => ({ leadTime, ms: Date.parse(leadTime.finishedAt) }))
    .sort((a, b) => a.ms - b.ms)
    .map(({ leadTime }) => leadTime);
}
