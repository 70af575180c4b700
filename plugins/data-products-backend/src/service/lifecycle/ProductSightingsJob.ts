import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ProductSightingsStore } from '../../database/ProductSightingsStore';
import { ORPHAN_ANNOTATION } from './findMissingProducts';
import { productSighting } from './productSighting';
import { readPresentProducts } from './readPresentProducts';

/**
 * Records every DataProduct the catalog has now, read with the plugin's own
 * credentials, so a product that later drops out of the catalog can be
 * listed as missing with where it was last defined.
 */
export class ProductSightingsJob {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      store: ProductSightingsStore;
    },
  ) {}

  /** Resolves the number of products seen. */
  async run(now: Date): Promise<number> {
    const { catalog, auth, store } = this.deps;
    const credentials = await auth.getOwnServiceCredentials();
    const products = await readPresentProducts(catalog, credentials);
    // An orphan is on its way out: its last good details are the ones to keep.
    const defined = products.filter(
      entity => entity.metadata.annotations?.[ORPHAN_ANNOTATION] !== 'true',
    );
    await store.recordSightings(defined.map(productSighting), now);
    return defined.length;
  }
}
