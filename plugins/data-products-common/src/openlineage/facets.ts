/**
 * Validation of the facets Stockroom reads (standards.md "OpenLineageFacets Stockroom
 * reads"). Other facets pass untouched: lineage tools send many, and one we
 * never read must not get an event refused.
 */
import {
  ProblemList,
  checkAmount,
  checkArray,
  checkCount,
  checkObject,
  checkOptionalString,
  checkText,
  checkNotInFuture,
  checkTimestamp,
  checkUuid,
  child,
  item,
  isObject,
} from './checks';
import { checkColumnCounts } from './columnCounts';
import {
  nestedFieldsLimitMessage,
  walkNestedFields,
} from '../kind/walkNestedFields';

export function checkRunFacets(
  facets: Record<string, unknown>,
  path: string,
  problems: ProblemList,
  now?: Date,
): void {
  const nominal = facet(facets, 'nominalTime', path, problems);
  if (nominal) {
    const at = child(path, 'nominalTime');
    for (const key of ['nominalStartTime', 'nominalEndTime']) {
      checkNotInFuture(
        checkTimestamp(nominal[key], child(at, key), problems, true),
        child(at, key),
        now,
        problems,
      );
    }
  }
  const parent = facet(facets, 'parent', path, problems);
  if (parent) {
    const at = child(path, 'parent');
    const run = checkObject(parent.run, child(at, 'run'), problems);
    if (run) checkUuid(run.runId, child(at, 'run.runId'), problems);
    const job = checkObject(parent.job, child(at, 'job'), problems);
    if (job) {
      checkText(job.namespace, child(at, 'job.namespace'), problems);
      checkText(job.name, child(at, 'job.name'), problems);
    }
  }
  const error = facet(facets, 'errorMessage', path, problems);
  if (error) {
    const at = child(path, 'errorMessage');
    checkText(error.message, child(at, 'message'), problems);
    checkOptionalString(error.stackTrace, child(at, 'stackTrace'), problems);
    checkOptionalString(
      error.programmingLanguage,
      child(at, 'programmingLanguage'),
      problems,
    );
  }
}

/** `facets` of an input or output dataset. */
export function checkDatasetFacets(
  facets: Record<string, unknown>,
  path: string,
  problems: ProblemList,
): void {
  const schema = facet(facets, 'schema', path, problems);
  if (schema) {
    checkSchemaFields(schema.fields, child(path, 'schema.fields'), problems);
  }
  checkDataQualityMetrics(facets, path, problems);
  checkDataQualityAssertions(facets, path, problems);
}

function checkDataQualityAssertions(
  facets: Record<string, unknown>,
  path: string,
  problems: ProblemList,
): void {
  const assertions = facet(facets, 'dataQualityAssertions', path, problems);
  if (assertions) {
    const at = child(path, 'dataQualityAssertions.assertions');
    checkArray(assertions.assertions, at, problems)?.forEach((a, i) => {
      const entry = checkObject(a, item(at, i), problems);
      if (!entry) return;
      checkText(entry.assertion, child(item(at, i), 'assertion'), problems);
      if (typeof entry.success !== 'boolean') {
        problems.add(child(item(at, i), 'success'), 'must be true or false');
      }
      checkOptionalString(entry.column, child(item(at, i), 'column'), problems);
    });
  }
}

/** `inputFacets` of an input or `outputFacets` of an output. */
export function checkIoFacets(
  facets: Record<string, unknown>,
  path: string,
  problems: ProblemList,
): void {
  const stats = facet(facets, 'outputStatistics', path, problems);
  let rowCount: number | undefined;
  if (stats) {
    const at = child(path, 'outputStatistics');
    rowCount = checkCount(stats.rowCount, child(at, 'rowCount'), problems);
    checkCount(stats.size, child(at, 'size'), problems);
    checkCount(stats.fileCount, child(at, 'fileCount'), problems);
  }
  checkDataQualityMetrics(facets, path, problems, rowCount);
  checkDataQualityAssertions(facets, path, problems);
}

/**
 * `dataQualityMetrics`; its column counts are judged against its own
 * rowCount, else the outputStatistics rowCount reported beside it (the
 * rule native runs follow: see columnCounts.ts).
 */
function checkDataQualityMetrics(
  facets: Record<string, unknown>,
  path: string,
  problems: ProblemList,
  statsRowCount?: number,
): void {
  const metrics = facet(facets, 'dataQualityMetrics', path, problems);
  if (!metrics) return;
  const at = child(path, 'dataQualityMetrics');
  const rowCount = checkCount(
    metrics.rowCount,
    child(at, 'rowCount'),
    problems,
  );
  checkCount(metrics.bytes, child(at, 'bytes'), problems);
  checkCount(metrics.fileCount, child(at, 'fileCount'), problems);
  const columnsPath = child(at, 'columnMetrics');
  const columns = checkObject(
    metrics.columnMetrics,
    columnsPath,
    problems,
    true,
  );
  if (!columns) return;
  checkColumnCounts(columns, columnsPath, problems, {
    rowCount: rowCount ?? statsRowCount,
  });
  for (const [name, value] of Object.entries(columns)) {
    // the counts OpenLineage defines beyond null and distinct
    if (isObject(value)) {
      checkAmount(
        value.count,
        child(child(columnsPath, name), 'count'),
        problems,
      );
    }
  }
}

/**
 * The fields of a schema facet, nested ones included, walked without
 * recursion and within the schema limits: a facet nested too deep or too
 * wide is one problem naming where (the event is refused), never a crash.
 */
function checkSchemaFields(
  fields: unknown,
  path: string,
  problems: ProblemList,
): void {
  const list = checkArray(fields, path, problems);
  if (!list) return;
  const limit = walkNestedFields(
    { list, path, context: undefined },
    (value, at) => {
      const field = checkObject(value, at, problems);
      if (!field) return [];
      checkText(field.name, child(at, 'name'), problems);
      checkOptionalString(field.type, child(at, 'type'), problems);
      checkOptionalString(
        field.description,
        child(at, 'description'),
        problems,
      );
      const nested = checkArray(field.fields, child(at, 'fields'), problems);
      return nested
        ? [{ list: nested, path: child(at, 'fields'), context: undefined }]
        : [];
    },
  );
  if (limit) {
    problems.add(
      limit.path,
      nestedFieldsLimitMessage(
        limit,
        'send the top levels only, or flatten nested fields into dotted names',
      ),
    );
  }
}

/** A facet we read: absent is fine, anything but an object is not. */
function facet(
  facets: Record<string, unknown>,
  name: string,
  path: string,
  problems: ProblemList,
): Record<string, unknown> | undefined {
  const value = facets[name];
  if (value === undefined) return undefined;
  return checkObject(value, child(path, name), problems);
}
