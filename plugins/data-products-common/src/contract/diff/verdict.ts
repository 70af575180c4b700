import type { DataProductCategory } from '../../kind/types';
import { DEFAULT_POLICY } from '../../policy/defaults';
import { checkBreakingChangeNeedsMajor } from '../../policy/rules/breaking-change-needs-major';
import type { CategoryPolicy } from '../../policy/types';
import type { ClassifiedContractChange, ContractChangeVerdict } from '../types';

/** @public */
export interface ContractChangeVerdictOptions {
  /**
   * The `after` contract belongs to another entity whose
   * `lifecycle.supersedes` names the `before` one (a `-v2` alongside v1):
   * that is how a core entity publishes a breaking change.
   */
  supersedesBefore?: boolean;
}

// The rule at `block`, to ask it "is a major bump missing?" whatever the
// category's enforcement: the verdict is the same question, one answer.
const ASK: CategoryPolicy = {
  ...DEFAULT_POLICY.categories['core-entity'],
  rules: {
    ...DEFAULT_POLICY.categories['core-entity'].rules,
    'breaking-change-needs-major': 'block',
  },
};

/**
 * What a set of classified changes requires: `ok` without breaking changes
 * or with a major version bump (semver major; 0.x → 0.y is not one, exactly
 * as rule `breaking-change-needs-major` judges, which decides it here);
 * `needs-major` for a breaking change inside one major; `needs-new-entity`
 * for a breaking change made in place in a category whose policy says
 * `breakingChangeAsNewEntity` (core entities by default: they publish a new
 * major as a new entity alongside the old one).
 *
 * @public
 */
export function contractChangeVerdict(
  changes: ClassifiedContractChange[],
  fromVersion: string | undefined,
  toVersion: string | undefined,
  category: DataProductCategory | CategoryPolicy,
  options: ContractChangeVerdictOptions = {},
): ContractChangeVerdict {
  if (!changes.some(change => change.kind === 'breaking')) {
    return 'ok';
  }
  // A category name means the spec's defaults; surfaces pass the policy in
  // force so app-config's breakingChangeAsNewEntity counts.
  const categoryPolicy =
    typeof category === 'string'
      ? DEFAULT_POLICY.categories[category]
      : category;
  if (categoryPolicy?.breakingChangeAsNewEntity && !options.supersedesBefore) {
    return 'needs-new-entity';
  }
  return checkBreakingChangeNeedsMajor(changes, fromVersion, toVersion, ASK)
    .length > 0
    ? 'needs-major'
    : 'ok';
}
