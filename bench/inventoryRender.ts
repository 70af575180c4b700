/*
 * First render of the inventory page (/data-products) with N synthetic
 * DataProducts, in headless Chromium, against a real portal: the production
 * build of packages/app (built afresh by `backstage-cli package build`),
 * served by packages/backend with the real catalog, auth, permission and
 * data-products plugins on a scratch database (PostgreSQL when it answers)
 * — see bench/lib/portal.ts. Scores are H daily scorecard snapshots per
 * product written straight into the plugin's table, as the scoring task
 * would have written them.
 *
 * Run by `yarn bench inventory` after the API figures (skip it with
 * --no-browser), or alone:
 *   NODE_ENV=production node --require @backstage/cli/config/nodeTransform.cjs bench/inventoryRender.ts
 *
 * Options: --n 10000, --history 7, --runs 10, --render-port 7407,
 * --render-db postgres|sqlite, --keep-scratch. Environment: CHROMIUM_PATH
 * (default /usr/bin/chromium).
 *
 * Each run: a cold load (a new browser context holding only the signed-in
 * guest's cookies and local storage: empty HTTP cache), then a warm load
 * (reload in that context) and a second reload at once. Before the cold and
 * the first warm load the run waits out the inventory's 5 s per-caller
 * catalog cache, so those two pay for reading the catalog as a first visit
 * does; the immediate reload is served from it. One cold load before the
 * runs is a warm-up, reported but not counted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { INVENTORY_CATALOG_FIELDS } from '@stockroom/plugin-data-products-backend/testUtils';
import { InventoryBrowser, LoadFigures } from './lib/browser';
import {
  CONSUMER_COMPONENTS,
  Portal,
  ROOT,
  chooseDatabase,
  cores,
  portTaken,
  runGroup,
  scratchDir,
  seedSnapshots,
  startPortal,
  tail,
  waitForCatalog,
  waitForQuiet,
  writeCatalog,
} from './lib/portal';
import { fmt, machineFacts, median, option, writeReport } from './lib/report';

export const TARGET_RENDER_MS = 1500;
const CATALOG_CACHE_TTL_MS = 5000;

type Series = 'cold' | 'warm' | 'warmCached';
const SERIES_LABEL: Record<Series, string> = {
  cold: 'cold (new context, empty cache)',
  warm: 'warm (reload, catalog re-read)',
  warmCached: 'warm (reload at once, catalog cache hit)',
};

export interface SeriesSummary {
  runs: number;
  p50: number;
  max: number;
  min: number;
  dataInDomP50: number;
  apiStartP50: number;
  apiDurationP50: number;
  apiDurationMax: number;
  apiWaitP50: number;
  afterApiP50: number;
  longTasksAfterApiP50: number;
  domContentLoadedP50: number;
  jsFilesP50: number;
  jsTransferP50: number;
  jsDecodedP50: number;
  lazyJsFilesP50: number;
  lazyJsDecodedP50: number;
  /** The machine's 1-minute load average as each load was measured. */
  loadP50: number;
  loadMax: number;
}

/** A load's figures and the machine's load average when it was measured. */
type MeasuredLoad = LoadFigures & { machineLoad: number };

export interface RenderFigures {
  n: number;
  components: number;
  history: number;
  runs: number;
  targetMs: number;
  database: string;
  chromium: string;
  appBuildMs: number;
  catalogBytes: number;
  backendStartMs: number;
  /** From starting the backend to the catalog listing every entity. */
  catalogCompleteMs: number;
  snapshotRows: number;
  seedMs: number;
  quiet: { quiet: boolean; share: number; waitedMs: number };
  distJsBytes: number;
  distJsFiles: number;
  apiJsonBytes: number;
  apiTransferBytes: number;
  /** GET /products as a service caller, and the catalog read alone. */
  api: ApiFigures;
  rowsRendered: number;
  totalShown: string | null;
  apiCallsBeforeRender: string[];
  firstLoad: MeasuredLoad;
  cold: SeriesSummary;
  warm: SeriesSummary;
  warmCached: SeriesSummary;
  verdict: 'meets' | 'misses';
  loads: Record<Series, MeasuredLoad[]>;
  totalMs: number;
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const kb = (bytes: number) => `${fmt(bytes / 1024, 0)} KiB`;
const mib = (bytes: number) => `${fmt(bytes / 2 ** 20, 2)} MiB`;

export interface ApiFigures {
  samples: number;
  /** GET /products after the caller's catalog cache expired. */
  uncachedP50: number;
  uncachedMax: number;
  /** …and at once after it: served from that read. */
  cachedP50: number;
  /** Reading every DataProduct from the catalog over HTTP, alone. */
  catalogReadP50: number;
}

/** The fields the inventory reads of each product, as its catalog read asks. */
const CATALOG_FIELDS = INVENTORY_CATALOG_FIELDS.join(',');

/** Waits until GET /products lists `n` products; the time it waited. */
async function waitForInventory(portal: Portal, n: number, timeoutMs: number) {
  const start = performance.now();
  for (;;) {
    const body = await portal.get<{ totals: { total: number } }>(
      '/api/data-products/products?limit=1',
    );
    if (body.totals.total === n) return performance.now() - start;
    if (performance.now() - start > timeoutMs) {
      throw new Error(
        `the inventory listed ${body.totals.total} of ${n} products after ${timeoutMs} ms`,
      );
    }
    await sleep(1000);
  }
}

/**
 * Where GET /products spends its time when the caller's catalog read has
 * expired: the same request as a service caller (the bench's static token)
 * uncached and at once again (cached), and the catalog read alone, paged
 * by cursor 500 at a time as the catalog client streams it.
 */
async function apiFigures(portal: Portal, n: number, samples: number) {
  const timed = async (pathname: string) => {
    const start = performance.now();
    const body = await portal.get<any>(pathname);
    return { ms: performance.now() - start, body };
  };
  const uncached: number[] = [];
  const cached: number[] = [];
  const catalogReads: number[] = [];
  for (let k = 0; k < samples; k++) {
    await sleep(CATALOG_CACHE_TTL_MS + 1000);
    const first = await timed('/api/data-products/products');
    if (
      first.body.totals.total !== n ||
      typeof first.body.items[0]?.overall !== 'number'
    ) {
      throw new Error(
        `the inventory API answered total ${first.body.totals.total}, first overall ${first.body.items[0]?.overall}; expected ${n} scored products`,
      );
    }
    uncached.push(first.ms);
    cached.push((await timed('/api/data-products/products')).ms);
    const start = performance.now();
    let seen = 0;
    let cursor: string | undefined;
    do {
      const page: { items: unknown[]; pageInfo: { nextCursor?: string } } =
        await portal.get(
          cursor
            ? `/api/catalog/entities/by-query?cursor=${encodeURIComponent(
                cursor,
              )}&limit=500&fields=${CATALOG_FIELDS}`
            : `/api/catalog/entities/by-query?filter=kind=DataProduct&limit=500&fields=${CATALOG_FIELDS}&totalItems=exclude`,
        );
      seen += page.items.length;
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    if (seen !== n) throw new Error(`the catalog streamed ${seen} of ${n}`);
    catalogReads.push(performance.now() - start);
  }
  return {
    samples,
    uncachedP50: median(uncached),
    uncachedMax: Math.max(...uncached),
    cachedP50: median(cached),
    catalogReadP50: median(catalogReads),
  };
}

function summarize(loads: MeasuredLoad[]): SeriesSummary {
  const of = (pick: (l: MeasuredLoad) => number) => loads.map(pick);
  const rendered = of(l => l.renderedMs);
  return {
    runs: loads.length,
    p50: median(rendered),
    max: Math.max(...rendered),
    min: Math.min(...rendered),
    dataInDomP50: median(of(l => l.dataInDomMs)),
    apiStartP50: median(of(l => l.api.startMs)),
    apiDurationP50: median(of(l => l.api.durationMs)),
    apiDurationMax: Math.max(...of(l => l.api.durationMs)),
    apiWaitP50: median(of(l => l.api.waitMs)),
    afterApiP50: median(of(l => l.afterApiMs)),
    longTasksAfterApiP50: median(of(l => l.longTasksAfterApiMs)),
    domContentLoadedP50: median(of(l => l.domContentLoadedMs)),
    jsFilesP50: median(of(l => l.js.files)),
    jsTransferP50: median(of(l => l.js.transferBytes)),
    jsDecodedP50: median(of(l => l.js.decodedBytes)),
    lazyJsFilesP50: median(of(l => l.lazyJs.files)),
    lazyJsDecodedP50: median(of(l => l.lazyJs.decodedBytes)),
    loadP50: median(of(l => l.machineLoad)),
    loadMax: Math.max(...of(l => l.machineLoad)),
  };
}

function distJs(): { bytes: number; files: number } {
  const dir = path.join(ROOT, 'packages', 'app', 'dist', 'static');
  let bytes = 0;
  let files = 0;
  for (const file of fs.readdirSync(dir)) {
    if (!file.endsWith('.js')) continue;
    bytes += fs.statSync(path.join(dir, file)).size;
    files++;
  }
  return { bytes, files };
}

/** The production build of packages/app, as `yarn workspace app build` makes it. */
async function buildApp(scratch: string, log: (m: string) => void) {
  const logFile = path.join(scratch, 'app-build.log');
  fs.writeFileSync(logFile, '');
  log('building the app (backstage-cli package build in packages/app) …');
  const started = performance.now();
  const code = await runGroup(
    process.execPath,
    [require.resolve('@backstage/cli/bin/backstage-cli'), 'package', 'build'],
    {
      cwd: path.join(ROOT, 'packages', 'app'),
      env: { ...process.env, NODE_ENV: 'production', FORCE_COLOR: '0' },
      logFile,
    },
    20 * 60_000,
  );
  if (code !== 0) {
    throw new Error(
      `the app build failed (exit ${code}); last lines of its log:\n${tail(
        logFile,
      )}`,
    );
  }
  return performance.now() - started;
}

export async function measureInventoryRender(
  log: (message: string) => void = m => console.log(`[render] ${m}`),
): Promise<RenderFigures> {
  const n = Number(option('n', '10000'));
  const history = Number(option('history', '7'));
  const runs = Number(option('runs', '10'));
  const port = Number(option('render-port', '7407'));
  const prefer =
    option('render-db', 'postgres') === 'sqlite' ? 'sqlite' : 'postgres';
  const keep = process.argv.includes('--keep-scratch');
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const t0 = performance.now();

  if (!fs.existsSync(chromiumPath)) {
    throw new Error(
      `no Chromium at ${chromiumPath} (set CHROMIUM_PATH; Debian: apt-get install -y chromium)`,
    );
  }
  if (await portTaken(port)) {
    throw new Error(
      `port ${port} is in use; pick another with --render-port (the benchmark's portal avoids 3000/7007)`,
    );
  }

  const scratch = scratchDir('inventory-render');
  let portal: Portal | undefined;
  let browser: InventoryBrowser | undefined;
  let succeeded = false;
  try {
    const appBuildMs = await buildApp(scratch, log);
    const dist = distJs();
    log(
      `app built in ${fmt(appBuildMs / 1000, 1)} s: ${
        dist.files
      } JS files, ${mib(dist.bytes)} in dist/static`,
    );

    const now = new Date();
    const catalog = writeCatalog(path.join(scratch, 'catalog'), n, now);
    log(
      `catalog: ${fmt(n)} DataProducts and ${fmt(
        CONSUMER_COMPONENTS,
      )} consuming Components in ${catalog.files} YAML files (${mib(
        catalog.bytes,
      )})`,
    );
    const database = await chooseDatabase(scratch, prefer);
    const startedAt = performance.now();
    portal = await startPortal({
      scratch,
      port,
      location: catalog.location,
      database,
      timeoutMs: 5 * 60_000,
    });
    log(
      `backend ready at ${portal.baseUrl} in ${fmt(
        portal.startMs / 1000,
        1,
      )} s (${database.kind}; log ${path.relative(ROOT, portal.logFile)})`,
    );
    const seeded = await seedSnapshots(database, n, history, now);
    log(
      `seeded ${fmt(seeded.rows)} scorecard snapshots in ${fmt(
        seeded.ms / 1000,
        1,
      )} s`,
    );
    let lastLogged = 0;
    await waitForCatalog(portal, 'dataproduct', n, 30 * 60_000, seen => {
      if (seen - lastLogged >= 2500 || seen >= n) {
        lastLogged = seen;
        log(`catalog lists ${fmt(seen)} of ${fmt(n)} DataProducts`);
      }
    });
    await waitForCatalog(
      portal,
      'component',
      CONSUMER_COMPONENTS,
      10 * 60_000,
      () => {},
    );
    const catalogCompleteMs = performance.now() - startedAt;
    log(
      `catalog complete ${fmt(
        catalogCompleteMs / 1000,
        0,
      )} s after the backend started`,
    );
    const quiet = await waitForQuiet(portal, startedAt, {
      minUptimeMs: 70_000,
      maxShare: 0.1,
      timeoutMs: 10 * 60_000,
    });
    log(
      quiet.quiet
        ? `backend quiet (${fmt(quiet.share * 100, 0)} % of a core over 5 s)`
        : `backend still busy after waiting (${fmt(
            quiet.share * 100,
            0,
          )} % of a core): measuring anyway`,
    );

    // the read model lists what the catalog serves one sync pass later
    const listedMs = await waitForInventory(portal, n, 5 * 60_000);
    log(
      `the inventory lists all ${fmt(n)} products (${fmt(
        listedMs / 1000,
        0,
      )} s)`,
    );
    const api = await apiFigures(portal, n, 5);
    log(
      `GET /products as a service caller: ${fmt(
        api.uncachedP50,
        0,
      )} ms with a catalog read (p50), ${fmt(
        api.cachedP50,
        0,
      )} ms from the 5 s cache; the catalog read alone ${fmt(
        api.catalogReadP50,
        0,
      )} ms`,
    );

    browser = await InventoryBrowser.launch({
      baseUrl: portal.baseUrl,
      executablePath: chromiumPath,
      screenshots: scratch,
    });
    log(`Chromium ${browser.version()}: signing in as the guest`);
    const signedIn = await browser.signIn();
    const measured = async (
      label: string,
      page: Page,
      navigate: () => Promise<unknown>,
    ): Promise<MeasuredLoad> => {
      await navigate();
      const figures = {
        ...(await browser!.measured(page, label.replace(/\W+/g, '-'))),
        // the browser, the backend and whatever else runs here share the
        // cores: the load says how noisy the figure is
        machineLoad: os.loadavg()[0],
      };
      log(
        `${label}: ${fmt(
          figures.renderedMs,
          0,
        )} ms (GET /products sent at ${fmt(
          figures.api.startMs,
          0,
        )} ms, took ${fmt(figures.api.durationMs, 0)} ms; painted ${fmt(
          figures.afterApiMs,
          0,
        )} ms after it; ${figures.rows} rows; load ${fmt(
          figures.machineLoad,
          2,
        )})`,
      );
      return figures;
    };
    const goto = (page: Page) => () =>
      page.goto('/data-products', { waitUntil: 'commit' });
    const reload = (page: Page) => () => page.reload({ waitUntil: 'commit' });

    // a warm-up: the first cold load of this browser (not counted)
    await sleep(CATALOG_CACHE_TTL_MS + 1000);
    const firstContext = await browser.newContext(signedIn);
    const firstPage = await firstContext.newPage();
    const firstLoad = await measured(
      'warm-up load (not counted)',
      firstPage,
      goto(firstPage),
    );
    await firstContext.close();

    const loads: Record<Series, MeasuredLoad[]> = {
      cold: [],
      warm: [],
      warmCached: [],
    };
    for (let k = 1; k <= runs; k++) {
      await sleep(CATALOG_CACHE_TTL_MS + 1000);
      const context = await browser.newContext(signedIn);
      try {
        const page = await context.newPage();
        loads.cold.push(
          await measured(`run ${k}/${runs} cold`, page, goto(page)),
        );
        await sleep(CATALOG_CACHE_TTL_MS + 1000);
        loads.warm.push(
          await measured(`run ${k}/${runs} warm`, page, reload(page)),
        );
        loads.warmCached.push(
          await measured(
            `run ${k}/${runs} warm, cache hit`,
            page,
            reload(page),
          ),
        );
      } finally {
        await context.close();
      }
    }

    const cold = summarize(loads.cold);
    const figures: RenderFigures = {
      n,
      components: CONSUMER_COMPONENTS,
      history,
      runs,
      targetMs: TARGET_RENDER_MS,
      database: database.kind,
      chromium: browser.version(),
      appBuildMs,
      catalogBytes: catalog.bytes,
      backendStartMs: portal.startMs,
      catalogCompleteMs,
      snapshotRows: seeded.rows,
      seedMs: seeded.ms,
      quiet,
      distJsBytes: dist.bytes,
      distJsFiles: dist.files,
      apiJsonBytes: median(loads.cold.map(l => l.api.jsonBytes)),
      apiTransferBytes: median(loads.cold.map(l => l.api.transferBytes)),
      api,
      rowsRendered: loads.cold[0].rows,
      totalShown: loads.cold[0].total,
      apiCallsBeforeRender: loads.cold[0].apiCallsBeforeRender,
      firstLoad,
      cold,
      warm: summarize(loads.warm),
      warmCached: summarize(loads.warmCached),
      verdict: cold.p50 <= TARGET_RENDER_MS ? 'meets' : 'misses',
      loads,
      totalMs: 0,
    };
    figures.totalMs = performance.now() - t0;
    succeeded = true;
    return figures;
  } catch (error) {
    // the backend's log and any screenshot stay for a look
    log(`kept ${path.relative(ROOT, scratch)} (backend.log, app-build.log)`);
    throw error;
  } finally {
    await browser?.close().catch(() => {});
    await portal?.stop();
    if (!keep && succeeded)
      fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** The lines `yarn bench inventory` prints for the render. */
export function renderSummaryLines(f: RenderFigures): string[] {
  const line = (s: Series) => {
    const x = f[s];
    return `${SERIES_LABEL[s]}: p50 ${fmt(x.p50, 0)} ms, max ${fmt(
      x.max,
      0,
    )} ms; GET /products sent at ${fmt(x.apiStartP50, 0)} ms, took ${fmt(
      x.apiDurationP50,
      0,
    )} ms (max ${fmt(x.apiDurationMax, 0)}), painted ${fmt(
      x.afterApiP50,
      0,
    )} ms after it; machine load ${fmt(x.loadP50, 2)} (max ${fmt(
      x.loadMax,
      2,
    )})`;
  };
  return [
    `first render of /data-products with ${fmt(f.n)} products (${
      f.database
    }, Chromium ${f.chromium}, ${f.runs} runs each; p50 and max):`,
    `  ${line('cold')}`,
    `  ${line('warm')}`,
    `  ${line('warmCached')}`,
    `  first visit (the warm-up load, not counted): ${fmt(
      f.firstLoad.renderedMs,
      0,
    )} ms, machine load ${fmt(f.firstLoad.machineLoad, 2)}`,
    `  JS loaded before the render (cold): ${fmt(
      f.cold.jsFilesP50,
    )} files, ${kb(f.cold.jsTransferP50)} transferred (${kb(
      f.cold.jsDecodedP50,
    )} unpacked; ${fmt(f.cold.lazyJsFilesP50)} of them lazy chunks, ${kb(
      f.cold.lazyJsDecodedP50,
    )} unpacked); GET /products JSON ${kb(f.apiJsonBytes)} (${kb(
      f.apiTransferBytes,
    )} transferred)`,
    `  GET /products alone (service caller): ${fmt(
      f.api.uncachedP50,
      0,
    )} ms with its catalog read, ${fmt(
      f.api.cachedP50,
      0,
    )} ms within the 5 s cache; reading the ${fmt(
      f.n,
    )} DataProducts from the catalog ${fmt(f.api.catalogReadP50, 0)} ms`,
    `first render, cold p50: ${fmt(f.cold.p50, 0)} ms, max ${fmt(
      f.cold.max,
      0,
    )} ms (target <= ${fmt(f.targetMs)} ms: ${f.verdict}); warm p50 ${fmt(
      f.warm.p50,
      0,
    )} ms, max ${fmt(f.warm.max, 0)} ms`,
  ];
}

function firstVisitRow(l: MeasuredLoad): string {
  return `| first visit (warm-up, 1 load, not counted) | **${fmt(
    l.renderedMs,
    0,
  )}** | – | ${fmt(l.domContentLoadedMs, 0)} | ${fmt(l.api.startMs, 0)} | ${fmt(
    l.api.durationMs,
    0,
  )} | ${fmt(l.afterApiMs, 0)} (${fmt(l.longTasksAfterApiMs, 0)}) | ${fmt(
    l.dataInDomMs,
    0,
  )} | ${fmt(l.js.files)} · ${kb(l.js.transferBytes)} | ${fmt(
    l.machineLoad,
    2,
  )} |`;
}

function seriesRow(label: string, x: SeriesSummary): string {
  return `| ${label} | **${fmt(x.p50, 0)}** | ${fmt(x.max, 0)} | ${fmt(
    x.domContentLoadedP50,
    0,
  )} | ${fmt(x.apiStartP50, 0)} | ${fmt(x.apiDurationP50, 0)} / ${fmt(
    x.apiDurationMax,
    0,
  )} | ${fmt(x.afterApiP50, 0)} (${fmt(x.longTasksAfterApiP50, 0)}) | ${fmt(
    x.dataInDomP50,
    0,
  )} | ${fmt(x.jsFilesP50, 0)} · ${kb(x.jsTransferP50)} | ${fmt(
    x.loadP50,
    2,
  )} / ${fmt(x.loadMax, 2)} |`;
}

export function writeRenderReport(f: RenderFigures) {
  const c = f.cold;
  const lines = [
    '# Benchmark: first render of the inventory page',
    '',
    `\`/data-products\` in headless Chromium ${
      f.chromium
    } (playwright-core driving the system's Chromium, viewport 1440×1000, as the e2e suite launches it) against a real portal on this machine: the production build of packages/app (\`backstage-cli package build\`, ${fmt(
      f.appBuildMs / 1000,
      0,
    )} s, made afresh by the benchmark) served by packages/backend (run from source with NODE_ENV=production; @backstage/plugin-app-backend serves the build and injects the config) with its catalog, auth (guest), permission and data-products plugins, on ${
      f.database === 'PostgreSQL'
        ? 'scratch PostgreSQL 15 databases (created and dropped)'
        : 'scratch SQLite files'
    } and a port of its own. The catalog read ${fmt(
      f.n,
    )} synthetic DataProducts (bench/lib/synthetic.ts, with the API benchmark's spread of states) and ${fmt(
      f.components,
    )} Components depending on them (0–8 consumers per product) from YAML files (${mib(
      f.catalogBytes,
    )}), and listed them all ${fmt(
      f.catalogCompleteMs / 1000,
      0,
    )} s after the backend was started. Scores: ${
      f.history
    } daily scorecard snapshots per product, 5 % without any (${fmt(
      f.snapshotRows,
    )} rows), written into the plugin's \`scorecard_snapshots\` table. Every request the page makes is answered by the real backend; nothing is stubbed.`,
    '',
    `**First render** is the time from the start of the navigation to the paint of the first table row and of the summary tiles, both: a MutationObserver installed before the app's first script (\`page.addInitScript\`) notes when a product link in the table and the tiles' "Products" total are in the DOM and marks both for the Element Timing API, which reports when their text was painted. The measured navigation is a direct load of \`/data-products\`; the guest signed in beforehand, in another browser context whose cookies and local storage each run starts from, so signing in is not in the time (restoring the session, as a returning user's browser does, is). ${f.runs} runs of:`,
    '',
    "- **cold**: a new browser context (empty HTTP cache), 6 s after the previous load: past the inventory API's 5 s freshness of the caller's catalog read but within its 60 s stale-while-revalidate window, so GET /products answers from that read and refreshes it in the background, as for a user returning within a minute (a first visit, which reads every DataProduct from the catalog, is the warm-up load below);",
    '- **warm**: a reload in the same context (scripts from the HTTP cache), also 6 s after the previous load (stale read served, refreshed in the background);',
    '- **warm, cache hit**: a second reload at once, answered from the catalog read of the reload before.',
    '',
    'Times in ms since the navigation started (p50 over the runs; max where said):',
    '',
    '| load | first render p50 | first render max | DOMContentLoaded | GET /products sent at | GET /products took, p50 / max | response to paint (in long tasks) | data in the DOM | JS loaded before the render (files · transferred) | machine load (1-min average), p50 / max |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    firstVisitRow(f.firstLoad),
    seriesRow('cold', f.cold),
    seriesRow('warm (reload)', f.warm),
    seriesRow('warm, cache hit (reload at once)', f.warmCached),
    '',
    `**First render, cold: p50 ${fmt(c.p50, 0)} ms, max ${fmt(
      c.max,
      0,
    )} ms** (target ≤ ${fmt(f.targetMs)} ms: ${f.verdict}); warm: p50 ${fmt(
      f.warm.p50,
      0,
    )} ms, max ${fmt(
      f.warm.max,
      0,
    )} ms; warm with the catalog cache hit: p50 ${fmt(
      f.warmCached.p50,
      0,
    )} ms.`,
    '',
    '## Where the time goes',
    '',
    `A cold load spends about ${fmt(
      c.apiStartP50,
      0,
    )} ms loading and starting the app (${fmt(c.jsFilesP50)} JS files, ${kb(
      c.jsTransferP50,
    )} over the wire, ${kb(c.jsDecodedP50)} unpacked, of which ${fmt(
      c.lazyJsFilesP50,
    )} lazy chunks with ${kb(
      c.lazyJsDecodedP50,
    )} and the rest the entry named in index.html; restoring the guest session) before it sends GET /products, ${fmt(
      c.apiDurationP50,
      0,
    )} ms waiting for it, and ${fmt(
      c.afterApiP50,
      0,
    )} ms from the response to the paint (${fmt(
      c.longTasksAfterApiP50,
      0,
    )} ms of it in long tasks: script, style and layout of the tiles and the ${
      f.rowsRendered
    } rows of the table). A reload saves most of the first part; the catalog cache hit saves most of the second. The machine load beside each figure is the 1-minute load average of this 2-core machine, which the browser, the backend, PostgreSQL and any other work share: above 2, the figures include waiting for a core.`,
    '',
    `GET /products on its own, as a service caller (${
      f.api.samples
    } samples): ${fmt(f.api.uncachedP50, 0)} ms (p50, max ${fmt(
      f.api.uncachedMax,
      0,
    )}) when the caller's catalog read is over 5 s old (served stale while it is refreshed; the max is a sample that had to wait for the read), ${fmt(
      f.api.cachedP50,
      0,
    )} ms within it. Reading the ${fmt(
      f.n,
    )} DataProducts from the catalog over HTTP alone (the fields the inventory asks for, 500 a page by cursor, as the catalog client streams them) takes ${fmt(
      f.api.catalogReadP50,
      0,
    )} ms: most of an uncached request. The API benchmark (inventory.md) reads an in-process catalog, which is why its uncached figures are lower; its p95 is for requests within the 5 s cache.`,
    '',
    `The page showed ${f.rowsRendered} rows (the default page) and a total of ${
      f.totalShown
    } products. Before the render it called ${f.apiCallsBeforeRender
      .map(call => `\`${call}\``)
      .join(', ')}. The GET /products JSON was ${kb(f.apiJsonBytes)} (${kb(
      f.apiTransferBytes,
    )} transferred${
      f.apiTransferBytes < f.apiJsonBytes / 2 ? ', compressed' : ''
    }). The build holds ${f.distJsFiles} JS files, ${mib(
      f.distJsBytes,
    )} in all, lazy chunks included. The warm-up load before the runs (the browser's first, not counted) rendered in ${fmt(
      f.firstLoad.renderedMs,
      0,
    )} ms.`,
    '',
    '## What is real and what is arranged',
    '',
    "- Real: the app build, the backend and its plugins over HTTP on a local port, the guest session, permission checks through the permission backend, the catalog read with the user's credentials, the snapshot reads, Chromium.",
    `- Arranged so that the figures are of the page rather than of background work on a ${cores()}-core machine that the browser, the backend and PostgreSQL share: the catalog processes its locations once (\`catalog.processingInterval\` 24 h instead of the demo's 1 minute), search indexing is postponed (\`search.collators.catalog.schedule\`, initial delay 24 h), scoring and lifecycle notifications are off (\`stockroom.scoring.enabled: false\`: the seeded snapshots are the scores) and the contract-history task runs once a day. The runs began after the backend had been up 70 s and ${
      f.quiet.quiet
        ? `used under 10 % of a core (${fmt(
            f.quiet.share * 100,
            0,
          )} % over 5 s)`
        : `had not got quiet (${fmt(
            f.quiet.share * 100,
            0,
          )} % of a core): the figures include background work`
    }.`,
    "- Not like a deployment: the user's browser and the backend share two cores here, and the network is localhost (no latency, no bandwidth limit).",
    '',
    `The whole render benchmark (build, catalog, runs) took ${fmt(
      f.totalMs / 1000,
      0,
    )} s.`,
    '',
    `Machine: ${Object.entries(machineFacts())
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    '',
  ];
  writeReport('inventory-render', lines.join('\n'), f);
}

if (require.main === module) {
  measureInventoryRender()
    .then(figures => {
      for (const line of renderSummaryLines(figures)) console.log(line);
      writeRenderReport(figures);
      process.exit(0);
    })
    .catch(error => {
      console.error(error);
      process.exit(1);
    });
}
