// @ts-check

/**
 * One row per lifecycle notice already delivered. The scheduled task claims a
 * row (by its unique dedupe key) in the same transaction that sends the
 * notice, so a notice goes out once across every backend instance, and a
 * failed send leaves no row behind and is retried on the next run.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('notifications_sent', table => {
    table.comment('Lifecycle notices already sent, for once-only delivery');
    // kind|product|recipient|defining date: refs are at most ~190 characters
    // each, so 512 leaves room without running into index size limits.
    table
      .string('dedupe_key', 512)
      .primary()
      .comment(
        'notice kind, product ref, recipient ref and the date that defines the notice',
      );
    table
      .string('notice_kind', 32)
      .notNullable()
      .comment('expiring, expired or deprecated');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('the data product the notice is about');
    table
      .string('recipient', 255)
      .notNullable()
      .comment('the entity ref the notice was sent to, usually a group');
    table
      .timestamp('sent_at', { useTz: true })
      .notNullable()
      .comment('when the task that sent it ran');
    // Operators reset notices per product (docs/operations.md).
    table.index(['entity_ref'], 'notifications_sent_entity_ref_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('notifications_sent');
};
