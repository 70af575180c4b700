import { Entity, RELATION_OWNED_BY } from '@backstage/catalog-model';
import {
  DEFAULT_POLICY,
  StockroomPolicy,
  policyFromConfig,
} from '@stockroom/plugin-data-products-common';
import {
  component,
  dataProduct,
  dayFrom,
  viewRenewed,
} from '../../__testUtils__/entities';
import { evaluateProducts } from '../lifecycle/evaluateProducts';
import { dueNotices } from './dueNotices';

const NOW = new Date('2026-05-15T12:00:00Z');

function due(
  products: Entity[],
  options: { consumers?: Entity[]; policy?: StockroomPolicy; now?: Date } = {},
) {
  const now = options.now ?? NOW;
  return dueNotices({
    products: evaluateProducts(products, options.policy ?? DEFAULT_POLICY, now),
    consumers: options.consumers ?? [],
    now,
  });
}

describe('dueNotices', () => {
  describe('expiry', () => {
    it('tells the owner of an expiring view how many days are left', () => {
      // renewed 80 days ago: expires in 10 days, inside the 14-day window
      const notices = due([viewRenewed('orders-view', NOW, 80)]);

      expect(notices).toEqual([
        {
          kind: 'expiring',
          dedupeKey:
            'expiring|dataproduct:default/orders-view|group:default/analytics|2026-05-25',
          recipient: 'group:default/analytics',
          product: {
            entityRef: 'dataproduct:default/orders-view',
            title: 'orders-view',
          },
          expiresOn: '2026-05-25',
          daysLeft: 10,
        },
      ]);
    });

    it('tells the owner of an expired view when it expired', () => {
      const notices = due([viewRenewed('orders-view', NOW, 95)]);

      expect(notices).toEqual([
        {
          kind: 'expired',
          dedupeKey:
            'expired|dataproduct:default/orders-view|group:default/analytics|2026-05-10',
          recipient: 'group:default/analytics',
          product: {
            entityRef: 'dataproduct:default/orders-view',
            title: 'orders-view',
          },
          expiresOn: '2026-05-10',
        },
      ]);
    });

    it('follows the engine at the window edges', () => {
      const view = viewRenewed('orders-view', NOW, 0); // expires NOW + 90
      const kindOn = (days: number) =>
        due([view], { now: new Date(NOW.getTime() + days * 86_400_000) }).map(
          notice => notice.kind,
        );

      expect(kindOn(75)).toEqual([]); // 15 days left: still current
      expect(kindOn(76)).toEqual(['expiring']); // 14 days left
      expect(kindOn(89)).toEqual(['expiring']); // 1 day left
      expect(kindOn(90)).toEqual(['expired']); // the expiry day itself
      expect(kindOn(400)).toEqual(['expired']);
    });

    it('gives the same key every day of the window, and a new one after a renewal', () => {
      const view = viewRenewed('orders-view', NOW, 80);
      const tomorrow = new Date(NOW.getTime() + 86_400_000);
      const renewed = viewRenewed('orders-view', NOW, 0);

      const [today] = due([view]);
      const [nextDay] = due([view], { now: tomorrow });
      const [afterRenewal] = due([renewed], {
        now: new Date(NOW.getTime() + 80 * 86_400_000),
      });

      expect(nextDay.dedupeKey).toBe(today.dedupeKey);
      expect(nextDay).toMatchObject({ daysLeft: 9 });
      expect(afterRenewal.dedupeKey).not.toBe(today.dedupeKey);
    });

    it('stays quiet for current views and for products that do not expire', () => {
      const notices = due([
        viewRenewed('fresh-view', NOW, 10),
        dataProduct('orders-daily', {
          category: 'shared-mart',
          lifecycle: { createdOn: '2020-01-01' },
        }),
        dataProduct('customers', {
          category: 'core-entity',
          lifecycle: { createdOn: '2020-01-01' },
        }),
      ]);

      expect(notices).toEqual([]);
    });

    it('says nothing about a retired view, whatever its dates', () => {
      const view = viewRenewed('orders-view', NOW, 95);
      view.spec.lifecycle.stage = 'retired';

      expect(due([view])).toEqual([]);
    });

    it('follows the configured policy: a category made to expire gets notices', () => {
      const policy = policyFromConfig({
        categories: {
          'shared-mart': {
            rules: { 'auto-expiry': 'warn' },
            expiryDays: 30,
            expiringWindowDays: 7,
          },
        },
      });
      const mart = dataProduct('orders-daily', {
        category: 'shared-mart',
        lifecycle: { createdOn: dayFrom(NOW, -25) },
      });

      expect(due([mart], { policy })).toMatchObject([
        { kind: 'expiring', daysLeft: 5 },
      ]);
      expect(due([mart])).toEqual([]);
    });

    it('notifies every owner, once each', () => {
      const view = viewRenewed('orders-view', NOW, 80);
      view.relations = [
        { type: RELATION_OWNED_BY, targetRef: 'group:default/analytics' },
        { type: RELATION_OWNED_BY, targetRef: 'group:default/finance' },
        { type: RELATION_OWNED_BY, targetRef: 'group:default/analytics' },
      ];

      expect(due([view]).map(notice => notice.recipient)).toEqual([
        'group:default/analytics',
        'group:default/finance',
      ]);
    });

    it('falls back to spec.owner, completed like the catalog does', () => {
      const view = viewRenewed('orders-view', NOW, 80, 'analytics');
      view.relations = [];
      view.metadata.namespace = 'sales';

      expect(due([view])).toMatchObject([
        {
          recipient: 'group:sales/analytics',
          product: { entityRef: 'dataproduct:sales/orders-view' },
        },
      ]);
    });

    it('uses the title when there is one', () => {
      const view = viewRenewed('orders-view', NOW, 80);
      view.metadata.title = 'Orders by region';

      expect(due([view])).toMatchObject([
        { product: { title: 'Orders by region' } },
      ]);
    });

    it('ignores entities that are not DataProducts', () => {
      const notDataProduct = {
        ...viewRenewed('orders-view', NOW, 95),
        apiVersion: 'example.com/v1',
      };

      expect(due([component('checkout', 'group:default/web', [])])).toEqual([]);
      expect(due([notDataProduct])).toEqual([]);
    });
  });

  describe('deprecation', () => {
    const identityV1 = dataProduct('identity-v1', {
      category: 'core-entity',
      owner: 'group:default/identity-platform',
      title: 'Customer Identity v1',
      lifecycle: {
        stage: 'deprecated',
        createdOn: '2024-01-10',
        sunsetOn: '2027-03-31',
        successor: 'dataproduct:default/identity-v2',
      },
    });
    const v1 = 'dataproduct:default/identity-v1';

    it('tells each consumer owner once, listing their dependent entities', () => {
      const consumers = [
        component('checkout', 'group:default/web', [v1]),
        component('basket', 'group:default/web', [v1]),
        component('fraud-scoring', 'group:default/risk', [v1]),
      ];

      const notices = due([identityV1], { consumers });

      expect(notices).toEqual([
        {
          kind: 'deprecated',
          dedupeKey: `deprecated|${v1}|group:default/web|2027-03-31`,
          recipient: 'group:default/web',
          product: { entityRef: v1, title: 'Customer Identity v1' },
          sunsetOn: '2027-03-31',
          successor: 'dataproduct:default/identity-v2',
          migrationGuide: undefined,
          consumers: ['component:default/basket', 'component:default/checkout'],
        },
        {
          kind: 'deprecated',
          dedupeKey: `deprecated|${v1}|group:default/risk|2027-03-31`,
          recipient: 'group:default/risk',
          product: { entityRef: v1, title: 'Customer Identity v1' },
          sunsetOn: '2027-03-31',
          successor: 'dataproduct:default/identity-v2',
          migrationGuide: undefined,
          consumers: ['component:default/fraud-scoring'],
        },
      ]);
    });

    it('counts data products that depend on it as consumers too', () => {
      const downstream = dataProduct('churn-features', {
        owner: 'group:default/ml',
      });
      downstream.relations!.push({ type: 'dependsOn', targetRef: v1 });

      expect(due([identityV1], { consumers: [downstream] })).toMatchObject([
        {
          recipient: 'group:default/ml',
          consumers: ['dataproduct:default/churn-features'],
        },
      ]);
    });

    it('ignores entities that depend on something else', () => {
      const consumers = [
        component('checkout', 'group:default/web', [
          'dataproduct:default/identity-v2',
        ]),
      ];

      expect(due([identityV1], { consumers })).toEqual([]);
    });

    it('matches relation refs case-insensitively, as the catalog does', () => {
      const consumers = [
        component('checkout', 'group:default/web', [
          'dataproduct:default/Identity-V1',
        ]),
      ];

      expect(due([identityV1], { consumers })).toHaveLength(1);
    });

    it('sends nothing when nobody depends on it', () => {
      expect(due([identityV1])).toEqual([]);
    });

    it('still tells consumers when no sunset is set, under a key of its own', () => {
      const noSunset = dataProduct('identity-v1', {
        category: 'core-entity',
        lifecycle: { stage: 'deprecated', createdOn: '2024-01-10' },
        migrationGuide: 'https://wiki.example.com/identity-v2',
      });
      const consumers = [component('checkout', 'group:default/web', [v1])];

      expect(due([noSunset], { consumers })).toMatchObject([
        {
          dedupeKey: `deprecated|${v1}|group:default/web|-`,
          sunsetOn: undefined,
          successor: undefined,
          migrationGuide: 'https://wiki.example.com/identity-v2',
        },
      ]);
    });

    it('makes a new notice when the sunset moves', () => {
      const consumers = [component('checkout', 'group:default/web', [v1])];
      const postponed = dataProduct('identity-v1', {
        category: 'core-entity',
        lifecycle: {
          ...identityV1.spec.lifecycle,
          sunsetOn: '2027-06-30',
        },
      });

      const [before] = due([identityV1], { consumers });
      const [after] = due([postponed], { consumers });

      expect(after.dedupeKey).toBe(
        `deprecated|${v1}|group:default/web|2027-06-30`,
      );
      expect(after.dedupeKey).not.toBe(before.dedupeKey);
    });

    it('is about state, not stage: a deprecated view that expired gets the expiry notice', () => {
      const view = viewRenewed('orders-view', NOW, 95);
      view.spec.lifecycle.stage = 'deprecated';
      const consumers = [
        component('checkout', 'group:default/web', [
          'dataproduct:default/orders-view',
        ]),
      ];

      expect(
        due([view], { consumers }).map(notice => [
          notice.kind,
          notice.recipient,
        ]),
      ).toEqual([['expired', 'group:default/analytics']]);
    });

    it('says nothing about retired products', () => {
      const retired = dataProduct('identity-v1', {
        category: 'core-entity',
        lifecycle: { ...identityV1.spec.lifecycle, stage: 'retired' },
      });
      const consumers = [component('checkout', 'group:default/web', [v1])];

      expect(due([retired], { consumers })).toEqual([]);
    });
  });

  it('handles a mixed inventory in one pass', () => {
    const v1 = 'dataproduct:default/identity-v1';
    const notices = due(
      [
        viewRenewed('expiring-view', NOW, 80),
        viewRenewed('expired-view', NOW, 120, 'group:default/finance'),
        viewRenewed('current-view', NOW, 1),
        dataProduct('identity-v1', {
          category: 'core-entity',
          lifecycle: {
            stage: 'deprecated',
            createdOn: '2024-01-10',
            sunsetOn: '2027-03-31',
          },
        }),
      ],
      { consumers: [component('checkout', 'group:default/web', [v1])] },
    );

    expect(
      notices.map(notice => `${notice.kind} → ${notice.recipient}`),
    ).toEqual([
      'expiring → group:default/analytics',
      'expired → group:default/finance',
      'deprecated → group:default/web',
    ]);
  });
});
