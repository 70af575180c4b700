import {
  LineageGraph,
  SupplyChainRun,
  computeSupplyChain,
} from '@stockroom/plugin-data-products-common';
import { computeSupplyChainInTurns } from './computeSupplyChainInTurns';

const NOW = new Date('2026-11-25T12:00:00.000Z');
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** n runs of a product, one an hour back from NOW, every 7th failed, in shuffled order. */
function runsOf(prefix: string, n: number, offsetMs: number): SupplyChainRun[] {
  const runs: SupplyChainRun[] = [];
  for (let i = 0; i < n; i++) {
    const finish = NOW.getTime() - i * HOUR - offsetMs;
    runs.push({
      runId: `${prefix}-${i}`,
      status: i % 7 === 3 ? 'failed' : 'success',
      startedAt: iso(finish - 20 * 60_000),
      finishedAt: iso(finish),
      watermark: iso(finish - ((i * 37) % 180) * 60_000),
      rowCount: 1000 + ((i * 53) % 400),
    });
  }
  // Reversed halves: the runs do not come in finish order.
  return [...runs.slice(n / 2), ...runs.slice(0, n / 2).reverse()];
}

describe('computeSupplyChainInTurns', () => {
  it('gives what computeSupplyChain gives, across turns, a lineage cycle and an upstream that never ran', async () => {
    // More runs than one turn handles, over more than the window.
    const graph = new LineageGraph([
      {
        entityRef: 'dataproduct:default/orders',
        upstreams: ['dataproduct:default/crm', 'dataproduct:default/never-ran'],
        runs: runsOf('orders', 5000, 30 * 60_000),
      },
      {
        entityRef: 'dataproduct:default/crm',
        upstreams: ['dataproduct:default/raw'],
        runs: runsOf('crm', 1000, 0),
      },
      {
        entityRef: 'dataproduct:default/raw',
        upstreams: ['dataproduct:default/crm'],
        runs: runsOf('raw', 800, 45 * 60_000),
      },
      { entityRef: 'dataproduct:default/never-ran', upstreams: [], runs: [] },
    ]);
    const input = {
      entityRef: 'dataproduct:default/orders',
      graph,
      freshness: { p95: '2h', p99: '3h' },
      leadTimeTarget: '1h',
      upstreamDrift: [
        {
          entityRef: 'dataproduct:default/crm',
          openedAt: ['2026-11-01T00:00:00Z'],
        },
      ],
      windowDays: 30,
    };
    expect(await computeSupplyChainInTurns(input, NOW)).toEqual(
      computeSupplyChain(input, NOW),
    );
  });
});
