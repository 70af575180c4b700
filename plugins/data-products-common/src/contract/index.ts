export type {
  NormalizedContract,
  ContractChangeKind,
  ContractChangeType,
  ClassifiedContractChange,
  ContractChangeVerdict,
} from './types';
export { normalizeContract, withNormalizedContract } from './normalize';
export {
  contractFromOdcs,
  type ContractFromOdcs,
  type ContractFromOdcsOptions,
} from './odcs/fromOdcs';
export { contractToOdcs, ODCS_API_VERSION } from './odcs/toOdcs';
export { classifyContractChanges } from './diff/classify';
export { CHANGE_KINDS } from './diff/change';
export {
  contractChangeVerdict,
  type ContractChangeVerdictOptions,
} from './diff/verdict';
export { contractFingerprint } from './fingerprint';
export {
  breakingChangeEnforcement,
  judgeContractChange,
  type ContractChangeJudgement,
  type JudgeContractChangeOptions,
} from './judgeContractChange';
export {
  odcsToDataProducts,
  ODCS_IMPORT_MAX_BYTES,
  type ImportedDataProduct,
  type OdcsImport,
  type OdcsToDataProductsOptions,
} from './odcs/domain/odcsToDataProducts';
export { dataProductsToOdcs } from './odcs/domain/dataProductsToOdcs';
export {
  likelyRenames,
  nameSimilarity,
  RENAME_SIMILARITY,
  type LikelyRename,
} from './diff/likelyRenames';
