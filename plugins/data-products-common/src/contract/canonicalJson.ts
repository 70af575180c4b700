/**
 * JSON with object keys sorted at every level and undefined members left
 * out, so that two equal values always give the same text whatever order
 * their keys were written in (YAML authors, ODCS tools and our own code all
 * order keys differently).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value
      .map(item => (item === undefined ? 'null' : canonicalJson(item)))
      .join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .filter(key => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map(
        key =>
          `${JSON.stringify(key)}:${canonicalJson(
            (value as Record<string, unknown>)[key],
          )}`,
      );
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
