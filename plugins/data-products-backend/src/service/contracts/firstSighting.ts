import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  PreparedDataProduct,
  contractFingerprint,
} from '@stockroom/plugin-data-products-common';
import { RecordedContractVersion } from '../../database/ContractHistoryStore';

/**
 * A product's contract as its first recorded version: nothing before it to
 * compare with, so no changes and no verdict.
 */
export function firstSighting(
  { entity, contract }: PreparedDataProduct,
  now: Date,
): RecordedContractVersion {
  return {
    entityRef: stringifyEntityRef(entity),
    version: contract.version ?? null,
    fingerprint: contractFingerprint(contract),
    previousFingerprint: null,
    contract,
    changes: [],
    verdict: null,
    recordedAt: now,
  };
}
