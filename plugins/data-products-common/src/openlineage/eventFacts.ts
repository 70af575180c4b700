/**
 * The facts of one RunEvent that Stockroom keeps: small, plain JSON, enough
 * to recompute a run from all of its events whenever one more arrives
 * (standards.md "Runs are accumulated by runId"). Facets Stockroom never
 * reads are not kept.
 */
import type { ColumnCounts, ObservedField } from '../scoring/runs';
import { isObject } from './checks';
import { datasetIdentities } from './datasetKey';
import { flattenSchemaFields } from './observedSchema';
import { parseEventTimestamp, toIsoString } from './timestamp';
import type {
  OpenLineageFacets,
  ParentRun,
  ParsedRunEvent,
  RunEventType,
} from './types';

/** What an event says about one dataset a run wrote. @public */
export interface OutputFacts {
  /** The dataset's key, then its symlink aliases (see datasetIdentities). */
  keys: string[];
  rowCount?: number;
  columns?: Record<string, ColumnCounts>;
  schema?: ObservedField[];
}

/** One data-quality assertion as a check tool reported it. @public */
export interface AssertionFacts {
  assertion: string;
  column?: string;
  success: boolean;
}

/**
 * A quality check of a dataset, input or output (Great Expectations, dbt
 * tests, Soda report on the datasets they read).
 *
 * @public
 */
export interface CheckFacts {
  keys: string[];
  rowCount?: number;
  columns?: Record<string, ColumnCounts>;
  assertions?: AssertionFacts[];
}

/** @public */
export interface RunEventFacts {
  eventType: RunEventType;
  /** Canonical UTC ISO time. */
  eventTime: string;
  runId: string;
  job: { namespace: string; name: string };
  /** Job facet jobType.processingType, upper-cased (STREAMING, BATCH). */
  processingType?: string;
  /** Run facet nominalTime.nominalEndTime, canonical UTC. */
  nominalEndTime?: string;
  parent?: ParentRun;
  errorMessage?: string;
  /** Who sent it (the event's `producer` URL). */
  producer?: string;
  outputs: OutputFacts[];
  /** Datasets the run read, by their keys (for lineage). */
  inputs: string[][];
  checks: CheckFacts[];
}

/**
 * The facts of a validated event. Reads only facets {@link parseRunEvent}
 * validated, and still checks each value's type, so a hand-built event
 * cannot make it throw.
 *
 * @public
 */
export function eventFacts(event: ParsedRunEvent): RunEventFacts {
  const runFacets = event.run.facets;
  const facts: RunEventFacts = {
    eventType: event.eventType,
    eventTime: event.eventTime,
    runId: event.run.runId,
    job: { namespace: event.job.namespace, name: event.job.name },
    outputs: [],
    inputs: [],
    checks: [],
  };
  const processingType = facetOf(event.job.facets, 'jobType')?.processingType;
  if (typeof processingType === 'string' && processingType.trim() !== '') {
    facts.processingType = processingType.trim().toUpperCase();
  }
  const watermark = timeOf(facetOf(runFacets, 'nominalTime')?.nominalEndTime);
  if (watermark) facts.nominalEndTime = watermark;
  const parent = parentOf(facetOf(runFacets, 'parent'));
  if (parent) facts.parent = parent;
  const message = facetOf(runFacets, 'errorMessage')?.message;
  if (typeof message === 'string' && message !== '') {
    facts.errorMessage = message;
  }
  if (event.producer) facts.producer = event.producer;

  const seen = new Set<string>();
  for (const output of event.outputs) {
    const keys = datasetIdentities(
      output.namespace,
      output.name,
      output.facets,
    );
    if (seen.has(keys[0])) continue;
    seen.add(keys[0]);
    const out: OutputFacts = { keys };
    const metrics =
      facetOf(output.outputFacets, 'dataQualityMetrics') ??
      facetOf(output.facets, 'dataQualityMetrics');
    const rowCount =
      countOf(facetOf(output.outputFacets, 'outputStatistics')?.rowCount) ??
      countOf(metrics?.rowCount);
    if (rowCount !== undefined) out.rowCount = rowCount;
    const columns = columnsOf(metrics?.columnMetrics);
    if (columns) out.columns = columns;
    const schema = facetOf(output.facets, 'schema');
    if (schema && Array.isArray(schema.fields)) {
      out.schema = flattenSchemaFields(schema.fields);
    }
    facts.outputs.push(out);
    const assertions = assertionsOf(output.facets);
    if (assertions) facts.checks.push({ keys, assertions });
  }

  for (const input of event.inputs) {
    const keys = datasetIdentities(input.namespace, input.name, input.facets);
    facts.inputs.push(keys);
    // Checks on inputs are quality observations of what was read.
    const metrics =
      facetOf(input.inputFacets, 'dataQualityMetrics') ??
      facetOf(input.facets, 'dataQualityMetrics');
    // OpenLineage defines the assertions as an input facet; some emitters
    // put them among the dataset facets.
    const assertions =
      assertionsOf(input.inputFacets) ?? assertionsOf(input.facets);
    if (!metrics && !assertions) continue;
    const check: CheckFacts = { keys };
    const rowCount = countOf(metrics?.rowCount);
    if (rowCount !== undefined) check.rowCount = rowCount;
    const columns = columnsOf(metrics?.columnMetrics);
    if (columns) check.columns = columns;
    if (assertions) check.assertions = assertions;
    if (check.columns || check.assertions) facts.checks.push(check);
  }
  return facts;
}

/**
 * Whether none of a schema's fields has a type: dbt lists the documented
 * columns only, which says nothing about what the table holds, so such a
 * schema opens no drift incident.
 *
 * @public
 */
export function isPartialSchema(fields: readonly ObservedField[]): boolean {
  return fields.every(field => field.type === undefined);
}

function assertionsOf(
  facets: OpenLineageFacets | undefined,
): AssertionFacts[] | undefined {
  const list = facetOf(facets, 'dataQualityAssertions')?.assertions;
  if (!Array.isArray(list)) return undefined;
  const assertions: AssertionFacts[] = [];
  for (const entry of list) {
    if (!isObject(entry)) continue;
    const { assertion, success, column } = entry;
    if (typeof assertion !== 'string' || typeof success !== 'boolean') continue;
    assertions.push(
      typeof column === 'string' && column !== ''
        ? { assertion, column, success }
        : { assertion, success },
    );
  }
  return assertions.length > 0 ? assertions : undefined;
}

function facetOf(
  facets: OpenLineageFacets | undefined,
  name: string,
): OpenLineageFacets | undefined {
  const value = facets?.[name];
  return isObject(value) ? value : undefined;
}

function timeOf(value: unknown): string | undefined {
  const ms = parseEventTimestamp(value);
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
