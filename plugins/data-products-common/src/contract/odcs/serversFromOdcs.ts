import { ACCESS_PATTERN_TYPES } from '../../kind/constants';
import type { AccessPattern, AccessPatternType } from '../../kind/types';
import { EXTENSION, readExtension } from './extensions';
import type { MappingFindings } from './findings';
import { compact, isObject, Json, numberOf, shown, textOf } from './values';

/*
 * ODCS `servers[]` ↔ Stockroom `accessPatterns[]`. A server says where the
 * data lives in connection terms (host, database, schema); an access pattern
 * says how consumers read it, with one location text such as
 * `postgres://warehouse:5432/analytics.commerce`. The location grammar
 * `<type>://<host|account|project>[:port]/<database|catalog>.<schema|dataset>`
 * (or `kafka://<host>/<topic>`) is shared with serversToOdcs.
 */

const STREAMING = new Set(['kafka', 'kinesis', 'pubsub']);

/** `servers[]` → access patterns: kafka/kinesis/pubsub stream, api serves, the rest is batch. */
export function accessPatternsFromOdcs(
  servers: unknown,
  path: string,
  findings: MappingFindings,
): AccessPattern[] | undefined {
  if (servers === undefined || servers === null) {
    return undefined;
  }
  if (!Array.isArray(servers)) {
    findings.warning(
      path,
      `is ${shown(
        servers,
      )}, not a list of servers: access patterns are not mapped from it`,
    );
    return undefined;
  }
  const patterns: AccessPattern[] = [];
  servers.forEach((server, index) => {
    const at = `${path}[${index}]`;
    if (!isObject(server)) {
      findings.warning(at, `is ${shown(server)}, not a server: it is ignored`);
      return;
    }
    const pattern =
      extensionPattern(server, at, findings) ?? derivedPattern(server);
    if (pattern) {
      patterns.push(pattern);
    } else {
      findings.warning(
        `${at}.type`,
        `is ${shown(
          server.type,
        )}: a server needs a type (postgres, snowflake, kafka, api, s3, …) to become an access pattern, so it is ignored`,
      );
    }
  });
  return patterns;
}

function extensionPattern(
  server: Json,
  path: string,
  findings: MappingFindings,
): AccessPattern | undefined {
  const extension = readExtension(server, EXTENSION.accessPattern);
  if (!extension.found) {
    return undefined;
  }
  const value = extension.value;
  if (
    isObject(value) &&
    ACCESS_PATTERN_TYPES.includes(value.type as AccessPatternType)
  ) {
    return compact<AccessPattern>({
      type: value.type as AccessPatternType,
      location: textOf(value.location),
      format: textOf(value.format),
      api: textOf(value.api),
    });
  }
  findings.warning(
    `${path}.customProperties[${extension.index}].value`,
    `${shown(
      value,
    )} is not a Stockroom access pattern ({ type: batch | streaming | api, location, format, api }): the server fields are used instead`,
  );
  return undefined;
}

export function derivedPattern(server: Json): AccessPattern | undefined {
  const type = textOf(server.type)?.toLowerCase();
  if (type === undefined) {
    return undefined;
  }
  let patternType: AccessPatternType = 'batch';
  if (STREAMING.has(type)) {
    patternType = 'streaming';
  } else if (type === 'api') {
    patternType = 'api';
  }
  return compact<AccessPattern>({
    type: patternType,
    location: locationOf(server, type),
    format: textOf(server.format),
  });
}

function locationOf(server: Json, type: string): string | undefined {
  const given = textOf(server.location) ?? textOf(server.path);
  if (given !== undefined) {
    return given;
  }
  const host = textOf(server.host);
  const port = numberOf(server.port);
  const authority =
    (host !== undefined && port !== undefined ? `${host}:${port}` : host) ??
    textOf(server.account) ??
    textOf(server.project) ??
    textOf(server.region);
  const parts =
    type === 'kafka'
      ? [textOf(server.topic)]
      : [
          textOf(server.catalog) ?? textOf(server.database),
          textOf(server.schema) ?? textOf(server.dataset),
        ];
  const path = parts.filter(part => part !== undefined).join('.');
  if (authority === undefined && path === '') {
    return undefined;
  }
  return `${type}://${authority ?? ''}${path ? `/${path}` : ''}`;
}
