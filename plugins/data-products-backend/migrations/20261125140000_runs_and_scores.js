// @ts-check

/**
 * Pipeline runs, observed schemas and scorecard snapshots.
 *
 * `runs`: one row per run of a data product, whatever reported it (native
 * batches or OpenLineage events). Unique on (entity_ref, run_id), which is
 * what makes ingestion idempotent: a START opens the row, the COMPLETE or
 * FAIL of the same run closes it, and anything after that is a duplicate.
 *
 * `observed_schemas`: the schema a run reported for the product's dataset, so
 * drift against the contract can be detected. One per run.
 *
 * `scorecard_snapshots`: the scorecard as computed at `taken_at`, one column
 * per dimension (null = unknown) so trends and the inventory read plain
 * columns; the evidence behind each score is kept as JSON.
 *
 * JSON goes in text columns: the same on SQLite and PostgreSQL, and nothing
 * queries inside it. Timestamps are UTC (timestamptz on PostgreSQL).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('runs', table => {
    table.comment('Pipeline runs of data products, one row per run');
    table.bigIncrements('id');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('the data product, e.g. dataproduct:default/orders');
    table
      .string('run_id', 255)
      .notNullable()
      .comment('the pipeline run id (OpenLineage run.runId or native runId)');
    table
      .string('dataset_key', 512)
      .nullable()
      .comment(
        'the OpenLineage dataset (namespace/name) the run wrote; null for native reports',
      );
    table
      .string('status', 16)
      .notNullable()
      .comment('running, success or failed');
    table
      .timestamp('event_time', { useTz: true })
      .notNullable()
      .comment('time of the event (or report) that last changed the row');
    table.timestamp('started_at', { useTz: true }).nullable();
    table
      .timestamp('finished_at', { useTz: true })
      .nullable()
      .comment('null while the run is open');
    table
      .timestamp('watermark', { useTz: true })
      .nullable()
      .comment('how current the data is, e.g. nominalEndTime');
    table.bigInteger('row_count').nullable();
    table
      .text('columns')
      .nullable()
      .comment('JSON: per-column null and distinct counts');
    table.text('error_message').nullable();
    table
      .timestamp('recorded_at', { useTz: true })
      .notNullable()
      .comment(
        'when this row was last written; the scoring task looks for rows newer than a snapshot',
      );
    table.unique(['entity_ref', 'run_id'], {
      indexName: 'runs_entity_run_uq',
    });
    // A product's runs in a window, newest first.
    table.index(['entity_ref', 'finished_at'], 'runs_entity_finished_idx');
    // Which products have new runs since a time (incremental scoring).
    table.index(['recorded_at'], 'runs_recorded_idx');
  });

  await knex.schema.createTable('observed_schemas', table => {
    table.comment('Schemas that runs reported for data products');
    table.bigIncrements('id');
    table.string('entity_ref', 255).notNullable();
    table.string('run_id', 255).notNullable();
    table.timestamp('observed_at', { useTz: true }).notNullable();
    table
      .text('schema')
      .notNullable()
      .comment('JSON: the fields as the run reported them');
    table
      .string('fingerprint', 128)
      .notNullable()
      .comment('sha256 of the canonical schema JSON, to spot changes cheaply');
    table.unique(['entity_ref', 'run_id'], {
      indexName: 'observed_schemas_entity_run_uq',
    });
    table.index(
      ['entity_ref', 'observed_at'],
      'observed_schemas_entity_observed_idx',
    );
  });

  await knex.schema.createTable('scorecard_snapshots', table => {
    table.comment('Scorecards as computed, for the latest view and trends');
    table.bigIncrements('id');
    table.string('entity_ref', 255).notNullable();
    table.timestamp('taken_at', { useTz: true }).notNullable();
    table
      .double('overall')
      .nullable()
      .comment('mean of the known dimensions, one decimal; null if none known');
    for (const dimension of [
      'freshness',
      'reliability',
      'quality',
      'stability',
      'contract',
      'ownership',
      'reuse',
    ]) {
      table
        .smallint(dimension)
        .nullable()
        .comment(`${dimension} score 1-5; null = unknown`);
    }
    table
      .text('evidence')
      .notNullable()
      .comment('JSON: per dimension the measured numbers behind the score');
    table
      .text('window')
      .notNullable()
      .comment('JSON: { from, to, runs } of the scoring window');
    // The latest snapshot of a product, and its history in a range.
    table.index(
      ['entity_ref', 'taken_at'],
      'scorecard_snapshots_entity_taken_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scorecard_snapshots');
  await knex.schema.dropTable('observed_schemas');
  await knex.schema.dropTable('runs');
};
