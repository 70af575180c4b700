/**
 * KnexRunStore.scoringRuns: a product's window read in keyset pages, each
 * run exactly once, oldest first, whatever the chunk boundaries cut through
 * (runs finishing at the same instant, PostgreSQL's microseconds).
 */
import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { ScoringRun } from '@stockroom/plugin-data-products-common';
import { RunStore } from './RunStore';
import { openStores } from './openStores';
import { RunRecord, ScoringRunsOptions } from './RunStore';

jest.setTimeout(60_000);

const ORDERS = 'dataproduct:default/orders';
const T = Date.parse('2026-11-25T10:00:00.000Z');
const MINUTE = 60_000;

function run(
  runId: string,
  finishedAt: number,
  overrides: Partial<RunRecord> = {},
): RunRecord {
  return {
    entityRef: ORDERS,
    runId,
    status: 'success',
    eventTime: new Date(finishedAt),
    startedAt: new Date(finishedAt - MINUTE),
    finishedAt: new Date(finishedAt),
    ...overrides,
  };
}

describe('KnexRunStore.scoringRuns', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = (await openStores(mockServices.database({ knex }))).runs;
    return { knex, store };
  }

  async function read(
    store: RunStore,
    options: Partial<ScoringRunsOptions> = {},
  ): Promise<ScoringRun[][]> {
    const chunks: ScoringRun[][] = [];
    for await (const chunk of store.scoringRuns(ORDERS, {
      from: new Date(T - 60 * MINUTE),
      to: new Date(T),
      statuses: ['success', 'failed'],
      ...options,
    })) {
      chunks.push(chunk);
      // A cursor that does not move would read forever: fail instead.
      if (chunks.length > 100) throw new Error('read the same runs again');
    }
    return chunks;
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('reads the window oldest first in chunks, each run once, ties in the order stored', async () => {
      const { store } = await createStore(databaseId);
      // Stored out of order; c1…c5 finish at the same instant, so every
      // chunk boundary of size 2 falls among equal times.
      await store.insertRuns(
        [
          run('late', T - 10 * MINUTE),
          run('c1', T - 30 * MINUTE),
          run('c2', T - 30 * MINUTE),
          run('early', T - 50 * MINUTE),
          run('c3', T - 30 * MINUTE),
          run('c4', T - 30 * MINUTE),
          run('c5', T - 30 * MINUTE),
        ],
        new Date(T),
      );

      const chunks = await read(store, { chunkSize: 2 });

      expect(chunks.map(chunk => chunk.map(r => r.runId))).toEqual([
        ['early', 'c1'],
        ['c2', 'c3'],
        ['c4', 'c5'],
        ['late'],
      ]);
    });

    it('keeps to the window, the product and the statuses asked for', async () => {
      const { store } = await createStore(databaseId);
      await store.insertRuns(
        [
          run('from', T - 60 * MINUTE),
          run('to', T, { status: 'failed' }),
          run('before', T - 60 * MINUTE - 1),
          run('after', T + 1),
          run('aborted', T - 5 * MINUTE, { status: 'aborted' }),
          run('running', T - 5 * MINUTE, {
            status: 'running',
            finishedAt: undefined,
          }),
          run('other-product', T - 5 * MINUTE, {
            entityRef: 'dataproduct:default/identity',
          }),
        ],
        new Date(T),
      );

      expect((await read(store)).flat().map(r => r.runId)).toEqual([
        'from',
        'to',
      ]);
      expect(
        (await read(store, { statuses: ['success', 'failed', 'aborted'] }))
          .flat()
          .map(r => r.runId),
      ).toEqual(['from', 'aborted', 'to']);
    });

    it('hands over what scoring reads, times as epoch milliseconds', async () => {
      const { store } = await createStore(databaseId);
      await store.insertRuns(
        [
          run('measured', T - 20 * MINUTE, {
            watermark: new Date(T - 50 * MINUTE),
            rowCount: 1200,
            columns: { customer_id: { nullCount: 3, distinctCount: 1197 } },
          }),
          run('bare', T - 10 * MINUTE, { status: 'failed' }),
        ],
        new Date(T),
      );

      expect((await read(store)).flat()).toEqual([
        {
          runId: 'measured',
          status: 'success',
          startedAt: T - 21 * MINUTE,
          finishedAt: T - 20 * MINUTE,
          watermark: T - 50 * MINUTE,
          rowCount: 1200,
          columns: { customer_id: { nullCount: 3, distinctCount: 1197 } },
        },
        {
          runId: 'bare',
          status: 'failed',
          startedAt: T - 11 * MINUTE,
          finishedAt: T - 10 * MINUTE,
        },
      ]);
    });

    it('reads nothing from an empty window', async () => {
      const { store } = await createStore(databaseId);
      expect(await read(store)).toEqual([]);
    });
  });

  // Only PostgreSQL keeps time below the millisecond.
  if (databases.eachSupportedId().some(([id]) => id === 'POSTGRES_15')) {
    it('pages through times that differ below the millisecond on PostgreSQL', async () => {
      const { knex, store } = await createStore('POSTGRES_15');
      // Written by something other than Stockroom: microseconds a JavaScript
      // Date cannot hold. Each must still be read once, in order.
      const finished = ['.123900', '.123100', '.123500'];
      const at = (fraction: string) =>
        knex.raw('?::timestamptz', [`2026-11-25T09:30:00${fraction}Z`]);
      await knex('runs').insert(
        finished.map((fraction, i) => ({
          entity_ref: ORDERS,
          run_id: `micro-${i}`,
          status: 'success',
          event_time: at(fraction),
          finished_at: at(fraction),
          recorded_at: new Date(T),
        })),
      );

      const chunks = await read(store, { chunkSize: 1 });

      expect(chunks.map(chunk => chunk.map(r => r.runId))).toEqual([
        ['micro-1'],
        ['micro-2'],
        ['micro-0'],
      ]);
    });
  }
});
