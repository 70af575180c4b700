import { Knex } from 'knex';
import { listTables } from '../testUtils/listTables';

/**
 * Rows of every table in the plugin's database, one query per table: the
 * plugin's own tables, whatever migrations added them, and the scheduler's.
 */
export async function rowCountsOfEveryTable(
  knex: Knex,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await listTables(knex)) {
    const [row] = await knex(table).count({ n: '*' });
    counts[table] = Number(row.n);
  }
  return counts;
}
