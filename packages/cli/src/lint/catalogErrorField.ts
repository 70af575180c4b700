import {
  Entity,
  NoForeignRootFieldsEntityPolicy,
} from '@backstage/catalog-model';
import type { PathSegment } from '../yaml/fieldPath';

/*
 * Which field a message of the catalog's entity checks is about, so lint can
 * place the finding on its line and look past it for the next problem. The
 * checks do not say it other than in their text, so this reads the three
 * shapes @backstage/catalog-model words them in. A message in none of them
 * gives undefined: the finding is then about the whole entity — never a
 * wrong verdict, only a less precise place.
 */

/**
 * FieldFormatEntityPolicy names fields `metadata.name`, `labels.<key>`,
 * `annotations.<key>`, `tags.<i>`, `links.<i>.url`:
 * `"<field>" is not valid; …`, `<field> must have a value`,
 * `<field> could not be validated, …`.
 */
const FIELD_FORMAT = [
  /^"(.+?)" is not valid;/s,
  /^(.+) must have a value$/s,
  /^(.+?) could not be validated, /s,
];

/** NoForeignRootFieldsEntityPolicy: `Unknown field <name>`. */
const UNKNOWN_ROOT_FIELD = /^Unknown field (.+)$/s;

/**
 * The ajv-based checks (the policy's `Malformed envelope, <pointer> <error>`,
 * the validators' `<pointer> <error> - <params>`): the pointer is `<root>` or
 * a JSON pointer, the error starts with "must" (ajv 8).
 */
const SCHEMA = /^(?:Malformed envelope, )?(<root>|\/.*?) must (.*)$/s;
const MISSING_PROPERTY = /^have required property '(.+?)'/;

const ADDITIONAL_ROOT_FIELD =
  /^Malformed envelope, <root> must NOT have additional properties$/;

export interface LocatedCatalogError {
  /** The field, as path segments into the entity; undefined if unknown. */
  field?: PathSegment[];
  /** The catalog's message, with the field's name when it left it out. */
  message: string;
}

/**
 * The field a catalog message is about. The schema check that comes first
 * rejects an unknown root field (`spek:`) without naming it; the catalog's
 * own root-field policy, asked on its own, names it.
 */
export async function locateCatalogError(
  message: string,
  entity: unknown,
): Promise<LocatedCatalogError> {
  if (ADDITIONAL_ROOT_FIELD.test(message)) {
    const named = await new NoForeignRootFieldsEntityPolicy()
      .enforce(entity as Entity)
      .then(
        () => undefined,
        (error: Error) => error.message,
      );
    if (named !== undefined) {
      return {
        field: catalogErrorField(named, entity),
        message: `${message} (${named})`,
      };
    }
  }
  return { field: catalogErrorField(message, entity), message };
}

/** The field, as path segments into the entity, or undefined. */
export function catalogErrorField(
  message: string,
  entity: unknown,
): PathSegment[] | undefined {
  for (const pattern of FIELD_FORMAT) {
    const match = pattern.exec(message);
    if (match) {
      return fieldFormatPath(match[1]);
    }
  }
  const unknown = UNKNOWN_ROOT_FIELD.exec(message);
  if (unknown) {
    return [unknown[1]];
  }
  const schema = SCHEMA.exec(message);
  if (schema) {
    const at = schema[1] === '<root>' ? [] : fromPointer(schema[1], entity);
    const missing = MISSING_PROPERTY.exec(schema[2]);
    return missing ? [...at, missing[1]] : at;
  }
  return undefined;
}

function fieldFormatPath(field: string): PathSegment[] {
  // Label and annotation keys may hold dots and slashes: split once.
  const keyed = /^(labels|annotations)\.(.*)$/s.exec(field);
  if (keyed) {
    return ['metadata', keyed[1], keyed[2]];
  }
  const listed = /^(tags|links)\.(\d+)(?:\.(\w+))?$/.exec(field);
  if (listed) {
    const [, list, index, property] = listed;
    return ['metadata', list, Number(index), ...(property ? [property] : [])];
  }
  return field.split('.');
}

/** A JSON pointer, its indices as numbers where the entity has a list. */
function fromPointer(pointer: string, entity: unknown): PathSegment[] {
  const segments: PathSegment[] = [];
  let node: unknown = entity;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment =
      Array.isArray(node) && /^\d+$/.test(key) ? Number(key) : key;
    segments.push(segment);
    node =
      node !== null && typeof node === 'object'
        ? (node as Record<string, unknown>)[key]
        : undefined;
  }
  return segments;
}
