/**
 * PostgreSQL only: the month partitions of `runs` (migration
 * 20261204120000_runs_partitioned_by_month). The runs retention task
 * creates the months ahead and detaches months that have wholly expired;
 * pruneRuns.ts then clears what hangs off a detached month and drops it.
 *
 * DDL on the partitioned table waits for a lock on it; `lock_timeout` keeps
 * a pass from queueing every reader and writer behind it when a long query
 * holds the table: the step fails and the next pass tries again.
 *
 * Each step takes the ACCESS EXCLUSIVE lock its DDL needs on `runs` first,
 * before it touches a partition. A weaker lock first and the DDL's after is
 * a lock upgrade, and it deadlocked with ingestion in the replicas test: a
 * writer that had read `runs` (holding ACCESS SHARE on every partition)
 * waited to insert into the partition this step had locked, while the step
 * waited for the writer's ACCESS SHARE. Every query reaches a partition
 * through `runs`, so once `runs` is held nobody holds or wants a partition.
 */
import { Knex } from 'knex';
import { addMonths } from './runMonths';

const RUNS = 'runs';
const DEFAULT_PARTITION = 'runs_default';
const MONTH_PARTITION = /^runs_m(\d{4})(\d{2})$/;
const DDL_LOCK_TIMEOUT = '5s';

/** The name of `month`'s ('YYYY-MM-01') partition: runs_mYYYYMM. */
export function monthPartitionName(month: string): string {
  return `runs_m${month.slice(0, 4)}${month.slice(5, 7)}`;
}

function monthOfPartition(name: string): string | undefined {
  const match = MONTH_PARTITION.exec(name);
  return match ? `${match[1]}-${match[2]}-01` : undefined;
}

export interface MonthPartition {
  name: string;
  /** 'YYYY-MM-01' */
  month: string;
}

/** The month partitions attached to `runs`, oldest first. */
export async function attachedMonthPartitions(
  db: Knex,
): Promise<MonthPartition[]> {
  const { rows } = await db.raw(
    `SELECT child.relname AS name
       FROM pg_inherits
       JOIN pg_class child ON child.oid = pg_inherits.inhrelid
      WHERE pg_inherits.inhparent = ?::regclass`,
    [RUNS],
  );
  return toMonthPartitions(rows);
}

/**
 * Month tables of the current schema that are not attached: months a
 * pass detached and had not finished clearing when it stopped.
 */
export async function detachedMonthPartitions(
  db: Knex,
): Promise<MonthPartition[]> {
  const { rows } = await db.raw(
    `SELECT c.relname AS name
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema()
        AND c.relkind = 'r'
        AND c.relname LIKE 'runs\\_m%'
        AND NOT c.relispartition`,
  );
  return toMonthPartitions(rows);
}

function toMonthPartitions(rows: Array<{ name: string }>): MonthPartition[] {
  return rows
    .flatMap(({ name }) => {
      const month = monthOfPartition(name);
      return month ? [{ name, month }] : [];
    })
    .sort((a, b) => a.month.localeCompare(b.month));
}

/**
 * Creates the partitions of `months` that do not exist. Rows of such a
 * month already in the default partition (written while it had none) are
 * moved into the new one, since PostgreSQL refuses a partition whose range
 * the default partition holds rows of. Returns the names created.
 */
export async function createMonthPartitions(
  db: Knex,
  months: readonly string[],
): Promise<string[]> {
  const existing = new Set(
    (await attachedMonthPartitions(db)).map(partition => partition.month),
  );
  const created: string[] = [];
  for (const month of [...new Set(months)].sort()) {
    if (existing.has(month)) continue;
    const name = monthPartitionName(month);
    const range = [month, addMonths(month, 1)];
    await db.transaction(async tx => {
      await tx.raw(`SET LOCAL lock_timeout = '${DDL_LOCK_TIMEOUT}'`);
      // Also: no row of the month may enter the default partition between
      // the look and the attach.
      await lockRunsTable(tx);
      const stray = await tx(DEFAULT_PARTITION)
        .where('run_month', '>=', range[0])
        .where('run_month', '<', range[1])
        .first(tx.raw('1 AS found'));
      if (!stray) {
        await tx.raw(
          `CREATE TABLE ?? PARTITION OF ?? FOR VALUES ${bounds(range)}`,
          [name, RUNS],
        );
        return;
      }
      await tx.raw(`CREATE TABLE ?? (LIKE ?? INCLUDING DEFAULTS)`, [
        name,
        RUNS,
      ]);
      await tx.raw(
        `WITH moved AS (
           DELETE FROM ?? WHERE run_month >= ? AND run_month < ? RETURNING *
         ) INSERT INTO ?? SELECT * FROM moved`,
        [DEFAULT_PARTITION, ...range, name],
      );
      await tx.raw(
        `ALTER TABLE ?? ATTACH PARTITION ?? FOR VALUES ${bounds(range)}`,
        [RUNS, name],
      );
    });
    created.push(name);
  }
  return created;
}

/** The lock DDL on `runs` takes anyway, taken first (see the top). */
async function lockRunsTable(tx: Knex.Transaction): Promise<void> {
  await tx.raw(`LOCK TABLE ONLY ?? IN ACCESS EXCLUSIVE MODE`, [RUNS]);
}

/**
 * `FROM ('…') TO ('…')` of a month partition. DDL takes no bound
 * parameters, so the bounds are written into the statement: only after
 * checking each is a 'YYYY-MM-01' date this module made.
 */
function bounds([from, to]: string[]): string {
  for (const month of [from, to]) {
    if (!/^\d{4}-\d{2}-01$/.test(month)) {
      throw new Error(`not the first day of a month: ${month}`);
    }
  }
  return `FROM ('${from}') TO ('${to}')`;
}

/**
 * Detaches `partition` if none of its runs is still within the retention
 * (`stillKept` is the condition of a run the retention keeps). Returns
 * whether it did.
 */
export async function detachIfExpired(
  db: Knex,
  partition: MonthPartition,
  stillKept: (query: Knex.QueryBuilder) => Knex.QueryBuilder,
): Promise<boolean> {
  return db.transaction(async tx => {
    await tx.raw(`SET LOCAL lock_timeout = '${DDL_LOCK_TIMEOUT}'`);
    // Also: no run may be renewed between the look and the detach.
    await lockRunsTable(tx);
    const kept = await stillKept(tx(partition.name)).first(
      tx.raw('1 AS found'),
    );
    if (kept) return false;
    await tx.raw(`ALTER TABLE ?? DETACH PARTITION ??`, [RUNS, partition.name]);
    return true;
  });
}
