import type { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  ApiContractChange,
  ApiContractHistory,
  ApiContractHistoryEntry,
  ApiIncident,
  ApiIncidentList,
  ApiProductContract,
  ApiRun,
  ApiRunsPage,
  ApiScorecard,
  ApiScorecardDimension,
  ApiScorecardHistory,
  ApiScorecardHistoryItem,
  ApiScorecardLag,
  ApiScorecardWindow,
  ContractEvidence,
  FreshnessEvidence,
  OwnershipEvidence,
  QualityEvidence,
  ReliabilityEvidence,
  ReuseEvidence,
  StabilityEvidence,
} from '@stockroom/plugin-data-products-common';
import type { DataProductsInventoryApi } from './InventoryApi';

/*
 * The backend's answers are the REST types generated from its API document
 * (`@stockroom/plugin-data-products-common`'s `Api…` types); the names below
 * are what this package calls them. Only the scorecard's evidence is
 * narrowed, to the common package's `*Evidence` type of each dimension.
 */

/**
 * `GET …/contract` (JSON): the normalized contract, its findings and the
 * unit cost of additional freshness the backend priced.
 *
 * @public
 */
export type ProductContract = ApiProductContract;

/** The unit cost of additional freshness of a contract. @public */
export type UnitCostOfFreshness = NonNullable<
  ApiProductContract['unitCostOfFreshness']
>;

/** One priced cost option (declared, or estimated from tiers). @public */
export type PricedCostOption = UnitCostOfFreshness['options'][number];

/** One classified change between two recorded contract versions. @public */
export type ContractHistoryChange = ApiContractChange;

/** One recorded version of a product's contract, and its verdict. @public */
export type ContractHistoryEntry = ApiContractHistoryEntry;

/** `GET …/contract/history`, newest first. @public */
export type ContractHistory = ApiContractHistory;

/** The scoring window of a scorecard (bounds inclusive). @public */
export type ScorecardWindow = ApiScorecardWindow;

/**
 * One dimension of a scorecard as the backend scored it, its evidence read
 * as the common package's `E` (partial: a snapshot written by an older
 * backend may lack fields; null when the backend stored none).
 *
 * @public
 */
export type ScorecardDimension<E = Record<string, unknown>> = Omit<
  ApiScorecardDimension,
  'evidence'
> & { evidence: Partial<E> | null };

/**
 * A product's latest scorecard (`GET …/products/:namespace/:name/scorecard`).
 *
 * @public
 */
export type DataProductScorecard = Omit<ApiScorecard, 'dimensions'> & {
  dimensions: {
    freshness: ScorecardDimension<FreshnessEvidence>;
    reliability: ScorecardDimension<ReliabilityEvidence>;
    quality: ScorecardDimension<QualityEvidence>;
    stability: ScorecardDimension<StabilityEvidence>;
    contract: ScorecardDimension<ContractEvidence>;
    ownership: ScorecardDimension<OwnershipEvidence>;
    reuse: ScorecardDimension<ReuseEvidence>;
  };
};

/** A snapshot's freshness lag in milliseconds. @public */
export type ScorecardLag = NonNullable<ApiScorecardLag>;

/** One snapshot of a product's scorecard, for trends. @public */
export type ScorecardHistoryItem = ApiScorecardHistoryItem;

/** The snapshots of `GET …/scorecard/history`, oldest first. @public */
export type ScorecardHistory = Pick<ApiScorecardHistory, 'items'>;

/**
 * One run of a product (`GET …/runs`), with the backend's freshness lag
 * (`lagMs`) and SLA verdict (`breach`): the browser shows them, never
 * recomputes them.
 *
 * @public
 */
export type DataProductRun = ApiRun;

/** A page of `GET …/runs`, latest first, and where the next starts. @public */
export type DataProductRuns = Pick<ApiRunsPage, 'items' | 'nextBefore'>;

/** A schema-drift incident of a product (`GET …/incidents`). @public */
export type DataProductIncident = ApiIncident;

/** `GET …/incidents`, newest first. @public */
export type DataProductIncidents = ApiIncidentList;

/**
 * Client of the Stockroom backend (`/api/data-products`). It reads, and asks
 * the backend to re-score a product; it never scores anything itself.
 *
 * @public
 */
export interface DataProductsApi {
  /**
   * The recorded versions of a product's contract. A product the backend has
   * recorded nothing for (or a backend without the endpoint) yields no items.
   */
  getContractHistory(
    entityRef: CompoundEntityRef,
    options?: { signal?: AbortSignal },
  ): Promise<ContractHistory>;

  /**
   * The product's contract as the backend normalized it, with the unit cost
   * of additional freshness; undefined when the backend does not know the
   * product.
   */
  getContract(
    entityRef: CompoundEntityRef,
    options?: { signal?: AbortSignal },
  ): Promise<ProductContract | undefined>;

  /**
   * The product's latest scorecard; undefined when the backend does not know
   * the product (or does not serve scorecards).
   */
  getScorecard(
    entityRef: CompoundEntityRef,
    options?: { signal?: AbortSignal },
  ): Promise<DataProductScorecard | undefined>;

  /**
   * Snapshots of the scorecard taken between `from` and `to` (ISO dates or
   * times; the backend defaults to the last 90 days), oldest first.
   */
  getScorecardHistory(
    entityRef: CompoundEntityRef,
    options?: { from?: string; to?: string; signal?: AbortSignal },
  ): Promise<ScorecardHistory>;

  /** The product's finished runs, latest first (at most `limit`, 1–500). */
  getRuns(
    entityRef: CompoundEntityRef,
    options?: { limit?: number; before?: string; signal?: AbortSignal },
  ): Promise<DataProductRuns>;

  /** The product's schema-drift incidents, newest first. */
  getIncidents(
    entityRef: CompoundEntityRef,
    options?: { signal?: AbortSignal },
  ): Promise<DataProductIncidents>;

  /**
   * Has the backend score the product now and returns the new scorecard.
   * Needs the permission `stockroom.scorecard.refresh` on the product: a
   * caller without it gets a `ResponseError` with status 403.
   */
  refreshScorecard(entityRef: CompoundEntityRef): Promise<DataProductScorecard>;
}

/**
 * The Stockroom backend client: the per-product reads of
 * {@link DataProductsApi} and the inventory of
 * {@link DataProductsInventoryApi}. (Two interfaces so that a test double of
 * one part type-checks without the other.)
 *
 * @public
 */
export const dataProductsApiRef = createApiRef<
  DataProductsApi & DataProductsInventoryApi
>().with({
  id: 'plugin.data-products.api',
  pluginId: 'data-products',
});
