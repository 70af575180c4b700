import type {
  ApiInventoryCategorySummary,
  ApiInventoryCost,
  ApiInventoryItem,
  ApiInventoryPage,
  ApiInventorySummary,
  ApiInventoryTotals,
  DataProductsApiOperations,
} from '@stockroom/plugin-data-products-common';

/** The query parameters of `GET /products` as the API document lists them. */
type InventoryParameters = NonNullable<
  DataProductsApiOperations['getInventory']['parameters']['query']
>;

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
] as const satisfies readonly InventorySortKey[];

/** @public */
export type InventorySortKey = NonNullable<InventoryParameters['sort']>;

/** @public */
export type InventorySortOrder = NonNullable<InventoryParameters['order']>;

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
  /** Only products whose latest snapshot is fragile (P95 lead time over target, high volatility). */
  fragile?: boolean;
  /** Only core entities and shared marts whose tier is at risk. */
  tierAtRisk?: boolean;
  /** Only products whose p95 or p99 error budget is spent. */
  budgetExhausted?: boolean;
  /** Free text, matched by the backend. */
  q?: string;
  sort?: InventorySortKey;
  order?: InventorySortOrder;
  /** Page size. */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

/*
 * The inventory's answers are the REST types generated from the backend's
 * API document (`@stockroom/plugin-data-products-common`'s `Api…` types);
 * the names below are what this package calls them.
 */

/** What a product costs a month and who pays for it. @public */
export type InventoryCost = ApiInventoryCost;

/**
 * One data product as the inventory lists it, with the backend's verdicts:
 * `breaching` (its SLA now), `funding` (rule funding-follows-reuse) and the
 * latest snapshot's supply-chain flags `fragile`, `tierAtRisk` and
 * `budgetExhausted` (null when not known).
 *
 * @public
 */
export type InventoryItem = ApiInventoryItem;

/** How many products match, by category and by state. @public */
export type InventoryTotals = ApiInventoryTotals;

/** @public */
export type InventoryCategorySummary = ApiInventoryCategorySummary;

/** The tier-review figures, with `breachingNow`. @public */
export type InventorySummary = ApiInventorySummary;

/** One page of the inventory (`GET /api/data-products/products`). @public */
export type InventoryPage = ApiInventoryPage;

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
