/**
 * `runs.run_month`, the month a run began: the partition key of `runs` on
 * PostgreSQL (migration 20261204120000_runs_partitioned_by_month). It is
 * fixed when a run is first stored, so every later write of the run must
 * carry the stored month: PostgreSQL arbitrates `ON CONFLICT` on a
 * partitioned table only by a unique key that holds the partition key.
 * Writers therefore look the months up (under the per-run lock, which makes
 * the lookup and the write one step) and write with that month.
 */
import { Knex } from 'knex';

const RUNS = 'runs';

/** 'YYYY-MM-01' (UTC) of the month a run began: its start, else `firstSeen`. */
export function runMonthOf(
  startedAt: Date | undefined | null,
  firstSeen: Date,
): string {
  const began = startedAt ?? firstSeen;
  return monthStart(began);
}

/** 'YYYY-MM-01' of the UTC month holding `time`. */
export function monthStart(time: Date): string {
  return `${time.toISOString().slice(0, 7)}-01`;
}

/** 'YYYY-MM-01' of the month `count` months after `month`. */
export function addMonths(month: string, count: number): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return monthStart(new Date(Date.UTC(year, monthNumber - 1 + count, 1)));
}

/** The months ('YYYY-MM-01') from `from`'s to `to`'s, both included. */
export function monthsBetween(from: Date, to: Date): string[] {
  const months: string[] = [];
  const last = monthStart(to);
  for (let month = monthStart(from); month <= last; ) {
    months.push(month);
    month = addMonths(month, 1);
  }
  return months;
}

/** Key of a product run in the maps below. */
export function productRunKey(entityRef: string, runId: string): string {
  return `${entityRef}\u0000${runId}`;
}

/**
 * PostgreSQL: the stored month of each of `runIds`' product runs, by
 * {@link productRunKey}. Call it holding the per-run locks of `runIds`.
 */
export async function storedRunMonths(
  tx: Knex | Knex.Transaction,
  runIds: readonly string[],
): Promise<Map<string, string>> {
  const months = new Map<string, string>();
  if (runIds.length === 0) return months;
  const rows: Array<{ entity_ref: string; run_id: string; month: string }> =
    await tx(RUNS)
      .whereIn('run_id', [...runIds])
      .select(
        'entity_ref',
        'run_id',
        tx.raw(`to_char(run_month, 'YYYY-MM-DD') AS month`),
      );
  for (const row of rows) {
    months.set(productRunKey(row.entity_ref, row.run_id), row.month);
  }
  return months;
}

/**
 * PostgreSQL: the per-run lock that OpenLineage ingestion, native reports
 * and the pruner all take (same key space), in one sorted order so that
 * they cannot deadlock.
 */
export async function lockRuns(
  tx: Knex.Transaction,
  runIds: readonly string[],
): Promise<void> {
  if (runIds.length === 0) return;
  await tx.raw(
    `SELECT pg_advisory_xact_lock(hashtextextended(id, 7401)) FROM (SELECT unnest(?::text[]) AS id ORDER BY 1) AS ids`,
    [[...runIds]],
  );
}
