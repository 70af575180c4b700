/*
 * `yarn bench ingest [--single-seconds 25 | --single-events <n>] [--clients 8]
 *                    [--runs 25000] [--batch 500] [--concurrency 4]
 *                    [--products 200] [--db sqlite,postgres]
 *                    [--log-level warn] [--note "…"]`
 *
 * OpenLineage events/second through the real ingestion endpoint of a real
 * Backstage backend (backend-defaults' createBackend, as packages/backend
 * wires it: HTTP on 127.0.0.1 → real httpAuth with a static token under
 * backend.auth.externalAccess → the real permissions service deciding
 * stockroom.run.report → parsing, validation, dataset mapping against the
 * real catalog → the knex store), on SQLite and PostgreSQL, in two cases:
 *
 * - single-event, as producers send by default (the OpenLineage HTTP
 *   transport posts each event on its own): `--clients` concurrent
 *   pipelines with keep-alive connections, each reporting its own runs,
 *   START and COMPLETE in separate requests (START first). Ceiling: the
 *   same number of connections, each writing one row per event with a
 *   single-row INSERT (its own statement and transaction) into an
 *   equivalent table.
 * - batched: arrays of `--batch` events, `--concurrency` requests in
 *   flight. Ceiling: the very rows the endpoint stored, deleted and written
 *   again by plain multi-row INSERTs in one transaction.
 *
 * Events carry what real producers send (see lib/openLineageEvents.ts).
 * Only the status code of an answer is read: any 2xx counts as taken.
 */
import {
  BenchDatabase,
  postgresDatabase,
  sqliteDatabase,
  withPeakMemory,
} from './lib/databases';
import { ClientsResult, runClientsInWorker } from './lib/ingestClientsWorker';
import {
  EventPlan,
  clientRuns,
  clientSchedule,
  runEvents,
  runFacts,
} from './lib/openLineageEvents';
import {
  fmt,
  machineFacts,
  option,
  runBenchmark,
  writeReport,
} from './lib/report';
import { IngestBackend, startIngestBackend } from './lib/runsServer';
import { clearTables, grown, rewriteRows, rowCounts } from './lib/tables';

/** A fixed number of single-event events; without it, the case runs `--single-seconds`. */
const singleEvents = option('single-events', '')
  ? Number(option('single-events', ''))
  : undefined;
const singleSeconds = Number(option('single-seconds', '25'));
const clients = Number(option('clients', '8'));
const runs = Number(option('runs', '25000'));
const productCount = Number(option('products', '200'));
const batch = Number(option('batch', '500'));
const concurrency = Number(option('concurrency', '4'));
const databases = option('db', 'sqlite,postgres').toLowerCase().split(',');
const logLevel = option('log-level', 'warn');
const note = option('note', '');

/** Runs of the single-event case: exactly these with --single-events, else at most (a cap for the time budget). */
const singleRuns =
  singleEvents !== undefined
    ? Math.max(clients, Math.round(singleEvents / 2))
    : 500_000;
/** Run numbers of each phase, so no two phases share a run id. */
const RANGE = {
  singleWarmup: 9_000_000,
  single: 0,
  batchedWarmup: 8_000_000,
  batched: 5_000_000,
};

const TARGETS = {
  singleEventsPerSecond: 2000,
  singleRatio: 0.5,
  batchedEventsPerSecond: 25_000,
};

interface Stored {
  /** Ingestion's tables that gained rows, with how many. */
  tables: { table: string; added: number }[];
  rows: number;
}

function ensureTaken(
  result: ClientsResult,
  expectedEvents: number,
  what: string,
) {
  if (result.failure)
    throw new Error(
      `${what}: the endpoint refused a request: ${result.failure}`,
    );
  if (result.events !== expectedEvents) {
    throw new Error(
      `${what}: ${result.events} of ${expectedEvents} events sent`,
    );
  }
}

/**
 * 2xx alone does not say the events were stored (an event about no known
 * product is ignored): every run must have left at least one row.
 */
async function measureStored(
  db: BenchDatabase,
  work: () => Promise<ClientsResult>,
  runsReported: () => number,
  what: string,
) {
  const before = await rowCounts(db);
  const { result, peakMiB } = await withPeakMemory(work);
  if (result.failure) {
    throw new Error(
      `${what}: the endpoint refused a request: ${result.failure}`,
    );
  }
  const expectedRuns = runsReported();
  const tables = grown(before, await rowCounts(db));
  const stored: Stored = {
    tables,
    rows: tables.reduce((n, t) => n + t.added, 0),
  };
  if (stored.rows < expectedRuns) {
    throw new Error(
      `${what}: the endpoint answered 2xx but stored ${stored.rows} rows for ${expectedRuns} runs ` +
        `(${JSON.stringify(
          tables,
        )}): are the events mapped to the catalog's products?`,
    );
  }
  return { result, peakMiB, stored };
}

async function singleEventCase(
  db: BenchDatabase,
  backend: IngestBackend,
  now: number,
) {
  const job = {
    url: backend.endpoint,
    token: backend.token,
    mode: 'single' as const,
    clients,
  };
  // JIT, connections, the product index: warmed on runs the measurement never uses
  const warmup = {
    products: productCount,
    runs: clients * 25,
    now,
    firstRun: RANGE.singleWarmup,
  };
  ensureTaken(
    await runClientsInWorker({ ...job, plan: warmup }),
    warmup.runs * 2,
    'single-event warm-up',
  );

  const plan: EventPlan = {
    products: productCount,
    runs: singleRuns,
    now,
    firstRun: RANGE.single,
  };
  const seconds = singleEvents === undefined ? singleSeconds : undefined;
  let reported = 0;
  const { result, peakMiB, stored } = await measureStored(
    db,
    async () => {
      const sent = await runClientsInWorker({ ...job, plan, seconds });
      reported = sent.runsPerClient.reduce((a, b) => a + b, 0);
      return sent;
    },
    () => reported,
    'single-event',
  );
  ensureTaken(result, reported * 2, 'single-event');
  return {
    events: result.events,
    requests: result.requests,
    seconds: result.seconds,
    eventsPerSecond: result.events / result.seconds,
    latencyMs: result.latencyMs,
    peakMiB,
    stored,
    plan,
    runsPerClient: result.runsPerClient,
  };
}

/**
 * The single-event ceiling: `clients` connections, each writing its
 * client's events in the same order, one single-row INSERT per event (its
 * own statement, committed on its own), into a table equivalent to what a
 * run report needs: the run's row and the facts of the event.
 */
async function singleEventCeiling(
  db: BenchDatabase,
  plan: EventPlan,
  runsPerClient: number[],
) {
  const { knex } = db;
  const table = 'bench_ceiling_events';
  await knex.schema.dropTableIfExists(table);
  await knex.schema.createTable(table, t => {
    t.bigIncrements('id');
    t.string('entity_ref', 255).notNullable();
    t.string('run_id', 255).notNullable();
    t.string('event_type', 16).notNullable();
    t.string('dataset_key', 512).nullable();
    t.string('status', 16).notNullable();
    t.timestamp('event_time', { useTz: true }).notNullable();
    t.timestamp('started_at', { useTz: true }).nullable();
    t.timestamp('finished_at', { useTz: true }).nullable();
    t.timestamp('watermark', { useTz: true }).nullable();
    t.bigInteger('row_count').nullable();
    t.text('facts').notNullable();
    t.timestamp('recorded_at', { useTz: true }).notNullable();
    t.unique(['entity_ref', 'run_id', 'event_type'], {
      indexName: 'bench_ceiling_events_uq',
    });
    t.index(['entity_ref', 'finished_at'], 'bench_ceiling_events_finished_idx');
    t.index(['recorded_at'], 'bench_ceiling_events_recorded_idx');
  });

  const rowOf = (run: number, which: 0 | 1) => {
    const facts = runFacts(run, plan);
    const event = runEvents(run, plan)[which] as {
      eventType: string;
      eventTime: string;
      run: unknown;
      job: { namespace: string; name: string };
      outputs: { namespace: string; name: string }[];
    };
    const output = event.outputs[0];
    return {
      entity_ref: `dataproduct:default/product-${facts.product}`,
      run_id: facts.runId,
      event_type: event.eventType,
      dataset_key: output ? `${output.namespace}/${output.name}` : null,
      status: which === 0 ? 'running' : 'success',
      event_time: new Date(event.eventTime),
      started_at: facts.startedAt,
      finished_at: which === 1 ? facts.finishedAt : null,
      watermark: facts.nominalEndTime,
      row_count:
        which === 1 && facts.completeHasOutputs ? facts.rowCount : null,
      facts: JSON.stringify({
        run: event.run,
        job: { namespace: event.job.namespace, name: event.job.name },
        outputs: event.outputs,
      }),
      recorded_at: new Date(),
    };
  };
  // every connection's rows, in its client's order, built before the clock starts
  const perConnection: Record<string, unknown>[][] = [];
  for (let c = 0; c < clients; c++) {
    const own = clientRuns(c, clients, plan.runs).slice(0, runsPerClient[c]);
    perConnection.push(
      Array.from(clientSchedule(own), ([run, which]) => rowOf(run, which)),
    );
  }
  const columns = Object.keys(perConnection.flat()[0] ?? {});
  const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns
    .map(() => '?')
    .join(', ')})`;

  const start = process.hrtime.bigint();
  await Promise.all(
    perConnection.map(async rows => {
      for (const row of rows)
        await knex.raw(sql, columns.map(col => row[col]) as any[]);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const events = perConnection.reduce((n, rows) => n + rows.length, 0);
  const [{ n }] = await knex(table).count({ n: '*' });
  if (Number(n) !== events)
    throw new Error(`ceiling: ${n} of ${events} rows written`);
  await knex.schema.dropTable(table);
  return { eventsPerSecond: events / seconds, seconds, rows: events };
}

async function batchedCase(
  db: BenchDatabase,
  backend: IngestBackend,
  now: number,
) {
  const job = {
    url: backend.endpoint,
    token: backend.token,
    mode: 'batched' as const,
    batch,
  };
  const warmup = {
    products: productCount,
    runs: Math.max(1, Math.floor(batch / 2)),
    now,
    firstRun: RANGE.batchedWarmup,
  };
  ensureTaken(
    await runClientsInWorker({ ...job, clients: 1, plan: warmup }),
    warmup.runs * 2,
    'batched warm-up',
  );
  const plan: EventPlan = {
    products: productCount,
    runs,
    now,
    firstRun: RANGE.batched,
  };
  const { result, peakMiB, stored } = await measureStored(
    db,
    () => runClientsInWorker({ ...job, clients: concurrency, plan }),
    () => plan.runs,
    'batched',
  );
  ensureTaken(result, plan.runs * 2, 'batched');
  return {
    events: result.events,
    requests: result.requests,
    seconds: result.seconds,
    eventsPerSecond: result.events / result.seconds,
    latencyMs: result.latencyMs,
    peakMiB,
    stored,
  };
}

async function benchmark(db: BenchDatabase) {
  const started = Date.now();
  const backend = await startIngestBackend({
    db,
    products: productCount,
    logLevel,
  });
  console.log(
    `${
      db.name
    }: backend up, catalog serving ${productCount} DataProducts (${fmt(
      (Date.now() - started) / 1000,
      1,
    )} s)`,
  );
  try {
    const now = Date.now();
    const single = await singleEventCase(db, backend, now);
    const singleCeiling = await singleEventCeiling(
      db,
      single.plan,
      single.runsPerClient,
    );
    const singleRatio = single.eventsPerSecond / singleCeiling.eventsPerSecond;
    console.log(
      `${db.name} single-event: ${fmt(single.eventsPerSecond)} events/s (${fmt(
        single.events,
      )} events, ` +
        `${fmt(single.seconds, 1)} s, p50 ${fmt(
          single.latencyMs.p50,
          1,
        )} ms, p95 ${fmt(single.latencyMs.p95, 1)} ms), ` +
        `ceiling ${fmt(singleCeiling.eventsPerSecond)} events/s, ratio ${fmt(
          singleRatio,
          2,
        )}, peak RSS ${fmt(single.peakMiB)} MiB`,
    );
    // the batched case starts from empty ingestion tables, as it always did
    await clearTables(
      db,
      single.stored.tables.map(t => t.table),
    );

    const batched = await batchedCase(db, backend, now);
    const batchedCeiling = await rewriteRows(
      db,
      batched.stored.tables.map(t => t.table),
    );
    const batchedCeilingEps = batched.events / batchedCeiling.seconds;
    const batchedRatio = batched.eventsPerSecond / batchedCeilingEps;
    console.log(
      `${db.name} batched:      ${fmt(batched.eventsPerSecond)} events/s (${fmt(
        batched.events,
      )} events, ` +
        `${fmt(batched.seconds, 1)} s), ceiling ${fmt(
          batchedCeilingEps,
        )} events/s, ratio ${fmt(batchedRatio, 2)}, ` +
        `peak RSS ${fmt(batched.peakMiB)} MiB`,
    );
    const { plan: _plan, runsPerClient: _runs, ...singleFigures } = single;
    return {
      db: db.name,
      single: { ...singleFigures, ceiling: singleCeiling, ratio: singleRatio },
      batched: {
        ...batched,
        ceiling: {
          eventsPerSecond: batchedCeilingEps,
          seconds: batchedCeiling.seconds,
          rows: batchedCeiling.rows,
        },
        ratio: batchedRatio,
      },
    };
  } finally {
    await backend.stop();
  }
}

type Result = Awaited<ReturnType<typeof benchmark>>;

const meets = (ok: boolean) => (ok ? 'meets' : 'misses');

function targetLines(pg: Result | undefined): string[] {
  if (!pg)
    return ['PostgreSQL was not measured: no PostgreSQL targets checked.'];
  return [
    'PostgreSQL targets:',
    `- single-event ≥ ${fmt(TARGETS.singleEventsPerSecond)} events/s: ` +
      `${meets(
        pg.single.eventsPerSecond >= TARGETS.singleEventsPerSecond,
      )} (${fmt(pg.single.eventsPerSecond)})`,
    `- single-event ≥ ${TARGETS.singleRatio}× its ceiling: ${meets(
      pg.single.ratio >= TARGETS.singleRatio,
    )} ` + `(${fmt(pg.single.ratio, 2)})`,
    `- batched ≥ ${fmt(TARGETS.batchedEventsPerSecond)} events/s: ` +
      `${meets(
        pg.batched.eventsPerSecond >= TARGETS.batchedEventsPerSecond,
      )} (${fmt(pg.batched.eventsPerSecond)})`,
  ];
}

async function main() {
  const results: Result[] = [];
  // PostgreSQL first: its figures are the ones with targets
  const openers: [
    string,
    (label: string) => Promise<BenchDatabase | undefined>,
  ][] = [
    ['postgres', postgresDatabase],
    ['sqlite', sqliteDatabase],
  ];
  for (const [key, open] of openers) {
    if (
      !databases.some(
        d =>
          d !== '' &&
          (key.startsWith(d) ||
            d.startsWith(key) ||
            (d === 'pg' && key === 'postgres')),
      )
    ) {
      continue;
    }
    const db = await open('ingest');
    if (!db) continue;
    try {
      results.push(await benchmark(db));
    } finally {
      await db.close();
    }
  }
  const pg = results.find(r => r.db === 'PostgreSQL');
  console.log(`\n${note ? `${note}\n` : ''}`);
  for (const r of results) {
    console.log(
      `${r.db.padEnd(10)} single-event ${fmt(
        r.single.eventsPerSecond,
      )} events/s, ceiling ${fmt(r.single.ceiling.eventsPerSecond)}, ` +
        `ratio ${fmt(r.single.ratio, 2)}, latency p50 ${fmt(
          r.single.latencyMs.p50,
          1,
        )} ms p95 ${fmt(r.single.latencyMs.p95, 1)} ms | ` +
        `batched ${fmt(r.batched.eventsPerSecond)} events/s, ceiling ${fmt(
          r.batched.ceiling.eventsPerSecond,
        )}, ratio ${fmt(r.batched.ratio, 2)}`,
    );
  }
  console.log(targetLines(pg).join('\n'));

  const storedRows = (s: Stored) =>
    s.tables.map(t => `${t.table} ${fmt(t.added)}`).join(', ');
  const lines = [
    '# Benchmark: run ingestion (OpenLineage)',
    '',
    ...(note ? [`**${note}**`, ''] : []),
    'Through a real Backstage backend (backend-defaults `createBackend`, wired as `packages/backend`) on',
    `127.0.0.1, ${productCount} DataProducts in its catalog whose \`openlineage.io/dataset\` names the events' output.`,
    '',
    `- **single-event**: ${
      singleEvents !== undefined
        ? `${fmt(singleRuns * 2)} RunEvents`
        : `RunEvents for ${singleSeconds} s`
    }, one event per`,
    '  request as the OpenLineage HTTP transport sends by default, START and COMPLETE of a run in separate',
    `  requests (START first, two runs open per client), ${clients} concurrent clients with keep-alive connections,`,
    `  each reporting its own runs. Ceiling: ${clients} concurrent connections, each writing its client's events`,
    '  in the same order, one row per event by a single-row INSERT (its own statement and transaction), into',
    "  an equivalent table (a run row plus the event's facts as JSON, three indexes).",
    `- **batched**: ${fmt(runs * 2)} RunEvents (${fmt(
      runs,
    )} runs), ${batch} events per request, ${concurrency} requests`,
    '  in flight. Ceiling: the very rows the endpoint stored (every ingestion table that gained rows),',
    '  deleted and written again by plain multi-row INSERTs in one transaction.',
    '',
    '| database | case | events | endpoint events/s | ceiling events/s | ratio | p50 latency | p95 latency | peak RSS |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...results.flatMap(r => [
      `| ${r.db} | single-event | ${fmt(r.single.events)} | ${fmt(
        r.single.eventsPerSecond,
      )} | ${fmt(r.single.ceiling.eventsPerSecond)} | ` +
        `${fmt(r.single.ratio, 2)} | ${fmt(
          r.single.latencyMs.p50,
          1,
        )} ms | ${fmt(r.single.latencyMs.p95, 1)} ms | ${fmt(
          r.single.peakMiB,
        )} MiB |`,
      `| ${r.db} | batched | ${fmt(r.batched.events)} | ${fmt(
        r.batched.eventsPerSecond,
      )} | ${fmt(r.batched.ceiling.eventsPerSecond)} | ` +
        `${fmt(r.batched.ratio, 2)} | ${fmt(
          r.batched.latencyMs.p50,
          1,
        )} ms | ${fmt(r.batched.latencyMs.p95, 1)} ms | ${fmt(
          r.batched.peakMiB,
        )} MiB |`,
    ]),
    '',
    ...targetLines(pg),
    '',
    'Rows the endpoint stored (tables that gained rows during the measurement):',
    '',
    ...results.flatMap(r => [
      `- ${r.db}, single-event: ${storedRows(r.single.stored)}`,
      `- ${r.db}, batched: ${storedRows(r.batched.stored)}`,
    ]),
    '',
    '## What is real, what is not',
    '',
    '- Real: the HTTP server and its middleware (helmet, CORS, compression, request logging), the',
    '  `httpAuth` and `auth` services checking a static token under `backend.auth.externalAccess`',
    '  restricted to `data-products` / `stockroom.run.report`, the `permissions` service deciding',
    "  `stockroom.run.report` (for a service principal it decides from the token's access restrictions,",
    "  without asking the policy — as in production), the permission backend with the demo portal's",
    "  policy, the catalog backend with Stockroom's DataProduct module (the products come from a file",
    "  location and are read by the plugin over HTTP with its own token), Backstage's DatabaseManager,",
    "  the plugin's ingestion and store. Before measuring, the harness checks that a request without a",
    '  token is answered 401 and one with a token lacking the permission 403.',
    '- Configured off: scoring (and its alerts) and lifecycle notices, so no scheduled job runs during a',
    '  measurement (the contract history job cannot be switched off; it first runs a minute after',
    `  start-up). \`backend.logger.level: ${logLevel}\`${
      logLevel === 'warn' ? ', which drops the per-request access log line' : ''
    }.`,
    '- The clients run in a worker thread of the benchmark process (keep-alive agents, one socket each),',
    "  off the backend's event loop; their latency is from sending a request to the end of its answer.",
    '  Only the status code is read; the rows stored are checked instead.',
    '- Events carry what the Airflow provider and dbt-ol send: START with inputs, outputs and the run',
    '  facets nominalTime, parent and processing_engine; COMPLETE with parent and outputs carrying the',
    '  `schema` facet and `outputStatistics`; one COMPLETE in 4 has no outputs (dbt-ol, Flink).',
    '- SQLite: the data-products database is one file (journal mode as Backstage opens it); its',
    "  ceiling's connections share knex's single SQLite connection, as SQLite writes one at a time.",
    '',
    '## Reading the figures',
    '',
    '- The single-event ceiling commits every event on its own, durably (`synchronous_commit` on), so it',
    '  is bounded by WAL flushes (SQLite: journal syncs); a server that commits several concurrent',
    '  events in one transaction can exceed it, and the ratio can pass 1.',
    '- The machine has 2 cores shared with other work: absolute figures move between runs (the',
    '  ceilings too); compare a case with its ceiling from the same run.',
    '- Earlier versions of this benchmark measured only the batched case, in-process with mocked auth',
    '  and lighter events; those figures are not comparable with these.',
    '',
    `Machine: ${Object.entries(machineFacts())
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    '',
  ];
  writeReport('ingest', lines.join('\n'), {
    note: note || undefined,
    singleEvents: singleEvents ?? null,
    singleSeconds: singleEvents === undefined ? singleSeconds : null,
    clients,
    runs,
    productCount,
    batch,
    concurrency,
    logLevel,
    targets: TARGETS,
    results,
  });
}

runBenchmark(main);
