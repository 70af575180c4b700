/*
 * What ingestion wrote, found without knowing the store's schema (it is
 * being rewritten): the tables of the plugin's database that gained rows,
 * less those of Backstage itself and of the plugin's scheduled jobs.
 */
import type { Knex } from 'knex';
import { listTables as listPluginTables } from '@stockroom/plugin-data-products-backend/testUtils';
import type { BenchDatabase } from './databases';

/** Tables that are not ingestion's even when they grow during a phase. */
const NOT_INGESTION = [
  /^knex_/,
  /^backstage_/, // the scheduler's tasks, the auth service's keys
  /^bench_/, // this benchmark's own ceiling tables
  /^contract_versions$/, // the contract history job
  /^drift_incidents$/,
  /^notifications_sent$/, // the lifecycle and alert jobs
  /^scorecard_snapshots$/, // the scoring task
];

export async function listTables(db: BenchDatabase): Promise<string[]> {
  return listPluginTables(db.knex);
}

export async function rowCounts(
  db: BenchDatabase,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const table of await listTables(db)) {
    const [{ n }] = await db.knex(table).count({ n: '*' });
    counts.set(table, Number(n));
  }
  return counts;
}

/** Tables that gained rows between two counts, with how many, ingestion's only. */
export function grown(before: Map<string, number>, after: Map<string, number>) {
  const result: { table: string; added: number }[] = [];
  for (const [table, n] of after) {
    const added = n - (before.get(table) ?? 0);
    if (added > 0 && !NOT_INGESTION.some(re => re.test(table))) {
      result.push({ table, added });
    }
  }
  return result;
}

/**
 * Tables in an order that inserts a referenced row before the rows that
 * reference it (and deletes the other way round).
 */
async function referenceOrder(
  db: BenchDatabase,
  tables: string[],
): Promise<string[]> {
  const refs = new Map<string, Set<string>>(tables.map(t => [t, new Set()]));
  for (const table of tables) {
    const targets: string[] =
      db.name === 'PostgreSQL'
        ? (
            await db.knex.raw(
              `SELECT DISTINCT ccu.table_name AS target
               FROM information_schema.table_constraints tc
               JOIN information_schema.constraint_column_usage ccu
                 ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
               WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_name = ?
                 AND tc.table_schema = current_schema()`,
              [table],
            )
          ).rows.map((r: { target: string }) => r.target)
        : (await db.knex.raw(`PRAGMA foreign_key_list(??)`, [table])).map(
            (r: { table: string }) => r.table,
          );
    for (const target of targets)
      if (target !== table && refs.has(target)) refs.get(table)!.add(target);
  }
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const target of refs.get(table)!) visit(target, path);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

/** Empties the tables (children first). */
export async function clearTables(db: BenchDatabase, tables: string[]) {
  if (tables.length === 0) return;
  if (db.name === 'PostgreSQL') {
    await db.knex.raw(`TRUNCATE ${tables.map(() => '??').join(', ')}`, tables);
    return;
  }
  for (const table of (await referenceOrder(db, tables)).reverse())
    await db.knex(table).delete();
}

/** JSON columns of a PostgreSQL table: pg returns them parsed, knex must get them as text. */
async function jsonColumns(knex: Knex, table: string): Promise<string[]> {
  const { rows } = await knex.raw(
    `SELECT column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = ? AND data_type IN ('json', 'jsonb')`,
    [table],
  );
  return rows.map((r: { column_name: string }) => r.column_name);
}

/**
 * The batched case's ceiling: the very rows ingestion stored in `tables`,
 * read, deleted, and written again by plain multi-row INSERTs in one
 * transaction (referenced tables first). Returns the seconds the INSERTs took.
 */
export async function rewriteRows(db: BenchDatabase, tables: string[]) {
  const { knex } = db;
  const ordered = await referenceOrder(db, tables);
  const data: { table: string; rows: Record<string, unknown>[] }[] = [];
  for (const table of ordered) {
    const rows: Record<string, unknown>[] = await knex(table).select();
    const json = db.name === 'PostgreSQL' ? await jsonColumns(knex, table) : [];
    for (const row of rows) {
      for (const column of json) {
        if (row[column] !== null) row[column] = JSON.stringify(row[column]);
      }
    }
    data.push({ table, rows });
  }
  await clearTables(db, ordered);
  const chunk = db.name === 'SQLite' ? 500 : 1000;
  const start = process.hrtime.bigint();
  await knex.transaction(async tx => {
    for (const { table, rows } of data) {
      // SQLite allows at most 32,766 bound values per statement
      const columns = Math.max(1, Object.keys(rows[0] ?? {}).length);
      const size =
        db.name === 'SQLite'
          ? Math.min(chunk, Math.floor(32_000 / columns))
          : chunk;
      for (let i = 0; i < rows.length; i += size)
        await tx(table).insert(rows.slice(i, i + size));
    }
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds, rows: data.reduce((n, d) => n + d.rows.length, 0) };
}
