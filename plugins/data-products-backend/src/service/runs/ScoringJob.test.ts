import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { catalogProduct, group } from './__testUtils__/runsApp';
import { ScorecardService } from './ScorecardService';
import { SCORING_TASK_ID, scoringJob } from '../../jobs/scoringJob';
import { productsDue } from './ScoringJob';
import { openStores } from '../../database/openStores';
import { RecordingNotificationService } from '../../__testUtils__/RecordingNotificationService';

jest.setTimeout(120_000);

const ORDERS = 'dataproduct:default/orders';
const IDENTITY = 'dataproduct:default/identity';

describe('productsDue', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  const at = (time: string) => new Date(`2026-11-25T${time}Z`);

  it('rescores products with runs written after their latest snapshot', () => {
    expect(
      productsDue(
        [ORDERS, IDENTITY],
        new Map([
          [ORDERS, at('10:00:00')],
          [IDENTITY, at('10:00:00')],
        ]),
        new Map([
          [ORDERS, at('10:00:01')],
          [IDENTITY, at('10:00:00')],
        ]),
        now,
      ),
    ).toEqual({ changed: [ORDERS], daily: [] });
  });

  it('snapshots daily what has no snapshot from today (UTC)', () => {
    expect(
      productsDue(
        [ORDERS, IDENTITY, 'dataproduct:default/new'],
        new Map([
          [ORDERS, new Date('2026-11-24T23:59:59Z')],
          [IDENTITY, new Date('2026-11-25T00:00:00Z')],
        ]),
        new Map(),
        now,
      ),
    ).toEqual({ changed: [], daily: [ORDERS, 'dataproduct:default/new'] });
  });
});

describe('the scoring task', () => {
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
      let now = new Date('2026-11-25T06:00:00Z');
      const logger = mockServices.logger.mock();
      const scorecards = new ScorecardService({
        catalog,
        auth: mockServices.auth(),
        store,
        snapshots,
      });
      const task = scoringJob({
        frequency: { minutes: 30 },
        catalog,
        auth: mockServices.auth(),
        store,
        snapshots,
        logger,
        scorecards,
        clock: () => now,
      });
      return {
        knex,
        store,
        snapshots,
        catalog,
        task,
        logger,
        scorecards,
        setNow: (time: string) => {
          now = new Date(time);
        },
      };
    }

    it('is the scoring task, run on one instance of a cluster at a time', async () => {
      const { task, snapshots } = await setup();
      expect(task.id).toBe(SCORING_TASK_ID);
      expect(task.id).toBe('data-products-scoring');
      expect(task.schedule).toEqual(
        expect.objectContaining({
          scope: 'global',
          frequency: { minutes: 30 },
        }),
      );

      await expect(task.run(new AbortController().signal)).resolves.toEqual(
        expect.objectContaining({ products: 2, daily: 2 }),
      );
      expect(
        [...(await snapshots.latestSnapshotTimes()).keys()].sort(),
      ).toEqual([IDENTITY, ORDERS]);
    });

    it('snapshots every product daily and rescores those with new runs', async () => {
      const { task, store, setNow, catalog, snapshots } = await setup();

      // First run: nothing was ever snapshotted.
      expect(await task.run()).toEqual({
        products: 2,
        changed: 0,
        daily: 2,
        failed: 0,
        noticesSent: 0,
        noticesFailed: 0,
      });
      // Again the same day, nothing new: nothing to do.
      setNow('2026-11-25T07:00:00Z');
      expect(await task.run()).toEqual(
        expect.objectContaining({ changed: 0, daily: 0 }),
      );

      // A run of orders arrives: only orders is rescored, with it.
      await store.insertRuns(
        [
          {
            entityRef: ORDERS,
            runId: 'r1',
            status: 'failed',
            eventTime: new Date('2026-11-25T07:10:00Z'),
            finishedAt: new Date('2026-11-25T07:10:00Z'),
          },
        ],
        new Date('2026-11-25T07:10:00Z'),
      );
      setNow('2026-11-25T08:00:00Z');
      expect(await task.run()).toEqual(
        expect.objectContaining({ changed: 1, daily: 0 }),
      );
      const latest = await snapshots.latestSnapshot(ORDERS);
      expect(latest).toEqual(
        expect.objectContaining({
          takenAt: new Date('2026-11-25T08:00:00Z'),
          window: expect.objectContaining({ runs: 1 }),
        }),
      );
      // Reliability is known from the failed run: 1 breach per 1 run.
      expect(latest?.scores.reliability).toBe(1);
      // The owner facts come from the catalog: orders-team has a member.
      expect(latest?.scores.ownership).toBe(3);
      expect((await snapshots.latestSnapshot(IDENTITY))?.scores.ownership).toBe(
        1,
      );

      // The next day everything gets its daily snapshot.
      setNow('2026-11-26T00:05:00Z');
      const stream = jest.spyOn(catalog, 'streamEntities');
      expect(await task.run()).toEqual(
        expect.objectContaining({ changed: 0, daily: 2 }),
      );
      expect(stream).toHaveBeenCalledTimes(1);
      const history = await snapshots.snapshotHistory(
        ORDERS,
        new Date('2026-11-01T00:00:00Z'),
        new Date('2026-11-30T00:00:00Z'),
      );
      expect(history.map(s => s.takenAt.toISOString())).toEqual([
        '2026-11-25T06:00:00.000Z',
        '2026-11-25T08:00:00.000Z',
        '2026-11-26T00:05:00.000Z',
      ]);
    });

    it('carries on past a product it cannot score, which stays due', async () => {
      const { task, scorecards, logger, snapshots } = await setup();
      const snapshot = scorecards.snapshot.bind(scorecards);
      jest
        .spyOn(scorecards, 'snapshot')
        .mockImplementation(async (product, now, ownership) => {
          if (product.metadata.name === 'orders') {
            throw new Error('database went away');
          }
          return snapshot(product, now, ownership);
        });

      expect(await task.run()).toEqual(
        expect.objectContaining({ daily: 1, failed: 1 }),
      );
      expect(await snapshots.latestSnapshot(ORDERS)).toBeUndefined();
      expect(await snapshots.latestSnapshot(IDENTITY)).toBeDefined();
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining(
          'Could not score dataproduct:default/orders: Error: database went away',
        ),
      );
    });

    it('stops between products when aborted', async () => {
      const { task, snapshots } = await setup();
      const controller = new AbortController();
      controller.abort();

      expect(await task.run(controller.signal)).toEqual(
        expect.objectContaining({ changed: 0, daily: 0 }),
      );
      expect(await snapshots.latestSnapshotTimes()).toEqual(new Map());
    });
    it('opens an observed-schema drift incident before scoring, which stability counts', async () => {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({ knex });
      const {
        runs: store,
        scorecardSnapshots: snapshots,
        contractHistory,
      } = await openStores(database);
      const contract = {
        schema: [
          { name: 'ticket_id', type: 'string' },
          { name: 'csat_score', type: 'integer' },
        ],
      };
      const catalog = catalogServiceMock({
        entities: [
          catalogProduct('support', { contract }),
          group('orders-team', ['user:default/ada']),
        ],
      });
      const logger = mockServices.logger.mock();
      let now = new Date('2026-11-25T06:00:00Z');
      const scorecards = new ScorecardService({
        catalog,
        auth: mockServices.auth(),
        store,
        snapshots,
        contractHistory,
        logger,
      });
      const task = scoringJob({
        frequency: { minutes: 30 },
        catalog,
        auth: mockServices.auth(),
        store,
        snapshots,
        logger,
        scorecards,
        clock: () => now,
      });
      const SUPPORT = 'dataproduct:default/support';
      const report = (runId: string, at: string, csat: string) =>
        store.insertRuns(
          [
            {
              entityRef: SUPPORT,
              runId,
              status: 'success',
              eventTime: new Date(at),
              finishedAt: new Date(at),
              schema: [
                { name: 'ticket_id', type: 'STRING' },
                { name: csat, type: 'INTEGER' },
              ],
            },
          ],
          new Date(at),
        );

      await report('r1', '2026-11-25T05:00:00Z', 'csat_score');
      await task.run();
      expect(await contractHistory.listIncidents(SUPPORT)).toEqual([]);
      expect((await snapshots.latestSnapshot(SUPPORT))?.scores.stability).toBe(
        5,
      );

      // csat_score renamed to csat: seen by the next run of the task.
      await report('r2', '2026-11-25T06:30:00Z', 'csat');
      now = new Date('2026-11-25T07:00:00Z');
      expect(await task.run()).toEqual(
        expect.objectContaining({ changed: 1, failed: 0 }),
      );
      const incidents = await contractHistory.listIncidents(SUPPORT);
      expect(incidents).toEqual([
        expect.objectContaining({
          kind: 'observed-schema-drift',
          openedAt: now,
          details: expect.objectContaining({
            runId: 'r2',
            drift: [expect.objectContaining({ change: 'field-renamed' })],
          }),
        }),
      ]);
      expect((await snapshots.latestSnapshot(SUPPORT))?.scores.stability).toBe(
        4,
      );
      expect(logger.info).toHaveBeenCalledWith(
        expect.stringContaining(
          'Opened an observed-schema drift incident for dataproduct:default/support: field csat_score appears renamed to csat',
        ),
      );

      // Still drifting the same way the next day: no second incident.
      await report('r3', '2026-11-26T05:00:00Z', 'csat');
      now = new Date('2026-11-26T06:00:00Z');
      await task.run();
      expect(await contractHistory.listIncidents(SUPPORT)).toHaveLength(1);
    });
    describe('owner notices about the supply chain', () => {
      const OWNER = 'group:default/orders-team';
      const FRESH = 'dataproduct:default/fresh';

      /** Two instances of the backend on one database, each with its task. */
      async function cluster() {
        const knex = await databases.init(databaseId);
        const stores = await openStores(mockServices.database({ knex }));
        const catalog = catalogServiceMock({
          entities: [
            // Promises p95 2 h and p99 4 h: one failed run in the window
            // spends both budgets (none may exceed either of 1 run).
            catalogProduct('fresh', {
              contract: { freshness: { p95: '2h', p99: '4h' } },
            }),
            group('orders-team', ['user:default/ada']),
          ],
        });
        const logger = mockServices.logger.mock();
        let now = new Date('2026-11-25T06:00:00Z');
        const instance = () => {
          const notifications = new RecordingNotificationService();
          const task = scoringJob({
            frequency: { minutes: 30 },
            catalog,
            auth: mockServices.auth(),
            store: stores.runs,
            snapshots: stores.scorecardSnapshots,
            logger,
            scorecards: new ScorecardService({
              catalog,
              auth: mockServices.auth(),
              store: stores.runs,
              snapshots: stores.scorecardSnapshots,
            }),
            notifications,
            notificationLog: stores.notificationLog,
            clock: () => now,
          });
          return { task, notifications };
        };
        const failedRun = (runId: string, at: string) =>
          stores.runs.insertRuns(
            [
              {
                entityRef: FRESH,
                runId,
                status: 'failed',
                eventTime: new Date(at),
                finishedAt: new Date(at),
              },
            ],
            new Date(at),
          );
        return {
          stores,
          logger,
          instance,
          failedRun,
          setNow: (time: string) => {
            now = new Date(time);
          },
        };
      }

      it('tells an exhausted budget once, across runs of the task and instances', async () => {
        const { stores, instance, failedRun, setNow } = await cluster();
        const a = instance();
        const b = instance();

        await failedRun('r1', '2026-11-25T05:00:00Z');
        expect(await a.task.run()).toEqual(
          expect.objectContaining({
            daily: 1,
            noticesSent: 2,
            noticesFailed: 0,
          }),
        );
        expect(a.notifications.sentTo()).toEqual([
          { recipient: OWNER, title: 'P95 error budget of fresh exhausted' },
          { recipient: OWNER, title: 'P99 error budget of fresh exhausted' },
        ]);

        // Another failed run: the other instance rescores, still exhausted.
        await failedRun('r2', '2026-11-25T06:30:00Z');
        setNow('2026-11-25T07:00:00Z');
        expect(await b.task.run()).toEqual(
          expect.objectContaining({ changed: 1, noticesSent: 0 }),
        );
        // And the first instance again, the next day.
        setNow('2026-11-26T00:05:00Z');
        expect(await a.task.run()).toEqual(
          expect.objectContaining({ daily: 1, noticesSent: 0 }),
        );

        expect(a.notifications.sent).toHaveLength(2);
        expect(b.notifications.sent).toEqual([]);
        expect(
          (await stores.notificationLog.list()).map(sent => sent.dedupeKey),
        ).toEqual([
          `budget-exhausted|${FRESH}|p95|2026-11-25`,
          `budget-exhausted|${FRESH}|p99|2026-11-25`,
        ]);
      });

      it('stores the snapshot when the notices cannot be sent, and sends them at the next one', async () => {
        const { stores, instance, failedRun, setNow, logger } = await cluster();
        const a = instance();
        a.notifications.failFor.add(OWNER);

        await failedRun('r1', '2026-11-25T05:00:00Z');
        expect(await a.task.run()).toEqual(
          expect.objectContaining({
            daily: 1,
            failed: 0,
            noticesSent: 0,
            noticesFailed: 2,
          }),
        );
        expect(await stores.scorecardSnapshots.latestSnapshot(FRESH)).toEqual(
          expect.objectContaining({
            flags: expect.objectContaining({ budgetExhausted: true }),
          }),
        );
        expect(logger.warn).toHaveBeenCalledWith(
          `Could not send the budget-exhausted notice about ${FRESH} to ${OWNER}; it is retried on the next run`,
          expect.any(Error),
        );

        a.notifications.failFor.clear();
        await failedRun('r2', '2026-11-25T06:30:00Z');
        setNow('2026-11-25T07:00:00Z');
        expect(await a.task.run()).toEqual(
          expect.objectContaining({ changed: 1, noticesSent: 2 }),
        );
        // The episode began with the first snapshot, whose send failed.
        expect(
          a.notifications.sent.map(sent => sent.payload.metadata?.since),
        ).toEqual(['2026-11-25', '2026-11-25']);
      });

      it('counts a snapshot whose notices cannot be worked out as scored', async () => {
        const { stores, instance, failedRun, setNow, logger } = await cluster();
        const a = instance();
        // A day without runs: nothing to tell, but a day to look back at.
        setNow('2026-11-24T06:00:00Z');
        await a.task.run();
        jest
          .spyOn(stores.scorecardSnapshots, 'snapshotHistory')
          .mockRejectedValue(new Error('database went away'));

        await failedRun('r1', '2026-11-25T05:00:00Z');
        setNow('2026-11-25T06:00:00Z');
        expect(await a.task.run()).toEqual(
          expect.objectContaining({ changed: 1, failed: 0, noticesFailed: 1 }),
        );
        expect(logger.warn).toHaveBeenCalledWith(
          `Could not work out the supply-chain notices of ${FRESH}; they are tried again at its next snapshot: Error: database went away`,
        );
        expect(a.notifications.sent).toEqual([]);
        expect(
          (await stores.scorecardSnapshots.latestSnapshot(FRESH))?.takenAt,
        ).toEqual(new Date('2026-11-25T06:00:00Z'));
      });

      it('sends nothing without a notifications service', async () => {
        const { stores, failedRun } = await cluster();
        const catalog = catalogServiceMock({
          entities: [
            catalogProduct('fresh', {
              contract: { freshness: { p95: '2h', p99: '4h' } },
            }),
          ],
        });
        const task = scoringJob({
          frequency: { minutes: 30 },
          catalog,
          auth: mockServices.auth(),
          store: stores.runs,
          snapshots: stores.scorecardSnapshots,
          logger: mockServices.logger.mock(),
          scorecards: new ScorecardService({
            catalog,
            auth: mockServices.auth(),
            store: stores.runs,
            snapshots: stores.scorecardSnapshots,
          }),
          clock: () => new Date('2026-11-25T06:00:00Z'),
        });

        await failedRun('r1', '2026-11-25T05:00:00Z');
        expect(await task.run()).toEqual(
          expect.objectContaining({
            daily: 1,
            noticesSent: 0,
            noticesFailed: 0,
          }),
        );
        expect(await stores.notificationLog.list()).toEqual([]);
      });
    });
  });
});
