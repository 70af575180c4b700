import {
  createMonthPartitions,
  monthsBetween,
} from '@stockroom/plugin-data-products-backend/testUtils';
import type { BenchDatabase } from './databases';

const HOUR = 3600_000;
const COLUMNS = '{"id":{"nullCount":0,"distinctCount":10000}}';

/**
 * `runs` runs per product, one every `everyMs` back from now, lag 10–49
 * min, 1 in 500 failed; every run recorded a day ago; on PostgreSQL each
 * in the month partition of its start (created first, as the retention
 * task keeps them), and the table vacuumed and analysed afterwards. Products
 * `firstProduct` (0 by default) to `products − 1`.
 */
export async function seedRuns(
  db: BenchDatabase,
  now: Date,
  shape: {
    products: number;
    runs: number;
    everyMs: number;
    firstProduct?: number;
    /** PostgreSQL: create the months' partitions first (default); without, the rows land in the default partition. */
    partitions?: boolean;
  },
) {
  const first = shape.firstProduct ?? 0;
  const { knex } = db;
  const nowMs = now.getTime();
  const recordedMs = nowMs - 24 * HOUR;
  if (db.name === 'PostgreSQL') {
    const oldest = new Date(nowMs - shape.runs * shape.everyMs - 2 * HOUR);
    if (shape.partitions ?? true) {
      await createMonthPartitions(knex, monthsBetween(oldest, now));
    }
    await knex.raw(
      `INSERT INTO runs (entity_ref, run_id, dataset_key, status, event_time, started_at, finished_at, watermark, row_count, columns, recorded_at, run_month)
       SELECT 'dataproduct:default/product-' || p, 'run-' || r, 'bench://warehouse/t' || p,
              CASE WHEN (p * 7 + r) % 500 = 0 THEN 'failed' ELSE 'success' END,
              ts, ts - interval '1 minute', ts, ts - interval '1 minute' * (10 + (p + r) % 40),
              10000, ?, to_timestamp(? / 1000.0),
              date_trunc('month', (ts - interval '1 minute') AT TIME ZONE 'UTC')::date
       FROM generate_series(?::int, ? - 1) p, generate_series(0, ? - 1) r,
            LATERAL (SELECT to_timestamp(? / 1000.0) - interval '1 millisecond' * (?::float8 * r) - interval '1 minute' AS ts) t`,
      [
        COLUMNS,
        recordedMs,
        first,
        shape.products,
        shape.runs,
        nowMs,
        shape.everyMs,
      ],
    );
    // As a table that grew over months is: vacuumed (hint bits set, the
    // visibility map built) and analysed. Without it the first pass that
    // reads the fresh rows pays for setting hint bits on every one, and
    // autovacuum runs in the middle of the measurement.
    await knex.raw('VACUUM ANALYZE runs');
  } else {
    // epoch milliseconds, as knex stores Dates in SQLite
    await knex.raw(
      `WITH RECURSIVE p(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM p WHERE i + 1 < ?),
                      r(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM r WHERE j + 1 < ?)
       INSERT INTO runs (entity_ref, run_id, dataset_key, status, event_time, started_at, finished_at, watermark, row_count, columns, recorded_at)
       SELECT 'dataproduct:default/product-' || i, 'run-' || j, 'bench://warehouse/t' || i,
              CASE WHEN (i * 7 + j) % 500 = 0 THEN 'failed' ELSE 'success' END,
              ? - j * ? - 60000, ? - j * ? - 120000, ? - j * ? - 60000,
              ? - j * ? - 60000 - (10 + (i + j) % 40) * 60000,
              10000, ?, ?
       FROM p, r`,
      [
        first,
        shape.products,
        shape.runs,
        nowMs,
        shape.everyMs,
        nowMs,
        shape.everyMs,
        nowMs,
        shape.everyMs,
        nowMs,
        shape.everyMs,
        COLUMNS,
        recordedMs,
      ],
    );
    await knex.raw('ANALYZE');
  }
}
