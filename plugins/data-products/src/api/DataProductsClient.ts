import type { CompoundEntityRef } from '@backstage/catalog-model';
import { InputError, ResponseError } from '@backstage/errors';
import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import type { ApiJsonResponse } from '@stockroom/plugin-data-products-common';
import type {
  ContractHistory,
  DataProductIncidents,
  DataProductRuns,
  DataProductScorecard,
  DataProductsApi,
  ProductContract,
  ScorecardHistory,
} from './DataProductsApi';
import type {
  DataProductsInventoryApi,
  InventoryPage,
  InventoryQuery,
} from './InventoryApi';
import { inventorySearchParams } from './inventoryQuery';

/** The backend plugin id, which is also its HTTP base `/api/data-products`. */
const BACKEND_PLUGIN_ID = 'data-products';

/**
 * {@link DataProductsApi} over HTTP, through the app's discovery and fetch
 * APIs (so requests carry the user's Backstage token).
 *
 * Answers are typed by the REST types generated from the backend's API
 * document, which the backend's own tests check its answers against; the
 * client does not re-read them field by field.
 *
 * @public
 */
export class DataProductsClient
  implements DataProductsApi, DataProductsInventoryApi
{
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
    // Unknown product, or a backend that does not serve history (yet): both
    // mean there is nothing recorded to show, which is not an error.
    const body = await this.#get<'getContractHistory'>(
      entityRef,
      '/contract/history',
      options,
    );
    return body ?? { items: [] };
  }

  async getContract(
    entityRef: CompoundEntityRef,
    options?: { signal?: AbortSignal },
  ): Promise<ProductContract | undefined> {
    return this.#get<'getContract'>(entityRef, '/contract', options);
  }

  async getScorecard(
    entityRef: CompoundEntityRef,
    options?: { signal?: AbortSignal },
  ): Promise<DataProductScorecard | undefined> {
    return scorecardOf(
      await this.#get<'getScorecard'>(entityRef, '/scorecard', options),
    );
  }

  async getScorecardHistory(
    entityRef: CompoundEntityRef,
    options?: { from?: string; to?: string; signal?: AbortSignal },
  ): Promise<ScorecardHistory> {
    const body = await this.#get<'getScorecardHistory'>(
      entityRef,
      '/scorecard/history',
      {
        signal: options?.signal,
        query: { from: options?.from, to: options?.to },
      },
    );
    return body ?? { items: [] };
  }

  async getRuns(
    entityRef: CompoundEntityRef,
    options?: { limit?: number; before?: string; signal?: AbortSignal },
  ): Promise<DataProductRuns> {
    const body = await this.#get<'getRuns'>(entityRef, '/runs', {
      signal: options?.signal,
      query: {
        limit: options?.limit === undefined ? undefined : String(options.limit),
        before: options?.before,
      },
    });
    return body ?? { items: [], nextBefore: null };
  }

  async getIncidents(
    entityRef: CompoundEntityRef,
    options?: { signal?: AbortSignal },
  ): Promise<DataProductIncidents> {
    const body = await this.#get<'getIncidents'>(
      entityRef,
      '/incidents',
      options,
    );
    return body ?? { items: [] };
  }

  async refreshScorecard(
    entityRef: CompoundEntityRef,
  ): Promise<DataProductScorecard> {
    const response = await this.#fetchApi.fetch(
      await this.#url(entityRef, '/scorecard/refresh'),
      { method: 'POST' },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const body: ApiJsonResponse<'refreshScorecard'> = await response.json();
    return scorecardOf(body)!;
  }

  async getInventory(
    query?: InventoryQuery,
    options?: { signal?: AbortSignal },
  ): Promise<InventoryPage> {
    const baseUrl = await this.#discoveryApi.getBaseUrl(BACKEND_PLUGIN_ID);
    const search = inventorySearchParams(query ?? {}).toString();
    const response = await this.#fetchApi.fetch(
      `${baseUrl}/products${search ? `?${search}` : ''}`,
      { signal: options?.signal },
    );
    if (response.status === 400) {
      // A refused filter is the user's to fix: carry the backend's words.
      throw new InputError(
        (await errorMessageOf(response)) ??
          'The Stockroom backend refused the inventory query',
      );
    }
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const body: ApiJsonResponse<'getInventory'> = await response.json();
    return body;
  }

  async #url(
    entityRef: CompoundEntityRef,
    suffix: string,
    query?: Record<string, string | undefined>,
  ): Promise<string> {
    const baseUrl = await this.#discoveryApi.getBaseUrl(BACKEND_PLUGIN_ID);
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) params.set(key, value);
    }
    const search = params.toString();
    return `${baseUrl}/products/${encodeURIComponent(
      entityRef.namespace,
    )}/${encodeURIComponent(entityRef.name)}${suffix}${
      search ? `?${search}` : ''
    }`;
  }

  /**
   * GETs a product resource. A 404 (the backend does not know the product, or
   * does not serve the endpoint) is undefined; other failures throw.
   */
  async #get<OperationId extends GetOperation>(
    entityRef: CompoundEntityRef,
    suffix: string,
    options?: {
      signal?: AbortSignal;
      query?: Record<string, string | undefined>;
    },
  ): Promise<ApiJsonResponse<OperationId> | undefined> {
    const response = await this.#fetchApi.fetch(
      await this.#url(entityRef, suffix, options?.query),
      { signal: options?.signal },
    );
    if (response.status === 404) {
      return undefined;
    }
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.json();
  }
}

/** The per-product reads, by the API document's operation ids. */
type GetOperation =
  | 'getContract'
  | 'getContractHistory'
  | 'getScorecard'
  | 'getScorecardHistory'
  | 'getRuns'
  | 'getIncidents';

/**
 * The scorecard with each dimension's evidence read as the common package's
 * `*Evidence` type of that dimension: the backend stores what the scoring
 * functions return, which the API document describes only as an object.
 */
function scorecardOf(
  body: ApiJsonResponse<'getScorecard'> | undefined,
): DataProductScorecard | undefined {
  return body as DataProductScorecard | undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `error.message` of a Backstage error body, when there is one. */
async function errorMessageOf(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as unknown;
    const error = isObject(body) ? body.error : undefined;
    const message = isObject(error) ? error.message : undefined;
    return typeof message === 'string' && message ? message : undefined;
  } catch {
    return undefined;
  }
}
