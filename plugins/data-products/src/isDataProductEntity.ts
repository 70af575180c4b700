import type { Entity } from '@backstage/catalog-model';
import { DATA_PRODUCT_KIND } from '@stockroom/plugin-data-products-common';

/**
 * True for entities of kind DataProduct; for `EntitySwitch.Case if={…}` in a
 * legacy entity page. Kinds compare case-insensitively, as in the catalog.
 *
 * @public
 */
export function isDataProductEntity(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') ===
    DATA_PRODUCT_KIND.toLocaleLowerCase('en-US')
  );
}
