import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_DEPTH } from './limits';
import { hasForeignPrototype } from './prototypeKeys';

/** What plainBytesAtMost says of a document it need not count further. */
const NOT_PLAIN = -1;

/**
 * True when the entity is surely within the document limits (nesting
 * depth, size as JSON) and holds no prototype key nor an object with a
 * foreign prototype, so documentLimitProblems and prototypeKeyProblems
 * would both find nothing. One walk instead of three, building no paths and
 * reading no text, because it runs on every validation of every entity and
 * nearly every entity passes; when it says false, those two run to say
 * what and where (or that all is well after all).
 *
 * The size is bounded rather than counted: JSON writes a UTF-16 unit of a
 * string in at most 6 bytes (`\u001f`, a lone surrogate `\udc00`), so an
 * entity whose texts are short enough fits without looking at a single
 * character. Only entities with more than about 40 KiB of text take the
 * exact count.
 */
export function isPlainDocumentWithinLimits(entity: unknown): boolean {
  if (entity === null || typeof entity !== 'object') {
    return scalarBytesAtMost(entity) <= MAX_DOCUMENT_BYTES;
  }
  const bytes = plainBytesAtMost(entity, 1);
  return bytes !== NOT_PLAIN && bytes <= MAX_DOCUMENT_BYTES;
}

/**
 * No fewer bytes than `node` (an object or a list at nesting `level`) takes
 * as JSON, as jsonBytesOver counts them, or NOT_PLAIN when it or anything
 * in it is nested too deep, holds a prototype key or has a foreign
 * prototype. Recursive, which is safe here: it never goes deeper than
 * MAX_DOCUMENT_DEPTH + 1 calls, however deep the document.
 */
function plainBytesAtMost(node: object, level: number): number {
  if (level > MAX_DOCUMENT_DEPTH) return NOT_PLAIN;
  if (Array.isArray(node)) {
    // brackets and commas
    let bytes = 2 + Math.max(0, node.length - 1);
    for (let i = 0; i < node.length; i++) {
      const item = itemBytesAtMost(node[i], level);
      if (item === NOT_PLAIN) return NOT_PLAIN;
      bytes += item;
    }
    return bytes;
  }
  if (hasForeignPrototype(node)) return NOT_PLAIN;
  let bytes = 0;
  let members = 0;
  // for…in allocates no key list; it also lists inherited enumerable keys,
  // which only a polluted Object.prototype has (a foreign prototype was
  // refused above): walking them too only overestimates
  // eslint-disable-next-line guard-for-in
  for (const key in node) {
    // PROTOTYPE_KEYS spelt out: compared inline, not searched for, as this
    // runs for every key of every entity
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
      return NOT_PLAIN;
    }
    const value = (node as Record<string, unknown>)[key];
    // JSON leaves out keys whose value is undefined
    if (value === undefined) continue;
    const item = itemBytesAtMost(value, level);
    if (item === NOT_PLAIN) return NOT_PLAIN;
    // the key with its quotes and colon, and the value
    bytes += scalarBytesAtMost(key) + 1 + item;
    members++;
  }
  // braces and commas
  return bytes + 2 + Math.max(0, members - 1);
}

/** Bytes of a member or item of a container at `level`, at most. */
function itemBytesAtMost(value: unknown, level: number): number {
  return value !== null && typeof value === 'object'
    ? plainBytesAtMost(value, level + 1)
    : scalarBytesAtMost(value);
}

/**
 * The longest a number or a boolean is as JSON: a sign, `0.00000` and 17
 * significant digits (`-0.0000012345678901234567`; below 1e-6 an exponent
 * takes over, `-1.2345678901234567e-308` is 24).
 */
const MAX_NUMBER_BYTES = 25;

/**
 * No fewer bytes than the scalar takes as JSON (UTF-8), as jsonBytesOver
 * counts them: a string's units at 6 bytes each and its quotes; a number or
 * a boolean at its longest, not written out (String(value) would allocate a
 * string for every number of every entity); null as written; undefined is
 * left out.
 */
function scalarBytesAtMost(value: unknown): number {
  if (typeof value === 'string') return 6 * value.length + 2;
  if (typeof value === 'number' || typeof value === 'boolean') {
    return MAX_NUMBER_BYTES;
  }
  return value === undefined ? 0 : String(value).length;
}
