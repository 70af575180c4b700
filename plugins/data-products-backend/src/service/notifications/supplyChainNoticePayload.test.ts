import { supplyChainNoticePayload } from './supplyChainNoticePayload';
import { supplyChainNotices } from './supplyChainNotices';
import { supplyChainSnapshot } from './__testUtils__/supplyChainSnapshots';

const REF = 'dataproduct:default/orders-core';
const AT = '2026-11-20T06:00:00.000Z';

function noticeOf(shown: Parameters<typeof supplyChainSnapshot>[2]) {
  const [notice] = supplyChainNotices({
    product: {
      entityRef: REF,
      title: 'Orders core',
      owner: 'group:default/orders-team',
      category: 'shared-mart',
    },
    snapshots: [supplyChainSnapshot(REF, AT, shown)],
  });
  return notice;
}

describe('supplyChainNoticePayload', () => {
  it('names the product, the figure and its evidence of an exhausted budget', () => {
    // 1 failed and 2 late runs over p95 (2 h) of 20 runs: 3 used, 1 allowed.
    expect(supplyChainNoticePayload(noticeOf({ p95: true }))).toEqual({
      title: 'P95 error budget of Orders core exhausted',
      description:
        'dataproduct:default/orders-core: 3 of 1 allowed runs over p95 (2 h) in the 30-day window (1 failed run, 2 late runs, of 20 runs); exhausted since 2026-11-20.',
      link: '/catalog/default/dataproduct/orders-core/scorecard',
      severity: 'high',
      topic: 'stockroom-error-budget',
      scope: 'stockroom-error-budget:p95:dataproduct:default/orders-core',
      metadata: {
        entityRef: REF,
        notice: 'budget-exhausted',
        since: '2026-11-20',
        slo: 'p95',
      },
    });
  });

  it('keeps the p99 notice in a scope of its own', () => {
    expect(supplyChainNoticePayload(noticeOf({ p99: true }))).toMatchObject({
      title: 'P99 error budget of Orders core exhausted',
      description: expect.stringContaining(
        '3 of 0 allowed runs over p99 (4 h) in the 30-day window',
      ),
      scope: 'stockroom-error-budget:p99:dataproduct:default/orders-core',
    });
  });

  it('tells the burn rate with normal severity', () => {
    // 5 of 5 runs over p95 in 24 h: (5 / 5) / 0.05 = 20.
    expect(supplyChainNoticePayload(noticeOf({ burn: true }))).toEqual({
      title:
        'Orders core burns its P95 error budget at 20× the sustainable rate',
      description:
        'dataproduct:default/orders-core: 5 of 5 runs in the last 24 h went over p95 or failed (burn rate 20; at 1 the budget lasts exactly the window). Alarming since 2026-11-20.',
      link: '/catalog/default/dataproduct/orders-core/scorecard',
      severity: 'normal',
      topic: 'stockroom-error-budget',
      scope: 'stockroom-error-budget:burn-rate:dataproduct:default/orders-core',
      metadata: { entityRef: REF, notice: 'burn-rate', since: '2026-11-20' },
    });
  });

  it('tells a tier at risk with the verdict and the category it promises', () => {
    expect(
      supplyChainNoticePayload(
        noticeOf({ tier: { atRisk: true, atRiskSince: '2026-11-20' } }),
      ),
    ).toEqual({
      title: 'Orders core is at risk of its tier as a shared-mart',
      description:
        'dataproduct:default/orders-core: Tier at risk since 2026-11-20: freshness scored 2 or less in every daily snapshot from 2026-11-07 to 2026-11-20. A category is a promise; the evidence must back it.',
      link: '/catalog/default/dataproduct/orders-core/scorecard',
      severity: 'high',
      topic: 'stockroom-tier-at-risk',
      scope: 'stockroom-tier-at-risk:dataproduct:default/orders-core',
      metadata: { entityRef: REF, notice: 'tier-at-risk', since: '2026-11-20' },
    });
  });
});
