import knexFactory, { Knex } from 'knex';
import fs from 'node:fs';
import path from 'node:path';
import { option } from './report';

export interface BenchDatabase {
  name: 'SQLite' | 'PostgreSQL';
  knex: Knex;
  /** A DatabaseService as the plugin's stores take it. */
  service: { getClient(): Promise<Knex>; migrations: { skip: boolean } };
  /**
   * `backend.database` for a real backend (Backstage's own DatabaseManager):
   * the `data-products` plugin in this very database, every other plugin
   * (catalog, permission, …) in a companion database removed by close().
   */
  backendConfig: Record<string, unknown>;
  close(): Promise<void>;
}

const PG =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';

function service(knex: Knex) {
  return { getClient: async () => knex, migrations: { skip: false } };
}

/** A fresh file-backed SQLite database under bench/.scratch (as `yarn start` uses). */
export async function sqliteDatabase(label: string): Promise<BenchDatabase> {
  const dir = path.resolve(__dirname, '..', '.scratch');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${label}-${process.pid}.sqlite`);
  fs.rmSync(file, { force: true });
  const companions = path.join(dir, `${label}-${process.pid}-plugins`);
  fs.rmSync(companions, { recursive: true, force: true });
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
  });
  return {
    name: 'SQLite',
    knex,
    service: service(knex),
    // one file per plugin, as `yarn start` has it
    backendConfig: {
      client: 'better-sqlite3',
      connection: { directory: companions },
      plugin: {
        'data-products': {
          connection: { directory: dir, filename: path.basename(file) },
        },
      },
    },
    close: async () => {
      await knex.destroy();
      fs.rmSync(file, { force: true });
      fs.rmSync(companions, { recursive: true, force: true });
    },
  };
}

/** A scratch PostgreSQL database, dropped afterwards; undefined if none answers. */
export async function postgresDatabase(
  label: string,
): Promise<BenchDatabase | undefined> {
  const admin = knexFactory({
    client: 'pg',
    connection: PG,
    pool: { min: 0, max: 1 },
  });
  const name = `stockroom_bench_${label}_${process.pid}`;
  try {
    await admin.raw(`DROP DATABASE IF EXISTS ${name}`);
    await admin.raw(`CREATE DATABASE ${name}`);
  } catch (e) {
    await admin.destroy();
    console.log(
      `PostgreSQL not reachable at ${PG.replace(/\/\/[^@]*@/, '//…@')}: ${
        (e as Error).message
      }`,
    );
    return undefined;
  }
  const url = new URL(PG);
  url.pathname = `/${name}`;
  const knex = knexFactory({
    client: 'pg',
    connection: url.toString(),
    pool: { min: 0, max: 10 },
  });
  const server = new URL(PG);
  return {
    name: 'PostgreSQL',
    knex,
    service: service(knex),
    backendConfig: {
      client: 'pg',
      connection: {
        host: server.hostname,
        port: Number(server.port || 5432),
        user: decodeURIComponent(server.username || 'postgres'),
        ...(server.password
          ? { password: decodeURIComponent(server.password) }
          : {}),
      },
      // the catalog's, the permission backend's, …: stockroom_bench_<label>_<pid>_<plugin>
      prefix: `${name}_`,
      plugin: { 'data-products': { connection: { database: name } } },
    },
    close: async () => {
      await knex.destroy();
      const { rows } = await admin.raw(
        `SELECT datname FROM pg_database WHERE datname = ? OR starts_with(datname, ?)`,
        [name, `${name}_`],
      );
      for (const { datname } of rows as { datname: string }[]) {
        // FORCE: a real backend's pools may still hold idle connections
        await admin.raw(`DROP DATABASE IF EXISTS ?? WITH (FORCE)`, [datname]);
      }
      await admin.destroy();
    },
  };
}

/** Samples RSS while `work` runs and returns the peak in MiB. */
export async function withPeakMemory<T>(
  work: () => Promise<T>,
): Promise<{ result: T; peakMiB: number }> {
  // memoryUsage.rss() reads only the RSS: cheaper than memoryUsage() every 50 ms
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, peakMiB: peak / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

/**
 * The databases `--db postgresql|sqlite|all` names (`fallback` without the
 * flag); an unknown name runs PostgreSQL.
 */
export function databasesOption(
  fallback: 'postgresql' | 'sqlite' | 'all',
): Array<(label: string) => Promise<BenchDatabase | undefined>> {
  const choices = {
    postgresql: [postgresDatabase],
    sqlite: [sqliteDatabase],
    all: [postgresDatabase, sqliteDatabase],
  };
  const name = option('db', fallback) as keyof typeof choices;
  return choices[name] ?? [postgresDatabase];
}
