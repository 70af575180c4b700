import { editDistance } from '../../kind/suggest';
import { asText } from './change';
import type { SchemaField } from '../../kind/types';

/**
 * The spec's threshold ("Breaking contract changes", likely rename): names
 * whose normalised edit-distance similarity is at least this are similar.
 */
export const RENAME_SIMILARITY = 0.6;

/** A removed field (index in before) paired with an added one (index in after). */
export interface LikelyRename {
  before: number;
  after: number;
  /** Normalised edit-distance similarity of the two names, 0..1. */
  similarity: number;
  sameDescription: boolean;
}

// `VARCHAR(36)` and `varchar(36)` are one type; so are `decimal(18,2)` and `decimal(18, 2)`.
export const sameType = (a: string, b: string) =>
  asText(a).replace(/\s+/g, '').toLowerCase() ===
  asText(b).replace(/\s+/g, '').toLowerCase();

/**
 * Each field's key for matching the two versions: its name, and which
 * occurrence of that name it is. `stockroom diff` reads files before any
 * lint, so a name may be duplicated (the n-th `id` matches the n-th `id`),
 * or be `3` or `{}` (kept apart from every text name behind a NUL and its
 * type, which no real name begins with; equal values match).
 */
export function fieldKeys(fields: readonly SchemaField[]): string[] {
  const seen = new Map<string, number>();
  return fields.map(field => {
    const name = nameKey(field?.name);
    const occurrence = seen.get(name) ?? 0;
    seen.set(name, occurrence + 1);
    return occurrence === 0 ? name : `${name}\u0000${occurrence}`;
  });
}

function nameKey(name: unknown): string {
  if (typeof name === 'string') return name;
  let text: string | undefined;
  try {
    text = JSON.stringify(name);
  } catch {
    text = undefined; // a cycle: asText below still names it
  }
  return `\u0000${typeof name}:${text ?? asText(name)}`;
}

/**
 * 1 − edit distance ÷ length of the longer name, case aside:
 * `cust_id` → `customer_id` is 1 − 4/11 ≈ 0.64.
 */
export function nameSimilarity(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  const longest = Math.max(left.length, right.length);
  return longest === 0 ? 1 : 1 - editDistance(left, right) / longest;
}

// Past this many removed × added pairs the names are not compared (each
// comparison is an edit distance); equal descriptions still pair them. A
// contract rewritten wholesale is reported as removals and additions.
const MAX_COMPARED_PAIRS = 250_000;

/**
 * Likely renames between two versions of a schema, per the spec: a removed
 * and an added field of the same type whose names are similar (normalised
 * edit-distance similarity ≥ 0.6) or whose descriptions are equal (and not
 * empty) — wherever they sit in the list. Each field pairs at most once:
 * equal descriptions first, then the most similar names, then the closest
 * positions, so a reorder never changes the answer.
 */
export function likelyRenames(
  before: SchemaField[],
  after: SchemaField[],
): LikelyRename[] {
  const beforeKeys = fieldKeys(before);
  const afterKeys = fieldKeys(after);
  const afterNames = new Set(afterKeys);
  const beforeNames = new Set(beforeKeys);
  const removed = indexesWhere(beforeKeys, key => !afterNames.has(key));
  const added = indexesWhere(afterKeys, key => !beforeNames.has(key));
  const compareNames = removed.length * added.length <= MAX_COMPARED_PAIRS;

  const candidates: Array<LikelyRename & { distance: number }> = [];
  for (const b of removed) {
    for (const a of added) {
      const old = before[b];
      const now = after[a];
      if (!sameType(old.type, now.type)) continue;
      const sameDescription = equalDescriptions(old, now);
      // Only text names have a similarity; others pair on descriptions.
      const similarity =
        compareNames &&
        typeof old.name === 'string' &&
        typeof now.name === 'string'
          ? nameSimilarity(old.name, now.name)
          : 0;
      if (sameDescription || similarity >= RENAME_SIMILARITY) {
        candidates.push({
          before: b,
          after: a,
          similarity,
          sameDescription,
          distance: Math.abs(a - b),
        });
      }
    }
  }
  candidates.sort(
    (x, y) =>
      Number(y.sameDescription) - Number(x.sameDescription) ||
      y.similarity - x.similarity ||
      x.distance - y.distance ||
      x.before - y.before ||
      x.after - y.after,
  );
  const pairedBefore = new Set<number>();
  const pairedAfter = new Set<number>();
  const renames: LikelyRename[] = [];
  for (const { distance: _distance, ...candidate } of candidates) {
    if (pairedBefore.has(candidate.before) || pairedAfter.has(candidate.after))
      continue;
    pairedBefore.add(candidate.before);
    pairedAfter.add(candidate.after);
    renames.push(candidate);
  }
  return renames;
}

function equalDescriptions(a: SchemaField, b: SchemaField): boolean {
  const left = normalizedText(a.description);
  return left !== '' && left === normalizedText(b.description);
}

function normalizedText(text: unknown): string {
  return typeof text === 'string' ? text.replace(/\s+/g, ' ').trim() : '';
}

function indexesWhere<T>(list: T[], test: (item: T) => boolean): number[] {
  const indexes: number[] = [];
  list.forEach((item, index) => {
    if (test(item)) indexes.push(index);
  });
  return indexes;
}
