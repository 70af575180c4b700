import { Knex } from 'knex';

/**
 * Rows of every table in the plugin's database, one query per table: the
 * plugin's own tables, whatever migrations added them, and the scheduler's.
 */
export async function rowCountsOfEveryTable(
  knex: Knex,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await tablesOf(knex)) {
    const [row] = await knex(table).count({ n: '*' });
    counts[table] = Number(row.n);
  }
  return counts;
}

async function tablesOf(knex: Knex): Promise<string[]> {
  if (knex.client.config.client === 'pg') {
    // Partitions (of `runs`) are counted through their parent table.
    const { rows } = await knex.raw(
      `SELECT c.relname AS table_name
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema()
          AND c.relkind IN ('r', 'p')
          AND NOT c.relispartition`,
    );
    return rows.map((r: { table_name: string }) => r.table_name).sort();
  }
  const rows = await knex('sqlite_master')
    .where({ type: 'table' })
    .andWhereNot('name', 'like', 'sqlite_%')
    .select('name');
  return rows.map((r: { name: string }) => r.name).sort();
}
