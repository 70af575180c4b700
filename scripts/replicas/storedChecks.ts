/*
 * What the cluster stored, read straight from PostgreSQL: the plugin's
 * schema `data-products` and the notifications backend's `notifications`
 * (pluginDivisionMode: schema puts each plugin in its own schema of the
 * one scratch database).
 */
import { Knex } from 'knex';
import { SentEvent } from './traffic';

const DP = 'data-products';

export interface EventVerdict {
  sent: number;
  acked: number;
  notAcked: number;
  /** run_events rows of the events sent. */
  stored: number;
  ackedMissing: string[];
  duplicated: string[];
  /** Runs with more than one `runs` row. */
  runsDuplicated: string[];
  /** Acked COMPLETE whose run is not finished. */
  runsNotClosed: string[];
  outcomes: Record<string, number>;
  problems: string[];
}

/**
 * Every acknowledged event is one row of `run_events` (its run id and
 * event type: each streamed run has one START and one COMPLETE), none is
 * two; every run has one row of `runs`, closed once its COMPLETE was acked.
 */
export async function checkEvents(
  db: Knex,
  events: SentEvent[],
): Promise<EventVerdict> {
  const rows: Array<{ run_id: string; event_type: string; n: string }> =
    await db
      .withSchema(DP)
      .from('run_events')
      .select('run_id', 'event_type')
      .count({ n: '*' })
      .groupBy('run_id', 'event_type');
  const stored = new Map(
    rows.map(r => [`${r.run_id} ${r.event_type}`, Number(r.n)]),
  );
  const runs: Array<{ run_id: string; n: string; closed: string }> = await db
    .withSchema(DP)
    .from('runs')
    .select('run_id')
    .count({ n: '*' })
    .select(db.raw('count(finished_at) as closed'))
    .groupBy('run_id');
  const runRows = new Map(runs.map(r => [r.run_id, r]));

  const verdict: EventVerdict = {
    sent: events.length,
    acked: 0,
    notAcked: 0,
    stored: rows.reduce((a, r) => a + Number(r.n), 0),
    ackedMissing: [],
    duplicated: [],
    runsDuplicated: [],
    runsNotClosed: [],
    outcomes: {},
    problems: [],
  };
  for (const e of events) {
    const key = `${e.runId} ${e.eventType}`;
    const n = stored.get(key) ?? 0;
    if (e.acked) {
      verdict.acked++;
      const o = e.outcome ?? 'unknown';
      verdict.outcomes[o] = (verdict.outcomes[o] ?? 0) + 1;
      if (n === 0) verdict.ackedMissing.push(key);
    } else {
      verdict.notAcked++;
    }
    if (n > 1) verdict.duplicated.push(`${key} ×${n}`);
    const run = runRows.get(e.runId);
    if (e.acked && Number(run?.n ?? 0) > 1)
      verdict.runsDuplicated.push(e.runId);
    if (
      e.acked &&
      e.eventType === 'COMPLETE' &&
      !(Number(run?.closed ?? 0) >= 1)
    ) {
      verdict.runsNotClosed.push(e.runId);
    }
  }
  // anything stored twice, sent by us or not
  for (const [key, n] of stored) {
    if (n > 1 && !verdict.duplicated.some(d => d.startsWith(key))) {
      verdict.duplicated.push(`${key} ×${n}`);
    }
  }
  verdict.runsDuplicated = [...new Set(verdict.runsDuplicated)];
  const list = (xs: string[]) =>
    xs.slice(0, 10).join(', ') + (xs.length > 10 ? ', …' : '');
  if (verdict.ackedMissing.length) {
    verdict.problems.push(
      `${verdict.ackedMissing.length} acknowledged events not stored: ${list(
        verdict.ackedMissing,
      )}`,
    );
  }
  if (verdict.duplicated.length) {
    verdict.problems.push(
      `${verdict.duplicated.length} events stored more than once: ${list(
        verdict.duplicated,
      )}`,
    );
  }
  if (verdict.runsDuplicated.length) {
    verdict.problems.push(
      `${verdict.runsDuplicated.length} runs with more than one row: ${list(
        verdict.runsDuplicated,
      )}`,
    );
  }
  if (verdict.runsNotClosed.length) {
    verdict.problems.push(
      `${
        verdict.runsNotClosed.length
      } runs whose COMPLETE was acknowledged are not finished: ${list(
        verdict.runsNotClosed,
      )}`,
    );
  }
  if (verdict.notAcked) {
    verdict.problems.push(
      `${verdict.notAcked} events never acknowledged after retries`,
    );
  }
  return verdict;
}

export interface NotificationVerdict {
  /** Rows of notifications_sent: notices the plugin recorded as delivered. */
  notices: number;
  byKind: Record<string, number>;
  /** Rows of the notifications backend from this plugin (one per user). */
  delivered: number;
  /** Notifications the backend received more than once (re-sent to a user). */
  resent: string[];
  /** Notices recorded as sent with no notification for them. */
  undelivered: string[];
  /** Failed deliveries still waiting (delivery_attempts). */
  pendingRetries: number;
  problems: string[];
}

/**
 * Each notice sent once. The plugin records a notice in `notifications_sent`
 * (primary key: its dedupe key) in the transaction that sends it, so that
 * table cannot hold one twice; the question is whether the notifications
 * backend got it twice. It keeps one row per user and scope: a second send
 * of the same scope updates the row and sets `updated`, which a first send
 * leaves null. So a row with `updated` set is a notice that reached the
 * user twice (no notice of this test legitimately supersedes another of its
 * scope: nothing expires or recovers within minutes).
 */
export async function checkNotifications(
  db: Knex,
): Promise<NotificationVerdict> {
  const notices: Array<{
    dedupe_key: string;
    notice_kind: string;
    entity_ref: string;
  }> = await db
    .withSchema(DP)
    .from('notifications_sent')
    .select('dedupe_key', 'notice_kind', 'entity_ref');
  const delivered: Array<{
    user: string;
    scope: string | null;
    created: Date;
    updated: Date | null;
  }> = await db
    .withSchema('notifications')
    .from('notification')
    .where('origin', 'plugin:data-products')
    .select('user', 'scope', 'created', 'updated');
  const pending = await db
    .withSchema(DP)
    .from('delivery_attempts')
    .count({ n: '*' });
  const byKind: Record<string, number> = {};
  for (const n of notices)
    byKind[n.notice_kind] = (byKind[n.notice_kind] ?? 0) + 1;
  const resent = delivered
    .filter(d => d.updated)
    .map(
      d =>
        `${d.user} ${d.scope} (created ${new Date(
          d.created,
        ).toISOString()}, again ${new Date(d.updated!).toISOString()})`,
    );
  const undelivered = notices
    .filter(n => !delivered.some(d => (d.scope ?? '').endsWith(n.entity_ref)))
    .map(n => n.dedupe_key);
  const verdict: NotificationVerdict = {
    notices: notices.length,
    byKind,
    delivered: delivered.length,
    resent,
    undelivered,
    pendingRetries: Number(pending[0].n),
    problems: [],
  };
  if (notices.length === 0)
    verdict.problems.push(
      'no notice sent at all (expected lifecycle notices from the examples)',
    );
  if (resent.length) {
    // what the plugin recorded for the first few: which notices reached the user twice
    const examples = delivered.filter(d => d.updated).slice(0, 3);
    const keys = examples.map(d => {
      const ref = (d.scope ?? '').split(':').slice(-2).join(':');
      const sent = notices
        .filter(n => n.entity_ref === ref)
        .map(n => n.dedupe_key);
      return `${d.scope} → notifications_sent keys of ${ref}: ${sent.join(
        ', ',
      )}`;
    });
    verdict.problems.push(
      `${resent.length} notifications sent more than once: ${resent
        .slice(0, 3)
        .join('; ')}; ${keys.join('; ')}`,
    );
  }
  if (undelivered.length)
    verdict.problems.push(
      `${
        undelivered.length
      } notices recorded as sent with no notification: ${undelivered
        .slice(0, 5)
        .join(', ')}`,
    );
  if (verdict.pendingRetries)
    verdict.problems.push(
      `${verdict.pendingRetries} deliveries failed and wait for a retry (delivery_attempts)`,
    );
  return verdict;
}

/**
 * Locks the dead replica may still hold: a task claimed (current_run_ticket
 * set) before the kill and not released. Backstage frees it only when the
 * claim expires (the task's timeout: 10 to 60 minutes for the plugin's
 * tasks), so the task runs no period until then.
 */
export async function heldLocks(db: Knex, killedAt?: Date) {
  if (!killedAt) return [];
  const rows: Array<{
    id: string;
    current_run_started_at: Date;
    current_run_expires_at: Date;
  }> = await db
    .withSchema(DP)
    .from('backstage_backend_tasks__tasks')
    .whereNotNull('current_run_ticket')
    .where('current_run_started_at', '<', killedAt)
    .select('id', 'current_run_started_at', 'current_run_expires_at');
  return rows.map(
    r =>
      `${r.id}: claimed ${new Date(
        r.current_run_started_at,
      ).toISOString()}, before the kill; held until ${new Date(
        r.current_run_expires_at,
      ).toISOString()}`,
  );
}

/** Whether any task is running right now (the kill should not land in one). */
export async function tasksRunning(db: Knex): Promise<string[]> {
  const rows: Array<{ id: string }> = await db
    .withSchema(DP)
    .from('backstage_backend_tasks__tasks')
    .whereNotNull('current_run_ticket')
    .select('id');
  return rows.map(r => r.id);
}
