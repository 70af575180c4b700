import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DEFAULT_FUNDING_POLICY,
  DEFAULT_POLICY,
} from '@stockroom/plugin-data-products-common';
import { openStores } from '../../database/openStores';
import { InventoryReadModel } from '../../database/InventoryReadModel';
import {
  ProductFixture,
  catalogEntity,
  refOf,
} from './__testUtils__/inventoryApp';
import { InventorySync } from './InventorySync';

jest.setTimeout(120_000);

/** A DataProduct as the catalog serves it, with the etag stitching gave it. */
function served(fixture: ProductFixture, etag?: string): Entity {
  const entity = catalogEntity(fixture);
  return { ...entity, metadata: { ...entity.metadata, etag } };
}

const orders: ProductFixture = {
  name: 'orders',
  title: 'Orders, daily',
  category: 'shared-mart',
  owner: 'orders-team',
};
const identity: ProductFixture = {
  name: 'identity',
  category: 'core-entity',
  owner: 'identity-platform',
};
const churn: ProductFixture = {
  name: 'churn-view',
  category: 'convenience-view',
  owner: 'analytics',
  // expires 90 days later (spec "Expiry, precisely"): 4 + 30 + 31 + 25
  // days, on 2026-11-25; expiring from 14 days before
  lifecycle: { renewedOn: '2026-08-27' },
};

const BY_NAME = {
  filters: {},
  sort: 'name',
  order: 'asc',
  limit: 50,
} as const;

async function listed(model: InventoryReadModel) {
  const day = { today: '2026-11-25', monthEnd: '2026-11-30' };
  const { items } = await model.page(BY_NAME, day);
  return items.map(item => ({
    name: item.name,
    title: item.title,
    category: item.category,
    state: item.state,
  }));
}

describe('InventorySync', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      const stores = await openStores(mockServices.database({ knex }));
      const model = stores.inventory;
      /** One pass at `now` against a catalog serving `entities`. */
      const pass = async (
        now: string,
        entities: Entity[],
        fullPassIntervalMs?: number,
      ) => {
        const catalog = catalogServiceMock({ entities });
        const byRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
        const summary = await new InventorySync({
          catalog,
          auth: mockServices.auth(),
          model,
          snapshots: stores.scorecardSnapshots,
          policy: DEFAULT_POLICY,
          funding: DEFAULT_FUNDING_POLICY,
          fullPassIntervalMs,
        }).run(new Date(now));
        const read = byRefs.mock.calls.flatMap(
          ([request]) => request.entityRefs,
        );
        return { summary, read };
      };
      return { model, pass };
    }

    it('reads every product first, then only those whose etag moved, and forgets those gone', async () => {
      const { model, pass } = await setup();
      const first = [
        served(orders, 'o1'),
        served(identity, 'i1'),
        served(churn, 'c1'),
      ];

      const one = await pass('2026-11-25T10:00:00Z', first);
      expect(one.summary).toMatchObject({
        full: true,
        inCatalog: 3,
        written: 3,
        removed: 0,
      });
      expect(await model.lastFullPass()).toEqual({
        at: new Date('2026-11-25T10:00:00Z'),
        on: '2026-11-25',
      });

      // nothing changed: nothing read again
      const two = await pass('2026-11-25T10:00:15Z', first);
      expect(two.summary).toMatchObject({
        full: false,
        written: 0,
        removed: 0,
      });
      expect(two.read).toEqual([]);

      // orders edited (new etag), identity deleted, eur-mart added
      const three = await pass('2026-11-25T10:00:30Z', [
        served({ ...orders, title: 'Orders, hourly' }, 'o2'),
        served(churn, 'c1'),
        served(
          { name: 'eur-mart', category: 'shared-mart', owner: 'finance' },
          'e1',
        ),
      ]);
      expect(three.summary).toMatchObject({
        full: false,
        inCatalog: 3,
        written: 2,
        removed: 1,
      });
      expect(three.read.sort()).toEqual([refOf('eur-mart'), refOf('orders')]);
      expect(await model.storedEtags()).toEqual(
        new Map([
          [refOf('churn-view'), 'c1'],
          [refOf('eur-mart'), 'e1'],
          [refOf('orders'), 'o2'],
        ]),
      );
      expect(await listed(model)).toEqual([
        {
          name: 'churn-view',
          title: 'churn-view',
          category: 'convenience-view',
          state: 'expired',
        },
        {
          name: 'eur-mart',
          title: 'eur-mart',
          category: 'shared-mart',
          state: 'active',
        },
        {
          name: 'orders',
          title: 'Orders, hourly',
          category: 'shared-mart',
          state: 'active',
        },
      ]);
    });

    it('reads a product the catalog gives no etag on every pass', async () => {
      const { pass } = await setup();
      const entities = [served(orders), served(identity, 'i1')];
      await pass('2026-11-25T10:00:00Z', entities);

      const again = await pass('2026-11-25T10:00:15Z', entities);
      expect(again.summary).toMatchObject({ full: false, written: 1 });
      expect(again.read).toEqual([refOf('orders')]);
    });

    it('evaluates every product again on a new day, and after the full-pass interval', async () => {
      const { model, pass } = await setup();
      const entities = [served(churn, 'c1'), served(orders, 'o1')];
      const hour = 3_600_000;

      await pass('2026-11-24T23:59:00Z', entities, hour);
      expect((await listed(model))[0]).toMatchObject({
        name: 'churn-view',
        state: 'expiring',
      });

      // the same etags, but a new day: the view expires on 2026-11-25
      const midnight = await pass('2026-11-25T00:00:30Z', entities, hour);
      expect(midnight.summary).toMatchObject({ full: true, written: 2 });
      expect((await listed(model))[0]).toMatchObject({
        name: 'churn-view',
        state: 'expired',
      });

      const later = await pass('2026-11-25T00:59:00Z', entities, hour);
      expect(later.summary).toMatchObject({ full: false, written: 0 });
      const hourOn = await pass('2026-11-25T01:00:30Z', entities, hour);
      expect(hourOn.summary).toMatchObject({ full: true, written: 2 });
    });

    it('brings the latest scores up to the snapshots on a full pass', async () => {
      const knex = await databases.init(databaseId);
      const stores = await openStores(mockServices.database({ knex }));
      // a snapshot written before latest_scores existed
      await knex('scorecard_snapshots').insert({
        entity_ref: refOf('orders'),
        taken_at: new Date('2026-11-25T06:00:00Z'),
        overall: 4.2,
        freshness: 5,
        evidence: '{}',
        window: '{}',
      });
      const summary = await new InventorySync({
        catalog: catalogServiceMock({ entities: [served(orders, 'o1')] }),
        auth: mockServices.auth(),
        model: stores.inventory,
        snapshots: stores.scorecardSnapshots,
        policy: DEFAULT_POLICY,
        funding: DEFAULT_FUNDING_POLICY,
      }).run(new Date('2026-11-25T10:00:00Z'));

      expect(summary.scoresReconciled).toBe(1);
      const { items } = await stores.inventory.page(BY_NAME, {
        today: '2026-11-25',
        monthEnd: '2026-11-30',
      });
      expect(items.map(item => [item.name, item.overall])).toEqual([
        ['orders', 4.2],
      ]);
    });
  });
});
