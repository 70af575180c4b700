import type { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/frontend-plugin-api';

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
 * Client of the Stockroom backend (`/api/data-products`). Only reads.
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
}

/** @public */
export const dataProductsApiRef = createApiRef<DataProductsApi>().with({
  id: 'plugin.data-products.api',
  pluginId: 'data-products',
});
