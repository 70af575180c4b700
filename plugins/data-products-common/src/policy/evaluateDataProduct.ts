import type { DataProductEntityV1alpha1 } from '../kind/types';
import { evaluateExpiry, lifecycleWithExpiry } from './lifecycle';
import { CONTEXT_RULES, ENTITY_RULES, checkAutoExpiry } from './rules';
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
  const categoryPolicy = policy.categories[entity.spec?.category];
  // The expiry decides the state and is what auto-expiry reports: evaluated
  // once for both. An unknown category is a schema finding; here it simply
  // never expires.
  const expiry = categoryPolicy
    ? evaluateExpiry(entity, categoryPolicy, now)
    : undefined;
  const lifecycle = lifecycleWithExpiry(entity, expiry);
  const findings: Finding[] = [];
  if (categoryPolicy) {
    // indexed, not for…of with destructuring: it runs for every rule of
    // every entity, and the iterator and the pair cost more than most rules
    for (let i = 0; i < ENTITY_RULE_LIST.length; i++) {
      const ruleId = ENTITY_RULE_LIST[i][0];
      const rule = ENTITY_RULE_LIST[i][1];
      if (categoryPolicy.rules[ruleId] !== 'off') {
        const found =
          ruleId === 'auto-expiry'
            ? checkAutoExpiry(entity, categoryPolicy, now, { expiry })
            : rule(entity, categoryPolicy, now);
        // most rules find nothing: no spread of an empty list
        if (found.length > 0) findings.push(...found);
      }
    }
    for (let i = 0; i < CONTEXT_RULE_LIST.length; i++) {
      const ruleId = CONTEXT_RULE_LIST[i][0];
      const rule = CONTEXT_RULE_LIST[i][1];
      if (categoryPolicy.rules[ruleId] !== 'off') {
        const found = rule(entity, categoryPolicy, context);
        if (found.length > 0) findings.push(...found);
      }
    }
  }
  // Array#sort is stable: within a severity, findings keep the spec's rule
  // order. Most products have no finding, or one: nothing to sort.
  if (findings.length > 1) findings.sort(bySeverity);
  return {
    ...lifecycle,
    findings,
    // Only `block` enforcement yields errors (time-driven notices are capped
    // below), so the errors are exactly what the catalog must reject.
    blocking: findings.filter(finding => finding.severity === 'error'),
  };
}
