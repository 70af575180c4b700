import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { openStores } from './openStores';
import { ScorecardSnapshot } from './ScorecardSnapshotStore';

jest.setTimeout(120_000);

const ORDERS = 'dataproduct:default/orders';
const IDENTITY = 'dataproduct:default/identity';

function snapshot(
  entityRef: string,
  takenAt: string,
  overall: number,
  scores: Partial<ScorecardSnapshot['scores']> = {},
): ScorecardSnapshot {
  return {
    entityRef,
    takenAt: new Date(takenAt),
    overall,
    scores: {
      freshness: null,
      reliability: null,
      quality: null,
      stability: null,
      contract: null,
      ownership: null,
      reuse: null,
      ...scores,
    },
    evidence: {},
    window: { from: 'x', to: 'y', runs: 0 },
  };
}

/** What the inventory's read model joins: overall and breaching, by product. */
async function latest(knex: Knex) {
  const rows = await knex('latest_scores')
    .select('entity_ref', 'overall', 'breaching')
    .orderBy('entity_ref');
  return Object.fromEntries(
    rows.map(row => [
      row.entity_ref,
      { overall: Number(row.overall), breaching: Boolean(row.breaching) },
    ]),
  );
}

describe('latest_scores, kept with the snapshots', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      const { scorecardSnapshots } = await openStores(
        mockServices.database({ knex }),
      );
      return { knex, snapshots: scorecardSnapshots };
    }

    it('holds the newest snapshot of each product, whatever the write order', async () => {
      const { knex, snapshots } = await setup();

      await snapshots.insertSnapshot(
        snapshot(ORDERS, '2026-11-25T10:00:00Z', 4.1, { freshness: 5 }),
      );
      // an older one written later (a slow pass) does not take its place
      await snapshots.insertSnapshot(
        snapshot(ORDERS, '2026-11-25T09:00:00Z', 1.5, { freshness: 1 }),
      );
      // freshness 3 is a breach (spec: freshness ≤ 3 or reliability ≤ 2)
      await snapshots.insertSnapshot(
        snapshot(IDENTITY, '2026-11-25T08:00:00Z', 3.2, { freshness: 3 }),
      );

      expect(await latest(knex)).toEqual({
        [IDENTITY]: { overall: 3.2, breaching: true },
        [ORDERS]: { overall: 4.1, breaching: false },
      });

      await snapshots.insertSnapshot(
        snapshot(ORDERS, '2026-11-25T11:00:00Z', 2, { reliability: 2 }),
      );
      expect((await latest(knex))[ORDERS]).toEqual({
        overall: 2,
        breaching: true,
      });
    });

    it('takes a recomputed day written at the same instant, and the newest of a backfill', async () => {
      const { knex, snapshots } = await setup();
      const dayEnd = '2026-11-24T23:59:59.999Z';

      await snapshots.replaceSnapshots(ORDERS, [
        snapshot(ORDERS, '2026-11-22T23:59:59.999Z', 2),
        snapshot(ORDERS, dayEnd, 3),
        snapshot(ORDERS, '2026-11-23T23:59:59.999Z', 4),
      ]);
      expect((await latest(knex))[ORDERS].overall).toBe(3);

      // the day recomputed: same instant, new scores
      await snapshots.replaceSnapshots(ORDERS, [snapshot(ORDERS, dayEnd, 3.7)]);
      expect((await latest(knex))[ORDERS].overall).toBe(3.7);
    });

    it('catches up with snapshots it missed, and leaves newer rows alone', async () => {
      const { knex, snapshots } = await setup();
      await snapshots.insertSnapshot(
        snapshot(ORDERS, '2026-11-25T10:00:00Z', 4.1),
      );
      // written around the store, as by a version before latest_scores
      const raw = (entityRef: string, takenAt: string, overall: number) => ({
        entity_ref: entityRef,
        taken_at: new Date(takenAt),
        overall,
        freshness: 2,
        evidence: '{}',
        window: '{}',
      });
      await knex('scorecard_snapshots').insert([
        raw(IDENTITY, '2026-11-25T08:00:00Z', 2.5),
        raw(ORDERS, '2026-11-25T09:00:00Z', 1),
      ]);

      expect(await snapshots.reconcileLatestScores()).toBe(1);
      expect(await latest(knex)).toEqual({
        [IDENTITY]: { overall: 2.5, breaching: true },
        [ORDERS]: { overall: 4.1, breaching: false },
      });
      // nothing left behind: a second pass writes nothing
      expect(await snapshots.reconcileLatestScores()).toBe(0);
    });
  });
});
