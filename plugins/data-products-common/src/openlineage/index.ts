export { parseRunEvent } from './parseRunEvent';
export { runObservationsFromEvent } from './runObservations';
export { parseNativeRunBatch } from './nativeRuns';
export { datasetKey, datasetKeysOf } from './datasetKey';
export { parseIsoTimestamp } from './timestamp';
export { RUN_EVENT_TYPES } from './types';
export type {
  OpenLineageFacets,
  NativeRun,
  ParentRun,
  ParsedInputDataset,
  ParsedOutputDataset,
  ParsedRunEvent,
  RunEventType,
  RunObservation,
  RunProblem,
} from './types';
