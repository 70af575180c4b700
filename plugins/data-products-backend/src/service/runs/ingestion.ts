import {
  NativeRun,
  ParsedRunEvent,
  RunObservation,
  RunProblem,
  parseIsoTimestamp,
  parseNativeRunBatch,
  parseRunEvent,
  runObservationsFromEvent,
} from '@stockroom/plugin-data-products-common';
import { RunRecord } from '../../database/RunStore';
import { ProductLookup } from './ProductIndex';

/** Clocks drift; an event a little ahead of the server is still real. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
/** The `dataset_key` column's width. */
const MAX_DATASET_KEY_LENGTH = 512;

/** Either what a request body holds, or everything wrong with it. */
export type Parsed<T> =
  | { ok: true; value: T }
  | { ok: false; problems: RunProblem[]; message: string };

/**
 * Validates an OpenLineage request body: one RunEvent, or an array of them
 * (what the HTTP transport sends, one by one or batched). Every event is
 * checked before anything is stored, so one bad event refuses the request
 * with every problem listed.
 */
export function parseOpenLineageBody(
  body: unknown,
  now: Date,
): Parsed<ParsedRunEvent[]> {
  const batch = Array.isArray(body);
  const items: unknown[] = batch ? body : [body];
  if (batch && items.length === 0) {
    return {
      ok: false,
      problems: [
        {
          path: '',
          message:
            'The request body is an empty array: send a RunEvent or an array of RunEvents',
        },
      ],
      message: 'The request body holds no RunEvent; nothing was stored',
    };
  }
  const latestMs = now.getTime() + CLOCK_SKEW_MS;
  const events: ParsedRunEvent[] = [];
  const problems: RunProblem[] = [];
  let invalid = 0;
  items.forEach((item, index) => {
    const parsed = parseRunEvent(item, batch ? index : undefined);
    const eventProblems = [...parsed.problems];
    if (parsed.event) {
      const ms = parseIsoTimestamp(parsed.event.eventTime);
      if (ms !== undefined && ms > latestMs) {
        const path = batch ? `[${index}].eventTime` : 'eventTime';
        eventProblems.push({
          ...(batch ? { index } : {}),
          path,
          message: `${path} is in the future (${parsed.event.eventTime} is more than 5 minutes after the server's clock)`,
        });
      } else {
        events.push(parsed.event);
      }
    }
    if (eventProblems.length > 0) {
      invalid += 1;
      problems.push(...eventProblems);
    }
  });
  if (invalid > 0) {
    return {
      ok: false,
      problems,
      message: batch
        ? `${invalid} of ${items.length} RunEvents are invalid; nothing was stored`
        : 'The RunEvent is invalid; nothing was stored',
    };
  }
  return { ok: true, value: events };
}

/** Validates a native batch `{ "runs": [ … ] }`. */
export function parseNativeBody(body: unknown, now: Date): Parsed<NativeRun[]> {
  const { runs, problems } = parseNativeRunBatch(body, now);
  if (!runs) {
    const invalid = new Set(problems.map(p => p.index)).size;
    const total = Array.isArray((body as { runs?: unknown })?.runs)
      ? (body as { runs: unknown[] }).runs.length
      : undefined;
    return {
      ok: false,
      problems,
      message:
        total === undefined
          ? 'The request body is not a run batch; nothing was stored'
          : `${invalid} of ${total} runs are invalid; nothing was stored`,
    };
  }
  return { ok: true, value: runs };
}

/** Records for the store, and how many datasets matched no product. */
export interface MappedRuns {
  records: RunRecord[];
  ignored: number;
}

/**
 * Each output dataset of each event becomes a run record of every product
 * whose `openlineage.io/dataset` names it. Lineage tools report everything
 * they see, so a dataset no product claims is counted as ignored, not an
 * error; so is an event with no output dataset at all.
 */
export function mapOpenLineageEvents(
  events: ParsedRunEvent[],
  products: ProductLookup,
): MappedRuns {
  const records: RunRecord[] = [];
  let ignored = 0;
  for (const event of events) {
    const observations = runObservationsFromEvent(event);
    if (observations.length === 0) {
      ignored += 1;
      continue;
    }
    for (const observation of observations) {
      const refs = products.productsOfDataset(observation.datasetKey);
      if (refs.length === 0) {
        ignored += 1;
        continue;
      }
      for (const entityRef of refs) {
        records.push(recordOfObservation(entityRef, observation));
      }
    }
  }
  return { records, ignored };
}

/**
 * Native runs name their product; a product the catalog does not know is a
 * mistake in the report (unlike an unclaimed OpenLineage dataset), so it
 * refuses the batch.
 */
export function mapNativeRuns(
  runs: NativeRun[],
  products: ProductLookup,
): Parsed<RunRecord[]> {
  const records: RunRecord[] = [];
  const problems: RunProblem[] = [];
  runs.forEach((run, index) => {
    const entityRef = products.productRef(run.product);
    if (!entityRef) {
      const path = `runs[${index}].product`;
      problems.push({
        index,
        path,
        message: `${path} names ${run.product}, which is not a DataProduct in the catalog`,
      });
      return;
    }
    records.push(recordOfNativeRun(entityRef, run));
  });
  if (problems.length > 0) {
    return {
      ok: false,
      problems,
      message: `${problems.length} of ${runs.length} runs name a data product the catalog does not have; nothing was stored`,
    };
  }
  return { ok: true, value: records };
}

function recordOfObservation(
  entityRef: string,
  observation: RunObservation,
): RunRecord {
  const record: RunRecord = {
    entityRef,
    runId: observation.runId,
    datasetKey: observation.datasetKey.slice(0, MAX_DATASET_KEY_LENGTH),
    status: observation.status,
    eventTime: new Date(observation.eventTime),
  };
  if (observation.startedAt) record.startedAt = new Date(observation.startedAt);
  if (observation.finishedAt) {
    record.finishedAt = new Date(observation.finishedAt);
  }
  if (observation.watermark) record.watermark = new Date(observation.watermark);
  if (observation.rowCount !== undefined)
    record.rowCount = observation.rowCount;
  if (observation.columns) record.columns = observation.columns;
  if (observation.schema) record.schema = observation.schema;
  if (observation.errorMessage !== undefined) {
    record.errorMessage = observation.errorMessage;
  }
  return record;
}

function recordOfNativeRun(entityRef: string, run: NativeRun): RunRecord {
  const record: RunRecord = {
    entityRef,
    runId: run.runId,
    status: run.status,
    eventTime: new Date(run.finishedAt),
    finishedAt: new Date(run.finishedAt),
  };
  if (run.startedAt) record.startedAt = new Date(run.startedAt);
  if (run.watermark) record.watermark = new Date(run.watermark);
  if (run.rowCount !== undefined) record.rowCount = run.rowCount;
  if (run.columns) record.columns = run.columns;
  if (run.schema) record.schema = run.schema;
  if (run.errorMessage !== undefined) record.errorMessage = run.errorMessage;
  return record;
}
