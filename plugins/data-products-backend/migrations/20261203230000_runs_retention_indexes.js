// @ts-check

/**
 * Indexes the runs retention (the task data-products-runs-retention, see
 * docs/operations.md "Runs retention") reads by, so a pruning pass at
 * millions of runs walks an index from the oldest rows instead of reading
 * whole tables:
 *
 * - `runs.finished_at` across products (the existing index leads with
 *   entity_ref), and `runs.event_time` of runs never finished (partial:
 *   open runs are few);
 * - `runs.run_id` and `quality_checks.run_id`: whether any product still
 *   keeps a row of an OpenLineage run before its events go (the unique
 *   indexes lead with entity_ref, which a lookup by run id cannot use);
 * - `quality_checks.observed_at` across products, for checks of a product
 *   run that has no run row.
 *
 * On PostgreSQL each CREATE INDEX holds writes to its table while it is
 * built (seconds per million rows); see docs/operations.md "Upgrading".
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('runs', table => {
    table.index(['finished_at'], 'runs_finished_idx');
    table.index(['event_time'], 'runs_open_event_time_idx', {
      predicate: knex.whereNull('finished_at'),
    });
    table.index(['run_id'], 'runs_run_id_idx');
  });
  await knex.schema.alterTable('quality_checks', table => {
    table.index(['run_id'], 'quality_checks_run_id_idx');
    table.index(['observed_at'], 'quality_checks_observed_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('quality_checks', table => {
    table.dropIndex(['observed_at'], 'quality_checks_observed_idx');
    table.dropIndex(['run_id'], 'quality_checks_run_id_idx');
  });
  await knex.schema.alterTable('runs', table => {
    table.dropIndex(['run_id'], 'runs_run_id_idx');
    table.dropIndex(['event_time'], 'runs_open_event_time_idx');
    table.dropIndex(['finished_at'], 'runs_finished_idx');
  });
};
