import type { Entity, KindValidator } from '@backstage/catalog-model';
import { DATA_PRODUCT_API_VERSION, DATA_PRODUCT_KIND } from './constants';
import { explainSchemaErrors } from './explain';
import { documentLimitProblems } from './documentLimits';
import { MAX_DOCUMENT_DEPTH } from './limits';
import { isPlainDocumentWithinLimits } from './plainDocument';
import { prototypeKeyProblems } from './prototypeKeys';
import { formatValidationProblem, type ValidationProblem } from './problem';
import { dataProductEntitySchema } from './schema';
import { exactSchemaValidator, quickSchemaValidator } from './schemaValidators';
import { checkSemantics } from './semantic';
import type { DataProductEntityV1alpha1 } from './types';

/** Every schema violation of `entity`, explained; none when it is valid. */
function schemaProblems(entity: unknown): ValidationProblem[] {
  if (quickSchemaValidator()(entity)) return [];
  const validate = exactSchemaValidator();
  // valid after all: a text within its length in characters, not in units
  if (validate(entity)) return [];
  return explainSchemaErrors(validate.errors ?? [], dataProductEntitySchema);
}

/**
 * Every problem with a DataProduct entity: schema violations (one per field,
 * with a fix) and the cross-field checks a schema cannot express. An empty
 * list means the entity is valid.
 *
 * @public
 */
export function validateDataProduct(entity: unknown): ValidationProblem[] {
  // Size and depth first: a document nested too deep must not reach
  // anything that recurses (ajv, JSON.stringify); an oversized one is still
  // checked, so the field that makes it big is named with its own limit.
  // Nearly every entity passes both walks: one combined walk says so.
  let limitProblems: ValidationProblem[] = [];
  if (!isPlainDocumentWithinLimits(entity)) {
    const limits = documentLimitProblems(entity);
    if (limits.tooDeep) {
      return limits.problems;
    }
    // Before the schema: a `__proto__` made the prototype hides its fields
    // from ajv, which would pass what the entity does not say.
    const prototypeKeys = prototypeKeyProblems(entity, MAX_DOCUMENT_DEPTH);
    if (prototypeKeys.length > 0) {
      return [...limits.problems, ...prototypeKeys];
    }
    limitProblems = limits.problems;
  }
  const problems = schemaProblems(entity);
  problems.unshift(...limitProblems);
  checkSemantics(entity, problems);
  return problems;
}

/**
 * True when the entity declares itself a DataProduct (apiVersion and kind);
 * says nothing about whether it is valid.
 *
 * @public
 */
export function isDataProductEntity(
  entity: Entity,
): entity is DataProductEntityV1alpha1 {
  return (
    entity.apiVersion === DATA_PRODUCT_API_VERSION &&
    entity.kind === DATA_PRODUCT_KIND
  );
}

/**
 * A catalog-model KindValidator for DataProduct: resolves false for other
 * kinds, true for a valid DataProduct, and rejects with every problem listed
 * as `path: message (hint)` otherwise.
 *
 * @public
 */
export const dataProductKindValidator: KindValidator = {
  async check(entity: Entity): Promise<boolean> {
    if (!isDataProductEntity(entity)) {
      return false;
    }
    const problems = validateDataProduct(entity);
    if (problems.length > 0) {
      const name = entity.metadata?.name ?? '(unnamed)';
      throw new Error(
        `DataProduct "${name}" is invalid:\n${problems
          .map(problem => `  ${formatValidationProblem(problem)}`)
          .join('\n')}`,
      );
    }
    return true;
  },
};
