import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  Judgement,
  RuleContext,
  RuleId,
  StockroomPolicy,
  dependentsOf,
  fromCatalogShape,
  isDataProductEntity,
  prepareDataProduct,
  supersededRefOf,
} from '@stockroom/plugin-data-products-common';

/**
 * Reads one entity as the catalog serves it (stitched: relations included),
 * undefined when the catalog does not hold it. In the module this is the
 * catalog service called with the module's own service credentials.
 *
 * @public
 */
export interface StoredEntityReader {
  getEntityByRef(entityRef: string): Promise<Entity | undefined>;
}

/**
 * What only the catalog knows about a DataProduct, for the rules that need
 * it: the normalized contract of the product it supersedes
 * (`migration-mapping`) and, once it is retired, the entities still
 * depending on it (`retire-when-consumers-moved`).
 *
 * Reads happen only when a rule could fire on this entity, judged from the
 * context-free `plain` judgement: a valid document (state set) whose
 * category does not turn the rule off, that supersedes something, or whose
 * state is `retired` (the state is retired exactly when the stage is, ODCS
 * status included). Every other entity, most of them, costs no read.
 *
 * The catalog is eventually consistent, and so is this context: it is what
 * the catalog held when this entity was processed. A product the catalog
 * does not hold yet (the superseded v1, or a retired product on its very
 * first processing) gives its rule nothing to judge, so the rule says
 * nothing this time; the product is judged again on its next processing
 * (the catalog's refresh interval), with whatever the catalog holds then.
 */
export async function catalogRuleContext(
  entity: Entity,
  plain: Judgement,
  policy: StockroomPolicy,
  catalog: StoredEntityReader,
  logger?: LoggerService,
): Promise<RuleContext> {
  const needs = contextRulesThatApply(entity, plain, policy);
  const context: RuleContext = {};
  if (needs.migrationMapping) {
    const schema = await readOrSkip(
      () => supersededSchema(entity, needs.migrationMapping!, catalog),
      'migration-mapping',
      entity,
      logger,
    );
    if (schema) context.supersededContract = { schema };
  }
  if (needs.retireWhenConsumersMoved) {
    const dependents = await readOrSkip(
      () => storedDependents(entity, catalog),
      'retire-when-consumers-moved',
      entity,
      logger,
    );
    if (dependents) context.dependents = dependents;
  }
  return context;
}

/**
 * Whether catalogRuleContext would read the catalog for this entity at all:
 * false for most entities, which are then judged without waiting on
 * anything.
 */
export function needsCatalogContext(
  entity: Entity,
  plain: Judgement,
  policy: StockroomPolicy,
): boolean {
  const needs = contextRulesThatApply(entity, plain, policy);
  return Boolean(needs.migrationMapping || needs.retireWhenConsumersMoved);
}

/**
 * The context rules that could fire on this entity: `migration-mapping`
 * (with the superseded ref to read) and `retire-when-consumers-moved`.
 */
function contextRulesThatApply(
  entity: Entity,
  plain: Judgement,
  policy: StockroomPolicy,
): { migrationMapping?: string; retireWhenConsumersMoved: boolean } {
  if (plain.state === null) return { retireWhenConsumersMoved: false };
  const superseded = supersededRefOf(entity);
  return {
    migrationMapping:
      superseded && ruleIsOn(entity, policy, 'migration-mapping')
        ? superseded
        : undefined,
    retireWhenConsumersMoved:
      plain.state === 'retired' &&
      ruleIsOn(entity, policy, 'retire-when-consumers-moved'),
  };
}

function ruleIsOn(entity: Entity, policy: StockroomPolicy, rule: RuleId) {
  const category = fromCatalogShape(entity as any).spec?.category;
  const enforcement = policy.categories[category]?.rules[rule];
  return enforcement !== undefined && enforcement !== 'off';
}

/**
 * The schema of the superseded product's normalized contract (ODCS mapped,
 * explicit fields winning), undefined when the catalog holds no DataProduct
 * under that ref. An unresolved ref gets no finding here: the catalog shows
 * the dangling `supersedes` relation like any other, and no rule of the
 * spec asks for the superseded product to exist.
 */
async function supersededSchema(
  entity: Entity,
  ref: string,
  catalog: StoredEntityReader,
) {
  const target = stringifyEntityRef(
    parseEntityRef(ref, {
      defaultKind: 'DataProduct',
      defaultNamespace: entity.metadata.namespace ?? 'default',
    }),
  );
  const stored = await catalog.getEntityByRef(target);
  if (!stored || !isDataProductEntity(stored)) return undefined;
  return prepareDataProduct(stored).contract.schema ?? [];
}

/**
 * The entities depending on this product, from its own stored entity's
 * `dependencyOf` relations (the reverse of their `dependsOn`). The entity
 * being processed carries no relations yet: only the stored one does.
 * Undefined when the catalog does not hold the product yet.
 */
async function storedDependents(entity: Entity, catalog: StoredEntityReader) {
  const stored = await catalog.getEntityByRef(stringifyEntityRef(entity));
  return stored ? dependentsOf(stored) : undefined;
}

/**
 * A failed catalog read (the catalog restarting, a timeout, an auth hiccup)
 * must not reject or drop a product over a fact we could not learn: the rule
 * is skipped for this processing, as if the caller could not know (like the
 * CLI), and judged again on the next one. Logged at warn so a read that keeps
 * failing is seen.
 */
async function readOrSkip<T>(
  read: () => Promise<T | undefined>,
  rule: RuleId,
  entity: Entity,
  logger?: LoggerService,
): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    logger?.warn(
      `Skipped rule ${rule} for ${stringifyEntityRef(
        entity,
      )} this time: reading the catalog failed (${String(
        (error as Error)?.message ?? error,
      )}); it is judged again on the next processing`,
    );
    return undefined;
  }
}
