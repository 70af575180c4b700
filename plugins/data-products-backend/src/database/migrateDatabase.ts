import {
  DatabaseService,
  LoggerService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDirectory = resolvePackagePath(
  '@stockroom/plugin-data-products-backend',
  'migrations',
);

/**
 * Serializes Stockroom's migrators across instances on PostgreSQL. knex's
 * own lock is a row in `knex_migrations_lock`, but knex creates that table
 * and its row without any lock: two instances on an empty database race
 * there ("already exists", or two lock rows that lock every later
 * migration out for good). An advisory lock is taken before any of that and
 * dies with its session, so a killed instance never leaves it behind.
 * Any fixed number works; this one spells "STOCK".
 */
export const MIGRATION_ADVISORY_LOCK_KEY = 0x53544f434b;

export interface MigrateDatabaseOptions {
  /** Says when start-up waits for another migrator, and when it got through. */
  logger?: LoggerService;
  /** How long to wait for another migrator before giving up; default 60 s. */
  lockTimeoutMs?: number;
  /** How often to look again while waiting; default 1 s. */
  retryIntervalMs?: number;
}

/** Another Stockroom instance held the advisory lock past the deadline. */
class AnotherMigratorError extends Error {}

const migrated = new WeakMap<DatabaseService, Promise<Knex>>();
/** The migration in flight on each client, so one process never races itself. */
const inFlight = new WeakMap<Knex, Promise<unknown>>();

/**
 * Brings the plugin's database to the latest migration, once per database
 * service however often it is asked (by openStores, the one caller outside
 * tests; the first caller's options apply), and returns its client. Unless
 * the deployment manages the schema itself (`migrations.skip`).
 *
 * Waits while another instance migrates, or while knex's migration lock is
 * held, for at most `lockTimeoutMs`, then throws: the plugin's start-up
 * fails rather than serving 503s over a database it could not migrate.
 */
export function migrateDatabase(
  database: DatabaseService,
  options: MigrateDatabaseOptions = {},
): Promise<Knex> {
  let done = migrated.get(database);
  if (!done) {
    done = (async () => {
      const client = await database.getClient();
      if (!database.migrations?.skip) {
        const previous = inFlight.get(client) ?? Promise.resolve();
        const mine = previous
          .catch(() => undefined)
          .then(() => migrateWithRetry(client, options));
        inFlight.set(client, mine);
        await mine;
      }
      return client;
    })();
    migrated.set(database, done);
  }
  return done;
}

async function migrateWithRetry(
  client: Knex,
  options: MigrateDatabaseOptions,
): Promise<void> {
  const { logger, lockTimeoutMs = 60_000, retryIntervalMs = 1000 } = options;
  const startedAt = Date.now();
  const deadline = startedAt + lockTimeoutMs;
  const bound = `${seconds(lockTimeoutMs)} s`;
  let waited = false;
  // Said once, however many times we look again.
  const waiting = (message: string) => {
    if (!waited) logger?.warn(message);
    waited = true;
  };
  const waitForInstance = () =>
    waiting(
      `Waiting up to ${bound} for another instance to finish migrating the data-products database`,
    );
  for (;;) {
    try {
      await migrateOnce(client, deadline, retryIntervalMs, waitForInstance);
      break;
    } catch (error) {
      if (error instanceof AnotherMigratorError) {
        throw new Error(
          `Could not migrate the data-products database within ${bound}: another instance is still migrating it. Start this one again once that one is up.`,
        );
      }
      if (!isMigrationLocked(error)) {
        throw error;
      }
      if (Date.now() >= deadline) {
        throw new Error(
          `Could not migrate the data-products database within ${bound}: the migration lock (table knex_migrations_lock) is still held. ` +
            'Another instance may still be migrating: start this one again later. ' +
            'If none is, the lock is stale (a migration was killed): release it with ' +
            '"UPDATE knex_migrations_lock SET is_locked = 0" in the data-products database (the table must hold exactly one row), then start again.',
        );
      }
      waiting(
        `Waiting up to ${bound} for the data-products database migration lock, held by another instance or by a migration still running (table knex_migrations_lock)`,
      );
      await sleep(Math.min(retryIntervalMs, deadline - Date.now()));
    }
  }
  if (waited) {
    logger?.info(
      `Migrated the data-products database after waiting ${seconds(
        Date.now() - startedAt,
      )} s for the migration lock`,
    );
  }
}

/** One attempt: on PostgreSQL under the advisory lock, in one transaction. */
async function migrateOnce(
  client: Knex,
  deadline: number,
  retryIntervalMs: number,
  onWait: () => void,
): Promise<void> {
  if (!isPostgres(client)) {
    await client.migrate.latest({ directory: migrationsDirectory });
    return;
  }
  // The lock is the transaction's: it is released when the migration
  // commits or rolls back, or when the connection dies with the instance.
  // knex runs the migrations inside this same transaction, on its connection.
  await client.transaction(async trx => {
    for (;;) {
      const { rows } = await trx.raw<{ rows: Array<{ locked: boolean }> }>(
        'select pg_try_advisory_xact_lock(?) as locked',
        [MIGRATION_ADVISORY_LOCK_KEY],
      );
      if (rows[0].locked) break;
      if (Date.now() >= deadline) throw new AnotherMigratorError();
      onWait();
      await sleep(Math.min(retryIntervalMs, deadline - Date.now()));
    }
    await trx.migrate.latest({ directory: migrationsDirectory });
  });
}

/** knex's `MigrationLocked`: its lock row is held, by someone else or stale. */
function isMigrationLocked(error: unknown): boolean {
  return (error as Error | undefined)?.name === 'MigrationLocked';
}

function isPostgres(client: Knex): boolean {
  return (client.client as { dialect?: string }).dialect === 'postgresql';
}

/** 1200 → "1.2", 60000 → "60". */
function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, Math.max(0, ms)));
}
