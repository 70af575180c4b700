import knexFactory, { Knex } from 'knex';
import fs from 'node:fs';
import path from 'node:path';

export interface BenchDatabase {
  name: 'SQLite' | 'PostgreSQL';
  knex: Knex;
  /** A DatabaseService as the plugin's stores take it. */
  service: { getClient(): Promise<Knex>; migrations: { skip: boolean } };
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
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
  });
  return {
    name: 'SQLite',
    knex,
    service: service(knex),
    close: async () => {
      await knex.destroy();
      fs.rmSync(file, { force: true });
    },
  };
}

/** A scratch PostgreSQL database, dropped afterwards; undefined if none answers. */
export async function postgresDatabase(label: string): Promise<BenchDatabase | undefined> {
  const admin = knexFactory({ client: 'pg', connection: PG, pool: { min: 0, max: 1 } });
  const name = `stockroom_bench_${label}_${process.pid}`;
  try {
    await admin.raw(`DROP DATABASE IF EXISTS ${name}`);
    await admin.raw(`CREATE DATABASE ${name}`);
  } catch (e) {
    await admin.destroy();
    console.log(`PostgreSQL not reachable at ${PG.replace(/\/\/[^@]*@/, '//…@')}: ${(e as Error).message}`);
    return undefined;
  }
  const url = new URL(PG);
  url.pathname = `/${name}`;
  const knex = knexFactory({ client: 'pg', connection: url.toString(), pool: { min: 0, max: 10 } });
  return {
    name: 'PostgreSQL',
    knex,
    service: service(knex),
    close: async () => {
      await knex.destroy();
      await admin.raw(`DROP DATABASE IF EXISTS ${name}`);
      await admin.destroy();
    },
  };
}

/** Samples RSS while `work` runs and returns the peak in MiB. */
export async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ result: T; peakMiB: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakMiB: peak / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}
