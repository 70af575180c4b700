import type { EventOutcome } from './openLineageRuns';
import type {
  RunEventFacts,
  QualityObservation,
  ColumnCounts,
  ObservedField,
  RunStatus,
  SupplyChainRun,
} from '@stockroom/plugin-data-products-common';

/**
 * What one report (a native run, or one OpenLineage event about one output
 * dataset) says about a run of a data product, ready to store.
 */
export interface RunRecord {
  /** The data product, a full entity ref. */
  entityRef: string;
  runId: string;
  /** The OpenLineage dataset the run wrote; absent for native reports. */
  datasetKey?: string;
  status: RunStatus;
  /** When the event (or report) happened. */
  eventTime: Date;
  startedAt?: Date;
  /** Set once the run is closed (success or failed). */
  finishedAt?: Date;
  watermark?: Date;
  rowCount?: number;
  columns?: Record<string, ColumnCounts>;
  /** The schema the run reported, stored as an observed schema. */
  schema?: ObservedField[];
  errorMessage?: string;
}

/** A run as stored. */
export interface StoredRun {
  entityRef: string;
  runId: string;
  datasetKey?: string;
  /** The OpenLineage job that ran it (absent for native reports). */
  job?: { namespace: string; name: string };
  /** The run that triggered it (OpenLineage run facet `parent`). */
  parent?: { runId: string; job: { namespace: string; name: string } };
  /** A streaming job: running until stopped, scored by liveness. */
  streaming?: boolean;
  /** Time of the run's newest event. */
  lastEventAt?: Date;
  status: RunStatus;
  eventTime: Date;
  startedAt?: Date;
  finishedAt?: Date;
  watermark?: Date;
  rowCount?: number;
  columns?: Record<string, ColumnCounts>;
  errorMessage?: string;
  /** When the row was last written. */
  recordedAt: Date;
}

/**
 * What became of each record of an {@link RunStore.insertRuns} call, in the
 * order given: `accepted` opened a run, or closed an open one; `duplicate`
 * told nothing new about a run already stored (or earlier in the same call).
 */
export type { EventOutcome };

export interface InsertRunsResult {
  accepted: number;
  duplicates: number;
  outcomes: Array<'accepted' | 'duplicate'>;
}

/** Filters of {@link RunStore.listRuns}; times bound `finishedAt`. */
export interface ListRunsOptions {
  /** Inclusive. */
  from?: Date;
  /** Inclusive. */
  to?: Date;
  /** Exclusive: for paging back from the last `finishedAt` seen. */
  before?: Date;
  limit?: number;
  /** Only runs that closed so: e.g. the previous successful run of a lag. */
  status?: Exclude<RunStatus, 'running'>;
}

/** Which runs {@link RunStore.scoringRuns} reads; times bound `finishedAt`. */
export interface ScoringRunsOptions {
  /** Inclusive. */
  from: Date;
  /** Inclusive. */
  to: Date;
  /** The closed states scored (aborts only where they count as failures). */
  statuses: ReadonlyArray<Exclude<RunStatus, 'running'>>;
  /** Runs per chunk; the store's default otherwise. */
  chunkSize?: number;
  /**
   * Whether each run's column counts are read (default true). Lead time
   * and volatility need none: upstream runs are read without, sparing the
   * parse of a JSON document per run.
   */
  columns?: boolean;
}

/** The first and last finish of some runs of a product. */
export interface FinishSpan {
  first: Date;
  last: Date;
}

/** Which runs {@link RunStore.finishSpans} looks at. */
export interface FinishSpansOptions {
  finishedFrom: Date;
  /** Exclusive. */
  finishedBefore: Date;
  /** Only runs recorded after this. */
  recordedAfter?: Date;
  /** Only these products. */
  entityRefs?: readonly string[];
}

/** How {@link RunStore.pruneRunsBefore} works through what it deletes. */
export interface PruneRunsOptions {
  /**
   * Most runs (or orphaned quality checks, or event rows looked at) per
   * batch; each batch is one transaction. The store's default otherwise.
   */
  batchSize?: number;
  /** Stops between two batches when aborted; what is left stays due. */
  signal?: AbortSignal;
}

/** Rows {@link RunStore.pruneRunsBefore} deleted, per table. */
export interface PruneRunsResult {
  runs: number;
  /** OpenLineage events (`run_events`). */
  runEvents: number;
  qualityChecks: number;
  observedSchemas: number;
  runSamples: number;
  /** Transactions it took. */
  batches: number;
  /**
   * PostgreSQL: the months ('YYYY-MM-01') whose partitions of `runs` were
   * dropped whole (their runs are counted in `runs`); absent if none.
   */
  monthsDropped?: string[];
}

/** The schema one run reported for a product. */
export interface ObservedSchema {
  entityRef: string;
  runId: string;
  /** The time of the event (or report) that carried it. */
  observedAt: Date;
  fields: ObservedField[];
  /** sha256 of the schema as stored, to spot changes cheaply. */
  fingerprint: string;
}

/**
 * The plugin's store of runs and what they reported: OpenLineage events,
 * observed schemas and quality checks. Scorecard snapshots are the
 * ScorecardSnapshotStore's; drift incidents and contract versions the
 * ContractHistoryStore's.
 */
export interface RunStore {
  /**
   * Stores runs, all or nothing (one transaction). Idempotent on (product,
   * run id): a closing record (success or failed) closes an open run, and
   * anything else about a run already known is a duplicate and changes
   * nothing. Records carrying a schema also record it as observed.
   */
  insertRuns(records: RunRecord[], recordedAt: Date): Promise<InsertRunsResult>;

  /**
   * Stores validated OpenLineage events (their facts), in order, and
   * re-accumulates every run they touch from all of its events; see
   * openLineageRuns.ts. One transaction; retried on a deadlock or
   * serialization failure. Returns each event's outcome.
   */
  ingestEvents(
    events: readonly RunEventFacts[],
    productsOf: (datasetKey: string) => readonly string[],
    recordedAt: Date,
  ): Promise<EventOutcome[]>;

  /** A product's closed runs, latest `finishedAt` first. */
  listRuns(entityRef: string, options?: ListRunsOptions): Promise<StoredRun[]>;

  /**
   * A product's runs as scoring reads them (status, start, finish,
   * watermark, counts, and the products an OpenLineage run read), oldest `finishedAt` first, ties in the order they were stored,
   * in chunks of at most `chunkSize`. Each chunk is a query of its own that
   * starts after the last run of the one before (keyset paging), so a window
   * of any size is read without holding it whole, and the caller can yield
   * to the event loop between chunks.
   */
  scoringRuns(
    entityRef: string,
    options: ScoringRunsOptions,
  ): AsyncIterable<SupplyChainRun[]>;

  /** Quality checks of a product's data by any job, observed in [from, to]. */
  listQualityChecks(
    entityRef: string,
    from: Date,
    to: Date,
  ): Promise<QualityObservation[]>;

  /** A product's runs still running (streams), newest event first. */
  listRunningRuns(entityRef: string, limit: number): Promise<StoredRun[]>;

  /** Products with runs written after `since`, with the latest such write. */
  productsWithRunsSince(
    since: Date,
  ): Promise<Array<{ entityRef: string; lastRecordedAt: Date }>>;

  /**
   * Per product, the earliest and latest finish among its runs finished in
   * [finishedFrom, finishedBefore) — of those recorded after
   * `recordedAfter` when given, of the products `entityRefs` when given:
   * the stretch of a product's past days they change (history backfill).
   */
  finishSpans(options: FinishSpansOptions): Promise<Map<string, FinishSpan>>;

  /** Whether any run has reported a schema for the product. */
  hasObservedSchema(entityRef: string): Promise<boolean>;

  /** The schema the product's runs reported last (latest `observedAt`). */
  latestObservedSchema(entityRef: string): Promise<ObservedSchema | undefined>;

  /**
   * Deletes what the runs retention no longer keeps (docs/operations.md
   * "Runs retention"; service/retention/runRetention.ts):
   *
   * - every run that finished — or, never finished, last changed
   *   (`eventTime`) — before `cutoff`, with the observed schema, liveness
   *   samples and quality checks of that product run;
   * - quality checks observed before `cutoff` of a product run that has no
   *   run row (a job that checked a product's data without writing it);
   * - the OpenLineage events of a run id once no product keeps a run or
   *   check of it, none of its events happened at or after `cutoff`, and no
   *   stored event names it as its parent — so a run id shared by a
   *   product still within retention keeps its events.
   *
   * In batches, each one transaction; idempotent, and safe beside another
   * instance pruning or ingesting (each deletion re-checks its condition,
   * under the per-run lock ingestion takes on PostgreSQL).
   *
   * On PostgreSQL, where `runs` is partitioned by the month a run began,
   * months before `cutoff`'s month go whole once none of their runs is
   * kept, and a run of `cutoff`'s month waits for its month (so it is kept
   * up to a month longer); see pruneRuns.ts.
   */
  pruneRunsBefore(
    cutoff: Date,
    options?: PruneRunsOptions,
  ): Promise<PruneRunsResult>;

  /**
   * PostgreSQL: creates the partitions of `runs` for the months from
   * `now`'s to `monthsAhead` months after it that do not exist yet, and
   * returns their names; SQLite has no partitions and returns none.
   */
  createRunPartitions(now: Date, monthsAhead: number): Promise<string[]>;
}
