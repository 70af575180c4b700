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
 * `quarterly-review`: the last review (reviewedOn, else createdOn: a new
 * product starts its first quarter when created) is at most
 * reviewIntervalDays old.
 *
 * @public
 */
export function checkQuarterlyReview(
  entity: DataProductEntityV1alpha1,
  categoryPolicy: CategoryPolicy,
  now: Date,
): Finding[] {
  const enforcement = categoryPolicy.rules['quarterly-review'];
  const lifecycle = entity.spec?.lifecycle;
  const interval = categoryPolicy.reviewIntervalDays;
  const plural = categoryPlural(entity.spec?.category);
  const today = formatIsoDate(utcCalendarDay(now));
  const reviewed = parseIsoDate(lifecycle?.reviewedOn);
  const created = parseIsoDate(lifecycle?.createdOn);
  const last = reviewed ?? created;

  if (!last) {
    return ruleFinding('quarterly-review', enforcement, {
      path: 'spec.lifecycle.reviewedOn',
      message: `spec.lifecycle.reviewedOn is missing: ${plural} are reviewed every ${interval} days — add the date of the last review, e.g. \`reviewedOn: ${today}\``,
      why: WHY,
    });
  }
  const age = calendarDaysBetween(last, now);
  if (age <= interval) {
    return [];
  }
  const since = reviewed
    ? `spec.lifecycle.reviewedOn ${lifecycle?.reviewedOn} is ${age} days ago`
    : `spec.lifecycle.reviewedOn is missing and createdOn ${lifecycle?.createdOn} is ${age} days ago`;
  return ruleFinding('quarterly-review', enforcement, {
    path: 'spec.lifecycle.reviewedOn',
    message: `${since}: ${plural} are reviewed every ${interval} days — review it and set \`reviewedOn: ${today}\``,
    why: WHY,
  });
}
