import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { ContractHistoryStore } from '../../database/ContractHistoryStore';
import { NotificationLogStore } from '../../database/NotificationLogStore';
import { RunStore } from '../../database/RunStore';
import { readDataProducts } from '../catalogReads';
import { DeliveryAttempts } from '../notifications/deliveryAttempts';
import { OnceOnlyDelivery } from '../notifications/OnceOnlyDelivery';
import { alertPayload } from './alertPayload';
import { DueAlert } from './DueAlert';
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
 * delivered before, through the plugin's once-only delivery with retries
 * (10, 20, 40, 80 minutes apart by default, then given up).
 */
export class AlertsJob {
  private readonly lookbackMs: number;
  private readonly delivery: OnceOnlyDelivery;

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
    this.delivery = new OnceOnlyDelivery({
      log: deps.notificationLog,
      notifications: deps.notifications,
      logger: deps.logger,
      retries: new DeliveryAttempts(deps.notificationLog, deps),
      sendTimeoutMs: deps.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS,
    });
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
      summary[await this.deliverOnce(alert, now)] += 1;
    }
    if (!signal?.aborted) {
      await this.delivery.keepOnly(alerts.map(alert => alert.dedupeKey));
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

  private deliverOnce(alert: DueAlert, now: Date) {
    return this.delivery.deliver(
      {
        notice: {
          dedupeKey: alert.dedupeKey,
          kind: alert.kind,
          entityRef: alert.product.entityRef,
          recipient: alert.recipient,
          sentAt: now,
        },
        payload: () => alertPayload(alert),
        about: `the ${alert.kind} alert about ${alert.product.entityRef} to ${alert.recipient}`,
      },
      now,
    );
  }
}
