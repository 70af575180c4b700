import fc from 'fast-check';
import { failed, h, HOUR, ok } from './__fixtures__/lineage';
import { runLeadTime, runLeadTimes } from './leadTime';
import type { LineageProduct, SupplyChainRun } from './types';
import { UpstreamRunIndex } from './upstreamRuns';

const A = 'dataproduct:default/a';
const B = 'dataproduct:default/b';
const C = 'dataproduct:default/never-ran';
const P = 'dataproduct:default/p';

// A: successes at 1h and 5h, a failure at 6h. B: a success at 3h.
const upstreams = [
  { entityRef: A, runs: [ok('a1', 1), ok('a2', 5), failed('a3', 6)] },
  { entityRef: B, runs: [ok('b1', 3)] },
];
const index = new UpstreamRunIndex(upstreams);
const product = { entityRef: P, upstreams: [A, B] };

describe('runLeadTime', () => {
  it('measures from the newest successful upstream run finished by the start', () => {
    // Started 5.5h: absorbed a2 (5h) and b1 (3h); newest a2. 6h − 5h = 1h.
    const lt = runLeadTime(ok('p1', 6, 5.5), product, index)!;
    expect(lt.leadTimeMs).toBe(1 * HOUR);
    expect(lt.cutoff).toEqual({ from: 'startedAt', at: h(5.5) });
    expect(lt.upstreamSource).toBe('declared');
    expect(lt.absorbed).toEqual([
      { entityRef: A, runId: 'a2', finishedAt: h(5) },
      { entityRef: B, runId: 'b1', finishedAt: h(3) },
    ]);
    expect(lt.notAbsorbed).toEqual([]);
  });

  it('does not absorb an upstream run that finished after the start', () => {
    // Started 4h: a2 (5h) came too late, so a1 (1h) and b1 (3h); 8h − 3h = 5h.
    const lt = runLeadTime(ok('p3', 8, 4), product, index)!;
    expect(lt.leadTimeMs).toBe(5 * HOUR);
    expect(lt.absorbed.map(a => a.runId)).toEqual(['b1', 'a1']);
  });

  it('uses the finish as cutoff for a run without a start, and skips failed upstream runs', () => {
    // Cutoff 7h: a3 (6h) failed, so a2 (5h) is the newest; 7h − 5h = 2h.
    const lt = runLeadTime(ok('p2', 7), product, index)!;
    expect(lt.cutoff).toEqual({ from: 'finishedAt', at: h(7) });
    expect(lt.leadTimeMs).toBe(2 * HOUR);
  });

  it('reads the OpenLineage inputs when the run names products', () => {
    // Inputs name B only: b1 (3h); 6h − 3h = 3h.
    const lt = runLeadTime(ok('p4', 6, 5.5, [B]), product, index)!;
    expect(lt.upstreamSource).toBe('openlineage');
    expect(lt.upstreams).toEqual([B]);
    expect(lt.leadTimeMs).toBe(3 * HOUR);
  });

  it('is unknown with a reason when no upstream ever ran', () => {
    const lt = runLeadTime(
      ok('q1', 6, 5),
      { entityRef: P, upstreams: [C] },
      index,
    )!;
    expect(lt.leadTimeMs).toBeNull();
    expect(lt.cause).toBe('nothing-absorbed');
    expect(lt.notAbsorbed).toEqual([C]);
    expect(lt.reason).toContain(C);
  });

  it('is unknown when the only upstream is the product itself', () => {
    const lt = runLeadTime(
      ok('p5', 6, 5),
      { entityRef: A, upstreams: [A] },
      index,
    )!;
    expect(lt.cause).toBe('no-upstream');
    expect(lt.upstreams).toEqual([]);
  });

  it('is unknown when a run started after it finished', () => {
    const lt = runLeadTime(ok('p6', 6, 7), product, index)!;
    expect(lt.cause).toBe('start-after-finish');
    expect(lt.leadTimeMs).toBeNull();
  });

  it('has no lead time for failed, running or unreadable runs', () => {
    expect(runLeadTime(failed('f', 6), product, index)).toBeUndefined();
    expect(
      runLeadTime({ runId: 'r', status: 'running' }, product, index),
    ).toBeUndefined();
    expect(
      runLeadTime(
        { runId: 'x', status: 'success', finishedAt: 'not a time' },
        product,
        index,
      ),
    ).toBeUndefined();
  });

  it('lists every successful run oldest first', () => {
    const all: LineageProduct = {
      ...product,
      runs: [ok('late', 8, 4), failed('f', 7), ok('early', 6, 5.5)],
    };
    expect(runLeadTimes(all, index).map(lt => lt.runId)).toEqual([
      'early',
      'late',
    ]);
  });
});

describe('runLeadTime, properties', () => {
  // Hours on a small grid so ties and equal instants happen often.
  const hour = fc.integer({ min: 0, max: 48 });
  const upstreamRun = fc.record({
    product: fc.constantFrom(A, B),
    finished: hour,
    success: fc.boolean(),
  });

  it('absorbs the newest successful upstream run by the cutoff, and never reports a negative lead time', () => {
    fc.assert(
      fc.property(
        fc.array(upstreamRun, { maxLength: 20 }),
        hour,
        fc.option(hour, { nil: undefined }),
        (ups, finished, started) => {
          const runs: SupplyChainRun[] = ups.map((u, i) =>
            u.success ? ok(`u${i}`, u.finished) : failed(`u${i}`, u.finished),
          );
          const graph = [A, B].map(entityRef => ({
            entityRef,
            runs: runs.filter((_, i) => ups[i].product === entityRef),
          }));
          const lt = runLeadTime(
            ok('r', finished, started),
            product,
            new UpstreamRunIndex(graph),
          )!;
          expect({ leadTimeMs: lt.leadTimeMs, cause: lt.cause }).toEqual(
            expectedLeadTime(ups, finished, started),
          );
        },
      ),
    );
  });

  it('never throws on arbitrary timestamps', () => {
    const stamp = fc.oneof(
      fc.constant(undefined),
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.date({ noInvalidDate: false }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ finishedAt: stamp, startedAt: stamp }), {
          maxLength: 10,
        }),
        fc.record({ finishedAt: stamp, startedAt: stamp }),
        (ups, own) => {
          const idx = new UpstreamRunIndex([
            {
              entityRef: A,
              runs: ups.map((u, i) => ({
                runId: `u${i}`,
                status: 'success' as const,
                ...u,
              })),
            },
          ]);
          const lt = runLeadTime(
            { runId: 'r', status: 'success', ...own },
            { entityRef: P, upstreams: [A] },
            idx,
          );
          const leadTime = lt?.leadTimeMs ?? null;
          expect(leadTime === null || Number.isFinite(leadTime)).toBe(true);
        },
      ),
    );
  });
});

/**
 * The spec's rule worked out directly on the generated hours: the cutoff is
 * the start, else the finish; the newest successful upstream finish at or
 * before it; the lead time is the finish minus that.
 */
function expectedLeadTime(
  ups: Array<{ finished: number; success: boolean }>,
  finished: number,
  started: number | undefined,
): { leadTimeMs: number | null; cause: string | null } {
  if (started !== undefined && started > finished) {
    return { leadTimeMs: null, cause: 'start-after-finish' };
  }
  const cutoff = started ?? finished;
  const eligible = ups
    .filter(u => u.success && u.finished <= cutoff)
    .map(u => u.finished);
  if (eligible.length === 0) {
    return { leadTimeMs: null, cause: 'nothing-absorbed' };
  }
  return { leadTimeMs: (finished - Math.max(...eligible)) * HOUR, cause: null };
}
