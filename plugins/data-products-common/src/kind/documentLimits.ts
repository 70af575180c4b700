import { formatPath } from './explain';
import {
  MAX_DOCUMENT_BYTES,
  MAX_DOCUMENT_DEPTH,
  formatCount,
  formatLimitBytes,
} from './limits';
import type { ValidationProblem } from './problem';

/** What {@link documentLimitProblems} found, beyond the problems themselves. */
export interface DocumentLimits {
  problems: ValidationProblem[];
  /**
   * Nested past MAX_DOCUMENT_DEPTH: nothing else may walk the document
   * (JSON.stringify, structuredClone and ajv all recurse).
   */
  tooDeep: boolean;
}

type Segment = string | number;
/** A value still to measure; its path is kept as a link to its parent's. */
type Pending = {
  value: unknown;
  depth: number;
  key?: Segment;
  parent?: Pending;
};

/**
 * The entity's size as compact JSON and its nesting depth, measured without
 * recursion (a document nested 20,000 levels deep must get a finding, not
 * overflow the stack) and without serializing it (the measure stops as soon
 * as the size is known to be over the limit, so a 10 MB text costs nothing).
 * At most one problem per limit: the first place nested too deep, the size.
 * Runs on every validation, so valid entities cost one cheap pass.
 */
export function documentLimitProblems(entity: unknown): DocumentLimits {
  const problems: ValidationProblem[] = [];
  let bytes = 0;
  let tooDeepAt: Pending | undefined;
  const stack: Pending[] = [{ value: entity, depth: 1 }];
  while (stack.length > 0) {
    const pending = stack.pop()!;
    const { value, depth } = pending;
    const overSize = bytes > MAX_DOCUMENT_BYTES;
    if (overSize && tooDeepAt) break;
    if (value === null || typeof value !== 'object') {
      if (!overSize) bytes += scalarBytes(value, MAX_DOCUMENT_BYTES - bytes);
      continue;
    }
    if (depth > MAX_DOCUMENT_DEPTH) {
      tooDeepAt ??= pending;
      // nothing below the first deep place needs naming; the size still counts
      if (overSize) continue;
    }
    const entries: Array<[Segment, unknown]> = Array.isArray(value)
      ? value.map((item, index) => [index, item])
      : Object.entries(value).filter(([, item]) => item !== undefined);
    if (!overSize) {
      // brackets and commas, then each key with its quotes and colon
      bytes += 2 + Math.max(0, entries.length - 1);
      for (const [key] of entries) {
        if (typeof key === 'string') bytes += scalarBytes(key, Infinity) + 1;
      }
    }
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i];
      stack.push({ value: item, depth: depth + 1, key, parent: pending });
    }
  }
  if (tooDeepAt) {
    const path = formatPath(segmentsOf(tooDeepAt));
    problems.push({
      path,
      message: `${
        path || 'the entity'
      } is nested more than ${MAX_DOCUMENT_DEPTH} levels deep (objects and lists inside one another)`,
      hint: `A DataProduct may nest at most ${MAX_DOCUMENT_DEPTH} levels: flatten the structure (an ODCS contract nests at most 32 levels of properties).`,
    });
  }
  if (bytes > MAX_DOCUMENT_BYTES) {
    problems.push({
      path: '',
      message: `the entity is larger than the limit of ${formatLimitBytes(
        MAX_DOCUMENT_BYTES,
      )} (${formatCount(MAX_DOCUMENT_BYTES)} bytes as JSON)`,
      hint: 'Every surface stores and indexes an entity whole: shorten the longest texts (descriptions, sample queries) and link to documentation instead, or split the product.',
    });
  }
  return { problems, tooDeep: tooDeepAt !== undefined };
}

function segmentsOf(pending: Pending): Segment[] {
  const segments: Segment[] = [];
  for (let at: Pending | undefined = pending; at?.parent; at = at.parent) {
    segments.push(at.key!);
  }
  return segments.reverse();
}

/**
 * Bytes of a scalar as JSON (UTF-8), counted up to `budget`: once a value is
 * known to exceed it, the exact size no longer matters. A string is at
 * least as many UTF-8 bytes as UTF-16 units, so a long one is over at once.
 */
function scalarBytes(value: unknown, budget: number): number {
  if (typeof value !== 'string') {
    // undefined and functions are left out of JSON; numbers, booleans, null
    return value === undefined ? 0 : String(value).length;
  }
  if (value.length > budget) return value.length;
  return utf8Length(JSON.stringify(value));
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}
