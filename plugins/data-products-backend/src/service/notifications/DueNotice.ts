/** The lifecycle notices the scheduled task sends. */
export type NoticeKind = 'expiring' | 'expired' | 'deprecated';

interface NoticeBase {
  kind: NoticeKind;
  /**
   * Unique per notice: kind, product, recipient and the date the notice is
   * about. A renewal (new expiry date) or a moved sunset makes a new notice;
   * anything else is the same notice and is sent once.
   */
  dedupeKey: string;
  /** Entity ref the notification goes to, usually a group. */
  recipient: string;
  product: { entityRef: string; title: string };
}

/** To the product's owners: it expires soon. */
export interface ExpiringNotice extends NoticeBase {
  kind: 'expiring';
  expiresOn: string;
  /** Calendar days from the task's day to expiresOn. */
  daysLeft: number;
}

/** To the product's owners: it has expired. */
export interface ExpiredNotice extends NoticeBase {
  kind: 'expired';
  expiresOn: string;
}

/** To the owners of entities that depend on a deprecated product. */
export interface DeprecatedNotice extends NoticeBase {
  kind: 'deprecated';
  /** Undefined while the owners have not set one. */
  sunsetOn?: string;
  successor?: string;
  migrationGuide?: string;
  /** The recipient's entities that depend on the product, sorted. */
  consumers: string[];
}

export type DueNotice = ExpiringNotice | ExpiredNotice | DeprecatedNotice;

/** `kind|product|recipient|date`; `-` stands for a sunset not yet set. */
export function dedupeKeyOf(
  kind: NoticeKind,
  productRef: string,
  recipient: string,
  date: string | undefined,
): string {
  return [kind, productRef, recipient, date ?? '-'].join('|');
}
