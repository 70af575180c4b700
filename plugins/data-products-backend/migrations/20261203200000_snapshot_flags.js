// @ts-check

/**
 * The supply-chain flags of a scorecard snapshot (dataproduct-spec.md
 * "Supply chain"), in columns of their own beside the scores: the inventory
 * lists and filters them from the latest snapshots without reading the
 * evidence JSON, where the figures behind them are. Null: not known, or a
 * snapshot taken before they were computed.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('scorecard_snapshots', table => {
    table
      .boolean('fragile')
      .nullable()
      .comment('P95 lead time over target and high volatility');
    table
      .boolean('tier_at_risk')
      .nullable()
      .comment('freshness or reliability ≤ 2 every day of the last 14');
    table
      .boolean('budget_exhausted')
      .nullable()
      .comment('the p95 or p99 error budget is spent');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('scorecard_snapshots', table => {
    table.dropColumn('fragile');
    table.dropColumn('tier_at_risk');
    table.dropColumn('budget_exhausted');
  });
};
