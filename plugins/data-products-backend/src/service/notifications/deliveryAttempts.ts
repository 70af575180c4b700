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
 * Failed attempts per alert (by dedupe key), in this instance's memory: the
 * task runs on one instance of a cluster at a time, and a restart at worst
 * grants an alert another round of attempts while it is still due.
 */
export class DeliveryAttempts {
  private readonly failures = new Map<
    string,
    { attempts: number; retryAt: number }
  >();
  private readonly maxAttempts: number;
  private readonly retryBaseMs: number;

  constructor(options: { maxAttempts?: number; retryBaseMs?: number } = {}) {
    this.maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.retryBaseMs = options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS;
  }

  /** Whether the alert may be tried at `now`: never failed, or waited out. */
  mayTry(key: string, now: Date): boolean {
    const failure = this.failures.get(key);
    return !failure || failure.retryAt <= now.getTime();
  }

  /** Counts a failure; the last one allowed gives the alert up. */
  failed(key: string, now: Date): FailedAttempt {
    const attempts = (this.failures.get(key)?.attempts ?? 0) + 1;
    if (attempts >= this.maxAttempts) {
      this.failures.delete(key);
      return { attempts, givenUp: true };
    }
    const retryAt =
      now.getTime() + this.retryBaseMs * 2 ** Math.min(attempts - 1, 20);
    this.failures.set(key, { attempts, retryAt });
    return { attempts, retryAt: new Date(retryAt) };
  }

  /** Forgets an alert that went out. */
  succeeded(key: string): void {
    this.failures.delete(key);
  }

  /** Forgets alerts no longer due, so the memory stays as small as the list. */
  keepOnly(dueKeys: Iterable<string>): void {
    const due = new Set(dueKeys);
    for (const key of [...this.failures.keys()]) {
      if (!due.has(key)) this.failures.delete(key);
    }
  }
}
