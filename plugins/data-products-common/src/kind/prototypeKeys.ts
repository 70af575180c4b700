import { formatPath } from './explain';
import type { ValidationProblem } from './problem';

type Segment = string | number;

/** Keys that reach or replace an object's prototype in JavaScript. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];

/**
 * Every prototype key in the entity (`__proto__`, `constructor`,
 * `prototype`), as a problem naming where. A parser or a plain assignment
 * (`target[key] = value`, as in a merge) may have turned `__proto__: {…}`
 * into the object's prototype rather than a key: its fields are then read
 * through the prototype (`spec.category` from `spec.__proto__.category`)
 * and no schema check sees the key. So an object whose prototype is not a
 * plain object's (`Object.prototype`, or none) is refused as holding
 * `__proto__` too. Checked by prototype shape rather than identity, as
 * objects may come from another realm (a vm context, a worker).
 * Walked with an explicit stack, within `maxDepth` levels. This runs on
 * every validation of every entity, so a path is only built for a problem:
 * each pending value knows its parent and key instead.
 */
export function prototypeKeyProblems(
  entity: unknown,
  maxDepth: number,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const stack: Pending[] = [{ value: entity, depth: 0 }];
  while (stack.length > 0) {
    const pending = stack.pop()!;
    const value = pending.value;
    if (value === null || typeof value !== 'object') continue;
    if (pending.depth >= maxDepth) continue;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        push(stack, value[index], index, pending);
      }
      continue;
    }
    const keys = Object.keys(value);
    let ownProto = false;
    for (const key of keys) {
      if (key === '__proto__') ownProto = true;
    }
    if (!ownProto && hasForeignPrototype(value)) {
      problems.push(problemAt([...segmentsOf(pending), '__proto__']));
    }
    for (const key of keys) {
      if (PROTOTYPE_KEYS.includes(key)) {
        problems.push(problemAt([...segmentsOf(pending), key]));
      }
    }
    for (const key of keys) {
      if (PROTOTYPE_KEYS.includes(key)) continue;
      push(stack, (value as Record<string, unknown>)[key], key, pending);
    }
  }
  return problems;
}

/** A value still to walk, with what its path is made of. */
interface Pending {
  value: unknown;
  /** How many keys and indexes lead to it (its path's length). */
  depth: number;
  key?: Segment;
  parent?: Pending;
}

/** Only objects and lists are walked: scalars hold no keys. */
function push(stack: Pending[], value: unknown, key: Segment, parent: Pending) {
  if (value !== null && typeof value === 'object') {
    stack.push({ value, depth: parent.depth + 1, key, parent });
  }
}

function segmentsOf(pending: Pending): Segment[] {
  const segments: Segment[] = [];
  for (let at: Pending | undefined = pending; at?.parent; at = at.parent) {
    segments.push(at.key!);
  }
  return segments.reverse();
}

/** A prototype other than a plain object's, which has none above it. */
export function hasForeignPrototype(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  // this realm's plain object, nearly always: settled without a second look
  if (prototype === Object.prototype) return false;
  return prototype !== null && Object.getPrototypeOf(prototype) !== null;
}

function problemAt(segments: Segment[]): ValidationProblem {
  const path = formatPath(segments);
  const key = segments[segments.length - 1];
  return {
    path,
    message: `${path} is a prototype key (\`${key}\`), which no DataProduct field may be named`,
    hint: `Remove \`${key}\`: \`__proto__\`, \`constructor\` and \`prototype\` are never DataProduct fields, and JavaScript reads them as an object's prototype, so the entity would not mean what it says.`,
  };
}
