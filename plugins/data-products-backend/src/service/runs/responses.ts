import { InputError } from '@backstage/errors';
import {
  ApiRun,
  ApiScorecard,
  ApiScorecardDimension,
  ApiScorecardHistoryItem,
  ApiScorecardLag,
  FreshnessSla,
  ScoreThresholds,
  parseIsoTimestamp,
  runSlaVerdicts,
} from '@stockroom/plugin-data-products-common';
import { StoredRun } from '../../database/RunStore';
import {
  SCORECARD_DIMENSIONS,
  ScorecardSnapshot,
} from '../../database/ScorecardSnapshotStore';

/**
 * `GET …/scorecard`: the latest snapshot as the API serves it, with the
 * thresholds in force (configured ones change only with a restart; each
 * dimension's evidence keeps the bounds its score was computed with), and
 * the supply-chain figures and tier-at-risk verdict stored with it.
 */
export function scorecardResponse(
  snapshot: ScorecardSnapshot,
  thresholds: ScoreThresholds,
): ApiScorecard {
  const dimension = (name: string): ApiScorecardDimension => {
    const stored = snapshot.evidence[name] as
      | { evidence?: Record<string, unknown>; summary?: string }
      | undefined;
    return {
      score: snapshot.scores[name as keyof typeof snapshot.scores],
      summary: stored?.summary ?? null,
      evidence: stored?.evidence ?? null,
    };
  };
  const dimensions = Object.fromEntries(
    SCORECARD_DIMENSIONS.map(name => [name, dimension(name)]),
  ) as ApiScorecard['dimensions'];
  return {
    entityRef: snapshot.entityRef,
    overall: snapshot.overall,
    computedAt: snapshot.takenAt.toISOString(),
    window: snapshot.window,
    dimensions,
    thresholds,
    // Snapshots stored before supply-chain figures were computed have none.
    supplyChain: (snapshot.evidence.supplyChain ??
      null) as ApiScorecard['supplyChain'],
    tierAtRisk: (snapshot.evidence.tierAtRisk ??
      null) as ApiScorecard['tierAtRisk'],
  };
}

/**
 * One point of `GET …/scorecard/history`: the scores, and of the evidence
 * only the freshness lag (what a trend chart draws against the promise).
 */
export function historyItem(
  snapshot: ScorecardSnapshot,
): ApiScorecardHistoryItem {
  return {
    computedAt: snapshot.takenAt.toISOString(),
    overall: snapshot.overall,
    scores: snapshot.scores,
    window: snapshot.window,
    lag: lagOf(snapshot),
  };
}

/**
 * The measured and promised lags of the snapshot's freshness evidence, each
 * null where not measured or not promised; null for a snapshot stored
 * without freshness evidence.
 */
function lagOf(snapshot: ScorecardSnapshot): ApiScorecardLag {
  const stored = snapshot.evidence.freshness as
    | { evidence?: Record<string, unknown> }
    | undefined;
  const evidence = stored?.evidence;
  if (!evidence || typeof evidence !== 'object') return null;
  const ms = (value: unknown) => (typeof value === 'number' ? value : null);
  return {
    p95Ms: ms(evidence.p95LagMs),
    p99Ms: ms(evidence.p99LagMs),
    promisedP95Ms: ms(evidence.promisedP95Ms),
    promisedP99Ms: ms(evidence.promisedP99Ms),
  };
}

/**
 * The items of `GET …/runs` (latest first, as stored), each with its
 * freshness lag and SLA breach verdict from the rule engine. A run without
 * a watermark measures its lag from the previous successful run: the next
 * one down the list, or `previousSuccessfulRun` (the one before the page)
 * for the oldest.
 */
export function runItems(
  runs: StoredRun[],
  freshness: FreshnessSla | undefined,
  previousSuccessfulRun?: StoredRun,
): ApiRun[] {
  const oldestFirst = [...runs].reverse();
  const verdicts = runSlaVerdicts(
    oldestFirst,
    freshness,
    previousSuccessfulRun,
  ).reverse();
  return runs.map((run, index) => ({
    ...runItem(run),
    lagMs: verdicts[index].lagMs,
    breach: verdicts[index].breach,
  }));
}

/**
 * The run of the list (latest first) whose lag needs the successful run
 * before the list: the oldest successful one, when it has no watermark.
 */
export function needsPreviousSuccess(runs: StoredRun[]): StoredRun | undefined {
  for (let i = runs.length - 1; i >= 0; i--) {
    if (runs[i].status === 'success') {
      return runs[i].watermark ? undefined : runs[i];
    }
  }
  return undefined;
}

/**
 * Runs still running, for the top of the first page of `GET …/runs`: a
 * stream is shown as running from its start, and its lag is the time since
 * its newest event, so a stalled stream shows a growing lag.
 */
export function runningRunItems(runs: StoredRun[], now: Date): ApiRun[] {
  return runs.map(run => ({
    ...runItem(run),
    lagMs:
      run.streaming && run.lastEventAt
        ? Math.max(0, now.getTime() - run.lastEventAt.getTime())
        : null,
    breach: false,
  }));
}

/** One run of `GET …/runs`; fields that do not apply are null. */
function runItem(run: StoredRun): Omit<ApiRun, 'lagMs' | 'breach'> {
  return {
    runId: run.runId,
    status: run.status,
    job: run.job ?? null,
    parent: run.parent ?? null,
    streaming: run.streaming ?? false,
    lastEventAt: run.lastEventAt?.toISOString() ?? null,
    datasetKey: run.datasetKey ?? null,
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    watermark: run.watermark?.toISOString() ?? null,
    rowCount: run.rowCount ?? null,
    columns: run.columns ?? null,
    errorMessage: run.errorMessage ?? null,
  };
}

/**
 * The most a page of `GET …/runs` holds, in bytes of JSON: with messages
 * bounded (16,384 characters) a page of 50 fits easily, and no page of
 * any limit grows past it. A page cut short says where the next starts.
 */
export const RUNS_PAGE_MAX_BYTES = 1024 * 1024;

/** Room kept for the page's envelope (entityRef, nextBefore, brackets). */
const ENVELOPE_BYTES = 1024;

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/**
 * A page of `GET …/runs` within `maxBytes`: the running runs first, then as
 * many closed ones (latest first) as fit, and at least one, so paging always
 * moves on. `runs` are the closed runs read for the page, `runItems` their
 * items, `full` whether the store returned as many as the limit asked.
 *
 * When the bytes cut the page short, it ends before a run whose finish time
 * differs from the next one's where it can: `before` is exclusive, so the
 * next page would skip runs that finished at the same instant as the last
 * one shown.
 */
export function runsPage<Item>(options: {
  running: Item[];
  runs: StoredRun[];
  items: Item[];
  full: boolean;
  maxBytes?: number;
}): { items: Item[]; nextBefore: string | null } {
  const { running, runs, items, full } = options;
  const maxBytes = options.maxBytes ?? RUNS_PAGE_MAX_BYTES;
  // Each item costs its JSON and a comma.
  let used = ENVELOPE_BYTES + running.reduce((n, i) => n + jsonBytes(i) + 1, 0);
  let shown = 0;
  while (shown < items.length) {
    const cost = jsonBytes(items[shown]) + 1;
    if (shown > 0 && used + cost > maxBytes) break;
    used += cost;
    shown++;
  }
  const finishedAt = (index: number) => runs[index]?.finishedAt?.getTime();
  if (shown < items.length) {
    let end = shown;
    while (end > 1 && finishedAt(end - 1) === finishedAt(end)) end--;
    if (finishedAt(end - 1) !== finishedAt(end)) shown = end;
  }
  const more = shown < items.length || full;
  const last = runs[shown - 1];
  return {
    items: [...running, ...items.slice(0, shown)],
    nextBefore: more && last ? last.finishedAt?.toISOString() ?? null : null,
  };
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * An instant from a query value: an ISO-8601 time with a zone, or a
 * calendar date (`2026-11-01`), read as the start of that UTC day or, for
 * the end of a range, its last millisecond so the day is included.
 */
function instant(text: unknown, name: string, end: boolean): Date | undefined {
  if (typeof text !== 'string') return undefined;
  if (DATE_ONLY.test(text)) {
    const ms = parseIsoTimestamp(`${text}T00:00:00Z`);
    if (ms !== undefined) return new Date(end ? ms + DAY_MS - 1 : ms);
  } else {
    const ms = parseIsoTimestamp(text);
    if (ms !== undefined) return new Date(ms);
  }
  throw new InputError(
    `${name} must be an ISO-8601 date (2026-11-01) or time with a time zone (2026-11-01T06:00:00Z), not "${text.slice(
      0,
      60,
    )}"`,
  );
}

/**
 * `?from&to` of the history, as the API document's validator read them
 * (`OpenApiRequestValidator.queryValues`): default the 90 days up to now.
 */
export function parseHistoryQuery(values: Record<string, unknown>, now: Date) {
  const to = instant(values.to, 'to', true) ?? now;
  const from =
    instant(values.from, 'from', false) ?? new Date(to.getTime() - 90 * DAY_MS);
  if (from.getTime() > to.getTime()) {
    throw new InputError(
      `from (${from.toISOString()}) must not be after to (${to.toISOString()})`,
    );
  }
  return { from, to };
}

/**
 * `?limit&before` of the run list, as the API document's validator read
 * them: `limit` is checked against the document's range and defaults to its
 * `default`, so neither is restated here.
 */
export function parseRunsQuery(values: Record<string, unknown>) {
  return {
    limit: values.limit as number,
    before: instant(values.before, 'before', false),
  };
}
