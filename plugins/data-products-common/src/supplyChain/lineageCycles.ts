/**
 * Lineage cycles (A ← B ← A): declared upstreams that lead back to the
 * product. Lead time cannot be followed through a cycle, so they are
 * reported as findings rather than looped over.
 */

/** @public */
export interface LineageCycle {
  /** The products around the loop, starting and ending with the same one. */
  cycle: string[];
  message: string;
}

/**
 * The cycles a depth-first walk of the declared upstreams closes (one per
 * back edge), each reported once, starting from its smallest ref, sorted.
 * Every loop in the lineage shows up in at least one of them, though not
 * every elementary cycle of a tangle is listed. Iterative, so a long
 * lineage cannot overflow the stack.
 *
 * @public
 */
export function findLineageCycles(
  products: Iterable<{ entityRef: string; upstreams: readonly string[] }>,
): LineageCycle[] {
  const upstreamsOf = new Map<string, readonly string[]>();
  for (const product of products) {
    upstreamsOf.set(product.entityRef, product.upstreams);
  }
  const state = new Map<string, 'open' | 'done'>();
  const found = new Map<string, string[]>();

  for (const start of [...upstreamsOf.keys()].sort()) {
    if (state.has(start)) continue;
    // The path from `start` and, per node on it, the next upstream to try.
    const path: string[] = [start];
    const next: number[] = [0];
    state.set(start, 'open');
    while (path.length > 0) {
      const node = path[path.length - 1];
      const ups = upstreamsOf.get(node) ?? [];
      const i = next[next.length - 1]++;
      if (i >= ups.length) {
        state.set(node, 'done');
        path.pop();
        next.pop();
        continue;
      }
      const up = ups[i];
      const seen = state.get(up);
      if (seen === 'open') {
        const loop = [...path.slice(path.indexOf(up)), up];
        const key = canonical(loop);
        if (!found.has(key)) found.set(key, rotateToSmallest(loop));
      } else if (seen === undefined) {
        state.set(up, 'open');
        path.push(up);
        next.push(0);
      }
    }
  }
  return [...found.values()]
    .sort((a, b) => a.join('\u0000').localeCompare(b.join('\u0000')))
    .map(cycle => ({
      cycle,
      message: `Lineage cycle: ${cycle.join(
        ' ← ',
      )}. Lead time cannot be followed around a loop: fix contract.lineage.upstreams of one of them`,
    }));
}

/** [B, C, A, B] → [A, B, C, A]: one name for every rotation of a loop. */
function rotateToSmallest(loop: string[]): string[] {
  const ring = loop.slice(0, -1);
  let best = 0;
  for (let i = 1; i < ring.length; i++) if (ring[i] < ring[best]) best = i;
  const rotated = [...ring.slice(best), ...ring.slice(0, best)];
  return [...rotated, rotated[0]];
}

function canonical(loop: string[]): string {
  return rotateToSmallest(loop).join('\u0000');
}
