import {
  MAX_DOCUMENT_BYTES,
  MAX_DOCUMENT_DEPTH,
  MAX_SCHEMA_DEPTH,
  formatCount,
  formatLimitBytes,
} from './limits';
import { firstPathDeeperThan } from './nestingDepth';
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

/**
 * The entity's nesting depth and its size as compact JSON, measured without
 * recursion (a document nested 20,000 levels deep must get a finding, not
 * overflow the stack) and without serializing it (the size stops counting
 * once it is over the limit, so a 10 MB text costs nothing). At most one
 * problem per limit: the first place nested too deep, the size. Runs on
 * every validation, so valid entities cost two cheap passes.
 */
export function documentLimitProblems(entity: unknown): DocumentLimits {
  const problems: ValidationProblem[] = [];
  const tooDeepAt = firstPathDeeperThan(entity, MAX_DOCUMENT_DEPTH);
  if (tooDeepAt !== undefined) problems.push(nestedTooDeepProblem(tooDeepAt));
  if (jsonBytesOver(entity, MAX_DOCUMENT_BYTES)) {
    problems.push(tooLargeProblem(entity));
  }
  return { problems, tooDeep: tooDeepAt !== undefined };
}

/**
 * The size problem, at the entity. When the ODCS document alone is most of
 * it (a resolved `$yaml` of a whole domain's contract) the message names
 * spec.contract.odcs, since that is what to split.
 */
function tooLargeProblem(entity: unknown): ValidationProblem {
  const limit = `the entity is larger than the limit of ${formatLimitBytes(
    MAX_DOCUMENT_BYTES,
  )} (${formatCount(MAX_DOCUMENT_BYTES)} bytes as JSON)`;
  const odcs = (entity as { spec?: { contract?: { odcs?: unknown } } })?.spec
    ?.contract?.odcs;
  if (
    odcs !== null &&
    typeof odcs === 'object' &&
    jsonBytesOver(odcs, MAX_DOCUMENT_BYTES / 2)
  ) {
    return {
      path: '',
      message: `${limit}, most of it the ODCS document in spec.contract.odcs`,
      hint: "Every surface stores and indexes an entity whole, the ODCS document it references included: split the document (e.g. one per domain or group of tables) and select this product's object with spec.contract.odcsSchema.",
    };
  }
  return {
    path: '',
    message: limit,
    hint: 'Every surface stores and indexes an entity whole: shorten the longest texts (descriptions, sample queries) and link to documentation instead, or split the product.',
  };
}

/**
 * The problem of a value nested more than MAX_DOCUMENT_DEPTH levels, at
 * `path`; also for `stockroom lint`, which finds such values in the YAML
 * text before parsing it (the parser would overflow on them).
 *
 * @public
 */
export function nestedTooDeepProblem(path: string): ValidationProblem {
  return {
    path,
    message: `${
      path || 'the entity'
    } is nested more than ${MAX_DOCUMENT_DEPTH} levels deep (objects and lists inside one another)`,
    hint: `A DataProduct may nest at most ${MAX_DOCUMENT_DEPTH} levels: flatten the structure (an ODCS contract nests at most ${MAX_SCHEMA_DEPTH} levels of properties).`,
  };
}

/**
 * Whether `value` as compact JSON (UTF-8) is more than `limit` bytes. Runs
 * on every validation of every entity, so it allocates nothing per value
 * beyond an object's key list.
 */
export function jsonBytesOver(value: unknown, limit: number): boolean {
  let bytes = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && bytes <= limit) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') {
      bytes += scalarBytes(node, limit - bytes);
      continue;
    }
    if (Array.isArray(node)) {
      // brackets and commas
      bytes += 2 + Math.max(0, node.length - 1);
      for (let i = 0; i < node.length; i++) stack.push(node[i]);
      continue;
    }
    // JSON leaves out keys whose value is undefined
    let members = 0;
    for (const key of Object.keys(node)) {
      const item = (node as Record<string, unknown>)[key];
      if (item === undefined) continue;
      // the key with its quotes and colon
      bytes += scalarBytes(key, Infinity) + 1;
      members++;
      stack.push(item);
    }
    bytes += 2 + Math.max(0, members - 1);
  }
  return bytes > limit;
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
  // Most texts are printable ASCII without a quote or backslash: one byte a
  // character and the two quotes, no serializing. Anything else is measured
  // as JSON.stringify writes it (escapes, surrogates) in UTF-8.
  return isPlainAscii(value)
    ? value.length + 2
    : utf8Length(JSON.stringify(value));
}

/** Printable ASCII (0x20–0x7e) without `"` or `\\`: JSON writes it as is. */
function isPlainAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code > 0x7e || code === 0x22 || code === 0x5c) {
      return false;
    }
  }
  return true;
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
