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
  };
}
