import {
  TestDatabases,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import plugin from './index';
import { RecordingNotificationService } from './__testUtils__/RecordingNotificationService';

jest.setTimeout(60_000);

describe('dataProductsPlugin', () => {
  async function start(options: {
    config?: object;
    database?: ReturnType<typeof mockServices.database.factory>;
  }) {
    const scheduler = mockServices.scheduler.mock();
    const notifications = new RecordingNotificationService();
    await startTestBackend({
      features: [
        plugin,
        scheduler.factory,
        catalogServiceMock.factory({ entities: [] }),
        notifications.factory(),
        mockServices.rootConfig.factory({ data: options.config ?? {} }),
        ...(options.database ? [options.database] : []),
      ],
    });
    return { scheduler, notifications };
  }

  it('schedules the lifecycle notices hourly, on one instance of a cluster', async () => {
    const { scheduler } = await start({});

    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'data-products-lifecycle-notifications',
        scope: 'global',
        frequency: { hours: 1 },
        // not at start-up: the catalog may still be coming up
        initialDelay: { minutes: 1 },
      }),
    );
  });

  it.each([
    [{ minutes: 30 }, { minutes: 30 }],
    ['45m', { minutes: 45 }],
    ['PT2H', { hours: 2 }],
  ])('runs at the configured frequency %p', async (frequency, expected) => {
    const { scheduler } = await start({
      config: { stockroom: { lifecycle: { notifications: { frequency } } } },
    });

    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({ frequency: expected }),
    );
  });

  it('schedules nothing when notifications are disabled', async () => {
    const { scheduler } = await start({
      config: {
        stockroom: { lifecycle: { notifications: { enabled: false } } },
      },
    });

    expect(scheduler.scheduleTask).not.toHaveBeenCalledWith(
      expect.objectContaining({ id: 'data-products-lifecycle-notifications' }),
    );
  });

  it('refuses to start on a malformed category policy, naming the key', async () => {
    await expect(
      start({
        config: {
          stockroom: {
            categories: { 'core-entity': { rules: { semver: 'warning' } } },
          },
        },
      }),
    ).rejects.toThrow(
      'Invalid app-config: stockroom.categories.core-entity.rules.semver is "warning"; allowed values are block, warn, off',
    );
  });

  it('refuses to start on a malformed frequency, naming the key', async () => {
    await expect(
      start({
        config: {
          stockroom: { lifecycle: { notifications: { frequency: 'often' } } },
        },
      }),
    ).rejects.toThrow(/stockroom\.lifecycle\.notifications\.frequency/);
  });

  describe('migrations', () => {
    const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

    it('creates its tables at start-up', async () => {
      const knex = await databases.init('SQLITE_3');
      await start({ database: mockServices.database.factory({ knex }) });

      expect(await knex.schema.hasTable('notifications_sent')).toBe(true);
    });

    it('leaves the schema alone when migrations are skipped', async () => {
      const knex = await databases.init('SQLITE_3');
      await start({
        database: mockServices.database.factory({
          knex,
          migrations: { skip: true },
        }),
      });

      expect(await knex.schema.hasTable('notifications_sent')).toBe(false);
    });
  });
});
