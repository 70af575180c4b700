/**
 * Names that form Stockroom's public interface: owners write them in
 * catalog-info.yaml, catalog filters and tests match on them. See
 * docs/dataproduct-yaml.md before changing any of them.
 */

/** @public */
export const DATA_PRODUCT_API_VERSION = 'stockroom.io/v1alpha1';
/** @public */
export const DATA_PRODUCT_KIND = 'DataProduct';

/** OpenLineage datasets (comma-separated) whose runs are this product's runs. @public */
export const ANNOTATION_OPENLINEAGE_DATASET = 'openlineage.io/dataset';
/** Computed lifecycle state, written back by the catalog processor. @public */
export const LABEL_STATE = 'stockroom.io/state';
/** Computed expiry date of a convenience view (YYYY-MM-DD). @public */
export const ANNOTATION_EXPIRES_ON = 'stockroom.io/expires-on';
/** Copy of spec.category, so catalog filters and search can use it. @public */
export const ANNOTATION_CATEGORY = 'stockroom.io/category';

/** `supersedes` relation: a newer data product replaces an older one. @public */
export const RELATION_SUPERSEDES = 'supersedes';
/** Reverse of {@link RELATION_SUPERSEDES}. @public */
export const RELATION_SUPERSEDED_BY = 'supersededBy';

/** @public */
export const DATA_PRODUCT_CATEGORIES = [
  'core-entity',
  'shared-mart',
  'convenience-view',
] as const;

/** Stages an owner declares in spec.lifecycle.stage. @public */
export const LIFECYCLE_STAGES = [
  'draft',
  'active',
  'deprecated',
  'retired',
] as const;

/** States Stockroom computes (stage + time + category). @public */
export const DATA_PRODUCT_STATES = [
  'draft',
  'active',
  'expiring',
  'expired',
  'deprecated',
  'retired',
] as const;

/** @public */
export const FIELD_KEYS = ['primary', 'foreign', 'none'] as const;
/** @public */
export const FIELD_CLASSIFICATIONS = [
  'public',
  'internal',
  'confidential',
  'pii',
] as const;
/** @public */
export const FRESHNESS_TIERS = ['streaming', 'micro-batch', 'daily'] as const;
/** @public */
export const ACCESS_PATTERN_TYPES = ['batch', 'streaming', 'api'] as const;

/**
 * Non-blocking findings (warnings, notices) of the rule engine at the last
 * processing, as a JSON array of Finding objects, written by the catalog
 * processor so the entity page and the inventory show them without
 * re-evaluating rules in the browser.
 * @public
 */
export const ANNOTATION_FINDINGS = 'stockroom.io/findings';
