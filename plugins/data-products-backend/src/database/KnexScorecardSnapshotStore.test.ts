import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { openStores } from './openStores';
import { ScorecardSnapshot } from './ScorecardSnapshotStore';

jest.setTimeout(120_000);

const ORDERS = 'dataproduct:default/orders';
const IDENTITY = 'dataproduct:default/identity';
const BARE = 'dataproduct:default/bare';

function row(
  entityRef: string,
  takenAt: string,
  overall: number | null,
  scores: Partial<Record<string, number | null>> = {},
) {
  return {
    entity_ref: entityRef,
    taken_at: new Date(takenAt),
    overall,
    freshness: null,
    reliability: null,
    quality: null,
    stability: null,
    contract: null,
    ownership: null,
    reuse: null,
    ...scores,
    evidence: '{}',
    window: '{"from":"x","to":"y","runs":0}',
  };
}

function snapshot(
  takenAt: string,
  overrides: Partial<ScorecardSnapshot> = {},
): ScorecardSnapshot {
  return {
    entityRef: ORDERS,
    takenAt: new Date(takenAt),
    overall: 4.3,
    scores: {
      freshness: 5,
      reliability: 4,
      quality: null,
      stability: null,
      contract: 4,
      ownership: 4,
      reuse: 1,
    },
    evidence: { freshness: { p95Seconds: 1200, runs: 10 } },
    window: {
      from: '2026-10-21T00:00:00.000Z',
      to: takenAt,
      runs: 10,
    },
    ...overrides,
  };
}

describe('KnexScorecardSnapshotStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function setup(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const clock = { ms: 1_000_000 };
    const { scorecardSnapshots: reader } = await openStores(
      mockServices.database({ knex }),
      { latestScores: { monotonicNow: () => clock.ms } },
    );
    return { knex, reader, clock };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('reads nothing from an empty table', async () => {
      const { reader } = await setup(databaseId);
      expect(await reader.latestScores()).toEqual(new Map());
    });

    it('reads the latest snapshot of each product, whatever the insert order', async () => {
      const { knex, reader } = await setup(databaseId);
      await knex('scorecard_snapshots').insert([
        row(ORDERS, '2026-11-24T06:00:00Z', 4.1, { freshness: 5 }),
        row(ORDERS, '2026-11-25T06:00:00Z', 2.5, {
          freshness: 3,
          reliability: 2,
          quality: 1,
          stability: 4,
          contract: 4,
          ownership: 5,
          reuse: 1,
        }),
        row(ORDERS, '2026-11-23T06:00:00Z', 1, { freshness: 1 }),
        row(IDENTITY, '2026-11-20T06:00:00Z', null),
        row(IDENTITY, '2026-10-20T06:00:00Z', 3, { contract: 3 }),
      ]);

      const latest = await reader.latestScores();

      expect([...latest.keys()].sort()).toEqual([IDENTITY, ORDERS]);
      expect(latest.get(ORDERS)).toEqual({
        entityRef: ORDERS,
        takenAt: new Date('2026-11-25T06:00:00Z'),
        overall: 2.5,
        scores: {
          freshness: 3,
          reliability: 2,
          quality: 1,
          stability: 4,
          contract: 4,
          ownership: 5,
          reuse: 1,
        },
      });
      // The latest snapshot wins even where it knows less than an older one.
      expect(latest.get(IDENTITY)).toEqual({
        entityRef: IDENTITY,
        takenAt: new Date('2026-11-20T06:00:00Z'),
        overall: null,
        scores: {
          freshness: null,
          reliability: null,
          quality: null,
          stability: null,
          contract: null,
          ownership: null,
          reuse: null,
        },
      });
      expect(latest.has(BARE)).toBe(false);
    });

    it('takes the one written last of two snapshots taken at the same time', async () => {
      const { knex, reader } = await setup(databaseId);
      await knex('scorecard_snapshots').insert(
        row(ORDERS, '2026-11-25T06:00:00Z', 3.3),
      );
      await knex('scorecard_snapshots').insert(
        row(ORDERS, '2026-11-25T06:00:00Z', 4.4),
      );

      const latest = await reader.latestScores();

      expect(latest.size).toBe(1);
      expect(latest.get(ORDERS)?.overall).toBe(4.4);
    });

    it('keeps decimals of overall and returns scores as numbers', async () => {
      const { knex, reader } = await setup(databaseId);
      await knex('scorecard_snapshots').insert(
        row(ORDERS, '2026-11-25T06:00:00Z', 3.7, { reuse: 2 }),
      );

      const scores = (await reader.latestScores()).get(ORDERS)!;

      expect(scores.overall).toBe(3.7);
      expect(typeof scores.scores.reuse).toBe('number');
      expect(scores.takenAt).toBeInstanceOf(Date);
    });

    describe('between full reads', () => {
      it('picks up a snapshot the moment it is written, reading only new rows', async () => {
        const { knex, reader, clock } = await setup(databaseId);
        await knex('scorecard_snapshots').insert([
          row(ORDERS, '2026-11-24T06:00:00Z', 3),
          row(IDENTITY, '2026-11-24T06:00:00Z', 2),
        ]);
        const first = await reader.latestScores();
        expect(first.get(ORDERS)?.overall).toBe(3);

        const queries: string[] = [];
        knex.on('query', (query: { sql: string }) => queries.push(query.sql));
        clock.ms += 1_000;
        await knex('scorecard_snapshots').insert(
          row(ORDERS, '2026-11-25T06:00:00Z', 4.5),
        );
        queries.length = 0;
        const second = await reader.latestScores();

        expect(second.get(ORDERS)?.overall).toBe(4.5);
        expect(second.get(IDENTITY)?.overall).toBe(2);
        // the map handed out before is left as it was
        expect(first.get(ORDERS)?.overall).toBe(3);
        expect(queries).toHaveLength(1);
        expect(queries[0]).not.toMatch(/group by/i);
        knex.removeAllListeners('query');
      });

      it('keeps the latest when an older snapshot is written later', async () => {
        const { knex, reader, clock } = await setup(databaseId);
        await knex('scorecard_snapshots').insert(
          row(ORDERS, '2026-11-25T06:00:00Z', 4),
        );
        await reader.latestScores();
        clock.ms += 1_000;
        await knex('scorecard_snapshots').insert(
          row(ORDERS, '2026-11-01T06:00:00Z', 1),
        );

        expect((await reader.latestScores()).get(ORDERS)?.overall).toBe(4);
      });

      it('reads a row again for a while, in case it committed after a higher id', async () => {
        const { knex, reader, clock } = await setup(databaseId);
        await knex('scorecard_snapshots').insert({
          id: 100,
          ...row(IDENTITY, '2026-11-25T06:00:00Z', 2),
        });
        await reader.latestScores();
        clock.ms += 1_000;
        await knex('scorecard_snapshots').insert({
          id: 200,
          ...row(IDENTITY, '2026-11-25T07:00:00Z', 2.5),
        });
        await reader.latestScores();
        clock.ms += 1_000;
        // id 150 was taken before 200 but committed after it was read
        await knex('scorecard_snapshots').insert({
          id: 150,
          ...row(ORDERS, '2026-11-25T06:00:00Z', 3.3),
        });

        const latest = await reader.latestScores();

        expect(latest.get(ORDERS)?.overall).toBe(3.3);
        expect(latest.get(IDENTITY)?.overall).toBe(2.5);
      });

      it('reads everything again at the full-read interval', async () => {
        const { knex, reader, clock } = await setup(databaseId);
        await knex('scorecard_snapshots').insert({
          id: 100,
          ...row(IDENTITY, '2026-11-25T06:00:00Z', 2),
        });
        await reader.latestScores();
        // past the re-read window, a row with a lower id is not looked for…
        clock.ms += 60_000;
        await reader.latestScores();
        await knex('scorecard_snapshots').insert({
          id: 50,
          ...row(ORDERS, '2026-11-25T06:00:00Z', 3.3),
        });
        expect((await reader.latestScores()).has(ORDERS)).toBe(false);

        // …until the next full read
        clock.ms += 5 * 60_000;
        expect((await reader.latestScores()).get(ORDERS)?.overall).toBe(3.3);
      });

      it('serves concurrent callers from one read', async () => {
        const { knex, reader } = await setup(databaseId);
        await knex('scorecard_snapshots').insert(
          row(ORDERS, '2026-11-25T06:00:00Z', 4),
        );
        const [a, b] = await Promise.all([
          reader.latestScores(),
          reader.latestScores(),
        ]);
        expect(a).toBe(b);
      });
    });

    it('reads the freshness evidence of the latest snapshot of the products asked for', async () => {
      const { knex, reader } = await setup(databaseId);
      const freshness = (p95LagMs: number) => ({
        evidence: { p95LagMs, measuredRuns: 3 },
        summary: `P95 ${p95LagMs}`,
      });
      const withEvidence = (
        entityRef: string,
        takenAt: string,
        evidence: Record<string, unknown>,
      ) => ({
        ...row(entityRef, takenAt, 3),
        evidence: JSON.stringify(evidence),
      });
      await knex('scorecard_snapshots').insert([
        withEvidence(ORDERS, '2026-11-24T06:00:00.000Z', {
          freshness: freshness(1),
        }),
        withEvidence(ORDERS, '2026-11-25T06:00:00.000Z', {
          freshness: freshness(2),
          supplyChain: { recentRuns: [] },
        }),
        // taken at the same time, written last: this one counts
        withEvidence(ORDERS, '2026-11-25T06:00:00.000Z', {
          freshness: freshness(3),
        }),
        // a snapshot without freshness evidence
        withEvidence(IDENTITY, '2026-11-25T06:00:00.000Z', {}),
        withEvidence(BARE, '2026-11-25T06:00:00.000Z', {
          freshness: freshness(4),
        }),
      ]);

      const read = await reader.latestFreshnessEvidence([
        ORDERS,
        IDENTITY,
        'dataproduct:default/never-scored',
      ]);

      expect(Object.fromEntries(read)).toEqual({
        [ORDERS]: {
          takenAt: new Date('2026-11-25T06:00:00.000Z'),
          freshness: freshness(3),
        },
        [IDENTITY]: {
          takenAt: new Date('2026-11-25T06:00:00.000Z'),
          freshness: null,
        },
      });
      expect((await reader.latestFreshnessEvidence([])).size).toBe(0);
    });

    it('reads the freshness evidence of more products than one statement binds', async () => {
      const { knex, reader } = await setup(databaseId);
      const refs = Array.from(
        { length: 450 },
        (_, i) => `dataproduct:default/p-${i}`,
      );
      const rows = refs.map((ref, i) => ({
        ...row(ref, '2026-11-25T06:00:00.000Z', 3),
        evidence: JSON.stringify({ freshness: { evidence: { p95LagMs: i } } }),
      }));
      for (let i = 0; i < rows.length; i += 30) {
        await knex('scorecard_snapshots').insert(rows.slice(i, i + 30));
      }

      const read = await reader.latestFreshnessEvidence(refs);

      expect(read.size).toBe(450);
      expect(read.get('dataproduct:default/p-449')?.freshness).toEqual({
        evidence: { p95LagMs: 449 },
      });
    });

    it('reads the latest snapshot times of the products asked for only, across statements', async () => {
      const { knex, reader } = await setup(databaseId);
      // 600 products, two snapshots each, day 1 and day 2; the latest of
      // p-i is day 2 at i minutes past midnight.
      const refs = Array.from(
        { length: 600 },
        (_, i) => `dataproduct:default/p-${i}`,
      );
      const rows = refs.flatMap((ref, i) => [
        row(ref, '2026-11-24T06:00:00.000Z', 3),
        row(ref, new Date(Date.UTC(2026, 10, 25, 0, i)).toISOString(), 3),
      ]);
      for (let i = 0; i < rows.length; i += 30) {
        await knex('scorecard_snapshots').insert(rows.slice(i, i + 30));
      }

      // 550 asked for (more than one IN list holds), one of them unknown.
      const asked = [...refs.slice(50), 'dataproduct:default/never-scored'];
      const times = await reader.latestSnapshotTimes(asked);

      expect(times.size).toBe(550);
      expect(times.has('dataproduct:default/p-49')).toBe(false);
      expect(times.has('dataproduct:default/never-scored')).toBe(false);
      expect(times.get('dataproduct:default/p-50')).toEqual(
        new Date('2026-11-25T00:50:00.000Z'),
      );
      expect(times.get('dataproduct:default/p-599')).toEqual(
        new Date('2026-11-25T09:59:00.000Z'),
      );
      expect(await reader.latestSnapshotTimes([])).toEqual(new Map());
    });

    it('stores snapshots and reads the latest and the history', async () => {
      const { reader: store } = await setup(databaseId);
      expect(await store.latestSnapshot(ORDERS)).toBeUndefined();

      const older = snapshot('2026-11-18T00:00:00.000Z', { overall: 3.7 });
      const newer = snapshot('2026-11-19T00:00:00.000Z');
      const unknown = snapshot('2026-11-20T00:00:00.000Z', {
        entityRef: IDENTITY,
        overall: null,
        scores: {
          freshness: null,
          reliability: null,
          quality: null,
          stability: null,
          contract: 2,
          ownership: 1,
          reuse: 1,
        },
      });
      await store.insertSnapshot(newer);
      await store.insertSnapshot(older);
      await store.insertSnapshot(unknown);

      expect(await store.latestSnapshot(ORDERS)).toEqual(newer);
      expect(await store.latestSnapshot(IDENTITY)).toEqual(unknown);
      expect(
        await store.snapshotHistory(
          ORDERS,
          new Date('2026-11-01T00:00:00Z'),
          new Date('2026-11-30T00:00:00Z'),
        ),
      ).toEqual([older, newer]);
      expect(
        await store.snapshotHistory(
          ORDERS,
          new Date('2026-11-18T12:00:00Z'),
          new Date('2026-11-19T00:00:00Z'),
        ),
      ).toEqual([newer]);
      expect(await store.latestSnapshotTimes()).toEqual(
        new Map([
          [ORDERS, newer.takenAt],
          [IDENTITY, unknown.takenAt],
        ]),
      );
      // The inventory reads the same rows through the same mapper.
      expect(await store.latestScores()).toEqual(
        new Map([
          [ORDERS, scoresOnly(newer)],
          [IDENTITY, scoresOnly(unknown)],
        ]),
      );
    });

    it('stores the supply-chain flags in their columns and reads the score history without the evidence', async () => {
      const { reader: store } = await setup(databaseId);
      const flagged = snapshot('2026-11-18T00:00:00.000Z', {
        flags: { fragile: true, tierAtRisk: false, budgetExhausted: null },
      });
      const unflagged = snapshot('2026-11-19T00:00:00.000Z');
      await store.insertSnapshot(flagged);
      await store.insertSnapshot(unflagged);

      expect(
        await store.scoreHistory(
          ORDERS,
          new Date('2026-11-01T00:00:00Z'),
          new Date('2026-11-30T00:00:00Z'),
        ),
      ).toEqual([scoresOnly(flagged), scoresOnly(unflagged)]);
      expect(
        await store.scoreHistory(
          ORDERS,
          new Date('2026-11-18T12:00:00Z'),
          new Date('2026-11-30T00:00:00Z'),
        ),
      ).toEqual([scoresOnly(unflagged)]);
      // None known: no flags, as the snapshot was given.
      expect((await store.latestScores()).get(ORDERS)).toEqual(
        scoresOnly(unflagged),
      );
      const [first] = await store.snapshotHistory(
        ORDERS,
        new Date('2026-11-18T00:00:00Z'),
        new Date('2026-11-18T00:00:00Z'),
      );
      expect(first.flags).toEqual({
        fragile: true,
        tierAtRisk: false,
        budgetExhausted: null,
      });
    });
  });
});

/** What the inventory reads of a snapshot: all but its evidence and window. */
function scoresOnly({ evidence, window, ...scores }: ScorecardSnapshot) {
  return scores;
}
