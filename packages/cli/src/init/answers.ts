import {
  DATA_PRODUCT_CATEGORIES,
  DataProductCategory,
  FIELD_CLASSIFICATIONS,
  FIELD_KEYS,
  FRESHNESS_TIERS,
} from '@stockroom/plugin-data-products-common';

/**
 * What `stockroom init` and the "New data product" software template
 * (examples/templates/data-product/) ask. The template's parameter names are
 * these names, so the same answers render the same entity on both surfaces.
 */
export interface DataProductAnswers {
  name: string;
  title?: string;
  description: string;
  /** Entity ref of the owning Group, e.g. `group:default/identity-platform`. */
  owner: string;
  system?: string;
  /** Free-form like Backstage spec.type: table, view, stream… */
  type: string;
  category: DataProductCategory;
  /** YYYY-MM-DD; also the first review of a shared mart. */
  createdOn: string;
  version?: string;
  fields: FieldAnswer[];
  p95?: string;
  p99?: string;
  tier?: (typeof FRESHNESS_TIERS)[number];
  escalationChannel?: string;
  onCall?: string;
}

export interface FieldAnswer {
  name: string;
  type: string;
  description?: string;
  key?: (typeof FIELD_KEYS)[number];
  required?: boolean;
  classification?: (typeof FIELD_CLASSIFICATIONS)[number];
}

/** An answer a category's blocking rules demand, and the rule demanding it. */
export interface CategoryNeeds {
  version: boolean;
  p95: boolean;
  p99: boolean;
  escalationChannel: boolean;
  onCall: boolean;
  fieldDescriptions: boolean;
}

/**
 * Which answers each category must give so the product is not rejected and
 * draws no warning (spec, "Categories and their management rules"): core
 * entities `sla-percentiles` (p95 and p99), `escalation-path` (channel and
 * on-call), `field-semantics` and `semver`; shared marts p95, a channel and
 * a version; convenience views none (their `auto-expiry` runs from
 * createdOn, which every product gets).
 */
export const CATEGORY_NEEDS: Record<DataProductCategory, CategoryNeeds> = {
  'core-entity': {
    version: true,
    p95: true,
    p99: true,
    escalationChannel: true,
    onCall: true,
    fieldDescriptions: true,
  },
  'shared-mart': {
    version: true,
    p95: true,
    p99: false,
    escalationChannel: true,
    onCall: false,
    fieldDescriptions: false,
  },
  'convenience-view': {
    version: false,
    p95: false,
    p99: false,
    escalationChannel: false,
    onCall: false,
    fieldDescriptions: false,
  },
};

export { DATA_PRODUCT_CATEGORIES };
