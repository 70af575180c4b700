import type { CompoundEntityRef } from '@backstage/catalog-model';

// what compareFolded says of one part of two refs
const SAME = 1;
const DIFFERENT = 0;
const UNKNOWN = -1;

// what follows a part: the kind, the namespace; the name ends the text
const COLON = 0x3a;
const SLASH = 0x2f;
const NONE = -1;

/**
 * Whether two relation targets name the same entity as their refs say it
 * without regard to letter case, exactly as comparing
 * `` `${kind}:${namespace}/${name}`.toLowerCase() `` of each would.
 *
 * Without building those texts: it compares them character by character as
 * if written out, folding A–Z to a–z, which is all lowercasing does to ASCII.
 * Once a difference between two ASCII characters is found, the texts differ
 * at that place whatever follows. When a non-ASCII character comes first
 * (lowercasing may lengthen it, or depend on its neighbours, as a final Σ
 * does), it writes the texts out and lowercases them after all.
 */
export function sameTarget(
  a: CompoundEntityRef,
  b: CompoundEntityRef,
): boolean {
  const kind = compareFolded(a.kind, b.kind, COLON);
  if (kind === SAME) {
    const namespace = compareFolded(a.namespace, b.namespace, SLASH);
    if (namespace === SAME) {
      const name = compareFolded(a.name, b.name, NONE);
      if (name !== UNKNOWN) return name === SAME;
    } else if (namespace === DIFFERENT) {
      return false;
    }
  } else if (kind === DIFFERENT) {
    return false;
  }
  return lowercaseKey(a) === lowercaseKey(b);
}

/**
 * SAME when `a` and `b` are equal once lowercased and all ASCII, DIFFERENT
 * when the written-out texts surely differ at this part, UNKNOWN when only
 * lowercasing can tell. `separator` is what the texts hold right after this
 * part (NONE at the end).
 */
function compareFolded(a: string, b: string, separator: number) {
  const shorter = Math.min(a.length, b.length);
  for (let i = 0; i < shorter; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x >= 0x80 || y >= 0x80) return UNKNOWN;
    if (x !== y && foldAscii(x) !== foldAscii(y)) return DIFFERENT;
  }
  if (a.length === b.length) return SAME;
  // One goes on where the other's text has the separator (or ends). No
  // character lowercases to a separator or to nothing, so the texts differ,
  // unless the longer one goes on with the separator itself: a namespace
  // holding a slash could then split the same text differently.
  const next = (a.length > b.length ? a : b).charCodeAt(shorter);
  return next === separator ? UNKNOWN : DIFFERENT;
}

/** a–z for A–Z; every other code unit as it is. */
function foldAscii(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}

function lowercaseKey(ref: CompoundEntityRef): string {
  return `${ref.kind}:${ref.namespace}/${ref.name}`.toLowerCase();
}
