import {
  TestDatabaseId,
  TestDatabases,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { KnexContractHistoryStore } from '../../database/KnexContractHistoryStore';
import { KnexNotificationLogStore } from '../../database/KnexNotificationLogStore';
import { KnexRunStore } from '../../database/KnexRunStore';
import { RunRecord } from '../../database/RunStore';
import { RecordingNotificationService } from '../../__testUtils__/RecordingNotificationService';
import { catalogProduct, group } from '../runs/__testUtils__/runsApp';
import { ALERTS_TASK_ID, createAlertsTask } from './alertsTask';

jest.setTimeout(120_000);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ORDERS = 'dataproduct:default/orders';
const IDENTITY = 'dataproduct:default/identity';
const ORDERS_TEAM = 'group:default/orders-team';
const IDENTITY_TEAM = 'group:default/identity-platform';

const sla = { freshness: { p95: '30m', p99: '1h' } };

describe('the alerts task', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function setUp(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const database = mockServices.database({ knex });
    const runs = await KnexRunStore.create({ database });
    const contractHistory = await KnexContractHistoryStore.create({ database });
    const notificationLog = await KnexNotificationLogStore.create({ database });
    const catalog = catalogServiceMock({
      entities: [
        catalogProduct('orders', { contract: sla }),
        catalogProduct('identity', { owner: IDENTITY_TEAM, contract: sla }),
        group('orders-team', ['user:default/ada']),
      ],
    });
    const notifications = new RecordingNotificationService();
    const logger = mockServices.logger.mock();
    let now = new Date('2026-11-25T12:00:00Z');
    const task = createAlertsTask({
      catalog,
      auth: mockServices.auth(),
      notifications,
      notificationLog,
      runs,
      contractHistory,
      logger,
      clock: () => now,
    });

    let slot = 0;
    /**
     * Runs of a product, an hour apart, the last one finishing at `until`
     * (default now): `o` on time (20m lag), `l` late (90m), `f` failed.
     */
    async function report(
      entityRef: string,
      pattern: string,
      until: Date = now,
    ) {
      const letters = [...pattern];
      const records: RunRecord[] = letters.map((letter, i) => {
        const finishedAt = new Date(
          until.getTime() - (letters.length - 1 - i) * HOUR,
        );
        slot += 1;
        return {
          entityRef,
          runId: `run-${slot}-${letter}`,
          status: letter === 'f' ? 'failed' : 'success',
          eventTime: finishedAt,
          finishedAt,
          ...(letter === 'f'
            ? { errorMessage: 'extract timed out' }
            : {
                watermark: new Date(
                  finishedAt.getTime() - (letter === 'l' ? 90 : 20) * MINUTE,
                ),
              }),
        };
      });
      await runs.insertRuns(records, now);
      return records.map(record => record.runId);
    }

    return {
      knex,
      task,
      runs,
      contractHistory,
      notificationLog,
      notifications,
      catalog,
      logger,
      report,
      getNow: () => now,
      setNow: (next: Date) => {
        now = next;
      },
    };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('is the alerts task, with a body for the scheduler', async () => {
      const { task } = await setUp(databaseId);
      expect(task.id).toBe(ALERTS_TASK_ID);
      expect(task.id).toBe('data-products-alerts');
      await expect(
        task.fn(new AbortController().signal),
      ).resolves.toBeUndefined();
    });

    it('tells the owner group once about each new breach streak', async () => {
      const { task, report, notifications, notificationLog } = await setUp(
        databaseId,
      );
      // One streak of orders (late then failed), none of identity.
      const ids = await report(ORDERS, 'oolfo');
      await report(IDENTITY, 'ooo');

      expect(await task.run()).toEqual({
        due: 1,
        sent: 1,
        alreadySent: 0,
        failed: 0,
      });
      expect(notifications.sent).toEqual([
        {
          recipients: { type: 'entity', entityRef: ORDERS_TEAM },
          payload: expect.objectContaining({
            title: 'orders is breaching its freshness SLA',
            link: '/catalog/default/dataproduct/orders/scorecard',
            severity: 'high',
            topic: 'stockroom-sla',
          }),
        },
      ]);
      expect(notifications.sent[0].payload.description).toContain(
        'The streak ended after 2 breaching runs.',
      );
      expect(await notificationLog.list({ entityRef: ORDERS })).toEqual([
        {
          dedupeKey: `sla-breach|${ORDERS}|${ids[2]}`,
          kind: 'sla-breach',
          entityRef: ORDERS,
          recipient: ORDERS_TEAM,
          sentAt: new Date('2026-11-25T12:00:00Z'),
        },
      ]);

      // Again: the same streak, sent before.
      expect(await task.run()).toEqual({
        due: 1,
        sent: 0,
        alreadySent: 1,
        failed: 0,
      });
      expect(notifications.sent).toHaveLength(1);
    });

    it('does not tell again while a streak goes on, but tells the next one', async () => {
      const { task, report, notifications, setNow, getNow } = await setUp(
        databaseId,
      );
      await report(ORDERS, 'ol');
      await task.run();

      // Two more breaching runs: the same streak.
      setNow(new Date(getNow().getTime() + 2 * HOUR));
      await report(ORDERS, 'fl');
      expect(await task.run()).toEqual(
        expect.objectContaining({ due: 1, sent: 0, alreadySent: 1 }),
      );

      // A good run ends it; the next breach is a new streak.
      setNow(new Date(getNow().getTime() + 2 * HOUR));
      await report(ORDERS, 'of');
      expect(await task.run()).toEqual(
        expect.objectContaining({ due: 2, sent: 1, alreadySent: 1 }),
      );
      expect(notifications.sentTo()).toEqual([
        {
          recipient: ORDERS_TEAM,
          title: 'orders is breaching its freshness SLA',
        },
        {
          recipient: ORDERS_TEAM,
          title: 'orders: a pipeline run failed (SLA breach)',
        },
      ]);
    });

    it('does not alert about streaks that began before the lookback', async () => {
      const { task, report, notifications, getNow } = await setUp(databaseId);
      // A streak two days ago, reported (backfilled) just now.
      await report(ORDERS, 'offo', new Date(getNow().getTime() - 2 * DAY));
      // And one that began 30 hours ago and still runs.
      await report(ORDERS, `o${'f'.repeat(30)}`);

      expect(await task.run()).toEqual(
        expect.objectContaining({ due: 0, sent: 0 }),
      );
      expect(notifications.sent).toEqual([]);
    });

    it('alerts a product whose very first runs breach', async () => {
      const { task, report, notifications } = await setUp(databaseId);
      await report(ORDERS, 'f');

      expect(await task.run()).toEqual(expect.objectContaining({ sent: 1 }));
      expect(notifications.sentTo()).toEqual([
        {
          recipient: ORDERS_TEAM,
          title: 'orders: a pipeline run failed (SLA breach)',
        },
      ]);
    });

    it('tells the owner once about each drift incident opened in the lookback', async () => {
      const { task, contractHistory, notifications, notificationLog, getNow } =
        await setUp(databaseId);
      const opened = (ago: number, key: string, entityRef = ORDERS) =>
        contractHistory.openIncident({
          entityRef,
          kind: 'observed-schema-drift',
          dedupeKey: key,
          openedAt: new Date(getNow().getTime() - ago),
          details: {
            runId: 'run-9',
            observedAt: '2026-11-25T10:00:00.000Z',
            drift: [
              {
                change: 'field-renamed',
                field: 'csat_score',
                observedField: 'csat',
                message: 'field csat_score appears renamed to csat',
              },
            ],
          },
        });
      await opened(HOUR, 'recent');
      await opened(3 * DAY, 'old');
      await opened(HOUR, 'unknown', 'dataproduct:default/not-in-catalog');

      expect(await task.run()).toEqual({
        due: 1,
        sent: 1,
        alreadySent: 0,
        failed: 0,
      });
      expect(notifications.sent).toEqual([
        {
          recipients: { type: 'entity', entityRef: ORDERS_TEAM },
          payload: expect.objectContaining({
            title: 'orders: the observed schema drifts from the contract',
            link: '/catalog/default/dataproduct/orders/scorecard',
            topic: 'stockroom-drift',
          }),
        },
      ]);
      expect(notifications.sent[0].payload.description).toContain(
        'field csat_score appears renamed to csat',
      );
      expect(
        (await notificationLog.list()).map(sent => sent.dedupeKey),
      ).toEqual(['drift|recent']);

      expect(await task.run()).toEqual(
        expect.objectContaining({ due: 1, sent: 0, alreadySent: 1 }),
      );
    });

    it('keeps a failed alert due and delivers it on the next run', async () => {
      const { task, report, notifications, notificationLog, logger } =
        await setUp(databaseId);
      await report(ORDERS, 'of');
      await report(IDENTITY, 'of');
      notifications.failFor.add(ORDERS_TEAM);

      expect(await task.run()).toEqual({
        due: 2,
        sent: 1,
        alreadySent: 0,
        failed: 1,
      });
      expect(logger.warn).toHaveBeenCalledWith(
        `Could not send the sla-breach alert about ${ORDERS} to ${ORDERS_TEAM}; it is retried on the next run`,
        expect.any(Error),
      );
      expect((await notificationLog.list()).map(s => s.entityRef)).toEqual([
        IDENTITY,
      ]);

      notifications.failFor.clear();
      expect(await task.run()).toEqual({
        due: 2,
        sent: 1,
        alreadySent: 1,
        failed: 0,
      });
      expect(notifications.sentTo().map(s => s.recipient)).toEqual([
        IDENTITY_TEAM,
        ORDERS_TEAM,
      ]);
    });

    it('sends each alert once when two runs overlap', async () => {
      const { task, report, notifications } = await setUp(databaseId);
      await report(ORDERS, 'of');
      await report(IDENTITY, 'ol');
      notifications.delayMs = 50;

      const [a, b] = await Promise.all([task.run(), task.run()]);

      expect(a.sent + b.sent).toBe(2);
      expect(a.alreadySent + b.alreadySent).toBe(2);
      expect(notifications.sent).toHaveLength(2);
    });

    it('reads the catalog with the plugin’s own service credentials', async () => {
      const { task, catalog } = await setUp(databaseId);
      const stream = jest.spyOn(catalog, 'streamEntities');

      await task.run();

      expect(stream).toHaveBeenCalledTimes(1);
      expect(stream.mock.calls[0][1]).toEqual({
        credentials: mockCredentials.service('plugin:test'),
      });
    });

    it('sends nothing when the scheduler aborts it', async () => {
      const { task, report, notifications } = await setUp(databaseId);
      await report(ORDERS, 'of');
      const controller = new AbortController();
      controller.abort();

      expect(await task.run(controller.signal)).toEqual(
        expect.objectContaining({ sent: 0 }),
      );
      expect(notifications.sent).toEqual([]);
    });
  });
});
