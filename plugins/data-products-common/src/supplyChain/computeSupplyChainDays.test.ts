import fc from 'fast-check';
import { DAY, HOUR, T0, h, ok } from './__fixtures__/lineage';
import { computeSupplyChain } from './computeSupplyChain';
import { computeSupplyChainDays } from './computeSupplyChainDays';
import { LineageGraph } from './endToEnd';
import type { SupplyChainRun } from './types';

const S = 'dataproduct:default/source';
const P = 'dataproduct:default/product';

describe('computeSupplyChainDays', () => {
  it('gives each day the figures of its own window, by hand', () => {
    // S delivers at 0h and 24h; P runs at 2h (start 1h) and 30h (start 29h),
    // a 1-day window: at the end of day 1 (24h) only P's first run counts,
    // absorbing S@0 → lead time 2h; at the end of day 2 (48h) only the
    // second, absorbing S@24 → lead time 6h.
    const graph = new LineageGraph([
      { entityRef: S, upstreams: [], runs: [ok('s0', 0), ok('s24', 24)] },
      {
        entityRef: P,
        upstreams: [S],
        runs: [ok('p2', 2, 1), ok('p30', 30, 29)],
      },
    ]);
    const [day1, day2] = computeSupplyChainDays(
      { entityRef: P, graph, windowDays: 1, leadTimeTarget: '4h' },
      [new Date(T0 + DAY), new Date(T0 + 2 * DAY)],
    );
    expect(day1.leadTime.evidence.p95Ms).toBe(2 * HOUR);
    expect(day1.leadTime.overTarget).toBe(false);
    expect(day2.leadTime.evidence.p95Ms).toBe(6 * HOUR);
    expect(day2.leadTime.overTarget).toBe(true);
  });

  it('equals computeSupplyChain at every day, on any run history', () => {
    const run = (prefix: string) =>
      fc
        .record({
          finished: fc.integer({ min: 0, max: 20 * 24 }),
          took: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
          failed: fc.boolean(),
          dataAge: fc.option(fc.integer({ min: 0, max: 48 }), {
            nil: undefined,
          }),
          rows: fc.option(fc.integer({ min: 0, max: 1000 }), {
            nil: undefined,
          }),
        })
        .map(
          ({ finished, took, failed, dataAge, rows }): SupplyChainRun => ({
            ...ok(
              `${prefix}${finished}`,
              finished,
              took === undefined ? undefined : finished - took,
            ),
            status: failed ? 'failed' : 'success',
            ...(dataAge === undefined
              ? {}
              : { watermark: h(finished - dataAge) }),
            ...(rows === undefined ? {} : { rowCount: rows }),
          }),
        );
    // Run ids unique within a product, as the store keeps them.
    const runs = (prefix: string, maxLength: number) =>
      fc
        .array(run(prefix), { maxLength })
        .map(list => list.map((r, i) => ({ ...r, runId: `${prefix}${i}` })));
    fc.assert(
      fc.property(
        runs('s', 30),
        runs('p', 60),
        fc.uniqueArray(fc.integer({ min: 0, max: 22 }), { maxLength: 6 }),
        fc.integer({ min: 1, max: 10 }),
        (sourceRuns, productRuns, dayNumbers, windowDays) => {
          const graph = new LineageGraph([
            { entityRef: S, upstreams: [], runs: sourceRuns },
            { entityRef: P, upstreams: [S], runs: productRuns },
          ]);
          const input = {
            entityRef: P,
            graph,
            windowDays,
            freshness: { p95: '6h', p99: '12h' },
            leadTimeTarget: '5h',
          };
          const days = dayNumbers.map(d => new Date(T0 + d * DAY));
          const reports = computeSupplyChainDays(input, days);
          days.forEach((day, i) => {
            expect(reports[i]).toEqual(computeSupplyChain(input, day));
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
