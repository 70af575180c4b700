import type { Entity, KindValidator } from '@backstage/catalog-model';
import Ajv, { type Options, type ValidateFunction } from 'ajv';
import { DATA_PRODUCT_API_VERSION, DATA_PRODUCT_KIND } from './constants';
import { explainSchemaErrors } from './explain';
import { isCalendarDate } from './calendarDate';
import { documentLimitProblems } from './documentLimits';
import { MAX_DOCUMENT_DEPTH } from './limits';
import { isPlainDocumentWithinLimits } from './plainDocument';
import { prototypeKeyProblems } from './prototypeKeys';
import { formatValidationProblem, type ValidationProblem } from './problem';
import { dataProductEntitySchema } from './schema';
import { checkSemantics } from './semantic';
import type { DataProductEntityV1alpha1 } from './types';

let quick: ValidateFunction | undefined;
let explaining: ValidateFunction | undefined;

function newAjv(options: Options) {
  const ajv = new Ajv(options);
  ajv.addFormat('date', { type: 'string', validate: isCalendarDate });
  return ajv;
}

// Both compiled once per process, on first use: compiling costs
// milliseconds, validating microseconds, and the catalog validates every
// entity on every refresh. Nearly every entity is valid, so it is checked
// by a quick validator: it stops at the first error, carries no data in its
// errors (allErrors and verbose double the cost of a valid entity too) and
// counts text lengths in UTF-16 units rather than characters (walking every
// text for its characters is a quarter of the rest). Units are never fewer
// than characters and the schema sets no minimum length, so what it passes
// is valid; what it fails goes to the exact validator, with every error and
// its data, which decides and explains.
function quickSchema(): ValidateFunction {
  if (!quick) {
    quick = newAjv({
      allErrors: false,
      verbose: false,
      // counts maxLength in UTF-16 units (an option ajv marks deprecated,
      // and says so on the console unless told not to log)
      unicode: false,
      logger: false,
    }).compile(dataProductEntitySchema);
  }
  return quick;
}

function explainingSchema(): ValidateFunction {
  if (!explaining) {
    explaining = newAjv({ allErrors: true, verbose: true }).compile(
      dataProductEntitySchema,
    );
  }
  return explaining;
}

/** Every schema violation of `entity`, explained; none when it is valid. */
function schemaProblems(entity: unknown): ValidationProblem[] {
  if (quickSchema()(entity)) return [];
  const validate = explainingSchema();
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
