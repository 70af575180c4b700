/** One step of a field path: a mapping key or a sequence index. */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

/**
 * `['spec', 'contract', 'schema', 2, 'name']` → `spec.contract.schema[2].name`,
 * the engine's path notation (keys that are not identifiers in `["…"]`).
 */
export function formatPath(segments: readonly PathSegment[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') {
      path += `[${segment}]`;
    } else if (IDENTIFIER.test(segment)) {
      path += path ? `.${segment}` : segment;
    } else {
      path += `[${JSON.stringify(segment)}]`;
    }
  }
  return path;
}

/**
 * The inverse of {@link formatPath}: `metadata.annotations["a.io/b"]` →
 * `['metadata', 'annotations', 'a.io/b']`. Lenient: whatever cannot be read
 * as a segment ends the path, so a caller still gets the parents.
 */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let rest = path;
  while (rest.length > 0) {
    const key = /^\.?([A-Za-z_$][\w$-]*)/.exec(rest);
    if (key) {
      segments.push(key[1]);
      rest = rest.slice(key[0].length);
      continue;
    }
    const index = /^\[(\d+)\]/.exec(rest);
    if (index) {
      segments.push(Number(index[1]));
      rest = rest.slice(index[0].length);
      continue;
    }
    const quoted = /^\[("(?:[^"\\]|\\.)*")\]/.exec(rest);
    if (quoted) {
      segments.push(JSON.parse(quoted[1]));
      rest = rest.slice(quoted[0].length);
      continue;
    }
    break;
  }
  return segments;
}
