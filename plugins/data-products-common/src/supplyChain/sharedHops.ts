/**
 * Hops of runs worked out by one graph and read by the next: the graphs of
 * one scoring pass (one `now`, the same reads) walk the same upstream runs
 * again and again — product i's own runs are the runs product i + 1's
 * chains go through — and a hop depends only on the run and its product's
 * upstream runs, so each is worked out once per pass.
 */
import { instantMs } from './instant';
import type { LeadTimeUnknownCause, SupplyChainRun } from './types';
import type { EndToEndLeadTime } from './endToEnd';

/** One run's hop, memoised: its own lead time and where its chain ends. */
export interface Hop {
  entityRef: string;
  runId: string;
  finishedAt: string;
  /** `finishedAt` as Date.parse reads it back (whole milliseconds). */
  finishedMs: number;
  leadTimeMs: number | null;
  /** Why its own lead time is unknown; null when measured. */
  ownCause: LeadTimeUnknownCause | null;
  /** The hop of the run it absorbed last; null at the top. */
  next: Hop | null;
  /** Where the chain ends; null when the end-to-end lead time is unknown. */
  origin: Hop | null;
  reason: string | null;
  cause: EndToEndLeadTime['cause'];
}

/**
 * Hops by product and run id, for the graphs of one scoring pass. A run
 * read twice (as a product's own run and as another's upstream run) is
 * two objects: a hop is reused only when the run read now has the same
 * status, times and inputs as the one it was worked out for. The products
 * used least recently are dropped beyond `capacity`, bounding memory.
 *
 * @public
 */
export class SharedHops {
  private readonly products = new Map<
    string,
    Map<string, { run: SupplyChainRun; hop: Hop }>
  >();

  constructor(private readonly capacity = 64) {}

  get(entityRef: string, run: SupplyChainRun): Hop | undefined {
    const entry = this.runsOf(entityRef)?.get(run.runId);
    return entry && sameRun(entry.run, run) ? entry.hop : undefined;
  }

  set(entityRef: string, run: SupplyChainRun, hop: Hop): void {
    let runs = this.runsOf(entityRef);
    if (!runs) {
      runs = new Map();
      this.products.set(entityRef, runs);
      if (this.products.size > this.capacity) {
        this.products.delete(this.products.keys().next().value!);
      }
    }
    runs.set(run.runId, { run, hop });
  }

  /** The product's hops, marked most recently used. */
  private runsOf(entityRef: string) {
    const runs = this.products.get(entityRef);
    if (runs) {
      this.products.delete(entityRef);
      this.products.set(entityRef, runs);
    }
    return runs;
  }
}

/** Whether two reads of a run agree on all a hop is worked out from. */
function sameRun(a: SupplyChainRun, b: SupplyChainRun): boolean {
  if (a === b) return true;
  if (a.status !== b.status) return false;
  if (!sameInstant(a.finishedAt, b.finishedAt)) return false;
  if (!sameInstant(a.startedAt, b.startedAt)) return false;
  const aInputs = a.inputProducts ?? [];
  const bInputs = b.inputProducts ?? [];
  return (
    aInputs.length === bInputs.length &&
    aInputs.every((input, i) => input === bInputs[i])
  );
}

function sameInstant(
  a: SupplyChainRun['finishedAt'],
  b: SupplyChainRun['finishedAt'],
): boolean {
  const aMs = instantMs(a);
  const bMs = instantMs(b);
  return aMs === bMs || (Number.isNaN(aMs) && Number.isNaN(bMs));
}
