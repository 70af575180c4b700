import {
  TestDatabaseId,
  TestDatabases,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DEFAULT_POLICY } from '@stockroom/plugin-data-products-common';
import { RecordingNotificationService } from '../../__testUtils__/RecordingNotificationService';
import {
  component,
  dataProduct,
  viewRenewed,
} from '../../__testUtils__/entities';
import { LifecycleNotificationsJob } from './LifecycleNotificationsJob';
import { openStores } from '../../database/openStores';

jest.setTimeout(60_000);

const NOW = new Date('2026-05-15T12:00:00Z');
const DAY = 86_400_000;
const V1 = 'dataproduct:default/identity-v1';

const inventory: Entity[] = [
  viewRenewed('expiring-view', NOW, 80, 'group:default/analytics'),
  viewRenewed('expired-view', NOW, 120, 'group:default/finance'),
  viewRenewed('current-view', NOW, 1, 'group:default/analytics'),
  dataProduct('identity-v1', {
    category: 'core-entity',
    owner: 'group:default/identity-platform',
    lifecycle: {
      stage: 'deprecated',
      createdOn: '2024-01-10',
      sunsetOn: '2027-03-31',
      successor: 'dataproduct:default/identity-v2',
    },
  }),
  component('checkout', 'group:default/web', [V1]),
  component('basket', 'group:default/web', [V1]),
  component('fraud-scoring', 'group:default/risk', [V1]),
  component('unrelated', 'group:default/other', []),
];

describe('LifecycleNotificationsJob', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function setUp(databaseId: TestDatabaseId, entities = inventory) {
    const knex = await databases.init(databaseId);
    const store = (await openStores(mockServices.database({ knex })))
      .notificationLog;
    const catalog = catalogServiceMock({ entities });
    const notifications = new RecordingNotificationService();
    const logger = mockServices.logger.mock();
    const job = new LifecycleNotificationsJob({
      catalog,
      auth: mockServices.auth(),
      notifications,
      store,
      policy: DEFAULT_POLICY,
      logger,
    });
    return { job, store, catalog, notifications, logger };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('sends each due notice through the notification service', async () => {
      const { job, notifications } = await setUp(databaseId);

      const summary = await job.run(NOW);

      expect(summary).toEqual({ due: 4, sent: 4, alreadySent: 0, failed: 0 });
      expect(notifications.sentTo()).toEqual([
        {
          recipient: 'group:default/analytics',
          title: 'expiring-view expires in 10 days',
        },
        {
          recipient: 'group:default/finance',
          title: 'expired-view expired on 2026-04-15',
        },
        {
          recipient: 'group:default/web',
          title: 'identity-v1 is deprecated: move off it by 2027-03-31',
        },
        {
          recipient: 'group:default/risk',
          title: 'identity-v1 is deprecated: move off it by 2027-03-31',
        },
      ]);
      expect(notifications.sent[0]).toEqual({
        recipients: { type: 'entity', entityRef: 'group:default/analytics' },
        payload: expect.objectContaining({
          link: '/catalog/default/dataproduct/expiring-view',
          topic: 'data-product-expiry',
        }),
      });
    });

    it('never sends the same notice twice, across runs and days', async () => {
      const { job, notifications, store } = await setUp(databaseId);

      await job.run(NOW);
      const second = await job.run(new Date(NOW.getTime() + 3_600_000));
      const nextDay = await job.run(new Date(NOW.getTime() + DAY));

      expect(second).toEqual({ due: 4, sent: 0, alreadySent: 4, failed: 0 });
      expect(nextDay).toEqual({ due: 4, sent: 0, alreadySent: 4, failed: 0 });
      expect(notifications.sent).toHaveLength(4);
      // All claimed by the first run, so listed by key.
      expect(await store.list()).toEqual([
        expect.objectContaining({
          kind: 'deprecated',
          entityRef: V1,
          recipient: 'group:default/risk',
        }),
        expect.objectContaining({
          kind: 'deprecated',
          entityRef: V1,
          recipient: 'group:default/web',
        }),
        expect.objectContaining({ kind: 'expired' }),
        {
          dedupeKey:
            'expiring|dataproduct:default/expiring-view|group:default/analytics|2026-05-25',
          kind: 'expiring',
          entityRef: 'dataproduct:default/expiring-view',
          recipient: 'group:default/analytics',
          sentAt: NOW,
        },
      ]);
    });

    it('sends the expired notice once an expiring view expires', async () => {
      const view = viewRenewed('orders-view', NOW, 80);
      const { job, notifications } = await setUp(databaseId, [view]);

      await job.run(NOW);
      await job.run(new Date(NOW.getTime() + 10 * DAY));

      expect(notifications.sentTo().map(sent => sent.title)).toEqual([
        'orders-view expires in 10 days',
        'orders-view expired on 2026-05-25',
      ]);
    });

    it('keeps a failed notice due and delivers it on the next run', async () => {
      const { job, notifications, store, logger } = await setUp(databaseId);
      notifications.failFor.add('group:default/risk');

      const first = await job.run(NOW);

      expect(first).toEqual({ due: 4, sent: 3, alreadySent: 0, failed: 1 });
      expect(logger.warn).toHaveBeenCalledWith(
        `Could not send the deprecated notice about ${V1} to group:default/risk; it is retried on the next run`,
        expect.any(Error),
      );
      expect((await store.list()).map(sent => sent.recipient)).not.toContain(
        'group:default/risk',
      );

      notifications.failFor.clear();
      const second = await job.run(NOW);

      expect(second).toEqual({ due: 4, sent: 1, alreadySent: 3, failed: 0 });
      expect(notifications.sentTo().at(-1)).toEqual({
        recipient: 'group:default/risk',
        title: 'identity-v1 is deprecated: move off it by 2027-03-31',
      });
    });

    it('reads the catalog with the plugin’s own service credentials', async () => {
      const { job, catalog } = await setUp(databaseId);
      const stream = jest.spyOn(catalog, 'streamEntities');

      await job.run(NOW);

      expect(stream).toHaveBeenCalledTimes(2); // products, then dependents
      for (const [, options] of stream.mock.calls) {
        // mockServices.auth() gives a plugin its own credentials as plugin:test
        expect(options).toEqual({
          credentials: mockCredentials.service('plugin:test'),
        });
      }
    });

    it('does not look for dependents when nothing is deprecated', async () => {
      const { job, catalog } = await setUp(databaseId, [
        viewRenewed('orders-view', NOW, 80),
      ]);
      const stream = jest.spyOn(catalog, 'streamEntities');

      await job.run(NOW);

      expect(stream).toHaveBeenCalledTimes(1);
    });

    it('stops between notices when the scheduler aborts it', async () => {
      const { job, notifications } = await setUp(databaseId);
      const controller = new AbortController();
      controller.abort();

      const summary = await job.run(NOW, controller.signal);

      expect(summary).toEqual({ due: 4, sent: 0, alreadySent: 0, failed: 0 });
      expect(notifications.sent).toEqual([]);
    });
  });
});
