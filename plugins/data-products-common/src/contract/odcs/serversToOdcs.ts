import type { JsonObject } from '@backstage/types';
import type { AccessPattern } from '../../kind/types';
import { canonicalJson } from '../canonicalJson';
import { EXTENSION, extensionList } from './extensions';
import { derivedPattern } from './serversFromOdcs';
import { compact, textOf } from './values';

/*
 * Access patterns → ODCS servers. Each ODCS server type requires its own
 * fields (postgres: host, port, database, schema) and allows no others, so
 * a location becomes a typed server only when it supplies them all.
 */

const URI = /^[a-z][a-z0-9+.-]*:\S*$/i;
const WITH_FORMAT = new Set([
  'azure',
  'glue',
  'kafka',
  'kinesis',
  'local',
  's3',
  'sftp',
  'custom',
]);

interface Location {
  scheme: string;
  host?: string;
  port?: number;
  segments: string[];
}

function parseLocation(location: string | undefined): Location | undefined {
  const match = location?.match(
    /^([a-z][a-z0-9+.-]*):\/\/([^/]*)(?:\/(.*))?$/i,
  );
  if (!match) {
    return undefined;
  }
  const [, scheme, authority, rest] = match;
  const portMatch = authority.match(/^(.*):(\d+)$/);
  return {
    scheme: scheme.toLowerCase(),
    host: (portMatch ? portMatch[1] : authority) || undefined,
    port: portMatch ? Number(portMatch[2]) : undefined,
    segments: rest ? rest.split('.').filter(Boolean) : [],
  };
}

// Server fields per ODCS type from a parsed location; undefined when the
// location lacks a field that ODCS requires for that type.
const BUILDERS: Record<
  string,
  (l: Location, text: string) => JsonObject | undefined
> = {
  snowflake: l =>
    need(l.host && l.segments.length >= 2, {
      account: l.host,
      database: l.segments[0],
      schema: l.segments[1],
    }),
  postgres: l =>
    need(l.host && l.port && l.segments.length >= 2, {
      host: l.host,
      port: l.port,
      database: l.segments[0],
      schema: l.segments[1],
    }),
  postgresql: l => BUILDERS.postgres(l, ''),
  redshift: l =>
    need(l.segments.length >= 2, {
      host: l.host,
      database: l.segments[0],
      schema: l.segments[1],
    }),
  sqlserver: l =>
    need(l.host && l.segments.length >= 2, {
      host: l.host,
      port: l.port,
      database: l.segments[0],
      schema: l.segments[1],
    }),
  mysql: l =>
    need(l.host && l.port && l.segments.length >= 1, {
      host: l.host,
      port: l.port,
      database: l.segments[0],
    }),
  bigquery: l =>
    need(l.host && l.segments.length >= 1, {
      project: l.host,
      dataset: l.segments[0],
    }),
  databricks: l =>
    need(l.segments.length >= 2, {
      host: l.host,
      catalog: l.segments[0],
      schema: l.segments[1],
    }),
  trino: l =>
    need(l.host && l.port && l.segments.length >= 2, {
      host: l.host,
      port: l.port,
      catalog: l.segments[0],
      schema: l.segments[1],
    }),
  kafka: l => need(l.host, { host: l.host }),
  s3: (_l, text) => ({ location: text }),
  sftp: (_l, text) => ({ location: text }),
};

function need(
  ok: unknown,
  fields: Record<string, string | number | undefined>,
) {
  return ok ? (compact(fields) as JsonObject) : undefined;
}

/**
 * Access patterns → ODCS servers, typed where the location has the fields
 * ODCS requires for that type (else `custom` with the location), and with
 * the exact pattern as an extension wherever the server alone would not
 * read back as the same pattern (a table name, a format, an API entity).
 */
export function serversToOdcs(patterns: AccessPattern[]): JsonObject[] {
  const names = new Map<string, number>();
  return patterns.map(pattern => {
    const server = serverFields(pattern);
    const type = server.type as string;
    const count = (names.get(type) ?? 0) + 1;
    names.set(type, count);
    const named: JsonObject = {
      server: count === 1 ? type : `${type}-${count}`,
      ...server,
    };
    const derived = derivedPattern(named);
    const exact = compact({ ...pattern }) as JsonObject;
    if (!sameJson(derived, exact)) {
      named.customProperties = extensionList([
        [EXTENSION.accessPattern, exact],
      ])!;
    }
    return named;
  });
}

function serverFields(pattern: AccessPattern): JsonObject {
  const location = textOf(pattern.location);
  if (pattern.type === 'api') {
    const target = [location, textOf(pattern.api)].find(t => t && URI.test(t));
    return target
      ? { type: 'api', location: target }
      : custom(location, pattern.format);
  }
  const parsed = parseLocation(location);
  const builder = parsed ? BUILDERS[parsed.scheme] : undefined;
  const fields = builder && parsed ? builder(parsed, location!) : undefined;
  if (!fields) {
    return custom(location, pattern.format);
  }
  const type = parsed!.scheme === 'postgresql' ? 'postgresql' : parsed!.scheme;
  return compact({
    type,
    ...fields,
    format: WITH_FORMAT.has(type) ? textOf(pattern.format) : undefined,
  }) as JsonObject;
}

function custom(
  location: string | undefined,
  format: string | undefined,
): JsonObject {
  const uri = location !== undefined && URI.test(location);
  return compact({
    type: 'custom',
    location: uri ? location : undefined,
    path: uri ? undefined : location,
    format: textOf(format),
  }) as JsonObject;
}

function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
