// @ts-check

/**
 * The products a run read: its OpenLineage inputs mapped to DataProducts
 * when the run was accumulated, so lead time (dataproduct-spec.md "Supply
 * chain") follows what the run actually read rather than the declared
 * lineage. Null for native reports and runs whose inputs are no product.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('runs', table => {
    table
      .text('input_products')
      .nullable()
      .comment(
        'JSON: entity refs of the products the run read (OpenLineage inputs)',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('runs', table => {
    table.dropColumn('input_products');
  });
};
