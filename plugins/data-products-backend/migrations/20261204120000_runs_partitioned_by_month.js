// @ts-check

/**
 * `runs.run_month`: the first day (UTC) of the month a run began — its
 * start, or the time of the first record of it — fixed when the run is
 * first stored and never changed after.
 *
 * On PostgreSQL `runs` becomes a table partitioned by RANGE (run_month):
 * one partition per month (`runs_mYYYYMM`, created ahead by the runs
 * retention task) and a default partition (`runs_default`) for rows of
 * months without one. The retention then drops a month whole once every
 * run in it has expired, instead of deleting its rows one by one
 * (docs/operations.md "Runs retention").
 *
 * A unique constraint on a partitioned table must hold the partition key,
 * so the one that makes ingestion idempotent becomes (entity_ref, run_id,
 * run_month); ingestion looks a stored run's month up under the per-run
 * lock before it writes (src/database/runMonths.ts), so a run still has one
 * row. The primary key becomes (id, run_month); ids stay unique, drawn from
 * the same sequence.
 *
 * Existing rows are copied into the partitioned table, with a partition for
 * every month they hold: a rewrite of the table under an exclusive lock, in
 * one transaction (docs/operations.md "Upgrading").
 *
 * On SQLite the column is added and nothing else changes: SQLite has no
 * partitions, and the retention deletes rows there.
 *
 * Rows written without a month (straight inserts by hand or by old code)
 * get 1970-01: the default partition, pruned row by row.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (!isPostgres(knex)) {
    await knex.schema.alterTable('runs', table => {
      table
        .date('run_month')
        .nullable()
        .comment('first day (UTC) of the month the run began');
    });
    return;
  }
  await knex.raw('ALTER TABLE runs RENAME TO runs_unpartitioned');
  await knex.raw(
    `CREATE TABLE runs (
       LIKE runs_unpartitioned INCLUDING DEFAULTS INCLUDING COMMENTS,
       run_month date NOT NULL DEFAULT DATE '1970-01-01'
     ) PARTITION BY RANGE (run_month)`,
  );
  await knex.raw(
    `COMMENT ON TABLE runs IS 'Pipeline runs of data products, one row per run, partitioned by the month each began'`,
  );
  await knex.raw(
    `COMMENT ON COLUMN runs.run_month IS 'first day (UTC) of the month the run began; the partition key'`,
  );
  await knex.raw('CREATE TABLE runs_default PARTITION OF runs DEFAULT');

  const monthOfOldRow = `date_trunc('month', COALESCE(started_at, finished_at, event_time) AT TIME ZONE 'UTC')::date`;
  const { rows: months } = await knex.raw(
    `SELECT DISTINCT to_char(${monthOfOldRow}, 'YYYY-MM-DD') AS month FROM runs_unpartitioned`,
  );
  for (const { month } of months) {
    await createMonthPartition(knex, month);
  }
  await knex.raw(
    `INSERT INTO runs SELECT old.*, ${monthOfOldRow} FROM runs_unpartitioned AS old`,
  );
  await takeOverIdSequence(knex, 'runs_unpartitioned');
  await knex.raw('DROP TABLE runs_unpartitioned');
  await knex.raw('ALTER TABLE runs ADD PRIMARY KEY (id, run_month)');
  await createRunIndexes(knex, ['entity_ref', 'run_id', 'run_month']);
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (!isPostgres(knex)) {
    await knex.schema.alterTable('runs', table => {
      table.dropColumn('run_month');
    });
    return;
  }
  await knex.raw('ALTER TABLE runs RENAME TO runs_partitioned');
  await knex.raw(
    'CREATE TABLE runs (LIKE runs_partitioned INCLUDING DEFAULTS INCLUDING COMMENTS)',
  );
  await knex.raw('INSERT INTO runs SELECT * FROM runs_partitioned');
  await knex.raw('ALTER TABLE runs DROP COLUMN run_month');
  await takeOverIdSequence(knex, 'runs_partitioned');
  await knex.raw('DROP TABLE runs_partitioned CASCADE');
  await knex.raw('ALTER TABLE runs ADD PRIMARY KEY (id)');
  await createRunIndexes(knex, ['entity_ref', 'run_id']);
};

/** @param {import('knex').Knex} knex */
function isPostgres(knex) {
  return !String(knex.client.config.client).includes('sqlite');
}

/**
 * The month partition for `month` ('YYYY-MM-01'), named as
 * src/database/runMonths.ts names it.
 *
 * @param {import('knex').Knex} knex
 * @param {string} month
 */
async function createMonthPartition(knex, month) {
  const [year, monthNumber] = month.split('-').map(Number);
  const next = new Date(Date.UTC(year, monthNumber, 1))
    .toISOString()
    .slice(0, 10);
  const name = `runs_m${month.slice(0, 4)}${month.slice(5, 7)}`;
  // DDL takes no bound parameters: the dates, which PostgreSQL formatted
  // just before, are checked and written in.
  for (const date of [month, next]) {
    if (!/^\d{4}-\d{2}-01$/.test(date)) throw new Error(`bad month ${date}`);
  }
  await knex.raw(
    `CREATE TABLE ?? PARTITION OF runs FOR VALUES FROM ('${month}') TO ('${next}')`,
    [name],
  );
}

/**
 * The id sequence belongs to the table being dropped; hand it to the new
 * `runs` first, or it would be dropped with the old table.
 *
 * @param {import('knex').Knex} knex
 * @param {string} oldTable
 */
async function takeOverIdSequence(knex, oldTable) {
  const {
    rows: [{ sequence }],
  } = await knex.raw(`SELECT pg_get_serial_sequence(?, 'id') AS sequence`, [
    oldTable,
  ]);
  await knex.raw(`ALTER SEQUENCE ${sequence} OWNED BY runs.id`);
}

/**
 * The indexes `runs` had before this migration, the unique one over
 * `uniqueColumns`.
 *
 * @param {import('knex').Knex} knex
 * @param {string[]} uniqueColumns
 */
async function createRunIndexes(knex, uniqueColumns) {
  await knex.schema.alterTable('runs', table => {
    table.unique(uniqueColumns, { indexName: 'runs_entity_run_uq' });
    table.index(['entity_ref', 'finished_at'], 'runs_entity_finished_idx');
    table.index(['recorded_at'], 'runs_recorded_idx');
    table.index(['entity_ref', 'status'], 'runs_entity_status_idx');
    table.index(['finished_at'], 'runs_finished_idx');
    table.index(['event_time'], 'runs_open_event_time_idx', {
      predicate: knex.whereNull('finished_at'),
    });
    table.index(['run_id'], 'runs_run_id_idx');
  });
}
