/*
 * `yarn bench scoring [--products 10000] [--runs 720]`
 *
 * Full recompute of every product's scorecard by the real scheduled scoring
 * task (catalog read, runs in the window from the knex store, the pure
 * scorecard, a snapshot written per product), and one incremental recompute
 * after a new run arrives, on SQLite and PostgreSQL. Runs are generated
 * inside the database (generate_series / a recursive CTE) so seeding 7.2M
 * rows stays fast; seeding is not measured.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ScorecardService,
  ScoringJob,
  openStores,
} from '@stockroom/plugin-data-products-backend/testUtils';
import {
  BenchDatabase,
  postgresDatabase,
  sqliteDatabase,
  withPeakMemory,
} from './lib/databases';
import { fmt, machineFacts, median, option, writeReport } from './lib/report';
import { benchProducts } from './lib/runsServer';

const productCount = Number(option('products', '10000'));
const runsPerProduct = Number(option('runs', '720'));
const HOUR = 3600_000;
const quietLogger: any = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child: () => quietLogger,
};

const COLUMNS = '{"id":{"nullCount":0,"distinctCount":10000}}';

/** Hourly runs for the last `runsPerProduct` hours, lag 10–49 min, 1 in 500 failed. */
async function seed(db: BenchDatabase, now: Date) {
  const { knex } = db;
  const nowMs = now.getTime();
  const recordedMs = nowMs - 24 * HOUR;
  if (db.name === 'PostgreSQL') {
    await knex.raw(
      `INSERT INTO runs (entity_ref, run_id, dataset_key, status, event_time, started_at, finished_at, watermark, row_count, columns, recorded_at)
       SELECT 'dataproduct:default/product-' || p, 'run-' || r, 'bench://warehouse/t' || p,
              CASE WHEN (p * 7 + r) % 500 = 0 THEN 'failed' ELSE 'success' END,
              ts, ts - interval '1 minute', ts, ts - interval '1 minute' * (10 + (p + r) % 40),
              10000, ?, to_timestamp(? / 1000.0)
       FROM generate_series(0, ? - 1) p, generate_series(0, ? - 1) r,
            LATERAL (SELECT to_timestamp(? / 1000.0) - interval '1 hour' * r - interval '1 minute' AS ts) t`,
      [COLUMNS, recordedMs, productCount, runsPerProduct, nowMs],
    );
    await knex.raw('ANALYZE runs');
  } else {
    // epoch milliseconds, as knex stores Dates in SQLite
    await knex.raw(
      `WITH RECURSIVE p(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM p WHERE i + 1 < ?),
                      r(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM r WHERE j + 1 < ?)
       INSERT INTO runs (entity_ref, run_id, dataset_key, status, event_time, started_at, finished_at, watermark, row_count, columns, recorded_at)
       SELECT 'dataproduct:default/product-' || i, 'run-' || j, 'bench://warehouse/t' || i,
              CASE WHEN (i * 7 + j) % 500 = 0 THEN 'failed' ELSE 'success' END,
              ? - j * 3600000 - 60000, ? - j * 3600000 - 120000, ? - j * 3600000 - 60000,
              ? - j * 3600000 - 60000 - (10 + (i + j) % 40) * 60000,
              10000, ?, ?
       FROM p, r`,
      [
        productCount,
        runsPerProduct,
        nowMs,
        nowMs,
        nowMs,
        nowMs,
        COLUMNS,
        recordedMs,
      ],
    );
    await knex.raw('ANALYZE');
  }
}

async function benchmark(db: BenchDatabase) {
  const now = new Date();
  // the plugin's own stores on the migrated database, as plugin.ts opens them
  const stores = await openStores(db.service as any);
  const store = stores.runs;
  const snapshots = stores.scorecardSnapshots;
  const seedStart = Date.now();
  await seed(db, now);
  const seeded = (await db.knex('runs').count({ n: '*' }))[0].n;
  console.log(
    `${db.name}: seeded ${fmt(Number(seeded))} runs in ${fmt(
      (Date.now() - seedStart) / 1000,
      1,
    )} s`,
  );

  const entities = benchProducts(productCount);
  const catalog = catalogServiceMock({ entities });
  const auth = mockServices.auth();
  // as the plugin wires it: drift is checked against the contract per snapshot
  const contractHistory = stores.contractHistory;
  const scorecards = new ScorecardService({
    catalog,
    auth,
    store,
    snapshots,
    contractHistory,
    logger: quietLogger,
  });
  const job = new ScoringJob({
    catalog,
    auth,
    store,
    snapshots,
    logger: quietLogger,
    scorecards,
  });

  global.gc?.();
  const { result: full, peakMiB } = await withPeakMemory(async () => {
    const start = process.hrtime.bigint();
    const summary = await job.run(now);
    return { seconds: Number(process.hrtime.bigint() - start) / 1e9, summary };
  });
  const snapshotCount = Number(
    (await db.knex('scorecard_snapshots').count({ n: '*' }))[0].n,
  );
  if (snapshotCount < productCount)
    throw new Error(
      `only ${snapshotCount} snapshots for ${productCount} products`,
    );

  // incremental: one new run for one product, then that product rescored
  const product = entities[0];
  const incremental: number[] = [];
  for (let k = 0; k < 20; k++) {
    const at = new Date(now.getTime() + (k + 1) * 1000);
    const start = process.hrtime.bigint();
    await store.insertRuns(
      [
        {
          entityRef: 'dataproduct:default/product-0',
          runId: `incremental-${k}`,
          status: 'success',
          eventTime: at,
          startedAt: new Date(at.getTime() - 60_000),
          finishedAt: at,
          watermark: new Date(at.getTime() - 20 * 60_000),
          rowCount: 10_000,
        },
      ],
      at,
    );
    await scorecards.snapshot(product, at);
    incremental.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return {
    db: db.name,
    fullSeconds: full.seconds,
    scored: full.summary,
    peakMiB,
    incrementalMedianMs: median(incremental),
    incrementalMaxMs: Math.max(...incremental),
  };
}

async function main() {
  const results = [];
  for (const open of [postgresDatabase, sqliteDatabase]) {
    const db = await open('scoring');
    if (!db) continue;
    try {
      const r = await benchmark(db);
      results.push(r);
      console.log(
        `${r.db}: full recompute of ${fmt(
          productCount,
        )} products × ${runsPerProduct} runs in ${fmt(r.fullSeconds, 1)} s; ` +
          `incremental (new run + rescore one product) median ${fmt(
            r.incrementalMedianMs,
            1,
          )} ms, max ${fmt(r.incrementalMaxMs, 1)} ms; peak RSS ${fmt(
            r.peakMiB,
          )} MiB`,
      );
    } finally {
      await db.close();
    }
  }
  const pg = results.find(r => r.db === 'PostgreSQL');
  const lines = [
    '# Benchmark: scoring',
    '',
    `${fmt(productCount)} products × ${runsPerProduct} hourly runs (${fmt(
      productCount * runsPerProduct,
    )} runs),`,
    'recomputed by the real scheduled scoring task (catalog read, runs per product from the store,',
    '`computeScorecard`, one snapshot per product); then 20 times: one new run stored and that product',
    'rescored (median reported).',
    '',
    '| database | full recompute | incremental (median / max) | peak RSS |',
    '|---|---:|---:|---:|',
    ...results.map(
      r =>
        `| ${r.db} | ${fmt(r.fullSeconds, 1)} s | ${fmt(
          r.incrementalMedianMs,
          1,
        )} / ${fmt(r.incrementalMaxMs, 1)} ms | ${fmt(r.peakMiB)} MiB |`,
    ),
    '',
    pg
      ? `PostgreSQL targets: full ≤ 120 s (${
          pg.fullSeconds <= 120 ? 'meets' : 'misses'
        }), incremental ≤ 50 ms (${
          pg.incrementalMedianMs <= 50 ? 'meets' : 'misses'
        }).`
      : 'PostgreSQL was not reachable: no PostgreSQL figures.',
    '',
    `Machine: ${Object.entries(machineFacts())
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    '',
  ];
  writeReport('scoring', lines.join('\n'), {
    productCount,
    runsPerProduct,
    results,
  });
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
