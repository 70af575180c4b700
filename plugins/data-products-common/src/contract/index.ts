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
