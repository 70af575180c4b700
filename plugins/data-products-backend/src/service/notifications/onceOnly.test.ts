import {
  TestDatabases,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import plugin from '../../index';
import { LIFECYCLE_NOTIFICATIONS_TASK_ID } from '../../jobs/lifecycleNotificationsJob';
import { RecordingNotificationService } from '../../__testUtils__/RecordingNotificationService';
import {
  component,
  dataProduct,
  dayFrom,
  viewRenewed,
} from '../../__testUtils__/entities';

jest.setTimeout(60_000);

// The task runs at the real "now", so the inventory is dated from today.
const today = new Date();
const V1 = 'dataproduct:default/identity-v1';
const inventory = [
  viewRenewed('expiring-view', today, 80, 'group:default/analytics'),
  viewRenewed('expired-view', today, 120, 'group:default/finance'),
  viewRenewed('other-expiring-view', today, 85, 'group:default/finance'),
  dataProduct('identity-v1', {
    category: 'core-entity',
    lifecycle: {
      stage: 'deprecated',
      createdOn: '2024-01-10',
      sunsetOn: '2027-03-31',
      successor: 'dataproduct:default/identity-v2',
    },
  }),
  component('checkout', 'group:default/web', [V1]),
  component('fraud-scoring', 'group:default/risk', [V1]),
  component('ledger', 'group:default/finance', [V1]),
];
const EXPECTED_NOTICES = 6; // 3 views + 3 consumer owners

/**
 * One backend instance of a cluster: its own scheduler, catalog client and
 * notification service, the cluster's shared database. Returns the task
 * function the plugin scheduled, to run it as the scheduler would.
 */
async function startInstance(
  knex: Knex,
  notifications: RecordingNotificationService,
) {
  const scheduler = mockServices.scheduler.mock();
  const backend = await startTestBackend({
    features: [
      plugin,
      scheduler.factory,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities: inventory }),
      notifications.factory(),
    ],
  });
  const [task] = scheduler.scheduleTask.mock.calls[0];
  expect(task).toMatchObject({
    id: LIFECYCLE_NOTIFICATIONS_TASK_ID,
    scope: 'global',
  });
  const signal = new AbortController().signal;
  return { backend, runTask: async () => task.fn(signal) };
}

describe('once-only delivery across a cluster', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'sends each notice once from two instances on one %p database',
    async databaseId => {
      const knex = await databases.init(databaseId);
      // One recorder per instance: what each instance itself delivered.
      const sentByA = new RecordingNotificationService();
      const sentByB = new RecordingNotificationService();
      // Slow sends keep claims open while the other instance reaches them.
      sentByA.delayMs = 50;
      sentByB.delayMs = 50;
      const a = await startInstance(knex, sentByA);
      const b = await startInstance(knex, sentByB);

      // Both run at once, twice: the scheduler's global lock would normally
      // prevent this; the claims in notifications_sent must not rely on it.
      await Promise.all([a.runTask(), b.runTask()]);
      await Promise.all([a.runTask(), b.runTask()]);

      const delivered = [...sentByA.sentTo(), ...sentByB.sentTo()].map(
        sent => `${sent.recipient} ← ${sent.title}`,
      );
      expect(delivered).toHaveLength(EXPECTED_NOTICES);
      expect(new Set(delivered).size).toBe(EXPECTED_NOTICES);
      expect(delivered.sort()).toEqual([
        'group:default/analytics ← expiring-view expires in 10 days',
        `group:default/finance ← expired-view expired on ${dayFrom(
          today,
          -30,
        )}`,
        'group:default/finance ← identity-v1 is deprecated: move off it by 2027-03-31',
        'group:default/finance ← other-expiring-view expires in 5 days',
        'group:default/risk ← identity-v1 is deprecated: move off it by 2027-03-31',
        'group:default/web ← identity-v1 is deprecated: move off it by 2027-03-31',
      ]);
      const [{ n }] = await knex('notifications_sent').count({ n: '*' });
      expect(Number(n)).toBe(EXPECTED_NOTICES);

      await a.backend.stop();
      await b.backend.stop();
    },
  );
});
