/**
 * At most one manual scorecard refresh per product per interval
 * (`stockroom.scoring.minRefreshIntervalSeconds`): a refresh reads every run
 * of the product's window, so a button held down, or a script looping over
 * the endpoint, must not turn into a scan per click. Scheduled scoring is
 * not limited. The limit is per backend instance: a cluster of n instances
 * allows at most n refreshes of a product per interval.
 */
export class RefreshLimiter {
  /** When each product's latest refresh was let through (epoch ms). */
  private readonly lastStarted = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly clock: () => Date,
  ) {}

  /**
   * Claims a refresh of `key` now. Refused, with the wait, when one was
   * claimed less than the interval ago. A refresh that then fails should
   * `release` its claim, so the caller can retry at once.
   */
  claim(
    key: string,
  ):
    | { allowed: true; release: () => void }
    | { allowed: false; retryAfterMs: number; sinceMs: number } {
    const now = this.clock().getTime();
    const last = this.lastStarted.get(key);
    if (last !== undefined && now - last < this.intervalMs) {
      return {
        allowed: false,
        retryAfterMs: this.intervalMs - (now - last),
        sinceMs: now - last,
      };
    }
    this.forgetExpired(now);
    this.lastStarted.set(key, now);
    return {
      allowed: true,
      release: () => {
        if (this.lastStarted.get(key) === now) this.lastStarted.delete(key);
      },
    };
  }

  /** Entries older than the interval limit nothing: keep the map small. */
  private forgetExpired(now: number) {
    for (const [key, started] of this.lastStarted) {
      if (now - started >= this.intervalMs) this.lastStarted.delete(key);
    }
  }
}
