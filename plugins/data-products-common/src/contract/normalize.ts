import type { JsonObject } from '@backstage/types';
import { fromCatalogShape, toCatalogShape } from '../kind/catalogShape';
import type { DataContract, DataProductEntityV1alpha1 } from '../kind/types';
import type { Finding } from '../policy/types';
import { canonicalContract } from './canonicalContract';
import { explicitContract } from './explicitContract';
import { mergeContracts } from './mergeContracts';
import { ODCS_DOC } from './odcs/findings';
import { contractFromOdcs } from './odcs/fromOdcs';
import type { NormalizedContract } from './types';

/**
 * The contract of a data product, whatever it was authored in: the explicit
 * `spec.contract` fields merged over what `spec.contract.odcs` maps to
 * (explicit wins field by field), in canonical form. `findings` are what
 * the ODCS mapping could not use. Accepts the authored and the catalog shape.
 *
 * @public
 */
export function normalizeContract(entity: DataProductEntityV1alpha1): {
  contract: NormalizedContract;
  findings: Finding[];
} {
  // Surfaces may call this before validating (the CLI's diff does): read
  // whatever shape arrives rather than throw.
  const authored = (
    entity && typeof entity === 'object' ? fromCatalogShape(entity) : {}
  ) as DataProductEntityV1alpha1;
  const odcs = authored.spec?.contract?.odcs;
  const schemaName = authored.spec?.contract?.odcsSchema;
  const mapped =
    odcs === undefined
      ? { contract: {}, findings: odcsSchemaWithoutOdcs(schemaName) }
      : contractFromOdcs(odcs, {
          productName: authored.metadata?.name,
          schemaName: typeof schemaName === 'string' ? schemaName : undefined,
        });
  return {
    contract: canonicalContract(
      mergeContracts(explicitContract(authored), mapped.contract),
    ),
    findings: mapped.findings,
  };
}

/**
 * The entity as if its owner had written the normalized contract: the ODCS
 * document replaced by the contract it maps to, and `spec.version`,
 * `lifecycle.stage`, `lifecycle.sunsetOn` and `spec.cost` filled from it
 * where the entity does not state them. Rules read plain `spec.contract`, so
 * `evaluateDataProduct(withNormalizedContract(entity), …)` judges
 * ODCS-authored products on what their contract really promises. Returns the
 * shape it was given (authored or catalog).
 *
 * @public
 */
export function withNormalizedContract(
  entity: DataProductEntityV1alpha1,
): DataProductEntityV1alpha1 {
  const authored = fromCatalogShape(entity);
  const normalized = withContract(
    authored,
    normalizeContract(authored).contract,
  );
  const wasCatalogShape =
    typeof (entity.spec as JsonObject | undefined)?.lifecycle === 'string';
  return wasCatalogShape
    ? (toCatalogShape(normalized) as DataProductEntityV1alpha1)
    : normalized;
}

/**
 * The authored entity with `normalized` as its contract (see
 * withNormalizedContract), for callers that already normalized it.
 */
export function withContract(
  authored: DataProductEntityV1alpha1,
  normalizedContract: NormalizedContract,
): DataProductEntityV1alpha1 {
  const { version, stage, sunsetOn, cost, ...contract } = normalizedContract;
  const spec = authored.spec;
  const lifecycle = { ...spec.lifecycle };
  if (stage !== undefined) lifecycle.stage = stage;
  if (sunsetOn !== undefined) lifecycle.sunsetOn = sunsetOn;
  const normalized: DataProductEntityV1alpha1 = {
    ...authored,
    spec: {
      ...spec,
      ...(version !== undefined ? { version } : {}),
      lifecycle,
      contract: contract as DataContract,
      ...(cost !== undefined ? { cost } : {}),
    },
  };
  return normalized;
}

/** `odcsSchema` selects an object of `odcs`: alone, it selects nothing. */
function odcsSchemaWithoutOdcs(schemaName: unknown): Finding[] {
  if (schemaName === undefined) return [];
  return [
    {
      ruleId: 'schema',
      severity: 'warning',
      path: 'spec.contract.odcsSchema',
      message:
        'spec.contract.odcsSchema selects a schema object of spec.contract.odcs, which is missing: it is ignored — add `odcs: { $yaml: ./contract.odcs.yaml }` or remove odcsSchema',
      hint: `odcsSchema names which schema object of a multi-table ODCS document the product is. See ${ODCS_DOC}.`,
    },
  ];
}
