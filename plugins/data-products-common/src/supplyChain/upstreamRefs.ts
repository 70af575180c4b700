/**
 * A product's declared upstreams as full entity refs, the form runs are
 * stored under: `dataproduct:crm-accounts` in the YAML is
 * `dataproduct:default/crm-accounts` in the run store. The same defaults as
 * the catalog's dependsOn relations (kind DataProduct, the product's
 * namespace), so lineage and relations agree.
 */
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * Full refs of `contract.lineage.upstreams`, each once, in order; entries
 * that are not refs are left out (the kind's validator reports them).
 *
 * @public
 */
export function declaredUpstreamRefs(
  upstreams: unknown,
  namespace: string = 'default',
): string[] {
  if (!Array.isArray(upstreams)) return [];
  const refs = new Set<string>();
  for (const upstream of upstreams) {
    if (typeof upstream !== 'string' || upstream.trim() === '') continue;
    try {
      refs.add(
        stringifyEntityRef(
          parseEntityRef(upstream.trim(), {
            defaultKind: 'DataProduct',
            defaultNamespace: namespace,
          }),
        ),
      );
    } catch {
      // Not a ref: nothing to follow.
    }
  }
  return [...refs];
}
