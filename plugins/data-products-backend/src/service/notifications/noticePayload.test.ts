import { DeprecatedNotice, ExpiredNotice, ExpiringNotice } from './DueNotice';
import { noticePayload } from './noticePayload';

const product = {
  entityRef: 'dataproduct:default/orders-view',
  title: 'Orders by region',
};

describe('noticePayload', () => {
  const expiring: ExpiringNotice = {
    kind: 'expiring',
    dedupeKey: 'k',
    recipient: 'group:default/analytics',
    product,
    expiresOn: '2026-05-25',
    daysLeft: 10,
  };

  it('tells owners of an expiring view when, and how to renew', () => {
    expect(noticePayload(expiring)).toEqual({
      title: 'Orders by region expires in 10 days',
      description:
        'dataproduct:default/orders-view expires in 10 days on 2026-05-25 — renew with `yarn stockroom renew <file>` if it is still used, or let it expire.',
      link: '/catalog/default/dataproduct/orders-view',
      severity: 'normal',
      topic: 'data-product-expiry',
      scope: 'expiry:dataproduct:default/orders-view',
      metadata: {
        entityRef: 'dataproduct:default/orders-view',
        notice: 'expiring',
      },
    });
  });

  it('says "1 day", not "1 days"', () => {
    expect(noticePayload({ ...expiring, daysLeft: 1 }).title).toBe(
      'Orders by region expires in 1 day',
    );
  });

  it('raises the severity once expired, in the same scope so it replaces the expiring one', () => {
    const expired: ExpiredNotice = {
      kind: 'expired',
      dedupeKey: 'k',
      recipient: 'group:default/analytics',
      product,
      expiresOn: '2026-05-10',
    };

    expect(noticePayload(expired)).toMatchObject({
      title: 'Orders by region expired on 2026-05-10',
      description:
        'dataproduct:default/orders-view expired on 2026-05-10 — renew with `yarn stockroom renew <file>` if it is still used, otherwise retire it.',
      severity: 'high',
      topic: 'data-product-expiry',
      scope: noticePayload(expiring).scope,
    });
  });

  describe('deprecation', () => {
    const deprecated: DeprecatedNotice = {
      kind: 'deprecated',
      dedupeKey: 'k',
      recipient: 'group:default/web',
      product: {
        entityRef: 'dataproduct:default/identity-v1',
        title: 'Customer Identity v1',
      },
      sunsetOn: '2027-03-31',
      successor: 'dataproduct:default/identity-v2',
      consumers: ['component:default/checkout'],
    };

    it('names the consumer, the sunset date and the successor', () => {
      expect(noticePayload(deprecated)).toEqual({
        title: 'Customer Identity v1 is deprecated: move off it by 2027-03-31',
        description:
          'component:default/checkout depends on dataproduct:default/identity-v1, which is deprecated: its sunset is 2027-03-31 — move to dataproduct:default/identity-v2.',
        link: '/catalog/default/dataproduct/identity-v1',
        severity: 'normal',
        topic: 'data-product-deprecation',
        scope: 'deprecation:dataproduct:default/identity-v1',
        metadata: {
          entityRef: 'dataproduct:default/identity-v1',
          notice: 'deprecated',
        },
      });
    });

    it('lists several consumers and the migration guide', () => {
      const payload = noticePayload({
        ...deprecated,
        migrationGuide: 'https://wiki.example.com/identity-v2',
        consumers: [
          'component:default/basket',
          'component:default/checkout',
          'dataproduct:default/churn',
        ],
      });

      expect(payload.description).toBe(
        'component:default/basket, component:default/checkout and dataproduct:default/churn depend on dataproduct:default/identity-v1, which is deprecated: its sunset is 2027-03-31 — move to dataproduct:default/identity-v2; migration guide: https://wiki.example.com/identity-v2.',
      );
    });

    it('says when no sunset or successor is known yet', () => {
      const payload = noticePayload({
        ...deprecated,
        sunsetOn: undefined,
        successor: undefined,
      });

      expect(payload.title).toBe('Customer Identity v1 is deprecated');
      expect(payload.description).toBe(
        'component:default/checkout depends on dataproduct:default/identity-v1, which is deprecated: no sunset date is set yet.',
      );
    });
  });
});
