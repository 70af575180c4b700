import type { Enforcement, RuleId } from './types';

/**
 * Every rule id, in the order of the spec's table; findings of equal severity
 * keep this order so output is stable across surfaces.
 *
 * @public
 */
export const RULE_IDS = [
  'owner-is-group',
  'sla-percentiles',
  'escalation-path',
  'field-semantics',
  'semver',
  'retire-with-replacement',
  'planned-deprecation',
  'quarterly-review',
  'auto-expiry',
  'breaking-change-needs-major',
  'migration-mapping',
  'retire-when-consumers-moved',
  'funding-follows-reuse',
] as const satisfies readonly RuleId[];

// Fails to compile when RuleId gains a member RULE_IDS lacks.
type MissingRuleIds = Exclude<RuleId, (typeof RULE_IDS)[number]>;
const exhaustive: MissingRuleIds extends never ? true : never = true;
void exhaustive;

/** @public */
export const ENFORCEMENTS = [
  'block',
  'warn',
  'off',
] as const satisfies readonly Enforcement[];

/** @public */
export function isRuleId(value: unknown): value is RuleId {
  return (RULE_IDS as readonly unknown[]).includes(value);
}
