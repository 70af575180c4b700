/** True when the argument is a glob pattern rather than a path. */
export function isGlob(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

/**
 * A `/`-separated glob as a regular expression over `/`-separated paths:
 * `**` any number of directories, `*` and `?` within one name, `{a,b}`
 * alternatives, `[abc]` character classes. Enough for catalog file patterns
 * such as `catalog/**\/*.yaml` or `{a,b}/catalog-info.yaml`.
 */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        const slash = pattern[i + 2] === '/';
        source += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else {
        source += '[^/]*';
      }
    } else if (c === '?') {
      source += '[^/]';
    } else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) {
        source += '\\[';
      } else {
        const body = pattern.slice(i + 1, end).replace(/^!/, '^');
        source += `[${body.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '{') {
      braces++;
      source += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (c === ',' && braces > 0) {
      source += '|';
    } else {
      source += c.replace(/[.+^$(){}|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

/** The directory part of a glob before its first wildcard: where to start walking. */
export function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const firstWild = segments.findIndex(isGlob);
  const base = segments.slice(0, firstWild < 0 ? -1 : firstWild).join('/');
  return base === '' && pattern.startsWith('/') ? '/' : base || '.';
}
