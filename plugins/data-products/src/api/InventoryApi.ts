import type { ScoreDimension } from '@stockroom/plugin-data-products-common';

/**
 * What the inventory can be sorted by (`sort=` of
 * `GET /api/data-products/products`): the overall score, each dimension, the
 * expiry date, the name or the monthly cost.
 *
 * @public
 */
export const INVENTORY_SORT_KEYS = [
  'overall',
  'freshness',
  'reliability',
  'quality',
  'stability',
  'contract',
  'ownership',
  'reuse',
  'expiresOn',
  'name',
  'cost',
] as const;

/** @public */
export type InventorySortKey = (typeof INVENTORY_SORT_KEYS)[number];

/** @public */
export type InventorySortOrder = 'asc' | 'desc';

/**
 * The filters, sort and page of an inventory request: every query parameter
 * of `GET /api/data-products/products`. Absent means "not filtered"; with no
 * `sort` the backend puts the weakest products first.
 *
 * @public
 */
export interface InventoryQuery {
  /** `core-entity`, `shared-mart` or `convenience-view`. */
  category?: string;
  /** A computed state: `draft`, `active`, `expiring`, `expired`, `deprecated`, `retired`. */
  state?: string;
  /** An owner entity ref, e.g. `group:default/identity-platform`. */
  owner?: string;
  domain?: string;
  system?: string;
  /** spec.type, e.g. `table`. */
  type?: string;
  /** Overall score at least this (1–5). */
  minScore?: number;
  /** Overall score at most this (1–5). */
  maxScore?: number;
  /** Expiring within this many days from today. */
  expiringWithinDays?: number;
  /** Only products breaching their SLA now. */
  breaching?: boolean;
  /** Free text, matched by the backend. */
  q?: string;
  sort?: InventorySortKey;
  order?: InventorySortOrder;
  /** Page size. */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

/**
 * What a product costs a month and who pays for it (`spec.cost`); each null
 * where not declared.
 *
 * @public
 */
export interface InventoryCost {
  monthly: number | null;
  currency: string | null;
  /** The funding group's entity ref, e.g. `group:data-platform`. */
  fundedBy: string | null;
  /**
   * The unit cost of freshness: monthly cost per consumer, as the backend
   * computed it; absent from backends that do not send it.
   */
  perConsumer?: number | null;
}

/**
 * One data product as the inventory lists it. States and scores are the
 * backend's (from the catalog and the latest scorecard snapshot); a score is
 * null when unknown.
 *
 * @public
 */
export interface InventoryItem {
  /** e.g. `dataproduct:default/customer-identity-v2`. */
  entityRef: string;
  name: string;
  title: string | null;
  category: string | null;
  state: string | null;
  owner: string | null;
  domain: string | null;
  system: string | null;
  type: string | null;
  version: string | null;
  /** YYYY-MM-DD (convenience views). */
  expiresOn: string | null;
  /** YYYY-MM-DD (deprecated products). */
  sunsetOn: string | null;
  /** The successor's entity ref. */
  successor: string | null;
  /** contract.freshness.tier, when the backend sends it. */
  freshnessTier?: string | null;
  cost: InventoryCost | null;
  /** How many entities depend on the product. */
  consumers: number | null;
  /** Mean of the known dimensions, one decimal; null when none is known. */
  overall: number | null;
  /** Per dimension 1–5, or null for unknown. */
  dimensions: Record<ScoreDimension, number | null>;
  /** Breaching its SLA now, as the backend judged it. */
  breaching: boolean;
  /** ISO timestamp of the scorecard snapshot; null when never scored. */
  computedAt: string | null;
}

/**
 * How many products match, by category and by state.
 *
 * @public
 */
export interface InventoryTotals {
  total: number;
  byCategory: Record<string, number>;
  byState: Record<string, number>;
}

/** @public */
export interface InventoryCategorySummary {
  count: number;
  /** null when no product of the category has an overall score. */
  averageScore: number | null;
  monthlyCost: number | null;
}

/**
 * The tier-review figures the backend computed for the inventory.
 *
 * @public
 */
export interface InventorySummary {
  byCategory: Record<string, InventoryCategorySummary>;
  expiringThisMonth: number;
  breachingNow: number;
  /** Monthly cost per funding group ref (`spec.cost.fundedBy`). */
  monthlyCostByFundingGroup: Record<string, number>;
  /** The currency of the summary's amounts; null when not known. */
  currency: string | null;
  /** Monthly cost per freshness tier, when the backend sends it. */
  monthlyCostByFreshnessTier?: Record<string, number>;
  /**
   * Monthly costs declared in other currencies than `currency`, left out of
   * the sums, when the backend sends them.
   */
  costsInOtherCurrencies?: Record<string, number>;
}

/**
 * One page of the inventory (`GET /api/data-products/products`).
 *
 * @public
 */
export interface InventoryPage {
  items: InventoryItem[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
  totals: InventoryTotals;
  summary: InventorySummary;
}

/**
 * The inventory part of the Stockroom backend's client: the whole set of data
 * products with their state, scores, cost and consumers, for tier reviews.
 *
 * @public
 */
export interface DataProductsInventoryApi {
  /**
   * One page of the inventory. A query the backend refuses (400) rejects with
   * an `InputError` carrying the backend's message; other failures with a
   * `ResponseError`.
   */
  getInventory(
    query?: InventoryQuery,
    options?: { signal?: AbortSignal },
  ): Promise<InventoryPage>;
}
