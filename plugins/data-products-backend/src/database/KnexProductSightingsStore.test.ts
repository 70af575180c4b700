import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { openStores } from './openStores';

jest.setTimeout(60_000);

const migrationsDir = resolvePackagePath(
  '@stockroom/plugin-data-products-backend',
  'migrations',
);

const MONDAY = new Date('2026-11-30T09:00:00Z');
const TUESDAY = new Date('2026-12-01T09:00:00Z');

describe('KnexProductSightingsStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    return (await openStores(mockServices.database({ knex }))).productSightings;
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('migrates up and down', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      expect(await knex.schema.hasTable('product_sightings')).toBe(true);
      await knex.migrate.rollback({ directory: migrationsDir }, true);
      expect(await knex.schema.hasTable('product_sightings')).toBe(false);
    });

    it('knows nothing before the first sighting', async () => {
      const store = await createStore(databaseId);
      expect(await store.listKnown()).toEqual([]);
    });

    it('keeps the first sighting time and takes the latest details', async () => {
      const store = await createStore(databaseId);
      await store.recordSightings(
        [
          {
            entityRef: 'dataproduct:default/orders-core',
            owner: 'group:default/commerce',
            title: 'Orders',
            stage: 'active',
            location: 'url:https://git.example/acme/orders/catalog-info.yaml',
          },
          { entityRef: 'dataproduct:default/bare' },
        ],
        MONDAY,
      );
      await store.recordSightings(
        [
          {
            entityRef: 'dataproduct:default/orders-core',
            owner: 'group:default/sales',
            stage: 'deprecated',
            location: 'url:https://git.example/acme/sales/catalog-info.yaml',
          },
        ],
        TUESDAY,
      );

      expect(await store.listKnown()).toEqual([
        {
          entityRef: 'dataproduct:default/bare',
          firstSeenAt: MONDAY,
          lastSeenAt: MONDAY,
        },
        {
          entityRef: 'dataproduct:default/orders-core',
          owner: 'group:default/sales',
          // no title at the latest sighting: the old one is not kept
          stage: 'deprecated',
          location: 'url:https://git.example/acme/sales/catalog-info.yaml',
          firstSeenAt: MONDAY,
          lastSeenAt: TUESDAY,
        },
      ]);
    });

    it('records more products than one statement takes', async () => {
      const store = await createStore(databaseId);
      const products = Array.from({ length: 250 }, (_, i) => ({
        entityRef: `dataproduct:default/p-${String(i).padStart(3, '0')}`,
      }));
      await store.recordSightings(products, MONDAY);
      const known = await store.listKnown();
      expect(known).toHaveLength(250);
      expect(known[249].entityRef).toBe('dataproduct:default/p-249');
    });
  });
});
