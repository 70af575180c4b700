import {
  TestDatabases,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import plugin from './index';
import { RecordingNotificationService } from './__testUtils__/RecordingNotificationService';

jest.setTimeout(60_000);

describe('dataProductsPlugin: contract history', () => {
  async function start(options: {
    config?: object;
    database?: ReturnType<typeof mockServices.database.factory>;
  }) {
    const scheduler = mockServices.scheduler.mock();
    await startTestBackend({
      features: [
        plugin,
        scheduler.factory,
        catalogServiceMock.factory({ entities: [] }),
        new RecordingNotificationService().factory(),
        mockServices.rootConfig.factory({ data: options.config ?? {} }),
        ...(options.database ? [options.database] : []),
      ],
    });
    return { scheduler };
  }

  it('schedules the contract history every 10 minutes, on one instance of a cluster', async () => {
    const { scheduler } = await start({});

    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'data-products-contract-history',
        scope: 'global',
        frequency: { minutes: 10 },
        initialDelay: { minutes: 1 },
      }),
    );
  });

  it.each([
    [{ minutes: 5 }, { minutes: 5 }],
    ['30m', { minutes: 30 }],
    ['PT1H', { hours: 1 }],
  ])('runs at the configured frequency %p', async (frequency, expected) => {
    const { scheduler } = await start({
      config: { stockroom: { contracts: { history: { frequency } } } },
    });

    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'data-products-contract-history',
        frequency: expected,
      }),
    );
  });

  it('keeps recording contracts when lifecycle notifications are disabled', async () => {
    const { scheduler } = await start({
      config: {
        stockroom: { lifecycle: { notifications: { enabled: false } } },
      },
    });

    // contract history (and scoring) still scheduled; lifecycle notices not
    const ids = (scheduler.scheduleTask as jest.Mock).mock.calls.map(
      ([task]) => task.id,
    );
    expect(ids).toContain('data-products-contract-history');
    expect(ids).not.toContain('data-products-lifecycle-notifications');
  });

  it('refuses to start on a malformed frequency, naming the key', async () => {
    await expect(
      start({
        config: {
          stockroom: { contracts: { history: { frequency: 'sometimes' } } },
        },
      }),
    ).rejects.toThrow(/stockroom\.contracts\.history\.frequency/);
  });

  describe('migrations', () => {
    const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

    it('creates the history tables at start-up', async () => {
      const knex = await databases.init('SQLITE_3');
      await start({ database: mockServices.database.factory({ knex }) });

      expect(await knex.schema.hasTable('contract_versions')).toBe(true);
      expect(await knex.schema.hasTable('drift_incidents')).toBe(true);
    });
  });
});
