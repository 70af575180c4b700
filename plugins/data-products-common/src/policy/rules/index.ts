import type { EntityRule, RuleId } from '../types';
import { checkAutoExpiry } from './auto-expiry';
import { checkEscalationPath } from './escalation-path';
import { checkFieldSemantics } from './field-semantics';
import { checkOwnerIsGroup } from './owner-is-group';
import { checkPlannedDeprecation } from './planned-deprecation';
import { checkQuarterlyReview } from './quarterly-review';
import { checkRetireWithReplacement } from './retire-with-replacement';
import { checkSemver } from './semver';
import { checkSlaPercentiles } from './sla-percentiles';

export { checkBreakingChangeNeedsMajor } from './breaking-change-needs-major';
export {
  checkAutoExpiry,
  checkEscalationPath,
  checkFieldSemantics,
  checkOwnerIsGroup,
  checkPlannedDeprecation,
  checkQuarterlyReview,
  checkRetireWithReplacement,
  checkSemver,
  checkSlaPercentiles,
};

/**
 * The rules judged on an entity alone, in the spec's order.
 * `breaking-change-needs-major` is absent: it judges a change between two
 * contracts, so whoever diffs them calls {@link checkBreakingChangeNeedsMajor}.
 *
 * @public
 */
export const ENTITY_RULES: Readonly<
  Record<Exclude<RuleId, 'breaking-change-needs-major'>, EntityRule>
> = Object.freeze({
  'owner-is-group': checkOwnerIsGroup,
  'sla-percentiles': checkSlaPercentiles,
  'escalation-path': checkEscalationPath,
  'field-semantics': checkFieldSemantics,
  semver: checkSemver,
  'retire-with-replacement': checkRetireWithReplacement,
  'planned-deprecation': checkPlannedDeprecation,
  'quarterly-review': checkQuarterlyReview,
  'auto-expiry': checkAutoExpiry,
});
