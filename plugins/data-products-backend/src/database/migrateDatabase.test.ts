import fs from 'node:fs';
import path from 'node:path';
import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import {
  MIGRATION_ADVISORY_LOCK_KEY,
  migrateDatabase,
} from './migrateDatabase';

/** Every migration the package ships, in the order knex applies them. */
const MIGRATION_FILES = fs
  .readdirSync(path.resolve(__dirname, '../../migrations'))
  .filter(name => name.endsWith('.js'))
  .sort();

jest.setTimeout(60_000);

const LOCK_TABLE = 'knex_migrations_lock';

/** The tables our three migrations create, in the order they appear. */
const PLUGIN_TABLES = [
  'notifications_sent',
  'contract_versions',
  'drift_incidents',
  'runs',
];

async function hasPluginTables(knex: Knex) {
  const present = await Promise.all(
    PLUGIN_TABLES.map(table => knex.schema.hasTable(table)),
  );
  return PLUGIN_TABLES.filter((_, i) => present[i]);
}

/**
 * Holds knex's migration lock as another migrator would: the lock table as
 * knex creates it, with its single row set.
 */
async function holdMigrationLock(knex: Knex) {
  await knex.schema.createTable(LOCK_TABLE, table => {
    table.increments('index').primary();
    table.integer('is_locked');
  });
  await knex(LOCK_TABLE).insert({ is_locked: 1 });
}

describe('migrateDatabase', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
  const extraClients: Knex[] = [];

  afterAll(async () => {
    await Promise.all(extraClients.map(client => client.destroy()));
  });

  /**
   * A second instance's connection to the same database: its own knex
   * client (own pool) on PostgreSQL. SQLite's test database lives in one
   * connection's memory, so there the second instance shares the client —
   * but it is still a separate database service, migrated separately.
   */
  function secondClient(databaseId: TestDatabaseId, knex: Knex): Knex {
    if (!databaseId.startsWith('POSTGRES')) return knex;
    const client = knexFactory(knex.client.config);
    extraClients.push(client);
    return client;
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('lets two instances starting together on an empty database both migrate it', async () => {
      const knex = await databases.init(databaseId);
      const other = secondClient(databaseId, knex);
      // Several rounds: the race the old code lost is a matter of timing.
      const results = await Promise.allSettled([
        migrateDatabase(mockServices.database({ knex })),
        migrateDatabase(mockServices.database({ knex: other })),
        migrateDatabase(mockServices.database({ knex: other })),
      ]);

      expect(results.map(r => r.status)).toEqual([
        'fulfilled',
        'fulfilled',
        'fulfilled',
      ]);
      expect(await hasPluginTables(knex)).toEqual(PLUGIN_TABLES);
      // Each migration applied once, and knex's lock left free with one row.
      expect(
        (await knex('knex_migrations').select('name')).map(r => r.name),
      ).toEqual(MIGRATION_FILES);
      expect(await knex(LOCK_TABLE).select('is_locked')).toEqual([
        { is_locked: 0 },
      ]);
    });

    it('migrates once per database service, however many stores ask', async () => {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({ knex });
      const getClient = jest.spyOn(database, 'getClient');

      const clients = await Promise.all([
        migrateDatabase(database),
        migrateDatabase(database),
        migrateDatabase(database),
      ]);

      expect(clients).toEqual([knex, knex, knex]);
      expect(getClient).toHaveBeenCalledTimes(1);
      expect(await knex('knex_migrations').count({ n: '*' })).toEqual([
        {
          n: databaseId.startsWith('POSTGRES')
            ? String(MIGRATION_FILES.length)
            : MIGRATION_FILES.length,
        },
      ]);
    });

    it('waits for a migration lock held elsewhere, then migrates', async () => {
      const knex = await databases.init(databaseId);
      await holdMigrationLock(knex);
      const logger = mockServices.logger.mock();

      const startedAt = Date.now();
      const migrated = migrateDatabase(mockServices.database({ knex }), {
        logger,
        lockTimeoutMs: 20_000,
        retryIntervalMs: 200,
      });
      // The other migrator finishes 1.5 s later and frees its lock.
      await new Promise(resolve => setTimeout(resolve, 1500));
      expect(await hasPluginTables(knex)).toEqual([]);
      await knex(LOCK_TABLE).update({ is_locked: 0 });

      await expect(migrated).resolves.toBe(knex);
      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1500);
      expect(await hasPluginTables(knex)).toEqual(PLUGIN_TABLES);
      expect(logger.warn).toHaveBeenCalledWith(
        'Waiting up to 20 s for the data-products database migration lock, held by another instance or by a migration still running (table knex_migrations_lock)',
      );
      expect(logger.info).toHaveBeenCalledWith(
        expect.stringMatching(
          /^Migrated the data-products database after waiting \d+(\.\d)? s for the migration lock$/,
        ),
      );
    });

    it('gives up after its bound with an error that says what to do, so start-up fails', async () => {
      const knex = await databases.init(databaseId);
      await holdMigrationLock(knex);

      const startedAt = Date.now();
      await expect(
        migrateDatabase(mockServices.database({ knex }), {
          lockTimeoutMs: 1200,
          retryIntervalMs: 200,
        }),
      ).rejects.toThrow(
        'Could not migrate the data-products database within 1.2 s: the migration lock (table knex_migrations_lock) is still held. ' +
          'Another instance may still be migrating: start this one again later. ' +
          'If none is, the lock is stale (a migration was killed): release it with ' +
          '"UPDATE knex_migrations_lock SET is_locked = 0" in the data-products database (the table must hold exactly one row), then start again.',
      );
      const waited = Date.now() - startedAt;
      expect(waited).toBeGreaterThanOrEqual(1200);
      expect(waited).toBeLessThan(10_000);
      expect(await hasPluginTables(knex)).toEqual([]);
    });

    it('does not retry a migration that fails for another reason', async () => {
      const knex = await databases.init(databaseId);
      // A table of the first migration exists already: its CREATE fails.
      await knex.schema.createTable('notifications_sent', table => {
        table.string('x');
      });

      const logger = mockServices.logger.mock();
      const outcome = await migrateDatabase(mockServices.database({ knex }), {
        logger,
        lockTimeoutMs: 20_000,
        retryIntervalMs: 200,
      }).then(
        () => 'migrated',
        (error: Error) => error.message,
      );

      // Failed at once with the migration's own error; every retry is
      // announced before its wait, and there was none.
      expect({ outcome, warnings: logger.warn.mock.calls }).toEqual({
        outcome: expect.stringMatching(/notifications_sent. already exists/),
        warnings: [],
      });
      // Nothing half-done: the batch was rolled back (on PostgreSQL with
      // knex's own tables, created in the same transaction), no lock held.
      const rows = async (table: string) =>
        (await knex.schema.hasTable(table)) ? knex(table).select() : [];
      expect({
        tables: await hasPluginTables(knex),
        recorded: await rows('knex_migrations'),
        held: (await rows(LOCK_TABLE)).filter(row => row.is_locked !== 0),
      }).toEqual({ tables: ['notifications_sent'], recorded: [], held: [] });
    });

    if (databaseId.startsWith('POSTGRES')) {
      /** Another instance migrating: it holds the advisory lock for `ms`. */
      const anotherInstanceMigrating = async (knex: Knex, ms: number) => {
        const other = secondClient(databaseId, knex);
        let locked!: () => void;
        const holding = new Promise<void>(resolve => {
          locked = resolve;
        });
        const done = other.transaction(async trx => {
          await trx.raw('select pg_advisory_xact_lock(?)', [
            MIGRATION_ADVISORY_LOCK_KEY,
          ]);
          locked();
          await new Promise(resolve => setTimeout(resolve, ms));
        });
        await holding;
        return { done };
      };

      it('waits while another instance holds the migration, then migrates', async () => {
        const knex = await databases.init(databaseId);
        const logger = mockServices.logger.mock();
        const other = await anotherInstanceMigrating(knex, 1500);

        const startedAt = Date.now();
        await expect(
          migrateDatabase(mockServices.database({ knex }), {
            logger,
            lockTimeoutMs: 20_000,
            retryIntervalMs: 200,
          }),
        ).resolves.toBe(knex);
        await other.done;

        expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1400);
        expect(await hasPluginTables(knex)).toEqual(PLUGIN_TABLES);
        expect(logger.warn).toHaveBeenCalledWith(
          'Waiting up to 20 s for another instance to finish migrating the data-products database',
        );
      });

      it('gives up when another instance migrates for longer than the bound', async () => {
        const knex = await databases.init(databaseId);
        const other = await anotherInstanceMigrating(knex, 3000);

        await expect(
          migrateDatabase(mockServices.database({ knex }), {
            lockTimeoutMs: 1000,
            retryIntervalMs: 200,
          }),
        ).rejects.toThrow(
          'Could not migrate the data-products database within 1 s: another instance is still migrating it. Start this one again once that one is up.',
        );
        await other.done;
        expect(await hasPluginTables(knex)).toEqual([]);
      });
    }

    it('leaves the schema alone when the deployment manages it', async () => {
      const knex = await databases.init(databaseId);
      await expect(
        migrateDatabase(
          mockServices.database({ knex, migrations: { skip: true } }),
        ),
      ).resolves.toBe(knex);
      expect(await knex.schema.hasTable('knex_migrations')).toBe(false);
    });
  });
});
