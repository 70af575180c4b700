/**
 * KnexRunStore's pruning half (RunStore.pruneRunsBefore), used only by it:
 * deletes what the runs retention no longer keeps from the tables the store
 * owns. The rule in plain code is service/retention/runRetention.ts; the
 * operator's view is docs/operations.md "Runs retention".
 *
 * Three passes, each in batches of one transaction:
 *
 * 1. expired runs, and the rows of their product run (entity_ref, run_id)
 *    in `observed_schemas`, `run_samples` and `quality_checks`;
 * 2. quality checks observed before the cutoff of a product run with no
 *    run row (a Great Expectations or Soda job checks a product's data
 *    without writing it);
 * 3. events (`run_events`, keyed by run id alone: one OpenLineage run can
 *    write several products) of run ids nothing keeps any more, found among
 *    the events recorded before the cutoff. Passes 1 and 2 also delete the
 *    events of the run ids they leave without rows, in the same batch.
 *
 * Every DELETE repeats the condition its candidates were chosen by, so a
 * row that an ingestion renewed meanwhile, or that another pruner already
 * deleted, is left alone or counted once: two instances may prune at once.
 */
import { Knex } from 'knex';
import { yieldToEventLoop } from '../service/runs/yieldToEventLoop';
import { retryOnConflict } from './retryOnConflict';
import { PruneRunsOptions, PruneRunsResult } from './RunStore';

const RUNS = 'runs';
const RUN_EVENTS = 'run_events';
const QUALITY_CHECKS = 'quality_checks';
const RUN_SAMPLES = 'run_samples';
const OBSERVED_SCHEMAS = 'observed_schemas';

/** Runs (or checks, or event rows) per batch unless told otherwise. */
export const DEFAULT_PRUNE_BATCH = 1000;
// A batch's (entity_ref, run_id) pairs are two bound parameters each:
// 5,000 stays under SQLite's 32,766 and PostgreSQL's 65,535.
const MAX_PRUNE_BATCH = 5000;

type Counts = Omit<PruneRunsResult, 'batches'>;
type Batch = (tx: Knex.Transaction) => Promise<Counts & { looked: number }>;

function noCounts(): Counts {
  return {
    runs: 0,
    runEvents: 0,
    qualityChecks: 0,
    observedSchemas: 0,
    runSamples: 0,
  };
}

class Pruner {
  constructor(
    private readonly cutoff: Date,
    private readonly batchSize: number,
    private readonly postgres: boolean,
  ) {}

  /** Pass 1: runs that finished, or never finished and last changed, before the cutoff. */
  async expiredRuns(tx: Knex.Transaction) {
    const counts = noCounts();
    const expired = (query: Knex.QueryBuilder) =>
      query.where(when =>
        when
          .where('finished_at', '<', this.cutoff)
          .orWhere(open =>
            open.whereNull('finished_at').where('event_time', '<', this.cutoff),
          ),
      );
    const candidates: Array<{ id: number | string; run_id: string }> =
      await expired(tx(RUNS)).limit(this.batchSize).select('id', 'run_id');
    if (candidates.length === 0) return { ...counts, looked: 0 };
    const runIds = distinct(candidates.map(row => row.run_id));
    await this.lockRuns(tx, runIds);

    // Read again under the lock (and, on PostgreSQL, the rows locked), so
    // a run renewed since it was picked is not deleted; then delete those.
    const stillExpired = expired(
      tx(RUNS).whereIn(
        'id',
        candidates.map(row => row.id),
      ),
    ).select('id', 'entity_ref', 'run_id');
    if (this.postgres) stillExpired.forUpdate();
    const deleted: Array<{
      id: number | string;
      entity_ref: string;
      run_id: string;
    }> = await stillExpired;
    if (deleted.length > 0) {
      await tx(RUNS)
        .whereIn(
          'id',
          deleted.map(row => row.id),
        )
        .delete();
    }
    counts.runs = deleted.length;
    if (deleted.length > 0) {
      const pairs = deleted.map(row => [row.entity_ref, row.run_id]);
      // Unless the product run was recorded again since (a native report
      // re-inserts a run it closes): then its rows are current.
      const ofDeletedRuns = (table: string) =>
        tx(table)
          .whereIn(['entity_ref', 'run_id'], pairs)
          .whereNotExists(
            tx(RUNS)
              .select(tx.raw('1'))
              .whereRaw(`${RUNS}.entity_ref = ${table}.entity_ref`)
              .whereRaw(`${RUNS}.run_id = ${table}.run_id`),
          )
          .delete();
      counts.observedSchemas = await ofDeletedRuns(OBSERVED_SCHEMAS);
      counts.runSamples = await ofDeletedRuns(RUN_SAMPLES);
      counts.qualityChecks = await ofDeletedRuns(QUALITY_CHECKS);
      counts.runEvents = await this.deleteEventsOf(
        tx,
        distinct(deleted.map(row => row.run_id)),
      );
    }
    return { ...counts, looked: candidates.length };
  }

  /** Pass 2: quality checks before the cutoff of product runs with no run row. */
  async orphanedChecks(tx: Knex.Transaction) {
    const counts = noCounts();
    const orphaned = (query: Knex.QueryBuilder) =>
      query
        .where('observed_at', '<', this.cutoff)
        .whereNotExists(
          tx(RUNS)
            .select(tx.raw('1'))
            .whereRaw(`${RUNS}.entity_ref = ${QUALITY_CHECKS}.entity_ref`)
            .whereRaw(`${RUNS}.run_id = ${QUALITY_CHECKS}.run_id`),
        );
    const candidates: Array<{ id: number | string; run_id: string }> =
      await orphaned(tx(QUALITY_CHECKS))
        .limit(this.batchSize)
        .select('id', 'run_id');
    if (candidates.length === 0) return { ...counts, looked: 0 };
    const runIds = distinct(candidates.map(row => row.run_id));
    await this.lockRuns(tx, runIds);
    counts.qualityChecks = await orphaned(
      tx(QUALITY_CHECKS).whereIn(
        'id',
        candidates.map(row => row.id),
      ),
    ).delete();
    counts.runEvents = await this.deleteEventsOf(tx, runIds);
    return { ...counts, looked: candidates.length };
  }

  /**
   * Pass 3: events of run ids nothing keeps, among the events recorded
   * before the cutoff: runs that never wrote a product (kept till now in
   * case a later event named one), parents whose children are gone.
   */
  async orphanedEvents(tx: Knex.Transaction) {
    const counts = noCounts();
    const candidates: Array<{ run_id: string }> = await this.deletableEvents(
      tx,
      tx(RUN_EVENTS).where(`${RUN_EVENTS}.recorded_at`, '<', this.cutoff),
    )
      .limit(this.batchSize)
      .select(`${RUN_EVENTS}.run_id`);
    if (candidates.length === 0) return { ...counts, looked: 0 };
    const runIds = distinct(candidates.map(row => row.run_id));
    await this.lockRuns(tx, runIds);
    counts.runEvents = await this.deleteEventsOf(tx, runIds);
    return { ...counts, looked: candidates.length };
  }

  /** The events of those of `runIds` nothing keeps any more. */
  private async deleteEventsOf(
    tx: Knex.Transaction,
    runIds: string[],
  ): Promise<number> {
    if (runIds.length === 0) return 0;
    return this.deletableEvents(
      tx,
      tx(RUN_EVENTS).whereIn(`${RUN_EVENTS}.run_id`, runIds),
    ).delete();
  }

  /**
   * `query` on run_events narrowed to the events of run ids that no product
   * keeps a run or a check of, that have no event at or after the cutoff,
   * and that no other stored event names as its parent (a child run
   * recomputed later inherits its parent's nominal end time from them).
   */
  private deletableEvents(
    tx: Knex.Transaction,
    query: Knex.QueryBuilder,
  ): Knex.QueryBuilder {
    const ofThisRun = (table: string, alias: string, column = 'run_id') =>
      tx
        .from(`${table} as ${alias}`)
        .select(tx.raw('1'))
        .whereRaw(`${alias}.${column} = ${RUN_EVENTS}.run_id`);
    return query
      .whereNotExists(ofThisRun(RUNS, 'kept_run'))
      .whereNotExists(ofThisRun(QUALITY_CHECKS, 'kept_check'))
      .whereNotExists(
        ofThisRun(RUN_EVENTS, 'recent_event').where(
          'recent_event.event_time',
          '>=',
          this.cutoff,
        ),
      )
      .whereNotExists(
        ofThisRun(RUN_EVENTS, 'child_event', 'parent_run_id').whereRaw(
          `child_event.run_id <> ${RUN_EVENTS}.run_id`,
        ),
      );
  }

  /**
   * PostgreSQL: the per-run lock OpenLineage ingestion holds while it
   * recomputes a run (openLineageRuns.ts, same statement and key), so a run
   * is never pruned half-way through being rewritten, nor rewritten from
   * events half pruned. Taken in one sorted order, as ingestion does.
   */
  private async lockRuns(tx: Knex.Transaction, runIds: string[]) {
    if (!this.postgres || runIds.length === 0) return;
    await tx.raw(
      `SELECT pg_advisory_xact_lock(hashtextextended(id, 7401)) FROM (SELECT unnest(?::text[]) AS id ORDER BY 1) AS ids`,
      [runIds],
    );
  }
}

export async function pruneRuns(
  db: Knex,
  cutoff: Date,
  options: PruneRunsOptions & { postgres: boolean },
): Promise<PruneRunsResult> {
  const batchSize = options.batchSize ?? DEFAULT_PRUNE_BATCH;
  if (
    !Number.isInteger(batchSize) ||
    batchSize < 1 ||
    batchSize > MAX_PRUNE_BATCH
  ) {
    throw new Error(
      `batchSize is ${batchSize}; it must be a whole number from 1 to ${MAX_PRUNE_BATCH}`,
    );
  }
  if (Number.isNaN(cutoff.getTime())) {
    throw new Error('cutoff is not a valid date');
  }
  const pruner = new Pruner(cutoff, batchSize, options.postgres);
  const result: PruneRunsResult = { ...noCounts(), batches: 0 };
  const passes: Batch[] = [
    tx => pruner.expiredRuns(tx),
    tx => pruner.orphanedChecks(tx),
    tx => pruner.orphanedEvents(tx),
  ];
  for (const pass of passes) {
    for (;;) {
      if (options.signal?.aborted) return result;
      const { looked, ...counts } = await retryOnConflict(() =>
        db.transaction(pass),
      );
      if (looked === 0) break;
      result.batches += 1;
      for (const key of Object.keys(counts) as Array<keyof Counts>) {
        result[key] += counts[key];
      }
      // Each candidate query finds only rows still to delete: a short batch
      // was the last one.
      if (looked < batchSize) break;
      // SQLite answers synchronously: let requests in between batches.
      await yieldToEventLoop();
    }
  }
  return result;
}

function distinct(values: string[]): string[] {
  return [...new Set(values)].sort();
}
