/**
 * Stores OpenLineage events and re-accumulates the runs they belong to: the
 * store side of standards.md "Runs are accumulated by runId". Each event's
 * facts are kept (`run_events`), and every run an event touches is
 * recomputed from all of its events with -common's `accumulateRun`, so
 * arrival order never matters and a late event corrects the run.
 */
import {
  ProductCheck,
  ProductRun,
  RunEventFacts,
  accumulateRun,
  isPartialSchema,
  productRunsOf,
} from '@stockroom/plugin-data-products-common';
import { createHash } from 'crypto';
import { Knex } from 'knex';
import {
  lockRuns,
  productRunKey,
  runMonthOf,
  storedRunMonths,
} from './runMonths';
import { yieldToEventLoop } from '../service/runs/yieldToEventLoop';
import { DbTime, toDate } from './dbTime';

const RUN_EVENTS = 'run_events';
const RUNS = 'runs';
const QUALITY_CHECKS = 'quality_checks';
const RUN_SAMPLES = 'run_samples';
const OBSERVED_SCHEMAS = 'observed_schemas';
const MAX_DATASET_KEY_LENGTH = 512;
/** Events hashed, or runs accumulated, between two turns of the event loop. */
const CPU_TURN = 100;

/** What became of one event. */
export type EventOutcome = 'accepted' | 'updated' | 'ignored' | 'duplicate';

interface Options {
  /** Rows per statement (SQLite caps compound selects). */
  chunk: number;
  postgres: boolean;
}

/**
 * Stores `events` (validated, in request order) in `tx` and rewrites the
 * rows of every run they touch. An event identical to a stored one is a
 * duplicate; a new event of a run that already has product rows is an
 * update; one whose run maps to no product is ignored (kept, so a later
 * event naming the outputs completes it).
 */
export async function ingestOpenLineageEvents(
  tx: Knex.Transaction,
  events: readonly RunEventFacts[],
  productsOf: (datasetKey: string) => readonly string[],
  recordedAt: Date,
  options: Options,
): Promise<EventOutcome[]> {
  const outcomes: EventOutcome[] = new Array(events.length).fill('duplicate');
  const rows: Array<ReturnType<typeof eventRow>> = [];
  for await (const part of inTurns([...events], CPU_TURN)) {
    rows.push(...part.map(facts => eventRow(facts, recordedAt)));
  }

  // Serialise writers per run (PostgreSQL): two requests about one run must
  // not each recompute it without the other's event. Locks are taken in one
  // sorted order, so they cannot deadlock.
  const runIds = [...new Set(events.map(e => e.runId))].sort();
  if (options.postgres) await lockRuns(tx, runIds);

  // Identical events in one request count once.
  const firstOfKey = new Map<string, number>();
  rows.forEach((row, i) => {
    const key = `${row.run_id}\u0000${row.event_key}`;
    if (!firstOfKey.has(key)) firstOfKey.set(key, i);
  });
  const unique = [...firstOfKey.values()];
  const inserted = new Set<string>();
  for await (const part of inTurns(unique, options.chunk)) {
    const written = (await tx(RUN_EVENTS)
      .insert(part.map(i => rows[i]))
      .onConflict(['run_id', 'event_key'])
      .ignore()
      .returning(['run_id', 'event_key'])) as Array<{
      run_id: string;
      event_key: string;
    }>;
    for (const row of written)
      inserted.add(`${row.run_id}\u0000${row.event_key}`);
  }
  const newEvents = unique.filter(i =>
    inserted.has(`${rows[i].run_id}\u0000${rows[i].event_key}`),
  );
  if (newEvents.length === 0) return outcomes;

  // Runs to recompute: those with new events, and the children of a run
  // whose new events carry a watermark they inherit.
  const touched = new Set(newEvents.map(i => rows[i].run_id));
  const watermarkParents = [
    ...new Set(
      newEvents.filter(i => rows[i].nominal_end_time).map(i => rows[i].run_id),
    ),
  ];
  for await (const part of inTurns(watermarkParents, options.chunk)) {
    const children = await tx(RUN_EVENTS)
      .whereIn('parent_run_id', part)
      .distinct('run_id');
    for (const { run_id } of children) touched.add(run_id);
  }

  const eventsOfRun = await loadEvents(tx, [...touched], options.chunk);
  const parentIds = new Set<string>();
  for (const facts of eventsOfRun.values()) {
    const parent = facts.find(f => f.parent)?.parent;
    if (parent) parentIds.add(parent.runId);
  }
  const parentWatermarks = await loadWatermarks(
    tx,
    [...parentIds],
    options.chunk,
  );

  const productRuns: ProductRun[] = [];
  const productChecks: ProductCheck[] = [];
  const productsOfRun = new Map<string, number>();
  // The products each run read, for lead time.
  const inputsOfRun = new Map<string, string[]>();
  let accumulated = 0;
  for (const [runId, facts] of eventsOfRun) {
    if (++accumulated % CPU_TURN === 0) await yieldToEventLoop();
    const run = accumulateRun(facts, {
      parentWatermark: parentWatermarkOf(facts, parentWatermarks),
    });
    const mapped = productRunsOf(run, productsOf);
    inputsOfRun.set(runId, inputProductsOf(run.inputs, productsOf));
    productRuns.push(...mapped.runs);
    productChecks.push(...mapped.checks);
    productsOfRun.set(runId, mapped.runs.length + mapped.checks.length);
  }

  const known = await runsWithRows(tx, [...touched], options.chunk);
  // PostgreSQL: `runs` is partitioned by month; a stored run is rewritten
  // in its stored month (runMonths.ts). The runs with new events are locked
  // above; children recomputed for a parent's watermark are not, but they
  // have rows already, which is where their month is read from.
  const storedMonths = options.postgres
    ? await storedRunMonths(tx, [...touched])
    : undefined;
  await writeRuns(tx, productRuns, inputsOfRun, recordedAt, {
    chunk: options.chunk,
    storedMonths,
  });
  await writeChecks(tx, productChecks, recordedAt, options.chunk);
  await writeSamples(tx, productRuns, options.chunk);
  // A run once taken for a stream (RUNNING events, no facet yet) that turned
  // out to be a batch keeps no liveness samples.
  const batches = productRuns.filter(
    run =>
      !run.streaming &&
      eventsOfRun.get(run.runId)?.some(e => e.eventType === 'RUNNING'),
  );
  for await (const part of inTurns(batches, options.chunk)) {
    await tx(RUN_SAMPLES)
      .whereIn(
        ['entity_ref', 'run_id'],
        part.map(run => [run.entityRef, run.runId]),
      )
      .delete();
  }
  await writeSchemas(tx, productRuns, options.chunk);

  // The first new event of a run new to Stockroom opens it; later ones
  // update it.
  const opened = new Set<string>();
  for (const i of newEvents) {
    const runId = rows[i].run_id;
    if ((productsOfRun.get(runId) ?? 0) === 0) {
      outcomes[i] = 'ignored';
    } else if (known.has(runId) || opened.has(runId)) {
      outcomes[i] = 'updated';
    } else {
      outcomes[i] = 'accepted';
      opened.add(runId);
    }
  }
  return outcomes;
}

function eventRow(facts: RunEventFacts, recordedAt: Date) {
  const json = JSON.stringify(facts);
  return {
    run_id: facts.runId,
    event_key: createHash('sha256').update(json).digest('hex'),
    event_type: facts.eventType,
    event_time: new Date(facts.eventTime),
    parent_run_id: facts.parent?.runId ?? null,
    nominal_end_time: facts.nominalEndTime
      ? new Date(facts.nominalEndTime)
      : null,
    facts: json,
    recorded_at: recordedAt,
  };
}

async function loadEvents(
  tx: Knex.Transaction,
  runIds: string[],
  chunk: number,
): Promise<Map<string, RunEventFacts[]>> {
  const byRun = new Map<string, RunEventFacts[]>();
  for await (const part of inTurns(runIds.sort(), chunk)) {
    const rows: Array<{ run_id: string; facts: string }> = await tx(RUN_EVENTS)
      .whereIn('run_id', part)
      .orderBy('id')
      .select('run_id', 'facts');
    for (const row of rows) {
      const list = byRun.get(row.run_id) ?? [];
      list.push(JSON.parse(row.facts));
      byRun.set(row.run_id, list);
    }
  }
  return byRun;
}

/** The newest nominalEndTime each parent run reported. */
async function loadWatermarks(
  tx: Knex.Transaction,
  runIds: string[],
  chunk: number,
): Promise<Map<string, string>> {
  const watermarks = new Map<string, { at: number; watermark: string }>();
  for await (const part of inTurns(runIds, chunk)) {
    const rows: Array<{
      run_id: string;
      event_time: DbTime;
      nominal_end_time: DbTime;
    }> = await tx(RUN_EVENTS)
      .whereIn('run_id', part)
      .whereNotNull('nominal_end_time')
      .select('run_id', 'event_time', 'nominal_end_time');
    for (const row of rows) {
      const at = toDate(row.event_time).getTime();
      const earlier = watermarks.get(row.run_id);
      if (!earlier || at >= earlier.at) {
        watermarks.set(row.run_id, {
          at,
          watermark: toDate(row.nominal_end_time).toISOString(),
        });
      }
    }
  }
  return new Map([...watermarks].map(([id, w]) => [id, w.watermark]));
}

function parentWatermarkOf(
  facts: RunEventFacts[],
  parentWatermarks: Map<string, string>,
): string | undefined {
  const parent = facts.find(f => f.parent)?.parent;
  return parent ? parentWatermarks.get(parent.runId) : undefined;
}

async function runsWithRows(
  tx: Knex.Transaction,
  runIds: string[],
  chunk: number,
): Promise<Set<string>> {
  const known = new Set<string>();
  for await (const part of inTurns(runIds, chunk)) {
    const rows: Array<{ run_id: string }> = await tx(RUNS)
      .whereIn('run_id', part)
      .distinct('run_id');
    for (const row of rows) known.add(row.run_id);
    const checked: Array<{ run_id: string }> = await tx(QUALITY_CHECKS)
      .whereIn('run_id', part)
      .distinct('run_id');
    for (const row of checked) known.add(row.run_id);
  }
  return known;
}

/** Rows are written in key order, so concurrent writers lock alike. */
function byProductAndRun(
  a: { entityRef: string; runId: string },
  b: { entityRef: string; runId: string },
) {
  if (a.entityRef !== b.entityRef) return a.entityRef < b.entityRef ? -1 : 1;
  if (a.runId === b.runId) return 0;
  return a.runId < b.runId ? -1 : 1;
}

/**
 * The products an accumulated run's inputs are datasets of (any of each
 * input's identities), each once, sorted.
 */
function inputProductsOf(
  inputs: readonly string[][],
  productsOf: (datasetKey: string) => readonly string[],
): string[] {
  const products = new Set<string>();
  for (const keys of inputs) {
    for (const key of keys) {
      for (const entityRef of productsOf(key)) products.add(entityRef);
    }
  }
  return [...products].sort();
}

async function writeRuns(
  tx: Knex.Transaction,
  runs: ProductRun[],
  inputsOfRun: ReadonlyMap<string, readonly string[]>,
  recordedAt: Date,
  {
    chunk,
    storedMonths,
  }: {
    chunk: number;
    /** PostgreSQL: the stored months of the runs; undefined on SQLite. */
    storedMonths?: ReadonlyMap<string, string>;
  },
) {
  const runMonth = (run: ProductRun) =>
    storedMonths?.get(productRunKey(run.entityRef, run.runId)) ??
    runMonthOf(
      run.startedAt ? new Date(run.startedAt) : undefined,
      new Date(run.lastEventAt),
    );
  const conflictKey = storedMonths
    ? ['entity_ref', 'run_id', 'run_month']
    : ['entity_ref', 'run_id'];
  const inputProducts = (run: ProductRun) => {
    // A product reading itself (an incremental merge) is no upstream.
    const read = (inputsOfRun.get(run.runId) ?? []).filter(
      ref => ref !== run.entityRef,
    );
    return read.length > 0 ? JSON.stringify(read) : null;
  };
  const rows = [...runs].sort(byProductAndRun).map(run => ({
    entity_ref: run.entityRef,
    run_id: run.runId,
    dataset_key: run.datasetKey.slice(0, MAX_DATASET_KEY_LENGTH),
    status: run.status,
    event_time: new Date(run.lastEventAt),
    started_at: run.startedAt ? new Date(run.startedAt) : null,
    finished_at: run.finishedAt ? new Date(run.finishedAt) : null,
    watermark: run.watermark ? new Date(run.watermark) : null,
    row_count: run.rowCount ?? null,
    columns: run.columns ? JSON.stringify(run.columns) : null,
    error_message: run.errorMessage ?? null,
    job_namespace: run.job.namespace.slice(0, 255),
    job_name: run.job.name.slice(0, 255),
    parent_run_id: run.parent?.runId ?? null,
    parent_job_namespace: run.parent?.jobNamespace.slice(0, 255) ?? null,
    parent_job_name: run.parent?.jobName.slice(0, 255) ?? null,
    streaming: run.streaming,
    last_event_at: new Date(run.lastEventAt),
    input_products: inputProducts(run),
    recorded_at: recordedAt,
    run_month: runMonth(run),
  }));
  for await (const part of inTurns(rows, chunk)) {
    // The run is recomputed from all its events: every column is replaced
    // (the month with the one it was stored with).
    await tx(RUNS).insert(part).onConflict(conflictKey).merge();
  }
}

async function writeChecks(
  tx: Knex.Transaction,
  checks: ProductCheck[],
  recordedAt: Date,
  chunk: number,
) {
  const rows = [...checks].sort(byProductAndRun).map(check => ({
    entity_ref: check.entityRef,
    run_id: check.runId,
    dataset_key: check.datasetKey.slice(0, MAX_DATASET_KEY_LENGTH),
    observed_at: new Date(check.observedAt),
    source: check.source.slice(0, 255),
    row_count: check.rowCount ?? null,
    columns: check.columns ? JSON.stringify(check.columns) : null,
    assertions: check.assertions ? JSON.stringify(check.assertions) : null,
    recorded_at: recordedAt,
  }));
  for await (const part of inTurns(rows, chunk)) {
    await tx(QUALITY_CHECKS)
      .insert(part)
      .onConflict(['entity_ref', 'run_id', 'dataset_key'])
      .merge();
  }
}

async function writeSamples(
  tx: Knex.Transaction,
  runs: ProductRun[],
  chunk: number,
) {
  const rows = runs
    .filter(run => run.streaming)
    .sort(byProductAndRun)
    .flatMap(run =>
      run.samples.map(sample => ({
        entity_ref: run.entityRef,
        run_id: run.runId,
        sampled_at: new Date(sample.at),
        gap_ms: sample.gapMs,
      })),
    );
  for await (const part of inTurns(rows, chunk)) {
    await tx(RUN_SAMPLES)
      .insert(part)
      .onConflict(['entity_ref', 'run_id', 'sampled_at'])
      .merge(['gap_ms']);
  }
}

/**
 * The schema each product run reported, for drift detection. A partial
 * schema (no field has a type: dbt's documented columns) says nothing about
 * what the table holds and is not recorded, so it opens no drift incident.
 */
async function writeSchemas(
  tx: Knex.Transaction,
  runs: ProductRun[],
  chunk: number,
) {
  const rows = [...runs]
    .filter(run => run.schema && run.schema.length > 0)
    .filter(run => !isPartialSchema(run.schema!))
    .sort(byProductAndRun)
    .map(run => {
      const json = JSON.stringify(run.schema);
      return {
        entity_ref: run.entityRef,
        run_id: run.runId,
        observed_at: new Date(run.lastEventAt),
        schema: json,
        fingerprint: createHash('sha256').update(json).digest('hex'),
      };
    });
  for await (const part of inTurns(rows, chunk)) {
    await tx(OBSERVED_SCHEMAS)
      .insert(part)
      .onConflict(['entity_ref', 'run_id'])
      .merge(['observed_at', 'schema', 'fingerprint']);
  }
}

/**
 * `items` in parts of `size`, letting the event loop turn between two parts:
 * SQLite's driver answers synchronously, so a batch of thousands of events
 * would otherwise hold every other request for seconds (issue #11).
 */
async function* inTurns<T>(items: T[], size: number): AsyncGenerator<T[]> {
  for (let i = 0; i < items.length; i += size) {
    if (i > 0) await yieldToEventLoop();
    yield items.slice(i, i + size);
  }
}
