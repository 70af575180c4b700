import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity, RELATION_OWNED_BY } from '@backstage/catalog-model';
import { RecordingNotificationService } from '../../__testUtils__/RecordingNotificationService';
import { openStores } from '../../database/openStores';
import { SupplyChainNotifier } from './SupplyChainNotifier';
import {
  Shown,
  supplyChainSnapshot,
} from './__testUtils__/supplyChainSnapshots';

jest.setTimeout(120_000);

const REF = 'dataproduct:default/orders-core';
const OWNER = 'group:default/orders-team';
const DAY = 86_400_000;

const product: Entity = {
  apiVersion: 'stockroom.io/v1alpha1',
  kind: 'DataProduct',
  metadata: { name: 'orders-core', namespace: 'default', title: 'Orders core' },
  spec: { type: 'table', category: 'shared-mart', owner: OWNER },
  relations: [{ type: RELATION_OWNED_BY, targetRef: OWNER }],
};

/** 06:00 UTC on the given day of November 2026. */
const nov = (day: number) =>
  `2026-11-${String(day).padStart(2, '0')}T06:00:00.000Z`;
/** That day, as notices key their episodes. */
const day = (n: number) => nov(n).slice(0, 10);

describe('SupplyChainNotifier', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function setUp(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const stores = await openStores(mockServices.database({ knex }));
    const logger = mockServices.logger.mock();
    /** An instance of the backend: its own notifier, the one database. */
    const instance = () => {
      const notifications = new RecordingNotificationService();
      const notifier = new SupplyChainNotifier({
        snapshots: stores.scorecardSnapshots,
        log: stores.notificationLog,
        notifications,
        logger,
      });
      /** Stores the snapshot taken at `at`, then tells what it calls for. */
      const snapshot = async (at: string, shown: Shown, of = product) => {
        const taken = supplyChainSnapshot(REF, at, shown);
        taken.entityRef = `dataproduct:default/${of.metadata.name}`;
        await stores.scorecardSnapshots.insertSnapshot(taken);
        return notifier.afterSnapshot(of, taken, new Date(at));
      };
      return { notifications, notifier, snapshot };
    };
    return { stores, logger, instance };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('tells an exhausted budget once, across snapshots and instances', async () => {
      const { stores, instance } = await setUp(databaseId);
      const a = instance();
      const b = instance();

      expect(await a.snapshot(nov(1), { p95: false, p99: false })).toEqual({
        due: 0,
        sent: 0,
        alreadySent: 0,
        failed: 0,
      });
      expect(await a.snapshot(nov(2), { p95: true, p99: false })).toEqual({
        due: 1,
        sent: 1,
        alreadySent: 0,
        failed: 0,
      });
      // Still exhausted the next day, seen by the other instance.
      expect(await b.snapshot(nov(3), { p95: true, p99: false })).toEqual({
        due: 1,
        sent: 0,
        alreadySent: 1,
        failed: 0,
      });

      expect(a.notifications.sentTo()).toEqual([
        {
          recipient: OWNER,
          title: 'P95 error budget of Orders core exhausted',
        },
      ]);
      expect(b.notifications.sent).toEqual([]);
      expect(a.notifications.sent[0].payload).toEqual(
        expect.objectContaining({
          link: '/catalog/default/dataproduct/orders-core/scorecard',
          severity: 'high',
          description: expect.stringContaining(
            '3 of 1 allowed runs over p95 (2 h) in the 30-day window',
          ),
        }),
      );
      expect(await stores.notificationLog.list()).toEqual([
        {
          dedupeKey: `budget-exhausted|${REF}|p95|${day(2)}`,
          kind: 'budget-exhausted',
          entityRef: REF,
          recipient: OWNER,
          sentAt: new Date(nov(2)),
        },
      ]);
    });

    it('sends once when two instances handle the same snapshot at once', async () => {
      const { stores, instance } = await setUp(databaseId);
      const a = instance();
      const b = instance();
      const taken = supplyChainSnapshot(REF, nov(2), { p95: true });
      await stores.scorecardSnapshots.insertSnapshot(taken);

      const outcomes = await Promise.all([
        a.notifier.afterSnapshot(product, taken, new Date(nov(2))),
        b.notifier.afterSnapshot(product, taken, new Date(nov(2))),
      ]);

      expect(outcomes.map(outcome => outcome.sent).sort()).toEqual([0, 1]);
      expect(a.notifications.sent.length + b.notifications.sent.length).toBe(1);
    });

    it('tells again when the budget recovers and is exhausted again', async () => {
      const { stores, instance } = await setUp(databaseId);
      const a = instance();

      await a.snapshot(nov(1), { p95: true });
      await a.snapshot(nov(2), { p95: true });
      await a.snapshot(nov(3), { p95: false });
      await a.snapshot(nov(4), { p95: true });
      await a.snapshot(nov(5), { p95: true });

      expect(a.notifications.sent).toHaveLength(2);
      expect(
        (await stores.notificationLog.list()).map(sent => sent.dedupeKey),
      ).toEqual([
        `budget-exhausted|${REF}|p95|${day(1)}`,
        `budget-exhausted|${REF}|p95|${day(4)}`,
      ]);
    });

    it('does not tell an episode again when past days scored later move its start back', async () => {
      const { stores, instance } = await setUp(databaseId);
      const a = instance();

      // a first start: today is scored first, and told
      expect(await a.snapshot(nov(5), { p95: true })).toMatchObject({
        sent: 1,
      });
      // then the history task scores the days before: exhausted too
      for (const past of [3, 4]) {
        await stores.scorecardSnapshots.replaceSnapshots(REF, [
          supplyChainSnapshot(REF, nov(past), { p95: true }),
        ]);
      }
      // the episode now began on the 3rd: the same episode, not a new one
      expect(
        await a.snapshot('2026-11-05T18:00:00.000Z', { p95: true }),
      ).toMatchObject({ due: 1, sent: 0, alreadySent: 1 });
      expect(a.notifications.sent).toHaveLength(1);
      expect(
        (await stores.notificationLog.list()).map(sent => sent.dedupeKey),
      ).toEqual([`budget-exhausted|${REF}|p95|${day(5)}`]);

      // recovered, then exhausted again: a new episode is told
      await a.snapshot(nov(6), { p95: false });
      expect(await a.snapshot(nov(7), { p95: true })).toMatchObject({
        sent: 1,
      });
    });

    it('tells a budget that flaps between snapshots of one day once', async () => {
      const { stores, instance } = await setUp(databaseId);
      const a = instance();

      await a.snapshot('2026-11-02T06:00:00.000Z', { p95: true });
      await a.snapshot('2026-11-02T12:00:00.000Z', { p95: false });
      expect(
        await a.snapshot('2026-11-02T18:00:00.000Z', { p95: true }),
      ).toEqual(expect.objectContaining({ due: 1, sent: 0, alreadySent: 1 }));
      // The day counts as its newest snapshot: exhausted, the same episode.
      expect(await a.snapshot(nov(3), { p95: true })).toEqual(
        expect.objectContaining({ sent: 0, alreadySent: 1 }),
      );

      expect(a.notifications.sent).toHaveLength(1);
      expect(
        (await stores.notificationLog.list()).map(sent => sent.dedupeKey),
      ).toEqual([`budget-exhausted|${REF}|p95|${day(2)}`]);
    });

    it('reads the evidence of one snapshot a day, back to where the episode began', async () => {
      const { stores, instance } = await setUp(databaseId);
      const a = instance();
      await a.snapshot(nov(1), { p95: false });
      for (const d of [2, 3, 4]) {
        await a.snapshot(`2026-11-0${d}T01:00:00.000Z`, { p95: true });
        await a.snapshot(`2026-11-0${d}T13:00:00.000Z`, { p95: true });
      }
      const history = jest.spyOn(stores.scorecardSnapshots, 'snapshotHistory');

      expect(await a.snapshot(nov(5), { p95: true })).toEqual(
        expect.objectContaining({ due: 1, alreadySent: 1 }),
      );

      // The newest snapshot of each of the 4 days before, one at a time.
      expect(
        history.mock.calls.map(([, from, to]) => [
          from.toISOString(),
          to.toISOString(),
        ]),
      ).toEqual(
        [
          '2026-11-04T13:00:00.000Z',
          '2026-11-03T13:00:00.000Z',
          '2026-11-02T13:00:00.000Z',
          nov(1),
        ].map(at => [at, at]),
      );
      expect(
        (await stores.notificationLog.list()).map(sent => sent.dedupeKey),
      ).toEqual([`budget-exhausted|${REF}|p95|${day(2)}`]);
    });

    it('tries a failed send again at the next snapshot', async () => {
      const { stores, instance, logger } = await setUp(databaseId);
      const a = instance();
      a.notifications.failFor.add(OWNER);

      expect(await a.snapshot(nov(1), { p95: true })).toEqual({
        due: 1,
        sent: 0,
        alreadySent: 0,
        failed: 1,
      });
      expect(logger.warn).toHaveBeenCalledWith(
        `Could not send the budget-exhausted notice about ${REF} to ${OWNER}; it is retried on the next run`,
        expect.any(Error),
      );
      expect(await stores.notificationLog.list()).toEqual([]);

      // The notifications backend is back by the next snapshot: the same
      // episode, sent now.
      a.notifications.failFor.clear();
      expect(await a.snapshot(nov(2), { p95: true })).toEqual(
        expect.objectContaining({ sent: 1, failed: 0 }),
      );
      expect(await a.snapshot(nov(3), { p95: true })).toEqual(
        expect.objectContaining({ sent: 0, alreadySent: 1 }),
      );
      expect(
        (await stores.notificationLog.list()).map(sent => sent.dedupeKey),
      ).toEqual([`budget-exhausted|${REF}|p95|${day(1)}`]);
    });

    it('tells a tier at risk once per streak', async () => {
      const { instance } = await setUp(databaseId);
      const a = instance();

      await a.snapshot(nov(14), { tier: { atRisk: false } });
      // The stored verdicts' atRiskSince moves day by day (judged over
      // the last 15 days of scores); the streak is still one.
      for (const d of [15, 16, 17, 18]) {
        await a.snapshot(nov(d), {
          tier: { atRisk: true, atRiskSince: day(d) },
        });
      }
      await a.snapshot(nov(19), { tier: { atRisk: false } });
      await a.snapshot(nov(29), {
        tier: { atRisk: true, atRiskSince: '2026-11-29' },
      });
      await a.snapshot(nov(30), {
        tier: { atRisk: true, atRiskSince: '2026-11-30' },
      });

      expect(a.notifications.sentTo()).toEqual([
        {
          recipient: OWNER,
          title: 'Orders core is at risk of its tier as a shared-mart',
        },
        {
          recipient: OWNER,
          title: 'Orders core is at risk of its tier as a shared-mart',
        },
      ]);
      expect(
        a.notifications.sent.map(sent => sent.payload.metadata?.since),
      ).toEqual(['2026-11-15', '2026-11-29']);
    });

    it('reads no history for a snapshot that shows no condition', async () => {
      const { stores, instance } = await setUp(databaseId);
      const a = instance();
      const history = jest.spyOn(stores.scorecardSnapshots, 'snapshotHistory');
      const scores = jest.spyOn(stores.scorecardSnapshots, 'scoreHistory');

      await a.snapshot(nov(1), {
        p95: false,
        p99: null,
        burn: false,
        tier: { atRisk: null },
      });
      await a.snapshot(nov(2), {});

      expect(history).not.toHaveBeenCalled();
      expect(scores).not.toHaveBeenCalled();
      expect(a.notifications.sent).toEqual([]);
    });

    it('takes an episode older than the 90 days read as told when it began', async () => {
      const { stores, instance } = await setUp(databaseId);
      const a = instance();
      const now = Date.parse(nov(20));
      // Exhausted in every daily snapshot of the last 100 days.
      for (let days = 100; days >= 1; days--) {
        await stores.scorecardSnapshots.insertSnapshot(
          supplyChainSnapshot(REF, new Date(now - days * DAY).toISOString(), {
            p95: true,
          }),
        );
      }

      expect(await a.snapshot(nov(20), { p95: true })).toEqual(
        expect.objectContaining({ due: 0, sent: 0 }),
      );

      // A product first scored 10 days ago, exhausted ever since: its
      // episode began with its first snapshot.
      const young = {
        ...product,
        metadata: { ...product.metadata, name: 'young', title: 'Young' },
      };
      for (let days = 10; days >= 1; days--) {
        const taken = supplyChainSnapshot(
          REF,
          new Date(now - days * DAY).toISOString(),
          { p95: true },
        );
        taken.entityRef = 'dataproduct:default/young';
        await stores.scorecardSnapshots.insertSnapshot(taken);
      }
      expect(await a.snapshot(nov(20), { p95: true }, young)).toEqual(
        expect.objectContaining({ due: 1, sent: 1 }),
      );
      expect((await stores.notificationLog.list())[0].dedupeKey).toBe(
        `budget-exhausted|dataproduct:default/young|p95|${day(10)}`,
      );
    });
  });
});
