import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { entityPagePath } from '../entityRefs';
import { DueNotice } from './DueNotice';

type NotificationPayload = NotificationSendOptions['payload'];

// The CLI command that sets spec.lifecycle.renewedOn (packages/cli).
const RENEW_COMMAND = 'yarn stockroom renew <file>';

/** Topics group notices in the notifications UI and its per-topic settings. */
export const NOTICE_TOPICS = {
  expiry: 'data-product-expiry',
  deprecation: 'data-product-deprecation',
} as const;

/**
 * What the recipient reads. The `scope` makes the notifications backend
 * update one notification per product and recipient instead of stacking
 * them: the `expired` notice replaces the `expiring` one in the inbox.
 */
export function noticePayload(notice: DueNotice): NotificationPayload {
  const { product } = notice;
  const common = {
    link: entityPagePath(product.entityRef),
    metadata: { entityRef: product.entityRef, notice: notice.kind },
  };
  switch (notice.kind) {
    case 'expiring':
      return {
        ...common,
        title: `${product.title} expires in ${days(notice.daysLeft)}`,
        description: `${product.entityRef} expires in ${days(
          notice.daysLeft,
        )} on ${
          notice.expiresOn
        } — renew with \`${RENEW_COMMAND}\` if it is still used, or let it expire.`,
        severity: 'normal',
        topic: NOTICE_TOPICS.expiry,
        scope: `expiry:${product.entityRef}`,
      };
    case 'expired':
      return {
        ...common,
        title: `${product.title} expired on ${notice.expiresOn}`,
        description: `${product.entityRef} expired on ${notice.expiresOn} — renew with \`${RENEW_COMMAND}\` if it is still used, otherwise retire it.`,
        severity: 'high',
        topic: NOTICE_TOPICS.expiry,
        scope: `expiry:${product.entityRef}`,
      };
    case 'deprecated':
    default:
      return {
        ...common,
        title: notice.sunsetOn
          ? `${product.title} is deprecated: move off it by ${notice.sunsetOn}`
          : `${product.title} is deprecated`,
        description: deprecationText(notice),
        severity: 'normal',
        topic: NOTICE_TOPICS.deprecation,
        scope: `deprecation:${product.entityRef}`,
      };
  }
}

function deprecationText(
  notice: Extract<DueNotice, { kind: 'deprecated' }>,
): string {
  const sunset = notice.sunsetOn
    ? `its sunset is ${notice.sunsetOn}`
    : 'no sunset date is set yet';
  const moveTo = [
    notice.successor && `move to ${notice.successor}`,
    notice.migrationGuide && `migration guide: ${notice.migrationGuide}`,
  ]
    .filter(Boolean)
    .join('; ');
  return `${list(notice.consumers)} ${
    notice.consumers.length === 1 ? 'depends' : 'depend'
  } on ${notice.product.entityRef}, which is deprecated: ${sunset}${
    moveTo ? ` — ${moveTo}` : ''
  }.`;
}

function days(count: number): string {
  return count === 1 ? '1 day' : `${count} days`;
}

function list(refs: string[]): string {
  if (refs.length <= 1) return refs.join('');
  return `${refs.slice(0, -1).join(', ')} and ${refs[refs.length - 1]}`;
}
