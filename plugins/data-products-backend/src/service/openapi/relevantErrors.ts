import { ErrorObject } from 'ajv';

/**
 * ajv's errors of a `oneOf`/`anyOf` list every branch's complaints: for an
 * OpenLineage body (one RunEvent or an array) a bad event would also read
 * "must be an array" and "must match exactly one schema in oneOf". Keep
 * what the caller can act on: the errors of the branches whose type the
 * value has; when it has none of them, one error naming every type.
 */
export function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  let kept = errors;
  for (const union of errors) {
    if (union.keyword !== 'oneOf' && union.keyword !== 'anyOf') continue;
    const branches = Array.isArray(union.schema) ? union.schema.length : 0;
    const mismatches = kept.filter(
      error =>
        error.keyword === 'type' &&
        error.instancePath === union.instancePath &&
        error.schemaPath.startsWith(`${union.schemaPath}/`),
    );
    if (branches > 0 && mismatches.length === branches) {
      const types = mismatches.map(error => String(error.params.type));
      kept = kept.filter(
        error => error !== union && !mismatches.includes(error),
      );
      kept.push({ ...mismatches[0], params: { type: types.join(',') } });
    } else {
      kept = kept.filter(
        error => error !== union && !mismatches.includes(error),
      );
    }
  }
  return kept;
}
