import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { ContractHistoryStore } from '../../database/ContractHistoryStore';
import { NotificationLogStore } from '../../database/NotificationLogStore';
import { RunStore } from '../../database/RunStore';
import { readDataProducts } from '../catalogReads';
import { alertPayload } from './alertPayload';
import { DueAlert } from './DueAlert';
import { DeliveryAttempts } from './deliveryAttempts';
import {
  AlertProduct,
  alertProductOf,
  dueBreachAlerts,
  dueDriftAlerts,
} from './dueAlerts';

const HOUR_MS = 60 * 60 * 1000;

/**
 * How far back a streak's first run (or an incident's opening) may lie and
 * still be news. Claims make each alert once-only; this keeps a first
 * deployment, or a backfill of old runs, from alerting about the past.
 */
export const DEFAULT_ALERT_LOOKBACK_MS = 24 * HOUR_MS;

/**
 * Runs read from before the lookback to see how a streak began: a streak
 * longer than this that began before the lookback is not news either way.
 */
const CONTEXT_RUNS = 50;

/**
 * How long one send may take. The task sends one alert after another: a
 * notifications backend that never answers one must not hold up the rest.
 */
export const DEFAULT_SEND_TIMEOUT_MS = 30_000;

/** What one run did; alerts are counted once each. */
export interface AlertsSummary {
  /** Alerts due in the lookback, sent before or not. */
  due: number;
  /** Sent by this run. */
  sent: number;
  /** Skipped: sent before, or given up before, by any instance. */
  alreadySent: number;
  /** Sending failed; the alert stays due and is retried after a wait. */
  failed: number;
  /** Skipped: waiting to be retried after a failure. */
  deferred: number;
  /** Sending failed for the last allowed time: recorded, never retried. */
  gaveUp: number;
}

/**
 * The alerts task's body: read the products (plugin's own credentials), the
 * runs recorded and the drift incidents opened in the lookback, work out the
 * alerts due (pure, see dueAlerts) and deliver each one that no instance has
 * delivered before, through the notification log's claims.
 */
export class AlertsJob {
  private readonly lookbackMs: number;
  private readonly sendTimeoutMs: number;
  private readonly attempts: DeliveryAttempts;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      notifications: NotificationService;
      notificationLog: NotificationLogStore;
      runs: RunStore;
      contractHistory: ContractHistoryStore;
      logger: LoggerService;
      lookbackMs?: number;
      /** Attempts before a failing alert is given up; 5 by default. */
      maxAttempts?: number;
      /** Wait after a first failure, doubled after each; 10 min by default. */
      retryBaseMs?: number;
      sendTimeoutMs?: number;
    },
  ) {
    this.lookbackMs = deps.lookbackMs ?? DEFAULT_ALERT_LOOKBACK_MS;
    this.sendTimeoutMs = deps.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
    this.attempts = new DeliveryAttempts(deps);
  }

  async run(now: Date, signal?: AbortSignal): Promise<AlertsSummary> {
    const alerts = await this.alertsDue(now, signal);
    const summary: AlertsSummary = {
      due: alerts.length,
      sent: 0,
      alreadySent: 0,
      failed: 0,
      deferred: 0,
      gaveUp: 0,
    };
    for (const alert of alerts) {
      // Unsent alerts stay due, so stopping early loses nothing.
      if (signal?.aborted) break;
      if (!this.attempts.mayTry(alert.dedupeKey, now)) {
        summary.deferred += 1;
        continue;
      }
      summary[await this.deliverOnce(alert, now)] += 1;
    }
    if (!signal?.aborted) {
      this.attempts.keepOnly(alerts.map(alert => alert.dedupeKey));
    }
    return summary;
  }

  private async alertsDue(
    now: Date,
    signal?: AbortSignal,
  ): Promise<DueAlert[]> {
    const { catalog, auth, runs, contractHistory } = this.deps;
    const since = new Date(now.getTime() - this.lookbackMs);
    const credentials = await auth.getOwnServiceCredentials();
    const products = new Map<string, AlertProduct>(
      (await readDataProducts(catalog, credentials)).map(entity => {
        const product = alertProductOf(entity);
        return [product.entityRef, product];
      }),
    );

    const alerts: DueAlert[] = [];
    // Only a run recorded in the lookback can start a streak in it.
    for (const { entityRef } of await runs.productsWithRunsSince(since)) {
      if (signal?.aborted) break;
      const product = products.get(entityRef);
      if (!product?.owner) continue;
      const recent = await runs.listRuns(entityRef, { from: since });
      if (recent.length === 0) continue;
      const before = await runs.listRuns(entityRef, {
        before: since,
        limit: CONTEXT_RUNS,
      });
      alerts.push(
        ...dueBreachAlerts({
          product,
          // Stored latest first; the verdicts read them oldest first.
          runs: [...before.reverse(), ...recent.reverse()],
          fromFirstRun: before.length < CONTEXT_RUNS,
          since,
        }),
      );
    }

    alerts.push(
      ...dueDriftAlerts({
        incidents: await contractHistory.listIncidentsOpenedSince(since),
        products,
      }),
    );
    return alerts;
  }

  private async deliverOnce(
    alert: DueAlert,
    now: Date,
  ): Promise<'sent' | 'alreadySent' | 'failed' | 'gaveUp'> {
    const { notificationLog, notifications, logger } = this.deps;
    const about = `the ${alert.kind} alert about ${alert.product.entityRef} to ${alert.recipient}`;
    try {
      const sent = await notificationLog.claim(
        this.notice(alert, alert.kind, now),
        () =>
          withTimeout(
            notifications.send({
              recipients: { type: 'entity', entityRef: alert.recipient },
              payload: alertPayload(alert),
            }),
            this.sendTimeoutMs,
          ),
      );
      this.attempts.succeeded(alert.dedupeKey);
      return sent ? 'sent' : 'alreadySent';
    } catch (error) {
      const attempt = this.attempts.failed(alert.dedupeKey, now);
      if ('retryAt' in attempt) {
        logger.warn(
          `Could not send ${about} (attempt ${
            attempt.attempts
          }); it is retried from ${attempt.retryAt.toISOString()}`,
          error as Error,
        );
        return 'failed';
      }
      logger.error(
        `Could not send ${about} (attempt ${attempt.attempts}); gave up: it is recorded as undeliverable and not retried`,
        error as Error,
      );
      await this.recordUndeliverable(alert, now);
      return 'gaveUp';
    }
  }

  private notice(alert: DueAlert, kind: string, now: Date) {
    return {
      dedupeKey: alert.dedupeKey,
      kind,
      entityRef: alert.product.entityRef,
      recipient: alert.recipient,
      sentAt: now,
    };
  }

  /**
   * A given-up alert is claimed in the notification log under a kind of
   * its own (`sla-breach-undeliverable`), without sending: every instance
   * then skips it, and the log says it never went out.
   */
  private async recordUndeliverable(alert: DueAlert, now: Date) {
    try {
      await this.deps.notificationLog.claim(
        this.notice(alert, `${alert.kind}-undeliverable`, now),
        async () => {},
      );
    } catch (error) {
      this.deps.logger.error(
        `Could not record the ${alert.kind} alert about ${alert.product.entityRef} as undeliverable`,
        error as Error,
      );
    }
  }
}

/** `promise`, or a rejection once `ms` have passed without an answer. */
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`No answer within ${ms} ms`)),
      ms,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
