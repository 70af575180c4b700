/**
 * Intake of run reports, per event (standards.md "Intake is per event"):
 * each OpenLineage event, or native run, is valid or refused on its own, so
 * one bad event never blocks the valid ones in the same request. What is
 * read anyway (a time without a zone, an explicit null) comes back as a
 * warning.
 */
import {
  NativeRun,
  ParsedRunEvent,
  RunProblem,
  parseNativeRunBatch,
  parseRunEvent,
} from '@stockroom/plugin-data-products-common';
import { RunRecord } from '../../database/RunStore';
import { ProductLookup } from './ProductIndex';
import { yieldToEventLoop } from './yieldToEventLoop';

/** The `dataset_key` column's width. */
const MAX_DATASET_KEY_LENGTH = 512;

/** The valid items of a request, and everything wrong or odd with the rest. */
export interface Intake<T> {
  items: Array<{ index: number; value: T }>;
  /** How many events (or runs) the request held. */
  total: number;
  problems: RunProblem[];
  warnings: RunProblem[];
  /** Set when the body as a whole is unusable (not an event, an empty list). */
  bodyProblem?: string;
}

/**
 * Events parsed between two turns of the event loop: some 10 ms of work, so
 * a 5 MB batch of thousands of events never holds other requests long.
 */
const PARSE_TURN = 100;

/**
 * Reads an OpenLineage request body: one RunEvent, or an array of them
 * (what the HTTP transport sends, one by one or batched).
 */
export async function parseOpenLineageBody(
  body: unknown,
  now: Date,
): Promise<Intake<ParsedRunEvent>> {
  const batch = Array.isArray(body);
  const list: unknown[] = batch ? body : [body];
  if (batch && list.length === 0) {
    return {
      items: [],
      total: 0,
      problems: [
        {
          path: '',
          message:
            'The request body is an empty array: send a RunEvent or an array of RunEvents',
        },
      ],
      warnings: [],
      bodyProblem: 'The request body holds no RunEvent; nothing was stored',
    };
  }
  const intake: Intake<ParsedRunEvent> = {
    items: [],
    total: list.length,
    problems: [],
    warnings: [],
  };
  for (let index = 0; index < list.length; index++) {
    if (index > 0 && index % PARSE_TURN === 0) await yieldToEventLoop();
    const parsed = parseRunEvent(list[index], batch ? index : undefined, now);
    intake.problems.push(...parsed.problems);
    intake.warnings.push(...parsed.warnings);
    if (parsed.event) intake.items.push({ index, value: parsed.event });
  }
  return intake;
}

/** Reads a native batch `{ "runs": [ … ] }`, run by run. */
export function parseNativeBody(body: unknown, now: Date): Intake<NativeRun> {
  const batch = parseNativeRunBatch(body, now);
  const intake: Intake<NativeRun> = {
    items: batch.runs.map(({ index, run }) => ({ index, value: run })),
    total: batch.total ?? 0,
    problems: batch.problems,
    warnings: batch.warnings,
  };
  if (batch.total === undefined || batch.total === 0) {
    intake.bodyProblem =
      batch.total === 0
        ? 'The request body holds no run; nothing was stored'
        : 'The request body is not a run batch; nothing was stored';
  }
  return intake;
}

/**
 * Drops the items that have a problem found after parsing (the API
 * document's schema, an unknown product), keeping the problems.
 */
export function refuseItems<T>(
  intake: Intake<T>,
  problems: RunProblem[],
): void {
  if (problems.length === 0) return;
  // A problem without an index is about a lone event: the only item.
  const refused = new Set(problems.map(p => p.index ?? 0));
  intake.items = intake.items.filter(item => !refused.has(item.index));
  intake.problems.push(...problems);
}

/**
 * Native runs name their product; a product the catalog does not know is a
 * mistake in the report (unlike an unclaimed OpenLineage dataset), so that
 * run is refused, naming it.
 */
export function unknownProductProblems(
  intake: Intake<NativeRun>,
  products: ProductLookup,
): RunProblem[] {
  const problems: RunProblem[] = [];
  for (const { index, value } of intake.items) {
    if (products.productRef(value.product)) continue;
    const path = `runs[${index}].product`;
    problems.push({
      index,
      path,
      message: `${path} names ${value.product}, which is not a DataProduct in the catalog`,
    });
  }
  return problems;
}

/** A native run as the store keeps it; its product must be known. */
export function recordOfNativeRun(
  run: NativeRun,
  products: ProductLookup,
): RunRecord {
  const record: RunRecord = {
    entityRef: products.productRef(run.product)!,
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

/** Clips a dataset key to the column, as the store writes it. */
export function storedDatasetKey(key: string): string {
  return key.slice(0, MAX_DATASET_KEY_LENGTH);
}
