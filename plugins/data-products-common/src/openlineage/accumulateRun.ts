/**
 * One run from all of its events, as lineage servers accumulate them
 * (standards.md "Runs are accumulated by runId"): whatever order they came
 * in, over however many requests, the same events make the same run.
 */
import type { ColumnCounts, ObservedField } from '../scoring/runs';
import type { AssertionFacts, OutputFacts, RunEventFacts } from './eventFacts';
import type { ParentRun, RunEventType } from './types';

/** `aborted`: stopped before finishing (cancelled, skipped). @public */
export type AccumulatedRunStatus = 'running' | 'success' | 'failed' | 'aborted';

/** A quality check of one dataset in a run, at the time it was reported. @public */
export interface RunCheck {
  keys: string[];
  observedAt: string;
  rowCount?: number;
  columns?: Record<string, ColumnCounts>;
  assertions?: AssertionFacts[];
}

/** @public */
export interface AccumulatedRun {
  runId: string;
  job: { namespace: string; name: string };
  status: AccumulatedRunStatus;
  /** eventTime of the START event. */
  startedAt?: string;
  /** eventTime of the closing event (COMPLETE, FAIL, ABORT). */
  finishedAt?: string;
  /** eventTime of the newest event. */
  lastEventAt: string;
  /** The run's nominalEndTime, else its parent's (see options). */
  watermark?: string;
  parent?: ParentRun;
  errorMessage?: string;
  /** A streaming job (jobType.processingType STREAMING). */
  streaming: boolean;
  /** Who sent the events (the newest `producer`). */
  producer?: string;
  /** The union of the events' outputs, facets merged. */
  outputs: OutputFacts[];
  /** Datasets the run read, by their keys. */
  inputs: string[][];
  /** The newest check of each checked dataset. */
  checks: RunCheck[];
  /**
   * Liveness of a streaming run: each RUNNING event's time and the gap
   * since the run's previous event, in milliseconds.
   */
  samples: Array<{ at: string; gapMs: number }>;
}

/** @public */
export interface AccumulateRunOptions {
  /**
   * The parent run's nominalEndTime, when its events have arrived: an
   * Airflow task inherits its DAG run's watermark.
   */
  parentWatermark?: string;
}

const TERMINAL: ReadonlySet<RunEventType> = new Set([
  'COMPLETE',
  'FAIL',
  'ABORT',
]);

const STATUS_OF_TERMINAL: Partial<Record<RunEventType, AccumulatedRunStatus>> =
  {
    COMPLETE: 'success',
    FAIL: 'failed',
    ABORT: 'aborted',
  };

/**
 * Order of events at the same instant: a run starts before it ends, and of
 * closing events the worst is the last word (a run said to complete and to
 * fail in one millisecond did not succeed, whichever arrived first).
 */
const RANK: Record<RunEventType, number> = {
  START: 0,
  RUNNING: 1,
  OTHER: 1,
  COMPLETE: 2,
  ABORT: 3,
  FAIL: 4,
};

/**
 * Accumulates the events of one run (all with the same runId), in any order.
 * Newest wins for run facets (a non-empty value only), terminal events win
 * for an output's metrics and schema, the outputs are the union, and the
 * newest terminal event decides the status. Throws on an empty list.
 *
 * @public
 */
export function accumulateRun(
  events: readonly RunEventFacts[],
  options: AccumulateRunOptions = {},
): AccumulatedRun {
  if (events.length === 0) {
    throw new RangeError('accumulateRun needs at least one event');
  }
  const ordered = inOneOrder(events);
  const newest = ordered[ordered.length - 1];
  const run: AccumulatedRun = {
    runId: newest.runId,
    job: newest.job,
    status: 'running',
    lastEventAt: newest.eventTime,
    streaming: false,
    outputs: [],
    inputs: [],
    checks: [],
    samples: [],
  };

  let nominalEndTime: string | undefined;
  let terminal: RunEventFacts | undefined;
  const outputs = new Map<string, OutputFacts>();
  const inputs = new Map<string, string[]>();
  const checks = new Map<string, RunCheck>();
  let previousAt: string | undefined;
  let declaredBatch = false;

  // Non-terminal events first, then terminal ones, each by time: a terminal
  // event's metrics win over a RUNNING one's whatever their clocks say.
  const mergeOrder = [
    ...ordered.filter(e => !TERMINAL.has(e.eventType)),
    ...ordered.filter(e => TERMINAL.has(e.eventType)),
  ];
  for (const event of mergeOrder) {
    for (const output of event.outputs) mergeOutput(outputs, output);
    for (const keys of event.inputs) {
      if (!inputs.has(keys[0])) inputs.set(keys[0], keys);
    }
    for (const check of event.checks) {
      checks.set(check.keys[0], { ...check, observedAt: event.eventTime });
    }
  }

  for (const event of ordered) {
    if (event.eventType === 'START' && run.startedAt === undefined) {
      run.startedAt = event.eventTime;
    }
    if (TERMINAL.has(event.eventType)) terminal = event;
    if (event.nominalEndTime) nominalEndTime = event.nominalEndTime;
    if (event.parent) run.parent = event.parent;
    if (event.errorMessage) run.errorMessage = event.errorMessage;
    if (event.producer) run.producer = event.producer;
    if (event.processingType === 'STREAMING') run.streaming = true;
    if (event.processingType === 'BATCH') declaredBatch = true;
    if (event.eventType === 'RUNNING' && previousAt !== undefined) {
      run.samples.push({
        at: event.eventTime,
        gapMs: Date.parse(event.eventTime) - Date.parse(previousAt),
      });
    }
    previousAt = event.eventTime;
  }
  // A run that keeps reporting RUNNING is a stream even without the facet;
  // a job that says it is a batch (Spark reports progress) is not.
  if (!run.streaming && !terminal && !declaredBatch) {
    run.streaming = ordered.filter(e => e.eventType === 'RUNNING').length > 1;
  }
  if (!run.streaming) run.samples = [];

  if (terminal) {
    run.finishedAt = terminal.eventTime;
    run.status = STATUS_OF_TERMINAL[terminal.eventType]!;
  }
  const watermark = nominalEndTime ?? options.parentWatermark;
  if (watermark) run.watermark = watermark;
  run.outputs = [...outputs.values()];
  run.inputs = [...inputs.values()];
  run.checks = [...checks.values()];
  return run;
}

/**
 * The events by time and rank, ties broken by their facts so that arrival
 * order never decides (the store hands them over in arrival order), and an
 * event repeated verbatim kept once: a resent RUNNING event must not turn a
 * batch run into a stream. Facts are only written out for events that tie.
 */
function inOneOrder(events: readonly RunEventFacts[]): RunEventFacts[] {
  const written = new Map<RunEventFacts, string>();
  const factsOf = (event: RunEventFacts) => {
    let text = written.get(event);
    if (text === undefined) {
      text = JSON.stringify(event);
      written.set(event, text);
    }
    return text;
  };
  const tie = (a: RunEventFacts, b: RunEventFacts) => {
    const left = factsOf(a);
    const right = factsOf(b);
    if (left === right) return 0;
    return left < right ? -1 : 1;
  };
  const byTime = (a: RunEventFacts, b: RunEventFacts) => {
    if (a.eventTime !== b.eventTime) return a.eventTime < b.eventTime ? -1 : 1;
    return RANK[a.eventType] - RANK[b.eventType] || tie(a, b);
  };
  const sorted = [...events].sort(byTime);
  return sorted.filter(
    (event, i) => i === 0 || byTime(sorted[i - 1], event) !== 0,
  );
}

/** Later facts win, field by field; aliases are the union. */
function mergeOutput(outputs: Map<string, OutputFacts>, output: OutputFacts) {
  const earlier = outputs.get(output.keys[0]);
  if (!earlier) {
    outputs.set(output.keys[0], { ...output, keys: [...output.keys] });
    return;
  }
  for (const key of output.keys) {
    if (!earlier.keys.includes(key)) earlier.keys.push(key);
  }
  if (output.rowCount !== undefined) earlier.rowCount = output.rowCount;
  if (output.columns) earlier.columns = output.columns;
  if (output.schema && output.schema.length > 0) {
    earlier.schema = output.schema as ObservedField[];
  }
}
