import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { openStores } from '../../database/openStores';
import { ScorecardSnapshot } from '../../database/ScorecardSnapshotStore';
import { catalogProduct, group } from '../runs/__testUtils__/runsApp';
import { ScorecardService } from '../runs/ScorecardService';
import { HISTORY_TASK_ID, historyJob } from '../../jobs/historyJob';

jest.setTimeout(120_000);

const ORDERS = 'dataproduct:default/orders';
const QUIET = 'dataproduct:default/quiet';
// Promised: data at most 1 h old at P95, 2 h at P99.
const CONTRACT = { freshness: { tier: 'daily', p95: '1h', p99: '2h' } };
const endOf = (day: string) => new Date(`${day}T23:59:59.999Z`);

/** One run a day at 12:00 on 1…20 June 2026, its data 5 h old: every one late. */
function juneRuns() {
  return Array.from({ length: 20 }, (_, i) => {
    const day = String(i + 1).padStart(2, '0');
    const finishedAt = new Date(`2026-06-${day}T12:00:00Z`);
    return {
      entityRef: ORDERS,
      runId: `june-${day}`,
      status: 'success' as const,
      eventTime: finishedAt,
      startedAt: new Date(finishedAt.getTime() - 10 * 60_000),
      finishedAt,
      watermark: new Date(finishedAt.getTime() - 5 * 3600_000),
    };
  });
}

describe('the history task', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      const stores = await openStores(mockServices.database({ knex }));
      const catalog = catalogServiceMock({
        entities: [
          catalogProduct('orders', { contract: CONTRACT }),
          catalogProduct('quiet', { contract: CONTRACT }),
          group('orders-team', ['user:default/ada']),
        ],
      });
      let now = new Date('2026-06-21T10:00:00Z');
      const scorecards = new ScorecardService({
        catalog,
        auth: mockServices.auth(),
        store: stores.runs,
        snapshots: stores.scorecardSnapshots,
      });
      const task = historyJob({
        frequency: { minutes: 2 },
        catalog,
        auth: mockServices.auth(),
        store: stores.runs,
        snapshots: stores.scorecardSnapshots,
        marks: stores.historyMarks,
        scorecards,
        scoring: {},
        logger: mockServices.logger.mock(),
        clock: () => now,
      });
      /** Every stored snapshot of orders, oldest first. */
      const ordersSnapshots = () =>
        stores.scorecardSnapshots.snapshotHistory(
          ORDERS,
          new Date('2026-01-01T00:00:00Z'),
          new Date('2027-01-01T00:00:00Z'),
        );
      return {
        ...stores,
        task,
        ordersSnapshots,
        setNow: (at: string) => {
          now = new Date(at);
        },
      };
    }

    const runsByDay = (snapshots: ScorecardSnapshot[]) =>
      Object.fromEntries(
        snapshots.map(s => [s.takenAt.toISOString(), s.window.runs]),
      );

    it('computes every past day from the stored runs on its first pass', async () => {
      const { task, runs, ordersSnapshots, scorecardSnapshots } = await setup();
      expect(task.id).toBe(HISTORY_TASK_ID);
      await runs.insertRuns(juneRuns(), new Date('2026-06-21T09:00:00Z'));

      // 1…20 June, each snapshot at its last millisecond, then today's.
      expect(await task.run()).toEqual({
        products: 2,
        backfilled: 1,
        days: 20,
        failed: 0,
      });
      const snapshots = await ordersSnapshots();
      expect(snapshots).toHaveLength(21);
      // The 30-day window ending on day k holds the runs of days 1…k.
      expect(runsByDay(snapshots.slice(0, 20))).toEqual(
        Object.fromEntries(
          Array.from({ length: 20 }, (_, i) => [
            endOf(`2026-06-${String(i + 1).padStart(2, '0')}`).toISOString(),
            i + 1,
          ]),
        ),
      );
      // Every run 5 h old against a 1 h P95 (worse than 3×): freshness 1;
      // every run a breach (1,000 per 1,000 runs): reliability 1.
      for (const snapshot of snapshots) {
        expect(snapshot.scores.freshness).toBe(1);
        expect(snapshot.scores.reliability).toBe(1);
      }
      // The quiet product has no runs: no past day to compute.
      expect(await scorecardSnapshots.latestSnapshot(QUIET)).toBeUndefined();

      // Today's live snapshot reads the history: freshness ≤ 2 every day
      // since 1 June, so the 14-day streak was first complete on 14 June.
      const today = snapshots[20];
      expect(today.takenAt).toEqual(new Date('2026-06-21T10:00:00Z'));
      expect(today.flags?.tierAtRisk).toBe(true);
      expect(today.evidence.tierAtRisk).toEqual(
        expect.objectContaining({ atRisk: true, atRiskSince: '2026-06-14' }),
      );
      // The past days carry their own verdicts: 13 June is one day short.
      expect(snapshots[12].flags?.tierAtRisk).not.toBe(true);
      expect(snapshots[13].flags?.tierAtRisk).toBe(true);
    });

    it('does nothing when nothing changed, and recomputes the days a late run touches', async () => {
      const { task, runs, ordersSnapshots, setNow } = await setup();
      await runs.insertRuns(juneRuns(), new Date('2026-06-21T09:00:00Z'));
      await task.run();

      setNow('2026-06-21T10:02:00Z');
      expect(await task.run()).toEqual(
        expect.objectContaining({ backfilled: 0, days: 0 }),
      );

      // A run that finished on 17 June at 18:00 is reported late.
      await runs.insertRuns(
        [
          {
            entityRef: ORDERS,
            runId: 'late',
            status: 'success',
            eventTime: new Date('2026-06-17T18:00:00Z'),
            finishedAt: new Date('2026-06-17T18:00:00Z'),
            watermark: new Date('2026-06-17T13:00:00Z'),
          },
        ],
        new Date('2026-06-21T10:03:00Z'),
      );
      setNow('2026-06-21T10:04:00Z');
      // 17, 18, 19 and 20 June hold it; 21 June is today's live snapshot.
      expect(await task.run()).toEqual(
        expect.objectContaining({ backfilled: 1, days: 4 }),
      );
      const pastDays = (await ordersSnapshots()).filter(s =>
        s.takenAt.toISOString().endsWith('T23:59:59.999Z'),
      );
      // One snapshot per past day still: replaced, not added.
      expect(pastDays).toHaveLength(20);
      const counts = runsByDay(pastDays);
      expect(counts[endOf('2026-06-16').toISOString()]).toBe(16);
      expect(counts[endOf('2026-06-17').toISOString()]).toBe(18);
      expect(counts[endOf('2026-06-20').toISOString()]).toBe(21);
    });

    it('computes a replay into a product seen before', async () => {
      const { task, runs, ordersSnapshots, setNow } = await setup();
      // First pass: nothing stored yet; both products get their mark.
      expect(await task.run()).toEqual(
        expect.objectContaining({ backfilled: 0, days: 0 }),
      );
      // Then 20 days are replayed at once.
      await runs.insertRuns(juneRuns(), new Date('2026-06-21T10:30:00Z'));
      setNow('2026-06-21T10:32:00Z');
      expect(await task.run()).toEqual(
        expect.objectContaining({ backfilled: 1, days: 20 }),
      );
      expect(await ordersSnapshots()).toHaveLength(21);
    });

    it('keeps only 90 past days', async () => {
      const { task, runs, ordersSnapshots } = await setup();
      // Daily runs from 1 January: 171 days before 21 June.
      const start = Date.parse('2026-01-01T12:00:00Z');
      await runs.insertRuns(
        Array.from({ length: 171 }, (_, i) => {
          const finishedAt = new Date(start + i * 86_400_000);
          return {
            entityRef: ORDERS,
            runId: `r${i}`,
            status: 'success' as const,
            eventTime: finishedAt,
            finishedAt,
          };
        }),
        new Date('2026-06-21T09:00:00Z'),
      );
      expect(await task.run()).toEqual(
        expect.objectContaining({ backfilled: 1, days: 90 }),
      );
      const snapshots = await ordersSnapshots();
      // 23 March … 20 June, and today's.
      expect(snapshots[0].takenAt).toEqual(endOf('2026-03-23'));
      expect(snapshots[89].takenAt).toEqual(endOf('2026-06-20'));
      expect(snapshots).toHaveLength(91);
    });
  });
});
