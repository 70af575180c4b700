import type { DataProductCategory } from '../../kind/types';
import { DEFAULT_POLICY } from '../defaults';
import type { CategoryPolicy, Enforcement, RuleId } from '../types';

/** The default policy of a category, one rule set to `enforcement`. */
export function categoryPolicy(
  category: DataProductCategory,
  overrides: Partial<Record<RuleId, Enforcement>> = {},
  days: Partial<Omit<CategoryPolicy, 'rules'>> = {},
): CategoryPolicy {
  const defaults = DEFAULT_POLICY.categories[category];
  return { ...defaults, ...days, rules: { ...defaults.rules, ...overrides } };
}

export const CORE = categoryPolicy('core-entity');
export const MART = categoryPolicy('shared-mart');
export const VIEW = categoryPolicy('convenience-view');
