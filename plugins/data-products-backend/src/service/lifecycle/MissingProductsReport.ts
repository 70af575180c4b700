import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ProductSightingsStore } from '../../database/ProductSightingsStore';
import { MissingProduct, findMissingProducts } from './findMissingProducts';
import { MissingItem, missingItem } from './missingItem';
import { readFailingLocations } from './readFailingLocations';
import { readPresentProducts } from './readPresentProducts';
import { LocationRecheck, recheckLocation } from './recheckLocation';

// Dry runs in flight at once: each one makes the catalog read a file from
// its source (an SCM API for `url` locations).
const RECHECK_CONCURRENCY = 4;

/**
 * The products the plugin has seen that are gone from the catalog, orphaned
 * or stale, each with what the catalog says about its file. The catalog is
 * read with the plugin's own credentials: it must see every product to tell
 * which are gone, so callers are gated by a permission instead.
 */
export class MissingProductsReport {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      sightings: ProductSightingsStore;
    },
  ) {}

  async list(): Promise<MissingItem[]> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const { missing, failing } = await this.find(credentials);
    // A stale product's file is known to fail already; the others are
    // re-read to learn what their file defines now.
    const toRecheck = new Set(
      missing
        .filter(m => m.status !== 'stale' && m.known.location)
        .map(m => m.known.location!),
    );
    const rechecks = await this.recheckAll([...toRecheck], credentials);
    return missing.map(m => {
      const location = m.known.location;
      return missingItem(m, {
        statusErrors: (location && failing.get(location)) || [],
        recheck: location ? rechecks.get(location) : undefined,
      });
    });
  }

  /**
   * The missing products without re-reading any file, and a way to describe
   * one of them fully: for callers that act on a few, like the notices.
   */
  async findMissing(): Promise<{
    missing: MissingProduct[];
    /** How many products the plugin knows, missing or not. */
    knownCount: number;
    describe: (product: MissingProduct) => Promise<MissingItem>;
  }> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const { missing, failing, knownCount } = await this.find(credentials);
    const describe = async (product: MissingProduct) => {
      const location = product.known.location;
      const recheck =
        location && product.status !== 'stale'
          ? await recheckLocation(this.deps.catalog, location, credentials)
          : undefined;
      return missingItem(product, {
        statusErrors: (location && failing.get(location)) || [],
        recheck,
      });
    };
    return { missing, knownCount, describe };
  }

  private async find(credentials: BackstageCredentials) {
    const { catalog, sightings } = this.deps;
    const [known, present, failing] = await Promise.all([
      sightings.listKnown(),
      readPresentProducts(catalog, credentials),
      readFailingLocations(catalog, credentials),
    ]);
    return {
      missing: findMissingProducts(known, present, failing),
      failing,
      knownCount: known.length,
    };
  }

  private async recheckAll(
    locations: string[],
    credentials: BackstageCredentials,
  ): Promise<Map<string, LocationRecheck>> {
    const results = new Map<string, LocationRecheck>();
    const queue = [...locations];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        results.set(
          next,
          await recheckLocation(this.deps.catalog, next, credentials),
        );
      }
    };
    await Promise.all(
      Array.from(
        { length: Math.min(RECHECK_CONCURRENCY, queue.length) },
        worker,
      ),
    );
    return results;
  }
}
