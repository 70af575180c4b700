import type { DataProductEntityV1alpha1 } from '../../kind/types';
import {
  addCalendarDays,
  calendarDaysBetween,
  formatIsoDate,
  parseIsoDate,
  utcCalendarDay,
} from '../dates';
import { categoryPlural, notice, ruleFinding } from '../finding';
import type { CategoryPolicy, Finding } from '../types';
import { isFilled } from './text';

const WHY =
  'Consumers of a deprecated product need a date to plan by and a place to move to.';

// How far out the example sunset date in a message is: one quarter.
const EXAMPLE_NOTICE_DAYS = 90;

/**
 * `planned-deprecation`: a deprecated product has a sunsetOn and names a
 * successor or a migration guide; as the sunset nears (fewer than
 * sunsetWarningDays away) or passes, it says to retire the product.
 *
 * @public
 */
export function checkPlannedDeprecation(
  entity: DataProductEntityV1alpha1,
  categoryPolicy: CategoryPolicy,
  now: Date,
): Finding[] {
  const enforcement = categoryPolicy.rules['planned-deprecation'];
  const lifecycle = entity.spec?.lifecycle;
  if (lifecycle?.stage !== 'deprecated' || enforcement === 'off') {
    return [];
  }
  const plural = categoryPlural(entity.spec?.category);
  const today = utcCalendarDay(now);
  const findings: Finding[] = [];

  if (!isFilled(lifecycle.sunsetOn)) {
    const example = formatIsoDate(addCalendarDays(today, EXAMPLE_NOTICE_DAYS));
    findings.push(
      ...ruleFinding('planned-deprecation', enforcement, {
        path: 'spec.lifecycle.sunsetOn',
        message: `spec.lifecycle.sunsetOn is missing: deprecated ${plural} say when consumers must be off them — add e.g. \`sunsetOn: ${example}\``,
        why: WHY,
      }),
    );
  }
  if (
    !isFilled(lifecycle.successor) &&
    !isFilled(entity.spec?.migration?.guide)
  ) {
    findings.push(
      ...ruleFinding('planned-deprecation', enforcement, {
        path: 'spec.lifecycle.successor',
        message: `spec.lifecycle.successor is missing: deprecated ${plural} name a successor or a migration guide — add e.g. \`successor: dataproduct:customer-identity-v3\` or \`spec.migration.guide\``,
        why: WHY,
      }),
    );
  }
  const sunset = parseIsoDate(lifecycle.sunsetOn);
  if (sunset) {
    findings.push(
      ...sunsetNotices(
        lifecycle.sunsetOn as string,
        calendarDaysBetween(today, sunset),
        categoryPolicy,
      ),
    );
  }
  return findings;
}

// Time alone brings these on, so they stay warnings whatever the enforcement
// (see `notice`): the spec says the rule "warns" as the sunset nears.
function sunsetNotices(
  sunsetOn: string,
  daysLeft: number,
  categoryPolicy: CategoryPolicy,
): Finding[] {
  const path = 'spec.lifecycle.sunsetOn';
  const why =
    'A sunset date is a promise to consumers; past it, the product should be retired.';
  if (daysLeft < 0) {
    return [
      notice('planned-deprecation', 'warning', {
        path,
        message: `spec.lifecycle.sunsetOn ${sunsetOn} has passed: consumers were to be off it by then — retire it with \`stage: retired\``,
        why,
      }),
    ];
  }
  if (daysLeft < categoryPolicy.sunsetWarningDays) {
    const when =
      daysLeft === 0
        ? 'is today'
        : `is in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`;
    return [
      notice('planned-deprecation', 'warning', {
        path,
        message: `spec.lifecycle.sunsetOn ${sunsetOn} ${when}: check the remaining consumers have moved, then retire it with \`stage: retired\``,
        why,
      }),
    ];
  }
  return [];
}
