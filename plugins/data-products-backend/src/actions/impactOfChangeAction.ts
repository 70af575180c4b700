import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  isDataProductEntity,
  prepareDataProduct,
} from '@stockroom/plugin-data-products-common';
import { readConsumerOwners } from '../service/inventory/consumerOwners';
import { EvaluatedCatalogProduct } from '../service/inventory/InventoryCatalog';
import { ActionDeps, READ_ONLY, Zod } from './ActionDeps';
import { findProduct, productRefOf } from './productRef';

const input = (z: Zod) =>
  z.object({
    entityRef: z
      .string()
      .min(1)
      .describe('The data product to change, e.g. "customer-identity-v2".'),
    field: z
      .string()
      .min(1)
      .optional()
      .describe(
        'A field of its contract you mean to change, rename or remove.',
      ),
  });

const output = (z: Zod) =>
  z.object({
    entityRef: z.string(),
    field: z.string().nullable(),
    consumers: z
      .array(
        z.object({
          entityRef: z.string(),
          kind: z.string(),
          owners: z.array(z.string()),
        }),
      )
      .describe(
        'Entities that depend on the product directly, with their owners to tell.',
      ),
    downstreamProducts: z
      .array(
        z.object({
          entityRef: z.string(),
          owner: z.string().nullable(),
          state: z.string(),
          hops: z
            .number()
            .describe(
              '1: reads the product directly; 2: reads one that does; ...',
            ),
        }),
      )
      .describe('Data products downstream along lineage, nearest first.'),
    notes: z.array(z.string()),
  });

/**
 * `impact-of-change`: who a change to a product reaches, from the catalog's
 * dependency relations, as far as the caller may see.
 */
export function registerImpactOfChange(
  actions: ActionsRegistryService,
  deps: ActionDeps,
): void {
  actions.register({
    name: 'impact-of-change',
    title: 'Impact of changing a data product',
    description: [
      'Call this before changing, renaming or removing a data product or one of its fields, to learn who it',
      'breaks and whom to tell. Returns the direct consumers (services, dashboards, other products) with their',
      'owner groups, and every data product downstream along lineage with how many hops away it is.',
      'Lineage is per product, not per field: a given field is checked to exist, and every consumer may read it.',
      'Only entities the user may see are listed.',
    ].join(' '),
    attributes: READ_ONLY,
    schema: { input, output },
    action: async ({ input: { entityRef, field }, credentials }) => {
      const ref = productRefOf('entityRef', entityRef);
      const { product, all } = await findProduct(
        deps.inventory,
        credentials,
        ref,
        deps.clock(),
      );
      if (field !== undefined) {
        const stored = await deps.catalog.getEntityByRef(product.entityRef, {
          credentials,
        });
        if (!stored || !isDataProductEntity(stored)) {
          throw new NotFoundError(`No data product ${ref} in the catalog`);
        }
        const names = prepareDataProduct(stored).contract.schema.map(
          f => f.name,
        );
        if (!names.includes(field)) {
          throw new InputError(
            `field ${JSON.stringify(field)} is not in the contract of ${
              product.entityRef
            }; its fields are ${names.join(', ')}`,
          );
        }
      }
      // Only consumers the caller may read: a relation names its target even
      // when the caller may not see it, so owners are the test of visibility.
      const owners = await readConsumerOwners(
        deps.catalog,
        credentials,
        product.consumerRefs,
      );
      const consumers = product.consumerRefs
        .filter(consumer => owners.has(consumer))
        .map(consumer => ({
          entityRef: consumer,
          kind: parseEntityRef(consumer).kind,
          owners: owners.get(consumer) ?? [],
        }))
        .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
      return {
        output: {
          entityRef: product.entityRef,
          field: field ?? null,
          consumers,
          downstreamProducts: downstreamOf(product, all),
          notes:
            field === undefined
              ? []
              : [
                  `Lineage is recorded per product: every consumer of ${product.entityRef} may read ${field}.`,
                ],
        },
      };
    },
  });
}

/** Products reachable through consumer relations, breadth first, each once at its nearest distance. */
function downstreamOf(
  start: EvaluatedCatalogProduct,
  all: EvaluatedCatalogProduct[],
) {
  const byRef = new Map(
    all.map(p => [p.entityRef.toLocaleLowerCase('en-US'), p]),
  );
  const seen = new Set([start.entityRef.toLocaleLowerCase('en-US')]);
  const found: Array<{
    entityRef: string;
    owner: string | null;
    state: string;
    hops: number;
  }> = [];
  let frontier = [start];
  for (let hops = 1; frontier.length > 0; hops++) {
    const next: EvaluatedCatalogProduct[] = [];
    for (const product of frontier) {
      for (const consumer of product.consumerRefs) {
        const key = consumer.toLocaleLowerCase('en-US');
        const downstream = byRef.get(key);
        if (!downstream || seen.has(key)) continue;
        seen.add(key);
        next.push(downstream);
        found.push({
          entityRef: downstream.entityRef,
          owner: downstream.owner,
          state: downstream.state,
          hops,
        });
      }
    }
    next.sort((a, b) => a.entityRef.localeCompare(b.entityRef));
    frontier = next;
  }
  return found.sort(
    (a, b) => a.hops - b.hops || a.entityRef.localeCompare(b.entityRef),
  );
}
