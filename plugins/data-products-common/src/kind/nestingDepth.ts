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
    // pushed last first, so the first child is walked first; only objects
    // and lists are pushed (this runs on every validation: no entry pairs)
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) {
        push(stack, node[i], i, pending);
      }
    } else {
      const keys = Object.keys(node);
      for (let i = keys.length - 1; i >= 0; i--) {
        push(
          stack,
          (node as Record<string, unknown>)[keys[i]],
          keys[i],
          pending,
        );
      }
    }
  }
  return undefined;
}

function push(stack: Pending[], item: unknown, key: Segment, parent: Pending) {
  if (item !== null && typeof item === 'object') {
    stack.push({ value: item, depth: parent.depth + 1, key, parent });
  }
}

function segmentsOf(pending: Pending): Segment[] {
  const segments: Segment[] = [];
  for (let at: Pending | undefined = pending; at?.parent; at = at.parent) {
    segments.push(at.key!);
  }
  return segments.reverse();
}
