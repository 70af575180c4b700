import { formatPath } from './explain';
import type { ValidationProblem } from './problem';

type Segment = string | number;

/** Keys that reach or replace an object's prototype in JavaScript. */
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];

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
 * Walked with an explicit stack, within `maxDepth` levels.
 */
export function prototypeKeyProblems(
  entity: unknown,
  maxDepth: number,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const stack: Array<{ value: unknown; path: Segment[] }> = [
    { value: entity, path: [] },
  ];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= maxDepth) continue;
    if (Array.isArray(value)) {
      value.forEach((item, index) =>
        stack.push({ value: item, path: [...path, index] }),
      );
      continue;
    }
    const keys = Object.keys(value);
    const bad = keys.filter(key => PROTOTYPE_KEYS.includes(key));
    if (!bad.includes('__proto__') && hasForeignPrototype(value)) {
      bad.unshift('__proto__');
    }
    for (const key of bad) problems.push(problemAt([...path, key]));
    for (const key of keys) {
      if (PROTOTYPE_KEYS.includes(key)) continue;
      stack.push({
        value: (value as Record<string, unknown>)[key],
        path: [...path, key],
      });
    }
  }
  return problems;
}

/** A prototype other than a plain object's, which has none above it. */
function hasForeignPrototype(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
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
