import {
  anyNoticeCondition,
  streakReachesFirstSnapshot,
  supplyChainNotices,
} from './supplyChainNotices';
import {
  Shown,
  supplyChainSnapshot,
} from './__testUtils__/supplyChainSnapshots';

const REF = 'dataproduct:default/orders-core';
const product = {
  entityRef: REF,
  title: 'orders-core',
  owner: 'group:default/orders-team',
};

/** Snapshots taken at 06:00 on the given November 2026 days, oldest first. */
function history(...days: Array<[number, Shown]>) {
  return days.map(([day, shown]) =>
    supplyChainSnapshot(
      REF,
      `2026-11-${String(day).padStart(2, '0')}T06:00:00.000Z`,
      shown,
    ),
  );
}

const keys = (snapshots: ReturnType<typeof history>, earlier = false) =>
  supplyChainNotices({ product, snapshots, earlierHistory: earlier }).map(
    notice => notice.dedupeKey,
  );

describe('supplyChainNotices', () => {
  it('is due nothing when the newest snapshot shows no condition', () => {
    const snapshots = history(
      [
        1,
        {
          p95: true,
          burn: true,
          tier: { atRisk: true, atRiskSince: '2026-11-01' },
        },
      ],
      [2, { p95: false, p99: false, burn: false, tier: { atRisk: false } }],
    );
    expect(supplyChainNotices({ product, snapshots })).toEqual([]);
    expect(anyNoticeCondition(snapshots[1])).toBe(false);
    expect(anyNoticeCondition(snapshots[0])).toBe(true);
  });

  it('keys an exhausted budget by the first snapshot of its streak', () => {
    const snapshots = history(
      [1, { p95: false }],
      [2, { p95: true }],
      [3, { p95: true }],
      [4, { p95: true }],
    );
    const notices = supplyChainNotices({ product, snapshots });
    expect(notices).toEqual([
      {
        kind: 'budget-exhausted',
        dedupeKey: `budget-exhausted|${REF}|p95|2026-11-02`,
        recipient: 'group:default/orders-team',
        product: { entityRef: REF, title: 'orders-core' },
        since: '2026-11-02',
        takenAt: '2026-11-04T06:00:00.000Z',
        // The figures are the newest snapshot's.
        budget: expect.objectContaining({ slo: 'p95', used: 3, allowed: 1 }),
        window: {
          from: '2026-10-05T06:00:00.000Z',
          to: '2026-11-04T06:00:00.000Z',
        },
      },
    ]);
  });

  it('is the same notice while the budget stays exhausted', () => {
    const day2 = keys(history([1, { p95: false }], [2, { p95: true }]));
    const day5 = keys(
      history(
        [1, { p95: false }],
        [2, { p95: true }],
        [3, { p95: true }],
        [4, { p95: true }],
        [5, { p95: true }],
      ),
    );
    expect(day5).toEqual(day2);
  });

  it('is a new notice when the budget recovers and is exhausted again', () => {
    expect(
      keys(
        history(
          [1, { p95: true }],
          [2, { p95: true }],
          [3, { p95: false }],
          [4, { p95: true }],
        ),
      ),
    ).toEqual([`budget-exhausted|${REF}|p95|2026-11-04`]);
  });

  it('counts a day as its newest snapshot, so a budget flapping within a day is one episode', () => {
    const at = (time: string, shown: Shown) =>
      supplyChainSnapshot(REF, `2026-11-${time}Z`, shown);
    const flapping = [
      at('01T23:00:00', { p95: false }),
      at('02T06:00:00', { p95: true }),
      at('02T12:00:00', { p95: false }),
      at('02T18:00:00', { p95: true }),
    ];
    expect(keys(flapping)).toEqual([`budget-exhausted|${REF}|p95|2026-11-02`]);
    // Recovered at the end of the 2nd, exhausted again on the 3rd: a new one.
    expect(
      keys([
        ...flapping,
        at('02T22:00:00', { p95: false }),
        at('03T01:00:00', { p95: true }),
      ]),
    ).toEqual([`budget-exhausted|${REF}|p95|2026-11-03`]);
  });

  it('keys the p95 and p99 budgets apart, each by its own streak', () => {
    expect(
      keys(
        history(
          [1, { p95: false, p99: true }],
          [2, { p95: true, p99: true }],
          [3, { p95: true, p99: true }],
        ),
      ),
    ).toEqual([
      `budget-exhausted|${REF}|p95|2026-11-02`,
      `budget-exhausted|${REF}|p99|2026-11-01`,
    ]);
  });

  it('lets a snapshot that cannot tell neither break a streak nor start one', () => {
    expect(
      keys(
        history(
          [1, { p95: false }],
          [2, { p95: true }],
          // No runs in the window: the budget is unknown.
          [3, { p95: null }],
          // Stored before the supply chain was computed: no evidence.
          [4, {}],
          [5, { p95: true }],
        ),
      ),
    ).toEqual([`budget-exhausted|${REF}|p95|2026-11-02`]);
    // Unknown in the newest snapshot: nothing is due now.
    expect(
      keys(history([1, { p95: true }], [2, { p95: null }], [3, {}])),
    ).toEqual([]);
  });

  it('starts a streak reaching the first snapshot there, unless older snapshots exist', () => {
    const snapshots = history([10, { p95: true }], [11, { p95: true }]);
    expect(streakReachesFirstSnapshot(snapshots)).toBe(true);
    expect(keys(snapshots)).toEqual([`budget-exhausted|${REF}|p95|2026-11-10`]);
    // It began before the history read: due (and delivered) back then.
    expect(keys(snapshots, true)).toEqual([]);

    const broken = history([9, { p95: false }], [10, { p95: true }]);
    expect(streakReachesFirstSnapshot(broken)).toBe(false);
    expect(keys(broken, true)).toEqual([
      `budget-exhausted|${REF}|p95|2026-11-10`,
    ]);
  });

  it('keys an alarming burn rate by its streak; a known rate below the alarm ends it', () => {
    const snapshots = history(
      [1, { burn: true }],
      [2, { burn: false }],
      [3, { burn: true }],
      [4, { burn: null }],
      [5, { burn: true }],
    );
    const notices = supplyChainNotices({ product, snapshots });
    expect(notices).toEqual([
      expect.objectContaining({
        kind: 'burn-rate',
        dedupeKey: `burn-rate|${REF}|2026-11-03`,
        since: '2026-11-03',
        burnRate: expect.objectContaining({ value: 20, runs: 5 }),
      }),
    ]);
  });

  it('keys a tier at risk by the streak start its first snapshot judged, however the later ones move it', () => {
    const snapshots = history(
      [14, { tier: { atRisk: false } }],
      [15, { tier: { atRisk: true, atRiskSince: '2026-11-15' } }],
      // Judged over 15 days of scores, atRiskSince moves on every day.
      [16, { tier: { atRisk: true, atRiskSince: '2026-11-16' } }],
      [17, { tier: { atRisk: null } }],
      [18, { tier: { atRisk: true, atRiskSince: '2026-11-18' } }],
    );
    const notices = supplyChainNotices({
      product: { ...product, category: 'shared-mart' },
      snapshots,
    });
    expect(notices).toEqual([
      expect.objectContaining({
        kind: 'tier-at-risk',
        dedupeKey: `tier-at-risk|${REF}|2026-11-15`,
        since: '2026-11-15',
        product: {
          entityRef: REF,
          title: 'orders-core',
          category: 'shared-mart',
        },
        // The verdict is the newest one's.
        tierAtRisk: expect.objectContaining({ atRiskSince: '2026-11-18' }),
      }),
    ]);
  });

  it('starts a new tier streak after a day the tier was backed', () => {
    expect(
      keys(
        history(
          [15, { tier: { atRisk: true, atRiskSince: '2026-11-15' } }],
          [16, { tier: { atRisk: false } }],
          [30, { tier: { atRisk: true, atRiskSince: '2026-11-30' } }],
        ),
      ),
    ).toEqual([`tier-at-risk|${REF}|2026-11-30`]);
  });

  it('lists every condition due at once, budgets first', () => {
    expect(
      keys(
        history([
          1,
          {
            p95: true,
            p99: true,
            burn: true,
            tier: { atRisk: true, atRiskSince: '2026-11-01' },
          },
        ]),
      ),
    ).toEqual([
      `budget-exhausted|${REF}|p95|2026-11-01`,
      `budget-exhausted|${REF}|p99|2026-11-01`,
      `burn-rate|${REF}|2026-11-01`,
      `tier-at-risk|${REF}|2026-11-01`,
    ]);
  });

  it('tells nobody about a product without an owner, or without snapshots', () => {
    expect(
      supplyChainNotices({
        product: { ...product, owner: undefined },
        snapshots: history([1, { p95: true }]),
      }),
    ).toEqual([]);
    expect(supplyChainNotices({ product, snapshots: [] })).toEqual([]);
  });
});
