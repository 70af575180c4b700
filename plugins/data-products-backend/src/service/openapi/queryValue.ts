import { range } from './describeSchemaError';

/** An OpenAPI parameter's schema, as far as reading a query string needs. */
export interface ParameterSchema {
  type?: string;
  items?: ParameterSchema;
  minimum?: number;
  maximum?: number;
  /** What a handler reads when the parameter is not given. */
  default?: unknown;
}

export type QueryValue =
  | { ok: true; value: unknown }
  | { ok: false; message: string };

/**
 * A query parameter's raw value (what Express's parser made of the query
 * string) as its schema's type: a list for `type: array` (comma-separated
 * when `explode` is false, and repeatable either way; blank parts dropped),
 * numbers and booleans from their text. Anything that cannot be read as the
 * type is refused rather than guessed at, so `?limit=10abc` or
 * `?sort=a&sort=b` is a 400, never a silently different query.
 */
export function readQueryValue(
  name: string,
  raw: unknown,
  schema: ParameterSchema,
  explode: boolean,
): QueryValue {
  if (schema.type === 'array') {
    const values = [raw].flat();
    if (values.some(value => typeof value !== 'string')) {
      return fail(`${name} must be plain values, comma-separated or repeated`);
    }
    const parts = (values as string[])
      .flatMap(value => (explode ? [value] : value.split(',')))
      .map(value => value.trim())
      .filter(value => value !== '');
    if (parts.length === 0) {
      return fail(
        `${name} is empty: leave it out, or give one or more values${
          explode ? '' : ', comma-separated'
        }`,
      );
    }
    const items: unknown[] = [];
    for (const part of new Set(parts)) {
      const item = scalar(name, part, schema.items ?? {});
      if (!item.ok) return item;
      items.push(item.value);
    }
    return { ok: true, value: items };
  }
  if (typeof raw !== 'string') {
    return fail(`${name} must be given once, as a plain value`);
  }
  return scalar(name, raw, schema);
}

function scalar(name: string, text: string, schema: ParameterSchema) {
  switch (schema.type) {
    case 'integer':
      return /^-?\d{1,15}$/.test(text)
        ? ok(Number(text))
        : fail(`${name} must be ${range(schema)}, not ${quoted(text)}`);
    case 'number':
      return /^-?\d{1,15}(\.\d{1,15})?$/.test(text)
        ? ok(Number(text))
        : fail(`${name} must be ${range(schema)}, not ${quoted(text)}`);
    case 'boolean':
      return text === 'true' || text === 'false'
        ? ok(text === 'true')
        : fail(`${name} must be true or false, not ${quoted(text)}`);
    default:
      return ok(text);
  }
}

function ok(value: unknown): QueryValue {
  return { ok: true, value };
}

function fail(message: string): QueryValue {
  return { ok: false, message };
}

export function quoted(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}
