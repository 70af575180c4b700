/**
 * Owns the table `product_sightings`: no other module reads or writes it.
 */
import { Knex } from 'knex';
import { DbTime, toDate } from './dbTime';
import {
  KnownProduct,
  ProductSighting,
  ProductSightingsStore,
} from './ProductSightingsStore';

const TABLE = 'product_sightings';

// Rows per insert: well under SQLite's bound-parameter limit (7 columns each).
const ROWS_PER_INSERT = 100;

type Row = {
  entity_ref: string;
  owner: string | null;
  title: string | null;
  stage: string | null;
  location: string | null;
  first_seen_at: DbTime;
  last_seen_at: DbTime;
};

/** {@link ProductSightingsStore} on the plugin's knex database (SQLite or PostgreSQL). */
export class KnexProductSightingsStore implements ProductSightingsStore {
  constructor(private readonly db: Knex) {}

  async recordSightings(
    products: ProductSighting[],
    seenAt: Date,
  ): Promise<void> {
    for (let i = 0; i < products.length; i += ROWS_PER_INSERT) {
      const rows = products.slice(i, i + ROWS_PER_INSERT).map(product => ({
        entity_ref: product.entityRef,
        owner: product.owner ?? null,
        title: product.title ?? null,
        stage: product.stage ?? null,
        location: product.location ?? null,
        first_seen_at: seenAt,
        last_seen_at: seenAt,
      }));
      // One statement per chunk, so two instances recording at once both
      // succeed; first_seen_at is kept from the first insert.
      await this.db<Row>(TABLE)
        .insert(rows)
        .onConflict('entity_ref')
        .merge(['owner', 'title', 'stage', 'location', 'last_seen_at']);
    }
  }

  async listKnown(): Promise<KnownProduct[]> {
    const rows = await this.db<Row>(TABLE).orderBy('entity_ref', 'asc');
    return rows.map(row => ({
      entityRef: row.entity_ref,
      ...(row.owner ? { owner: row.owner } : {}),
      ...(row.title ? { title: row.title } : {}),
      ...(row.stage ? { stage: row.stage } : {}),
      ...(row.location ? { location: row.location } : {}),
      firstSeenAt: toDate(row.first_seen_at),
      lastSeenAt: toDate(row.last_seen_at),
    }));
  }
}
