import { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DATA_PRODUCT_KIND,
  FundingPolicy,
  StockroomPolicy,
  formatIsoDate,
} from '@stockroom/plugin-data-products-common';
import {
  InventoryReadModel,
  StoredInventoryProduct,
} from '../../database/InventoryReadModel';
import { ScorecardSnapshotStore } from '../../database/ScorecardSnapshotStore';
import { EvaluatedCatalogProduct, evaluate } from './InventoryCatalog';
import { etagOf, readCatalogProductsByRefs } from './readCatalogProducts';

/** Default time after which a pass reads every product again, changed or not. */
export const DEFAULT_FULL_PASS_INTERVAL_MS = 60 * 60 * 1000;

/** What one pass of the inventory sync did. */
export interface InventorySyncSummary {
  /** Whether it read every product (first pass, a new day, or the interval). */
  full: boolean;
  /** DataProducts the catalog serves. */
  inCatalog: number;
  /** Products read and written again. */
  written: number;
  /** Products gone from the catalog, removed. */
  removed: number;
  /** latest_scores rows brought up to the snapshots (full passes). */
  scoresReconciled: number;
}

/**
 * Keeps the inventory's read model up to date with the catalog, so that
 * `GET /products` on any replica answers from the database.
 *
 * A pass lists the DataProducts' refs and etags (the catalog's hash of each
 * stitched entity, relations included) with the plugin's own credentials,
 * reads again only the products whose etag moved or that are new, evaluates
 * them with the engine, and removes those the catalog no longer serves.
 * What an etag cannot show — a consumer's owner changing, or a new day
 * changing states and expiry — is caught by a full pass: the first, the
 * first of each day, and one every `fullPassIntervalMs`. A full pass also
 * brings `latest_scores` up to the snapshots (after the migration that
 * created it).
 */
export class InventorySync {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      model: InventoryReadModel;
      snapshots: Pick<ScorecardSnapshotStore, 'reconcileLatestScores'>;
      policy: StockroomPolicy;
      funding: FundingPolicy;
      fullPassIntervalMs?: number;
    },
  ) {}

  async run(now: Date, signal?: AbortSignal): Promise<InventorySyncSummary> {
    const { catalog, model } = this.deps;
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const today = formatIsoDate(now);
    const last = await model.lastFullPass();
    const full =
      !last ||
      last.on !== today ||
      now.getTime() - last.at.getTime() >=
        (this.deps.fullPassIntervalMs ?? DEFAULT_FULL_PASS_INTERVAL_MS);

    const [inCatalog, stored] = await Promise.all([
      this.catalogEtags(credentials),
      model.storedEtags(),
    ]);
    const toRead = [...inCatalog]
      .filter(
        ([ref, etag]) => full || etag === null || stored.get(ref) !== etag,
      )
      .map(([ref]) => ref);
    signal?.throwIfAborted();

    const read = await readCatalogProductsByRefs(catalog, credentials, toRead);
    const evaluated = evaluate(
      read.map(({ product }) => product),
      this.deps.policy,
      this.deps.funding,
      now,
    );
    await model.putProducts(
      evaluated.map((product, i) =>
        storedProduct(product, read[i].etag, today),
      ),
    );
    const readRefs = new Set(read.map(({ product }) => product.entityRef));
    const askedFor = new Set(toRead);
    // gone: not in the listing, or gone between the listing and the read
    const gone = [...stored.keys()].filter(
      ref => !inCatalog.has(ref) || (askedFor.has(ref) && !readRefs.has(ref)),
    );
    await model.removeProducts(gone);

    let scoresReconciled = 0;
    if (full) {
      scoresReconciled = await this.deps.snapshots.reconcileLatestScores();
      await model.recordFullPass({ at: now, on: today });
    }
    return {
      full,
      inCatalog: inCatalog.size,
      written: evaluated.length,
      removed: gone.length,
      scoresReconciled,
    };
  }

  /** Every DataProduct's ref and etag: a small read of the whole catalog. */
  private async catalogEtags(
    credentials: Awaited<ReturnType<AuthService['getOwnServiceCredentials']>>,
  ): Promise<Map<string, string | null>> {
    const etags = new Map<string, string | null>();
    for await (const page of this.deps.catalog.streamEntities(
      {
        filter: { kind: DATA_PRODUCT_KIND },
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          'metadata.etag',
        ],
      },
      { credentials },
    )) {
      for (const entity of page) {
        etags.set(stringifyEntityRef(entity), etagOf(entity.metadata.etag));
      }
    }
    return etags;
  }
}

/** A product evaluated on `day`, as the read model stores it. */
export function storedProduct(
  product: EvaluatedCatalogProduct,
  etag: string | null,
  day: string,
): StoredInventoryProduct {
  return {
    entityRef: product.entityRef,
    etag,
    evaluatedOn: day,
    name: product.name,
    category: product.category,
    state: product.state,
    expiresOn: product.expiresOn,
    match: product.match,
    facts: {
      title: product.title,
      owner: product.owner,
      domain: product.domain,
      system: product.system,
      type: product.type,
      version: product.version,
      sunsetOn: product.sunsetOn,
      successor: product.successor,
      freshnessTier: product.freshnessTier,
      cost: product.cost,
      consumers: product.consumers,
      funding: product.funding,
      pricing: product.pricing,
    },
  };
}
