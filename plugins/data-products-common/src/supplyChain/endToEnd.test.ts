import fc from 'fast-check';
import { h, HOUR, ok } from './__fixtures__/lineage';
import { LineageGraph } from './endToEnd';
import type { LineageProduct } from './types';

const S = 'dataproduct:default/source';
const M = 'dataproduct:default/mart';
const P = 'dataproduct:default/product';

describe('LineageGraph.endToEndLeadTimes', () => {
  // S ← M ← P. s1 finishes at 1h; m1 runs 2h–3h (absorbs s1: 3h − 1h = 2h);
  // p1 runs 4h–6h (absorbs m1: 6h − 3h = 3h).
  const graph = new LineageGraph([
    { entityRef: S, upstreams: [], runs: [ok('s1', 1)] },
    { entityRef: M, upstreams: [S], runs: [ok('m1', 3, 2)] },
    { entityRef: P, upstreams: [M], runs: [ok('p1', 6, 4)] },
  ]);

  it('follows the absorbed runs up to the source: the hops add up', () => {
    const [e2e] = graph.endToEndLeadTimes(P);
    // 6h − 1h = 5h = 3h (p1 from m1) + 2h (m1 from s1).
    expect(e2e.leadTimeMs).toBe(5 * HOUR);
    expect(e2e.origin).toEqual({ entityRef: S, runId: 's1', finishedAt: h(1) });
    expect(e2e.chain).toEqual([
      { entityRef: P, runId: 'p1', finishedAt: h(6), leadTimeMs: 3 * HOUR },
      { entityRef: M, runId: 'm1', finishedAt: h(3), leadTimeMs: 2 * HOUR },
      { entityRef: S, runId: 's1', finishedAt: h(1), leadTimeMs: null },
    ]);
  });

  it('ends one hop up when the upstream has no measured upstream', () => {
    const [e2e] = graph.endToEndLeadTimes(M);
    expect(e2e.leadTimeMs).toBe(2 * HOUR);
    expect(e2e.origin?.runId).toBe('s1');
  });

  it('is unknown for a run of a source: it has nothing upstream', () => {
    const [e2e] = graph.endToEndLeadTimes(S);
    expect(e2e.leadTimeMs).toBeNull();
    expect(e2e.cause).toBe('no-upstream');
  });

  it('stops at a lineage cycle with a reason instead of looping', () => {
    // A ← B ← A: a0 at 1h; b1 runs 2h–3h absorbing a0; a2 runs 4h–5h absorbing b1.
    const A = 'dataproduct:default/a';
    const B = 'dataproduct:default/b';
    const cyclic = new LineageGraph([
      { entityRef: A, upstreams: [B], runs: [ok('a0', 1), ok('a2', 5, 4)] },
      { entityRef: B, upstreams: [A], runs: [ok('b1', 3, 2)] },
    ]);
    const a2 = cyclic.endToEndLeadTimes(A).find(e => e.runId === 'a2')!;
    expect(a2.leadTimeMs).toBeNull();
    expect(a2.cause).toBe('lineage-cycle');
    expect(a2.reason).toContain(`${A} ← ${B} ← ${A}`);
    // Per-run lead time is still one hop and known: 5h − 3h.
    expect(cyclic.leadTimes(A).find(l => l.runId === 'a2')?.leadTimeMs).toBe(
      2 * HOUR,
    );
  });

  it('sees a loop that only OpenLineage inputs close, and stops a chain that enters a loop upstream', () => {
    // X declares Y; Y's run read X (inputs): X ← Y ← X. Z reads X.
    // y1 (2h–3h) absorbs x0 (1h); x2 (4h–5h) absorbs y1; z1 (6h–7h) absorbs x2,
    // whose hop to y1 is inside the loop: z1's end-to-end is unknown.
    const X = 'dataproduct:default/x';
    const Y = 'dataproduct:default/y';
    const Z = 'dataproduct:default/z';
    const graph2 = new LineageGraph([
      { entityRef: X, upstreams: [Y], runs: [ok('x0', 1), ok('x2', 5, 4)] },
      { entityRef: Y, upstreams: [], runs: [ok('y1', 3, 2, [X])] },
      { entityRef: Z, upstreams: [X], runs: [ok('z1', 7, 6)] },
    ]);
    const [z1] = graph2.endToEndLeadTimes(Z);
    expect(z1.cause).toBe('lineage-cycle');
    expect(z1.reason).toContain(`${X} ← ${Y} ← ${X}`);
    expect(z1.chain.map(link => link.runId)).toEqual(['z1', 'x2']);
    // Z's own one-hop lead time stays known: 7h − 5h.
    expect(graph2.leadTimes(Z)[0].leadTimeMs).toBe(2 * HOUR);
  });

  it('gives the same totals without rebuilding chains', () => {
    const [full] = graph.endToEndLeadTimes(P);
    const [brief] = graph.endToEndLeadTimes(P, { chains: false });
    expect(brief.leadTimeMs).toBe(full.leadTimeMs);
    expect(brief.origin).toEqual(full.origin);
    expect(brief.chain).toEqual([full.chain[0]]);
  });

  it('knows nothing of a product not in the graph', () => {
    expect(graph.endToEndLeadTimes('dataproduct:default/nope')).toEqual([]);
  });
});

describe('LineageGraph, properties', () => {
  const refs = ['a', 'b', 'c', 'd'].map(n => `dataproduct:default/${n}`);
  const product = fc.record({
    upstreams: fc.subarray(refs),
    runs: fc.array(
      fc.record({
        finished: fc.integer({ min: 0, max: 30 }),
        duration: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
      }),
      { maxLength: 6 },
    ),
  });

  it('never loops or throws on any lineage (cycles included), and a known end-to-end lead time is the sum of its hops', () => {
    fc.assert(
      fc.property(fc.array(product, { minLength: 4, maxLength: 4 }), specs => {
        const products: LineageProduct[] = specs.map((spec, i) => ({
          entityRef: refs[i],
          upstreams: spec.upstreams,
          runs: spec.runs.map((r, j) =>
            ok(
              `${i}-${j}`,
              r.finished,
              r.duration === undefined ? undefined : r.finished - r.duration,
            ),
          ),
        }));
        const graph = new LineageGraph(products);
        const problems: string[] = [];
        for (const ref of refs) {
          for (const e2e of graph.endToEndLeadTimes(ref)) {
            const seen = e2e.chain.map(link => link.entityRef);
            if (new Set(seen).size !== seen.length) {
              problems.push(`${e2e.runId}: a product twice on its chain`);
            }
            if (e2e.leadTimeMs === null) {
              if (!e2e.reason)
                problems.push(`${e2e.runId}: unknown, no reason`);
              continue;
            }
            const hops = e2e.chain
              .slice(0, -1)
              .reduce((sum, link) => sum + link.leadTimeMs!, 0);
            if (e2e.leadTimeMs !== hops || e2e.leadTimeMs < 0) {
              problems.push(`${e2e.runId}: ${e2e.leadTimeMs} ≠ hops ${hops}`);
            }
          }
        }
        expect(problems).toEqual([]);
      }),
    );
  });
});
