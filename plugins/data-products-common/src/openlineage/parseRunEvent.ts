/**
 * Validation of one OpenLineage RunEvent as it arrives over HTTP. Every
 * problem is reported with its path so a producer's maintainer can fix the
 * event in one round trip; facets Stockroom never reads are not judged.
 */
import {
  ProblemList,
  checkArray,
  checkNotInFuture,
  checkObject,
  checkOptionalString,
  checkText,
  checkTimestamp,
  checkUuid,
  child,
  clip,
  item,
} from './checks';
import { boundRunEventText } from './boundedText';
import { checkDatasetFacets, checkIoFacets, checkRunFacets } from './facets';
import { toIsoString } from './timestamp';
import {
  RUN_EVENT_TYPES,
  type OpenLineageFacets,
  type ParsedRunEvent,
  type RunEventType,
  type RunProblem,
} from './types';

const EMPTY: OpenLineageFacets = Object.freeze({}) as OpenLineageFacets;

/**
 * Validates one RunEvent. `index` is its place in a batch: problem paths then
 * start with `[index]`. With `now`, its eventTime and watermark may not be
 * more than 5 minutes ahead of it (the rule native runs follow). The event
 * comes back only when there is no problem; quirks read anyway (explicit
 * nulls, times without a zone) come back as warnings.
 *
 * @public
 */
export function parseRunEvent(
  event: unknown,
  index?: number,
  now?: Date,
): { event?: ParsedRunEvent; problems: RunProblem[]; warnings: RunProblem[] } {
  const problems = new ProblemList(index);
  const root = index === undefined ? '' : `[${index}]`;
  const done = () => ({
    problems: problems.problems,
    warnings: problems.warnings,
  });
  const body = checkObject(withoutNulls(event, root, problems), root, problems);
  if (!body) {
    return done();
  }
  // Long texts bounded, NUL characters removed or refused: withoutNulls
  // copied the event, so it is ours to change.
  boundRunEventText(body, root, problems);

  const eventType = checkEventType(
    body.eventType,
    child(root, 'eventType'),
    problems,
  );
  const eventTime = checkNotInFuture(
    checkTimestamp(body.eventTime, child(root, 'eventTime'), problems),
    child(root, 'eventTime'),
    now,
    problems,
  );

  const runPath = child(root, 'run');
  const run = checkObject(body.run, runPath, problems);
  const runId = run
    ? checkUuid(run.runId, child(runPath, 'runId'), problems)
    : undefined;
  const runFacets = run
    ? facetsAt(run.facets, child(runPath, 'facets'), problems)
    : undefined;
  if (runFacets) {
    checkRunFacets(runFacets, child(runPath, 'facets'), problems, now);
  }

  const jobPath = child(root, 'job');
  const job = checkObject(body.job, jobPath, problems);
  const jobNamespace = job
    ? checkText(job.namespace, child(jobPath, 'namespace'), problems)
    : undefined;
  const jobName = job
    ? checkText(job.name, child(jobPath, 'name'), problems)
    : undefined;
  const jobFacets = job
    ? facetsAt(job.facets, child(jobPath, 'facets'), problems)
    : undefined;

  const inputs = datasets(
    body.inputs,
    child(root, 'inputs'),
    'inputFacets',
    problems,
  );
  const outputs = datasets(
    body.outputs,
    child(root, 'outputs'),
    'outputFacets',
    problems,
  );

  checkOptionalString(body.producer, child(root, 'producer'), problems);
  checkOptionalString(body.schemaURL, child(root, 'schemaURL'), problems);

  if (problems.problems.length > 0) {
    return done();
  }
  const parsed: ParsedRunEvent = {
    eventType: eventType!,
    eventTime: toIsoString(eventTime!),
    run: { runId: runId!, facets: runFacets ?? EMPTY },
    job: {
      namespace: jobNamespace!,
      name: jobName!,
      facets: jobFacets ?? EMPTY,
    },
    inputs: (inputs ?? []).map(d => ({
      namespace: d.namespace,
      name: d.name,
      facets: d.facets,
      inputFacets: d.ioFacets,
    })),
    outputs: (outputs ?? []).map(d => ({
      namespace: d.namespace,
      name: d.name,
      facets: d.facets,
      outputFacets: d.ioFacets,
    })),
  };
  if (typeof body.producer === 'string') parsed.producer = body.producer;
  if (typeof body.schemaURL === 'string') parsed.schemaURL = body.schemaURL;
  return { event: parsed, ...done() };
}

/** At most this many null paths are named in the warning. */
const MAX_NULL_PATHS = 10;

/**
 * The event with every explicit `null` object member dropped (standards.md:
 * an explicit null is an absent field; openlineage-python writes them), and
 * one warning naming where they were. Iterative, so a deeply nested event
 * cannot overflow the stack.
 */
function withoutNulls(
  value: unknown,
  root: string,
  problems: ProblemList,
): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const nullPaths: string[] = [];
  const copy = (node: unknown): unknown =>
    Array.isArray(node) ? [...node] : { ...(node as object) };
  const top = copy(value);
  const stack: Array<{ node: any; path: string }> = [{ node: top, path: root }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    const entries: Array<[string | number, unknown]> = Array.isArray(node)
      ? node.map((v, i) => [i, v])
      : Object.entries(node);
    for (const [key, v] of entries) {
      const at = typeof key === 'number' ? item(path, key) : child(path, key);
      if (v === null && typeof key === 'string') {
        delete node[key];
        nullPaths.push(at);
      } else if (typeof v === 'object' && v !== null) {
        node[key] = copy(v);
        stack.push({ node: node[key], path: at });
      }
    }
  }
  if (nullPaths.length > 0) {
    const shown = nullPaths.slice(0, MAX_NULL_PATHS).join(', ');
    const more =
      nullPaths.length > MAX_NULL_PATHS
        ? ` and ${nullPaths.length - MAX_NULL_PATHS} more`
        : '';
    problems.warn(
      root,
      `has explicit nulls, read as absent fields: ${shown}${more}`,
    );
  }
  return top;
}

function checkEventType(
  value: unknown,
  path: string,
  problems: ProblemList,
): RunEventType | undefined {
  if (RUN_EVENT_TYPES.includes(value as RunEventType)) {
    return value as RunEventType;
  }
  const got =
    value === undefined
      ? 'is missing'
      : `is ${
          typeof value === 'string'
            ? `"${clip(value)}"`
            : JSON.stringify(value) ?? typeof value
        }`;
  problems.add(path, `${got}: it must be one of ${RUN_EVENT_TYPES.join(', ')}`);
  return undefined;
}

function facetsAt(
  value: unknown,
  path: string,
  problems: ProblemList,
): OpenLineageFacets | undefined {
  return checkObject(value, path, problems, true);
}

type Dataset = {
  namespace: string;
  name: string;
  facets: OpenLineageFacets;
  ioFacets: OpenLineageFacets;
};

function datasets(
  value: unknown,
  path: string,
  ioKey: 'inputFacets' | 'outputFacets',
  problems: ProblemList,
): Dataset[] | undefined {
  const list = checkArray(value, path, problems);
  if (!list) return undefined;
  const result: Dataset[] = [];
  list.forEach((entry, i) => {
    const at = item(path, i);
    const dataset = checkObject(entry, at, problems);
    if (!dataset) return;
    const namespace = checkText(
      dataset.namespace,
      child(at, 'namespace'),
      problems,
    );
    const name = checkText(dataset.name, child(at, 'name'), problems);
    const facets = facetsAt(dataset.facets, child(at, 'facets'), problems);
    if (facets) checkDatasetFacets(facets, child(at, 'facets'), problems);
    const ioFacets = facetsAt(dataset[ioKey], child(at, ioKey), problems);
    if (ioFacets) checkIoFacets(ioFacets, child(at, ioKey), problems);
    if (namespace !== undefined && name !== undefined) {
      result.push({
        namespace,
        name,
        facets: facets ?? EMPTY,
        ioFacets: ioFacets ?? EMPTY,
      });
    }
  });
  return result;
}
