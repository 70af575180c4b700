import type { DataProductEntityV1alpha1 } from '../kind/types';
import { evaluateLifecycle } from './lifecycle';
import { CONTEXT_RULES, ENTITY_RULES } from './rules';
import { bySeverity } from './severity';
import type {
  Evaluation,
  Finding,
  RuleContext,
  StockroomPolicy,
} from './types';

// Both tables are frozen: list them once, not for every entity evaluated.
const ENTITY_RULE_LIST = Object.entries(ENTITY_RULES) as Array<
  [keyof typeof ENTITY_RULES, (typeof ENTITY_RULES)[keyof typeof ENTITY_RULES]]
>;
const CONTEXT_RULE_LIST = Object.entries(CONTEXT_RULES) as Array<
  [
    keyof typeof CONTEXT_RULES,
    (typeof CONTEXT_RULES)[keyof typeof CONTEXT_RULES],
  ]
>;

/**
 * Everything Stockroom concludes about a data product on the day containing
 * `now`: its state, its expiry date, and the findings of every rule its
 * category applies. Every surface calls this, so none can disagree.
 * An entity whose category is unknown gets no rule findings: the schema
 * validator reports the category. `context` holds what only some callers
 * know (the superseded contract, the dependents); the rules that need a part
 * of it are skipped without it.
 *
 * @public
 */
export function evaluateDataProduct(
  entity: DataProductEntityV1alpha1,
  policy: StockroomPolicy,
  now: Date,
  context: RuleContext = {},
): Evaluation {
  const lifecycle = evaluateLifecycle(entity, policy, now);
  const categoryPolicy = policy.categories[entity.spec?.category];
  const findings: Finding[] = [];
  if (categoryPolicy) {
    for (const [ruleId, rule] of ENTITY_RULE_LIST) {
      if (categoryPolicy.rules[ruleId] !== 'off') {
        findings.push(...rule(entity, categoryPolicy, now));
      }
    }
    for (const [ruleId, rule] of CONTEXT_RULE_LIST) {
      if (categoryPolicy.rules[ruleId] !== 'off') {
        findings.push(...rule(entity, categoryPolicy, context));
      }
    }
  }
  // Array#sort is stable: within a severity, findings keep the spec's rule order.
  findings.sort(bySeverity);
  return {
    ...lifecycle,
    findings,
    // Only `block` enforcement yields errors (time-driven notices are capped
    // below), so the errors are exactly what the catalog must reject.
    blocking: findings.filter(finding => finding.severity === 'error'),
  };
}
