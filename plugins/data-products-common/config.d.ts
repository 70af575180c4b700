/**
 * App-config schema of Stockroom's category rules. Read by
 * `policyFromConfig` (src/policy), which also rejects malformed values with
 * a message naming the key; see docs/categories-and-lifecycle.md.
 */
export interface Config {
  /** Stockroom: data products as inventory. */
  stockroom?: {
    /**
     * How strictly each category of data product is managed. Anything left
     * out keeps the default from the DataProduct spec.
     */
    categories?: {
      /** Core entities: the most depended-on data, managed most strictly. */
      'core-entity'?: StockroomCategoryConfig;
      /** Shared marts: reused across teams, reviewed quarterly. */
      'shared-mart'?: StockroomCategoryConfig;
      /** Convenience views: cheap to create, so they expire unless renewed. */
      'convenience-view'?: StockroomCategoryConfig;
    };
    /** What products cost and who should fund them (dataproduct-spec.md "Freshness versus cost"). */
    costs?: {
      /**
       * Rule funding-follows-reuse: a product consumed by at least this many
       * owner groups other than its own should be funded centrally. Default: 3.
       * @asType integer
       * @minimum 2
       */
      manyTeams?: number;
      /**
       * Rule funding-follows-reuse: the groups that fund centrally, as group
       * refs (`group:default/data-platform` or `data-platform`). Default: none,
       * and then central funding cannot be judged (the inventory says so).
       */
      centralFunders?: string[];
      /**
       * Relative monthly cost of each freshness tier, for estimating the unit
       * cost of additional freshness of a product that declares no
       * spec.cost.options (always labelled "estimated"). Numbers > 0. Read by
       * `costSettingsFromConfig`. Default: streaming 4, micro-batch 1.5, daily 1.
       */
      tierMultipliers?: {
        streaming?: number;
        'micro-batch'?: number;
        daily?: number;
      };
      /**
       * The P95 lag each tier typically delivers, for the same estimate (how
       * much lag a tier move saves). Durations: 45s, 30m, 2h, 1d. Default:
       * streaming 1m, micro-batch 30m, daily 1d.
       */
      tierTypicalP95?: {
        streaming?: string;
        'micro-batch'?: string;
        daily?: string;
      };
    };
    /**
     * Lead time, volatility, error budgets and tier at risk
     * (dataproduct-spec.md "Supply chain"). Read by
     * `supplyChainSettingsFromConfig`, which refuses a malformed value naming
     * the key. Anything left out keeps the spec's default.
     */
    supplyChain?: {
      volatility?: {
        /**
         * Fewer successful runs with a lag than this: volatility unknown. Default: 10.
         * @asType integer
         * @minimum 2
         */
        minRuns?: number;
        /** Coefficient of variation from which volatility is medium. Default: 0.25. */
        medium?: number;
        /** … and high (which, with a P95 lead time over target, makes a product fragile). Must be above medium. Default: 0.5. */
        high?: number;
      };
      errorBudget?: {
        /** The owner is notified once when the 24 h burn rate reaches this. Default: 10. */
        burnRateAlert?: number;
        /**
         * … with at least this many runs in those 24 h. Default: 5.
         * @asType integer
         * @minimum 1
         */
        burnRateMinRuns?: number;
      };
      tierAtRisk?: {
        /**
         * Days of daily snapshots in which freshness or reliability must score 2 or less for a core entity or shared mart to be at risk. Default: 14.
         * @asType integer
         * @minimum 1
         */
        days?: number;
      };
    };
    /** The scorecard (see docs/runs-and-scorecards.md). */
    scoring?: {
      /**
       * The scorecard's thresholds: for each dimension the bound a value must
       * meet for a 5, 4, 3 and 2 (anything beyond the bound for 2 scores 1).
       * Set any bounds; the others keep the spec's defaults. Read by
       * `thresholdsFromConfig` (src/scoring), which refuses a ladder that is
       * not monotonic or a bound out of range, naming the key.
       */
      thresholds?: {
        /** P95 lag at most this multiple of the promised p95 for a 3 and a 2 (a 5 and a 4 need P95 within p95). Numbers ≥ 1. Default: 3: 1.5, 2: 3. */
        freshness?: { 3?: number; 2?: number };
        /** SLA breaches per 1,000 runs, at most. Default: 5: 1, 4: 10, 3: 50, 2: 100. */
        reliability?: { 5?: number; 4?: number; 3?: number; 2?: number };
        /** The worst key-field null or duplicate rate, at most this multiple of its declared max. Default: 5: 1, 4: 2, 3: 5, 2: 10. */
        quality?: { 5?: number; 4?: number; 3?: number; 2?: number };
        /** Where the declared max is 0 (no ratio): the rate, 0 to 1, at most which scores 5 and 3; anything else 1. Default: 5: 0, 3: 0.001. */
        qualityZeroMax?: { 5?: number; 3?: number };
        /** The share (0 to 1) of failed key-field assertions (dbt tests, Great Expectations, Soda), at most. Default: 5: 0, 4: 0.01, 3: 0.05, 2: 0.1. */
        assertions?: { 5?: number; 4?: number; 3?: number; 2?: number };
        /** Drift incidents this quarter, at most (whole numbers). Default: 5: 0, 4: 1, 3: 2, 2: 4. */
        stability?: { 5?: number; 4?: number; 3?: number; 2?: number };
        /** Contract completeness in percent, at least (0 to 100). Default: 5: 100, 4: 80, 3: 60, 2: 40. */
        contract?: { 5?: number; 4?: number; 3?: number; 2?: number };
        /** Ownership checks passed of 4, at least (whole numbers). Default: 5: 4, 4: 3, 3: 2, 2: 1. */
        ownership?: { 5?: number; 4?: number; 3?: number; 2?: number };
        /** Distinct consuming entities, at least (whole numbers). Default: 5: 5, 4: 4, 3: 3, 2: 2. */
        reuse?: { 5?: number; 4?: number; 3?: number; 2?: number };
      };
    };
  };
}

/** What a rule does when it finds something: reject, warn, or skip. */
type Enforcement = 'block' | 'warn' | 'off';

/**
 * How strictly one category is managed: the same settings for each
 * category, each with the DataProduct spec's default per category.
 */
interface StockroomCategoryConfig {
  /**
   * Enforcement per rule: `block` makes the catalog reject the entity,
   * `warn` shows a warning (entity page, inventory, CLI), `off` skips it.
   */
  rules?: {
    /** spec.owner is a Group ref, not a User or any other kind. Defaults: core-entity `block`, shared-mart `block`, convenience-view `block`. */
    'owner-is-group'?: Enforcement;
    /** spec.contract.freshness has p95 (and p99 for core entities), with p95 ≤ p99. Defaults: core-entity `block`, shared-mart `warn`, convenience-view `off`. */
    'sla-percentiles'?: Enforcement;
    /** spec.contract.escalation has a channel (and an onCall for core entities). Defaults: core-entity `block`, shared-mart `warn`, convenience-view `off`. */
    'escalation-path'?: Enforcement;
    /** Every field in spec.contract.schema has a description. Defaults: core-entity `block`, shared-mart `off`, convenience-view `off`. */
    'field-semantics'?: Enforcement;
    /** spec.version is present. Defaults: core-entity `block`, shared-mart `warn`, convenience-view `off`. */
    semver?: Enforcement;
    /** A retired product names spec.lifecycle.successor. Defaults: core-entity `block`, shared-mart `off`, convenience-view `off`. */
    'retire-with-replacement'?: Enforcement;
    /** A deprecated product has spec.lifecycle.sunsetOn and a successor or migration guide; warns as the sunset nears or passes. Defaults: core-entity `warn`, shared-mart `warn`, convenience-view `off`. */
    'planned-deprecation'?: Enforcement;
    /** spec.lifecycle.reviewedOn is present and at most reviewIntervalDays old. Defaults: core-entity `off`, shared-mart `warn`, convenience-view `off`. */
    'quarterly-review'?: Enforcement;
    /** The product expires expiryDays after renewedOn (else createdOn); `off` means it never expires. The enforcement applies to a product with neither date. Defaults: core-entity `off`, shared-mart `off`, convenience-view `block`. */
    'auto-expiry'?: Enforcement;
    /** A breaking contract change comes with a major version bump (checked by the CLI diff and the backend). Defaults: core-entity `block`, shared-mart `block`, convenience-view `off`. */
    'breaking-change-needs-major'?: Enforcement;
    /** A product that supersedes another maps every field the old contract had and its schema lacks (spec.migration.fieldMapping), to fields its schema has. Judged where the superseded contract is known (catalog, CLI diff, backend). Defaults: core-entity `block`, shared-mart `warn`, convenience-view `off`. */
    'migration-mapping'?: Enforcement;
    /** A retired product has no catalog entity left that dependsOn it. Judged where the dependents are known. Defaults: core-entity `block`, shared-mart `warn`, convenience-view `off`. */
    'retire-when-consumers-moved'?: Enforcement;
    /** A product consumed by stockroom.costs.manyTeams or more owner groups other than its own is funded by one of stockroom.costs.centralFunders; one consumed by one other team only, by that team (info). Judged by the inventory, which knows the consumers' owners, so it never rejects an entity. Defaults: core-entity `warn`, shared-mart `warn`, convenience-view `off`. */
    'funding-follows-reuse'?: Enforcement;
  };
  /**
   * Days after renewedOn (else createdOn) on which a product expires, when auto-expiry is not off. Default: 90.
   * @asType integer
   * @minimum 1
   */
  expiryDays?: number;
  /**
   * Days before its expiry date from which a product is `expiring`. Must be below expiryDays. Default: 14.
   * @asType integer
   * @minimum 0
   */
  expiringWindowDays?: number;
  /**
   * Days a review (spec.lifecycle.reviewedOn) stays current for quarterly-review. Default: 92.
   * @asType integer
   * @minimum 1
   */
  reviewIntervalDays?: number;
  /**
   * planned-deprecation warns when spec.lifecycle.sunsetOn is fewer than this many days away. Default: 30.
   * @asType integer
   * @minimum 0
   */
  sunsetWarningDays?: number;
  /** sla-percentiles asks for spec.contract.freshness.p99 too, not only p95. Defaults: core-entity true, shared-mart false, convenience-view false. */
  requireP99?: boolean;
  /** escalation-path asks for spec.contract.escalation.onCall too, not only a channel. Defaults: core-entity true, shared-mart false, convenience-view false. */
  requireOnCall?: boolean;
  /** A breaking contract change must be published as a new entity (whose lifecycle.supersedes names the old one), not made in place. Defaults: core-entity true, shared-mart false, convenience-view false. */
  breakingChangeAsNewEntity?: boolean;
}
