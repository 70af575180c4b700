import type { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  ContractEvidence,
  FreshnessEvidence,
  OwnershipEvidence,
  QualityEvidence,
  ReliabilityEvidence,
  ReuseEvidence,
  ScoreDimension,
  StabilityEvidence,
} from '@stockroom/plugin-data-products-common';
import type { DataProductsInventoryApi } from './InventoryApi';

/**
 * One classified change between two recorded versions of a contract, as the
 * backend classified it with the rule engine of
 * `@stockroom/plugin-data-products-common`.
 *
 * @public
 */
export interface ContractHistoryChange {
  /** `breaking`, `non-breaking` or `notice`. */
  kind: string;
  /** The change type, e.g. `field-renamed`, `freshness-loosened`. */
  change: string;
  /** Dotted path in the entity, e.g. `spec.contract.schema[2].type`. */
  path: string;
  message: string;
}

/**
 * One recorded version of a product's contract and how it differed from the
 * version recorded before it.
 *
 * @public
 */
export interface ContractHistoryEntry {
  /** spec.version at the time, when declared. */
  version?: string | null;
  /** Fingerprint of the normalized contract, identifying the version. */
  fingerprint: string;
  /** The fingerprint of the version this one replaced; null on the first. */
  previousFingerprint?: string | null;
  /** ISO timestamp of when the backend recorded this version. */
  recordedAt: string;
  changes: ContractHistoryChange[];
  /** `ok`, `needs-major` or `needs-new-entity`; null on the first version. */
  verdict?: string | null;
}

/** @public */
export interface ContractHistory {
  /** Newest first, as the backend returns them. */
  items: ContractHistoryEntry[];
}

/**
 * The scoring window of a scorecard: ISO bounds (both inclusive) and the
 * number of finished runs in it.
 *
 * @public
 */
export interface ScorecardWindow {
  from: string;
  to: string;
  runs: number;
}

/**
 * One dimension of a scorecard as the backend scored it. `score` is 1–5, or
 * null when there is no evidence (unknown, never a made-up number).
 * `evidence` holds the measured numbers in the shape of the common package's
 * `*Evidence` types; it is partial because a snapshot written by an older
 * backend may lack fields, and null when the backend stored none.
 *
 * @public
 */
export interface ScorecardDimension<E = Record<string, unknown>> {
  score: number | null;
  /** The score in plain words, e.g. "P95 lag 41 min vs 30 min promised …". */
  summary: string | null;
  evidence: Partial<E> | null;
}

/**
 * A product's latest scorecard (`GET …/products/:namespace/:name/scorecard`).
 *
 * @public
 */
export interface DataProductScorecard {
  entityRef: string;
  /** Mean of the known dimensions, one decimal; null when none is known. */
  overall: number | null;
  /** ISO timestamp of the snapshot. */
  computedAt: string;
  window: ScorecardWindow;
  dimensions: {
    freshness: ScorecardDimension<FreshnessEvidence>;
    reliability: ScorecardDimension<ReliabilityEvidence>;
    quality: ScorecardDimension<QualityEvidence>;
    stability: ScorecardDimension<StabilityEvidence>;
    contract: ScorecardDimension<ContractEvidence>;
    ownership: ScorecardDimension<OwnershipEvidence>;
    reuse: ScorecardDimension<ReuseEvidence>;
  };
}

/**
 * Freshness lag measured for one snapshot, in milliseconds; each null where
 * not measured or not promised.
 *
 * @public
 */
export interface ScorecardLag {
  p95Ms: number | null;
  p99Ms: number | null;
  promisedP95Ms: number | null;
  promisedP99Ms: number | null;
}

/**
 * One snapshot of a product's scorecard, for trends.
 *
 * @public
 */
export interface ScorecardHistoryItem {
  /** ISO timestamp of the snapshot. */
  computedAt: string;
  overall: number | null;
  /** Per dimension 1–5, or null for unknown. */
  scores: Partial<Record<ScoreDimension, number | null>>;
  window: ScorecardWindow | null;
  /** The freshness lag of the snapshot; null when the backend sent none. */
  lag: ScorecardLag | null;
}

/** @public */
export interface ScorecardHistory {
  /** Oldest first, as the backend returns them. */
  items: ScorecardHistoryItem[];
}

/**
 * One finished run of a product (`GET …/runs`). Fields that do not apply are
 * null.
 *
 * @public
 */
export interface DataProductRun {
  runId: string;
  /** `success` or `failed`. */
  status: string;
  /** The OpenLineage dataset the run wrote; null for native reports. */
  datasetKey: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  /** How current the data is: the end of the period the run covered. */
  watermark: string | null;
  rowCount: number | null;
  errorMessage: string | null;
  /** Freshness lag in ms as the backend measured it; null when not measurable. */
  lagMs?: number | null;
  /**
   * The backend's SLA verdict for the run: failed, or a lag beyond the p99
   * SLA (p95 when no p99). The browser shows it, never recomputes it.
   */
  breach?: boolean;
}

/** @public */
export interface DataProductRuns {
  /** Latest `finishedAt` first. */
  items: DataProductRun[];
  /** Pass as `before` for the next page; null on the last one. */
  nextBefore: string | null;
}

/**
 * A schema-drift incident of a product (`GET …/incidents`).
 *
 * @public
 */
export interface DataProductIncident {
  id: number | string;
  /** e.g. `breaking-change-without-major`, `observed-schema-drift`. */
  kind: string;
  /** ISO timestamp. */
  openedAt: string;
  /** What the drift is (versions, changes…), as the backend recorded it. */
  details: Record<string, unknown>;
}

/** @public */
export interface DataProductIncidents {
  /** Newest first. */
  items: DataProductIncident[];
}

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
