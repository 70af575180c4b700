import {
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  EntityPolicy,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  entityEnvelopeSchemaValidator,
  entitySchemaValidator,
  makeValidator,
} from '@backstage/catalog-model';

/*
 * The checks @backstage/plugin-catalog-backend (4.0.0) applies to every
 * entity whatever its kind, before a kind processor such as ours sees it,
 * taken from @backstage/catalog-model and chained in the catalog's order:
 *
 * 1. ProcessorOutputCollector validates each entity a file emits with
 *    `entityEnvelopeSchemaValidator()` (apiVersion, kind, metadata.name);
 * 2. after pre-processing, DefaultCatalogProcessingOrchestrator enforces
 *    CatalogBuilder.buildEntityPolicy(): `EntityPolicies.allOf` of
 *    SchemaValidEntityPolicy, DefaultNamespaceEntityPolicy,
 *    NoForeignRootFieldsEntityPolicy and
 *    FieldFormatEntityPolicy(makeValidator(fieldValidators)) — no field
 *    validators are overridden (the catalogModelExtensionPoint is unused);
 * 3. its validate step runs `entitySchemaValidator()` on the result.
 *
 * Each check throws on its first problem, so the catalog reports one
 * problem at a time; so does this function.
 */

let chain:
  | {
      envelope: (data: unknown) => unknown;
      policy: EntityPolicy;
      schema: (data: unknown) => unknown;
    }
  | undefined;

function catalogChain() {
  // Built on first use: ajv compiles the schemas then.
  chain ??= {
    envelope: entityEnvelopeSchemaValidator(),
    policy: EntityPolicies.allOf([
      new SchemaValidEntityPolicy(),
      new DefaultNamespaceEntityPolicy(),
      new NoForeignRootFieldsEntityPolicy(),
      new FieldFormatEntityPolicy(makeValidator({})),
    ]),
    schema: entitySchemaValidator(),
  };
  return chain;
}

/**
 * The catalog's message for the first problem it finds in `entity` (after
 * placeholders are resolved), or undefined when it lets the entity through
 * to the kind processors.
 */
export async function catalogEntityCheck(
  entity: unknown,
): Promise<string | undefined> {
  const { envelope, policy, schema } = catalogChain();
  try {
    envelope(entity);
    schema(await policy.enforce(entity as Entity));
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
