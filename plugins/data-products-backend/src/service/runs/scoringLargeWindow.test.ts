/**
 * Issue #11 item 4: refreshing a product with a hundred thousand runs in its
 * window used to read them all at once and score them in one synchronous
 * stretch, stalling every other request for seconds. Scoring now reads the
 * window in chunks and yields between them: the event loop never stalls
 * long, and the scores are the ones the spec's thresholds give for the
 * seeded runs, derived by hand below.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import request from 'supertest';
import { generatedRowsSql, startStallProbe } from '../../testUtils';
import { catalogProduct, createRunsApp, group } from './__testUtils__/runsApp';

jest.setTimeout(120_000);

const NOW = new Date('2026-11-25T12:00:00.000Z');
const RUNS = 100_000;
/**
 * The longest stretch between two turns of the event loop, in CPU time: far
 * above a chunk's work (some 25 ms on a busy machine), far below reading
 * the whole window at once (0.8 s on PostgreSQL, 2.3 s on SQLite before).
 */
const MAX_STALL_CPU_MS = 250;
/**
 * The same stretch as other requests wait it out. Generous: on a machine
 * shared with other work the process is also descheduled in between, which
 * stretches every turn (up to 0.5 s seen with 500-run chunks; 2.8 s and
 * 10.5 s before).
 */
const MAX_STALL_WALL_MS = 1000;

/**
 * Run i (0 ≤ i < 100,000) finishes (i + 1) × 20 s before NOW, so all are
 * within the last 23.2 days. It fails when i % 1000 = 999 (100 runs);
 * otherwise its lag (finish − watermark) is 40 min when i % 50 = 0 (2,000
 * runs, none of them failed: 999 % 50 = 49) and 10 min for the other
 * 97,900. Each reports 1,000 rows, 40 null customer_ids when i is even and
 * 20 when odd. Outside the window: 500 failed runs 31 to 32 days old and
 * 300 still running, which must not count.
 */
async function seed(knex: Knex, postgres: boolean) {
  const now = NOW.getTime();
  const columns = (nulls: number) => `'{"customer_id":{"nullCount":${nulls}}}'`;
  const { time, series } = generatedRowsSql(postgres);
  const finished = `${now} - (i + 1) * 20000`;
  await knex.raw(
    `INSERT INTO runs (entity_ref, run_id, status, event_time, started_at, finished_at, watermark, row_count, columns, recorded_at)
     SELECT 'dataproduct:default/orders', 'run-' || i,
            CASE WHEN i % 1000 = 999 THEN 'failed' ELSE 'success' END,
            ${time(finished)}, ${time(`${finished} - 60000`)}, ${time(
      finished,
    )},
            ${time(
              `${finished} - CASE WHEN i % 50 = 0 THEN 2400000 ELSE 600000 END`,
            )},
            1000,
            CASE WHEN i % 2 = 0 THEN ${columns(40)} ELSE ${columns(20)} END,
            ${time(String(now))}
     FROM (${series(RUNS)}) AS runs_seeded`,
  );
  const oldFinished = `${now - 31 * 86_400_000} - i * 1000`;
  await knex.raw(
    `INSERT INTO runs (entity_ref, run_id, status, event_time, finished_at, recorded_at)
     SELECT 'dataproduct:default/orders', 'old-' || i, 'failed',
            ${time(oldFinished)}, ${time(oldFinished)}, ${time(String(now))}
     FROM (${series(500)}) AS runs_seeded`,
  );
  await knex.raw(
    `INSERT INTO runs (entity_ref, run_id, status, event_time, started_at, recorded_at)
     SELECT 'dataproduct:default/orders', 'running-' || i, 'running',
            ${time(`${now} - i * 1000`)}, ${time(`${now} - i * 1000`)},
            ${time(String(now))}
     FROM (${series(300)}) AS runs_seeded`,
  );
  if (postgres) await knex.raw('ANALYZE runs');
}

describe('scoring a product with 100,000 runs in its window', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'on %p: other work keeps running during a refresh, and the scores are as derived',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { app } = await createRunsApp(knex, {
        entities: [
          catalogProduct('orders', {
            contract: {
              schema: [
                {
                  name: 'customer_id',
                  type: 'string',
                  description: 'Who ordered.',
                },
              ],
              freshness: { p95: '15m', p99: '30m' },
              quality: { keyFields: ['customer_id'], maxNullRate: 0.01 },
            },
          }),
          group('orders-team', ['user:default/ada']),
        ],
        clock: () => NOW,
      });
      // After the app: creating its store migrates the database.
      await seed(knex, databaseId.startsWith('POSTGRES'));

      const probe = startStallProbe();
      const response = await request(app).post(
        '/products/default/orders/scorecard/refresh',
      );
      const stall = probe.stop();

      expect(response.status).toBe(200);
      expect(stall.cpuMs).toBeLessThan(MAX_STALL_CPU_MS);
      expect(stall.wallMs).toBeLessThan(MAX_STALL_WALL_MS);

      const card = response.body;
      expect(card.window).toEqual({
        from: '2026-10-26T12:00:00.000Z',
        to: '2026-11-25T12:00:00.000Z',
        runs: 100_000,
      });
      // Freshness over the 99,900 successful runs: P95 is rank
      // ⌈0.95 × 99,900⌉ = 94,905, within the 97,900 lags of 10 min; P99 is
      // rank ⌈0.99 × 99,900⌉ = 98,901, past them, 40 min. P95 10 min ≤ 15
      // min but P99 40 min > 30 min: 4.
      expect(card.dimensions.freshness).toEqual(
        expect.objectContaining({
          score: 4,
          evidence: expect.objectContaining({
            runs: 100_000,
            successfulRuns: 99_900,
            measuredRuns: 99_900,
            p95LagMs: 10 * 60_000,
            p99LagMs: 40 * 60_000,
          }),
        }),
      );
      // Reliability: 100 failed + 2,000 later than the 30 min p99 = 2,100
      // breaches in 100,000 runs, 21 per 1,000: ≤ 50 → 3.
      expect(card.dimensions.reliability).toEqual(
        expect.objectContaining({
          score: 3,
          evidence: expect.objectContaining({
            runs: 100_000,
            failedRuns: 100,
            lateRuns: 2000,
            breaches: 2100,
            breachesPer1000: 21,
          }),
        }),
      );
      // Quality: mean null rate (0.04 + 0.02) / 2 = 0.03 against 0.01, 3×
      // the max: ≤ 5× → 3.
      expect(card.dimensions.quality.score).toBe(3);
      expect(card.dimensions.quality.evidence.checks).toEqual([
        expect.objectContaining({
          field: 'customer_id',
          metric: 'nullRate',
          runs: 100_000,
        }),
      ]);
      expect(card.dimensions.quality.evidence.checks[0].rate).toBeCloseTo(
        0.03,
        12,
      );
      // Nothing observed to drift against: stability unknown. Contract: all
      // fields described (1), p95 and p99 (1), no escalation, lineage or
      // access patterns (0, 0, 0): 40 % → 2. Ownership: a group with a
      // member, no channel, no on-call: 2 of 4 → 3. Reuse: no consumers → 1.
      expect(card.dimensions.stability.score).toBeNull();
      expect(card.dimensions.contract.score).toBe(2);
      expect(card.dimensions.ownership.score).toBe(3);
      expect(card.dimensions.reuse.score).toBe(1);
      // (4 + 3 + 3 + 2 + 3 + 1) / 6 = 2.67 → 2.7.
      expect(card.overall).toBe(2.7);
    },
  );
});
