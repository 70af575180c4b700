export { parseRunEvent } from './parseRunEvent';
export { parseNativeRunBatch } from './nativeRuns';
export {
  MAX_RUN_MESSAGE_LENGTH,
  MAX_RUN_NAME_LENGTH,
  boundEnds,
  boundText,
  cutMarker,
  keptEnds,
} from './boundedText';
export { datasetKey, datasetKeysOf, datasetIdentities } from './datasetKey';
export {
  parseIsoTimestamp,
  parseZonelessTimestamp,
  parseEventTimestamp,
} from './timestamp';
export { eventFacts, isPartialSchema } from './eventFacts';
export { accumulateRun } from './accumulateRun';
export { productRunsOf, checkSource } from './productRuns';
export { RUN_EVENT_TYPES } from './types';
export type {
  OpenLineageFacets,
  NativeRun,
  ParentRun,
  ParsedInputDataset,
  ParsedOutputDataset,
  ParsedRunEvent,
  RunEventType,
  RunProblem,
} from './types';
export type {
  AssertionFacts,
  CheckFacts,
  OutputFacts,
  RunEventFacts,
} from './eventFacts';
export type {
  AccumulateRunOptions,
  AccumulatedRun,
  AccumulatedRunStatus,
  RunCheck,
} from './accumulateRun';
export type { ProductCheck, ProductRun } from './productRuns';
