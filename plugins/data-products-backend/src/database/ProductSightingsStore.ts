/** A DataProduct as the plugin last saw it in the catalog. */
export interface ProductSighting {
  entityRef: string;
  /** spec.owner as a full entity ref, when it had one. */
  owner?: string;
  title?: string;
  /** spec.lifecycle.stage. */
  stage?: string;
  /** `backstage.io/managed-by-location`: the file that defined it. */
  location?: string;
}

/** A product the plugin has seen, with when. */
export interface KnownProduct extends ProductSighting {
  firstSeenAt: Date;
  lastSeenAt: Date;
}

/**
 * The products the plugin has seen in the catalog. The catalog itself keeps
 * no trace of a product its file stopped defining; this store is what the
 * lifecycle API compares the catalog against to list missing products.
 */
export interface ProductSightingsStore {
  /**
   * Records that `products` are in the catalog at `seenAt`: new ones are
   * added, known ones get the new details and last-seen time.
   */
  recordSightings(products: ProductSighting[], seenAt: Date): Promise<void>;

  /** Every product ever seen, by entity ref. */
  listKnown(): Promise<KnownProduct[]>;
}
