// @ts-check

/**
 * Contract history and drift incidents.
 *
 * `contract_versions`: one row per distinct contract a product has published
 * (as normalized by the rule engine), written by the scheduled task
 * `data-products-contract-history` when the contract's fingerprint changes.
 * Unique on (entity_ref, fingerprint), so a task run that overlaps another
 * cannot record the same contract twice.
 *
 * `drift_incidents`: one row per distinct drift, unique on its dedupe key, so
 * an incident is opened once however often the task sees it. Kinds:
 * `breaking-change-without-major` (a breaking contract change published
 * without the version bump it needs); observed-schema drift comes later.
 *
 * JSON goes in text columns: the same on SQLite and PostgreSQL, and nothing
 * queries inside it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('contract_versions', table => {
    table.comment('Each distinct contract a data product has published');
    table.increments('id');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('the data product, e.g. dataproduct:default/orders');
    table
      .string('version', 64)
      .nullable()
      .comment('spec.version of the product when this contract was recorded');
    table
      .string('fingerprint', 128)
      .notNullable()
      .comment('contractFingerprint of the normalized contract');
    table
      .string('previous_fingerprint', 128)
      .nullable()
      .comment(
        'the fingerprint this contract replaced; null on the first sighting',
      );
    table
      .text('contract')
      .notNullable()
      .comment('the normalized contract, JSON');
    table
      .text('changes')
      .notNullable()
      .comment(
        'JSON array of classified changes against previous_fingerprint; [] on the first sighting',
      );
    table
      .string('verdict', 32)
      .nullable()
      .comment(
        'ok, needs-major or needs-new-entity for the changes; null on the first sighting',
      );
    table
      .timestamp('recorded_at', { useTz: true })
      .notNullable()
      .comment('when the task saw this contract become current');
    table.unique(['entity_ref', 'fingerprint'], {
      indexName: 'contract_versions_entity_fingerprint_uq',
    });
    // History of one product, newest first; and the latest per product.
    table.index(
      ['entity_ref', 'recorded_at'],
      'contract_versions_entity_recorded_idx',
    );
  });

  await knex.schema.createTable('drift_incidents', table => {
    table.comment('Drift incidents, each opened once per distinct drift');
    table.increments('id');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('the data product the incident is about');
    table
      .string('kind', 64)
      .notNullable()
      .comment('breaking-change-without-major (more kinds to come)');
    // kind|product ref|fingerprint before|fingerprint after: well under 512.
    table
      .string('dedupe_key', 512)
      .notNullable()
      .unique({ indexName: 'drift_incidents_dedupe_key_uq' })
      .comment('identifies the drift, so it opens one incident');
    table
      .timestamp('opened_at', { useTz: true })
      .notNullable()
      .comment('when the task opened it');
    table
      .text('details')
      .notNullable()
      .comment('JSON: versions, fingerprints, verdict and the changes');
    // A product's incidents newest first; the stability score counts them
    // per product and quarter.
    table.index(
      ['entity_ref', 'opened_at'],
      'drift_incidents_entity_opened_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('drift_incidents');
  await knex.schema.dropTable('contract_versions');
};
