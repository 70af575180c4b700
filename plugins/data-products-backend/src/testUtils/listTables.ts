import { Knex } from 'knex';

/**
 * The tables of a database's current schema (PostgreSQL) or file (SQLite),
 * sorted, for tests and benchmarks that count or copy every table's rows.
 * Partitions (of `runs`) are left out: they are read and written through
 * their parent, and counting both would count their rows twice.
 */
export async function listTables(knex: Knex): Promise<string[]> {
  if (String(knex.client.config.client).includes('sqlite')) {
    const rows: Array<{ name: string }> = await knex.raw(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
    );
    return rows.map(row => row.name).sort();
  }
  const { rows } = await knex.raw(
    `SELECT c.relname AS name
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema()
        AND c.relkind IN ('r', 'p')
        AND NOT c.relispartition`,
  );
  return (rows as Array<{ name: string }>).map(row => row.name).sort();
}
