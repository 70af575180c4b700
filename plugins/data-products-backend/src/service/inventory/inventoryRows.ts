import {
  FundingVerdict,
  ScoreDimension,
  isBreachingNow,
} from '@stockroom/plugin-data-products-common';
import {
  LatestScores,
  SnapshotFlags,
} from '../../database/ScorecardSnapshotStore';
import { EvaluatedCatalogProduct, Pricing } from './InventoryCatalog';

/** The facts a product is listed with that no filter or sort reads. */
export interface ListedFacts {
  title: string;
  owner: string | null;
  domain: string | null;
  system: string | null;
  type: string | null;
  version: string | null;
  sunsetOn: string | null;
  successor: string | null;
  freshnessTier: string | null;
  cost: {
    monthly: number | null;
    currency: string | null;
    fundedBy: string | null;
  };
  consumers: number;
  funding: FundingVerdict;
  pricing: Pricing;
}

/**
 * A product as `GET /products` lists it, from the catalog read or from the
 * read model alike.
 */
export interface InventoryListing extends ListedFacts {
  entityRef: string;
  name: string;
  category: string | null;
  state: EvaluatedCatalogProduct['state'];
  expiresOn: string | null;
  overall: number | null;
  scores: Record<ScoreDimension, number | null>;
  breaching: boolean;
  /** When the latest snapshot was taken; null when there is none yet. */
  computedAt: Date | null;
  /** The latest snapshot's supply-chain flags, each null when unknown. */
  flags: SnapshotFlags;
}

/** A product of the inventory: catalog facts, today's state, latest scores. */
export interface InventoryRow
  extends EvaluatedCatalogProduct,
    InventoryListing {}

export const UNKNOWN_FLAGS: SnapshotFlags = Object.freeze({
  fragile: null,
  tierAtRisk: null,
  budgetExhausted: null,
});

export const UNKNOWN_SCORES: Record<ScoreDimension, null> = Object.freeze({
  freshness: null,
  reliability: null,
  quality: null,
  stability: null,
  contract: null,
  ownership: null,
  reuse: null,
});

/**
 * The inventory: every product the caller sees, with its latest snapshot if
 * it has one. Snapshots of products the caller does not see are dropped.
 */
export function inventoryRows(
  products: EvaluatedCatalogProduct[],
  latest: ReadonlyMap<string, LatestScores>,
): InventoryRow[] {
  return products.map(product => {
    const snapshot = latest.get(product.entityRef);
    const scores = snapshot?.scores ?? UNKNOWN_SCORES;
    return {
      ...product,
      overall: snapshot?.overall ?? null,
      scores,
      breaching: isBreachingNow(scores),
      computedAt: snapshot?.takenAt ?? null,
      flags: snapshot?.flags ?? UNKNOWN_FLAGS,
    };
  });
}
