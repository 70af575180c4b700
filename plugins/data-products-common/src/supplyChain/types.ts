/**
 * Plain data the supply-chain figures read (dataproduct-spec.md "Supply
 * chain: lead time, volatility, error budget"): runs as the backend stores
 * them, plus the upstream products each run read where OpenLineage told.
 */
import type { ScoringRun } from '../scoring/runs';
import type { WindowBounds } from '../scoring/types';

/**
 * A run of a product, as scored, plus what it read. `inputProducts` are the
 * products its OpenLineage inputs map to (full entity refs); absent or empty
 * when the run named no input that is a product, and then the product's
 * declared `contract.lineage.upstreams` stand in.
 *
 * @public
 */
export interface SupplyChainRun extends ScoringRun {
  inputProducts?: readonly string[];
}

/**
 * One product of a lineage graph: its declared upstreams (full entity refs,
 * `contract.lineage.upstreams`) and its runs in any order. Upstreams that
 * are not products (a `resource:`) may be listed: they never run, so they
 * simply absorb nothing.
 *
 * @public
 */
export interface LineageProduct {
  entityRef: string;
  upstreams: readonly string[];
  runs: readonly SupplyChainRun[];
}

/** An upstream run a run absorbed: the newest successful one of that product finished by the run's cutoff. @public */
export interface AbsorbedRun {
  entityRef: string;
  runId: string;
  finishedAt: string;
}

/**
 * The lead time of one successful run (see `runLeadTimes`). `leadTimeMs` is
 * null, with `reason`, when it cannot be measured.
 *
 * @public
 */
export interface RunLeadTime {
  runId: string;
  finishedAt: string;
  /** Which instant bounds what the run could absorb: its start, else its finish. */
  cutoff: { from: 'startedAt' | 'finishedAt'; at: string } | null;
  /** Where the upstreams came from: the run's OpenLineage inputs or the declared lineage. */
  upstreamSource: 'openlineage' | 'declared';
  upstreams: string[];
  /** Per upstream that had a successful run by the cutoff, the newest such run, newest first. */
  absorbed: AbsorbedRun[];
  /** Upstreams with no successful run by the cutoff (never ran, or only later). */
  notAbsorbed: string[];
  /** finishedAt − the finish of the newest absorbed run. */
  leadTimeMs: number | null;
  /** Why it is unknown, in words; null when measured. */
  reason: string | null;
  /** Why it is unknown, as a code to count by; null when measured. */
  cause: LeadTimeUnknownCause | null;
}

/**
 * Why a run's lead time is unknown: it has no upstream at all, none of its
 * upstreams had a successful run by its cutoff, or its times contradict
 * each other (started after it finished).
 *
 * @public
 */
export type LeadTimeUnknownCause =
  | 'no-upstream'
  | 'nothing-absorbed'
  | 'start-after-finish';

/** @public */
export interface LeadTimeEvidence {
  window: WindowBounds;
  /** Successful runs of the product finished in the window. */
  successfulRuns: number;
  /** Those whose lead time could be measured. */
  measuredRuns: number;
  p50Ms: number | null;
  p95Ms: number | null;
  /** `leadTime.target`; null when not declared. */
  targetMs: number | null;
  /** Why runs could not be measured (a cause code), with how many runs each. */
  unmeasured: Array<{ cause: string; runs: number }>;
}

/** P50 and P95 lead time over the window; `value` says whether P95 is over the target. @public */
export interface LeadTimeSummary {
  p50Ms: number | null;
  p95Ms: number | null;
  /** P95 > target; null when either is unknown. */
  overTarget: boolean | null;
  evidence: LeadTimeEvidence;
  summary: string;
}
