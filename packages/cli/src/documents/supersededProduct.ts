import {
  type DataProductEntityV1alpha1,
  type NormalizedContract,
  prepareDataProduct,
  supersededRefOf,
} from '@stockroom/plugin-data-products-common';
import type { EntityIndex, IndexedEntity } from './entityIndex';
import { resolvePlaceholders } from './resolvePlaceholders';

/** The product a DataProduct supersedes, as far as the loaded files know it. */
export interface SupersededProduct {
  /** As written in `lifecycle.supersedes` (else `migration.from`). */
  ref: string;
  /** Its document, when the loaded files hold it. */
  entry?: IndexedEntity;
  /**
   * Its normalized contract (ODCS mapped, explicit fields winning), what
   * the processor passes as `supersededContract`; undefined when it is not
   * loaded or its contract cannot be read (a placeholder that does not
   * resolve): `migration-mapping` is then skipped, as the catalog skips it.
   */
  contract?: NormalizedContract;
}

/**
 * What `value` supersedes, looked up among the loaded entities the way the
 * processor looks it up in the catalog (default kind DataProduct, default
 * namespace the product's own); undefined when it supersedes nothing.
 */
export function supersededProduct(
  value: Record<string, unknown>,
  index: EntityIndex,
  display: (absolute: string) => string,
): SupersededProduct | undefined {
  let ref: string | undefined;
  try {
    ref = supersededRefOf(value as unknown as DataProductEntityV1alpha1);
  } catch {
    return undefined; // a shape lint reports as a schema problem
  }
  if (ref === undefined) return undefined;
  const namespace = (value.metadata as { namespace?: unknown } | undefined)
    ?.namespace;
  const entry = index.dataProduct(
    ref,
    typeof namespace === 'string' && namespace !== '' ? namespace : 'default',
  );
  if (!entry) return { ref };
  const resolved = resolvePlaceholders(entry.value, entry.absolute, display);
  if (resolved.findings.some(finding => finding.severity === 'error')) {
    return { ref, entry };
  }
  try {
    const { contract } = prepareDataProduct(
      resolved.entity as unknown as DataProductEntityV1alpha1,
    );
    return { ref, entry, contract };
  } catch {
    return { ref, entry };
  }
}
