// @ts-check

/**
 * Failed deliveries of once-only messages (alerts) waiting to be retried:
 * how often each failed and when it may be tried again. In the database
 * rather than one instance's memory, so a restart, or the task moving to
 * another instance, neither grants a failing alert a new round of attempts
 * nor forgets when it may be tried again. A row goes once the message is
 * sent, given up, or no longer due.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('delivery_attempts', table => {
    table.comment('Failed once-only deliveries waiting to be retried');
    table
      .string('dedupe_key', 512)
      .primary()
      .comment('the message, as notifications_sent.dedupe_key');
    table.integer('attempts').notNullable().comment('failed attempts so far');
    table
      .timestamp('retry_at', { useTz: true })
      .notNullable()
      .comment('the message is not tried again before this');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('delivery_attempts');
};
