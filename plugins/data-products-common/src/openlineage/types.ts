import type { ColumnCounts, ObservedField } from '../scoring/runs';

/** @public */
export const RUN_EVENT_TYPES = [
  'START',
  'RUNNING',
  'COMPLETE',
  'ABORT',
  'FAIL',
  'OTHER',
] as const;

/** @public */
export type RunEventType = (typeof RUN_EVENT_TYPES)[number];

/**
 * One thing wrong with a reported run or event. `path` names the value,
 * e.g. `[3].run.runId` or `runs[2].finishedAt`; `index` is the position of the
 * event or run in the request, when it came in a batch.
 *
 * @public
 */
export interface RunProblem {
  index?: number;
  path: string;
  message: string;
}

/** OpenLineageFacets as sent: an object per facet name. @public */
export type OpenLineageFacets = Record<string, unknown>;

/** @public */
export interface ParsedInputDataset {
  namespace: string;
  name: string;
  facets: OpenLineageFacets;
  inputFacets: OpenLineageFacets;
}

/** @public */
export interface ParsedOutputDataset {
  namespace: string;
  name: string;
  facets: OpenLineageFacets;
  outputFacets: OpenLineageFacets;
}

/**
 * A RunEvent that passed {@link parseRunEvent}: times in canonical UTC form,
 * the run id lower-cased (the same run reported twice is one run), absent
 * facets and datasets as empty objects and arrays.
 *
 * @public
 */
export interface ParsedRunEvent {
  eventType: RunEventType;
  eventTime: string;
  run: { runId: string; facets: OpenLineageFacets };
  job: { namespace: string; name: string; facets: OpenLineageFacets };
  inputs: ParsedInputDataset[];
  outputs: ParsedOutputDataset[];
  producer?: string;
  schemaURL?: string;
}

/** The run that triggered this one (OpenLineage run facet `parent`). @public */
export interface ParentRun {
  runId: string;
  jobNamespace: string;
  jobName: string;
}

/**
 * A run reported natively (`POST /runs`), validated by
 * {@link parseNativeRunBatch}.
 *
 * @public
 */
export interface NativeRun {
  /** Normalized entity ref, `dataproduct:<namespace>/<name>` in lower case. */
  product: string;
  runId: string;
  status: 'success' | 'failed';
  startedAt?: string;
  finishedAt: string;
  watermark?: string;
  rowCount?: number;
  columns?: Record<string, ColumnCounts>;
  schema?: ObservedField[];
  errorMessage?: string;
}
