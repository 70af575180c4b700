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
  LeadTimeUnknownCause,
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
 * A run's lead time as numbers, before any of it is put in words: what
 * `runLeadTime` reports, and what a chain walk (`LineageGraph`) follows
 * from run to absorbed run without formatting a time it never shows.
 */
export interface LeadTimeFacts {
  finishedMs: number;
  source: 'openlineage' | 'declared';
  upstreams: string[];
  /** Bounds what the run could absorb; null when it started after it finished. */
  cutoff: { from: 'startedAt' | 'finishedAt'; ms: number } | null;
  /** The run's start, when it contradicts its finish (for the reason). */
  startedMs: number;
  /** Per upstream with a successful run by the cutoff, the newest, newest first. */
  found: Array<{ entityRef: string; run: SupplyChainRun; finishedMs: number }>;
  notAbsorbed: string[];
  leadTimeMs: number | null;
  cause: LeadTimeUnknownCause | null;
}

/**
 * The facts of one run's lead time (see {@link runLeadTime}); undefined
 * for a run that is not a success with a readable finish.
 */
export function measureLeadTime(
  run: SupplyChainRun,
  product: Pick<LineageProduct, 'entityRef' | 'upstreams'>,
  index: UpstreamRunIndex,
): LeadTimeFacts | undefined {
  const finishedMs = instantMs(run.finishedAt);
  if (run.status !== 'success' || Number.isNaN(finishedMs)) return undefined;
  const { source, upstreams } = upstreamsOfRun(run, product);
  const startedMs = instantMs(run.startedAt);
  if (startedMs > finishedMs) {
    return {
      finishedMs,
      source,
      upstreams,
      cutoff: null,
      startedMs,
      found: [],
      notAbsorbed: upstreams,
      leadTimeMs: null,
      cause: 'start-after-finish',
    };
  }
  // A run without a (readable) start could have read anything that
  // finished before it did.
  const cutoff = Number.isNaN(startedMs)
    ? { from: 'finishedAt' as const, ms: finishedMs }
    : { from: 'startedAt' as const, ms: startedMs };

  const found: LeadTimeFacts['found'] = [];
  const notAbsorbed: string[] = [];
  for (const upstream of upstreams) {
    const newest = index.newestFinishedBy(upstream, cutoff.ms);
    if (newest) {
      found.push({ entityRef: upstream, ...newest });
    } else {
      notAbsorbed.push(upstream);
    }
  }
  // Stable: upstreams whose runs finished at the same instant keep their order.
  found.sort((a, b) => b.finishedMs - a.finishedMs);
  let cause: LeadTimeUnknownCause | null = null;
  if (upstreams.length === 0) cause = 'no-upstream';
  else if (found.length === 0) cause = 'nothing-absorbed';
  return {
    finishedMs,
    source,
    upstreams,
    cutoff,
    startedMs,
    found,
    notAbsorbed,
    leadTimeMs: cause ? null : finishedMs - found[0].finishedMs,
    cause,
  };
}

/** Why a run's lead time is unknown, in words; null when it was measured. */
export function leadTimeReason(
  run: Pick<SupplyChainRun, 'runId'>,
  facts: LeadTimeFacts,
): string | null {
  const { cutoff, upstreams } = facts;
  switch (facts.cause) {
    case 'start-after-finish':
      return `Run ${run.runId} started (${iso(
        facts.startedMs,
      )}) after it finished (${iso(
        facts.finishedMs,
      )}): its times contradict each other`;
    case 'no-upstream':
      return 'No upstream: neither the run’s OpenLineage inputs nor contract.lineage.upstreams name another product';
    case 'nothing-absorbed':
      return `No successful run of ${upstreams.join(
        ', ',
      )} finished by the run’s ${
        cutoff!.from === 'startedAt' ? 'start' : 'finish'
      } (${iso(cutoff!.ms)}): nothing absorbed to measure from`;
    default:
      return null;
  }
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
  const facts = measureLeadTime(run, product, index);
  if (!facts) return undefined;
  const { cutoff } = facts;
  return {
    runId: run.runId,
    finishedAt: iso(facts.finishedMs),
    upstreamSource: facts.source,
    upstreams: facts.upstreams,
    cutoff: cutoff && { from: cutoff.from, at: iso(cutoff.ms) },
    absorbed: facts.found.map(found => ({
      entityRef: found.entityRef,
      runId: found.run.runId,
      finishedAt: iso(found.finishedMs),
    })),
    notAbsorbed: facts.notAbsorbed,
    leadTimeMs: facts.leadTimeMs,
    reason: leadTimeReason(run, facts),
    cause: facts.cause,
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
