/**
 * Characters no entity name, namespace or task id holds, refused in path
 * parameters before any lookup: control characters (`%00` cuts a name short
 * in C libraries and logs) and the Unicode bidirectional controls, which
 * make a name display as another (`orders\u202Etxt.exe`). Without this the
 * request reaches the catalog and comes back a 404 that echoes them.
 */
const UNSAFE =
  // control characters are the point of this pattern
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/**
 * Control characters only, for query values: a search text (`q`) may hold
 * a right-to-left mark, but no query value holds a NUL (PostgreSQL cannot
 * even compare text with one) or another control character.
 */
// control characters are the point of this pattern
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

/** What is wrong with a parameter's value, or undefined when nothing. */
export function unsafeCharacterProblem(
  name: string,
  value: string,
  where: 'path' | 'query' = 'path',
): string | undefined {
  const match = (where === 'path' ? UNSAFE : CONTROL).exec(value);
  if (!match) return undefined;
  const code = match[0].charCodeAt(0);
  const kind =
    code <= 0x9f ? 'a control character' : 'a bidirectional text control';
  return `${name} contains U+${code
    .toString(16)
    .toUpperCase()
    .padStart(4, '0')} (${kind}) at character ${match.index + 1}: ${
    where === 'path'
      ? 'path parameters may not hold control or bidirectional characters'
      : 'query parameters may not hold control characters'
  }`;
}
