/**
 * Property-based tests of the scorer (issue #15 item 8): `computeScorecard`,
 * and `scoreRunWindow` over a `RunWindowMeter` fed in chunks.
 * Generated cases in this file: 10,000 + 8,000 + 8,000 + 6,000 = 32,000.
 * docs/development.md ("Property-based tests") gives the total per run.
 */
import fc from 'fast-check';
import { parseDuration } from '../kind/duration';
import { computeScorecard, scoreRunWindow } from './computeScorecard';
import { type ScoringRun, timestampMs } from './runs';
import {
  SCORE_DIMENSIONS,
  type QualityObservation,
  type ScorableContract,
  type ScorecardInput,
} from './types';
import { RunWindowMeter } from './window';

const NOW = new Date('2026-03-31T12:00:00.000Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const duration = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 1, max: 600 }),
      fc.constantFrom('s', 'm', 'h', 'd'),
    )
    .map(([n, unit]) => `${n}${unit}`),
  // Not durations: the scorer must treat them as not promised.
  fc.constantFrom('0m', '-5m', 'NaN', '', '1e3m', '∞'),
);

const contract: fc.Arbitrary<ScorableContract> = fc.record(
  {
    schema: fc.array(
      fc.record(
        {
          name: fc.constantFrom('id', 'email', 'amount', 'ünïcödé', ''),
          type: fc.constant('string'),
          description: fc.constantFrom('An id.', '', '   '),
          key: fc.constantFrom('primary', 'foreign', 'none'),
        },
        { requiredKeys: ['name', 'type'] },
      ),
      { maxLength: 5 },
    ),
    freshness: fc.record(
      { p95: duration, p99: duration },
      { requiredKeys: [] },
    ),
    accessPatterns: fc.array(fc.record({ type: fc.constant('batch') }), {
      maxLength: 2,
    }),
    lineage: fc.record({
      upstreams: fc.array(fc.constant('dataproduct:crm'), { maxLength: 2 }),
    }),
    quality: fc.record(
      {
        keyFields: fc.subarray(['id', 'email', 'missing']),
        maxNullRate: fc.constantFrom(0, 0.001, 0.5, 1),
        maxDuplicateRate: fc.constantFrom(0, 0.01, 1),
      },
      { requiredKeys: [] },
    ),
    escalation: fc.record(
      { channel: fc.constantFrom('#oncall', ''), onCall: fc.string() },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<ScorableContract>;

/** An instant inside the 30-day window, mostly, as a store may hand it over. */
const instantMs = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -30 * DAY, max: 0 }) },
  { weight: 1, arbitrary: fc.integer({ min: -60 * DAY, max: DAY }) },
);
const timestamp = fc.oneof(
  instantMs.map(d => new Date(NOW.getTime() + d).toISOString()),
  instantMs.map(d => NOW.getTime() + d),
  instantMs.map(d => new Date(NOW.getTime() + d)),
  fc.constantFrom('not a time', '', NaN, new Date(NaN)),
);

const counts = fc.record(
  {
    nullCount: fc.oneof(fc.nat(2_000), fc.constantFrom(-1, NaN)),
    distinctCount: fc.oneof(fc.nat(2_000), fc.constantFrom(-1, NaN)),
  },
  { requiredKeys: [] },
);

const run: fc.Arbitrary<ScoringRun> = fc.record(
  {
    runId: fc.string({ maxLength: 8 }),
    status: fc.constantFrom(
      'success',
      'success',
      'failed',
      'running',
      'aborted',
    ),
    finishedAt: timestamp,
    // Around the finish: negative lags (a watermark in the future) too.
    watermark: timestamp,
    rowCount: fc.oneof(fc.nat(1_000), fc.constantFrom(0, -5, NaN, 1e15)),
    columns: fc.dictionary(
      fc.constantFrom('id', 'email', '__proto__'),
      counts,
      {
        maxKeys: 2,
        noNullPrototype: true,
      },
    ),
  },
  { requiredKeys: ['runId', 'status'] },
) as fc.Arbitrary<ScoringRun>;

const check: fc.Arbitrary<QualityObservation> = fc.record(
  {
    observedAt: timestamp,
    source: fc.constantFrom('dbt', 'Great Expectations'),
    rowCount: fc.nat(1_000),
    columns: fc.dictionary(fc.constantFrom('id', 'email'), counts, {
      maxKeys: 2,
      noNullPrototype: true,
    }),
    assertions: fc.array(
      fc.record({
        assertion: fc.constantFrom('not_null', 'unique'),
        column: fc.constantFrom('id', 'email'),
        success: fc.boolean(),
      }),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: ['observedAt', 'source'] },
) as fc.Arbitrary<QualityObservation>;

const scorecardInput: fc.Arbitrary<ScorecardInput> = fc.record(
  {
    contract,
    runs: fc.array(run, { maxLength: 40 }),
    checks: fc.array(check, { maxLength: 3 }),
    windowDays: fc.oneof(
      fc.constantFrom(1, 7, 30, 90),
      fc.double({ min: 0.01, max: 365, noNaN: true }),
    ),
    drift: fc.record({
      openedAt: fc.array(timestamp, { maxLength: 7 }),
      hasStabilityEvidence: fc.boolean(),
    }),
    ownership: fc.record({
      ownerIsGroup: fc.boolean(),
      groupHasMembers: fc.boolean(),
    }),
    consumerCount: fc.oneof(fc.nat(10), fc.constantFrom(-1, NaN, 1e9)),
  },
  { requiredKeys: ['runs', 'ownership', 'consumerCount'] },
) as fc.Arbitrary<ScorecardInput>;

const scoreOf = (input: ScorecardInput) => computeScorecard(input, NOW);

/**
 * One more successful run, on time: it finishes after every run of the
 * window (the next run to arrive) with its lag, possibly negative, within
 * every promised SLA. Only the newest: an older one would give the next run
 * without a watermark a lag it did not have (the age since the previous
 * success, per the spec), which may be long, and rightly lower the score.
 */
function onTimeRun(
  input: ScorecardInput,
  finishShare: number,
  lagShare: number,
): ScoringRun | undefined {
  const promised = [
    input.contract?.freshness?.p95,
    input.contract?.freshness?.p99,
  ]
    .map(text => (text === undefined ? undefined : parseDuration(text)))
    .filter((ms): ms is number => ms !== undefined);
  if (promised.length === 0) return undefined;
  const nowMs = NOW.getTime();
  const fromMs = nowMs - (input.windowDays ?? 30) * DAY;
  const latest = Math.max(
    fromMs,
    ...input.runs
      .filter(r => r.status === 'success' || r.status === 'failed')
      .map(r => timestampMs(r.finishedAt))
      .filter(ms => ms >= fromMs && ms <= nowMs),
  );
  const finished = Math.ceil(latest + finishShare * (nowMs - latest));
  // From an hour early (negative lag) to the tightest promise.
  const lag = -60 * MINUTE + lagShare * (Math.min(...promised) + 60 * MINUTE);
  return {
    runId: 'on-time',
    status: 'success',
    finishedAt: Math.min(finished, nowMs),
    watermark: Math.min(finished, nowMs) - Math.floor(lag),
  };
}

describe('computeScorecard, generated products and runs', () => {
  it('scores every dimension 1–5 or unknown, and overall as the mean of the known ones to one decimal', () => {
    fc.assert(
      fc.property(scorecardInput, input => {
        const card = scoreOf(input);
        const known: number[] = [];
        for (const dimension of SCORE_DIMENSIONS) {
          const { score, summary } = card.dimensions[dimension];
          expect([null, 1, 2, 3, 4, 5]).toContain(score);
          if (score !== null) known.push(score);
          expect(summary).not.toBe('');
        }
        // The spec: contract, ownership and reuse come from the catalog.
        for (const always of ['contract', 'ownership', 'reuse'] as const) {
          expect(card.dimensions[always].score).not.toBeNull();
        }
        const mean = known.reduce((a, b) => a + b, 0) / known.length;
        expect(Number.isInteger(Math.round(card.overall! * 10))).toBe(true);
        expect(Math.abs(card.overall! - mean)).toBeLessThanOrEqual(0.05 + 1e-9);
        // No runs in the window: freshness and reliability unknown.
        const measured = [
          card.dimensions.freshness.score,
          card.dimensions.reliability.score,
        ];
        expect(card.window.runs > 0 || measured.every(s => s === null)).toBe(
          true,
        );
      }),
      { numRuns: 10_000 },
    );
  });

  it('never lowers freshness for one more successful run on time', () => {
    fc.assert(
      fc.property(
        scorecardInput,
        fc.integer({ min: 0, max: 1_000 }).map(n => n / 1_000),
        fc.integer({ min: 0, max: 1_000 }).map(n => n / 1_000),
        (input, finishShare, lagShare) => {
          const extra = onTimeRun(input, finishShare, lagShare);
          fc.pre(extra !== undefined);
          const before = scoreOf(input).dimensions.freshness.score;
          const after = scoreOf({ ...input, runs: [...input.runs, extra!] })
            .dimensions.freshness.score;
          // Unknown before: anything after is no lowering.
          const lowered = before !== null && (after === null || after < before);
          expect({ before, after, lowered }).toEqual({
            before,
            after,
            lowered: false,
          });
        },
      ),
      { numRuns: 8_000 },
    );
  });

  it('never raises reliability for one more failed run', () => {
    fc.assert(
      fc.property(
        scorecardInput,
        fc.integer({ min: 0, max: 90 * DAY }),
        (input, finishedBeforeNow) => {
          const windowMs = (input.windowDays ?? 30) * DAY;
          const failed: ScoringRun = {
            runId: 'failed',
            status: 'failed',
            finishedAt: NOW.getTime() - Math.min(finishedBeforeNow, windowMs),
          };
          const before = scoreOf(input).dimensions.reliability.score;
          const after = scoreOf({ ...input, runs: [...input.runs, failed] })
            .dimensions.reliability.score;
          expect(after).not.toBeNull();
          const raised = before !== null && after! > before;
          expect({ before, after, raised }).toEqual({
            before,
            after,
            raised: false,
          });
        },
      ),
      { numRuns: 8_000 },
    );
  });

  it('gives the same scorecard from a RunWindowMeter fed oldest first in any chunks', () => {
    fc.assert(
      fc.property(
        scorecardInput,
        fc.integer({ min: 1, max: 10 }),
        (input, chunk) => {
          const windowDays = input.windowDays ?? 30;
          // Oldest finish first, as a store reads them; unreadable finishes
          // (left out by the meter) anywhere.
          const finish = (r: ScoringRun) => {
            const ms = timestampMs(r.finishedAt);
            return Number.isNaN(ms) ? -Infinity : ms;
          };
          const ordered = [...input.runs].sort(
            (a, b) => Math.sign(finish(a) - finish(b)) || 0,
          );
          const meter = new RunWindowMeter(NOW, windowDays);
          for (let i = 0; i < ordered.length; i += chunk) {
            for (const r of ordered.slice(i, i + chunk)) meter.add(r);
          }
          const { runs: _runs, windowDays: _days, ...rest } = input;
          expect(scoreRunWindow(meter.result(), rest, NOW)).toEqual(
            scoreOf(input),
          );
        },
      ),
      { numRuns: 6_000 },
    );
  });
});
