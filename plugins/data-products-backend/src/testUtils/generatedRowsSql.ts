export interface GeneratedRowsSql {
  /**
   * A timestamp column's value from an SQL expression in epoch ms, as each
   * database holds it: timestamptz on PostgreSQL, the number on SQLite
   * (how knex stores Dates there).
   */
  time(epochMsExpression: string): string;
  /** A subquery of rows `i` = 0 … count − 1 to INSERT … SELECT from. */
  series(count: number): string;
}

/**
 * SQL fragments to generate many rows inside the database, so that seeding
 * 100,000s of runs takes a statement instead of a round trip each. Counts
 * are whole numbers the caller chose, never input.
 */
export function generatedRowsSql(postgres: boolean): GeneratedRowsSql {
  return {
    time: ms => (postgres ? `to_timestamp((${ms}) / 1000.0)` : `(${ms})`),
    series: count => {
      if (!Number.isSafeInteger(count) || count < 1) {
        throw new Error(
          `series: count must be a whole number ≥ 1, got ${count}`,
        );
      }
      return postgres
        ? `SELECT generate_series(0, ${count - 1}) AS i`
        : `WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i + 1 < ${count}) SELECT i FROM s`;
    },
  };
}
