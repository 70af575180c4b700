import type { DataProductEntityV1alpha1 } from '../../kind/types';
import {
  calendarDaysBetween,
  formatIsoDate,
  parseIsoDate,
  utcCalendarDay,
} from '../dates';
import { categoryPlural, ruleFinding } from '../finding';
import type { CategoryPolicy, Finding } from '../types';

const WHY =
  'A regular review keeps a shared product honest: is it still used, still owned, still right?';

/**
 * `quarterly-review`: spec.lifecycle.reviewedOn is at most reviewIntervalDays
 * old. A product with no review date is asked for one: unlike expiry, the
 * spec gives the review no fallback date, and the fix (write down when it was
 * last reviewed, e.g. at creation) takes a line.
 *
 * @public
 */
export function checkQuarterlyReview(
  entity: DataProductEntityV1alpha1,
  categoryPolicy: CategoryPolicy,
  now: Date,
): Finding[] {
  const enforcement = categoryPolicy.rules['quarterly-review'];
  const reviewedOn: unknown = entity.spec?.lifecycle?.reviewedOn;
  const interval = categoryPolicy.reviewIntervalDays;
  const reviewed = parseIsoDate(reviewedOn);
  const age = reviewed ? calendarDaysBetween(reviewed, now) : 0;
  if (reviewed && age <= interval) {
    return [];
  }
  // only messages show these: not written for a product in order
  const plural = categoryPlural(entity.spec?.category);
  const today = () => formatIsoDate(utcCalendarDay(now));

  if (!reviewed) {
    // A malformed date is the schema's finding; still, it is no review date.
    const problem =
      reviewedOn === undefined || reviewedOn === null || reviewedOn === ''
        ? 'is missing'
        : `(${String(reviewedOn)}) is not a YYYY-MM-DD date`;
    return ruleFinding('quarterly-review', enforcement, {
      path: 'spec.lifecycle.reviewedOn',
      message: `spec.lifecycle.reviewedOn ${problem}: ${plural} are reviewed every ${interval} days — add the date of the last review, e.g. \`reviewedOn: ${today()}\``,
      why: WHY,
    });
  }
  return ruleFinding('quarterly-review', enforcement, {
    path: 'spec.lifecycle.reviewedOn',
    message: `spec.lifecycle.reviewedOn ${reviewedOn} is ${age} days ago: ${plural} are reviewed every ${interval} days — review it and set \`reviewedOn: ${today()}\``,
    why: WHY,
  });
}
