/**
 * Issue #11 item 4: a manual scorecard refresh reads every run of the
 * product's window, so it is allowed once per product per interval
 * (`stockroom.scoring.minRefreshIntervalSeconds`, default 60); sooner is a
 * 429 with `Retry-After` and a message saying when to come back.
 */
import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import plugin from '../../index';
import { RecordingNotificationService } from '../../__testUtils__/RecordingNotificationService';
import {
  NOW,
  catalogProduct,
  createRunsApp,
  group,
} from './__testUtils__/runsApp';

jest.setTimeout(120_000);

const entities = [
  catalogProduct('orders'),
  catalogProduct('identity'),
  group('orders-team', ['user:default/ada']),
];

describe('manual scorecard refresh rate limit', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function setup(minRefreshIntervalSeconds?: number) {
      const knex = await databases.init(databaseId);
      const clock = { now: NOW };
      const { app } = await createRunsApp(knex, {
        entities,
        clock: () => clock.now,
        router:
          minRefreshIntervalSeconds === undefined
            ? {}
            : { minRefreshIntervalSeconds },
      });
      const refresh = (name: string) =>
        request(app).post(`/products/default/${name}/scorecard/refresh`);
      const later = (seconds: number) => {
        clock.now = new Date(NOW.getTime() + seconds * 1000);
      };
      return { refresh, later, knex };
    }

    it('refuses a second refresh of a product within the interval, saying when to retry', async () => {
      const { refresh, later, knex } = await setup(30);

      expect((await refresh('orders')).status).toBe(200);
      later(10);
      const again = await refresh('orders');

      expect(again.status).toBe(429);
      expect(again.headers['retry-after']).toBe('20');
      expect(again.body).toEqual({
        error: {
          name: 'TooManyRequestsError',
          message:
            'The scorecard of dataproduct:default/orders was refreshed 10 s ago, and a scorecard can be refreshed once every 30 s: try again in 20 s. Until then GET …/scorecard serves that refresh.',
        },
      });
      // Nothing was scored for the refused one.
      expect(
        Number((await knex('scorecard_snapshots').count({ n: '*' }))[0].n),
      ).toBe(1);
    });

    it('limits each product on its own', async () => {
      const { refresh } = await setup(30);

      expect((await refresh('orders')).status).toBe(200);
      expect((await refresh('identity')).status).toBe(200);
      expect((await refresh('orders')).status).toBe(429);
    });

    it('allows the next refresh once the interval has passed', async () => {
      const { refresh, later } = await setup(30);

      expect((await refresh('orders')).status).toBe(200);
      later(29.5);
      const early = await refresh('orders');
      expect(early.status).toBe(429);
      // Half a second to go is still a second to wait: never "0".
      expect(early.headers['retry-after']).toBe('1');
      later(30);
      expect((await refresh('orders')).status).toBe(200);
      later(45);
      expect((await refresh('orders')).status).toBe(429);
    });

    it('limits to one refresh a minute by default', async () => {
      const { refresh, later } = await setup();

      expect((await refresh('orders')).status).toBe(200);
      later(59);
      const again = await refresh('orders');
      expect(again.status).toBe(429);
      expect(again.headers['retry-after']).toBe('1');
      later(60);
      expect((await refresh('orders')).status).toBe(200);
    });

    it('does not limit with an interval of 0', async () => {
      const { refresh } = await setup(0);

      expect((await refresh('orders')).status).toBe(200);
      expect((await refresh('orders')).status).toBe(200);
    });
  });
});

describe('stockroom.scoring.minRefreshIntervalSeconds', () => {
  async function start(config: object) {
    const { server } = await startTestBackend({
      features: [
        plugin,
        mockServices.scheduler.factory(),
        catalogServiceMock.factory({ entities }),
        new RecordingNotificationService().factory(),
        mockServices.rootConfig.factory({ data: config }),
      ],
    });
    return () =>
      request(server)
        .post('/api/data-products/products/default/orders/scorecard/refresh')
        .set('Authorization', mockCredentials.user.header());
  }

  it('sets the interval of the installed plugin', async () => {
    const refresh = await start({
      stockroom: { scoring: { minRefreshIntervalSeconds: 3600 } },
    });

    expect((await refresh()).status).toBe(200);
    const again = await refresh();
    expect(again.status).toBe(429);
    expect(again.body.error.message).toContain(
      'a scorecard can be refreshed once every 3600 s',
    );
  });

  it('refuses to start with a negative interval, naming the key', async () => {
    await expect(
      start({ stockroom: { scoring: { minRefreshIntervalSeconds: -1 } } }),
    ).rejects.toThrow(
      'stockroom.scoring.minRefreshIntervalSeconds is -1; it must be a number of seconds, 0 or more (0: no limit)',
    );
  });
});
