import { formatPath } from './explain';

type Segment = string | number;
type Pending = {
  value: unknown;
  depth: number;
  key?: Segment;
  parent?: Pending;
};

/**
 * The path of the first object or list nested deeper than `maxDepth` (the
 * value itself is level 1), or undefined when none is. Walked with an
 * explicit stack: the point is to find documents that would overflow
 * everything that recurses (JSON.stringify, structuredClone, lodash's
 * merge in the catalog), so this must not.
 */
export function firstPathDeeperThan(
  value: unknown,
  maxDepth: number,
): string | undefined {
  const stack: Pending[] = [{ value, depth: 1 }];
  while (stack.length > 0) {
    const pending = stack.pop()!;
    const node = pending.value;
    if (node === null || typeof node !== 'object') continue;
    if (pending.depth > maxDepth) return formatPath(segmentsOf(pending));
    const entries: Array<[Segment, unknown]> = Array.isArray(node)
      ? node.map((item, index) => [index, item])
      : Object.entries(node);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i];
      if (item !== null && typeof item === 'object') {
        stack.push({
          value: item,
          depth: pending.depth + 1,
          key,
          parent: pending,
        });
      }
    }
  }
  return undefined;
}

function segmentsOf(pending: Pending): Segment[] {
  const segments: Segment[] = [];
  for (let at: Pending | undefined = pending; at?.parent; at = at.parent) {
    segments.push(at.key!);
  }
  return segments.reverse();
}
