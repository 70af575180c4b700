/**
 * Owns the tables `runs`, `run_events`, `observed_schemas`, `quality_checks`
 * and `run_samples` (the OpenLineage half of the writes is in
 * openLineageRuns.ts, the retention's deletes in pruneRuns.ts): no other
 * module reads or writes them.
 */
import {
  MAX_RUN_MESSAGE_LENGTH,
  QualityObservation,
  RunEventFacts,
  ScoringRun,
  SupplyChainRun,
  boundEnds,
  boundText,
  keptEnds,
} from '@stockroom/plugin-data-products-common';
import { createHash } from 'crypto';
import { Knex } from 'knex';
import { EventOutcome, ingestOpenLineageEvents } from './openLineageRuns';
import { pruneRuns } from './pruneRuns';
import { createMonthPartitions } from './runPartitions';
import {
  addMonths,
  lockRuns,
  monthStart,
  productRunKey,
  runMonthOf,
  storedRunMonths,
} from './runMonths';
import { retryOnConflict } from './retryOnConflict';
import {
  FinishSpan,
  FinishSpansOptions,
  InsertRunsResult,
  ListRunsOptions,
  ObservedSchema,
  PruneRunsOptions,
  PruneRunsResult,
  RunRecord,
  RunStore,
  ScoringRunsOptions,
  StoredRun,
} from './RunStore';
import { DbTime, toDate } from './dbTime';

const RUNS = 'runs';
const OBSERVED_SCHEMAS = 'observed_schemas';
const QUALITY_CHECKS = 'quality_checks';

// Rows per INSERT. PostgreSQL: 12 columns × 1,000 stays far below its 65,535
// bound parameters, and a batch of a few thousand events is a handful of
// statements. SQLite: knex writes a multi-row insert as a compound SELECT,
// which SQLite caps at 500 terms.
const CHUNK_POSTGRES = 1000;
const CHUNK_SQLITE = 250;

// Runs per chunk scoring reads: small enough that reading and reducing one
// is a few milliseconds of work between yields (tens on a loaded machine),
// and some 100 kB of rows however large the window.
const SCORING_CHUNK = 500;
// Products per `IN (…)`: under SQLite's bound-parameter limit.
const REFS_PER_QUERY = 500;
const SCORING_COLUMNS = [
  'id',
  'run_id',
  'status',
  // What lead time bounds the upstream runs a run absorbed by.
  'started_at',
  'finished_at',
  'watermark',
  'row_count',
  'columns',
  'input_products',
];

/** Times scoring reads, which PostgreSQL also hands over as epoch ms. */
const EPOCH_COLUMNS = ['started_at', 'finished_at', 'watermark'] as const;

const RUN_COLUMNS = [
  'entity_ref',
  'run_id',
  'dataset_key',
  'status',
  'event_time',
  'started_at',
  'finished_at',
  'watermark',
  'row_count',
  'columns',
  'error_message',
  'recorded_at',
  'job_namespace',
  'job_name',
  'parent_run_id',
  'parent_job_namespace',
  'parent_job_name',
  'streaming',
  'last_event_at',
];

type RunRow = {
  entity_ref: string;
  run_id: string;
  dataset_key: string | null;
  job_namespace: string | null;
  job_name: string | null;
  parent_run_id: string | null;
  parent_job_namespace: string | null;
  parent_job_name: string | null;
  streaming: boolean | number | null;
  last_event_at: DbTime | null;
  status: string;
  event_time: DbTime;
  started_at: DbTime | null;
  finished_at: DbTime | null;
  watermark: DbTime | null;
  row_count: number | string | null;
  columns: string | null;
  error_message: string | null;
  /** Set when the message is longer than stored messages may be (old rows). */
  error_message_length?: number | string | null;
  error_message_tail?: string | null;
  recorded_at: DbTime;
};

/** {@link RunStore} on the plugin's knex database (SQLite or PostgreSQL). */
export class KnexRunStore implements RunStore {
  private readonly chunk: number;
  private readonly postgres: boolean;

  constructor(private readonly db: Knex) {
    const client = String(db.client.config.client);
    this.postgres = !client.includes('sqlite');
    this.chunk = this.postgres ? CHUNK_POSTGRES : CHUNK_SQLITE;
  }

  async ingestEvents(
    events: readonly RunEventFacts[],
    productsOf: (datasetKey: string) => readonly string[],
    recordedAt: Date,
  ): Promise<EventOutcome[]> {
    if (events.length === 0) return [];
    return retryOnConflict(() =>
      this.db.transaction(tx =>
        ingestOpenLineageEvents(tx, events, productsOf, recordedAt, {
          // facts rows are wide; keep statements well under the bound
          chunk: Math.min(this.chunk, 200),
          postgres: this.postgres,
        }),
      ),
    );
  }

  async listQualityChecks(
    entityRef: string,
    from: Date,
    to: Date,
  ): Promise<QualityObservation[]> {
    const rows: Array<{
      observed_at: DbTime;
      source: string;
      row_count: number | string | null;
      columns: string | null;
      assertions: string | null;
    }> = await this.db(QUALITY_CHECKS)
      .where('entity_ref', entityRef)
      .where('observed_at', '>=', from)
      .where('observed_at', '<=', to)
      .orderBy([
        { column: 'observed_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .select('observed_at', 'source', 'row_count', 'columns', 'assertions');
    return rows.map(row => ({
      observedAt: toDate(row.observed_at),
      source: row.source,
      ...(row.row_count !== null ? { rowCount: Number(row.row_count) } : {}),
      ...(row.columns !== null && row.columns !== undefined
        ? { columns: JSON.parse(row.columns) }
        : {}),
      ...(row.assertions !== null
        ? { assertions: JSON.parse(row.assertions) }
        : {}),
    }));
  }

  async listRunningRuns(
    entityRef: string,
    limit: number,
  ): Promise<StoredRun[]> {
    const rows = await this.db<RunRow>(RUNS)
      .where('entity_ref', entityRef)
      .where('status', 'running')
      .orderBy([
        { column: 'event_time', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit)
      .select(this.readRunColumns());
    return (rows as unknown as RunRow[]).map(fromRunRow);
  }

  async insertRuns(
    records: RunRecord[],
    recordedAt: Date,
  ): Promise<InsertRunsResult> {
    const outcomes: Array<'accepted' | 'duplicate'> = new Array(records.length);
    // Fold the records about one run into one row first: a single INSERT …
    // ON CONFLICT DO UPDATE may not touch a row twice (PostgreSQL refuses).
    const planned = new Map<string, { record: RunRecord; indexes: number[] }>();
    records.forEach((record, index) => {
      const key = runKey(record.entityRef, record.runId);
      const earlier = planned.get(key);
      if (!earlier) {
        planned.set(key, { record, indexes: [index] });
      } else if (earlier.record.status === 'running' && isClosed(record)) {
        earlier.record = closeRun(earlier.record, record);
        earlier.indexes.push(index);
      } else {
        outcomes[index] = 'duplicate';
      }
    });

    // Key order: concurrent writers then lock rows alike and cannot deadlock.
    const plans = [...planned.entries()]
      .sort(([a], [b]) => Number(a > b) - Number(a < b))
      .map(([, plan]) => plan);
    const written = new Set<string>();
    const write = async (tx: Knex) => {
      // PostgreSQL: `runs` is partitioned by month, so a stored run is
      // found by its stored month (runMonths.ts), read under the run's lock.
      const storedMonths = this.postgres
        ? await this.lockAndReadMonths(tx as Knex.Transaction, plans)
        : new Map<string, string>();
      const monthOf = (record: RunRecord) =>
        storedMonths.get(productRunKey(record.entityRef, record.runId)) ??
        runMonthOf(record.startedAt, record.eventTime);
      for (let i = 0; i < plans.length; i += this.chunk) {
        const chunk = plans.slice(i, i + this.chunk);
        // New runs are inserted. A stored run is updated only when it is
        // open and this record closes it; otherwise the row is left alone and
        // not returned, which is what makes the record a duplicate. Deciding
        // it in the statement (rather than reading first) keeps it right when
        // two requests report the same run at once.
        const rows = await tx(RUNS)
          .insert(
            chunk.map(plan => ({
              ...toRunRow(plan.record, recordedAt),
              run_month: monthOf(plan.record),
            })),
          )
          .onConflict(this.runConflictKey)
          .merge({
            status: tx.raw('excluded.status'),
            event_time: tx.raw('excluded.event_time'),
            started_at: tx.raw(
              `COALESCE(${RUNS}.started_at, excluded.started_at)`,
            ),
            finished_at: tx.raw('excluded.finished_at'),
            watermark: tx.raw(
              `COALESCE(excluded.watermark, ${RUNS}.watermark)`,
            ),
            row_count: tx.raw(
              `COALESCE(excluded.row_count, ${RUNS}.row_count)`,
            ),
            columns: tx.raw(`COALESCE(excluded.columns, ${RUNS}.columns)`),
            error_message: tx.raw(
              `COALESCE(excluded.error_message, ${RUNS}.error_message)`,
            ),
            dataset_key: tx.raw(
              `COALESCE(${RUNS}.dataset_key, excluded.dataset_key)`,
            ),
            recorded_at: tx.raw('excluded.recorded_at'),
          })
          .where(`${RUNS}.status`, 'running')
          .whereNot('excluded.status' as string, 'running')
          .returning(['entity_ref', 'run_id']);
        for (const row of rows as Array<{
          entity_ref: string;
          run_id: string;
        }>) {
          written.add(runKey(row.entity_ref, row.run_id));
        }
      }

      const schemas = new Map<string, Record<string, unknown>>();
      for (const plan of plans) {
        const { entityRef, runId, schema, eventTime } = plan.record;
        const key = runKey(entityRef, runId);
        if (schema && written.has(key)) {
          const json = JSON.stringify(schema);
          schemas.set(key, {
            entity_ref: entityRef,
            run_id: runId,
            observed_at: eventTime,
            schema: json,
            fingerprint: createHash('sha256').update(json).digest('hex'),
          });
        }
      }
      const schemaRows = [...schemas.values()];
      for (let i = 0; i < schemaRows.length; i += this.chunk) {
        await tx(OBSERVED_SCHEMAS)
          .insert(schemaRows.slice(i, i + this.chunk))
          .onConflict(['entity_ref', 'run_id'])
          .merge(['observed_at', 'schema', 'fingerprint']);
      }
    };
    // One statement is atomic by itself: the usual report (one run, no
    // schema) then costs one round trip on SQLite. PostgreSQL reads the
    // stored months first, under the runs' locks: a transaction.
    if (
      this.postgres ||
      plans.length > this.chunk ||
      plans.some(plan => plan.record.schema)
    ) {
      await retryOnConflict(() => this.db.transaction(write));
    } else if (plans.length > 0) {
      await retryOnConflict(() => write(this.db));
    }

    for (const plan of plans) {
      const key = runKey(plan.record.entityRef, plan.record.runId);
      const outcome = written.has(key) ? 'accepted' : 'duplicate';
      for (const index of plan.indexes) {
        outcomes[index] = outcome;
      }
    }
    const accepted = outcomes.filter(o => o === 'accepted').length;
    return { accepted, duplicates: records.length - accepted, outcomes };
  }

  async listRuns(
    entityRef: string,
    options: ListRunsOptions = {},
  ): Promise<StoredRun[]> {
    const query = this.db<RunRow>(RUNS)
      .where('entity_ref', entityRef)
      .whereNotNull('finished_at')
      .orderBy([
        { column: 'finished_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    if (options.from) query.where('finished_at', '>=', options.from);
    if (options.to) query.where('finished_at', '<=', options.to);
    if (options.before) query.where('finished_at', '<', options.before);
    if (options.status) query.where('status', options.status);
    if (options.limit !== undefined) query.limit(options.limit);
    const rows = await query.select(this.readRunColumns());
    return (rows as unknown as RunRow[]).map(fromRunRow);
  }

  /**
   * The run columns as read: an error message stored before intake bounded
   * them (megabytes, possibly) is cut in SQL to its head and tail and its
   * length, so a page of runs never reads it whole; fromRunRow marks the cut.
   */
  private readRunColumns(): Array<string | Knex.Raw> {
    const { head, tail } = keptEnds(MAX_RUN_MESSAGE_LENGTH);
    const long = 'length(error_message) > ?';
    return [
      ...RUN_COLUMNS.filter(column => column !== 'error_message'),
      this.db.raw(
        `CASE WHEN ${long} THEN substr(error_message, 1, ?) ELSE error_message END AS error_message`,
        [MAX_RUN_MESSAGE_LENGTH, head],
      ),
      this.db.raw(
        `CASE WHEN ${long} THEN substr(error_message, length(error_message) - ? + 1) END AS error_message_tail`,
        [MAX_RUN_MESSAGE_LENGTH, tail],
      ),
      this.db.raw(
        `CASE WHEN ${long} THEN length(error_message) END AS error_message_length`,
        [MAX_RUN_MESSAGE_LENGTH],
      ),
    ];
  }

  async productsWithRunsSince(
    since: Date,
  ): Promise<Array<{ entityRef: string; lastRecordedAt: Date }>> {
    const rows: Array<{ entity_ref: string; last: DbTime }> = await this.db(
      RUNS,
    )
      .where('recorded_at', '>', since)
      .groupBy('entity_ref')
      .orderBy('entity_ref')
      .select('entity_ref')
      .max({ last: 'recorded_at' });
    return rows.map(row => ({
      entityRef: row.entity_ref,
      lastRecordedAt: toDate(row.last),
    }));
  }

  async finishSpans(
    options: FinishSpansOptions,
  ): Promise<Map<string, FinishSpan>> {
    const { finishedFrom, finishedBefore, recordedAfter, entityRefs } = options;
    const spans = new Map<string, FinishSpan>();
    const read = async (refs?: readonly string[]) => {
      let query = this.db(RUNS)
        .where('finished_at', '>=', finishedFrom)
        .where('finished_at', '<', finishedBefore);
      if (recordedAfter) query = query.where('recorded_at', '>', recordedAfter);
      if (refs) query = query.whereIn('entity_ref', refs);
      const rows: Array<{ entity_ref: string; first: DbTime; last: DbTime }> =
        await query
          .groupBy('entity_ref')
          .select('entity_ref')
          .min({ first: 'finished_at' })
          .max({ last: 'finished_at' });
      for (const row of rows) {
        spans.set(row.entity_ref, {
          first: toDate(row.first),
          last: toDate(row.last),
        });
      }
    };
    if (!entityRefs) {
      await read();
      return spans;
    }
    for (let i = 0; i < entityRefs.length; i += REFS_PER_QUERY) {
      await read(entityRefs.slice(i, i + REFS_PER_QUERY));
    }
    return spans;
  }

  async *scoringRuns(
    entityRef: string,
    options: ScoringRunsOptions,
  ): AsyncGenerator<SupplyChainRun[]> {
    const chunkSize = options.chunkSize ?? SCORING_CHUNK;
    // Where the last chunk ended, as the database holds it: PostgreSQL keeps
    // microseconds that a Date would round away, so its key is the text form.
    let after: { finishedAt: DbTime; id: number | string } | undefined;
    for (;;) {
      const query = this.db(RUNS)
        .where('entity_ref', entityRef)
        .whereIn('status', options.statuses as string[])
        .where('finished_at', '>=', options.from)
        .where('finished_at', '<=', options.to)
        .orderBy([
          { column: 'finished_at', order: 'asc' },
          { column: 'id', order: 'asc' },
        ])
        .limit(chunkSize)
        .select(
          SCORING_COLUMNS.filter(
            column =>
              !(options.columns === false && column === 'columns') &&
              // PostgreSQL's times come as epoch ms (below), not as Dates.
              !(this.postgres && isEpochColumn(column)),
          ),
        );
      if (this.postgres) {
        query.select(this.db.raw('finished_at::text AS finished_key'));
        // Times as epoch milliseconds, computed by the database: parsing a
        // timestamp's text into a Date was the largest single cost of
        // reading a window (bench scoring). Truncated to the millisecond,
        // as the driver's Date is.
        for (const column of EPOCH_COLUMNS) {
          query.select(
            this.db.raw(`floor(extract(epoch from ??) * 1000)::float8 AS ??`, [
              column,
              `${column}_ms`,
            ]),
          );
        }
      }
      if (after) {
        const { finishedAt, id } = after;
        // The first condition alone lets the index start at the key.
        query
          .where('finished_at', '>=', finishedAt)
          .where(next =>
            next.where('finished_at', '>', finishedAt).orWhere('id', '>', id),
          );
      }
      const rows: ScoringRow[] = await query;
      if (rows.length > 0) yield rows.map(toScoringRun);
      if (rows.length < chunkSize) return;
      const last = rows[rows.length - 1];
      after = {
        finishedAt: last.finished_key ?? last.finished_at!,
        id: last.id,
      };
    }
  }

  pruneRunsBefore(
    cutoff: Date,
    options: PruneRunsOptions = {},
  ): Promise<PruneRunsResult> {
    return pruneRuns(this.db, cutoff, { ...options, postgres: this.postgres });
  }

  /** The unique key `ON CONFLICT` finds a stored run by. */
  private get runConflictKey(): string[] {
    return this.postgres
      ? ['entity_ref', 'run_id', 'run_month']
      : ['entity_ref', 'run_id'];
  }

  private async lockAndReadMonths(
    tx: Knex.Transaction,
    plans: Array<{ record: RunRecord }>,
  ): Promise<Map<string, string>> {
    const runIds = [...new Set(plans.map(plan => plan.record.runId))].sort();
    await lockRuns(tx, runIds);
    return storedRunMonths(tx, runIds);
  }

  async createRunPartitions(now: Date, monthsAhead: number): Promise<string[]> {
    if (!this.postgres) return [];
    const first = monthStart(now);
    const months = Array.from({ length: monthsAhead + 1 }, (_, i) =>
      addMonths(first, i),
    );
    return createMonthPartitions(this.db, months);
  }

  async hasObservedSchema(entityRef: string): Promise<boolean> {
    const row = await this.db(OBSERVED_SCHEMAS)
      .where('entity_ref', entityRef)
      .first('id');
    return row !== undefined;
  }

  async latestObservedSchema(
    entityRef: string,
  ): Promise<ObservedSchema | undefined> {
    const row:
      | {
          entity_ref: string;
          run_id: string;
          observed_at: DbTime;
          schema: string;
          fingerprint: string;
        }
      | undefined = await this.db(OBSERVED_SCHEMAS)
      .where('entity_ref', entityRef)
      .orderBy([
        { column: 'observed_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .first('entity_ref', 'run_id', 'observed_at', 'schema', 'fingerprint');
    return row
      ? {
          entityRef: row.entity_ref,
          runId: row.run_id,
          observedAt: toDate(row.observed_at),
          fields: JSON.parse(row.schema),
          fingerprint: row.fingerprint,
        }
      : undefined;
  }
}

type ScoringRow = Pick<
  RunRow,
  'run_id' | 'status' | 'row_count' | 'columns'
> & {
  /** SQLite only, as are finished_at and watermark (PostgreSQL: the *_ms). */
  started_at?: DbTime | null;
  watermark?: DbTime | null;
  /** JSON: the products the run read (OpenLineage inputs). */
  input_products: string | null;
  id: number | string;
  finished_at?: DbTime;
  /** PostgreSQL only: finished_at as text, exact to the microsecond. */
  finished_key?: string;
  /** PostgreSQL only: the times as epoch milliseconds. */
  started_at_ms?: number | null;
  finished_at_ms?: number;
  watermark_ms?: number | null;
};

/** Only what the scorecard reads; times as epoch milliseconds. */
function toScoringRun(row: ScoringRow): SupplyChainRun {
  // Fields set one by one rather than spread from optional objects: a
  // window is read a run at a time, and the spreads' temporary objects were
  // a good part of the collector's work.
  const run: SupplyChainRun = {
    runId: row.run_id,
    status: row.status as ScoringRun['status'],
    finishedAt: row.finished_at_ms ?? toDate(row.finished_at!).getTime(),
  };
  const startedAt = row.started_at_ms ?? epochMs(row.started_at);
  if (startedAt !== null) run.startedAt = startedAt;
  const watermark = row.watermark_ms ?? epochMs(row.watermark);
  if (watermark !== null) run.watermark = watermark;
  // PostgreSQL hands bigint back as text.
  if (row.row_count !== null) run.rowCount = Number(row.row_count);
  if (row.columns !== null && row.columns !== undefined) {
    run.columns = JSON.parse(row.columns);
  }
  if (row.input_products !== null) {
    run.inputProducts = JSON.parse(row.input_products);
  }
  return run;
}

function isEpochColumn(column: string): boolean {
  return (EPOCH_COLUMNS as readonly string[]).includes(column);
}

function epochMs(value: DbTime | null | undefined): number | null {
  if (value === undefined) return null;
  return value === null ? null : toDate(value).getTime();
}

function runKey(entityRef: string, runId: string): string {
  return `${entityRef}\u0000${runId}`;
}

function isClosed(record: RunRecord): boolean {
  return record.status !== 'running';
}

/** The open run `open` closed by `closing`, as the upsert would merge them. */
function closeRun(open: RunRecord, closing: RunRecord): RunRecord {
  return {
    ...closing,
    datasetKey: open.datasetKey ?? closing.datasetKey,
    startedAt: open.startedAt ?? closing.startedAt,
    watermark: closing.watermark ?? open.watermark,
    rowCount: closing.rowCount ?? open.rowCount,
    columns: closing.columns ?? open.columns,
    schema: closing.schema ?? open.schema,
    errorMessage: closing.errorMessage ?? open.errorMessage,
  };
}

function toRunRow(record: RunRecord, recordedAt: Date) {
  return {
    entity_ref: record.entityRef,
    run_id: record.runId,
    dataset_key: record.datasetKey ?? null,
    status: record.status,
    event_time: record.eventTime,
    started_at: record.startedAt ?? null,
    finished_at: record.finishedAt ?? null,
    watermark: record.watermark ?? null,
    row_count: record.rowCount ?? null,
    columns: record.columns ? JSON.stringify(record.columns) : null,
    error_message: record.errorMessage ?? null,
    recorded_at: recordedAt,
  };
}

function fromRunRow(row: RunRow): StoredRun {
  return {
    entityRef: row.entity_ref,
    runId: row.run_id,
    ...(row.dataset_key !== null ? { datasetKey: row.dataset_key } : {}),
    status: row.status as StoredRun['status'],
    eventTime: toDate(row.event_time),
    ...(row.started_at !== null ? { startedAt: toDate(row.started_at) } : {}),
    ...(row.finished_at !== null
      ? { finishedAt: toDate(row.finished_at) }
      : {}),
    ...(row.watermark !== null ? { watermark: toDate(row.watermark) } : {}),
    // PostgreSQL hands bigint back as text.
    ...(row.row_count !== null ? { rowCount: Number(row.row_count) } : {}),
    ...(row.columns !== null && row.columns !== undefined
      ? { columns: JSON.parse(row.columns) }
      : {}),
    ...(row.error_message !== null
      ? { errorMessage: storedErrorMessage(row) }
      : {}),
    ...(row.job_name !== null && row.job_namespace !== null
      ? { job: { namespace: row.job_namespace, name: row.job_name } }
      : {}),
    ...(row.parent_run_id !== null
      ? {
          parent: {
            runId: row.parent_run_id,
            job: {
              namespace: row.parent_job_namespace ?? '',
              name: row.parent_job_name ?? '',
            },
          },
        }
      : {}),
    ...(row.streaming ? { streaming: true } : {}),
    ...(row.last_event_at !== null
      ? { lastEventAt: toDate(row.last_event_at) }
      : {}),
    recordedAt: toDate(row.recorded_at),
  };
}

/**
 * The message of a row read by readRunColumns, within the bound intake
 * applies; boundText also catches what SQL's length() misses (SQLite counts
 * only up to a NUL, which rows stored before NUL was refused may hold).
 */
function storedErrorMessage(row: RunRow): string {
  const message = row.error_message ?? '';
  if (
    row.error_message_length !== null &&
    row.error_message_length !== undefined
  ) {
    return boundEnds(
      message,
      row.error_message_tail ?? '',
      Number(row.error_message_length),
      MAX_RUN_MESSAGE_LENGTH,
    );
  }
  return boundText(message, MAX_RUN_MESSAGE_LENGTH).text;
}
