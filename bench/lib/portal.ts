/*
 * A real Stockroom portal for the browser benchmarks: packages/backend (run
 * from source, as `backstage-cli package start` runs it, without the file
 * watcher) serving the production build of packages/app through
 * @backstage/plugin-app-backend, on a port of its own, with a scratch
 * database and a catalog of N synthetic DataProducts read from YAML files
 * under bench/.scratch/ — no demo replay, no stubbed endpoint.
 *
 * Everything started here runs in its own process group and is stopped
 * (SIGTERM, then SIGKILL) by `stop()`, on SIGINT/SIGTERM/SIGHUP and on exit.
 */
import { ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  DataProductEntityV1alpha1,
  addCalendarDays,
  formatIsoDate,
} from '@stockroom/plugin-data-products-common';
import knexFactory, { Knex } from 'knex';
import { stringify } from 'yaml';
import { syntheticDataProduct, syntheticSnapshotRows } from './synthetic';
import { openStores } from '@stockroom/plugin-data-products-backend/testUtils';

export const ROOT = path.resolve(__dirname, '..', '..');
const PG_BASE =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';

// ------------------------------------------------------------- processes

const groups = new Set<ChildProcess>();
let exitHooked = false;

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is gone already
  }
}

function running(child: ChildProcess) {
  return child.exitCode === null && child.signalCode === null;
}

/** Stops a process group: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopGroup(child: ChildProcess, graceMs = 15_000) {
  if (running(child)) {
    const exited = new Promise<void>(resolve => child.once('exit', resolve));
    killGroup(child, 'SIGTERM');
    await Promise.race([exited, new Promise(r => setTimeout(r, graceMs))]);
  }
  // children of the leader may outlive it for a moment: the whole group goes
  killGroup(child, 'SIGKILL');
  groups.delete(child);
}

/**
 * Spawns `command` in a process group of its own, remembered so that an
 * interrupted benchmark leaves nothing running.
 */
export function spawnGroup(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string },
): ChildProcess {
  if (!exitHooked) {
    exitHooked = true;
    process.once('exit', () => {
      for (const child of groups) killGroup(child, 'SIGKILL');
    });
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.once(signal, () => {
        console.error(`${signal}: stopping what the benchmark started`);
        for (const child of groups) killGroup(child, 'SIGTERM');
        setTimeout(() => process.exit(130), 2000);
      });
    }
  }
  const log = fs.openSync(options.logFile, 'a');
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  groups.add(child);
  child.once('exit', () => groups.delete(child));
  return child;
}

/** Runs a command in its own process group; resolves with its exit code. */
export async function runGroup(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string },
  timeoutMs: number,
): Promise<number> {
  const child = spawnGroup(command, args, options);
  const code = await new Promise<number>(resolve => {
    const timer = setTimeout(() => {
      stopGroup(child, 5000).then(() => resolve(124));
    }, timeoutMs);
    child.once('exit', (c, signal) => {
      clearTimeout(timer);
      resolve(c ?? (signal ? 1 : 0));
    });
  });
  return code;
}

export function tail(file: string, lines = 40): string {
  try {
    return fs
      .readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .slice(-lines)
      .join('\n');
  } catch {
    return '(no log)';
  }
}

export function portTaken(port: number): Promise<boolean> {
  const probe = (host: string) =>
    new Promise<boolean>(resolve => {
      const socket = net.connect({ host, port, timeout: 1000 });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
    });
  return probe('127.0.0.1').then(v => v || probe('::1'));
}

/** CPU seconds (user + system) a process has used, from /proc. */
function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[11] and [12] are utime and stime (14th and 15th of the line)
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

// --------------------------------------------------------------- catalog

/**
 * Authored DataProduct i (bench/lib/synthetic.ts) with the same spread of
 * states the API benchmark gives its products, dated from `today`: views
 * renewed 0–149 days ago (current, expiring and expired), every 13th
 * product deprecated, every 29th a draft.
 */
export function benchProduct(
  i: number,
  today: Date,
): DataProductEntityV1alpha1 {
  const product = syntheticDataProduct(i);
  const spec = product.spec;
  if (spec.category === 'convenience-view') {
    spec.lifecycle = {
      stage: 'active',
      createdOn: '2026-01-10',
      renewedOn: formatIsoDate(addCalendarDays(today, -(i % 150))),
    };
  } else if (i % 13 === 0) {
    spec.lifecycle = {
      ...spec.lifecycle,
      stage: 'deprecated',
      sunsetOn: formatIsoDate(addCalendarDays(today, 126)),
      successor: `dataproduct:default/product-${i + 1}`,
    };
  } else if (i % 29 === 0) {
    spec.lifecycle = { ...spec.lifecycle, stage: 'draft' };
  }
  return product;
}

/**
 * Component j of 1,000 consumers: product i is a dependency of components
 * (i + c) mod 1000 for c < i mod 9 (0–8 consumers, 4 on average), as the
 * API benchmark's relations are; declared as `spec.dependsOn`, so the
 * catalog makes the `dependencyOf` relations the inventory counts.
 */
function benchComponent(j: number, n: number) {
  const dependsOn: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = (j - i) % 1000;
    const offset = c < 0 ? c + 1000 : c;
    if (offset < i % 9) dependsOn.push(`dataproduct:product-${i}`);
  }
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `service-${j}`,
      title: `Service ${j}`,
      description: `Synthetic consumer number ${j}.`,
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: `group:team-${j % 50}`,
      dependsOn,
    },
  };
}

export const CONSUMER_COMPONENTS = 1000;

/**
 * Writes the catalog as YAML: a Location (all.yaml) with one target file per
 * 500 entities. Returns the Location file and the byte size written.
 */
export function writeCatalog(
  dir: string,
  n: number,
  today: Date,
): { location: string; bytes: number; files: number } {
  fs.mkdirSync(dir, { recursive: true });
  const targets: string[] = [];
  let bytes = 0;
  const write = (name: string, docs: object[]) => {
    const text = docs.map(doc => stringify(doc)).join('---\n');
    fs.writeFileSync(path.join(dir, name), text);
    bytes += Buffer.byteLength(text);
    targets.push(`./${name}`);
  };
  for (let from = 0; from < n; from += 500) {
    const docs = [];
    for (let i = from; i < Math.min(n, from + 500); i++) {
      docs.push(benchProduct(i, today));
    }
    write(`products-${String(from / 500).padStart(3, '0')}.yaml`, docs);
  }
  for (let from = 0; from < CONSUMER_COMPONENTS; from += 250) {
    const docs = [];
    for (let j = from; j < from + 250; j++) docs.push(benchComponent(j, n));
    write(`components-${String(from / 250).padStart(3, '0')}.yaml`, docs);
  }
  const location = path.join(dir, 'all.yaml');
  fs.writeFileSync(
    location,
    stringify({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Location',
      metadata: {
        name: 'stockroom-bench',
        description: 'Synthetic inventory',
      },
      spec: { targets },
    }),
  );
  return { location, bytes, files: targets.length };
}

// ------------------------------------------------------------- database

export type PortalDatabase =
  | { kind: 'PostgreSQL'; prefix: string; url: string }
  | { kind: 'SQLite'; directory: string };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Scratch databases of earlier runs that were killed before cleaning up. */
async function dropStaleDatabases(admin: Knex) {
  const { rows } = await admin.raw(
    "select datname from pg_database where datname like 'stockroom\\_render\\_%'",
  );
  for (const { datname } of rows as { datname: string }[]) {
    const pid = Number(/^stockroom_render_(\d+)_/.exec(datname)?.[1]);
    if (pid && pid !== process.pid && !alive(pid)) {
      await admin.raw('drop database if exists ?? with (force)', [datname]);
    }
  }
}

/** PostgreSQL when it answers (each plugin a scratch database), else SQLite files. */
export async function chooseDatabase(
  scratch: string,
  prefer: 'postgres' | 'sqlite',
): Promise<PortalDatabase> {
  if (prefer === 'postgres') {
    const admin = knexFactory({
      client: 'pg',
      connection: PG_BASE,
      pool: { min: 0, max: 1 },
    });
    try {
      await admin.raw('select 1');
      await dropStaleDatabases(admin);
      return {
        kind: 'PostgreSQL',
        prefix: `stockroom_render_${process.pid}_`,
        url: PG_BASE,
      };
    } catch (error) {
      console.log(
        `PostgreSQL not reachable (${
          (error as Error).message
        }): the portal runs on SQLite`,
      );
    } finally {
      await admin.destroy();
    }
  }
  return { kind: 'SQLite', directory: path.join(scratch, 'sqlite') };
}

/** A knex client on the data-products plugin's own database. */
function pluginKnex(database: PortalDatabase, pluginId: string): Knex {
  if (database.kind === 'PostgreSQL') {
    const url = new URL(database.url);
    url.pathname = `/${database.prefix}${pluginId}`;
    return knexFactory({
      client: 'pg',
      connection: url.toString(),
      pool: { min: 0, max: 2 },
    });
  }
  return knexFactory({
    client: 'better-sqlite3',
    connection: {
      filename: path.join(database.directory, `${pluginId}.sqlite`),
    },
    useNullAsDefault: true,
  });
}

async function dropDatabases(database: PortalDatabase) {
  if (database.kind === 'SQLite') {
    fs.rmSync(database.directory, { recursive: true, force: true });
    return;
  }
  const admin = knexFactory({
    client: 'pg',
    connection: database.url,
    pool: { min: 0, max: 1 },
  });
  try {
    const { rows } = await admin.raw(
      'select datname from pg_database where starts_with(datname, ?)',
      [database.prefix],
    );
    for (const { datname } of rows as { datname: string }[]) {
      await admin.raw('drop database if exists ?? with (force)', [datname]);
    }
  } finally {
    await admin.destroy();
  }
}

/**
 * H daily scorecard snapshots per product (the newest 2 hours ago), 5 %
 * without any, scores as the API benchmark seeds them; written straight
 * into the plugin's `scorecard_snapshots` table, as the scoring task would.
 */
export async function seedSnapshots(
  database: PortalDatabase,
  n: number,
  history: number,
  now: Date,
): Promise<{ rows: number; ms: number }> {
  const knex = pluginKnex(database, 'data-products');
  const start = performance.now();
  let count = 0;
  try {
    const chunk = database.kind === 'SQLite' ? 250 : 1000;
    let rows: Record<string, unknown>[] = [];
    const flush = async () => {
      if (rows.length) await knex('scorecard_snapshots').insert(rows);
      count += rows.length;
      rows = [];
    };
    for (const row of syntheticSnapshotRows({
      n,
      history,
      now,
      hoursBeforeNow: 2,
    })) {
      rows.push(row);
      if (rows.length >= chunk) await flush();
    }
    await flush();
    // written around the store: latest_scores (what the inventory's read
    // model lists) caught up as after an upgrade, through the store
    const { scorecardSnapshots } = await openStores({
      getClient: async () => knex,
      migrations: { skip: true },
    } as never);
    await scorecardSnapshots.reconcileLatestScores();
    if (database.kind === 'PostgreSQL') {
      await knex.raw('analyze scorecard_snapshots');
      await knex.raw('analyze latest_scores');
    }
  } finally {
    await knex.destroy();
  }
  return { rows: count, ms: performance.now() - start };
}

// --------------------------------------------------------------- portal

export interface Portal {
  baseUrl: string;
  backendPid: number;
  /** A static token the backend accepts (externalAccess), for polling. */
  token: string;
  database: PortalDatabase;
  logFile: string;
  /** Milliseconds from spawn to the readiness endpoint answering. */
  startMs: number;
  /** GET JSON from the backend with the static token. */
  get<T>(pathname: string): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Starts packages/backend from source with app-config.yaml and one extra
 * config file: its own port (app and backend on one origin, the app-backend
 * serving packages/app/dist with this config injected), the scratch
 * database, the synthetic catalog as its only location, and the background
 * work that would compete with the measurement parked (see the report).
 */
export async function startPortal(options: {
  scratch: string;
  port: number;
  location: string;
  database: PortalDatabase;
  timeoutMs: number;
}): Promise<Portal> {
  const { scratch, port, location, database } = options;
  const baseUrl = `http://localhost:${port}`;
  const token = crypto.randomBytes(24).toString('hex');
  const configFile = path.join(scratch, 'app-config.bench.yaml');
  const logFile = path.join(scratch, 'backend.log');
  fs.writeFileSync(
    configFile,
    `# written by bench/lib/portal.ts: the portal of \`yarn bench inventory\`\n${stringify(
      {
        app: { baseUrl },
        backend: {
          baseUrl,
          listen: { port, host: '127.0.0.1' },
          cors: { origin: baseUrl },
          auth: {
            externalAccess: [
              {
                type: 'static',
                options: { token, subject: 'stockroom-bench' },
              },
            ],
          },
          database:
            database.kind === 'PostgreSQL'
              ? {
                  client: 'pg',
                  // a string replaces app-config.yaml's connection object
                  connection: database.url,
                  prefix: database.prefix,
                }
              : {
                  client: 'better-sqlite3',
                  connection: { directory: database.directory },
                },
        },
        auth: {
          providers: {
            // the backend runs with NODE_ENV=production, as deployed
            guest: { dangerouslyAllowOutsideDevelopment: true },
          },
        },
        catalog: {
          // read once: no reprocessing loop competing with the measurement
          processingInterval: { hours: 24 },
          locations: [{ type: 'file', target: location }],
        },
        search: {
          collators: {
            catalog: {
              // indexing 11,000 entities waits until after the benchmark
              schedule: {
                frequency: { hours: 24 },
                timeout: { minutes: 15 },
                initialDelay: { hours: 24 },
              },
            },
          },
        },
        stockroom: {
          // the seeded snapshots are the scores; nothing rescoring them
          scoring: { enabled: false },
          lifecycle: { notifications: { enabled: false } },
          contracts: { history: { frequency: { hours: 24 } } },
        },
      },
    )}`,
  );
  fs.writeFileSync(logFile, '');

  const transform = require.resolve('@backstage/cli/config/nodeTransform.cjs');
  const backendDir = path.join(ROOT, 'packages', 'backend');
  const started = performance.now();
  const child = spawnGroup(
    process.execPath,
    [
      '--require',
      transform,
      path.join(backendDir, 'src', 'index.ts'),
      '--config',
      path.join(ROOT, 'app-config.yaml'),
      '--config',
      configFile,
    ],
    {
      cwd: backendDir,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
        FORCE_COLOR: '0',
      },
      logFile,
    },
  );
  const portal: Portal = {
    baseUrl,
    backendPid: child.pid!,
    token,
    database,
    logFile,
    startMs: 0,
    async get<T>(pathname: string) {
      const response = await fetch(`${baseUrl}${pathname}`, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(120_000),
      });
      if (!response.ok) {
        throw new Error(
          `GET ${pathname}: ${response.status} ${await response.text()}`,
        );
      }
      return (await response.json()) as T;
    },
    async stop() {
      await stopGroup(child);
      for (let i = 0; i < 20 && (await portTaken(port)); i++) {
        await new Promise(r => setTimeout(r, 250));
      }
      await dropDatabases(database).catch(error =>
        console.error(`could not drop the scratch databases: ${error}`),
      );
    },
  };

  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (!running(child)) {
      await portal.stop();
      throw new Error(
        `the backend exited (${
          child.exitCode ?? child.signalCode
        }) before it was ready; last lines of ${path.relative(
          ROOT,
          logFile,
        )}:\n${tail(logFile)}`,
      );
    }
    try {
      const response = await fetch(
        `${baseUrl}/.backstage/health/v1/readiness`,
        { signal: AbortSignal.timeout(5000) },
      );
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await portal.stop();
      throw new Error(
        `the backend did not get ready within ${Math.round(
          options.timeoutMs / 1000,
        )} s; last lines of its log:\n${tail(logFile)}`,
      );
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  portal.startMs = performance.now() - started;
  return portal;
}

/** Polls the catalog until it lists `count` entities of `kind`. */
export async function waitForCatalog(
  portal: Portal,
  kind: string,
  count: number,
  timeoutMs: number,
  progress: (seen: number) => void,
): Promise<number> {
  const started = performance.now();
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  for (;;) {
    const { totalItems } = await portal.get<{ totalItems: number }>(
      `/api/catalog/entities/by-query?filter=kind=${kind}&limit=1`,
    );
    if (totalItems !== last) {
      progress(totalItems);
      last = totalItems;
    }
    if (totalItems >= count) return performance.now() - started;
    if (Date.now() > deadline) {
      throw new Error(
        `the catalog listed ${totalItems} of ${count} ${kind} entities after ${Math.round(
          timeoutMs / 1000,
        )} s`,
      );
    }
    await new Promise(r => setTimeout(r, 3000));
  }
}

/**
 * Waits until the backend has been up `minUptimeMs` (its scheduled tasks'
 * first runs, 1 minute after start, have begun) and then uses less than
 * `maxShare` of one core over a 5 s window: the catalog's processing and
 * stitching, and those first runs, are over. Returns whether it got quiet.
 */
export async function waitForQuiet(
  portal: Portal,
  startedAt: number,
  options: { minUptimeMs: number; maxShare: number; timeoutMs: number },
): Promise<{ quiet: boolean; share: number; waitedMs: number }> {
  const begin = performance.now();
  const uptime = performance.now() - startedAt;
  if (uptime < options.minUptimeMs) {
    await new Promise(r => setTimeout(r, options.minUptimeMs - uptime));
  }
  const deadline = performance.now() + options.timeoutMs;
  let share = 1;
  for (;;) {
    const before = cpuSeconds(portal.backendPid);
    await new Promise(r => setTimeout(r, 5000));
    const after = cpuSeconds(portal.backendPid);
    if (before === undefined || after === undefined) {
      return { quiet: false, share: NaN, waitedMs: performance.now() - begin };
    }
    share = (after - before) / 5;
    if (share <= options.maxShare) {
      return { quiet: true, share, waitedMs: performance.now() - begin };
    }
    if (performance.now() > deadline) {
      return { quiet: false, share, waitedMs: performance.now() - begin };
    }
  }
}

/**
 * bench/.scratch/<label>-<pid>, fresh; folders of earlier runs whose process
 * is gone are removed.
 */
export function scratchDir(label: string): string {
  const parent = path.join(ROOT, 'bench', '.scratch');
  if (fs.existsSync(parent)) {
    for (const name of fs.readdirSync(parent)) {
      const pid = Number(name.slice(label.length + 1));
      if (name.startsWith(`${label}-`) && pid && !alive(pid)) {
        fs.rmSync(path.join(parent, name), { recursive: true, force: true });
      }
    }
  }
  const dir = path.join(parent, `${label}-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export const cores = () => os.cpus().length;
