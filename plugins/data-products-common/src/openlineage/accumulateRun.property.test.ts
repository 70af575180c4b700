/**
 * Property-based tests of run accumulation (issue #15 item 8): the pure
 * `accumulateRun` the run store calls with every stored event of a run
 * (database/openLineageRuns.ts), so the database is not involved.
 * Generated cases in this file: 6,000 + 6,000 + 6,000 = 18,000.
 * docs/development.md ("Property-based tests") gives the total per run.
 */
import fc from 'fast-check';
import { accumulateRun } from './accumulateRun';
import type { RunEventFacts } from './eventFacts';
import { RUN_EVENT_TYPES, type RunEventType } from './types';

const BASE_MS = Date.parse('2026-03-31T12:00:00.000Z');

/**
 * Event times in canonical UTC form, from a few instants so that events of
 * one run often share one (a START and a COMPLETE in the same millisecond).
 */
const eventTime = fc
  .oneof(
    fc.integer({ min: 0, max: 4 }).map(i => BASE_MS + i * 60_000),
    fc.integer({ min: -86_400_000, max: 86_400_000 }).map(d => BASE_MS + d),
  )
  .map(ms => new Date(ms).toISOString());

const datasetKey = fc.constantFrom(
  'snowflake://acme/db.s.orders',
  'snowflake://acme/db.s.customers',
  's3://bucket/ünïcödé/🧾',
  '',
);

const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.constant('x'.repeat(5_000)),
);

const columns = fc.dictionary(
  fc.constantFrom('id', 'email', '__proto__', 'ÿ'),
  fc.record(
    { nullCount: fc.nat(), distinctCount: fc.nat() },
    { requiredKeys: [] },
  ),
  { maxKeys: 2, noNullPrototype: true },
);

const eventFactsOf = (runId: string): fc.Arbitrary<RunEventFacts> =>
  fc.record(
    {
      eventType: fc.constantFrom<RunEventType>(...RUN_EVENT_TYPES),
      eventTime,
      runId: fc.constant(runId),
      // One run is one job, but nothing stops a sender from changing it.
      job: fc.record({
        namespace: fc.constantFrom('airflow', 'dbt'),
        name: fc.constantFrom('load_orders', 'load_orders_v2'),
      }),
      processingType: fc.constantFrom('STREAMING', 'BATCH', 'MICRO'),
      nominalEndTime: eventTime,
      parent: fc.record({
        runId: fc.constantFrom('parent-1', 'parent-2'),
        jobNamespace: fc.constant('airflow'),
        jobName: fc.constant('dag'),
      }),
      errorMessage: text,
      producer: fc.constantFrom(
        'https://github.com/OpenLineage/OpenLineage/tree/1.0.0/integration/airflow',
        'https://example.com/dbt',
      ),
      outputs: fc.array(
        fc.record(
          {
            keys: fc.array(datasetKey, { minLength: 1, maxLength: 3 }),
            rowCount: fc.nat(),
            columns,
            schema: fc.array(
              fc.record(
                { name: text, type: fc.constantFrom('string', 'int') },
                { requiredKeys: ['name'] },
              ),
              { maxLength: 3 },
            ),
          },
          { requiredKeys: ['keys'] },
        ),
        { maxLength: 3 },
      ),
      inputs: fc.array(fc.array(datasetKey, { minLength: 1, maxLength: 2 }), {
        maxLength: 3,
      }),
      checks: fc.array(
        fc.record(
          {
            keys: fc.array(datasetKey, { minLength: 1, maxLength: 2 }),
            rowCount: fc.nat(),
            columns,
            assertions: fc.array(
              fc.record(
                {
                  assertion: fc.constantFrom('not_null', 'unique'),
                  column: fc.constantFrom('id', 'email'),
                  success: fc.boolean(),
                },
                { requiredKeys: ['assertion', 'success'] },
              ),
              { maxLength: 3 },
            ),
          },
          { requiredKeys: ['keys'] },
        ),
        { maxLength: 2 },
      ),
    },
    {
      requiredKeys: [
        'eventType',
        'eventTime',
        'runId',
        'job',
        'outputs',
        'inputs',
        'checks',
      ],
    },
  );

/** The events of one run, one to a dozen. */
const runEvents = fc.array(eventFactsOf('run-1'), {
  minLength: 1,
  maxLength: 12,
});

/**
 * The same events in another order: a permutation driven by generated
 * choices (fast-check shrinks them).
 */
const permutationOf = <T>(items: readonly T[]) =>
  fc
    .array(fc.nat(), { minLength: items.length, maxLength: items.length })
    .map(choices => {
      const pool = [...items];
      return choices.map(choice => pool.splice(choice % pool.length, 1)[0]);
    });

const TERMINAL = new Set<RunEventType>(['COMPLETE', 'FAIL', 'ABORT']);
// At one instant the worst terminal event is the last word: a run said to
// fail and to complete in the same millisecond did not succeed.
const TERMINAL_WEIGHT: Partial<Record<RunEventType, number>> = {
  COMPLETE: 0,
  ABORT: 1,
  FAIL: 2,
};
const STATUS: Partial<Record<RunEventType, string>> = {
  COMPLETE: 'success',
  ABORT: 'aborted',
  FAIL: 'failed',
};

describe('accumulateRun, what the properties found', () => {
  const event = (eventType: RunEventType, time: string): RunEventFacts => ({
    eventType,
    eventTime: time,
    runId: 'run-1',
    job: { namespace: 'airflow', name: 'load_orders' },
    outputs: [],
    inputs: [],
    checks: [],
  });
  const at = '2026-03-31T12:00:00.000Z';

  it('calls a run that completes and fails in one millisecond failed, in either order', () => {
    const complete = event('COMPLETE', at);
    const fail = event('FAIL', at);
    expect(accumulateRun([complete, fail]).status).toBe('failed');
    expect(accumulateRun([fail, complete]).status).toBe('failed');
  });

  it('does not take a RUNNING event sent twice for a stream', () => {
    const running = event('RUNNING', at);
    const run = accumulateRun([running, { ...running }]);
    expect(run.streaming).toBe(false);
    expect(run.samples).toEqual([]);
  });
});

describe('accumulateRun, generated events', () => {
  it('makes the same run from the same events in any order', () => {
    fc.assert(
      fc.property(
        runEvents.chain(events =>
          fc.tuple(fc.constant(events), permutationOf(events)),
        ),
        ([events, shuffled]) => {
          expect(accumulateRun(shuffled)).toEqual(accumulateRun(events));
        },
      ),
      { numRuns: 6_000 },
    );
  });

  it('finishes at the newest terminal event, the worst one at a tie, and starts at the first START', () => {
    fc.assert(
      fc.property(runEvents, events => {
        const run = accumulateRun(events);
        const times = events.map(e => e.eventTime).sort();
        expect(run.lastEventAt).toBe(times[times.length - 1]);
        const starts = events
          .filter(e => e.eventType === 'START')
          .map(e => e.eventTime)
          .sort();
        expect(run.startedAt).toBe(starts[0]);

        // Without a terminal event: still running, not finished.
        const terminal = events.filter(e => TERMINAL.has(e.eventType));
        const finishedAt = terminal
          .map(e => e.eventTime)
          .sort()
          .pop();
        const last = terminal
          .filter(e => e.eventTime === finishedAt)
          .map(e => e.eventType)
          .sort((a, b) => TERMINAL_WEIGHT[a]! - TERMINAL_WEIGHT[b]!)
          .pop();
        expect({ status: run.status, finishedAt: run.finishedAt }).toEqual({
          status: last ? STATUS[last] : 'running',
          finishedAt,
        });
      }),
      { numRuns: 6_000 },
    );
  });

  it('is not changed by an event sent twice (or thrice)', () => {
    fc.assert(
      fc.property(
        runEvents.chain(events =>
          fc.tuple(
            fc.constant(events),
            fc
              .array(fc.nat(events.length - 1), { minLength: 1, maxLength: 4 })
              .chain(repeats =>
                permutationOf([
                  ...events,
                  ...repeats.map(i => structuredClone(events[i])),
                ]),
              ),
          ),
        ),
        ([events, withRepeats]) => {
          expect(accumulateRun(withRepeats)).toEqual(accumulateRun(events));
        },
      ),
      { numRuns: 6_000 },
    );
  });
});
