/**
 * Owns the table `notifications_sent`: no other module reads or writes it.
 */
import { Knex } from 'knex';
import { NotificationLogStore, SentNotification } from './NotificationLogStore';

const TABLE = 'notifications_sent';

type Row = {
  dedupe_key: string;
  notice_kind: string;
  entity_ref: string;
  recipient: string;
  sent_at: Date | string | number;
};

/** {@link NotificationLogStore} on the plugin's knex database (SQLite or PostgreSQL). */
export class KnexNotificationLogStore implements NotificationLogStore {
  constructor(private readonly db: Knex) {}

  async claim(
    notice: SentNotification,
    deliver: () => Promise<void>,
  ): Promise<boolean> {
    // The claim is committed BEFORE delivering, never held open across it:
    // delivery is an HTTP call to the notifications backend, which verifies
    // our token against this plugin's keys in this same database — with
    // SQLite's single connection an open transaction here would deadlock it.
    // A committed unique key still makes exactly one claimant deliver.
    const inserted = await this.db<Row>(TABLE)
      .insert({
        dedupe_key: notice.dedupeKey,
        notice_kind: notice.kind,
        entity_ref: notice.entityRef,
        recipient: notice.recipient,
        sent_at: notice.sentAt,
      })
      .onConflict('dedupe_key')
      .ignore()
      .returning('dedupe_key');
    if (inserted.length === 0) {
      return false;
    }
    try {
      await deliver();
    } catch (error) {
      // Release the claim so the notice stays due and is retried next run.
      await this.db<Row>(TABLE).where('dedupe_key', notice.dedupeKey).delete();
      throw error;
    }
    return true;
  }

  async list(options?: { entityRef?: string }): Promise<SentNotification[]> {
    const query = this.db<Row>(TABLE).orderBy([
      { column: 'sent_at', order: 'asc' },
      { column: 'dedupe_key', order: 'asc' },
    ]);
    if (options?.entityRef) {
      query.where('entity_ref', options.entityRef);
    }
    const rows = await query;
    return rows.map(row => ({
      dedupeKey: row.dedupe_key,
      kind: row.notice_kind,
      entityRef: row.entity_ref,
      recipient: row.recipient,
      // PostgreSQL returns a Date, SQLite the stored epoch milliseconds.
      sentAt: new Date(row.sent_at),
    }));
  }
}
