import type { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import type {
  ContractHistory,
  ContractHistoryEntry,
  DataProductsApi,
} from './DataProductsApi';

/** The backend plugin id, which is also its HTTP base `/api/data-products`. */
const BACKEND_PLUGIN_ID = 'data-products';

/**
 * {@link DataProductsApi} over HTTP, through the app's discovery and fetch
 * APIs (so requests carry the user's Backstage token).
 *
 * @public
 */
export class DataProductsClient implements DataProductsApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  async getContractHistory(
    entityRef: CompoundEntityRef,
    options?: { signal?: AbortSignal },
  ): Promise<ContractHistory> {
    const baseUrl = await this.#discoveryApi.getBaseUrl(BACKEND_PLUGIN_ID);
    const url = `${baseUrl}/products/${encodeURIComponent(
      entityRef.namespace,
    )}/${encodeURIComponent(entityRef.name)}/contract/history`;

    const response = await this.#fetchApi.fetch(url, {
      signal: options?.signal,
    });
    // Unknown product, or a backend that does not serve history (yet): both
    // mean there is nothing recorded to show, which is not an error.
    if (response.status === 404) {
      return { items: [] };
    }
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const body = (await response.json()) as { items?: unknown };
    return {
      items: Array.isArray(body?.items)
        ? (body.items as ContractHistoryEntry[])
        : [],
    };
  }
}
