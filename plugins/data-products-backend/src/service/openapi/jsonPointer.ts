/** `/runs/2/a~1b` → `['runs', '2', 'a/b']` (RFC 6901). */
export function pointerSegments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map(segment => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** One segment escaped for a JSON pointer: `a/b` → `a~1b`. */
export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Segments as a field path under `where`: `runs`, `2`, `status` → `runs[2].status`. */
export function dottedPath(where: string, segments: string[]): string {
  let path = where;
  for (const key of segments) {
    if (/^\d+$/.test(key)) path = `${path}[${key}]`;
    else path = path ? `${path}.${key}` : key;
  }
  return path;
}
