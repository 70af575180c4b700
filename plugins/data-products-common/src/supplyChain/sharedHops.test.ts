import { h, HOUR, ok } from './__fixtures__/lineage';
import { LineageGraph } from './endToEnd';
import { SharedHops } from './sharedHops';
import type { LineageProduct } from './types';

const S = 'dataproduct:default/source';
const M = 'dataproduct:default/mart';
const P = 'dataproduct:default/product';

// S ← M ← P. s1 finishes at 1h; m1 runs 2h–3h (absorbs s1: 2h); p1 runs
// 4h–6h (absorbs m1: 3h), so p1's end-to-end lead time is 6h − 1h = 5h.
// Each graph reads its own copy of the runs, as two products' reads of one
// pass do: equal runs, different objects.
function sourceOf() {
  return { entityRef: S, upstreams: [], runs: [ok('s1', 1)] };
}
function martOf(runs = [ok('m1', 3, 2)]): LineageProduct {
  return { entityRef: M, upstreams: [S], runs };
}

describe('SharedHops', () => {
  it('lets a later graph reuse a hop worked out by an earlier one', () => {
    const shared = new SharedHops();
    // The mart's own graph works out m1's hop…
    const martGraph = new LineageGraph([martOf(), sourceOf()], {
      sharedHops: shared,
    });
    expect(martGraph.endToEndLeadTimes(M)[0].leadTimeMs).toBe(2 * HOUR);
    // …and the product's graph, whose copy of m1 is another object, finds it.
    const m1 = ok('m1', 3, 2);
    expect(shared.get(M, m1)?.origin?.runId).toBe('s1');
    const productGraph = new LineageGraph(
      [
        { entityRef: P, upstreams: [M], runs: [ok('p1', 6, 4)] },
        martOf([m1]),
        sourceOf(),
      ],
      { sharedHops: shared },
    );
    const [p1] = productGraph.endToEndLeadTimes(P, { chains: true });
    expect(p1.leadTimeMs).toBe(5 * HOUR);
    expect(p1.chain).toEqual([
      { entityRef: P, runId: 'p1', finishedAt: h(6), leadTimeMs: 3 * HOUR },
      { entityRef: M, runId: 'm1', finishedAt: h(3), leadTimeMs: 2 * HOUR },
      { entityRef: S, runId: 's1', finishedAt: h(1), leadTimeMs: null },
    ]);
  });

  it('does not reuse a hop of a run read again with other times', () => {
    const shared = new SharedHops();
    new LineageGraph([martOf(), sourceOf()], {
      sharedHops: shared,
    }).endToEndLeadTimes(M);
    // m1 read again after a late event moved its start before s1's finish:
    // it absorbed nothing, whatever the first graph worked out.
    const restarted = ok('m1', 3, 0.5);
    expect(shared.get(M, restarted)).toBeUndefined();
    const graph = new LineageGraph([martOf([restarted]), sourceOf()], {
      sharedHops: shared,
    });
    const [m1] = graph.endToEndLeadTimes(M);
    expect(m1.leadTimeMs).toBeNull();
    expect(m1.cause).toBe('nothing-absorbed');
  });

  it('is neither read nor written by a graph with a lineage loop', () => {
    // A ← B ← A: b1 (2h–3h) absorbs a0 (1h); a2 (4h–5h) absorbs b1.
    const A = 'dataproduct:default/a';
    const B = 'dataproduct:default/b';
    const shared = new SharedHops();
    // An acyclic graph in which b1's chain reaches a0 and ends there.
    new LineageGraph(
      [
        { entityRef: B, upstreams: [A], runs: [ok('b1', 3, 2)] },
        { entityRef: A, upstreams: [], runs: [ok('a0', 1)] },
      ],
      { sharedHops: shared },
    ).endToEndLeadTimes(B);
    expect(shared.get(B, ok('b1', 3, 2))).toBeDefined();
    // In the looping graph a2's hop to b1 is inside the loop: unknown,
    // not the 4h the acyclic graph's hop of b1 would add up to.
    const looping = new LineageGraph(
      [
        { entityRef: A, upstreams: [B], runs: [ok('a0', 1), ok('a2', 5, 4)] },
        { entityRef: B, upstreams: [A], runs: [ok('b1', 3, 2)] },
      ],
      { sharedHops: shared },
    );
    const a2 = looping.endToEndLeadTimes(A).find(e => e.runId === 'a2')!;
    expect(a2.cause).toBe('lineage-cycle');
    expect(shared.get(A, ok('a2', 5, 4))).toBeUndefined();
  });

  it('drops the least recently used product beyond its capacity', () => {
    const shared = new SharedHops(1);
    new LineageGraph([martOf(), sourceOf()], {
      sharedHops: shared,
    }).endToEndLeadTimes(M);
    // The walk from m1 reaches s1 first and remembers m1's hop on the way
    // back down: M was used last, so S is dropped.
    expect(shared.get(M, ok('m1', 3, 2))).toBeDefined();
    expect(shared.get(S, ok('s1', 1))).toBeUndefined();
  });
});

describe('LineageGraph.leadTimesOfRun', () => {
  const graph = new LineageGraph([
    sourceOf(),
    martOf(),
    {
      entityRef: P,
      upstreams: [M],
      runs: [ok('p1', 6, 4), ok('p0', 0.5, 0.25)],
    },
  ]);
  const product = graph.product(P)!;

  it('gives a run its own lead time and its end-to-end lead time', () => {
    const [p1] = product.runs;
    // own: 6h − 3h (m1); end to end: 6h − 1h (s1).
    expect(graph.leadTimesOfRun(product, p1)).toEqual({
      own: {
        finishedAt: h(6),
        finishedMs: Date.parse(h(6)),
        leadTimeMs: 3 * HOUR,
        cause: null,
      },
      endToEnd: {
        finishedAt: h(6),
        finishedMs: Date.parse(h(6)),
        leadTimeMs: 5 * HOUR,
        cause: null,
      },
    });
  });

  it('gives the cause when a run absorbed nothing', () => {
    // p0 started at 15 min, before m1 (3h) finished: nothing absorbed.
    const p0 = product.runs[1];
    const measured = graph.leadTimesOfRun(product, p0)!;
    expect(measured.own).toMatchObject({
      leadTimeMs: null,
      cause: 'nothing-absorbed',
    });
    expect(measured.endToEnd).toMatchObject({
      leadTimeMs: null,
      cause: 'nothing-absorbed',
    });
  });

  it('is undefined for a failed run: only delivered data has a lead time', () => {
    expect(
      graph.leadTimesOfRun(product, {
        runId: 'p2',
        status: 'failed',
        finishedAt: h(8),
      }),
    ).toBeUndefined();
  });
});
