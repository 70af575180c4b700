import type {
  DataProductEntityV1alpha1,
  DataProductLifecycle,
  DataProductState,
} from '../kind/types';
import {
  addCalendarDaysTime,
  calendarDayTime,
  calendarDaysBetweenTimes,
  formatIsoDate,
  parseIsoDate,
} from './dates';
import type {
  CategoryPolicy,
  LifecycleEvaluation,
  StockroomPolicy,
} from './types';

/** Where a product stands against its expiry date on one day. @public */
export interface ExpiryEvaluation {
  /** The lifecycle date expiry counts from. */
  countedFrom: 'renewedOn' | 'createdOn';
  /** YYYY-MM-DD: renewedOn (else createdOn) + expiryDays. */
  expiresOn: string;
  /** YYYY-MM-DD: expiresOn − expiringWindowDays, the first `expiring` day. */
  expiringFrom: string;
  /** Calendar days from today to expiresOn; 0 on the day it expires, negative after. */
  daysLeft: number;
  status: 'current' | 'expiring' | 'expired';
}

/**
 * The expiry of a product whose category expires (auto-expiry not `off`), or
 * undefined when it does not expire or has no valid date to count from.
 *
 * @public
 */
export function evaluateExpiry(
  entity: DataProductEntityV1alpha1,
  categoryPolicy: CategoryPolicy,
  now: Date,
): ExpiryEvaluation | undefined {
  if (categoryPolicy.rules['auto-expiry'] === 'off') {
    return undefined;
  }
  const lifecycle = entity.spec?.lifecycle;
  const countedFrom = expiryCountsFrom(lifecycle);
  const start = parseIsoDate(lifecycle?.[countedFrom]);
  if (!start) {
    return undefined;
  }
  // In time values, not Dates: the same arithmetic as addCalendarDays,
  // utcCalendarDay and calendarDaysBetween, for every product that expires,
  // without a Date for each step; only the two days written out get one.
  const expiresOn = addCalendarDaysTime(
    start.getTime(),
    categoryPolicy.expiryDays,
  );
  const expiringFrom = addCalendarDaysTime(
    expiresOn,
    -categoryPolicy.expiringWindowDays,
  );
  const today = calendarDayTime(now.getTime());
  let status: ExpiryEvaluation['status'] = 'current';
  if (today >= expiresOn) {
    status = 'expired';
  } else if (today >= expiringFrom) {
    status = 'expiring';
  }
  return {
    countedFrom,
    expiresOn: formatIsoDate(new Date(expiresOn)),
    expiringFrom: formatIsoDate(new Date(expiringFrom)),
    daysLeft: calendarDaysBetweenTimes(today, expiresOn),
    status,
  };
}

/**
 * The lifecycle date expiry counts from: the spec's order, a renewal restarts
 * the clock that creation started. A renewedOn that is present but malformed
 * still wins, so the error names it instead of silently using createdOn.
 */
export function expiryCountsFrom(
  lifecycle: DataProductLifecycle | undefined,
): 'renewedOn' | 'createdOn' {
  const renewedOn: unknown = lifecycle?.renewedOn;
  // null is how YAML spells an empty `renewedOn:`; treat it as absent.
  return renewedOn === undefined || renewedOn === null
    ? 'createdOn'
    : 'renewedOn';
}

/**
 * The state of a product on the day containing `now`, with its expiry date
 * when its category expires. Precedence, from the spec:
 * retired > expired > deprecated > expiring > draft > active.
 *
 * @public
 */
export function evaluateLifecycle(
  entity: DataProductEntityV1alpha1,
  policy: StockroomPolicy,
  now: Date,
): LifecycleEvaluation {
  const categoryPolicy = policy.categories[entity.spec?.category];
  // An unknown category is a schema finding; here it simply never expires.
  const expiry = categoryPolicy
    ? evaluateExpiry(entity, categoryPolicy, now)
    : undefined;
  return lifecycleWithExpiry(entity, expiry);
}

/**
 * evaluateLifecycle with the expiry already evaluated (undefined when the
 * category does not expire or is unknown), for evaluateDataProduct, which
 * also hands it to the auto-expiry rule rather than evaluating it twice.
 */
export function lifecycleWithExpiry(
  entity: DataProductEntityV1alpha1,
  expiry: ExpiryEvaluation | undefined,
): LifecycleEvaluation {
  const state = stateOf(entity.spec?.lifecycle?.stage, expiry?.status);
  return expiry ? { state, expiresOn: expiry.expiresOn } : { state };
}

function stateOf(
  stage: string | undefined,
  expiry: ExpiryEvaluation['status'] | undefined,
): DataProductState {
  if (stage === 'retired') return 'retired';
  if (expiry === 'expired') return 'expired';
  if (stage === 'deprecated') return 'deprecated';
  if (expiry === 'expiring') return 'expiring';
  if (stage === 'draft') return 'draft';
  return 'active';
}
