import { ErrorObject } from 'ajv';
import { dottedPath, pointerSegments } from './jsonPointer';

const FORMATS: Record<string, string> = {
  'date-time':
    'an ISO-8601 date-time with a time zone (e.g. 2026-11-25T12:00:00Z)',
  date: 'an ISO-8601 date (e.g. 2026-11-25)',
  uuid: 'a UUID',
};

/**
 * One ajv error (compiled with `verbose`, so it carries the value and its
 * schema) in words a caller can act on, naming the field and what is
 * allowed: `limit must be a whole number from 1 to 500, not "0"`,
 * `runs[2].status "done" is unknown; allowed values are success, failed`.
 *
 * `where` names what the instance path starts from: a query parameter's
 * name, or '' for a body. A query parameter's list items are named by the
 * parameter alone (`state "gone"`, not `state[1]`).
 */
export function describeSchemaError(
  where: string,
  error: ErrorObject,
  options: { query?: boolean } = {},
): string {
  const field =
    fieldPath(where, options.query ? '' : error.instancePath) || 'the body';
  const params = error.params as Record<string, unknown>;
  const schema = (error.parentSchema ?? {}) as Record<string, unknown>;
  const value = shown(error.data, options.query);
  switch (error.keyword) {
    case 'required':
      return `${dottedPath(field, [
        String(params.missingProperty),
      ])} is required`;
    case 'additionalProperties':
      return `${dottedPath(field, [
        String(params.additionalProperty),
      ])} is not a known field`;
    case 'enum':
      return `${field} ${value} is unknown; allowed values are ${(
        params.allowedValues as unknown[]
      )
        .filter(v => v !== null)
        .map(String)
        .join(', ')}`;
    case 'type':
      return `${field} must be ${article(String(params.type))}, not ${value}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${field} must be ${range(schema)}, not ${value}`;
    case 'format':
      return `${field} must be ${
        FORMATS[String(params.format)] ?? `in the format ${params.format}`
      }, not ${value}`;
    case 'maxLength':
      return `${field} must be at most ${params.limit} characters long`;
    case 'minItems':
      return `${field} must have at least ${params.limit} item${
        params.limit === 1 ? '' : 's'
      }`;
    default:
      return `${field} ${error.message ?? 'is invalid'}`;
  }
}

/** `/runs/2/status` under `` → `runs[2].status`. */
export function fieldPath(where: string, instancePath: string): string {
  return dottedPath(where, pointerSegments(instancePath));
}

/** "a whole number from 1 to 500", "a number of at least 0". */
export function range(schema: {
  type?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  exclusiveMinimum?: unknown;
  exclusiveMaximum?: unknown;
}): string {
  const what = schema.type === 'integer' ? 'a whole number' : 'a number';
  const min = schema.minimum ?? schema.exclusiveMinimum;
  const max = schema.maximum ?? schema.exclusiveMaximum;
  if (min !== undefined && max !== undefined) {
    return `${what} from ${min} to ${max}`;
  }
  if (min !== undefined) return `${what} of at least ${min}`;
  if (max !== undefined) return `${what} of at most ${max}`;
  return what;
}

/** The offending value, short: as typed for a query, as JSON in a body. */
function shown(data: unknown, query?: boolean): string {
  const text =
    query || typeof data === 'string' ? String(data) : safeJson(data);
  const short = text === undefined ? 'nothing' : text;
  return JSON.stringify(short.length > 60 ? `${short.slice(0, 60)}…` : short);
}

/** JSON of a value, or what it is when too deep to serialize (a 400, not a 500). */
function safeJson(data: unknown): string | undefined {
  try {
    return JSON.stringify(data);
  } catch {
    return Array.isArray(data) ? 'an array' : 'an object';
  }
}

function article(type: string): string {
  return type
    .split(',')
    .map(t => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`))
    .join(' or ');
}
