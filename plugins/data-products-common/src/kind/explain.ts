import type { ErrorObject } from 'ajv';
import { inlineYaml } from './inlineYaml';
import { formatCount } from './limits';
import { NON_BLANK_PATTERN } from './patterns';
import type { ValidationProblem } from './problem';
import { didYouMean, didYouMeanPrefix } from './suggest';
import { valueKindOf } from './valueKinds';

type Segment = string | number;

// Keywords whose failure only summarises failures of their sub-schemas.
const WRAPPERS = new Set(['if', 'anyOf', 'oneOf', 'allOf', 'not']);

// When one path fails several keywords, the earlier one explains best:
// an enum lists the allowed values, which says more than "not text".
const PRIORITY = [
  'required',
  'additionalProperties',
  'enum',
  'const',
  'type',
  'maxLength',
  'maxItems',
  'format',
  'pattern',
  'minimum',
  'maximum',
  'minLength',
];

function rank(error: ErrorObject): number {
  const index = PRIORITY.indexOf(error.keyword);
  return index === -1 ? PRIORITY.length : index;
}

/**
 * Turns ajv's errors into one owner-facing problem per field. Only runs for
 * invalid entities, so it may allocate freely.
 *
 * ajv reports some problems several times (a wrong `category: 5` fails both
 * `type` and `enum`; a date fails `pattern` and `format`) and adds wrapper
 * errors (`if`, `anyOf`) on top of the real ones; we keep the most telling
 * error per path and drop the wrappers.
 */
export function explainSchemaErrors(
  errors: readonly ErrorObject[],
  rootSchema: unknown,
): ValidationProblem[] {
  const chosen = new Map<string, { error: ErrorObject; segments: Segment[] }>();
  for (const error of errors) {
    if (WRAPPERS.has(error.keyword)) {
      continue;
    }
    const segments = problemSegments(error);
    const path = formatPath(segments);
    const previous = chosen.get(path);
    if (!previous || rank(error) < rank(previous.error)) {
      chosen.set(path, { error, segments });
    }
  }
  return Array.from(chosen.values(), ({ error, segments }) =>
    explainError(error, segments, rootSchema),
  );
}

function problemSegments(error: ErrorObject): Segment[] {
  const segments = pointerSegments(error.instancePath);
  if (error.keyword === 'required') {
    segments.push(error.params.missingProperty);
  } else if (error.keyword === 'additionalProperties') {
    segments.push(error.params.additionalProperty);
  }
  return segments;
}

function pointerSegments(pointer: string): Segment[] {
  if (!pointer) {
    return [];
  }
  return pointer
    .slice(1)
    .split('/')
    .map(raw => {
      const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment;
    });
}

/** `['spec', 'contract', 'schema', 2, 'name']` → `spec.contract.schema[2].name`. */
export function formatPath(segments: readonly Segment[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') {
      path += `[${segment}]`;
    } else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) {
      path += path ? `.${segment}` : segment;
    } else {
      path += `[${JSON.stringify(segment)}]`;
    }
  }
  return path;
}

/**
 * The schema describing the value at `segments`, found by walking the entity
 * schema along the data path. Walking by data rather than by ajv's
 * schemaPath matters for if/then errors, whose schemaPath points into a
 * `then` that knows nothing about the field.
 */
function schemaAt(root: any, segments: readonly Segment[]): any {
  let schema = root;
  for (const segment of segments) {
    if (!schema || typeof schema !== 'object') {
      return undefined;
    }
    schema =
      typeof segment === 'number' ? schema.items : schema.properties?.[segment];
  }
  return schema;
}

function explainError(
  error: ErrorObject,
  segments: Segment[],
  root: unknown,
): ValidationProblem {
  const path = formatPath(segments);
  const subject = path || 'the entity';
  const field = schemaAt(root, segments);
  const key = segments[segments.length - 1];
  const value = error.data;

  switch (error.keyword) {
    case 'required':
      return {
        path,
        message: `${subject} is missing`,
        hint: withExample(field?.description, 'Add', key, field),
      };

    case 'additionalProperties': {
      const parentSegments = segments.slice(0, -1);
      const allowed = Object.keys(
        schemaAt(root, parentSegments)?.properties ?? {},
      );
      const where = formatPath(parentSegments) || 'the entity';
      // The suggestion is in the message, not only the hint: lint's short
      // output and the catalog's error list show the message first.
      const suggestion = didYouMean(String(key), allowed);
      return {
        path,
        message: suggestion
          ? `${subject} is not a DataProduct field: did you mean \`${suggestion}\`?`
          : `${subject} is not a DataProduct field`,
        hint: `Fields allowed in ${where}: ${allowed.join(', ')}.`,
      };
    }

    case 'enum':
    case 'const': {
      const allowed: unknown[] =
        error.keyword === 'enum'
          ? error.params.allowedValues
          : [error.params.allowedValue];
      const suggestion =
        typeof value === 'string'
          ? didYouMeanPrefix(value, allowed.map(String))
          : '';
      const noun = typeof key === 'string' ? key : 'value';
      return {
        path,
        message: `${subject} is ${show(value)}, which is not a known ${noun}`,
        hint:
          allowed.length === 1
            ? `Write \`${exampleLine(key, allowed[0])}\`.`
            : `${suggestion}Use one of: ${allowed.join(', ')}.`,
      };
    }

    case 'type':
      return explainWrongType(error, subject, path, key, field);

    case 'maxLength':
    case 'maxItems':
      return explainTooLong(error, subject, path);

    default: {
      if (isBlankText(error)) {
        return {
          path,
          message: `${subject} is empty`,
          hint: withExample(field?.description, 'Write', key, field),
        };
      }
      const kind = valueKindOf(field);
      if (kind) {
        return {
          path,
          message: `${subject} is ${show(value)}, which is not ${kind.noun}`,
          hint: kind.hint(value, exampleLine(key, field?.examples?.[0])),
        };
      }
      return {
        path,
        message: `${subject} is ${show(value)}, which ${
          error.message ?? 'is not allowed'
        }`,
        hint: withExample(field?.description, 'Write', key, field),
      };
    }
  }
}

/** A text or a list over its size limit (see limits.ts). */
function explainTooLong(
  error: ErrorObject,
  subject: string,
  path: string,
): ValidationProblem {
  const limit = formatCount(Number(error.params.limit));
  const value = error.data as string | unknown[];
  if (error.keyword === 'maxItems') {
    return {
      path,
      message: `${subject} has ${formatCount(
        value.length,
      )} items, over the limit of ${limit}`,
      hint: `A DataProduct lists at most ${limit} items here: split the product, or keep only what consumers rely on.`,
    };
  }
  return {
    path,
    message: `${subject} is ${formatCount(
      value.length,
    )} characters long, over the limit of ${limit}`,
    hint: `Write at most ${limit} characters here: keep it to what consumers need and link to longer documentation from metadata.links.`,
  };
}

// Required text fields say so with a pattern (see NON_BLANK_PATTERN).
function isBlankText(error: ErrorObject): boolean {
  return (
    error.keyword === 'minLength' ||
    (error.keyword === 'pattern' && error.params.pattern === NON_BLANK_PATTERN)
  );
}

const TYPE_NOUNS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object (a mapping of fields)',
  null: 'empty',
};

function explainWrongType(
  error: ErrorObject,
  subject: string,
  path: string,
  key: Segment | undefined,
  field: any,
): ValidationProblem {
  const expected = String(error.params.type).split(',')[0];
  const kind = valueKindOf(field);
  const example = exampleLine(key, field?.examples?.[0]);
  // A duration written as 5 is "not a duration"; a rate written as "0.1" is
  // "not a number" — the quotes, not the value, are what to fix.
  const noun =
    kind && kind.jsonType === 'string'
      ? kind.noun
      : TYPE_NOUNS[expected] ?? expected;
  let hint: string;
  if (kind) {
    hint = kind.hint(error.data, example);
  } else if (expected === 'array') {
    hint = `Write a YAML list (one \`- \` item per entry), e.g. \`${example}\`.`;
  } else if (expected === 'object') {
    hint = `Write its fields indented under ${
      typeof key === 'string' ? key : 'the item'
    }, e.g. \`${example}\`.`;
  } else if (expected === 'boolean') {
    hint = `Write true or false without quotes, e.g. \`${example}\`.`;
  } else if (expected === 'number' || expected === 'integer') {
    hint = `Write a number without quotes, e.g. \`${example}\`.`;
  } else {
    hint = withExample(field?.description, 'Write', key, field);
  }
  return {
    path,
    message: `${subject} is ${show(error.data)}, which is not ${noun}`,
    hint,
  };
}

/** `The Group that owns the product. Add e.g. \`owner: group:identity-platform\`.` */
function withExample(
  description: string | undefined,
  verb: string,
  key: Segment | undefined,
  field: any,
): string {
  const example = field?.examples?.[0];
  const parts: string[] = [];
  if (description) {
    parts.push(description);
  }
  parts.push(
    example === undefined
      ? `${verb} a value for ${String(key)}.`
      : `${verb} e.g. \`${exampleLine(key, example)}\`.`,
  );
  return parts.join(' ');
}

/** `owner: group:identity-platform`, or `- customer_id` for a list item. */
function exampleLine(key: Segment | undefined, example: unknown): string {
  const value = inlineYaml(example);
  if (typeof key === 'number') {
    return `- ${value}`;
  }
  return key === undefined ? value : `${key}: ${value}`;
}

/** The offending value as the owner wrote it. */
function show(value: unknown): string {
  if (value === null || value === undefined) {
    return 'empty';
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (typeof value === 'object') {
    return 'an object';
  }
  if (typeof value === 'string') {
    return JSON.stringify(value);
  }
  return String(value);
}
