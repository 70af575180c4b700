/**
 * KnexRunStore's pruning half (RunStore.pruneRunsBefore), used only by it:
 * deletes what the runs retention no longer keeps from the tables the store
 * owns. The rule in plain code is service/retention/runRetention.ts; the
 * operator's view is docs/operations.md "Runs retention".
 *
 * On PostgreSQL, where `runs` is partitioned by the month a run began
 * (runPartitions.ts), a month is first dropped whole once every run in it
 * has expired: its table is detached, what hangs off its runs is deleted
 * in batches, and the table is dropped. Row by row, PostgreSQL then deletes
 * only the expired runs of months before the cutoff's month (stragglers of
 * a month a live run keeps, and the default partition): the runs of the
 * cutoff's own month wait for that month to go whole, so a run is kept up
 * to a month longer than the retention there. SQLite deletes row by row
 * at the cutoff.
 *
 * Then three passes, each in batches of one transaction:
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
import { lockRuns, monthStart } from './runMonths';
import {
  MonthPartition,
  attachedMonthPartitions,
  detachIfExpired,
  detachedMonthPartitions,
} from './runPartitions';
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

type Counts = Omit<PruneRunsResult, 'batches' | 'monthsDropped'>;
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

  /** `query` on runs narrowed to the runs the retention no longer keeps. */
  expired(query: Knex.QueryBuilder): Knex.QueryBuilder {
    return this.byAge(query, '<');
  }

  /**
   * `query` on runs narrowed to the runs the retention still keeps. Not a
   * NOT of `expired`: SQL's NOT of an open run's null finish is null.
   */
  stillKept(query: Knex.QueryBuilder): Knex.QueryBuilder {
    return this.byAge(query, '>=');
  }

  /** Runs whose finish — or, never finished, last change — is `op` the cutoff. */
  private byAge(query: Knex.QueryBuilder, op: '<' | '>='): Knex.QueryBuilder {
    return query.where(when =>
      when
        .where('finished_at', op, this.cutoff)
        .orWhere(open =>
          open.whereNull('finished_at').where('event_time', op, this.cutoff),
        ),
    );
  }

  /**
   * Month partitions (PostgreSQL) whose whole month is before the cutoff's,
   * and so may be dropped whole once none of their runs is kept.
   */
  isBeforeCutoffMonth(partition: MonthPartition): boolean {
    return partition.month < monthStart(this.cutoff);
  }

  /**
   * Pass 0, PostgreSQL: one batch of the runs of the detached month table
   * `table` after id `afterId`: deletes what hangs off them. The table
   * itself is dropped by the caller once every batch is done.
   */
  async detachedRuns(tx: Knex.Transaction, table: string, afterId: string) {
    const rows: Array<{ id: string; entity_ref: string; run_id: string }> =
      await tx(table)
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(this.batchSize)
        // node-postgres hands bigint back as a string, which is what the
        // next batch's `id >` compares with.
        .select('id', 'entity_ref', 'run_id');
    if (rows.length === 0) return { ...noCounts(), looked: 0, lastId: afterId };
    // These runs are out of `runs` already, so only their events need the
    // per-run lock (against a recompute reading them): just the run ids
    // that have events to delete are locked — a thousand locks cost more
    // than the rest of the batch.
    const counts = await this.deleteWhatHangsOff(tx, rows, {
      lockEventRuns: true,
    });
    return { ...counts, looked: rows.length, lastId: rows[rows.length - 1].id };
  }

  /** Pass 1: runs that finished, or never finished and last changed, before the cutoff. */
  async expiredRuns(tx: Knex.Transaction) {
    const expired = (query: Knex.QueryBuilder) =>
      this.postgres
        ? // A run of the cutoff's month or later waits for its month to be
          // dropped whole (pass 0).
          this.expired(query).where('run_month', '<', monthStart(this.cutoff))
        : this.expired(query);
    const candidates: Array<{ id: number | string; run_id: string }> =
      await expired(tx(RUNS)).limit(this.batchSize).select('id', 'run_id');
    if (candidates.length === 0) return { ...noCounts(), looked: 0 };
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
    const counts =
      deleted.length > 0
        ? await this.deleteWhatHangsOff(tx, deleted)
        : noCounts();
    counts.runs = deleted.length;
    return { ...counts, looked: candidates.length };
  }

  /**
   * The observed schemas, liveness samples and checks of `deleted` product
   * runs, and the events of their run ids nothing keeps any more.
   */
  private async deleteWhatHangsOff(
    tx: Knex.Transaction,
    deleted: Array<{ entity_ref: string; run_id: string }>,
    options: {
      /** Lock the run ids with deletable events first (the caller holds none). */
      lockEventRuns?: boolean;
    } = {},
  ): Promise<Counts> {
    const counts = noCounts();
    // PostgreSQL plans a thousand literal pairs as a chain of ORs (about
    // 9 ms a statement); two arrays unnested are one hashed semi-join.
    const pairs = this.postgres
      ? tx.raw('SELECT * FROM unnest(?::text[], ?::text[])', [
          deleted.map(row => row.entity_ref),
          deleted.map(row => row.run_id),
        ])
      : deleted.map(row => [row.entity_ref, row.run_id]);
    // Unless the product run was recorded again since (a native report
    // re-inserts a run it closes): then its rows are current.
    const ofDeletedRuns = (table: string) =>
      tx(table)
        .whereIn(['entity_ref', 'run_id'], pairs as any)
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
    let runIds = distinct(deleted.map(row => row.run_id));
    if (options.lockEventRuns) {
      const withEvents: Array<{ run_id: string }> = await this.deletableEvents(
        tx,
        tx(RUN_EVENTS).whereIn(`${RUN_EVENTS}.run_id`, runIds),
      ).distinct(`${RUN_EVENTS}.run_id`);
      runIds = distinct(withEvents.map(row => row.run_id));
      await this.lockRuns(tx, runIds);
    }
    counts.runEvents = await this.deleteEventsOf(tx, runIds);
    return counts;
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
    if (this.postgres) await lockRuns(tx, runIds);
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
  const add = (counts: Counts) => {
    for (const key of Object.keys(counts) as Array<keyof Counts>) {
      result[key] += counts[key];
    }
  };
  if (options.postgres) {
    const dropped = await dropExpiredMonths(db, pruner, options.signal, add);
    result.batches += dropped.batches;
    if (dropped.months.length > 0) result.monthsDropped = dropped.months;
  }
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
      add(counts);
      // Each candidate query finds only rows still to delete: a short batch
      // was the last one.
      if (looked < batchSize) break;
      // SQLite answers synchronously: let requests in between batches.
      await yieldToEventLoop();
    }
  }
  return result;
}

/**
 * Pass 0 (PostgreSQL): detaches every month partition before the cutoff's
 * month that holds no run the retention keeps, then, for it and any month
 * an earlier pass detached but did not finish, deletes what hangs off its
 * runs in batches and drops its table.
 */
async function dropExpiredMonths(
  db: Knex,
  pruner: Pruner,
  signal: AbortSignal | undefined,
  add: (counts: Counts) => void,
): Promise<{ months: string[]; batches: number }> {
  const months: string[] = [];
  let batches = 0;
  for (const partition of await attachedMonthPartitions(db)) {
    if (signal?.aborted) return { months, batches };
    if (!pruner.isBeforeCutoffMonth(partition)) continue;
    await detachIfExpired(db, partition, query => pruner.stillKept(query));
  }
  for (const partition of await detachedMonthPartitions(db)) {
    let lastId = '0';
    for (;;) {
      if (signal?.aborted) return { months, batches };
      const after = lastId;
      const batch = await retryOnConflict(() =>
        db.transaction(tx => pruner.detachedRuns(tx, partition.name, after)),
      );
      if (batch.looked === 0) break;
      const { looked, lastId: last, ...counts } = batch;
      add(counts);
      batches += 1;
      lastId = last;
      await yieldToEventLoop();
    }
    const [{ count }] = await db(partition.name).count({ count: '*' });
    await db.schema.dropTable(partition.name);
    add({ ...noCounts(), runs: Number(count) });
    months.push(partition.month);
  }
  return { months, batches };
}

function distinct(values: string[]): string[] {
  return [...new Set(values)].sort();
}
