/**
 * The parameter names of a request's query string as sent. Express's
 * parser (qs) silently drops names that would touch an object's prototype
 * (`__proto__`, `constructor`, `hasOwnProperty` …), so `req.query` cannot
 * tell that they were given; the raw string can. A bracketed name
 * (`owner[x]`, qs's nesting) counts as its base name (`owner`), which qs
 * turned into an object the parameter's own check refuses.
 */
export function queryNames(url: string): string[] {
  const start = url.indexOf('?');
  if (start < 0) return [];
  const end = url.indexOf('#', start);
  const query = url.slice(start + 1, end < 0 ? undefined : end);
  const names = new Set<string>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const name = decode(equals < 0 ? part : part.slice(0, equals));
    const bracket = name.indexOf('[');
    names.add(bracket > 0 ? name.slice(0, bracket) : name);
  }
  return [...names];
}

/** As qs decodes a name: `+` is a space; a broken `%` escape stays as sent. */
function decode(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
