import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  RuleContext,
  SchemaField,
  dependentsOf,
  prepareDataProduct,
  supersededRefOf,
} from '@stockroom/plugin-data-products-common';

/**
 * The rule context of each of `products` (DataProducts as the catalog
 * serves them, relations included), for the rules only the catalog can
 * feed, as the catalog processor feeds them:
 *
 * - `dependents` (`retire-when-consumers-moved`): the product's own
 *   `dependencyOf` relations;
 * - `supersededContract` (`migration-mapping`): the normalized schema of the
 *   product it supersedes, looked up among `products`.
 *
 * No catalog read of its own: callers pass every DataProduct their
 * credentials may see, so a superseded product is either among them or
 * one those credentials cannot read (or that does not exist); a second
 * read with the same credentials would find nothing more. Then the rule
 * has nothing to judge and says nothing, as for the processor.
 */
export function ruleContextsOf(
  products: readonly Entity[],
): (product: Entity) => RuleContext {
  const byRef = new Map(products.map(p => [refKey(p), p]));
  // One v1 is often superseded by one v2 only, but normalizing a contract
  // (an ODCS document mapped) is the costly part: once per product.
  const schemas = new Map<Entity, SchemaField[]>();
  const schemaOf = (product: Entity) => {
    let schema = schemas.get(product);
    if (!schema) {
      schema = prepareDataProduct(product).contract.schema ?? [];
      schemas.set(product, schema);
    }
    return schema;
  };

  return product => {
    const context: RuleContext = { dependents: dependentsOf(product) };
    const written = supersededRefOf(product);
    const superseded =
      written === undefined
        ? undefined
        : byRef.get(resolvedKey(written, product));
    if (superseded) {
      context.supersededContract = { schema: schemaOf(superseded) };
    }
    return context;
  };
}

// Entity refs are case-insensitive in the catalog.
function refKey(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

/** The ref as written, completed as the processor does (kind DataProduct, the product's namespace). */
function resolvedKey(written: string, product: Entity): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(written, {
        defaultKind: 'DataProduct',
        defaultNamespace: product.metadata.namespace ?? 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    // A malformed ref names nothing; the schema check reports it.
    return '';
  }
}
