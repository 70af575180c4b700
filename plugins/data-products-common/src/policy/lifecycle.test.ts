import type { LifecycleStage } from '../kind/types';
import {
  NOW,
  convenienceView,
  coreEntity,
  day,
  sharedMart,
} from './__fixtures__/entities';
import { DEFAULT_POLICY } from './defaults';
import { evaluateExpiry, evaluateLifecycle } from './lifecycle';
import { policyFromConfig } from './policyFromConfig';

// convenienceView() is created 2026-03-01: expires 2026-05-30, expiring from 2026-05-16.
describe('evaluateLifecycle: expiry of convenience views', () => {
  it.each([
    ['2026-03-01', 'active'],
    ['2026-05-15', 'active'], // the day before expiresOn − 14
    ['2026-05-16', 'expiring'], // exactly expiresOn − 14
    ['2026-05-29', 'expiring'],
    ['2026-05-30', 'expired'], // exactly expiresOn
    ['2027-01-01', 'expired'],
  ])('on %s the view is %s', (today, state) => {
    expect(
      evaluateLifecycle(convenienceView(), DEFAULT_POLICY, day(today)),
    ).toEqual({
      state,
      expiresOn: '2026-05-30',
    });
  });

  // The worked example in docs/dataproduct-yaml.md, so the docs cannot drift.
  it.each([
    ['2026-11-01', '2026-05-04', '2027-01-30', 'active'],
    ['2026-08-31', '2026-06-02', '2026-11-29', 'expiring'],
    [undefined, '2026-03-02', '2026-05-31', 'expired'],
  ])(
    'renewed %s, created %s: expires %s, %s on 2026-11-25',
    (renewedOn, createdOn, expiresOn, state) => {
      const view = convenienceView(e => {
        e.spec.lifecycle = { stage: 'active', createdOn, renewedOn };
      });
      expect(
        evaluateLifecycle(view, DEFAULT_POLICY, day('2026-11-25')),
      ).toEqual({ state, expiresOn });
    },
  );

  it('changes state at UTC midnight, not at the time of day expiry was computed', () => {
    const view = convenienceView();
    expect(
      evaluateLifecycle(
        view,
        DEFAULT_POLICY,
        new Date('2026-05-15T23:59:59.999Z'),
      ).state,
    ).toBe('active');
    expect(
      evaluateLifecycle(view, DEFAULT_POLICY, new Date('2026-05-16T00:00:00Z'))
        .state,
    ).toBe('expiring');
    expect(
      evaluateLifecycle(
        view,
        DEFAULT_POLICY,
        new Date('2026-05-29T23:59:59.999Z'),
      ).state,
    ).toBe('expiring');
    expect(
      evaluateLifecycle(view, DEFAULT_POLICY, new Date('2026-05-30T00:00:00Z'))
        .state,
    ).toBe('expired');
  });

  it('counts from renewedOn when there is one, even when it is before createdOn', () => {
    const renewed = convenienceView(e => {
      e.spec.lifecycle.renewedOn = '2026-05-01';
    });
    expect(
      evaluateLifecycle(renewed, DEFAULT_POLICY, day('2026-05-30')),
    ).toEqual({
      state: 'active',
      expiresOn: '2026-07-30',
    });
    const odd = convenienceView(e => {
      e.spec.lifecycle.renewedOn = '2026-01-01';
    });
    expect(evaluateLifecycle(odd, DEFAULT_POLICY, NOW)).toEqual({
      state: 'expired',
      expiresOn: '2026-04-01',
    });
  });

  it('uses the configured day counts', () => {
    const policy = policyFromConfig({
      categories: {
        'convenience-view': { expiryDays: 30, expiringWindowDays: 7 },
      },
    });
    // 2026-03-01 + 30 = 2026-03-31; expiring from 2026-03-24.
    expect(
      evaluateLifecycle(convenienceView(), policy, day('2026-03-23')),
    ).toEqual({ state: 'active', expiresOn: '2026-03-31' });
    expect(
      evaluateLifecycle(convenienceView(), policy, day('2026-03-24')).state,
    ).toBe('expiring');
    expect(
      evaluateLifecycle(convenienceView(), policy, day('2026-03-31')).state,
    ).toBe('expired');
  });

  it('with a zero-day window goes straight from active to expired', () => {
    const policy = policyFromConfig({
      categories: { 'convenience-view': { expiringWindowDays: 0 } },
    });
    expect(
      evaluateLifecycle(convenienceView(), policy, day('2026-05-29')).state,
    ).toBe('active');
    expect(
      evaluateLifecycle(convenienceView(), policy, day('2026-05-30')).state,
    ).toBe('expired');
  });

  it('never expires a view with auto-expiry off, or one with no date to count from', () => {
    const policy = policyFromConfig({
      categories: { 'convenience-view': { rules: { 'auto-expiry': 'off' } } },
    });
    expect(
      evaluateLifecycle(convenienceView(), policy, day('2027-01-01')),
    ).toEqual({ state: 'active' });
    const undated = convenienceView(e => {
      delete e.spec.lifecycle.createdOn;
    });
    expect(evaluateLifecycle(undated, DEFAULT_POLICY, NOW)).toEqual({
      state: 'active',
    });
  });

  it('never expires core entities or shared marts by default', () => {
    expect(
      evaluateLifecycle(coreEntity(), DEFAULT_POLICY, day('2030-01-01')),
    ).toEqual({ state: 'active' });
    expect(
      evaluateLifecycle(sharedMart(), DEFAULT_POLICY, day('2030-01-01')),
    ).toEqual({ state: 'active' });
  });

  it('expires another category when a platform team switches auto-expiry on for it', () => {
    const policy = policyFromConfig({
      categories: { 'shared-mart': { rules: { 'auto-expiry': 'warn' } } },
    });
    // sharedMart() is created 2025-06-01 and never renewed.
    expect(evaluateLifecycle(sharedMart(), policy, NOW)).toEqual({
      state: 'expired',
      expiresOn: '2025-08-30',
    });
  });

  it('knows nothing of an unknown category but still reads the stage', () => {
    const entity = coreEntity(e => {
      (e.spec as any).category = 'gold';
      e.spec.lifecycle.stage = 'draft';
    });
    expect(evaluateLifecycle(entity, DEFAULT_POLICY, NOW)).toEqual({
      state: 'draft',
    });
  });
});

describe('evaluateLifecycle: state precedence retired > expired > deprecated > expiring > draft > active', () => {
  const states: Record<string, string> = {
    current: '2026-04-01',
    expiring: '2026-05-20',
    expired: '2026-06-01',
  };
  it.each([
    ['draft', 'current', 'draft'],
    ['draft', 'expiring', 'expiring'],
    ['draft', 'expired', 'expired'],
    ['active', 'current', 'active'],
    ['active', 'expiring', 'expiring'],
    ['active', 'expired', 'expired'],
    ['deprecated', 'current', 'deprecated'],
    ['deprecated', 'expiring', 'deprecated'],
    ['deprecated', 'expired', 'expired'],
    ['retired', 'current', 'retired'],
    ['retired', 'expiring', 'retired'],
    ['retired', 'expired', 'retired'],
  ] as const)('stage %s, expiry %s → %s', (stage, expiry, state) => {
    const view = convenienceView(e => {
      e.spec.lifecycle.stage = stage as LifecycleStage;
    });
    expect(
      evaluateLifecycle(view, DEFAULT_POLICY, day(states[expiry])),
    ).toEqual({ state, expiresOn: '2026-05-30' });
  });

  it.each(['draft', 'active', 'deprecated', 'retired'] as const)(
    'a core entity at stage %s is in that state',
    stage => {
      const entity = coreEntity(e => {
        e.spec.lifecycle.stage = stage;
      });
      expect(evaluateLifecycle(entity, DEFAULT_POLICY, NOW)).toEqual({
        state: stage,
      });
    },
  );
});

describe('evaluateExpiry', () => {
  it('says where it counted from, when expiring starts and how many days are left', () => {
    expect(
      evaluateExpiry(
        convenienceView(),
        DEFAULT_POLICY.categories['convenience-view'],
        day('2026-05-16'),
      ),
    ).toEqual({
      countedFrom: 'createdOn',
      expiresOn: '2026-05-30',
      expiringFrom: '2026-05-16',
      daysLeft: 14,
      status: 'expiring',
    });
    expect(
      evaluateExpiry(
        convenienceView(),
        DEFAULT_POLICY.categories['convenience-view'],
        day('2026-06-02'),
      ),
    ).toMatchObject({
      daysLeft: -3,
      status: 'expired',
    });
  });

  it('does not fall back to createdOn when renewedOn is present but not a date', () => {
    const view = convenienceView(e => {
      e.spec.lifecycle.renewedOn = '2026-02-30';
    });
    expect(
      evaluateExpiry(view, DEFAULT_POLICY.categories['convenience-view'], NOW),
    ).toBeUndefined();
  });
});
