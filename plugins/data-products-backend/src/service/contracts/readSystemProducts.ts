import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DATA_PRODUCT_KIND,
  isDataProductEntity,
} from '@stockroom/plugin-data-products-common';

/** A System and the DataProducts that are part of it, as the catalog serves them. */
export interface SystemProducts {
  system: Entity;
  /** In entity-ref order, so an export is the same document every time. */
  products: Entity[];
}

/**
 * The System `namespace/name` and its DataProducts (those whose
 * `spec.system` names it: the processor's `partOf` relation), read with the
 * caller's credentials, so what they may not see is as absent as what does
 * not exist.
 *
 * @throws NotFoundError naming the System when the catalog has no such
 * System, or when none of its products is visible: a merged contract with
 * no product says nothing about the domain.
 */
export async function readSystemProducts(
  catalog: CatalogService,
  ref: { namespace: string; name: string },
  credentials: BackstageCredentials,
): Promise<SystemProducts> {
  const wanted = stringifyEntityRef({ kind: 'System', ...ref });
  const system = await catalog.getEntityByRef(wanted, { credentials });
  if (!system || system.kind.toLocaleLowerCase('en-US') !== 'system') {
    throw new NotFoundError(`No system ${wanted} in the catalog`);
  }
  const systemRef = stringifyEntityRef(system);
  const products: Entity[] = [];
  for await (const page of catalog.streamEntities(
    {
      filter: {
        kind: DATA_PRODUCT_KIND,
        [`relations.${RELATION_PART_OF}`]: systemRef,
      },
    },
    { credentials },
  )) {
    products.push(...page.filter(isDataProductEntity));
  }
  if (products.length === 0) {
    throw new NotFoundError(
      `System ${systemRef} has no data products to export: no DataProduct you may see names it in spec.system`,
    );
  }
  const keyed = products.map(product => ({
    product,
    ref: stringifyEntityRef(product),
  }));
  keyed.sort((a, b) => a.ref.localeCompare(b.ref));
  return { system, products: keyed.map(k => k.product) };
}
