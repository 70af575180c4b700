import type {
  DataProductCategory,
  DataProductEntityV1alpha1,
  DataProductState,
  SchemaField,
} from '../kind/types';

/**
 * The id of a category management rule. These ids are public: platform teams
 * write them in app-config and findings carry them, so they only change with a
 * migration note (see docs/categories-and-lifecycle.md).
 *
 * @public
 */
export type RuleId =
  | 'owner-is-group'
  | 'sla-percentiles'
  | 'escalation-path'
  | 'field-semantics'
  | 'semver'
  | 'retire-with-replacement'
  | 'planned-deprecation'
  | 'quarterly-review'
  | 'auto-expiry'
  | 'breaking-change-needs-major'
  | 'migration-mapping'
  | 'retire-when-consumers-moved'
  | 'funding-follows-reuse';

/** @public */
export type Severity = 'error' | 'warning' | 'info';

/**
 * One thing wrong with (or worth knowing about) a data product. `schema` is the
 * rule id of findings from the JSON-schema validator, so every surface can
 * show both kinds in one list.
 *
 * @public
 */
export interface Finding {
  ruleId: RuleId | 'schema';
  severity: Severity;
  /** Names the field and the fix, e.g. "spec.version is missing: … — add e.g. `version: 1.0.0`". */
  message: string;
  /** Dotted path of the field, arrays by index: `spec.contract.schema[1].description`. */
  path: string;
  /** Why the rule exists and where to read more; safe to show under the message. */
  hint: string;
}

/**
 * What a rule does in a category: `block` rejects the entity in the catalog
 * (findings are errors), `warn` shows warnings, `off` skips the rule.
 *
 * @public
 */
export type Enforcement = 'block' | 'warn' | 'off';

/**
 * How strictly one category is managed. Day counts are whole calendar days.
 *
 * @public
 */
export interface CategoryPolicy {
  rules: Record<RuleId, Enforcement>;
  /** auto-expiry: a view expires this many days after renewedOn (else createdOn). */
  expiryDays: number;
  /** auto-expiry: the state is `expiring` from this many days before expiresOn. */
  expiringWindowDays: number;
  /** quarterly-review: reviewedOn may be at most this many days old. */
  reviewIntervalDays: number;
  /** planned-deprecation: warn when sunsetOn is fewer than this many days away. */
  sunsetWarningDays: number;
  /** sla-percentiles: a p99 is required besides the p95 (consumers need the tail). */
  requireP99: boolean;
  /** escalation-path: an on-call rotation is required besides the channel. */
  requireOnCall: boolean;
  /**
   * A breaking contract change is published as a new entity alongside the
   * old one (whose `lifecycle.supersedes` names it), never made in place.
   */
  breakingChangeAsNewEntity: boolean;
}

/** @public */
export interface StockroomPolicy {
  categories: Record<DataProductCategory, CategoryPolicy>;
}

/** The computed state of a data product on one day. @public */
export interface LifecycleEvaluation {
  state: DataProductState;
  /** YYYY-MM-DD; set for products whose category expires (convenience views by default). */
  expiresOn?: string;
}

/** @public */
export interface Evaluation extends LifecycleEvaluation {
  /** Every finding, errors first, then warnings, then info. */
  findings: Finding[];
  /** The findings that make the catalog reject the entity (rules at `block`). */
  blocking: Finding[];
}

/**
 * One classified difference between two versions of a contract, as the
 * contract diff produces it.
 *
 * @public
 */
export interface ContractChange {
  kind: 'breaking' | 'non-breaking' | 'notice';
  message: string;
  path: string;
}

/**
 * One category rule over an entity: findings at the severity its enforcement
 * in `categoryPolicy` calls for, none when it is `off`.
 *
 * @public
 */
export type EntityRule = (
  entity: DataProductEntityV1alpha1,
  categoryPolicy: CategoryPolicy,
  now: Date,
) => Finding[];

/**
 * What some rules need beyond the entity itself: facts from the rest of the
 * catalog that only some callers know. Each part is optional; a rule whose
 * part is absent is skipped and says nothing, so a caller that cannot know
 * (a CLI linting one file offline) never gets a false finding.
 *
 * @public
 */
export interface RuleContext {
  /**
   * The contract of the product this one supersedes (`lifecycle.supersedes`,
   * else `migration.from`), normalized: `prepareDataProduct(v1).contract`.
   * Needed by `migration-mapping`.
   */
  supersededContract?: { schema: SchemaField[] };
  /**
   * Refs of the catalog entities that still `dependsOn` this product
   * (its `dependencyOf` relations), e.g. `component:default/checkout`.
   * Needed by `retire-when-consumers-moved`.
   */
  dependents?: readonly string[];
}

/**
 * One category rule that needs a {@link RuleContext}: findings at the
 * severity its enforcement calls for, none when it is `off` or when the
 * context lacks what it needs.
 *
 * @public
 */
export type ContextRule = (
  entity: DataProductEntityV1alpha1,
  categoryPolicy: CategoryPolicy,
  context: RuleContext,
) => Finding[];
