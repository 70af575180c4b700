/**
 * What a RunEvent says about each dataset it wrote: the run facts the
 * scorecard and drift detection need, keyed by dataset so the backend can
 * map them to data products through the `openlineage.io/dataset` annotation.
 */
import type { ColumnCounts, RunStatus } from '../scoring/runs';
import { isObject } from './checks';
import { datasetKey } from './datasetKey';
import { flattenSchemaFields } from './observedSchema';
import { parseIsoTimestamp, toIsoString } from './timestamp';
import type {
  OpenLineageFacets,
  ParentRun,
  ParsedRunEvent,
  RunEventType,
  RunObservation,
} from './types';

const STATUS: Record<RunEventType, RunStatus> = {
  START: 'running',
  RUNNING: 'running',
  OTHER: 'running',
  COMPLETE: 'success',
  // Standards.md: FAIL and ABORT are failed runs; both close the run.
  FAIL: 'failed',
  ABORT: 'failed',
};

/**
 * One observation per output dataset of the event (a dataset listed twice is
 * observed once). Reads only facets that {@link parseRunEvent} validated, and
 * still checks each value's type, so a hand-built event cannot make it throw.
 *
 * @public
 */
export function runObservationsFromEvent(
  event: ParsedRunEvent,
): RunObservation[] {
  const status = STATUS[event.eventType];
  const runFacets = event.run.facets;
  const watermark = timeOf(facetOf(runFacets, 'nominalTime')?.nominalEndTime);
  const errorMessage = facetOf(runFacets, 'errorMessage')?.message;
  const parent = parentOf(facetOf(runFacets, 'parent'));

  const observations: RunObservation[] = [];
  const seen = new Set<string>();
  for (const output of event.outputs) {
    const key = datasetKey(output.namespace, output.name);
    if (seen.has(key)) continue;
    seen.add(key);

    const observation: RunObservation = {
      datasetKey: key,
      runId: event.run.runId,
      jobNamespace: event.job.namespace,
      jobName: event.job.name,
      eventType: event.eventType,
      eventTime: event.eventTime,
      status,
    };
    if (event.eventType === 'START') observation.startedAt = event.eventTime;
    if (status !== 'running') observation.finishedAt = event.eventTime;
    if (watermark !== undefined) observation.watermark = watermark;

    // Quality metrics sit on the output (newer producers) or, for a job that
    // reads the dataset it writes, on the same dataset among the inputs.
    const outputMetrics =
      facetOf(output.outputFacets, 'dataQualityMetrics') ??
      facetOf(output.facets, 'dataQualityMetrics');
    const inputMetrics = inputMetricsOf(event, key);
    const rowCount =
      countOf(facetOf(output.outputFacets, 'outputStatistics')?.rowCount) ??
      countOf(outputMetrics?.rowCount) ??
      countOf(inputMetrics?.rowCount);
    if (rowCount !== undefined) observation.rowCount = rowCount;
    const columns =
      columnsOf(outputMetrics?.columnMetrics) ??
      columnsOf(inputMetrics?.columnMetrics);
    if (columns) observation.columns = columns;

    const schema = facetOf(output.facets, 'schema');
    if (schema && Array.isArray(schema.fields)) {
      observation.schema = flattenSchemaFields(schema.fields);
    }
    if (typeof errorMessage === 'string') {
      observation.errorMessage = errorMessage;
    }
    if (parent) observation.parent = parent;
    observations.push(observation);
  }
  return observations;
}

function inputMetricsOf(
  event: ParsedRunEvent,
  key: string,
): OpenLineageFacets | undefined {
  for (const input of event.inputs) {
    const metrics = facetOf(input.inputFacets, 'dataQualityMetrics');
    if (metrics && datasetKey(input.namespace, input.name) === key) {
      return metrics;
    }
  }
  return undefined;
}

function facetOf(
  facets: OpenLineageFacets | undefined,
  name: string,
): OpenLineageFacets | undefined {
  const value = facets?.[name];
  return isObject(value) ? value : undefined;
}

function timeOf(value: unknown): string | undefined {
  const ms = parseIsoTimestamp(value);
  return ms === undefined ? undefined : toIsoString(ms);
}

function countOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
    ? value
    : undefined;
}

function columnsOf(value: unknown): Record<string, ColumnCounts> | undefined {
  if (!isObject(value)) return undefined;
  let columns: Record<string, ColumnCounts> | undefined;
  for (const [name, metrics] of Object.entries(value)) {
    // A column named __proto__ would replace the prototype, not add a key.
    if (name === '__proto__' || !isObject(metrics)) continue;
    const nullCount = countOf(metrics.nullCount);
    const distinctCount = countOf(metrics.distinctCount);
    if (nullCount === undefined && distinctCount === undefined) continue;
    const counts: ColumnCounts = {};
    if (nullCount !== undefined) counts.nullCount = nullCount;
    if (distinctCount !== undefined) counts.distinctCount = distinctCount;
    (columns ??= {})[name] = counts;
  }
  return columns;
}

function parentOf(facet: OpenLineageFacets | undefined): ParentRun | undefined {
  if (!facet || !isObject(facet.run) || !isObject(facet.job)) return undefined;
  const { runId } = facet.run;
  const { namespace, name } = facet.job;
  if (
    typeof runId !== 'string' ||
    typeof namespace !== 'string' ||
    typeof name !== 'string'
  ) {
    return undefined;
  }
  return { runId: runId.toLowerCase(), jobNamespace: namespace, jobName: name };
}
