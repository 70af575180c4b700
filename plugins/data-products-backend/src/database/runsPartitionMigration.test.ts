import path from 'node:path';
import { TestDatabases } from '@backstage/backend-test-utils';

jest.setTimeout(120_000);

const MIGRATIONS = path.resolve(__dirname, '../../migrations');
const BEFORE = '20261204110000_latest_scores_freshness.js';
const PARTITIONING = '20261204120000_runs_partitioned_by_month.js';

/**
 * The migration that partitions `runs` by month (PostgreSQL), on a table
 * that already holds runs: every row is kept with its id, in the partition
 * of the month it began (its start, else its finish, else its event); ids
 * go on from the same sequence; and the way down gives the plain table
 * back. Months worked out by hand from the three rows.
 */
describe('migration 20261204120000_runs_partitioned_by_month', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'moves existing runs into the months they began, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const config = { directory: MIGRATIONS, loadExtensions: ['.js'] };
      // Up to just before the partitioning, then write runs as old code did.
      while (
        (await knex.migrate.currentVersion(config)) !== BEFORE.slice(0, 14)
      ) {
        await knex.migrate.up(config);
      }
      const row = (runId: string, times: Record<string, string | null>) => ({
        entity_ref: 'dataproduct:default/orders',
        run_id: runId,
        status: times.finished_at ? 'success' : 'running',
        event_time: times.event_time,
        started_at: times.started_at,
        finished_at: times.finished_at,
        recorded_at: times.event_time,
      });
      await knex('runs').insert([
        // Began 31 October, finished 1 November: October.
        row('oct', {
          started_at: '2026-10-31T23:00:00Z',
          finished_at: '2026-11-01T01:00:00Z',
          event_time: '2026-11-01T01:00:00Z',
        }),
        // No start: its finish, in November.
        row('nov', {
          started_at: null,
          finished_at: '2026-11-20T05:00:00Z',
          event_time: '2026-11-20T05:00:00Z',
        }),
        // Neither: its event, in December.
        row('dec', {
          started_at: null,
          finished_at: null,
          event_time: '2026-12-02T00:00:00Z',
        }),
      ]);
      const idsBefore = await knex('runs')
        .orderBy('run_id')
        .select('id', 'run_id');

      await knex.migrate.up({ ...config, name: PARTITIONING });

      const { rows } = await knex.raw(
        `SELECT id, run_id, to_char(run_month, 'YYYY-MM-DD') AS month, tableoid::regclass::text AS partition FROM runs ORDER BY run_id`,
      );
      expect(rows).toEqual([
        {
          id: idsBefore[0].id,
          run_id: 'dec',
          month: '2026-12-01',
          partition: 'runs_m202612',
        },
        {
          id: idsBefore[1].id,
          run_id: 'nov',
          month: '2026-11-01',
          partition: 'runs_m202611',
        },
        {
          id: idsBefore[2].id,
          run_id: 'oct',
          month: '2026-10-01',
          partition: 'runs_m202610',
        },
      ]);
      const [next] = await knex('runs')
        .insert({
          ...row('new', {
            started_at: null,
            finished_at: null,
            event_time: '2026-12-03T00:00:00Z',
          }),
          run_month: '2026-12-01',
        })
        .returning('id');
      const highest = Math.max(...idsBefore.map(r => Number(r.id)));
      expect(Number(next.id)).toBeGreaterThan(highest);
      // One row per product run and month: the same run again is refused.
      await expect(
        knex('runs').insert({
          ...row('new', {
            started_at: null,
            finished_at: null,
            event_time: '2026-12-03T00:00:00Z',
          }),
          run_month: '2026-12-01',
        }),
      ).rejects.toThrow(/runs_entity_run_uq|duplicate key/);

      await knex.migrate.down(config);

      const { rows: plain } = await knex.raw(
        `SELECT count(*)::int AS partitioned FROM pg_partitioned_table WHERE partrelid = 'runs'::regclass`,
      );
      expect(plain).toEqual([{ partitioned: 0 }]);
      expect(
        (await knex('runs').orderBy('run_id').select('run_id')).map(
          r => r.run_id,
        ),
      ).toEqual(['dec', 'new', 'nov', 'oct']);
      expect(await knex.schema.hasColumn('runs', 'run_month')).toBe(false);
    },
  );
});
