/*
 * `yarn bench inventory [--n 10000] [--requests 200] [--history 7] [--uncached 20]
 *   [--runs 10] [--render-port 7407] [--render-db postgres|sqlite] [--no-browser]`
 *
 * Latency of the inventory API (`GET /api/data-products/products`) on N
 * synthetic DataProducts and their scorecard snapshots (H per product, one a
 * day, the latest counting), through the real router over real HTTP (an
 * express server listening on a local port), on PostgreSQL and on SQLite.
 *
 * R requests mix filters, sorts and second pages (following nextCursor);
 * p50/p95 are taken over them after a warm-up. The catalog is in-process
 * (pages of 500 entities, each a fresh JSON copy of what the `fields` the
 * router asks for select, as if off the wire) and read with the caller's
 * credentials, kept for the router's default 5 s per caller: the "steady"
 * figures. The "uncached" figures read the catalog and evaluate every state
 * on each request (catalogCacheTtlMs: 0), for U requests. While the
 * requests run, newer snapshots are written (25 before every fifth request),
 * as the scoring task would.
 *
 * PostgreSQL: BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING, else
 * postgresql://postgres@127.0.0.1:5432; a scratch database
 * stockroom_bench_<pid> is created and dropped. SQLite: a file in
 * bench/.scratch/. Target: p95 ≤ 50 ms on PostgreSQL.
 *
 * Then the first render of the inventory page with N products in Chromium,
 * against a real portal (bench/inventoryRender.ts: the app's production
 * build served by packages/backend; R runs, target ≤ 1.5 s), reported in
 * bench/reports/inventory-render.md; --no-browser skips it.
 */
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  BackstageCredentials,
  DatabaseService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_DEPENDENCY_OF,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  DEFAULT_POLICY,
  DataProductEntityV1alpha1,
  SCORE_DIMENSIONS,
  addCalendarDays,
  formatIsoDate,
  toCatalogShape,
} from '@stockroom/plugin-data-products-common';
import {
  createInventoryRouter,
  openStores,
} from '@stockroom/plugin-data-products-backend/testUtils';
import express from 'express';
import knexFactory, { Knex } from 'knex';
import {
  RenderFigures,
  TARGET_RENDER_MS,
  measureInventoryRender,
  renderSummaryLines,
  writeRenderReport,
} from './inventoryRender';
import {
  fmt,
  machineFacts,
  median,
  option,
  percentile,
  writeReport,
} from './lib/report';
import { FILTERS, SORTS, queryOf } from './lib/inventoryQueries';
import { syntheticDataProduct, syntheticSnapshotRows } from './lib/synthetic';

const n = Number(option('n', '10000'));
const requestCount = Number(option('requests', '200'));
const history = Number(option('history', '7'));
const uncachedCount = Number(option('uncached', '20'));
const WARM_UP = 20;
const TARGET_P95_MS = 50;
const NOW = new Date('2026-11-25T12:00:00.000Z');
const scratch = path.join(__dirname, '.scratch');
const PG_BASE =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';

/** A synthetic product as the catalog serves it, with states to filter on. */
function catalogEntity(i: number): Entity {
  const authored = syntheticDataProduct(i);
  const spec = authored.spec;
  const owner = `group:default/team-${i % 50}`;
  let lifecycle = spec.lifecycle;
  if (spec.category === 'convenience-view') {
    // renewed 0–149 days ago: current, expiring and expired views
    lifecycle = {
      stage: 'active',
      createdOn: '2026-01-10',
      renewedOn: formatIsoDate(addCalendarDays(NOW, -(i % 150))),
    };
  } else if (i % 13 === 0) {
    lifecycle = {
      ...lifecycle,
      stage: 'deprecated',
      sunsetOn: '2027-03-31',
      successor: `dataproduct:default/product-${i + 1}`,
    };
  } else if (i % 29 === 0) {
    lifecycle = { ...lifecycle, stage: 'draft' };
  }
  const product: DataProductEntityV1alpha1 = {
    ...authored,
    metadata: { ...authored.metadata, namespace: 'default' },
    spec: { ...spec, owner, lifecycle },
    relations: [
      { type: RELATION_OWNED_BY, targetRef: owner },
      ...Array.from({ length: i % 9 }, (_, c) => ({
        type: RELATION_DEPENDENCY_OF,
        targetRef: `component:default/service-${(i + c) % 1000}`,
      })),
    ],
  };
  return toCatalogShape(product);
}

/** Snapshots of `count` products taken `k` seconds after the seeded ones. */
function newerSnapshots(k: number, count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, j) => {
    const i = (k * count + j) % n;
    const score = 1 + ((i + k) % 5);
    return {
      entity_ref: `dataproduct:default/product-${i}`,
      taken_at: new Date(NOW.getTime() - 6 * 3_600_000 + k * 1000),
      overall: score,
      ...Object.fromEntries(SCORE_DIMENSIONS.map(d => [d, score])),
      evidence: '{}',
      window: '{"from":"2026-10-26","to":"2026-11-25","runs":60}',
    };
  });
}

const credentials: BackstageCredentials = {
  $$type: '@backstage/BackstageCredentials',
  principal: { type: 'user', userEntityRef: 'user:default/bench' },
};
const httpAuth = {
  credentials: async () => credentials,
  issueUserCookie: async () => ({ expiresAt: new Date(NOW.getTime() + 1) }),
} as unknown as HttpAuthService;
// In a backend this is a call to the permission backend; here it allows.
const permissions = {
  authorize: async (requests: unknown[]) =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  authorizeConditional: async (requests: unknown[]) =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
} as unknown as PermissionsService;

function databaseService(knex: Knex): DatabaseService {
  return { getClient: async () => knex, migrations: { skip: false } };
}

async function seed(knex: Knex, chunk: number) {
  // the plugin's own snapshot store on the migrated database
  const { scorecardSnapshots: snapshots } = await openStores(
    databaseService(knex),
  );
  // H daily snapshots per product, the last on NOW's day
  const rows = [
    ...syntheticSnapshotRows({ n, history, now: NOW, hoursBeforeNow: 6 }),
  ];
  const start = performance.now();
  for (let i = 0; i < rows.length; i += chunk) {
    await knex('scorecard_snapshots').insert(rows.slice(i, i + chunk));
  }
  return { snapshots, rows: rows.length, seedMs: performance.now() - start };
}

type Server = { base: string; close: () => Promise<void> };

async function serve(router: express.Router): Promise<Server> {
  const app = express()
    .use('/api/data-products', router)
    .use(
      (
        error: Error,
        _req: express.Request,
        res: express.Response,
        _next: express.NextFunction,
      ) => {
        res
          .status(error.name === 'InputError' ? 400 : 500)
          .json({ error: { name: error.name, message: error.message } });
      },
    );
  const server = http.createServer(app);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}/api/data-products/products`,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function timedGet(url: string) {
  const start = performance.now();
  const response = await fetch(url);
  const body = (await response.json()) as {
    items: unknown[];
    nextCursor: string | null;
    totals: { total: number };
  };
  const ms = performance.now() - start;
  if (response.status !== 200) {
    throw new Error(`${url}: ${response.status} ${JSON.stringify(body)}`);
  }
  return { ms, body };
}

type Figures = {
  snapshotRows: number;
  seedMs: number;
  coldFirstRequestMs: number;
  fullReadMedianMs: number;
  snapshotsWrittenMeanwhile: number;
  steady: {
    requests: number;
    p50: number;
    p95: number;
    max: number;
    mean: number;
  };
  uncached: { requests: number; p50: number; p95: number; max: number };
  meanItemsPerPage: number;
  meanFilteredTotal: number;
};

async function measure(
  label: string,
  knex: Knex,
  chunk: number,
  catalog: CatalogService,
): Promise<Figures> {
  const { snapshots, rows, seedMs } = await seed(knex, chunk);
  console.log(
    `${label}: seeded ${fmt(rows)} snapshots of ${fmt(n)} products in ${fmt(
      seedMs / 1000,
      1,
    )} s`,
  );
  // the planner's statistics, as autovacuum would gather them
  if (String(knex.client.config.client).includes('pg')) {
    await knex.raw('analyze scorecard_snapshots');
  }

  // a second store of the same table that reads it in full on every call
  const { scorecardSnapshots: fullReader } = await openStores(
    databaseService(knex),
    { latestScores: { fullReadIntervalMs: 0 } },
  );
  const fullReadTimes: number[] = [];
  for (let i = 0; i < 6; i++) {
    const start = performance.now();
    await fullReader.latestScores();
    fullReadTimes.push(performance.now() - start);
  }

  const router = createInventoryRouter({
    httpAuth,
    permissions,
    catalog,
    snapshots,
    policy: DEFAULT_POLICY,
    clock: () => NOW,
  });
  const server = await serve(router);
  try {
    const cold = await timedGet(server.base);

    let cursor: string | null = null;
    const times: number[] = [];
    let items = 0;
    let totals = 0;
    let written = 0;
    for (let k = 0; k < WARM_UP + requestCount; k++) {
      if (k >= WARM_UP && k % 5 === 0) {
        // the scoring task at work: newer snapshots of 25 products
        const batch = newerSnapshots(k, 25);
        await knex('scorecard_snapshots').insert(batch);
        written += batch.length;
      }
      // every fourth request is the next page of the one before
      const follow = k % 4 === 3 && cursor;
      const url: string = follow
        ? `${server.base}?${queryOf(k - 1)}${
            queryOf(k - 1) ? '&' : ''
          }cursor=${cursor}`
        : `${server.base}${queryOf(k) ? `?${queryOf(k)}` : ''}`;
      const { ms, body } = await timedGet(url);
      cursor = body.nextCursor;
      if (follow) cursor = null;
      if (k >= WARM_UP) {
        times.push(ms);
        items += body.items.length;
        totals += body.totals.total;
      }
    }

    const uncachedServer = await serve(
      createInventoryRouter({
        httpAuth,
        permissions,
        catalog,
        snapshots,
        policy: DEFAULT_POLICY,
        clock: () => NOW,
        catalogCacheTtlMs: 0,
      }),
    );
    const uncachedTimes: number[] = [];
    try {
      for (let k = 0; k < uncachedCount; k++) {
        const q = queryOf(k);
        uncachedTimes.push(
          (await timedGet(`${uncachedServer.base}${q ? `?${q}` : ''}`)).ms,
        );
      }
    } finally {
      await uncachedServer.close();
    }

    const figures: Figures = {
      snapshotRows: rows,
      seedMs,
      coldFirstRequestMs: cold.ms,
      fullReadMedianMs: median(fullReadTimes.slice(1)),
      snapshotsWrittenMeanwhile: written,
      steady: {
        requests: times.length,
        p50: percentile(times, 0.5),
        p95: percentile(times, 0.95),
        max: Math.max(...times),
        mean: times.reduce((a, b) => a + b, 0) / times.length,
      },
      uncached: {
        requests: uncachedTimes.length,
        p50: percentile(uncachedTimes, 0.5),
        p95: percentile(uncachedTimes, 0.95),
        max: Math.max(...uncachedTimes),
      },
      meanItemsPerPage: items / times.length,
      meanFilteredTotal: totals / times.length,
    };
    console.log(
      `${label}: p50 ${fmt(figures.steady.p50, 1)} ms, p95 ${fmt(
        figures.steady.p95,
        1,
      )} ms, max ${fmt(figures.steady.max, 1)} ms over ${
        times.length
      } requests (${written} snapshots written meanwhile); full read of the latest snapshots ${fmt(
        figures.fullReadMedianMs,
        1,
      )} ms; cold first request ${fmt(cold.ms, 0)} ms; uncached p50 ${fmt(
        figures.uncached.p50,
        0,
      )} ms, p95 ${fmt(figures.uncached.p95, 0)} ms`,
    );
    return figures;
  } finally {
    await server.close();
  }
}

async function onPostgres(
  catalog: CatalogService,
): Promise<Figures | { unreachable: string }> {
  const database = `stockroom_bench_${process.pid}`;
  const admin = knexFactory({
    client: 'pg',
    connection: PG_BASE,
    pool: { min: 0, max: 1 },
  });
  try {
    await admin.raw('select 1');
  } catch (error) {
    await admin.destroy();
    return { unreachable: `${PG_BASE}: ${(error as Error).message}` };
  }
  await admin.raw(`create database ${database}`);
  const url = new URL(PG_BASE);
  url.pathname = `/${database}`;
  const knex = knexFactory({ client: 'pg', connection: url.toString() });
  try {
    return await measure('PostgreSQL', knex, 1000, catalog);
  } finally {
    await knex.destroy();
    await admin.raw(`drop database if exists ${database}`);
    await admin.destroy();
  }
}

async function onSqlite(catalog: CatalogService): Promise<Figures> {
  fs.mkdirSync(scratch, { recursive: true });
  const file = path.join(scratch, `inventory-${process.pid}.sqlite`);
  fs.rmSync(file, { force: true });
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
  });
  try {
    // a multi-row insert is a compound SELECT, capped at 500 terms
    return await measure('SQLite', knex, 250, catalog);
  } finally {
    await knex.destroy();
    fs.rmSync(file, { force: true });
  }
}

function row(label: string, f: Figures | { unreachable: string }) {
  if ('unreachable' in f) {
    return `| ${label} | not reachable | | | | | |`;
  }
  return `| ${label} | ${fmt(f.steady.p50, 1)} | **${fmt(
    f.steady.p95,
    1,
  )}** | ${fmt(f.steady.max, 1)} | ${fmt(f.fullReadMedianMs, 1)} | ${fmt(
    f.coldFirstRequestMs,
    0,
  )} | ${fmt(f.uncached.p50, 0)} / ${fmt(f.uncached.p95, 0)} |`;
}

/** The entity with only the dotted `fields` (all of it without any). */
function pick(entity: Entity, fields: string[] | undefined): object {
  if (!fields?.length) return entity;
  const picked: Record<string, any> = {};
  for (const field of fields) {
    const keys = field.split('.');
    let from: any = entity;
    for (const key of keys) from = from?.[key];
    if (from === undefined) continue;
    let to = picked;
    for (const key of keys.slice(0, -1)) to = to[key] ??= {};
    to[keys[keys.length - 1]] = from;
  }
  return picked;
}

/**
 * An in-process catalog of DataProducts: streamEntities in pages of 500,
 * each page a fresh JSON copy of the requested fields, as a catalog client
 * would parse them off the wire, and getEntitiesByRefs (the inventory reads
 * the consumers' owners with it) the same way. (Backstage's
 * InMemoryCatalogClient re-sorts every entity for each page, which at ten
 * thousand entities measures the test double rather than the inventory.)
 */
function benchCatalog(entities: Entity[]): CatalogService {
  const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
  const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value));
  return {
    async *streamEntities(request?: { fields?: string[] }) {
      for (let i = 0; i < entities.length; i += 500) {
        const page = entities
          .slice(i, i + 500)
          .map(entity => pick(entity, request?.fields));
        yield copy(page);
      }
    },
    async getEntitiesByRefs(request: {
      entityRefs: string[];
      fields?: string[];
    }) {
      const items = request.entityRefs.map(ref => {
        const entity = byRef.get(ref);
        return entity ? pick(entity, request.fields) : null;
      });
      return { items: copy(items) };
    },
  } as unknown as CatalogService;
}

async function main() {
  const entities = Array.from({ length: n }, (_, i) => catalogEntity(i));
  const catalog = benchCatalog(entities);

  const postgres = await onPostgres(catalog);
  if ('unreachable' in postgres) {
    console.log(
      `PostgreSQL not reachable (${postgres.unreachable}): reporting SQLite only`,
    );
  }
  const sqlite = await onSqlite(catalog);

  // the browser half: first render of the page against a real portal
  let render: RenderFigures | { notMeasured: string };
  if (process.argv.includes('--no-browser')) {
    render = { notMeasured: 'skipped (--no-browser)' };
  } else {
    console.log(
      '\nfirst render of the inventory page (bench/inventoryRender.ts):',
    );
    try {
      render = await measureInventoryRender();
    } catch (error) {
      console.error(error);
      render = {
        notMeasured: `failed: ${
          String((error as Error).message).split('\n')[0]
        }`,
      };
    }
  }

  const pgP95 = 'unreachable' in postgres ? undefined : postgres.steady.p95;
  const verdict =
    pgP95 === undefined
      ? 'not measured: PostgreSQL was not reachable'
      : `${pgP95 <= TARGET_P95_MS ? 'meets' : 'misses'}`;
  const reference = 'unreachable' in postgres ? sqlite : postgres;
  const lines = [
    '# Benchmark: inventory API',
    '',
    `\`GET /api/data-products/products\` on N = ${fmt(
      n,
    )} synthetic DataProducts (bench/lib/synthetic.ts; views renewed 0–149 days ago, some deprecated and draft) with ${history} daily scorecard snapshots each (5 % without any: ${fmt(
      reference.snapshotRows,
    )} rows), through the real router over HTTP on a local port. ${fmt(
      reference.steady.requests,
    )} requests after ${WARM_UP} warm-up ones, mixing ${
      FILTERS.length
    } filter sets, ${
      SORTS.length
    } sorts and orders, page sizes 50 and 200, and every fourth a second page (nextCursor); on average ${fmt(
      reference.meanFilteredTotal,
    )} products matched and ${fmt(
      reference.meanItemsPerPage,
    )} were served per request. The catalog is in-process (pages of 500 entities, JSON-copied as if off the wire), read with the caller's credentials and kept 5 s per caller (the router's default). Every request reads the latest snapshots from the database in one query: the rows written since the previous read (\`id >\` the highest seen, on the primary key), with a full read of every product's latest snapshot at start-up and every 5 minutes (the plugin's \`ScorecardSnapshotStore\`). While the requests ran, the scoring task was imitated by writing 25 newer snapshots before every fifth request (${fmt(
      reference.snapshotsWrittenMeanwhile,
    )} in all), which every later request read again within its 10 s re-read window.`,
    '',
    '| database | p50 ms | p95 ms | max ms | full read of the latest snapshots, ms (median) | first request ms (catalog read, states, full read) | catalog read on every request: p50 / p95 ms |',
    '|---|---:|---:|---:|---:|---:|---:|',
    row('PostgreSQL 15', postgres),
    row('SQLite (file)', sqlite),
    '',
    `**p95 on PostgreSQL: ${
      pgP95 === undefined ? 'not measured' : `${fmt(pgP95, 1)} ms`
    }** (target ≤ ${TARGET_P95_MS} ms: ${verdict}).`,
    '',
    "The full read (each product's newest `taken_at` joined back to its row) scans the snapshot",
    'history, so it grows with it; requests between two full reads do not. A request that finds the',
    "caller's catalog read older than 5 s pays for a new one, as in the last column.",
    '',
    'The last column turns the catalog cache off (`catalogCacheTtlMs: 0`): each request then reads',
    `every DataProduct from the catalog and evaluates its state (${uncachedCount} requests). A real`,
    'catalog is read over HTTP, which costs more than this in-process one; that read is what the',
    'per-caller cache saves. Permission checks are allowed in-process here; in a backend they are',
    'one call to the permission backend per request.',
    '',
    '## First render',
    '',
    ...('notMeasured' in render
      ? [
          `First render of the inventory page: not measured, ${render.notMeasured}.`,
        ]
      : [
          `The inventory page (\`/data-products\`) with ${fmt(
            render.n,
          )} products in headless Chromium, against the production build of the app served by the real backend (${
            render.database
          }), ${render.runs} runs: first render **cold p50 ${fmt(
            render.cold.p50,
            0,
          )} ms** (max ${fmt(render.cold.max, 0)} ms), warm (reload) p50 ${fmt(
            render.warm.p50,
            0,
          )} ms (max ${fmt(render.warm.max, 0)} ms); target ≤ ${fmt(
            TARGET_RENDER_MS,
          )} ms: ${render.verdict}. GET /products took ${fmt(
            render.cold.apiDurationP50,
            0,
          )} ms of the cold load (the caller's catalog read served stale while refreshed in the background; a full read of the catalog over HTTP takes ${fmt(
            render.api.catalogReadP50,
            0,
          )} ms). Details: [inventory-render.md](inventory-render.md).`,
        ]),
    '',
    `Machine: ${Object.entries(machineFacts())
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    '',
  ];
  console.log(
    `\np95 on PostgreSQL: ${
      pgP95 === undefined ? 'not measured' : `${fmt(pgP95, 1)} ms`
    } (target <= ${TARGET_P95_MS} ms: ${verdict})`,
  );
  if ('notMeasured' in render) {
    console.log(`first render: not measured, ${render.notMeasured}`);
  } else {
    for (const line of renderSummaryLines(render)) console.log(line);
    writeRenderReport(render);
  }
  writeReport('inventory', lines.join('\n'), {
    n,
    history,
    requests: requestCount,
    warmUp: WARM_UP,
    uncachedRequests: uncachedCount,
    targetP95Ms: TARGET_P95_MS,
    postgres,
    sqlite,
    firstRender:
      'notMeasured' in render
        ? render
        : {
            report: 'inventory-render',
            targetMs: TARGET_RENDER_MS,
            verdict: render.verdict,
            cold: { p50: render.cold.p50, max: render.cold.max },
            warm: { p50: render.warm.p50, max: render.warm.max },
            coldApiP50: render.cold.apiDurationP50,
          },
  });
  if ('notMeasured' in render && render.notMeasured.startsWith('failed')) {
    process.exitCode = 1;
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
