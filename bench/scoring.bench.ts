/*
 * `yarn bench scoring [--products 10000] [--runs 720] [--history-runs-per-day 24]
 *                     [--history-products 10000] [--only scoring|history]`
 *
 * Full recompute of every product's scorecard by the real scheduled scoring
 * task (catalog read, runs in the window from the knex store, the pure
 * scorecard and the supply-chain figures — lead time through the lineage,
 * volatility, error budgets, tier at risk — a snapshot written per
 * product), and one incremental recompute after a new run arrives, on
 * SQLite and PostgreSQL. Then the 90-day history backfill: the real history
 * task's first pass over products with 120 days of stored runs (90 past
 * days, each with its 30-day window), computing and storing a snapshot per
 * product per day. Runs are generated inside the database
 * (generate_series / a recursive CTE) so seeding millions of rows stays
 * fast; seeding is not measured.
 *
 * Lineage: product i reads product i − 1 unless i is a multiple of 4 (which
 * read only a raw source), so chains are 4 products deep and each product
 * follows on average 1.5 upstream products' runs; every product promises a
 * 2 h lead time. The catalog is an in-memory catalog service (no HTTP);
 * the stores, the task and the engine are the plugin's own.
 */
import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import {
  HistoryBackfill,
  ProductHistory,
  ScorecardService,
  ScoringJob,
  openStores,
} from '@stockroom/plugin-data-products-backend/testUtils';
import {
  BenchDatabase,
  databasesOption,
  withPeakMemory,
} from './lib/databases';
import { fmt, machineFacts, median, option, writeReport } from './lib/report';
import { benchProducts } from './lib/runsServer';
import { indexedCatalog } from './lib/indexedCatalog';
import { seedRuns } from './lib/seedRuns';
import { benchLineage } from './lib/benchLineage';

const productCount = Number(option('products', '10000'));
const runsPerProduct = Number(option('runs', '720'));
const historyProducts = Number(
  option('history-products', String(productCount)),
);
const historyRunsPerDay = Number(option('history-runs-per-day', '24'));
/** 90 past days, and the 30 days the first one's window reaches back. */
const HISTORY_DAYS = 90;
const HISTORY_SPAN_DAYS = HISTORY_DAYS + 30;
const only = option('only', 'all');
/** `--db postgresql` or `--db sqlite` for one of them; both by default. */
const databases = databasesOption('all');
const HOUR = 3600_000;
const quietLogger: any = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child: () => quietLogger,
};

/**
 * The bench products with a lineage: product i reads product i − 1 unless
 * i is a multiple of 4, and promises a 2 h lead time.
 */
function productsWithLineage(count: number) {
  return benchProducts(count).map((entity, i) => {
    const spec = entity.spec as any;
    spec.contract.lineage = { upstreams: benchLineage(i) };
    spec.leadTime = { target: '2h' };
    return entity;
  });
}

async function benchmark(db: BenchDatabase) {
  const now = new Date();
  // the plugin's own stores on the migrated database, as plugin.ts opens them
  const stores = await openStores(db.service as any);
  const store = stores.runs;
  const snapshots = stores.scorecardSnapshots;
  const seedStart = Date.now();
  await seedRuns(db, now, {
    products: productCount,
    runs: runsPerProduct,
    everyMs: HOUR,
  });
  const seeded = (await db.knex('runs').count({ n: '*' }))[0].n;
  console.log(
    `${db.name}: seeded ${fmt(Number(seeded))} runs in ${fmt(
      (Date.now() - seedStart) / 1000,
      1,
    )} s`,
  );

  const entities = productsWithLineage(productCount);
  const catalog = indexedCatalog(entities);
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

/**
 * The history task's first pass on a fresh install: `historyProducts`
 * products with runs over the last 120 days, none computed yet.
 */
async function historyBenchmark(db: BenchDatabase) {
  const now = new Date();
  const stores = await openStores(db.service as any);
  const everyMs = (24 * HOUR) / historyRunsPerDay;
  const runs = HISTORY_SPAN_DAYS * historyRunsPerDay;
  const seedStart = Date.now();
  await seedRuns(db, now, { products: historyProducts, runs, everyMs });
  console.log(
    `${db.name}: seeded ${fmt(
      historyProducts * runs,
    )} runs for the history in ${fmt((Date.now() - seedStart) / 1000, 1)} s`,
  );
  const entities = productsWithLineage(historyProducts);
  const catalog = indexedCatalog(entities);
  const auth = mockServices.auth();
  const deps = {
    catalog,
    auth,
    store: stores.runs,
    snapshots: stores.scorecardSnapshots,
    contractHistory: stores.contractHistory,
    logger: quietLogger,
  };
  const backfill = new HistoryBackfill({
    ...deps,
    marks: stores.historyMarks,
    history: new ProductHistory(deps),
    scorecards: new ScorecardService(deps),
    historyDays: HISTORY_DAYS,
  });
  global.gc?.();
  const { result, peakMiB } = await withPeakMemory(async () => {
    const start = process.hrtime.bigint();
    const summary = await backfill.run(now);
    return { seconds: Number(process.hrtime.bigint() - start) / 1e9, summary };
  });
  const snapshotCount = Number(
    (await db.knex('scorecard_snapshots').count({ n: '*' }))[0].n,
  );
  // A second pass with nothing new: what each period costs afterwards.
  const idleStart = process.hrtime.bigint();
  const idle = await backfill.run(new Date(now.getTime() + 120_000));
  const idleSeconds = Number(process.hrtime.bigint() - idleStart) / 1e9;
  if (idle.backfilled !== 0) {
    throw new Error(`the idle pass computed ${idle.backfilled} products`);
  }
  return {
    db: db.name,
    seconds: result.seconds,
    summary: result.summary,
    snapshots: snapshotCount,
    peakMiB,
    idleSeconds,
  };
}

/** The figures of the last report written, if any. */
function earlierFigures(): Record<string, any> | undefined {
  const file = path.resolve(__dirname, 'reports', 'scoring.json');
  if (!fs.existsSync(file)) return undefined;
  const { machine, figures } = JSON.parse(fs.readFileSync(file, 'utf8'));
  return { measuredAt: machine?.date, ...figures };
}

function pick(from: Record<string, any>, keys: string[]) {
  return Object.fromEntries(keys.map(key => [key, from[key]]));
}

async function main() {
  const results = [];
  const histories = [];
  for (const open of databases) {
    if (only !== 'history') {
      const db = await open('scoring');
      if (db) {
        try {
          const r = await benchmark(db);
          results.push(r);
          console.log(
            `${r.db}: full recompute of ${fmt(
              productCount,
            )} products × ${runsPerProduct} runs in ${fmt(
              r.fullSeconds,
              1,
            )} s; ` +
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
    }
    if (only !== 'scoring') {
      const db = await open('history');
      if (db) {
        try {
          const h = await historyBenchmark(db);
          histories.push(h);
          console.log(
            `${h.db}: history backfill of ${fmt(
              historyProducts,
            )} products × ${HISTORY_DAYS} days in ${fmt(h.seconds, 1)} s (${fmt(
              h.summary.days,
            )} past days, ${fmt(h.snapshots)} snapshots stored, ${
              h.summary.failed
            } failed); idle pass ${fmt(h.idleSeconds, 2)} s; peak RSS ${fmt(
              h.peakMiB,
            )} MiB`,
          );
        } finally {
          await db.close();
        }
      }
    }
  }
  // `--only` one part: the other part's figures stay those of the last run
  // that measured it (said so in the report).
  const earlier = only === 'all' ? undefined : earlierFigures();
  let reused = '';
  let shown = {
    productCount,
    runsPerProduct,
    results: results as any[],
    historyProducts,
    historyRunsPerDay,
    histories: histories as any[],
  };
  // The part not measured now, and the keys of its figures.
  const kept = {
    history: {
      part: 'scoring',
      keys: ['productCount', 'runsPerProduct', 'results'],
    },
    scoring: {
      part: 'history',
      keys: ['historyProducts', 'historyRunsPerDay', 'histories'],
    },
  }[only];
  const keptList = kept && earlier?.[kept.keys[2]];
  if (kept && Array.isArray(keptList) && keptList.length > 0) {
    shown = { ...shown, ...pick(earlier!, kept.keys) };
    reused = `The ${kept.part} figures are from an earlier run (${
      earlier!.measuredAt ?? 'date not recorded'
    }); the others from this one.`;
  }
  const pg = shown.results.find(r => r.db === 'PostgreSQL');
  const pgHistory = shown.histories.find(h => h.db === 'PostgreSQL');
  const lines = [
    '# Benchmark: scoring',
    '',
    `${fmt(shown.productCount)} products × ${
      shown.runsPerProduct
    } hourly runs (${fmt(shown.productCount * shown.runsPerProduct)} runs),`,
    'recomputed by the real scheduled scoring task (catalog read, runs per product from the store,',
    'the scorecard and the supply-chain figures — lead time through the lineage, end-to-end lead',
    'time, volatility, error budgets, tier at risk — one snapshot per product); then 20 times: one',
    'new run stored and that product rescored (median reported). Lineage: product i reads product',
    'i − 1 unless i is a multiple of 4 (chains 4 deep; 1.5 upstream products followed on average),',
    "each promising a 2 h lead time. Mocked: the catalog is Backstage's in-memory catalog service",
    "(look-ups by ref from an index, as the real catalog's table is), not the catalog backend over HTTP.",
    '',
    '| database | full recompute | incremental (median / max) | peak RSS |',
    '|---|---:|---:|---:|',
    ...shown.results.map(
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
      : 'PostgreSQL scoring was not measured.',
    '',
    '## History backfill (90 days)',
    '',
    `${fmt(shown.historyProducts)} products, each with ${
      shown.historyRunsPerDay
    } runs a day over the last ${HISTORY_SPAN_DAYS} days`,
    `(${fmt(
      shown.historyProducts * HISTORY_SPAN_DAYS * shown.historyRunsPerDay,
    )} runs), none computed yet: the history task's first pass`,
    "computes and stores each product's 90 past daily snapshots (each day's 30-day window, scores,",
    'supply-chain figures and tier at risk), then takes its live snapshot. The idle pass is the next',
    'period with nothing new.',
    '',
    '| database | first pass | past days computed | snapshots stored | idle pass | peak RSS |',
    '|---|---:|---:|---:|---:|---:|',
    ...shown.histories.map(
      h =>
        `| ${h.db} | ${fmt(h.seconds, 1)} s | ${fmt(h.summary.days)} | ${fmt(
          h.snapshots,
        )} | ${fmt(h.idleSeconds, 2)} s | ${fmt(h.peakMiB)} MiB |`,
    ),
    '',
    pgHistory
      ? `PostgreSQL target: backfill ≤ 10 min (${
          pgHistory.seconds <= 600 ? 'meets' : 'misses'
        }).`
      : 'PostgreSQL history was not measured.',
    '',
    ...(reused ? [reused, ''] : []),
    `Machine: ${Object.entries(machineFacts())
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    '',
  ];
  writeReport('scoring', lines.join('\n'), {
    ...shown,
    measuredAt: new Date().toISOString(),
  });
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
