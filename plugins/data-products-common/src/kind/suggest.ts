/**
 * "Did you mean …?" for misspelt field names and enum values. Owners mostly
 * make one-letter typos (`catgory`), case slips (`createdon`) or truncations
 * (`core` for `core-entity`), so an edit distance plus a prefix match covers
 * them without suggesting something unrelated.
 *
 * @public
 */
export function didYouMean(
  input: string,
  candidates: readonly string[],
): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined) {
    const allowed = Math.max(
      1,
      Math.floor(Math.max(needle.length, best.length) / 3),
    );
    if (bestDistance <= allowed) {
      return best;
    }
  }
  if (needle.length < 3) {
    return undefined;
  }
  const partial = candidates.filter(candidate => {
    const lower = candidate.toLowerCase();
    return lower.startsWith(needle) || needle.startsWith(lower);
  });
  return partial.length === 1 ? partial[0] : undefined;
}

/** `Did you mean \`x\`? ` to start a hint with, or '' when nothing is close. */
export function didYouMeanPrefix(
  input: string,
  candidates: readonly string[],
): string {
  const suggestion = didYouMean(input, candidates);
  return suggestion ? `Did you mean \`${suggestion}\`? ` : '';
}

/** Levenshtein distance, two rows; inputs are short field names. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}
