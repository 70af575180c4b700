import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { catalogProduct, group } from './__testUtils__/runsApp';
import { ScorecardService } from './ScorecardService';
import { RESCORE_TASK_ID, rescoreJob } from '../../jobs/rescoreJob';
import { productsWithNewerRuns } from './RescoreJob';
import { openStores } from '../../database/openStores';

jest.setTimeout(120_000);

const ORDERS = 'dataproduct:default/orders';
const IDENTITY = 'dataproduct:default/identity';
const GONE = 'dataproduct:default/gone';

describe('productsWithNewerRuns', () => {
  const at = (time: string) => new Date(`2026-11-25T${time}Z`);

  it('picks products whose newest run is newer than their latest snapshot, or that have none', () => {
    expect(
      productsWithNewerRuns(
        [
          { entityRef: ORDERS, lastRecordedAt: at('10:00:01') },
          { entityRef: IDENTITY, lastRecordedAt: at('10:00:00') },
          { entityRef: GONE, lastRecordedAt: at('09:00:00') },
        ],
        new Map([
          [ORDERS, at('10:00:00')],
          // a run recorded at the very instant of the snapshot is in it
          [IDENTITY, at('10:00:00')],
        ]),
      ),
    ).toEqual([ORDERS, GONE]);
  });
});

describe('the rescoring task', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      const { runs: store, scorecardSnapshots: snapshots } = await openStores(
        mockServices.database({ knex }),
      );
      const catalog = catalogServiceMock({
        entities: [
          catalogProduct('orders'),
          catalogProduct('identity', { owner: 'group:default/identity' }),
          group('orders-team', ['user:default/ada']),
        ],
      });
      let now = new Date('2026-11-25T07:00:00Z');
      const logger = mockServices.logger.mock();
      const scorecards = new ScorecardService({
        catalog,
        auth: mockServices.auth(),
        store,
        snapshots,
      });
      const task = rescoreJob({
        frequency: { seconds: 15 },
        catalog,
        auth: mockServices.auth(),
        store,
        snapshots,
        logger,
        scorecards,
        clock: () => now,
      });
      /** A successful run of `entityRef` finished and stored at `time`. */
      const storeRun = (entityRef: string, runId: string, time: string) =>
        store.insertRuns(
          [
            {
              entityRef,
              runId,
              status: 'success',
              eventTime: new Date(time),
              startedAt: new Date(new Date(time).getTime() - 60_000),
              finishedAt: new Date(time),
            },
          ],
          new Date(time),
        );
      return {
        store,
        snapshots,
        catalog,
        task,
        logger,
        scorecards,
        storeRun,
        setNow: (time: string) => {
          now = new Date(time);
        },
      };
    }

    it('is the rescoring task, run on one instance of a cluster at a time', async () => {
      const { task } = await setup();
      expect(task.id).toBe(RESCORE_TASK_ID);
      expect(task.id).toBe('data-products-rescore');
      expect(task.schedule).toEqual(
        expect.objectContaining({
          scope: 'global',
          frequency: { seconds: 15 },
        }),
      );
    });

    it('rescores a product one pass after its runs arrive, once however many arrived', async () => {
      const { task, storeRun, setNow, snapshots, catalog } = await setup();
      const byRefs = jest.spyOn(catalog, 'getEntitiesByRefs');

      // Nothing stored: nothing read from the catalog, nothing snapshotted.
      expect(await task.run()).toEqual({
        withNewRuns: 0,
        rescored: 0,
        failed: 0,
        notInCatalog: 0,
        noticesSent: 0,
        noticesFailed: 0,
      });
      expect(byRefs).not.toHaveBeenCalled();

      await storeRun(ORDERS, 'r1', '2026-11-25T07:10:00Z');
      setNow('2026-11-25T07:10:15Z');
      expect(await task.run()).toEqual(
        expect.objectContaining({ withNewRuns: 1, rescored: 1, failed: 0 }),
      );
      expect(await snapshots.latestSnapshot(ORDERS)).toEqual(
        expect.objectContaining({
          takenAt: new Date('2026-11-25T07:10:15Z'),
          window: expect.objectContaining({ runs: 1 }),
        }),
      );
      // identity has no runs: not this task's to snapshot.
      expect(await snapshots.latestSnapshot(IDENTITY)).toBeUndefined();

      // Three runs between two passes: one rescore, holding all four runs.
      await storeRun(ORDERS, 'r2', '2026-11-25T07:11:00Z');
      await storeRun(ORDERS, 'r3', '2026-11-25T07:11:05Z');
      await storeRun(ORDERS, 'r4', '2026-11-25T07:11:10Z');
      setNow('2026-11-25T07:11:15Z');
      expect(await task.run()).toEqual(
        expect.objectContaining({ withNewRuns: 1, rescored: 1 }),
      );
      expect(await snapshots.latestSnapshot(ORDERS)).toEqual(
        expect.objectContaining({
          takenAt: new Date('2026-11-25T07:11:15Z'),
          window: expect.objectContaining({ runs: 4 }),
        }),
      );

      // Nothing new since: nothing rescored, the catalog not asked.
      byRefs.mockClear();
      setNow('2026-11-25T07:11:30Z');
      expect(await task.run()).toEqual(
        expect.objectContaining({ withNewRuns: 0, rescored: 0 }),
      );
      expect(byRefs).not.toHaveBeenCalled();
      const history = await snapshots.snapshotHistory(
        ORDERS,
        new Date('2026-11-25T00:00:00Z'),
        new Date('2026-11-26T00:00:00Z'),
      );
      expect(history).toHaveLength(2);
    });

    it('finds a run stamped just before the previous pass that became visible after it', async () => {
      const { task, storeRun, setNow, snapshots } = await setup();
      setNow('2026-11-25T07:10:00Z');
      expect(await task.run()).toEqual(
        expect.objectContaining({ withNewRuns: 0 }),
      );
      // Stamped 30 s before that pass, committed after it.
      await storeRun(ORDERS, 'late-commit', '2026-11-25T07:09:30Z');
      setNow('2026-11-25T07:10:15Z');
      expect(await task.run()).toEqual(
        expect.objectContaining({ withNewRuns: 1, rescored: 1 }),
      );
      expect(
        (await snapshots.latestSnapshot(ORDERS))?.window.runs,
      ).toBe(1);
    });

    it('leaves runs stored more than a day before its first pass to the daily scoring task', async () => {
      const { task, storeRun, setNow } = await setup();
      await storeRun(ORDERS, 'old', '2026-11-24T07:09:59Z');
      setNow('2026-11-25T07:10:00Z');
      expect(await task.run()).toEqual(
        expect.objectContaining({ withNewRuns: 0, rescored: 0 }),
      );
    });

    it('counts runs of a product the catalog does not hold, and scores nothing for them', async () => {
      const { task, storeRun, setNow, snapshots } = await setup();
      await storeRun(GONE, 'g1', '2026-11-25T07:10:00Z');
      await storeRun(ORDERS, 'o1', '2026-11-25T07:10:01Z');
      setNow('2026-11-25T07:10:15Z');
      expect(await task.run()).toEqual(
        expect.objectContaining({
          withNewRuns: 2,
          rescored: 1,
          notInCatalog: 1,
        }),
      );
      expect(await snapshots.latestSnapshot(GONE)).toBeUndefined();
    });

    it('looks back as far again after a pass that failed a product, so its runs are not forgotten', async () => {
      const { task, storeRun, setNow, scorecards, snapshots, logger } =
        await setup();
      const snapshot = scorecards.snapshot.bind(scorecards);
      const failing = jest
        .spyOn(scorecards, 'snapshot')
        .mockRejectedValue(new Error('database went away'));
      await storeRun(ORDERS, 'r1', '2026-11-25T07:10:00Z');
      setNow('2026-11-25T07:15:00Z');
      expect(await task.run()).toEqual(
        expect.objectContaining({ withNewRuns: 1, rescored: 0, failed: 1 }),
      );
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('Could not score dataproduct:default/orders'),
      );

      // Had the failed pass counted as complete, this one would look back
      // only to 07:14 and miss the run of 07:10.
      failing.mockImplementation(snapshot);
      setNow('2026-11-25T07:30:00Z');
      expect(await task.run()).toEqual(
        expect.objectContaining({ withNewRuns: 1, rescored: 1, failed: 0 }),
      );
      expect(await snapshots.latestSnapshot(ORDERS)).toEqual(
        expect.objectContaining({ takenAt: new Date('2026-11-25T07:30:00Z') }),
      );
    });

    it('stops when aborted, and rescores what it left at the next pass', async () => {
      const { task, storeRun, setNow, snapshots } = await setup();
      await storeRun(ORDERS, 'r1', '2026-11-25T07:10:00Z');
      const controller = new AbortController();
      controller.abort();
      setNow('2026-11-25T07:15:00Z');
      expect(await task.run(controller.signal)).toEqual(
        expect.objectContaining({ withNewRuns: 1, rescored: 0 }),
      );
      expect(await snapshots.latestSnapshot(ORDERS)).toBeUndefined();

      setNow('2026-11-25T07:30:00Z');
      expect(await task.run()).toEqual(
        expect.objectContaining({ withNewRuns: 1, rescored: 1 }),
      );
    });
  });
});
