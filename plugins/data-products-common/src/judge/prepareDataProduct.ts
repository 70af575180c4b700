import type { Entity } from '@backstage/catalog-model';
import { normalizeContract, withContract } from '../contract/normalize';
import type { NormalizedContract } from '../contract/types';
import { fromCatalogShape } from '../kind/catalogShape';
import type { DataProductEntityV1alpha1 } from '../kind/types';
import type { Finding } from '../policy/types';

/**
 * A DataProduct as every surface reads it: authored shape, and the contract
 * normalized once (an ODCS document mapped, explicit fields winning).
 *
 * @public
 */
export interface PreparedDataProduct {
  /**
   * The authored shape with `spec.contract` replaced by the normalized
   * contract, and `spec.version`, `lifecycle.stage`, `lifecycle.sunsetOn`
   * and `spec.cost` filled from it where the entity does not state them.
   */
  entity: DataProductEntityV1alpha1;
  /** The normalized contract, version and lifecycle terms included. */
  contract: NormalizedContract;
  /** What the ODCS mapping could not use. */
  contractFindings: Finding[];
}

/**
 * Prepares a DataProduct for reading, whether it comes from the catalog
 * (catalog shape, `spec.lifecycle` a string) or from a file (authored
 * shape). The one way to turn a stored entity into what the rules, the
 * contract views, the scorecard and the inventory read.
 *
 * @public
 */
export function prepareDataProduct(
  stored: Entity | DataProductEntityV1alpha1,
): PreparedDataProduct {
  const authored = fromCatalogShape(stored as DataProductEntityV1alpha1);
  const { contract, findings } = normalizeContract(authored);
  return {
    entity: withContract(authored, contract),
    contract,
    contractFindings: findings,
  };
}
