/**
 * A lifecycle notice that was (or is being) delivered: the record that makes
 * delivery once-only.
 */
export interface SentNotification {
  /** Unique per notice: kind, product, recipient and the date defining it. */
  dedupeKey: string;
  /** `expiring`, `expired` or `deprecated`. */
  kind: string;
  /** The data product the notice is about. */
  entityRef: string;
  /** Who it went to (an entity ref, usually a group). */
  recipient: string;
  sentAt: Date;
}

/** The failed attempts of a message waiting to be retried. */
export interface FailedAttempts {
  attempts: number;
  /** Not tried again before this. */
  retryAt: Date;
}

/**
 * The log of lifecycle notices already sent. Shared by every instance of a
 * backend cluster through the plugin's database.
 */
export interface NotificationLogStore {
  /**
   * Claims `notice.dedupeKey` (committed) and then runs `deliver`. Resolves
   * false, without calling `deliver`, when the key was already claimed (here
   * or by another instance). When `deliver` throws, the claim is released and
   * the error rethrown, so the notice is retried later. An instance dying
   * between claim and delivery loses that notice: at most once, never twice.
   */
  claim(
    notice: SentNotification,
    deliver: () => Promise<void>,
  ): Promise<boolean>;

  /** Sent notices, oldest first; optionally only those about one product. */
  list(options?: { entityRef?: string }): Promise<SentNotification[]>;

  /** The failed attempts recorded for a message, if it is waiting to be retried. */
  failedAttempts(dedupeKey: string): Promise<FailedAttempts | undefined>;

  /** Records (or replaces) a message's failed attempts. */
  recordFailedAttempts(
    dedupeKey: string,
    failed: FailedAttempts,
  ): Promise<void>;

  /** Forgets the failed attempts of one message (sent, or given up). */
  forgetFailedAttempts(dedupeKey: string): Promise<void>;

  /** Forgets the failed attempts of every message but `dedupeKeys`. */
  keepFailedAttemptsOf(dedupeKeys: readonly string[]): Promise<void>;
}
