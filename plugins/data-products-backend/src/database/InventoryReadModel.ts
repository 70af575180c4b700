import { DataProductState } from '@stockroom/plugin-data-products-common';
import type { CursorPosition } from '../service/inventory/cursor';
import type {
  InventoryFilters,
  InventoryQuery,
} from '../service/inventory/parseInventoryQuery';
import type {
  InventoryListing,
  ListedFacts,
} from '../service/inventory/inventoryRows';
import type { InventoryGroup } from '../service/inventory/summarize';
import type { StoredFreshnessEvidence } from './ScorecardSnapshotStore';

/** One product as the sync task stores it: what filters and sorts read, and the listed facts. */
export interface StoredInventoryProduct {
  entityRef: string;
  /** The catalog's stitched-entity hash when it was read; null if it had none. */
  etag: string | null;
  /** The day state and expiresOn were evaluated on (YYYY-MM-DD). */
  evaluatedOn: string;
  name: string;
  category: string | null;
  state: DataProductState;
  expiresOn: string | null;
  /** Lower-case forms the filters compare with (the search's: name and title). */
  match: {
    owner: string | null;
    domain: string | null;
    system: string | null;
    type: string | null;
  };
  facts: ListedFacts;
}

/** What the day's filters and summary are evaluated against. */
export interface InventoryDay {
  /** Today, YYYY-MM-DD. */
  today: string;
  /** The last day `expiringWithinDays` reaches, if asked. */
  lastExpiringDay?: string;
  /** The month's last day, for `expiringThisMonth`. */
  monthEnd: string;
}

/** When the sync task last read every product. */
export interface FullPass {
  at: Date;
  /** The day it evaluated states on. */
  on: string;
}

/**
 * The inventory's read model (`inventory_products`, `inventory_sync`, and
 * `latest_scores` read): written by the sync task, read by `GET /products`
 * on any replica.
 */
export interface InventoryReadModel {
  /** Every stored product's catalog etag. */
  storedEtags(): Promise<Map<string, string | null>>;
  /** Inserts or replaces these products, all or none. */
  putProducts(products: readonly StoredInventoryProduct[]): Promise<void>;
  /** Forgets these products (gone from the catalog). */
  removeProducts(entityRefs: readonly string[]): Promise<void>;
  recordFullPass(pass: FullPass): Promise<void>;
  lastFullPass(): Promise<FullPass | undefined>;

  /**
   * One page of the products the filters let through, in the query's total
   * order (selectRows.ts `comparePositions`), starting after its cursor.
   */
  page(
    query: InventoryQuery,
    day: InventoryDay,
  ): Promise<{
    items: InventoryListing[];
    last?: CursorPosition;
    more: boolean;
    /**
     * The freshness evidence of the items' latest snapshots where
     * `latest_scores` holds it; the others' is read from the snapshots.
     */
    freshness: Map<string, StoredFreshnessEvidence>;
  }>;

  /**
   * The products the filters let through, grouped by what the totals and
   * the summary tell apart (summarize.ts).
   */
  groups(
    filters: InventoryFilters,
    day: InventoryDay,
  ): Promise<InventoryGroup[]>;
}
