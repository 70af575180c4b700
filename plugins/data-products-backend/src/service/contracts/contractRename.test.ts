import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DEFAULT_POLICY } from '@stockroom/plugin-data-products-common';
import request from 'supertest';
import plugin from '../../index';
import { productWithContract } from '../../__testUtils__/contractEntities';
import { RecordingNotificationService } from '../../__testUtils__/RecordingNotificationService';
import { openStores } from '../../database/openStores';
import { ContractHistoryJob } from './ContractHistoryJob';

jest.setTimeout(120_000);

const BASE = '/api/data-products/products/default/orders';
const T0 = new Date('2026-06-01T10:00:00Z');
const T1 = new Date('2026-06-01T10:10:00Z');

// v1.1.0 renames cust_id to customer_id and moves it to the end: a likely
// rename wherever the field sits (same type, same description, names 63 %
// similar), so one breaking change, not a removal plus an addition, and a
// minor bump is not enough for it.
const v1 = productWithContract('orders', {
  version: '1.0.0',
  schema: [
    { name: 'order_id', type: 'string', description: 'Unique per order.' },
    { name: 'cust_id', type: 'string', description: 'Who ordered.' },
    { name: 'amount', type: 'decimal', description: 'Total, in EUR.' },
  ],
});
const v1_1 = productWithContract('orders', {
  version: '1.1.0',
  schema: [
    { name: 'amount', type: 'decimal', description: 'Total, in EUR.' },
    { name: 'order_id', type: 'string', description: 'Unique per order.' },
    { name: 'customer_id', type: 'string', description: 'Who ordered.' },
  ],
});

const RENAMED = {
  kind: 'breaking',
  change: 'field-renamed',
  // customer_id's place in the new schema
  path: 'spec.contract.schema[2].name',
  message: expect.stringContaining('cust_id renamed to customer_id'),
};

describe('a field renamed and moved, between two recorded contract versions', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  /** A backend whose history task saw each of `runs` in turn, the catalog now holding the last. */
  async function startBackend(databaseId: TestDatabaseId, runs: Entity[][]) {
    const knex = await databases.init(databaseId);
    const database = mockServices.database({ knex });
    const store = (await openStores(database)).contractHistory;
    for (const [run, inventory] of runs.entries()) {
      await new ContractHistoryJob({
        catalog: catalogServiceMock({ entities: inventory }),
        auth: mockServices.auth(),
        store,
        policy: DEFAULT_POLICY,
        logger: mockServices.logger.mock(),
      }).run(run === 0 ? T0 : T1);
    }
    const catalog = catalogServiceMock({ entities: runs[runs.length - 1] });
    const { server } = await startTestBackend({
      features: [
        plugin,
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () => catalog,
        }),
        mockServices.database.factory({ knex }),
        new RecordingNotificationService().factory(),
      ],
    });
    return server;
  }

  it.each(databases.eachSupportedId())(
    'is one field-renamed change in the history and the incident, on %p',
    async databaseId => {
      const server = await startBackend(databaseId, [[v1], [v1_1]]);

      const history = await request(server).get(`${BASE}/contract/history`);
      const incidents = await request(server).get(`${BASE}/incidents`);

      expect(history.status).toBe(200);
      expect(history.body.items[0]).toEqual(
        expect.objectContaining({
          version: '1.1.0',
          changes: [expect.objectContaining(RENAMED)],
          verdict: 'needs-major',
        }),
      );
      expect(incidents.status).toBe(200);
      expect(incidents.body.items).toEqual([
        expect.objectContaining({
          kind: 'breaking-change-without-major',
          openedAt: T1.toISOString(),
          details: expect.objectContaining({
            fromVersion: '1.0.0',
            toVersion: '1.1.0',
            changes: [expect.objectContaining(RENAMED)],
          }),
        }),
      ]);
    },
  );
});
