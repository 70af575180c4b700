import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { openStores } from './openStores';
import { SentNotification } from './NotificationLogStore';

jest.setTimeout(60_000);

const migrationsDir = resolvePackagePath(
  '@stockroom/plugin-data-products-backend',
  'migrations',
);

function sent(overrides: Partial<SentNotification> = {}): SentNotification {
  return {
    dedupeKey:
      'expiring|dataproduct:default/orders-view|group:default/sales|2026-05-30',
    kind: 'expiring',
    entityRef: 'dataproduct:default/orders-view',
    recipient: 'group:default/sales',
    sentAt: new Date('2026-05-16T09:00:00Z'),
    ...overrides,
  };
}

describe('KnexNotificationLogStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = (await openStores(mockServices.database({ knex })))
      .notificationLog;
    return { knex, store };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('migrates up and down', async () => {
      const knex = await databases.init(databaseId);
      const tables = ['notifications_sent', 'delivery_attempts'];
      const exist = () =>
        Promise.all(tables.map(table => knex.schema.hasTable(table)));
      await knex.migrate.latest({ directory: migrationsDir });
      expect(await exist()).toEqual([true, true]);

      await knex.migrate.rollback({ directory: migrationsDir }, true);
      expect(await exist()).toEqual([false, false]);

      // and up again, as after a rollback and redeploy
      await knex.migrate.latest({ directory: migrationsDir });
      expect(await exist()).toEqual([true, true]);
    });

    it('keeps the failed attempts of messages waiting to be retried', async () => {
      const { store } = await createStore(databaseId);
      const first = new Date('2026-11-25T12:10:00Z');
      const second = new Date('2026-11-25T12:30:00Z');
      expect(await store.failedAttempts('a')).toBeUndefined();

      await store.recordFailedAttempts('a', { attempts: 1, retryAt: first });
      await store.recordFailedAttempts('b', { attempts: 1, retryAt: first });
      await store.recordFailedAttempts('c', { attempts: 3, retryAt: first });
      expect(await store.failedAttempts('a')).toEqual({
        attempts: 1,
        retryAt: first,
      });
      // A later failure replaces the count and the wait.
      await store.recordFailedAttempts('a', { attempts: 2, retryAt: second });
      expect(await store.failedAttempts('a')).toEqual({
        attempts: 2,
        retryAt: second,
      });

      await store.forgetFailedAttempts('b');
      expect(await store.failedAttempts('b')).toBeUndefined();
      // Only what is still due keeps its attempts.
      await store.keepFailedAttemptsOf(['a', 'no-such-key']);
      expect(await store.failedAttempts('a')).toEqual({
        attempts: 2,
        retryAt: second,
      });
      expect(await store.failedAttempts('c')).toBeUndefined();
      await store.keepFailedAttemptsOf([]);
      expect(await store.failedAttempts('a')).toBeUndefined();
    });

    it('skips migrations when the database service says so', async () => {
      const knex = await databases.init(databaseId);
      await openStores(
        mockServices.database({ knex, migrations: { skip: true } }),
      );
      expect(await knex.schema.hasTable('notifications_sent')).toBe(false);
    });

    it('delivers on the first claim of a key and records it', async () => {
      const { store } = await createStore(databaseId);
      const deliver = jest.fn(async () => {});

      await expect(store.claim(sent(), deliver)).resolves.toBe(true);

      expect(deliver).toHaveBeenCalledTimes(1);
      expect(await store.list()).toEqual([sent()]);
    });

    it('returns false and does not deliver when a key is claimed twice', async () => {
      const { store } = await createStore(databaseId);
      const deliver = jest.fn(async () => {});

      await store.claim(sent(), deliver);
      const second = await store.claim(
        sent({ sentAt: new Date('2026-05-16T10:00:00Z') }),
        deliver,
      );

      expect(second).toBe(false);
      expect(deliver).toHaveBeenCalledTimes(1);
      expect(await store.list()).toEqual([sent()]);
    });

    it('drops the claim when delivery fails, so the next claim delivers', async () => {
      const { store } = await createStore(databaseId);

      await expect(
        store.claim(sent(), async () => {
          throw new Error('notifications backend is down');
        }),
      ).rejects.toThrow('notifications backend is down');
      expect(await store.list()).toEqual([]);

      const deliver = jest.fn(async () => {});
      await expect(store.claim(sent(), deliver)).resolves.toBe(true);
      expect(deliver).toHaveBeenCalledTimes(1);
    });

    it('lets only one of two concurrent claims of a key deliver', async () => {
      const { store } = await createStore(databaseId);
      let deliveries = 0;
      const slowDeliver = async () => {
        deliveries += 1;
        // Hold the first claim open while the second one arrives.
        await new Promise(resolve => setTimeout(resolve, 100));
      };

      const results = await Promise.all([
        store.claim(sent(), slowDeliver),
        store.claim(sent(), slowDeliver),
      ]);

      expect(results.sort()).toEqual([false, true]);
      expect(deliveries).toBe(1);
    });

    it('keeps keys apart and lists by product', async () => {
      const { store } = await createStore(databaseId);
      const other = sent({
        dedupeKey:
          'deprecated|dataproduct:default/identity-v1|group:default/checkout|2027-03-31',
        kind: 'deprecated',
        entityRef: 'dataproduct:default/identity-v1',
        recipient: 'group:default/checkout',
        sentAt: new Date('2026-05-17T09:00:00Z'),
      });
      await store.claim(sent(), async () => {});
      await store.claim(other, async () => {});

      expect(await store.list()).toEqual([sent(), other]);
      expect(
        await store.list({ entityRef: 'dataproduct:default/identity-v1' }),
      ).toEqual([other]);
    });
  });
});
