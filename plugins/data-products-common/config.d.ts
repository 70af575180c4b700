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
      'core-entity'?: {
        /**
         * Enforcement per rule: `block` makes the catalog reject the entity,
         * `warn` shows a warning (entity page, inventory, CLI), `off` skips it.
         */
        rules?: {
          /** spec.owner is a Group ref, not a User or any other kind. Default for this category: `block`. */
          'owner-is-group'?: 'block' | 'warn' | 'off';
          /** spec.contract.freshness has p95 (and p99 for core entities), with p95 ≤ p99. Default for this category: `block`. */
          'sla-percentiles'?: 'block' | 'warn' | 'off';
          /** spec.contract.escalation has a channel (and an onCall for core entities). Default for this category: `block`. */
          'escalation-path'?: 'block' | 'warn' | 'off';
          /** Every field in spec.contract.schema has a description. Default for this category: `block`. */
          'field-semantics'?: 'block' | 'warn' | 'off';
          /** spec.version is present. Default for this category: `block`. */
          semver?: 'block' | 'warn' | 'off';
          /** A retired product names spec.lifecycle.successor. Default for this category: `block`. */
          'retire-with-replacement'?: 'block' | 'warn' | 'off';
          /** A deprecated product has spec.lifecycle.sunsetOn and a successor or migration guide; warns as the sunset nears or passes. Default for this category: `warn`. */
          'planned-deprecation'?: 'block' | 'warn' | 'off';
          /** spec.lifecycle.reviewedOn is present and at most reviewIntervalDays old. Default for this category: `off`. */
          'quarterly-review'?: 'block' | 'warn' | 'off';
          /** The product expires expiryDays after renewedOn (else createdOn); `off` means it never expires. The enforcement applies to a product with neither date. Default for this category: `off`. */
          'auto-expiry'?: 'block' | 'warn' | 'off';
          /** A breaking contract change comes with a major version bump (checked by the CLI diff and the backend). Default for this category: `block`. */
          'breaking-change-needs-major'?: 'block' | 'warn' | 'off';
          /** A product that supersedes another maps every field the old contract had and its schema lacks (spec.migration.fieldMapping), to fields its schema has. Judged where the superseded contract is known (catalog, CLI diff, backend). Default for this category: `block`. */
          'migration-mapping'?: 'block' | 'warn' | 'off';
          /** A retired product has no catalog entity left that dependsOn it. Judged where the dependents are known. Default for this category: `block`. */
          'retire-when-consumers-moved'?: 'block' | 'warn' | 'off';
          /** A product consumed by stockroom.costs.manyTeams or more owner groups other than its own is funded by one of stockroom.costs.centralFunders; one consumed by one other team only, by that team (info). Judged by the inventory, which knows the consumers' owners, so it never rejects an entity. Default for this category: `warn`. */
          'funding-follows-reuse'?: 'block' | 'warn' | 'off';
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
        /** sla-percentiles asks for spec.contract.freshness.p99 too, not only p95. Default for this category: true. */
        requireP99?: boolean;
        /** escalation-path asks for spec.contract.escalation.onCall too, not only a channel. Default for this category: true. */
        requireOnCall?: boolean;
        /** A breaking contract change must be published as a new entity (whose lifecycle.supersedes names the old one), not made in place. Default for this category: true. */
        breakingChangeAsNewEntity?: boolean;
      };
      /** Shared marts: reused across teams, reviewed quarterly. */
      'shared-mart'?: {
        /**
         * Enforcement per rule: `block` makes the catalog reject the entity,
         * `warn` shows a warning (entity page, inventory, CLI), `off` skips it.
         */
        rules?: {
          /** spec.owner is a Group ref, not a User or any other kind. Default for this category: `block`. */
          'owner-is-group'?: 'block' | 'warn' | 'off';
          /** spec.contract.freshness has p95 (and p99 for core entities), with p95 ≤ p99. Default for this category: `warn`. */
          'sla-percentiles'?: 'block' | 'warn' | 'off';
          /** spec.contract.escalation has a channel (and an onCall for core entities). Default for this category: `warn`. */
          'escalation-path'?: 'block' | 'warn' | 'off';
          /** Every field in spec.contract.schema has a description. Default for this category: `off`. */
          'field-semantics'?: 'block' | 'warn' | 'off';
          /** spec.version is present. Default for this category: `warn`. */
          semver?: 'block' | 'warn' | 'off';
          /** A retired product names spec.lifecycle.successor. Default for this category: `off`. */
          'retire-with-replacement'?: 'block' | 'warn' | 'off';
          /** A deprecated product has spec.lifecycle.sunsetOn and a successor or migration guide; warns as the sunset nears or passes. Default for this category: `warn`. */
          'planned-deprecation'?: 'block' | 'warn' | 'off';
          /** spec.lifecycle.reviewedOn is present and at most reviewIntervalDays old. Default for this category: `warn`. */
          'quarterly-review'?: 'block' | 'warn' | 'off';
          /** The product expires expiryDays after renewedOn (else createdOn); `off` means it never expires. The enforcement applies to a product with neither date. Default for this category: `off`. */
          'auto-expiry'?: 'block' | 'warn' | 'off';
          /** A breaking contract change comes with a major version bump (checked by the CLI diff and the backend). Default for this category: `block`. */
          'breaking-change-needs-major'?: 'block' | 'warn' | 'off';
          /** A product that supersedes another maps every field the old contract had and its schema lacks (spec.migration.fieldMapping), to fields its schema has. Judged where the superseded contract is known (catalog, CLI diff, backend). Default for this category: `warn`. */
          'migration-mapping'?: 'block' | 'warn' | 'off';
          /** A retired product has no catalog entity left that dependsOn it. Judged where the dependents are known. Default for this category: `warn`. */
          'retire-when-consumers-moved'?: 'block' | 'warn' | 'off';
          /** A product consumed by stockroom.costs.manyTeams or more owner groups other than its own is funded by one of stockroom.costs.centralFunders; one consumed by one other team only, by that team (info). Judged by the inventory, which knows the consumers' owners, so it never rejects an entity. Default for this category: `warn`. */
          'funding-follows-reuse'?: 'block' | 'warn' | 'off';
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
        /** sla-percentiles asks for spec.contract.freshness.p99 too, not only p95. Default for this category: false. */
        requireP99?: boolean;
        /** escalation-path asks for spec.contract.escalation.onCall too, not only a channel. Default for this category: false. */
        requireOnCall?: boolean;
        /** A breaking contract change must be published as a new entity (whose lifecycle.supersedes names the old one), not made in place. Default for this category: false. */
        breakingChangeAsNewEntity?: boolean;
      };
      /** Convenience views: cheap to create, so they expire unless renewed. */
      'convenience-view'?: {
        /**
         * Enforcement per rule: `block` makes the catalog reject the entity,
         * `warn` shows a warning (entity page, inventory, CLI), `off` skips it.
         */
        rules?: {
          /** spec.owner is a Group ref, not a User or any other kind. Default for this category: `block`. */
          'owner-is-group'?: 'block' | 'warn' | 'off';
          /** spec.contract.freshness has p95 (and p99 for core entities), with p95 ≤ p99. Default for this category: `off`. */
          'sla-percentiles'?: 'block' | 'warn' | 'off';
          /** spec.contract.escalation has a channel (and an onCall for core entities). Default for this category: `off`. */
          'escalation-path'?: 'block' | 'warn' | 'off';
          /** Every field in spec.contract.schema has a description. Default for this category: `off`. */
          'field-semantics'?: 'block' | 'warn' | 'off';
          /** spec.version is present. Default for this category: `off`. */
          semver?: 'block' | 'warn' | 'off';
          /** A retired product names spec.lifecycle.successor. Default for this category: `off`. */
          'retire-with-replacement'?: 'block' | 'warn' | 'off';
          /** A deprecated product has spec.lifecycle.sunsetOn and a successor or migration guide; warns as the sunset nears or passes. Default for this category: `off`. */
          'planned-deprecation'?: 'block' | 'warn' | 'off';
          /** spec.lifecycle.reviewedOn is present and at most reviewIntervalDays old. Default for this category: `off`. */
          'quarterly-review'?: 'block' | 'warn' | 'off';
          /** The product expires expiryDays after renewedOn (else createdOn); `off` means it never expires. The enforcement applies to a product with neither date. Default for this category: `block`. */
          'auto-expiry'?: 'block' | 'warn' | 'off';
          /** A breaking contract change comes with a major version bump (checked by the CLI diff and the backend). Default for this category: `off`. */
          'breaking-change-needs-major'?: 'block' | 'warn' | 'off';
          /** A product that supersedes another maps every field the old contract had and its schema lacks (spec.migration.fieldMapping), to fields its schema has. Judged where the superseded contract is known (catalog, CLI diff, backend). Default for this category: `off`. */
          'migration-mapping'?: 'block' | 'warn' | 'off';
          /** A retired product has no catalog entity left that dependsOn it. Judged where the dependents are known. Default for this category: `off`. */
          'retire-when-consumers-moved'?: 'block' | 'warn' | 'off';
          /** A product consumed by stockroom.costs.manyTeams or more owner groups other than its own is funded by one of stockroom.costs.centralFunders; one consumed by one other team only, by that team (info). Judged by the inventory, which knows the consumers' owners, so it never rejects an entity. Default for this category: `off`. */
          'funding-follows-reuse'?: 'block' | 'warn' | 'off';
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
        /** sla-percentiles asks for spec.contract.freshness.p99 too, not only p95. Default for this category: false. */
        requireP99?: boolean;
        /** escalation-path asks for spec.contract.escalation.onCall too, not only a channel. Default for this category: false. */
        requireOnCall?: boolean;
        /** A breaking contract change must be published as a new entity (whose lifecycle.supersedes names the old one), not made in place. Default for this category: false. */
        breakingChangeAsNewEntity?: boolean;
      };
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
