import fc from 'fast-check';
import { findLineageCycles } from './lineageCycles';

describe('findLineageCycles', () => {
  it('reports A ← B ← A once, from its smallest ref', () => {
    const cycles = findLineageCycles([
      { entityRef: 'b', upstreams: ['a'] },
      { entityRef: 'a', upstreams: ['b', 'resource:x'] },
      { entityRef: 'c', upstreams: ['a'] },
    ]);
    expect(cycles.map(c => c.cycle)).toEqual([['a', 'b', 'a']]);
    expect(cycles[0].message).toContain('Lineage cycle: a ← b ← a');
  });

  it('reports a product that lists itself', () => {
    expect(
      findLineageCycles([{ entityRef: 'a', upstreams: ['a'] }]).map(
        c => c.cycle,
      ),
    ).toEqual([['a', 'a']]);
  });

  it('finds none in a diamond', () => {
    expect(
      findLineageCycles([
        { entityRef: 'top', upstreams: ['left', 'right'] },
        { entityRef: 'left', upstreams: ['base'] },
        { entityRef: 'right', upstreams: ['base'] },
        { entityRef: 'base', upstreams: [] },
      ]),
    ).toEqual([]);
  });

  it('handles a lineage deeper than the call stack', () => {
    const chain = Array.from({ length: 20000 }, (_, i) => ({
      entityRef: `p${i}`,
      upstreams: i === 0 ? ['p19999'] : [`p${i - 1}`],
    }));
    const [cycle] = findLineageCycles(chain);
    expect(cycle.cycle).toHaveLength(20001);
  });

  it('reports real loops only, and some loop exactly when the lineage is not acyclic', () => {
    const names = ['a', 'b', 'c', 'd', 'e'];
    fc.assert(
      fc.property(
        fc.array(fc.subarray(names), { minLength: 5, maxLength: 5 }),
        ups => {
          const products = names.map((entityRef, i) => ({
            entityRef,
            upstreams: ups[i],
          }));
          const cycles = findLineageCycles(products);
          for (const { cycle } of cycles) {
            expect(cycle[0]).toBe(cycle[cycle.length - 1]);
            for (let i = 0; i + 1 < cycle.length; i++) {
              expect(ups[names.indexOf(cycle[i])]).toContain(cycle[i + 1]);
            }
          }
          expect(cycles.length > 0).toBe(!isAcyclic(products));
        },
      ),
    );
  });
});

/** Kahn's algorithm, independent of the walk under test. */
function isAcyclic(
  products: Array<{ entityRef: string; upstreams: string[] }>,
): boolean {
  const remaining = new Map(products.map(p => [p.entityRef, [...p.upstreams]]));
  let removed = true;
  while (removed) {
    removed = false;
    for (const [ref, ups] of remaining) {
      if (ups.every(up => !remaining.has(up))) {
        remaining.delete(ref);
        removed = true;
      }
    }
  }
  return remaining.size === 0;
}
