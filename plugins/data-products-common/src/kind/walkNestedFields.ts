import { MAX_SCHEMA_DEPTH, MAX_SCHEMA_FIELDS, formatCount } from './limits';

/** One list of fields to walk: where it sits, and what its fields inherit. */
export interface FieldList<C> {
  list: readonly unknown[];
  /** Path of the list itself, e.g. `outputs[0].facets.schema.fields`. */
  path: string;
  /** What the fields of this list need from their parent (a name prefix). */
  context: C;
}

/** Where a schema went over a limit, and which. */
export interface NestedFieldsLimit {
  limit: 'depth' | 'fields';
  /** The list nested too deep, or the first field over the count. */
  path: string;
}

/**
 * Visits every field of a nested schema (OpenLineage schema facet fields,
 * ODCS properties) in document order, each parent before its children, with
 * an explicit stack instead of recursion: a schema nested 20,000 levels deep
 * must get a finding, not overflow the stack. `visit` gets each field and
 * its path and returns the lists of its child fields. Stops at the first
 * field past {@link MAX_SCHEMA_FIELDS} or the first non-empty list past
 * {@link MAX_SCHEMA_DEPTH} levels, and says where.
 */
export function walkNestedFields<C>(
  root: FieldList<C>,
  visit: (field: unknown, path: string, context: C) => FieldList<C>[],
): NestedFieldsLimit | undefined {
  type Frame = FieldList<C> & { next: number; depth: number };
  const stack: Frame[] = [{ ...root, next: 0, depth: 1 }];
  let count = 0;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next >= frame.list.length) {
      stack.pop();
      continue;
    }
    const index = frame.next++;
    const path = `${frame.path}[${index}]`;
    if (++count > MAX_SCHEMA_FIELDS) {
      return { limit: 'fields', path };
    }
    const children = visit(frame.list[index], path, frame.context);
    // pushed last first, so the first list is walked first
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child.list.length === 0) continue;
      if (frame.depth + 1 > MAX_SCHEMA_DEPTH) {
        return { limit: 'depth', path: child.path };
      }
      stack.push({ ...child, next: 0, depth: frame.depth + 1 });
    }
  }
  return undefined;
}

/**
 * What a limit means, after the path: `… is nested more than 32 levels
 * deep: …`. `whatHappens` says the consequence (`the event is refused`).
 */
export function nestedFieldsLimitMessage(
  limit: NestedFieldsLimit,
  whatHappens: string,
): string {
  return limit.limit === 'depth'
    ? `is nested more than ${MAX_SCHEMA_DEPTH} levels deep, the limit of a schema: ${whatHappens}`
    : `is past the limit of ${formatCount(
        MAX_SCHEMA_FIELDS,
      )} fields in one schema (nested fields counted): ${whatHappens}`;
}
