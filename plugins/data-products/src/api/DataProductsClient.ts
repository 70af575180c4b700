import type { CompoundEntityRef } from '@backstage/catalog-model';
import { InputError, ResponseError } from '@backstage/errors';
import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { SCORE_DIMENSIONS } from '@stockroom/plugin-data-products-common';
import type {
  ContractHistory,
  ContractHistoryEntry,
  DataProductIncident,
  DataProductIncidents,
  DataProductRun,
  DataProductRuns,
  DataProductScorecard,
  DataProductsApi,
  ScorecardDimension,
  ScorecardHistory,
  ScorecardHistoryItem,
  ScorecardLag,
  ScorecardWindow,
} from './DataProductsApi';
import type {
  DataProductsInventoryApi,
  InventoryCategorySummary,
  InventoryCost,
  InventoryItem,
  InventoryPage,
  InventoryQuery,
} from './InventoryApi';
import { inventorySearchParams } from './inventoryQuery';

/** The backend plugin id, which is also its HTTP base `/api/data-products`. */
const BACKEND_PLUGIN_ID = 'data-products';

type Json = Record<string, unknown>;

/**
 * {@link DataProductsApi} over HTTP, through the app's discovery and fetch
 * APIs (so requests carry the user's Backstage token).
 *
 * Answers are read defensively: a field of the wrong type reads as absent
 * rather than breaking a page, because a scorecard snapshot may have been
 * written by an older backend.
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
    const body = await this.#get(entityRef, '/contract/history', options);
    return {
      items: Array.isArray(body?.items)
        ? (body!.items as ContractHistoryEntry[])
        : [],
    };
  }

  async getScorecard(
    entityRef: CompoundEntityRef,
    options?: { signal?: AbortSignal },
  ): Promise<DataProductScorecard | undefined> {
    const body = await this.#get(entityRef, '/scorecard', options);
    return body ? readScorecard(body) : undefined;
  }

  async getScorecardHistory(
    entityRef: CompoundEntityRef,
    options?: { from?: string; to?: string; signal?: AbortSignal },
  ): Promise<ScorecardHistory> {
    const body = await this.#get(entityRef, '/scorecard/history', {
      signal: options?.signal,
      query: { from: options?.from, to: options?.to },
    });
    return {
      items: arrayOf(body?.items)
        .map(readHistoryItem)
        .filter((item): item is ScorecardHistoryItem => item !== undefined),
    };
  }

  async getRuns(
    entityRef: CompoundEntityRef,
    options?: { limit?: number; before?: string; signal?: AbortSignal },
  ): Promise<DataProductRuns> {
    const body = await this.#get(entityRef, '/runs', {
      signal: options?.signal,
      query: {
        limit: options?.limit === undefined ? undefined : String(options.limit),
        before: options?.before,
      },
    });
    return {
      items: arrayOf(body?.items)
        .map(readRun)
        .filter((run): run is DataProductRun => run !== undefined),
      nextBefore: stringOrNull(body?.nextBefore),
    };
  }

  async getIncidents(
    entityRef: CompoundEntityRef,
    options?: { signal?: AbortSignal },
  ): Promise<DataProductIncidents> {
    const body = await this.#get(entityRef, '/incidents', options);
    return {
      items: arrayOf(body?.items)
        .map(readIncident)
        .filter((item): item is DataProductIncident => item !== undefined),
    };
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
    return readScorecard((await response.json()) as Json);
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
    const body = (await response.json()) as unknown;
    return readInventoryPage(isObject(body) ? body : {});
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
  async #get(
    entityRef: CompoundEntityRef,
    suffix: string,
    options?: {
      signal?: AbortSignal;
      query?: Record<string, string | undefined>;
    },
  ): Promise<Json | undefined> {
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
    const body = (await response.json()) as unknown;
    return isObject(body) ? body : {};
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function readWindow(value: unknown): ScorecardWindow | null {
  if (!isObject(value)) return null;
  return {
    from: String(value.from ?? ''),
    to: String(value.to ?? ''),
    runs: numberOrNull(value.runs) ?? 0,
  };
}

function readDimension(value: unknown): ScorecardDimension {
  const dimension = isObject(value) ? value : {};
  return {
    score: numberOrNull(dimension.score),
    summary: stringOrNull(dimension.summary),
    evidence: isObject(dimension.evidence) ? dimension.evidence : null,
  };
}

/** Every dimension present, unknown where the answer lacks it. */
function readScorecard(body: Json): DataProductScorecard {
  const dimensions = isObject(body.dimensions) ? body.dimensions : {};
  return {
    entityRef: String(body.entityRef ?? ''),
    overall: numberOrNull(body.overall),
    computedAt: String(body.computedAt ?? ''),
    window: readWindow(body.window) ?? { from: '', to: '', runs: 0 },
    dimensions: Object.fromEntries(
      SCORE_DIMENSIONS.map(name => [name, readDimension(dimensions[name])]),
    ) as unknown as DataProductScorecard['dimensions'],
  };
}

/**
 * The freshness lag of a snapshot, wherever the backend puts it: a `lag`
 * object, or the freshness evidence (`p95LagMs`…), bare or as stored with
 * its summary (`{ evidence, summary }`).
 */
function readLag(item: Json): ScorecardLag | null {
  const evidence = isObject(item.evidence) ? item.evidence : {};
  let freshness: Json | undefined;
  if (isObject(evidence.freshness)) freshness = evidence.freshness;
  else if (isObject(item.freshness)) freshness = item.freshness;
  const candidates = [
    item.lag,
    isObject(freshness?.evidence) ? freshness!.evidence : freshness,
  ];
  for (const candidate of candidates) {
    if (!isObject(candidate)) continue;
    const lag: ScorecardLag = {
      p95Ms: numberOrNull(candidate.p95Ms ?? candidate.p95LagMs),
      p99Ms: numberOrNull(candidate.p99Ms ?? candidate.p99LagMs),
      promisedP95Ms: numberOrNull(candidate.promisedP95Ms),
      promisedP99Ms: numberOrNull(candidate.promisedP99Ms),
    };
    if (Object.values(lag).some(value => value !== null)) return lag;
  }
  return null;
}

function readHistoryItem(value: unknown): ScorecardHistoryItem | undefined {
  if (!isObject(value)) return undefined;
  const computedAt = stringOrNull(value.computedAt ?? value.takenAt);
  if (!computedAt) return undefined;
  const scores = isObject(value.scores) ? value.scores : {};
  return {
    computedAt,
    overall: numberOrNull(value.overall),
    scores: Object.fromEntries(
      SCORE_DIMENSIONS.map(name => [name, numberOrNull(scores[name])]),
    ),
    window: readWindow(value.window),
    lag: readLag(value),
  };
}

function readRun(value: unknown): DataProductRun | undefined {
  if (!isObject(value) || typeof value.runId !== 'string') return undefined;
  return {
    runId: value.runId,
    status: String(value.status ?? ''),
    datasetKey: stringOrNull(value.datasetKey),
    startedAt: stringOrNull(value.startedAt),
    finishedAt: stringOrNull(value.finishedAt),
    watermark: stringOrNull(value.watermark),
    rowCount: numberOrNull(value.rowCount),
    errorMessage: stringOrNull(value.errorMessage),
    lagMs: numberOrNull(value.lagMs),
    breach: value.breach === true,
  };
}

function readIncident(value: unknown): DataProductIncident | undefined {
  if (!isObject(value)) return undefined;
  const id = value.id;
  return {
    id: typeof id === 'number' || typeof id === 'string' ? id : '',
    kind: String(value.kind ?? ''),
    openedAt: String(value.openedAt ?? ''),
    details: isObject(value.details) ? value.details : {},
  };
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

function numberRecord(value: unknown): Record<string, number> {
  if (!isObject(value)) return {};
  const record: Record<string, number> = {};
  for (const [key, n] of Object.entries(value)) {
    const parsed = numberOrNull(n);
    if (parsed !== null) record[key] = parsed;
  }
  return record;
}

function readCost(value: unknown): InventoryCost | null {
  if (!isObject(value)) return null;
  return {
    monthly: numberOrNull(value.monthly),
    currency: stringOrNull(value.currency),
    fundedBy: stringOrNull(value.fundedBy),
    ...(value.perConsumer !== undefined
      ? { perConsumer: numberOrNull(value.perConsumer) }
      : {}),
  };
}

function readInventoryItem(value: unknown): InventoryItem | undefined {
  if (!isObject(value) || typeof value.entityRef !== 'string') {
    return undefined;
  }
  const dimensions = isObject(value.dimensions) ? value.dimensions : {};
  // a consumer list rather than a count reads as its length
  const consumers = Array.isArray(value.consumers)
    ? value.consumers.length
    : numberOrNull(value.consumers);
  return {
    entityRef: value.entityRef,
    name: typeof value.name === 'string' ? value.name : value.entityRef,
    title: stringOrNull(value.title),
    category: stringOrNull(value.category),
    state: stringOrNull(value.state),
    owner: stringOrNull(value.owner),
    domain: stringOrNull(value.domain),
    system: stringOrNull(value.system),
    type: stringOrNull(value.type),
    version: stringOrNull(value.version),
    expiresOn: stringOrNull(value.expiresOn),
    sunsetOn: stringOrNull(value.sunsetOn),
    successor: stringOrNull(value.successor),
    ...(value.freshnessTier !== undefined
      ? { freshnessTier: stringOrNull(value.freshnessTier) }
      : {}),
    cost: readCost(value.cost),
    consumers,
    overall: numberOrNull(value.overall),
    dimensions: Object.fromEntries(
      SCORE_DIMENSIONS.map(name => [name, numberOrNull(dimensions[name])]),
    ) as InventoryItem['dimensions'],
    breaching: value.breaching === true,
    computedAt: stringOrNull(value.computedAt),
  };
}

function readCategorySummary(value: unknown): InventoryCategorySummary {
  const summary = isObject(value) ? value : {};
  return {
    count: numberOrNull(summary.count) ?? 0,
    averageScore: numberOrNull(summary.averageScore),
    monthlyCost: numberOrNull(summary.monthlyCost),
  };
}

function readInventoryPage(body: Json): InventoryPage {
  const totals = isObject(body.totals) ? body.totals : {};
  const summary = isObject(body.summary) ? body.summary : {};
  const items = arrayOf(body.items)
    .map(readInventoryItem)
    .filter((item): item is InventoryItem => item !== undefined);
  const byCategory = isObject(summary.byCategory) ? summary.byCategory : {};
  return {
    items,
    nextCursor: stringOrNull(body.nextCursor) || null,
    totals: {
      total: numberOrNull(totals.total) ?? items.length,
      byCategory: numberRecord(totals.byCategory),
      byState: numberRecord(totals.byState),
    },
    summary: {
      byCategory: Object.fromEntries(
        Object.entries(byCategory).map(([category, value]) => [
          category,
          readCategorySummary(value),
        ]),
      ),
      expiringThisMonth: numberOrNull(summary.expiringThisMonth) ?? 0,
      breachingNow: numberOrNull(summary.breachingNow) ?? 0,
      monthlyCostByFundingGroup: numberRecord(
        summary.monthlyCostByFundingGroup,
      ),
      currency: stringOrNull(summary.currency),
      ...(isObject(summary.monthlyCostByFreshnessTier)
        ? {
            monthlyCostByFreshnessTier: numberRecord(
              summary.monthlyCostByFreshnessTier,
            ),
          }
        : {}),
      ...(isObject(summary.costsInOtherCurrencies)
        ? {
            costsInOtherCurrencies: numberRecord(
              summary.costsInOtherCurrencies,
            ),
          }
        : {}),
    },
  };
}
