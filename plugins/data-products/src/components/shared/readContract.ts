import type { Entity } from '@backstage/catalog-model';
import {
  prepareDataProduct,
  type Finding,
  type NormalizedContract,
  type SchemaField,
} from '@stockroom/plugin-data-products-common';

/** The contract as the tab shows it: the common package's normalized form. */
export type ContractView = NormalizedContract;

const EMPTY: ContractView = {
  schema: [],
  accessPatterns: [],
  lineage: { upstreams: [] },
};

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The contract of a DataProduct (catalog or authored shape) through
 * `prepareDataProduct`, so ODCS-authored contracts read like explicit ones,
 * trimmed of entries the tab could not show (a schema field without a name,
 * a non-string upstream). A contract the engine cannot read at all shows as
 * an empty one rather than breaking the entity page; the catalog processor
 * reports what is wrong with it.
 */
export function readContract(entity: Entity): {
  contract: ContractView;
  findings: Finding[];
} {
  let normalized: { contract: NormalizedContract; contractFindings: Finding[] };
  try {
    normalized = prepareDataProduct(entity);
  } catch {
    return { contract: EMPTY, findings: [] };
  }
  const { contract, contractFindings: findings } = normalized;
  return {
    contract: {
      ...contract,
      schema: (Array.isArray(contract.schema) ? contract.schema : []).filter(
        (field): field is SchemaField =>
          isObject(field) &&
          typeof field.name === 'string' &&
          field.name !== '',
      ),
      accessPatterns: (Array.isArray(contract.accessPatterns)
        ? contract.accessPatterns
        : []
      ).filter(isObject),
      lineage: {
        upstreams: (Array.isArray(contract.lineage?.upstreams)
          ? contract.lineage.upstreams
          : []
        ).filter((ref): ref is string => typeof ref === 'string' && ref !== ''),
      },
    },
    findings: Array.isArray(findings) ? findings : [],
  };
}
