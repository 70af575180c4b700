// @ts-check

/**
 * Runs accumulated from their OpenLineage events (standards.md "Runs are
 * accumulated by runId").
 *
 * `run_events`: the facts of every OpenLineage event as received, so a run
 * is recomputed from all of its events whenever one more arrives (a late
 * START fills in startedAt, a COMPLETE without outputs closes the run).
 * Unique on (run_id, event_key): re-sending an identical event is a
 * duplicate. `parent_run_id` finds a parent's children when its events
 * arrive after theirs (an Airflow task inherits its DAG run's watermark).
 *
 * `runs` gains the job, the parent run, whether the run streams, and the
 * time of its newest event; `status` may now also be `aborted`.
 *
 * `quality_checks`: a check of a product's dataset by any run (Great
 * Expectations, dbt tests, Soda report on the datasets they read), one per
 * product, run and dataset.
 *
 * `run_samples`: liveness of streaming runs, one per RUNNING event: the gap
 * since the run's previous event.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('run_events', table => {
    table.comment('OpenLineage events as received, for run accumulation');
    table.bigIncrements('id');
    table.string('run_id', 255).notNullable();
    table
      .string('event_key', 64)
      .notNullable()
      .comment('sha256 of the event as received: equal events are duplicates');
    table.string('event_type', 16).notNullable();
    table.timestamp('event_time', { useTz: true }).notNullable();
    table.string('parent_run_id', 255).nullable();
    table
      .timestamp('nominal_end_time', { useTz: true })
      .nullable()
      .comment('run facet nominalTime.nominalEndTime, inherited by children');
    table
      .text('facts')
      .notNullable()
      .comment('JSON: the facts Stockroom reads from the event');
    table.timestamp('recorded_at', { useTz: true }).notNullable();
    table.unique(['run_id', 'event_key'], {
      indexName: 'run_events_run_key_uq',
    });
    table.index(['parent_run_id'], 'run_events_parent_idx');
    table.index(['recorded_at'], 'run_events_recorded_idx');
  });

  await knex.schema.alterTable('runs', table => {
    table.string('job_namespace', 255).nullable();
    table.string('job_name', 255).nullable();
    table.string('parent_run_id', 255).nullable();
    table.string('parent_job_namespace', 255).nullable();
    table.string('parent_job_name', 255).nullable();
    table
      .boolean('streaming')
      .notNullable()
      .defaultTo(false)
      .comment('a streaming job: shown as running, scored by liveness');
    table
      .timestamp('last_event_at', { useTz: true })
      .nullable()
      .comment('time of the newest event of the run');
    // Running runs of a product (streams), newest first.
    table.index(['entity_ref', 'status'], 'runs_entity_status_idx');
  });

  await knex.schema.createTable('quality_checks', table => {
    table.comment('Quality checks of the datasets of products, by any run');
    table.bigIncrements('id');
    table.string('entity_ref', 255).notNullable();
    table.string('run_id', 255).notNullable();
    table.string('dataset_key', 512).notNullable();
    table.timestamp('observed_at', { useTz: true }).notNullable();
    table
      .string('source', 255)
      .notNullable()
      .comment('who checked: Great Expectations, dbt, Soda, or the job');
    table.bigInteger('row_count').nullable();
    table.text('columns').nullable().comment('JSON: per-column counts');
    table
      .text('assertions')
      .nullable()
      .comment('JSON: [{assertion, column?, success}]');
    table.timestamp('recorded_at', { useTz: true }).notNullable();
    table.unique(['entity_ref', 'run_id', 'dataset_key'], {
      indexName: 'quality_checks_entity_run_dataset_uq',
    });
    table.index(['entity_ref', 'observed_at'], 'quality_checks_entity_idx');
  });

  await knex.schema.createTable('run_samples', table => {
    table.comment('Liveness samples of streaming runs');
    table.bigIncrements('id');
    table.string('entity_ref', 255).notNullable();
    table.string('run_id', 255).notNullable();
    table.timestamp('sampled_at', { useTz: true }).notNullable();
    table
      .bigInteger('gap_ms')
      .notNullable()
      .comment('time since the previous event of the run');
    table.unique(['entity_ref', 'run_id', 'sampled_at'], {
      indexName: 'run_samples_uq',
    });
    table.index(['entity_ref', 'sampled_at'], 'run_samples_entity_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('run_samples');
  await knex.schema.dropTable('quality_checks');
  await knex.schema.alterTable('runs', table => {
    table.dropIndex(['entity_ref', 'status'], 'runs_entity_status_idx');
    table.dropColumn('last_event_at');
    table.dropColumn('streaming');
    table.dropColumn('parent_job_name');
    table.dropColumn('parent_job_namespace');
    table.dropColumn('parent_run_id');
    table.dropColumn('job_name');
    table.dropColumn('job_namespace');
  });
  await knex.schema.dropTable('run_events');
};
