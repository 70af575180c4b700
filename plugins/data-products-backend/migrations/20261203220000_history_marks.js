// @ts-check

/**
 * How far each product's past daily snapshots were computed from its runs
 * (dataproduct-spec.md "history from the start"): runs recorded after the
 * mark may change past days, so the history backfill recomputes the days
 * their windows touch. A product without a mark has never been backfilled:
 * its whole history (up to 90 days) is computed.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('history_marks', table => {
    table.comment(
      'Per product: runs recorded up to when its history was computed',
    );
    table.string('entity_ref', 512).primary().comment('the DataProduct');
    table
      .timestamp('runs_recorded_through', { useTz: true })
      .notNullable()
      .comment('runs recorded after this may change past daily snapshots');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('history_marks');
};
