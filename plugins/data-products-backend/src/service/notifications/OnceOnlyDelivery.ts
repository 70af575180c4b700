import { LoggerService } from '@backstage/backend-plugin-api';
import {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import {
  NotificationLogStore,
  SentNotification,
} from '../../database/NotificationLogStore';
import { DeliveryAttempts } from './deliveryAttempts';

type NotificationPayload = NotificationSendOptions['payload'];

/** One message to deliver once, to one entity (usually a group). */
export interface OnceOnlyMessage {
  /** Its record in the log; `dedupeKey` is what makes it once-only. */
  notice: SentNotification;
  /** Built only when the message goes out (it may read a file). */
  payload: () => NotificationPayload | Promise<NotificationPayload>;
  /** For the logs: "the expiring notice about … to …". */
  about: string;
}

/**
 * What became of a message: `alreadySent` when any instance sent it (or
 * gave it up) before; `deferred` while it waits to be retried; `gaveUp`
 * when its last allowed attempt failed.
 */
export type DeliveryOutcome =
  | 'sent'
  | 'alreadySent'
  | 'failed'
  | 'deferred'
  | 'gaveUp';

/**
 * The one once-only delivery of the plugin: lifecycle notices,
 * missing-product notices and alerts. Claims the message's key in the
 * notification log (committed before sending, see
 * {@link NotificationLogStore.claim}), sends, and records the outcome: a
 * failed send releases the claim, so the message stays due. At most once,
 * never twice.
 *
 * Without `retries`, a failed message is tried again on the next run. With
 * them (alerts), it waits longer after each failure and is given up after
 * the last attempt, recorded in the log as `<kind>-undeliverable` so no
 * instance tries it again.
 */
export class OnceOnlyDelivery {
  constructor(
    private readonly deps: {
      log: NotificationLogStore;
      notifications: NotificationService;
      logger: LoggerService;
      /** Bounded, spaced attempts; every run tries again without. */
      retries?: DeliveryAttempts;
      /** How long one send may take; no bound without. */
      sendTimeoutMs?: number;
    },
  ) {}

  async deliver(message: OnceOnlyMessage, now: Date): Promise<DeliveryOutcome> {
    const { log, notifications, retries, sendTimeoutMs } = this.deps;
    const { notice } = message;
    if (retries && !(await retries.mayTry(notice.dedupeKey, now))) {
      return 'deferred';
    }
    let sent: boolean;
    try {
      sent = await log.claim(notice, async () => {
        const send = notifications.send({
          recipients: { type: 'entity', entityRef: notice.recipient },
          payload: await message.payload(),
        });
        await (sendTimeoutMs === undefined
          ? send
          : withTimeout(send, sendTimeoutMs));
      });
    } catch (error) {
      return this.failed(message, now, error as Error);
    }
    await this.forgetRetries(message);
    return sent ? 'sent' : 'alreadySent';
  }

  /**
   * A notice about a product to its recipient, claimed under its dedupe key
   * and sent once. Meant for deliveries without `retries`, where a failure
   * is the only other outcome (it stays due for the next run).
   */
  async deliverNotice(
    notice: {
      dedupeKey: string;
      kind: string;
      product: { entityRef: string };
      recipient: string;
    },
    payload: OnceOnlyMessage['payload'],
    now: Date,
  ): Promise<'sent' | 'alreadySent' | 'failed'> {
    const outcome = await this.deliver(
      {
        notice: {
          dedupeKey: notice.dedupeKey,
          kind: notice.kind,
          entityRef: notice.product.entityRef,
          recipient: notice.recipient,
          sentAt: now,
        },
        payload,
        about: `the ${notice.kind} notice about ${notice.product.entityRef} to ${notice.recipient}`,
      },
      now,
    );
    return outcome === 'sent' || outcome === 'alreadySent' ? outcome : 'failed';
  }

  /** Forgets the retries of messages no longer due. */
  async keepOnly(dueKeys: Iterable<string>): Promise<void> {
    await this.deps.retries?.keepOnly(dueKeys);
  }

  private async failed(
    message: OnceOnlyMessage,
    now: Date,
    error: Error,
  ): Promise<DeliveryOutcome> {
    const { retries, logger } = this.deps;
    if (!retries) {
      logger.warn(
        `Could not send ${message.about}; it is retried on the next run`,
        error,
      );
      return 'failed';
    }
    const attempt = await retries.failed(message.notice.dedupeKey, now);
    if ('retryAt' in attempt) {
      logger.warn(
        `Could not send ${message.about} (attempt ${
          attempt.attempts
        }); it is retried from ${attempt.retryAt.toISOString()}`,
        error,
      );
      return 'failed';
    }
    logger.error(
      `Could not send ${message.about} (attempt ${attempt.attempts}); gave up: it is recorded as undeliverable and not retried`,
      error,
    );
    await this.recordUndeliverable(message, now);
    return 'gaveUp';
  }

  /**
   * A sent message needs no retry. Not forgetting it costs a row until the
   * message is no longer due ({@link OnceOnlyDelivery.keepOnly}), so a
   * failure here is logged, not a failed delivery.
   */
  private async forgetRetries(message: OnceOnlyMessage) {
    try {
      await this.deps.retries?.succeeded(message.notice.dedupeKey);
    } catch (error) {
      this.deps.logger.warn(
        `Could not forget the failed attempts of ${message.about}`,
        error as Error,
      );
    }
  }

  /**
   * A given-up message is claimed under a kind of its own
   * (`sla-breach-undeliverable`), without sending: every instance then skips
   * it, and the log says it never went out.
   */
  private async recordUndeliverable(message: OnceOnlyMessage, now: Date) {
    const { notice } = message;
    try {
      await this.deps.log.claim(
        { ...notice, kind: `${notice.kind}-undeliverable`, sentAt: now },
        async () => {},
      );
    } catch (error) {
      this.deps.logger.error(
        `Could not record ${message.about} as undeliverable`,
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
