import type { DataProductEntityV1alpha1 } from '../../kind/types';
import { formatIsoDate, utcCalendarDay } from '../dates';
import { categoryPlural, notice, ruleFinding } from '../finding';
import {
  evaluateExpiry,
  expiryCountsFrom,
  type ExpiryEvaluation,
} from '../lifecycle';
import type { CategoryPolicy, Finding } from '../types';

const WHY =
  'Views nobody renews are usually views nobody uses; expiry keeps the inventory honest.';

/** The CLI command that sets spec.lifecycle.renewedOn. */
export const RENEW_COMMAND = 'yarn stockroom renew <file>';

/**
 * `auto-expiry`: the product needs a date to count its expiry from (renewedOn,
 * else createdOn). Expiry itself is a state (see evaluateLifecycle); this rule
 * also says so while the product is expiring (info) or expired (warning). Those
 * two never block: time passing is not a fault in the file, and a rejected
 * entity could never show its `expired` state. `evaluated` is the product's
 * expiry at `now` when the caller has it (evaluateDataProduct does).
 *
 * @public
 */
export function checkAutoExpiry(
  entity: DataProductEntityV1alpha1,
  categoryPolicy: CategoryPolicy,
  now: Date,
  evaluated?: { expiry: ExpiryEvaluation | undefined },
): Finding[] {
  const enforcement = categoryPolicy.rules['auto-expiry'];
  if (enforcement === 'off') {
    return [];
  }
  const lifecycle = entity.spec?.lifecycle;
  const plural = categoryPlural(entity.spec?.category);
  const days = categoryPolicy.expiryDays;
  // evaluateDataProduct evaluated it already, for the state
  const expiry = evaluated
    ? evaluated.expiry
    : evaluateExpiry(entity, categoryPolicy, now);

  if (!expiry) {
    // No date at all, or the one that counts is malformed: name the one to fix.
    const field = expiryCountsFrom(lifecycle);
    const example = formatIsoDate(utcCalendarDay(now));
    const problem =
      field === 'createdOn' && !lifecycle?.createdOn
        ? 'is missing'
        : `(${String(lifecycle?.[field])}) is not a YYYY-MM-DD date`;
    return ruleFinding('auto-expiry', enforcement, {
      path: `spec.lifecycle.${field}`,
      message: `spec.lifecycle.${field} ${problem}: ${plural} expire ${days} days after renewedOn, else createdOn — add e.g. \`${field}: ${example}\``,
      why: WHY,
    });
  }
  if (lifecycle?.stage === 'retired' || expiry.status === 'current') {
    return [];
  }
  const since = `spec.lifecycle.${expiry.countedFrom} is ${
    lifecycle?.[expiry.countedFrom]
  }`;
  const rule = `${plural} expire ${days} days after renewedOn, else createdOn`;
  const renew = `renew it with \`${RENEW_COMMAND}\` if it is still used`;
  if (expiry.status === 'expired') {
    return [
      notice('auto-expiry', 'warning', {
        path: `spec.lifecycle.${expiry.countedFrom}`,
        message: `${since}, so it expired on ${expiry.expiresOn}: ${rule} — ${renew}`,
        why: WHY,
      }),
    ];
  }
  const when =
    expiry.daysLeft === 1 ? 'in 1 day' : `in ${expiry.daysLeft} days`;
  return [
    notice('auto-expiry', 'info', {
      path: `spec.lifecycle.${expiry.countedFrom}`,
      message: `${since}, so it expires on ${expiry.expiresOn} (${when}): ${rule} — ${renew}`,
      why: WHY,
    }),
  ];
}
