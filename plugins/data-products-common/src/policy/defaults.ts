import type { DataProductCategory } from '../kind/types';
import type {
  CategoryPolicy,
  Enforcement,
  RuleId,
  StockroomPolicy,
} from './types';

/**
 * The spec's day counts. Every category carries all four, so a platform team
 * that switches a rule on for another category gets sensible numbers with it.
 *
 * @public
 */
export const DEFAULT_DAYS = Object.freeze({
  expiryDays: 90,
  expiringWindowDays: 14,
  reviewIntervalDays: 92,
  sunsetWarningDays: 30,
});

// The spec's table, one column per category; `off` where a rule does not apply.
const RULES: Record<DataProductCategory, Record<RuleId, Enforcement>> = {
  'core-entity': {
    'owner-is-group': 'block',
    'sla-percentiles': 'block',
    'escalation-path': 'block',
    'field-semantics': 'block',
    semver: 'block',
    'retire-with-replacement': 'block',
    'planned-deprecation': 'warn',
    'quarterly-review': 'off',
    'auto-expiry': 'off',
    'breaking-change-needs-major': 'block',
    'migration-mapping': 'block',
    'retire-when-consumers-moved': 'block',
    'funding-follows-reuse': 'warn',
  },
  'shared-mart': {
    'owner-is-group': 'block',
    'sla-percentiles': 'warn',
    'escalation-path': 'warn',
    'field-semantics': 'off',
    semver: 'warn',
    'retire-with-replacement': 'off',
    'planned-deprecation': 'warn',
    'quarterly-review': 'warn',
    'auto-expiry': 'off',
    'breaking-change-needs-major': 'block',
    'migration-mapping': 'warn',
    'retire-when-consumers-moved': 'warn',
    'funding-follows-reuse': 'warn',
  },
  'convenience-view': {
    'owner-is-group': 'block',
    'sla-percentiles': 'off',
    'escalation-path': 'off',
    'field-semantics': 'off',
    semver: 'off',
    'retire-with-replacement': 'off',
    'planned-deprecation': 'off',
    'quarterly-review': 'off',
    // "expire" in the spec: the view expires; a view with no date to count
    // from is rejected, which is what `block` means for this rule.
    'auto-expiry': 'block',
    'breaking-change-needs-major': 'off',
    'migration-mapping': 'off',
    'retire-when-consumers-moved': 'off',
    'funding-follows-reuse': 'off',
  },
};

// What the spec asks of core entities beyond the rule table: the tail of the
// freshness SLA, an on-call rotation, and breaking changes as a new entity.
// Settings, not category names in the rules, so a platform team can ask the
// same of another category (or relax it) in app-config.
const STRICTNESS: Record<
  DataProductCategory,
  Pick<
    CategoryPolicy,
    'requireP99' | 'requireOnCall' | 'breakingChangeAsNewEntity'
  >
> = {
  'core-entity': {
    requireP99: true,
    requireOnCall: true,
    breakingChangeAsNewEntity: true,
  },
  'shared-mart': {
    requireP99: false,
    requireOnCall: false,
    breakingChangeAsNewEntity: false,
  },
  'convenience-view': {
    requireP99: false,
    requireOnCall: false,
    breakingChangeAsNewEntity: false,
  },
};

function categoryDefaults(category: DataProductCategory): CategoryPolicy {
  return Object.freeze({
    rules: Object.freeze({ ...RULES[category] }),
    ...DEFAULT_DAYS,
    ...STRICTNESS[category],
  });
}

/**
 * Stockroom's policy when app-config says nothing. Frozen: derive changes
 * with {@link policyFromConfig}.
 *
 * @public
 */
export const DEFAULT_POLICY: StockroomPolicy = Object.freeze({
  categories: Object.freeze({
    'core-entity': categoryDefaults('core-entity'),
    'shared-mart': categoryDefaults('shared-mart'),
    'convenience-view': categoryDefaults('convenience-view'),
  }),
});
