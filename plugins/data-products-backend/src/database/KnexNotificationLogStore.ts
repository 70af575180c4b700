/**
 * Owns the tables `notifications_sent` and `delivery_attempts`: no other
 * module reads or writes them.
 */
import { Knex } from 'knex';
import { DbTime, toDate } from './dbTime';
import {
  FailedAttempts,
  NotificationLogStore,
  SentNotification,
} from './NotificationLogStore';

const TABLE = 'notifications_sent';
const ATTEMPTS = 'delivery_attempts';
// Keys per statement when forgetting: well under SQLite's bound parameters.
const KEYS_PER_STATEMENT = 500;

type AttemptsRow = {
  dedupe_key: string;
  attempts: number | string;
  retry_at: DbTime;
};

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

  async failedAttempts(dedupeKey: string): Promise<FailedAttempts | undefined> {
    const row = await this.db<AttemptsRow>(ATTEMPTS)
      .where('dedupe_key', dedupeKey)
      .first();
    return row
      ? { attempts: Number(row.attempts), retryAt: toDate(row.retry_at) }
      : undefined;
  }

  async recordFailedAttempts(
    dedupeKey: string,
    failed: FailedAttempts,
  ): Promise<void> {
    await this.db<AttemptsRow>(ATTEMPTS)
      .insert({
        dedupe_key: dedupeKey,
        attempts: failed.attempts,
        retry_at: failed.retryAt,
      })
      .onConflict('dedupe_key')
      .merge(['attempts', 'retry_at']);
  }

  async forgetFailedAttempts(dedupeKey: string): Promise<void> {
    await this.db<AttemptsRow>(ATTEMPTS)
      .where('dedupe_key', dedupeKey)
      .delete();
  }

  async keepFailedAttemptsOf(dedupeKeys: readonly string[]): Promise<void> {
    // Few rows (failing alerts of a day): read them, delete the others.
    const keep = new Set(dedupeKeys);
    const rows: Array<Pick<AttemptsRow, 'dedupe_key'>> = await this.db(
      ATTEMPTS,
    ).select('dedupe_key');
    const forget = rows
      .map(row => row.dedupe_key)
      .filter(key => !keep.has(key));
    for (let i = 0; i < forget.length; i += KEYS_PER_STATEMENT) {
      await this.db(ATTEMPTS)
        .whereIn('dedupe_key', forget.slice(i, i + KEYS_PER_STATEMENT))
        .delete();
    }
  }
}
