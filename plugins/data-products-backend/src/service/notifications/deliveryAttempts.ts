import { NotificationLogStore } from '../../database/NotificationLogStore';

/**
 * How often an alert whose delivery fails is tried again. A payload the
 * notifications backend refuses is refused every time: retried on every run
 * it would be sent forever (while due) and fill the log; given up at once, a
 * notifications backend down for a minute would lose alerts. So: a bounded
 * number of attempts, each further apart, then the alert is given up.
 */

/** Attempts before an alert is given up. */
export const DEFAULT_MAX_ATTEMPTS = 5;
/** Wait after the first failure; it doubles after each further one. */
export const DEFAULT_RETRY_BASE_MS = 10 * 60 * 1000;

/** What became of a failed attempt. */
export type FailedAttempt =
  | { attempts: number; retryAt: Date }
  | { attempts: number; givenUp: true };

/**
 * Failed attempts per alert (by dedupe key), kept in the notification log's
 * database (`delivery_attempts`): a restart, or the task moving to another
 * instance of the cluster, neither grants an alert a new round of attempts
 * nor forgets when it may be tried again. The task runs on one instance at a
 * time, so reading and then writing a key's count needs no lock.
 */
export class DeliveryAttempts {
  private readonly maxAttempts: number;
  private readonly retryBaseMs: number;

  constructor(
    private readonly log: NotificationLogStore,
    options: { maxAttempts?: number; retryBaseMs?: number } = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.retryBaseMs = options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS;
  }

  /** Whether the alert may be tried at `now`: never failed, or waited out. */
  async mayTry(key: string, now: Date): Promise<boolean> {
    const failed = await this.log.failedAttempts(key);
    return !failed || failed.retryAt.getTime() <= now.getTime();
  }

  /** Counts a failure; the last one allowed gives the alert up. */
  async failed(key: string, now: Date): Promise<FailedAttempt> {
    const attempts = ((await this.log.failedAttempts(key))?.attempts ?? 0) + 1;
    if (attempts >= this.maxAttempts) {
      await this.log.forgetFailedAttempts(key);
      return { attempts, givenUp: true };
    }
    const retryAt = new Date(
      now.getTime() + this.retryBaseMs * 2 ** Math.min(attempts - 1, 20),
    );
    await this.log.recordFailedAttempts(key, { attempts, retryAt });
    return { attempts, retryAt };
  }

  /** Forgets an alert that went out. */
  async succeeded(key: string): Promise<void> {
    await this.log.forgetFailedAttempts(key);
  }

  /** Forgets alerts no longer due, so the table stays as small as the list. */
  async keepOnly(dueKeys: Iterable<string>): Promise<void> {
    await this.log.keepFailedAttemptsOf([...dueKeys]);
  }
}
