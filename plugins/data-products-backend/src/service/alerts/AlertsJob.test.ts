import {
  TestDatabaseId,
  TestDatabases,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { RunRecord } from '../../database/RunStore';
import { RecordingNotificationService } from '../../__testUtils__/RecordingNotificationService';
import { RefusingNotificationService } from './__testUtils__/RefusingNotificationService';
import { catalogProduct, group } from '../runs/__testUtils__/runsApp';
import { ALERTS_TASK_ID, alertsJob } from '../../jobs/alertsJob';
import { openStores } from '../../database/openStores';

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

  async function setUp(
    databaseId: TestDatabaseId,
    options: {
      notifications?: RecordingNotificationService;
      task?: Partial<Parameters<typeof alertsJob>[0]>;
    } = {},
  ) {
    const knex = await databases.init(databaseId);
    const database = mockServices.database({ knex });
    const { runs, contractHistory, notificationLog } = await openStores(
      database,
    );
    const catalog = catalogServiceMock({
      entities: [
        catalogProduct('orders', { contract: sla }),
        catalogProduct('identity', { owner: IDENTITY_TEAM, contract: sla }),
        group('orders-team', ['user:default/ada']),
      ],
    });
    const notifications =
      options.notifications ?? new RecordingNotificationService();
    const logger = mockServices.logger.mock();
    let now = new Date('2026-11-25T12:00:00Z');
    const task = alertsJob({
      frequency: { minutes: 10 },
      catalog,
      auth: mockServices.auth(),
      notifications,
      notificationLog,
      runs,
      contractHistory,
      logger,
      clock: () => now,
      ...options.task,
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
    it('is the alerts task, run on one instance of a cluster at a time', async () => {
      const { task } = await setUp(databaseId);
      expect(task.id).toBe(ALERTS_TASK_ID);
      expect(task.id).toBe('data-products-alerts');
      expect(task.schedule).toEqual(
        expect.objectContaining({
          scope: 'global',
          frequency: { minutes: 10 },
        }),
      );
      await expect(task.run(new AbortController().signal)).resolves.toEqual(
        expect.objectContaining({ due: 0, sent: 0 }),
      );
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
        deferred: 0,
        gaveUp: 0,
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
        deferred: 0,
        gaveUp: 0,
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
        deferred: 0,
        gaveUp: 0,
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

    it('keeps a failed alert due and delivers it after a wait', async () => {
      const { task, report, notifications, notificationLog, logger, setNow } =
        await setUp(databaseId);
      await report(ORDERS, 'of');
      await report(IDENTITY, 'of');
      notifications.failFor.add(ORDERS_TEAM);

      expect(await task.run()).toEqual({
        due: 2,
        sent: 1,
        alreadySent: 0,
        failed: 1,
        deferred: 0,
        gaveUp: 0,
      });
      expect(logger.warn).toHaveBeenCalledWith(
        `Could not send the sla-breach alert about ${ORDERS} to ${ORDERS_TEAM} (attempt 1); it is retried from 2026-11-25T12:10:00.000Z`,
        expect.any(Error),
      );
      expect((await notificationLog.list()).map(s => s.entityRef)).toEqual([
        IDENTITY,
      ]);

      notifications.failFor.clear();
      // Not before the wait (10 minutes after a first failure) is over.
      expect(await task.run()).toEqual(
        expect.objectContaining({ sent: 0, deferred: 1, failed: 0 }),
      );
      setNow(new Date('2026-11-25T12:10:00Z'));
      expect(await task.run()).toEqual({
        due: 2,
        sent: 1,
        alreadySent: 1,
        failed: 0,
        deferred: 0,
        gaveUp: 0,
      });
      expect(notifications.sentTo().map(s => s.recipient)).toEqual([
        IDENTITY_TEAM,
        ORDERS_TEAM,
      ]);
    });

    it('remembers failed attempts across a restart, in the database', async () => {
      const setup = await setUp(databaseId);
      const { task, report, notifications, logger, setNow, knex } = setup;
      await report(ORDERS, 'of');
      notifications.failFor.add(ORDERS_TEAM);
      expect(await task.run()).toEqual(
        expect.objectContaining({ due: 1, failed: 1 }),
      );

      // Another instance (or this one restarted) takes over the task.
      const restarted = alertsJob({
        frequency: { minutes: 10 },
        catalog: setup.catalog,
        auth: mockServices.auth(),
        notifications,
        notificationLog: setup.notificationLog,
        runs: setup.runs,
        contractHistory: setup.contractHistory,
        logger,
        clock: setup.getNow,
      });
      // The first failure's wait (10 minutes) still holds there.
      setNow(new Date('2026-11-25T12:05:00Z'));
      expect(await restarted.run()).toEqual(
        expect.objectContaining({ deferred: 1, failed: 0 }),
      );
      // And its next failure is the second: 20 minutes' wait.
      setNow(new Date('2026-11-25T12:10:00Z'));
      expect(await restarted.run()).toEqual(
        expect.objectContaining({ failed: 1 }),
      );
      expect(logger.warn).toHaveBeenCalledWith(
        `Could not send the sla-breach alert about ${ORDERS} to ${ORDERS_TEAM} (attempt 2); it is retried from 2026-11-25T12:30:00.000Z`,
        expect.any(Error),
      );

      notifications.failFor.clear();
      setNow(new Date('2026-11-25T12:30:00Z'));
      expect(await restarted.run()).toEqual(
        expect.objectContaining({ sent: 1, failed: 0 }),
      );
      // Sent: nothing left waiting.
      expect(
        Number((await knex('delivery_attempts').count({ n: '*' }))[0].n),
      ).toBe(0);
    });

    it('does not let an alert the notifications backend refuses block the others, and gives it up after 5 attempts', async () => {
      const notifications = new RefusingNotificationService(options =>
        options.payload.metadata?.entityRef === ORDERS
          ? 'Request failed with status 413'
          : undefined,
      );
      const { task, report, notificationLog, logger, setNow } = await setUp(
        databaseId,
        { notifications },
      );
      await report(ORDERS, 'of');
      await report(IDENTITY, 'of');

      // First run: identity's alert goes out, orders' is refused.
      expect(await task.run()).toEqual({
        due: 2,
        sent: 1,
        alreadySent: 0,
        failed: 1,
        deferred: 0,
        gaveUp: 0,
      });
      expect(notifications.sentTo().map(s => s.recipient)).toEqual([
        IDENTITY_TEAM,
      ]);

      // Retried after 10, 20, 40 and 80 minutes; the fifth refusal gives up.
      const retries = [
        '2026-11-25T12:10:00Z',
        '2026-11-25T12:30:00Z',
        '2026-11-25T13:10:00Z',
        '2026-11-25T14:30:00Z',
      ];
      for (const [i, at] of retries.entries()) {
        // A minute early, it waits.
        setNow(new Date(Date.parse(at) - 60_000));
        expect(await task.run()).toEqual(
          expect.objectContaining({ deferred: 1, failed: 0, gaveUp: 0 }),
        );
        setNow(new Date(at));
        expect(await task.run()).toEqual(
          expect.objectContaining(
            i < retries.length - 1
              ? { alreadySent: 1, failed: 1, gaveUp: 0 }
              : { alreadySent: 1, failed: 0, gaveUp: 1 },
          ),
        );
      }
      expect(notifications.refused).toHaveLength(5);
      expect(logger.error).toHaveBeenCalledWith(
        `Could not send the sla-breach alert about ${ORDERS} to ${ORDERS_TEAM} (attempt 5); gave up: it is recorded as undeliverable and not retried`,
        expect.any(Error),
      );
      expect(
        (await notificationLog.list()).map(n => [n.entityRef, n.kind]),
      ).toEqual([
        [IDENTITY, 'sla-breach'],
        [ORDERS, 'sla-breach-undeliverable'],
      ]);

      // Never tried again, by this instance or another.
      setNow(new Date('2026-11-25T20:00:00Z'));
      expect(await task.run()).toEqual(
        expect.objectContaining({ sent: 0, alreadySent: 2, failed: 0 }),
      );
      expect(notifications.refused).toHaveLength(5);
    });

    it('does not wait for a send that never answers', async () => {
      const notifications = new RefusingNotificationService(() => undefined);
      notifications.hangFor.add(ORDERS_TEAM);
      const { task, report } = await setUp(databaseId, {
        notifications,
        task: { sendTimeoutMs: 200 },
      });
      await report(ORDERS, 'of');
      await report(IDENTITY, 'of');

      expect(await task.run()).toEqual(
        expect.objectContaining({ due: 2, sent: 1, failed: 1 }),
      );
      expect(notifications.sentTo().map(s => s.recipient)).toEqual([
        IDENTITY_TEAM,
      ]);
    });

    it('delivers an alert about a run whose message was stored at 4.5 MB, under the notifications backend’s 100 kB body limit', async () => {
      // express.json's default limit, which the notifications backend keeps.
      const notifications = new RefusingNotificationService(options =>
        Buffer.byteLength(JSON.stringify(options)) > 100 * 1024
          ? 'Request failed with status 413'
          : undefined,
      );
      const { task, runs, getNow } = await setUp(databaseId, {
        notifications,
      });
      // Stored as it came, before intake bounded messages.
      const message = `${'H'.repeat(1_000_000)}${'m'.repeat(
        2_500_000,
      )}${'T'.repeat(1_000_000)}`;
      await runs.insertRuns(
        [
          {
            entityRef: ORDERS,
            runId: 'run-huge',
            status: 'failed',
            eventTime: getNow(),
            finishedAt: getNow(),
            errorMessage: message,
          },
        ],
        getNow(),
      );

      expect(await task.run()).toEqual(
        expect.objectContaining({ due: 1, sent: 1, failed: 0 }),
      );
      const { description } = notifications.sent[0].payload;
      expect(description!.length).toBeLessThanOrEqual(4_000);
      expect(description).toMatch(
        /^Run run-huge failed at 2026-11-25T12:00:00.000Z: H+ \[…[\d,]+ characters cut…\] T+\. 1 breaching run in a row so far\./,
      );
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
