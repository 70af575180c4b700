/**
 * Validation of a native run report batch (`POST /runs`): pipelines that do
 * not speak OpenLineage report finished runs directly. Intake is per run, as
 * for OpenLineage events (standards.md "Intake is per event"): each run is
 * valid or refused on its own, with every problem named by run index and
 * field, and one bad run never blocks the valid ones.
 */
import {
  ProblemList,
  checkNotInFuture,
  checkArray,
  checkCount,
  checkObject,
  checkOptionalString,
  checkText,
  checkTimestamp,
  child,
  clip,
  isObject,
  item,
} from './checks';
import type { ColumnCounts, ObservedField } from '../scoring/runs';
import { MAX_SCHEMA_FIELDS, formatCount } from '../kind/limits';
import { checkColumnCounts } from './columnCounts';
import { checkKnownFields } from './unknownFields';
import { boundNativeRunText } from './boundedText';
import { toIsoString } from './timestamp';
import type { NativeRun, RunProblem } from './types';

/** Run ids are stored and indexed; anything longer is not an id. */
const MAX_RUN_ID_LENGTH = 255;

/** Every field of a native run, as the API document lists them. */
const RUN_FIELDS = [
  'product',
  'runId',
  'status',
  'startedAt',
  'finishedAt',
  'watermark',
  'rowCount',
  'columns',
  'schema',
  'errorMessage',
];

const PRODUCT_REF =
  /^(?:([A-Za-z][A-Za-z0-9]*):)?(?:([a-zA-Z0-9][a-zA-Z0-9_.-]*)\/)?([a-zA-Z0-9](?:[a-zA-Z0-9_.-]*[a-zA-Z0-9])?)$/;

/** A valid run of a batch, with its place in it. @public */
export interface IndexedNativeRun {
  index: number;
  run: NativeRun;
}

/** @public */
export interface NativeRunBatch {
  /** The valid runs; empty when the body itself is not a batch. */
  runs: IndexedNativeRun[];
  /** How many runs the batch held; undefined when it is not a batch. */
  total?: number;
  problems: RunProblem[];
  /** Quirks read anyway (a time without a zone). */
  warnings: RunProblem[];
}

/**
 * Validates `{ "runs": [ … ] }`, run by run. Times more than 5 minutes after
 * `now` are refused: a run cannot have finished in the future. A run id may
 * repeat across products (one pipeline run can write several) but not for
 * the same product in one batch (the repeat is refused, the first kept).
 *
 * @public
 */
export function parseNativeRunBatch(body: unknown, now: Date): NativeRunBatch {
  const top = new ProblemList(undefined, 'The request body');
  const refused = () => ({
    runs: [],
    problems: top.problems,
    warnings: [],
  });
  if (!isObject(body)) {
    top.add('', 'must be an object like {"runs": [ … ]}');
    return refused();
  }
  // A misspelt `run` is named first, with the fix.
  checkKnownFields(body, ['runs'], '', 'a request body', top);
  if (body.runs === undefined) {
    top.add('runs', 'is missing: send {"runs": [ … ]}');
  }
  if (top.problems.length > 0) {
    return refused();
  }
  const list = checkArray(body.runs, 'runs', top);
  if (!list) {
    return refused();
  }
  if (list.length === 0) {
    top.add('runs', 'is empty: send at least one run');
    return { ...refused(), total: 0 };
  }

  const problems: RunProblem[] = [];
  const warnings: RunProblem[] = [];
  const runs: IndexedNativeRun[] = [];
  const firstIndex = new Map<string, number>();
  list.forEach((entry, index) => {
    const itemProblems = new ProblemList(index);
    const run = parseNativeRun(entry, item('runs', index), now, itemProblems);
    if (run) {
      const key = `${run.product}\u0000${run.runId}`;
      const first = firstIndex.get(key);
      if (first === undefined) {
        firstIndex.set(key, index);
        runs.push({ index, run });
      } else {
        itemProblems.add(
          child(item('runs', index), 'runId'),
          `repeats runs[${first}].runId "${clip(run.runId)}" for ${
            run.product
          }: report each run once`,
        );
      }
    }
    problems.push(...itemProblems.problems);
    warnings.push(...itemProblems.warnings);
  });
  return { runs, total: list.length, problems, warnings };
}

function parseNativeRun(
  entry: unknown,
  path: string,
  now: Date,
  problems: ProblemList,
): NativeRun | undefined {
  const run = checkObject(entry, path, problems);
  if (!run) return undefined;
  const before = problems.problems.length;
  // A misspelt field (`watermak`) is refused, never dropped in silence.
  checkKnownFields(run, RUN_FIELDS, path, 'a run', problems);

  const product = checkProduct(run.product, child(path, 'product'), problems);
  const runId = checkText(run.runId, child(path, 'runId'), problems);
  if (runId !== undefined && runId.length > MAX_RUN_ID_LENGTH) {
    problems.add(
      child(path, 'runId'),
      `must be at most ${MAX_RUN_ID_LENGTH} characters`,
    );
  }
  const status = run.status;
  if (status !== 'success' && status !== 'failed') {
    problems.add(
      child(path, 'status'),
      `${
        status === undefined ? 'is missing' : `is ${JSON.stringify(status)}`
      }: it must be "success" or "failed"`,
    );
  }

  const time = (key: string, optional: boolean) => {
    const at = child(path, key);
    const ms = checkTimestamp(run[key], at, problems, optional);
    return checkNotInFuture(ms, at, now, problems);
  };
  const startedAt = time('startedAt', true);
  const finishedAt = time('finishedAt', false);
  const watermark = time('watermark', true);
  if (
    startedAt !== undefined &&
    finishedAt !== undefined &&
    finishedAt < startedAt
  ) {
    problems.add(
      child(path, 'finishedAt'),
      'is before startedAt: a run finishes after it starts',
    );
  }

  const rowCount = checkCount(run.rowCount, child(path, 'rowCount'), problems);
  const columns = checkColumns(
    run.columns,
    child(path, 'columns'),
    rowCount,
    problems,
  );
  const schema = checkSchema(run.schema, child(path, 'schema'), problems);
  checkOptionalString(run.errorMessage, child(path, 'errorMessage'), problems);
  const text = boundNativeRunText(run, path, problems);

  if (problems.problems.length > before) return undefined;
  const parsed: NativeRun = {
    product: product!,
    runId: runId!,
    status: status as NativeRun['status'],
    finishedAt: toIsoString(finishedAt!),
  };
  if (startedAt !== undefined) parsed.startedAt = toIsoString(startedAt);
  if (watermark !== undefined) parsed.watermark = toIsoString(watermark);
  if (rowCount !== undefined) parsed.rowCount = rowCount;
  if (columns) parsed.columns = columns;
  if (schema) parsed.schema = schema;
  if (text.errorMessage !== undefined) parsed.errorMessage = text.errorMessage;
  return parsed;
}

/** A DataProduct ref, normalized as the catalog writes refs: lower case, namespace filled in. */
function checkProduct(
  value: unknown,
  path: string,
  problems: ProblemList,
): string | undefined {
  const example = 'such as dataproduct:default/customer-identity-v2';
  if (value === undefined) {
    problems.add(path, `is missing: name the data product ${example}`);
    return undefined;
  }
  const match = typeof value === 'string' ? PRODUCT_REF.exec(value) : null;
  if (!match) {
    problems.add(
      path,
      `must be a data product ref ${example}, not ${
        typeof value === 'string' ? `"${clip(value)}"` : JSON.stringify(value)
      }`,
    );
    return undefined;
  }
  const [, kind, namespace, name] = match;
  if (kind !== undefined && kind.toLowerCase() !== 'dataproduct') {
    problems.add(
      path,
      `must refer to a DataProduct, not a ${kind} ("${clip(value as string)}")`,
    );
    return undefined;
  }
  return `dataproduct:${namespace ?? 'default'}/${name}`.toLowerCase();
}

function checkColumns(
  value: unknown,
  path: string,
  rowCount: number | undefined,
  problems: ProblemList,
): Record<string, ColumnCounts> | undefined {
  const columns = checkObject(value, path, problems, true);
  if (!columns) return undefined;
  return checkColumnCounts(columns, path, problems, { rowCount, strict: true });
}

function checkSchema(
  value: unknown,
  path: string,
  problems: ProblemList,
): ObservedField[] | undefined {
  const list = checkArray(value, path, problems);
  if (!list) return undefined;
  if (list.length > MAX_SCHEMA_FIELDS) {
    problems.add(
      item(path, MAX_SCHEMA_FIELDS),
      `is past the limit of ${formatCount(
        MAX_SCHEMA_FIELDS,
      )} fields in one schema: report at most ${formatCount(
        MAX_SCHEMA_FIELDS,
      )}`,
    );
    return undefined;
  }
  const fields: ObservedField[] = [];
  list.forEach((entry, i) => {
    const at = item(path, i);
    const field = checkObject(entry, at, problems);
    if (!field) return;
    const name = checkText(field.name, child(at, 'name'), problems);
    const type = checkText(field.type, child(at, 'type'), problems);
    if (name !== undefined && type !== undefined) fields.push({ name, type });
  });
  return fields;
}
