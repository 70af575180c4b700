import type { ContextRule, EntityRule, RuleId } from '../types';
import { checkAutoExpiry } from './auto-expiry';
import { checkEscalationPath } from './escalation-path';
import { checkFieldSemantics } from './field-semantics';
import { checkMigrationMapping } from './migration-mapping';
import { checkOwnerIsGroup } from './owner-is-group';
import { checkPlannedDeprecation } from './planned-deprecation';
import { checkQuarterlyReview } from './quarterly-review';
import { checkRetireWhenConsumersMoved } from './retire-when-consumers-moved';
import { checkRetireWithReplacement } from './retire-with-replacement';
import { checkSemver } from './semver';
import { checkSlaPercentiles } from './sla-percentiles';

export { checkBreakingChangeNeedsMajor } from './breaking-change-needs-major';
export {
  DEFAULT_FUNDING_POLICY,
  judgeFunding,
  type FundingFacts,
  type FundingPolicy,
  type FundingVerdict,
} from './funding-follows-reuse';
export {
  checkAutoExpiry,
  checkEscalationPath,
  checkFieldSemantics,
  checkMigrationMapping,
  checkOwnerIsGroup,
  checkPlannedDeprecation,
  checkQuarterlyReview,
  checkRetireWhenConsumersMoved,
  checkRetireWithReplacement,
  checkSemver,
  checkSlaPercentiles,
};

/**
 * The rules judged on an entity alone, in the spec's order.
 * `breaking-change-needs-major` is absent: it judges a change between two
 * contracts, so whoever diffs them calls {@link checkBreakingChangeNeedsMajor}.
 * So is `funding-follows-reuse`: it needs the owners of the consuming
 * entities, so the inventory, which reads them, calls {@link judgeFunding}.
 *
 * @public
 */
export const ENTITY_RULES: Readonly<
  Record<
    Exclude<
      RuleId,
      'breaking-change-needs-major' | 'funding-follows-reuse' | ContextRuleId
    >,
    EntityRule
  >
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

/** @public */
export type ContextRuleId = 'migration-mapping' | 'retire-when-consumers-moved';

/**
 * The rules that also need facts from the rest of the catalog (a
 * {@link RuleContext}), in the spec's order. Each is skipped when the context
 * lacks its part.
 *
 * @public
 */
export const CONTEXT_RULES: Readonly<Record<ContextRuleId, ContextRule>> =
  Object.freeze({
    'migration-mapping': checkMigrationMapping,
    'retire-when-consumers-moved': checkRetireWhenConsumersMoved,
  });
