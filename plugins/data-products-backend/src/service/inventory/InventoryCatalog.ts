import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_DEPENDENCY_OF,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DEFAULT_FUNDING_POLICY,
  DataProductCategory,
  DataProductEntityV1alpha1,
  DataProductState,
  FundingPolicy,
  FundingVerdict,
  LIFECYCLE_DETAILS_FIELD,
  StockroomPolicy,
  evaluateLifecycle,
  formatIsoDate,
  parseIsoDate,
  judgeFunding,
  prepareDataProduct,
} from '@stockroom/plugin-data-products-common';
import { ownersOf } from '../entityRefs';
import { readCatalogProducts } from './readCatalogProducts';

/** Default time one caller's read of the catalog serves the inventory. */
export const DEFAULT_CATALOG_CACHE_TTL_MS = 5_000;
/**
 * Default age up to which a caller's read is still answered from at once
 * while a fresh read replaces it in the background (stale-while-revalidate).
 */
export const DEFAULT_CATALOG_MAX_STALE_MS = 60_000;
/** Callers whose reads are kept at once; the least recently used goes first. */
const MAX_CACHED_CALLERS = 100;

/**
 * What the inventory reads of each DataProduct. Not the contract's schema,
 * the bulk of an entity: only what the facts below and the engine's
 * lifecycle need, and the ODCS document, whose price, status and version
 * count as if written in the spec.
 */
export const CATALOG_FIELDS = [
  'apiVersion',
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.type',
  'spec.category',
  'spec.owner',
  'spec.domain',
  'spec.system',
  'spec.version',
  'spec.lifecycle',
  `spec.${LIFECYCLE_DETAILS_FIELD}`,
  'spec.cost',
  'spec.contract.freshness',
  'spec.contract.odcs',
  'relations',
];

/**
 * What the inventory shows of a product from the catalog: the contract as
 * every surface reads it (explicit fields over a mapped ODCS document), so
 * an ODCS price or status counts like one written in the spec.
 */
export interface CatalogProduct {
  entityRef: string;
  name: string;
  title: string;
  category: string | null;
  owner: string | null;
  domain: string | null;
  system: string | null;
  type: string | null;
  version: string | null;
  sunsetOn: string | null;
  successor: string | null;
  cost: {
    monthly: number | null;
    currency: string | null;
    fundedBy: string | null;
  };
  freshnessTier: string | null;
  /** Distinct entities that depend on it. */
  consumers: number;
  /** Their refs, as the `dependencyOf` relations name them. */
  consumerRefs: string[];
  /** The owners of those the caller can see, one list entry per consumer and owner. */
  consumerOwners: string[];
  /** Lower-case forms the filters compare with. */
  match: {
    owner: string | null;
    domain: string | null;
    system: string | null;
    type: string | null;
    text: string;
  };
  /** What the unit cost of freshness is priced from. */
  pricing: Pricing;
  /** The normalized entity the engine evaluates. */
  entity: DataProductEntityV1alpha1;
}

/** The contract's cost and freshness, as the engine normalized them. */
export interface Pricing {
  cost?: DataProductEntityV1alpha1['spec']['cost'];
  freshness?: NonNullable<
    DataProductEntityV1alpha1['spec']['contract']
  >['freshness'];
}

/** A product with the engine's state and expiry on one day, and its funding verdict. */
export interface EvaluatedCatalogProduct extends CatalogProduct {
  state: DataProductState;
  expiresOn: string | null;
  /** Rule `funding-follows-reuse` on the consumers' owners. */
  funding: FundingVerdict;
}

type CacheEntry = {
  readAt: number;
  products: Promise<CatalogProduct[]>;
  /** Whether the read has succeeded: only a finished read is served stale. */
  settled: boolean;
  /** A newer read of the same caller under way in the background. */
  refreshing?: CacheEntry;
  /** The last day evaluated; states change with the day, not the hour. */
  evaluated?: { day: string; products: EvaluatedCatalogProduct[] };
};

/**
 * The DataProducts a caller may see, read from the catalog with their
 * credentials (catalog permissions apply) and kept for a few seconds per
 * caller: one inventory page is a handful of requests, and reading ten
 * thousand entities for each would be most of the response time.
 *
 * A read older than the TTL but younger than `maxStaleMs` is still served
 * at once, while a new read with the same caller's credentials replaces it
 * in the background (stale-while-revalidate): a caller coming back within a
 * minute does not wait for the catalog, and sees what changed since on the
 * request after. Past `maxStaleMs` a request waits for a new read. Requests
 * of one caller share one read under way, whatever its age. States
 * and expiry dates are the engine's on the day of the request
 * (`evaluateLifecycle`, the part of `evaluateDataProduct` that decides
 * them), evaluated once per read and day.
 */
export class InventoryCatalog {
  private readonly entries = new Map<string, CacheEntry>();
  private readonly ttlMs: number;
  private readonly maxStaleMs: number;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      policy: StockroomPolicy;
      /** Settings of `funding-follows-reuse`; none configured by default. */
      funding?: FundingPolicy;
      /** 0 reads the catalog on every request. */
      ttlMs?: number;
      /**
       * Up to what age an expired read is served while it is refreshed in
       * the background; at most the TTL turns this off.
       */
      maxStaleMs?: number;
      /** Monotonic milliseconds for the cache; Date.now unless tests say. */
      monotonicNow?: () => number;
    },
  ) {
    this.ttlMs = deps.ttlMs ?? DEFAULT_CATALOG_CACHE_TTL_MS;
    this.maxStaleMs = Math.max(
      this.ttlMs,
      deps.maxStaleMs ?? DEFAULT_CATALOG_MAX_STALE_MS,
    );
  }

  async products(
    credentials: BackstageCredentials,
    now: Date,
  ): Promise<EvaluatedCatalogProduct[]> {
    if (this.ttlMs <= 0) {
      return this.evaluate(await this.read(credentials), now);
    }
    const entry = this.entry(credentials);
    const products = await entry.products;
    const day = formatIsoDate(now);
    if (entry.evaluated?.day !== day) {
      entry.evaluated = { day, products: this.evaluate(products, now) };
    }
    return entry.evaluated.products;
  }

  private entry(credentials: BackstageCredentials): CacheEntry {
    const key = callerKey(credentials);
    const time = this.now();
    const cached = this.entries.get(key);
    // Re-inserted on use, so the Map's order is least recently used first.
    this.entries.delete(key);
    if (cached) {
      const age = time - cached.readAt;
      // Fresh, or a read still under way: share it.
      if (age < this.ttlMs || !cached.settled) {
        this.entries.set(key, cached);
        return cached;
      }
      if (age < this.maxStaleMs) {
        this.entries.set(key, cached);
        if (!cached.refreshing) this.refresh(key, cached, credentials);
        return cached;
      }
      // Too old to serve: wait for the refresh if one is under way.
      if (cached.refreshing) return this.store(key, cached.refreshing);
    }
    return this.store(key, this.newEntry(key, time, credentials));
  }

  /** Reads again in the background; the stale entry serves until then. */
  private refresh(
    key: string,
    stale: CacheEntry,
    credentials: BackstageCredentials,
  ) {
    const next = this.newEntry(key, this.now(), credentials);
    stale.refreshing = next;
    next.products.then(
      () => {
        stale.refreshing = undefined;
        // Unless a newer read took its place or the caller was evicted.
        if (this.entries.get(key) === stale) this.entries.set(key, next);
      },
      () => {
        // The stale read keeps serving until it is too old; the next
        // request tries again.
        stale.refreshing = undefined;
      },
    );
  }

  private newEntry(
    key: string,
    time: number,
    credentials: BackstageCredentials,
  ): CacheEntry {
    const entry: CacheEntry = {
      readAt: time,
      products: this.read(credentials),
      settled: false,
    };
    entry.products.then(
      () => {
        entry.settled = true;
      },
      // A failed read is not kept: the next request tries again.
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return entry;
  }

  private store(key: string, entry: CacheEntry): CacheEntry {
    this.entries.set(key, entry);
    while (this.entries.size > MAX_CACHED_CALLERS) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    return entry;
  }

  private now(): number {
    return (this.deps.monotonicNow ?? Date.now)();
  }

  private evaluate(
    products: CatalogProduct[],
    now: Date,
  ): EvaluatedCatalogProduct[] {
    return evaluate(
      products,
      this.deps.policy,
      this.deps.funding ?? DEFAULT_FUNDING_POLICY,
      now,
    );
  }

  private read(credentials: BackstageCredentials): Promise<CatalogProduct[]> {
    return readCatalogProducts(this.deps.catalog, credentials);
  }
}

/** One cache entry per user or service: what the catalog shows depends on who asks. */
function callerKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user') return `user:${principal.userEntityRef}`;
  if (principal.type === 'service') return `service:${principal.subject}`;
  return principal.type;
}

/** The engine's state, expiry and funding verdict of each product on `now`'s day. */
export function evaluate(
  products: CatalogProduct[],
  policy: StockroomPolicy,
  funding: FundingPolicy,
  now: Date,
): EvaluatedCatalogProduct[] {
  return products.map(product => {
    const { state, expiresOn } = evaluateLifecycle(product.entity, policy, now);
    const verdict = judgeFunding(
      {
        category: product.category,
        owner: product.owner,
        fundedBy: product.cost.fundedBy,
        consumerOwners: product.consumerOwners,
      },
      policy.categories[product.category as DataProductCategory],
      funding,
    );
    return {
      ...product,
      state,
      expiresOn: expiresOn ?? null,
      funding: verdict,
    };
  });
}

/** The inventory's facts of one catalog entity. */
export function catalogProduct(stored: Entity): CatalogProduct {
  // the inventory reads a projection (CATALOG_FIELDS), which prepares like
  // the whole entity: only the contract fields it needs are normalized
  const { entity } = prepareDataProduct(stored);
  const entityRef = stringifyEntityRef(entity);
  const { metadata } = entity;
  const spec = (entity.spec ?? {}) as Partial<
    DataProductEntityV1alpha1['spec']
  >;
  const namespace = metadata.namespace ?? 'default';
  const owner = ownersOf(entity)[0] ?? null;
  const domain = refOrText(spec.domain, 'domain', namespace);
  const system = refOrText(spec.system, 'system', namespace);
  const type = textOrNull(spec.type);
  const title = textOrNull(metadata.title) ?? metadata.name;
  const sunset = parseIsoDate(spec.lifecycle?.sunsetOn);
  const monthly = spec.cost?.monthly;
  const consumers = [
    ...new Set(
      (stored.relations ?? [])
        .filter(relation => relation.type === RELATION_DEPENDENCY_OF)
        .map(relation => relation.targetRef),
    ),
  ].sort();
  return {
    entityRef,
    name: metadata.name,
    title,
    category: textOrNull(spec.category),
    owner,
    domain,
    system,
    type,
    version: textOrNull(spec.version),
    sunsetOn: sunset ? formatIsoDate(sunset) : null,
    successor: textOrNull(spec.lifecycle?.successor),
    cost: {
      monthly:
        typeof monthly === 'number' && Number.isFinite(monthly)
          ? monthly
          : null,
      currency: textOrNull(spec.cost?.currency)?.toUpperCase() ?? null,
      fundedBy: refOrText(spec.cost?.fundedBy, 'group', namespace),
    },
    freshnessTier: textOrNull(spec.contract?.freshness?.tier),
    consumers: consumers.length,
    consumerRefs: consumers,
    consumerOwners: [],
    pricing: {
      ...(spec.cost ? { cost: spec.cost } : {}),
      ...(spec.contract?.freshness
        ? { freshness: spec.contract.freshness }
        : {}),
    },
    match: {
      owner: lower(owner),
      domain: lower(domain),
      system: lower(system),
      type: lower(type),
      text: `${metadata.name}\u0000${title}`.toLocaleLowerCase('en-US'),
    },
    entity,
  };
}

/** A full ref completed as the catalog completes it; the text as written if it is none. */
function refOrText(
  value: unknown,
  defaultKind: string,
  defaultNamespace: string,
): string | null {
  const text = textOrNull(value);
  if (text === null) return null;
  try {
    return stringifyEntityRef(
      parseEntityRef(text, { defaultKind, defaultNamespace }),
    );
  } catch {
    return text;
  }
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function lower(value: string | null): string | null {
  return value === null ? null : value.toLocaleLowerCase('en-US');
}
