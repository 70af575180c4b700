/*
 * `yarn bench scoringLargeProduct [--runs 418000]`
 *
 * One product with a very large window (issue #11 item 4: 418k runs stalled
 * every request for 5.5 s): a refresh of its scorecard through the real
 * ScorecardService and knex store, on PostgreSQL and SQLite. Reports how
 * long the refresh took, the longest stretch the event loop did not turn
 * (wall clock, and the CPU the process spent in it) and the peak RSS. Runs
 * are generated inside the database; seeding is not measured.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { performance } from 'perf_hooks';
import {
  ScorecardService,
  generatedRowsSql,
  openStores,
  startStallProbe,
} from '@stockroom/plugin-data-products-backend/testUtils';
import {
  BenchDatabase,
  postgresDatabase,
  sqliteDatabase,
  withPeakMemory,
} from './lib/databases';
import { fmt, machineFacts, option, writeReport } from './lib/report';

const runCount = Number(option('runs', '418000'));
const REF = 'dataproduct:default/large';

/** One run every 6 s back from now (418k fit in 29 days), 1 in 500 failed. */
async function seed(db: BenchDatabase, now: number) {
  const postgres = db.name === 'PostgreSQL';
  const { time, series } = generatedRowsSql(postgres);
  const finished = `${now} - (CAST(i AS BIGINT) + 1) * 6000`;
  await db.knex.raw(
    `INSERT INTO runs (entity_ref, run_id, status, event_time, finished_at, watermark, row_count, columns, recorded_at)
     SELECT ?, 'run-' || i, CASE WHEN i % 500 = 0 THEN 'failed' ELSE 'success' END,
            ${time(finished)}, ${time(finished)}, ${time(
      `${finished} - (10 + i % 40) * 60000`,
    )},
            10000, ?, ${time(String(now))}
     FROM (${series(runCount)}) AS seeded`,
    [REF, '{"id":{"nullCount":0,"distinctCount":10000}}'],
  );
  if (postgres) await db.knex.raw('ANALYZE runs');
}

async function benchmark(db: BenchDatabase) {
  const now = Date.now();
  const stores = await openStores(db.service as any);
  const store = stores.runs;
  await seed(db, now);
  const product = {
    apiVersion: 'stockroom.io/v1alpha1',
    kind: 'DataProduct',
    metadata: { name: 'large', namespace: 'default' },
    spec: {
      type: 'table',
      owner: 'group:default/team',
      lifecycle: 'active',
      contract: {
        freshness: { p95: '30m', p99: '1h' },
        quality: { keyFields: ['id'], maxNullRate: 0.01 },
      },
    },
  };
  const scorecards = new ScorecardService({
    catalog: catalogServiceMock({ entities: [product] }),
    auth: mockServices.auth(),
    store,
    snapshots: stores.scorecardSnapshots,
  });
  global.gc?.();
  const { result, peakMiB } = await withPeakMemory(async () => {
    const probe = startStallProbe();
    const start = performance.now();
    const snapshot = await scorecards.snapshot(product, new Date(now));
    const seconds = (performance.now() - start) / 1000;
    return { seconds, stall: probe.stop(), runs: snapshot.window.runs };
  });
  if (result.runs !== runCount)
    throw new Error(`scored ${result.runs} runs, seeded ${runCount}`);
  return { db: db.name, ...result, peakMiB };
}

async function main() {
  const results = [];
  for (const open of [postgresDatabase, sqliteDatabase]) {
    const db = await open('scoring_large');
    if (!db) continue;
    try {
      const r = await benchmark(db);
      results.push(r);
      console.log(
        `${r.db}: refresh of ${fmt(runCount)} runs in ${fmt(
          r.seconds,
          1,
        )} s; longest stall ${fmt(r.stall.wallMs)} ms (${fmt(
          r.stall.cpuMs,
        )} ms CPU); peak RSS ${fmt(r.peakMiB)} MiB`,
      );
    } finally {
      await db.close();
    }
  }
  const lines = [
    '# Benchmark: scoring one large product',
    '',
    `One product with ${fmt(
      runCount,
    )} runs in its 30-day window, refreshed through the real`,
    'ScorecardService and knex store (runs read in keyset chunks, yielding between them).',
    '',
    '| database | refresh | longest stall (wall / CPU) | peak RSS |',
    '|---|---:|---:|---:|',
    ...results.map(
      r =>
        `| ${r.db} | ${fmt(r.seconds, 1)} s | ${fmt(r.stall.wallMs)} / ${fmt(
          r.stall.cpuMs,
        )} ms | ${fmt(r.peakMiB)} MiB |`,
    ),
    '',
    `Machine: ${Object.entries(machineFacts())
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    '',
  ];
  writeReport('scoring-large-product', lines.join('\n'), { runCount, results });
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
