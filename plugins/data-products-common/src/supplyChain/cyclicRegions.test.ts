import fc from 'fast-check';
import { cyclicRegions } from './cyclicRegions';

const graph = (edges: Record<string, string[]>) =>
  new Map(Object.entries(edges));

describe('cyclicRegions', () => {
  it('puts the products of a loop together, and nothing else', () => {
    // a ← b ← c ← a is a loop; d reads a but is on no loop.
    const regions = cyclicRegions(
      graph({ a: ['b'], b: ['c'], c: ['a'], d: ['a'] }),
    );
    expect(regions.sameLoop('a', 'b')).toBe(true);
    expect(regions.sameLoop('c', 'a')).toBe(true);
    expect(regions.sameLoop('d', 'a')).toBe(false);
    expect(regions.loopThrough('a', 'b')).toEqual(['a', 'b', 'c', 'a']);
  });

  it('handles a loop deeper than the call stack', () => {
    const edges = new Map<string, string[]>();
    for (let i = 0; i < 20000; i++) edges.set(`p${i}`, [`p${(i + 1) % 20000}`]);
    expect(cyclicRegions(edges).sameLoop('p0', 'p19999')).toBe(true);
  });

  it('says two products share a loop exactly when each reaches the other (a product, itself when it is on a loop)', () => {
    const names = ['a', 'b', 'c', 'd', 'e'];
    fc.assert(
      fc.property(
        fc.array(fc.subarray(names), { minLength: 5, maxLength: 5 }),
        ups => {
          const edges = new Map(
            names.map((n, i) => [n, ups[i].filter(u => u !== n)]),
          );
          const regions = cyclicRegions(edges);
          const reaches = (from: string, to: string) => {
            const seen = new Set([from]);
            const queue = [from];
            while (queue.length) {
              for (const up of edges.get(queue.shift()!)!) {
                if (!seen.has(up)) {
                  seen.add(up);
                  queue.push(up);
                }
              }
            }
            return from !== to && seen.has(to);
          };
          const wrong = names.flatMap(a =>
            names
              .filter(
                b =>
                  regions.sameLoop(a, b) !==
                  // A product shares a loop with itself when it is on one.
                  names.some(
                    x =>
                      (x === b || a === b) &&
                      x !== a &&
                      reaches(a, x) &&
                      reaches(x, a),
                  ),
              )
              .map(b => `${a},${b}`),
          );
          expect(wrong).toEqual([]);
        },
      ),
    );
  });
});
