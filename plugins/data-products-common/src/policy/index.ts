export type {
  CategoryPolicy,
  ContextRule,
  ContractChange,
  Enforcement,
  EntityRule,
  Evaluation,
  Finding,
  LifecycleEvaluation,
  RuleContext,
  RuleId,
  Severity,
  StockroomPolicy,
} from './types';
export { RULE_IDS, ENFORCEMENTS, isRuleId } from './ruleIds';
export { DEFAULT_DAYS, DEFAULT_POLICY } from './defaults';
export { policyFromConfig } from './policyFromConfig';
export { fundingPolicyFromConfig } from './fundingPolicyFromConfig';
export { PolicyConfigError, type PolicyConfigIssue } from './PolicyConfigError';
export {
  addCalendarDays,
  calendarDaysBetween,
  formatIsoDate,
  lastDayOfMonth,
  parseIsoDate,
  utcCalendarDay,
} from './dates';
export {
  evaluateExpiry,
  evaluateLifecycle,
  type ExpiryEvaluation,
} from './lifecycle';
export { evaluateDataProduct } from './evaluateDataProduct';
export {
  CONTEXT_RULES,
  ENTITY_RULES,
  type ContextRuleId,
  checkAutoExpiry,
  checkBreakingChangeNeedsMajor,
  DEFAULT_FUNDING_POLICY,
  judgeFunding,
  type FundingFacts,
  type FundingPolicy,
  type FundingVerdict,
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
} from './rules';
export { SEVERITIES, bySeverity, isSeverity } from './severity';
