import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import type {
  ACCESS_PATTERN_TYPES,
  DATA_PRODUCT_API_VERSION,
  DATA_PRODUCT_CATEGORIES,
  DATA_PRODUCT_KIND,
  DATA_PRODUCT_STATES,
  FIELD_CLASSIFICATIONS,
  FIELD_KEYS,
  FRESHNESS_TIERS,
  LIFECYCLE_STAGES,
} from './constants';

/** @public */
export type DataProductCategory = (typeof DATA_PRODUCT_CATEGORIES)[number];
/** @public */
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
/** @public */
export type DataProductState = (typeof DATA_PRODUCT_STATES)[number];
/** @public */
export type FieldKey = (typeof FIELD_KEYS)[number];
/** @public */
export type FieldClassification = (typeof FIELD_CLASSIFICATIONS)[number];
/** @public */
export type FreshnessTier = (typeof FRESHNESS_TIERS)[number];
/** @public */
export type AccessPatternType = (typeof ACCESS_PATTERN_TYPES)[number];

/** A calendar date written as YYYY-MM-DD (UTC). @public */
export type IsoDate = string;
/** A duration such as `45s`, `30m`, `2h`, `1d`. @public */
export type DurationText = string;

/** @public */
export type SchemaField = {
  name: string;
  type: string;
  description?: string;
  key?: FieldKey;
  required?: boolean;
  classification?: FieldClassification;
};

/** @public */
export type FreshnessSla = {
  p95?: DurationText;
  p99?: DurationText;
  tier?: FreshnessTier;
};

/** @public */
export type AccessPattern = {
  type: AccessPatternType;
  /** Where the data lives, e.g. `snowflake://acme/DB.SCHEMA.TABLE`. */
  location?: string;
  format?: string;
  /** A Backstage API entity ref, for `type: api`. */
  api?: string;
};

/** @public */
export type Lineage = {
  upstreams?: string[];
};

/** @public */
export type QualityExpectations = {
  keyFields?: string[];
  /** Fraction 0..1. */
  maxNullRate?: number;
  /** Fraction 0..1. */
  maxDuplicateRate?: number;
};

/** @public */
export type EscalationPath = {
  channel?: string;
  onCall?: string;
  hours?: string;
};

/** @public */
export type DataContract = {
  schema?: SchemaField[];
  freshness?: FreshnessSla;
  /** e.g. `99.5%`. */
  availability?: string;
  accessPatterns?: AccessPattern[];
  lineage?: Lineage;
  quality?: QualityExpectations;
  escalation?: EscalationPath;
  /** An ODCS v3 document, usually `{ $yaml: ./contract.odcs.yaml }` resolved by the catalog. */
  odcs?: JsonObject;
  /**
   * Which schema object of a multi-table ODCS document this product is (its
   * `name`); without it, the object named like the product, else the first.
   */
  odcsSchema?: string;
};

/** @public */
export type DataProductLifecycle = {
  stage: LifecycleStage;
  createdOn?: IsoDate;
  renewedOn?: IsoDate;
  reviewedOn?: IsoDate;
  sunsetOn?: IsoDate;
  supersedes?: string;
  successor?: string;
};

/** @public */
export type FieldMapping = {
  from: string;
  to: string;
  note?: string;
};

/** @public */
export type MigrationGuide = {
  from?: string;
  guide?: string;
  fieldMapping?: FieldMapping[];
  sampleQueries?: string[];
};

/**
 * What another freshness would cost: the owner's estimate, read by the unit
 * cost of additional freshness (dataproduct-spec.md "Freshness versus cost").
 * In the currency of `cost.currency`.
 *
 * @public
 */
export type DataProductCostOption = {
  tier?: FreshnessTier;
  /** The P95 lag this option would promise. */
  p95: DurationText;
  /** What it would cost per month, a number ≥ 0. */
  monthly: number;
};

/** @public */
export type DataProductCost = {
  /** What today's freshness costs per month. */
  monthly?: number;
  currency?: string;
  fundedBy?: string;
  options?: DataProductCostOption[];
};

/** @public */
export type DataProductSpec = {
  /** Free-form, like Backstage's spec.type: table, view, stream, api, file… */
  type: string;
  category: DataProductCategory;
  owner: string;
  domain?: string;
  system?: string;
  /** Semver of the contract. */
  version?: string;
  lifecycle: DataProductLifecycle;
  contract?: DataContract;
  migration?: MigrationGuide;
  cost?: DataProductCost;
  leadTime?: { target?: DurationText };
};

/**
 * A catalog entity of kind DataProduct. The parts are type aliases, not
 * interfaces, so they stay assignable to the catalog's JsonObject.
 * @public
 */
export interface DataProductEntityV1alpha1 extends Entity {
  apiVersion: typeof DATA_PRODUCT_API_VERSION;
  kind: typeof DATA_PRODUCT_KIND;
  spec: DataProductSpec;
}
