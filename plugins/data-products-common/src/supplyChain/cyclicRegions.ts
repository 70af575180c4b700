/**
 * Where a lineage loops: the strongly connected groups of products (two or
 * more that reach each other through upstreams). End-to-end lead time stops
 * at a hop inside such a group — "the distance from an upstream change"
 * has no meaning around a loop — and this also guarantees that every chain
 * of absorbed runs ends: outside the groups the lineage is acyclic.
 */

/** @public */
export interface CyclicRegions {
  /** Whether `from` and `to` lie on a common loop. */
  sameLoop(from: string, to: string): boolean;
  /** A loop through `from` and then `to`, as `from ← to ← … ← from`. */
  loopThrough(from: string, to: string): string[];
  /** True when no two products reach each other: the lineage has no loop. */
  acyclic: boolean;
}

/**
 * Tarjan's algorithm, iterative (a lineage can be deeper than the call
 * stack). `upstreams` gives, per product, the products it reads.
 */
export function cyclicRegions(
  upstreams: ReadonlyMap<string, readonly string[]>,
): CyclicRegions {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const component = new Map<string, number>();
  const sizes: number[] = [];
  let counter = 0;

  for (const root of upstreams.keys()) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; next: number }> = [
      { node: root, next: 0 },
    ];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const ups = upstreams.get(frame.node) ?? [];
      if (frame.next < ups.length) {
        const up = ups[frame.next++];
        if (!upstreams.has(up)) continue;
        if (!index.has(up)) {
          index.set(up, counter);
          low.set(up, counter++);
          stack.push(up);
          onStack.add(up);
          work.push({ node: up, next: 0 });
        } else if (onStack.has(up)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(up)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const id = sizes.length;
        let size = 0;
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.set(member, id);
          size++;
        } while (member !== frame.node);
        sizes.push(size);
      }
    }
  }

  const sameLoop = (from: string, to: string) => {
    const a = component.get(from);
    return a !== undefined && a === component.get(to) && sizes[a] > 1;
  };
  return {
    sameLoop,
    acyclic: sizes.every(size => size <= 1),
    loopThrough(from, to) {
      // Breadth-first from `to` back to `from`, within their group.
      const previous = new Map<string, string>([[to, to]]);
      const queue = [to];
      while (queue.length > 0 && !previous.has(from)) {
        const node = queue.shift()!;
        for (const up of upstreams.get(node) ?? []) {
          if (!previous.has(up) && sameLoop(from, up)) {
            previous.set(up, node);
            queue.push(up);
          }
        }
      }
      if (!previous.has(from)) return [from, to, from]; // not on one loop
      const path = [from];
      for (let node = from; node !== to; node = previous.get(node)!) {
        path.push(previous.get(node)!);
      }
      // path is from ← … ← to read backwards; the loop reads from ← to ← … ← from.
      return [from, ...path.slice(1).reverse(), from];
    },
  };
}
