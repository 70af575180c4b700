import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_OPENLINEAGE_DATASET,
  DATA_PRODUCT_KIND,
  datasetKeysOf,
} from '@stockroom/plugin-data-products-common';

/** Which data products a run report can be about. */
export interface ProductLookup {
  /** Refs of the products whose `openlineage.io/dataset` names the dataset key. */
  productsOfDataset(datasetKey: string): readonly string[];
  /** The catalog's ref of a product, looked up case-insensitively. */
  productRef(ref: string): string | undefined;
}

const NONE: readonly string[] = Object.freeze([]);

/** Default time a read of the catalog serves ingestion. */
export const PRODUCT_INDEX_TTL_MS = 30_000;

/**
 * The dataset → product map that ingestion maps every run through, read
 * from the catalog with the plugin's own credentials (pipelines report runs
 * of products whatever the pipeline's principal may see) and kept for a
 * short while: ingestion handles thousands of events a second, the catalog
 * changes rarely. A product added a moment ago is found by {@link refresh}.
 */
export class ProductIndex {
  private cached?: { lookup: ProductLookup; readAt: number };
  private inFlight?: Promise<ProductLookup>;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      clock: () => Date;
      ttlMs?: number;
    },
  ) {}

  /** The map, read again when older than the TTL. */
  async get(): Promise<ProductLookup> {
    const ttl = this.deps.ttlMs ?? PRODUCT_INDEX_TTL_MS;
    const now = this.deps.clock().getTime();
    if (this.cached && now - this.cached.readAt < ttl) {
      return this.cached.lookup;
    }
    return this.refresh();
  }

  /**
   * Reads the catalog now, unless the map is younger than `minAgeMs` (so
   * requests naming unknown products cannot make every request a catalog
   * read). Concurrent callers share one read.
   */
  refresh(options: { minAgeMs?: number } = {}): Promise<ProductLookup> {
    const age = this.cached
      ? this.deps.clock().getTime() - this.cached.readAt
      : Infinity;
    if (this.cached && !this.inFlight && age < (options.minAgeMs ?? 0)) {
      return Promise.resolve(this.cached.lookup);
    }
    if (!this.inFlight) {
      const readAt = this.deps.clock().getTime();
      this.inFlight = this.read()
        .then(lookup => {
          this.cached = { lookup, readAt };
          return lookup;
        })
        .finally(() => {
          this.inFlight = undefined;
        });
    }
    return this.inFlight;
  }

  private async read(): Promise<ProductLookup> {
    const { catalog, auth, logger } = this.deps;
    const credentials = await auth.getOwnServiceCredentials();
    const byDataset = new Map<string, string[]>();
    const byRef = new Map<string, string>();
    for await (const page of catalog.streamEntities(
      {
        filter: { kind: DATA_PRODUCT_KIND },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
        ],
      },
      { credentials },
    )) {
      for (const entity of page) {
        const ref = stringifyEntityRef(entity);
        byRef.set(ref.toLocaleLowerCase('en-US'), ref);
        const annotation =
          entity.metadata.annotations?.[ANNOTATION_OPENLINEAGE_DATASET];
        for (const key of annotation ? datasetKeysOf(annotation) : []) {
          const refs = byDataset.get(key);
          if (!refs) byDataset.set(key, [ref]);
          else if (!refs.includes(ref)) refs.push(ref);
        }
      }
    }
    logger.debug(
      `Run ingestion maps ${byDataset.size} OpenLineage datasets to ${byRef.size} data products`,
    );
    return {
      productsOfDataset: key => byDataset.get(key) ?? NONE,
      productRef: ref => byRef.get(ref.toLocaleLowerCase('en-US')),
    };
  }
}
