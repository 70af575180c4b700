// @ts-check

/**
 * The inventory's read model (docs/inventory.md "Read model"), so any
 * replica answers `GET /products` from its database instead of reading the
 * whole catalog per caller:
 *
 * - `inventory_products`: one row per DataProduct the catalog serves, as the
 *   task data-products-inventory-sync last saw it — the columns filters and
 *   sorts read (lower-case match forms, the state on `evaluated_on`) and the
 *   listed facts as JSON. `etag` is the catalog's stitched-entity hash: a
 *   pass re-reads only the products whose etag moved.
 * - `latest_scores`: each product's latest scorecard snapshot, kept by the
 *   snapshot writes in the same transaction (never behind the snapshots).
 *   The sync task's full pass fills in what is missing (e.g. after this
 *   migration).
 * - `inventory_sync`: one row, when the last full pass ended; the API serves
 *   from the read model only once one has.
 *
 * Text that is compared for sorting is compared with the C collation on
 * PostgreSQL (see KnexInventoryReadModel), as JavaScript compares it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('inventory_products', table => {
    table.comment('The inventory read model: DataProducts as last synced');
    table.string('entity_ref', 255).primary();
    table.string('etag', 255).nullable();
    table
      .string('evaluated_on', 10)
      .notNullable()
      .comment('the day (YYYY-MM-DD) state and expires_on were evaluated');
    table.string('name', 255).notNullable();
    table.string('category', 64).nullable();
    table.string('state', 32).notNullable();
    table.string('owner_match', 255).nullable();
    table.string('domain_match', 255).nullable();
    table.string('system_match', 255).nullable();
    table.string('type_match', 255).nullable();
    // apart, not joined: a search matches within one of them, and
    // PostgreSQL text cannot hold the NUL the in-memory form joins them with
    table.text('match_name').notNullable().comment('name, lower case');
    table.text('match_title').notNullable().comment('title, lower case');
    table.string('expires_on', 10).nullable();
    table.double('cost_monthly').nullable();
    table.string('cost_currency', 16).nullable();
    table.string('funded_by', 255).nullable();
    table.string('freshness_tier', 64).nullable();
    table.text('listing').notNullable().comment('the listed facts, JSON');
    table.timestamp('synced_at', { useTz: true }).notNullable();
    table.index(['state'], 'inventory_products_state_idx');
    table.index(['category'], 'inventory_products_category_idx');
  });
  await knex.schema.createTable('latest_scores', table => {
    table.comment(
      'The scores of the latest scorecard snapshot of each product',
    );
    table.string('entity_ref', 255).primary();
    table.timestamp('taken_at', { useTz: true }).notNullable();
    table.double('overall').nullable();
    for (const dimension of [
      'freshness',
      'reliability',
      'quality',
      'stability',
      'contract',
      'ownership',
      'reuse',
    ]) {
      table.double(dimension).nullable();
    }
    table.boolean('breaching').notNullable();
    table.boolean('fragile').nullable();
    table.boolean('tier_at_risk').nullable();
    table.boolean('budget_exhausted').nullable();
    table.index(['overall'], 'latest_scores_overall_idx');
  });
  await knex.schema.createTable('inventory_sync', table => {
    table.comment('When the inventory read model last completed a full pass');
    table.integer('id').primary();
    table.timestamp('full_pass_at', { useTz: true }).notNullable();
    table.string('full_pass_on', 10).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('inventory_sync');
  await knex.schema.dropTable('latest_scores');
  await knex.schema.dropTable('inventory_products');
};
