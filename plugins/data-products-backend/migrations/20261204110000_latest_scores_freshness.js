// @ts-check

/**
 * `latest_scores.freshness_evidence`: the freshness part of the latest snapshot's
 * evidence (JSON text), written with the snapshot, so the inventory's
 * "Freshness vs cost" reads it with the page instead of parsing each
 * snapshot's whole evidence (tens of kilobytes, mostly supply chain). NULL
 * where it is not known here (rows caught up from the scores alone); the
 * inventory then reads the snapshot as before.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('latest_scores', table => {
    table
      .text('freshness_evidence')
      .nullable()
      .comment('evidence.freshness of the snapshot, JSON; null: not read');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('latest_scores', table => {
    table.dropColumn('freshness_evidence');
  });
};
