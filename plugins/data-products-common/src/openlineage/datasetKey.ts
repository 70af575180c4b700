/**
 * One key per dataset, so that what a pipeline reports (an OpenLineage
 * namespace and name) and what an owner writes in the `openlineage.io/dataset`
 * annotation (either `namespace/name` or the full `scheme://authority/path`)
 * meet on the same string. Case is kept — table and path names are case
 * sensitive in many stores — except the URI scheme, which never is.
 *
 * Following the OpenLineage naming spec (standards.md "Dataset identity"):
 * `s3a://` and `s3n://` are Hadoop's names for `s3://`, and a trailing `/`
 * on a name (a directory-like location) names the same dataset without it.
 */

/** Schemes that name the same store as another. */
const SCHEME_ALIASES: Record<string, string> = { s3a: 's3', s3n: 's3' };

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(.*)$/;

/**
 * The key of an OpenLineage dataset: `namespace/name`, e.g.
 * `snowflake://acme/ANALYTICS.IDENTITY.CUSTOMER_IDENTITY` or
 * `bigquery/project.dataset.table`. The scheme is lower-cased, a
 * `scheme://` namespace with no authority reads as just `scheme` (so
 * `file:///tmp/x` and namespace `file` + name `/tmp/x` agree), and slashes
 * where namespace and name meet collapse to one.
 *
 * @public
 */
export function datasetKey(namespace: string, name: string): string {
  const path = trimSlashes(trimSlashes(name.trim(), true), false);
  return `${normalizeNamespace(namespace)}/${path}`;
}

/**
 * Every key a dataset is known by: its own, then those of the identifiers
 * in its `symlinks` facet (Spark names a Hive table by its location and
 * puts the table name there), each once.
 *
 * @public
 */
export function datasetIdentities(
  namespace: string,
  name: string,
  facets: Record<string, unknown> | undefined,
): string[] {
  const keys = [datasetKey(namespace, name)];
  const symlinks = facets?.symlinks as { identifiers?: unknown } | undefined;
  const identifiers = Array.isArray(symlinks?.identifiers)
    ? symlinks!.identifiers
    : [];
  for (const identifier of identifiers as unknown[]) {
    const { namespace: ns, name: n } = (identifier ?? {}) as Record<
      string,
      unknown
    >;
    if (typeof ns !== 'string' || typeof n !== 'string') continue;
    if (ns.trim() === '' || n.trim() === '') continue;
    const key = datasetKey(ns, n);
    if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}

/**
 * The dataset keys of an `openlineage.io/dataset` annotation value: a
 * comma-separated list of `namespace/name` or `scheme://authority/path`
 * entries. Blank entries are dropped and duplicates kept once.
 *
 * @public
 */
export function datasetKeysOf(annotationValue: string): string[] {
  if (typeof annotationValue !== 'string') {
    return [];
  }
  const keys: string[] = [];
  for (const entry of annotationValue.split(',')) {
    const key = keyOfReference(entry.trim());
    if (key && !keys.includes(key)) {
      keys.push(key);
    }
  }
  return keys;
}

function keyOfReference(reference: string): string | undefined {
  if (reference === '') {
    return undefined;
  }
  const uri = SCHEME.exec(reference);
  if (uri) {
    const scheme = canonicalScheme(uri[1]);
    const rest = uri[2];
    // `file:///tmp/x`: no authority, so the namespace is the bare scheme.
    if (rest.startsWith('/')) {
      return datasetKey(scheme, rest);
    }
    const slash = rest.indexOf('/');
    // `bigquery://project.dataset.table`: a namespace alone names no dataset,
    // so the only reading is scheme + name, as OpenLineage's `bigquery`.
    if (slash < 0) {
      return datasetKey(scheme, rest);
    }
    return datasetKey(`${scheme}://${rest.slice(0, slash)}`, rest.slice(slash));
  }
  const slash = reference.indexOf('/');
  // Without a slash there is no namespace; kept as written, it matches nothing
  // rather than something by accident.
  if (slash < 0) {
    return reference;
  }
  return datasetKey(reference.slice(0, slash), reference.slice(slash));
}

function normalizeNamespace(namespace: string): string {
  const trimmed = namespace.trim();
  const uri = SCHEME.exec(trimmed);
  if (!uri) {
    return trimSlashes(trimmed, false);
  }
  const authority = trimSlashes(uri[2], false);
  const scheme = canonicalScheme(uri[1]);
  return authority === '' ? scheme : `${scheme}://${authority}`;
}

function canonicalScheme(scheme: string): string {
  const lower = scheme.toLowerCase();
  return SCHEME_ALIASES[lower] ?? lower;
}

function trimSlashes(text: string, leading: boolean): string {
  if (leading) {
    let start = 0;
    while (text.charCodeAt(start) === 47 /* / */) start++;
    return start === 0 ? text : text.slice(start);
  }
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 47 /* / */) end--;
  return end === text.length ? text : text.slice(0, end);
}
