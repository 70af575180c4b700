import type { DataProductCategory } from '../kind/types';
import type {
  CategoryPolicy,
  Enforcement,
  StockroomPolicy,
} from '../policy/types';
import { classifyContractChanges } from './diff/classify';
import { contractChangeVerdict } from './diff/verdict';
import type {
  ClassifiedContractChange,
  ContractChangeVerdict,
  NormalizedContract,
} from './types';

/** @public */
export interface JudgeContractChangeOptions {
  /** The product's category; unknown categories are judged with the rule off. */
  category: unknown;
  policy: StockroomPolicy;
  /**
   * `after` is another entity whose `lifecycle.supersedes` names `before`
   * (a `-v2` alongside v1): how a category that publishes breaking changes as
   * new entities is meant to make them.
   */
  supersedesBefore?: boolean;
}

/**
 * Everything a surface needs to know about a contract change, answered once:
 * the classified changes, the verdict, the enforcement of
 * `breaking-change-needs-major` for the category, and whether the change
 * blocks (the catalog's history job opens an incident, `stockroom diff` fails
 * CI).
 *
 * @public
 */
export interface ContractChangeJudgement {
  changes: ClassifiedContractChange[];
  verdict: ContractChangeVerdict;
  enforcement: Enforcement;
  blocks: boolean;
}

/**
 * Judges a contract change between two versions of a product: "is this a
 * breaking change, and does it fail?" has this one answer in every surface.
 *
 * @public
 */
export function judgeContractChange(
  before: NormalizedContract,
  after: NormalizedContract,
  options: JudgeContractChangeOptions,
): ContractChangeJudgement {
  const changes = classifyContractChanges(before, after);
  const categoryPolicy = knownCategoryPolicy(options.policy, options.category);
  // A category the policy does not know still gets a verdict (reported), but
  // enforces nothing: the entity itself is rejected for its category.
  const verdict = contractChangeVerdict(
    changes,
    before.version,
    after.version,
    categoryPolicy ?? (options.category as DataProductCategory),
    { supersedesBefore: options.supersedesBefore },
  );
  const enforcement = breakingChangeEnforcement(
    options.policy,
    options.category,
  );
  return {
    changes,
    verdict,
    enforcement,
    blocks: verdict !== 'ok' && enforcement === 'block',
  };
}

/**
 * The enforcement of `breaking-change-needs-major` for a category; `off` for
 * a category the policy does not know (the entity is rejected for it anyway).
 *
 * @public
 */
export function breakingChangeEnforcement(
  policy: StockroomPolicy,
  category: unknown,
): Enforcement {
  return (
    knownCategoryPolicy(policy, category)?.rules[
      'breaking-change-needs-major'
    ] ?? 'off'
  );
}

function knownCategoryPolicy(
  policy: StockroomPolicy,
  category: unknown,
): CategoryPolicy | undefined {
  const categories = policy.categories as Record<string, CategoryPolicy>;
  return typeof category === 'string' && Object.hasOwn(categories, category)
    ? categories[category]
    : undefined;
}
