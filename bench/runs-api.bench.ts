/*
 * `yarn bench runs-api [--products 10000] [--runs 720] [--probe 100]
 *                      [--requests 300] [--db postgresql|sqlite]`
 *
 * Do the runs and scorecard APIs keep their latency as the runs table
 * grows? The same requests, about the same `--probe` products (each with
 * `--runs` hourly runs), are timed twice through the real backend: first
 * with only those products' runs stored, then after every one of
 * `--products` products has its runs (10,000 × 720 = 7.2 M). Each product's
 * window is identical in both; only the table around it grew. Reported per
 * endpoint: p50 and p95 in each phase and their ratio.
 *
 * Endpoints, called by a reader with a static token (real auth and
 * permissions; nothing cached: each request is answered from the
 * database):
 * - `GET …/runs?limit=50`, the Runs tab's first page, and the page before
 *   its oldest run (`before=`);
 * - `POST …/scorecard/refresh`, the scorecard recomputed from the window
 *   (the limit on refreshes is off for the bench);
 * - `GET …/scorecard/history`, 90 days of snapshots.
 * The scheduled scoring tasks are off, so nothing else runs meanwhile. The
 * catalog holds the probe products only: the other products' runs are rows
 * in the same table, which is what the APIs must not slow down with.
 */
import { BenchDatabase, databasesOption } from './lib/databases';
import { benchLineage } from './lib/benchLineage';
import {
  fmt,
  machineFacts,
  option,
  percentile,
  runBenchmark,
  writeReport,
} from './lib/report';
import { IngestBackend, startIngestBackend } from './lib/runsServer';
import { seedRuns } from './lib/seedRuns';

const productCount = Number(option('products', '10000'));
const runsPerProduct = Number(option('runs', '720'));
const probeProducts = Number(option('probe', '100'));
const requestsPerEndpoint = Number(option('requests', '300'));
const databases = databasesOption('postgresql');
const HOUR = 3600_000;
/** "Keeps its latency": p95 at most this much above the small table's. */
const KEEPS_RATIO = 1.5;

type Endpoint = 'runs' | 'runsPage2' | 'refresh' | 'history';
const ENDPOINTS: Record<Endpoint, string> = {
  runs: 'GET …/runs?limit=50',
  runsPage2: 'GET …/runs?limit=50&before=…',
  refresh: 'POST …/scorecard/refresh',
  history: 'GET …/scorecard/history (90 days)',
};

async function timed(
  backend: IngestBackend,
  path: string,
  method: 'GET' | 'POST' = 'GET',
): Promise<{ ms: number; body: any }> {
  const start = process.hrtime.bigint();
  const res = await fetch(`${backend.baseUrl}/api/data-products${path}`, {
    method,
    headers: { authorization: `Bearer ${backend.readerToken}` },
  });
  const body = await res.json();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!res.ok) {
    throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(body)}`);
  }
  return { ms, body };
}

/** Every endpoint `requestsPerEndpoint` times, over the probe products in turn. */
async function measure(backend: IngestBackend) {
  const latencies: Record<Endpoint, number[]> = {
    runs: [],
    runsPage2: [],
    refresh: [],
    history: [],
  };
  const to = new Date();
  const from = new Date(to.getTime() - 90 * 24 * HOUR);
  for (let k = 0; k < requestsPerEndpoint; k++) {
    const product = `/products/default/product-${k % probeProducts}`;
    const first = await timed(backend, `${product}/runs?limit=50`);
    latencies.runs.push(first.ms);
    const before = first.body.nextBefore;
    if (!before) throw new Error(`${product} has a single page of runs`);
    latencies.runsPage2.push(
      (
        await timed(
          backend,
          `${product}/runs?limit=50&before=${encodeURIComponent(before)}`,
        )
      ).ms,
    );
    latencies.refresh.push(
      (await timed(backend, `${product}/scorecard/refresh`, 'POST')).ms,
    );
    latencies.history.push(
      (
        await timed(
          backend,
          `${product}/scorecard/history?from=${from.toISOString()}&to=${to.toISOString()}`,
        )
      ).ms,
    );
  }
  return Object.fromEntries(
    Object.entries(latencies).map(([endpoint, ms]) => [
      endpoint,
      { p50: percentile(ms, 0.5), p95: percentile(ms, 0.95) },
    ]),
  ) as Record<Endpoint, { p50: number; p95: number }>;
}

async function benchmark(db: BenchDatabase) {
  const started = Date.now();
  const backend = await startIngestBackend({
    db,
    // The catalog holds the probe products only: what grows is the runs
    // table, and 10,000 entities would take the catalog 10 minutes here.
    products: probeProducts,
    lineage: benchLineage,
    stockroom: {
      lifecycle: { notifications: { enabled: false } },
      scoring: { enabled: false, minRefreshIntervalSeconds: 0 },
    },
  });
  try {
    const now = new Date();
    const shape = { runs: runsPerProduct, everyMs: HOUR };
    await seedRuns(db, now, { ...shape, products: probeProducts });
    console.log(
      `${db.name}: catalog serving ${fmt(probeProducts)} products; ${fmt(
        probeProducts * runsPerProduct,
      )} runs stored (${fmt((Date.now() - started) / 1000, 1)} s)`,
    );
    // one round first: connections, plans and the code warmed up
    await measure(backend);
    const small = await measure(backend);

    const seedStart = Date.now();
    await seedRuns(db, now, {
      ...shape,
      products: productCount,
      firstProduct: probeProducts,
    });
    const [{ n }] = await db.knex('runs').count({ n: '*' });
    console.log(
      `${db.name}: ${fmt(Number(n))} runs stored (${fmt(
        (Date.now() - seedStart) / 1000,
        1,
      )} s to seed)`,
    );
    await measure(backend);
    const large = await measure(backend);
    return { db: db.name, small, large, largeRuns: Number(n) };
  } finally {
    await backend.stop();
  }
}

async function main() {
  const results = [];
  for (const open of databases) {
    const db = await open('runs_api');
    if (!db) continue;
    try {
      const r = await benchmark(db);
      results.push(r);
      for (const endpoint of Object.keys(ENDPOINTS) as Endpoint[]) {
        console.log(
          `${r.db} ${ENDPOINTS[endpoint]}: p95 ${fmt(
            r.small[endpoint].p95,
            1,
          )} ms with ${fmt(probeProducts * runsPerProduct)} runs, ${fmt(
            r.large[endpoint].p95,
            1,
          )} ms with ${fmt(r.largeRuns)}`,
        );
      }
    } finally {
      await db.close();
    }
  }
  const lines = [
    '# Benchmark: runs and scorecard APIs as the runs table grows',
    '',
    `The same requests about the same ${probeProducts} products (${runsPerProduct} hourly runs each), timed through`,
    `the real backend with only their runs stored (${fmt(
      probeProducts * runsPerProduct,
    )}), then with every one of ${fmt(productCount)} products'`,
    `runs stored. ${requestsPerEndpoint} requests per endpoint and phase, after a warm-up round, one at a time, by a reader`,
    'with a static token (real auth and permissions); nothing is cached between requests; the',
    'scheduled scoring tasks are off. Latency is client-side, request to parsed body. The catalog',
    "holds the probe products only; the other products' runs are rows in the same tables.",
    'On PostgreSQL `runs` is partitioned by month and the runs sit in their month partitions, created',
    'ahead as the retention task creates them (30 days of hourly runs span two months).',
    '',
    '| database | endpoint | p50 small | p95 small | p50 large | p95 large | p95 ratio |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...results.flatMap(r =>
      (Object.keys(ENDPOINTS) as Endpoint[]).map(
        endpoint =>
          `| ${r.db} | ${ENDPOINTS[endpoint]} | ${fmt(
            r.small[endpoint].p50,
            1,
          )} ms | ${fmt(r.small[endpoint].p95, 1)} ms | ${fmt(
            r.large[endpoint].p50,
            1,
          )} ms | ${fmt(r.large[endpoint].p95, 1)} ms | ${fmt(
            r.large[endpoint].p95 / r.small[endpoint].p95,
            2,
          )} |`,
      ),
    ),
    '',
    ...results.map(r => {
      const worst = Math.max(
        ...(Object.keys(ENDPOINTS) as Endpoint[]).map(
          e => r.large[e].p95 / r.small[e].p95,
        ),
      );
      return `${r.db} with ${fmt(
        r.largeRuns,
      )} runs: the worst p95 ratio is ${fmt(worst, 2)} (${
        worst <= KEEPS_RATIO ? 'keeps' : 'does not keep'
      } its latency, taken as a p95 at most ${KEEPS_RATIO}× the small table's).`;
    }),
    '',
    `Machine: ${Object.entries(machineFacts())
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    '',
  ];
  writeReport('runs-api', lines.join('\n'), {
    productCount,
    runsPerProduct,
    probeProducts,
    requestsPerEndpoint,
    results,
  });
}

runBenchmark(main);
