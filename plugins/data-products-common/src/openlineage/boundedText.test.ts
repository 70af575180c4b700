import {
  MAX_RUN_MESSAGE_LENGTH,
  MAX_RUN_NAME_LENGTH,
  boundEnds,
  boundText,
  cutMarker,
  keptEnds,
} from './boundedText';
import { eventFacts } from './eventFacts';
import { parseNativeRunBatch } from './nativeRuns';
import { parseRunEvent } from './parseRunEvent';

const NOW = new Date('2026-03-10T12:00:00Z');

/** 4.5 MB of error message: 1 MB of head, 2.5 MB of middle, 1 MB of tail. */
const HUGE = `${'H'.repeat(1_000_000)}${'m'.repeat(2_500_000)}${'T'.repeat(
  1_000_000,
)}`;

describe('boundText', () => {
  it('keeps a text that fits', () => {
    expect(boundText('upstream timeout', 100)).toEqual({
      text: 'upstream timeout',
      cut: 0,
    });
    const exactly = 'x'.repeat(MAX_RUN_MESSAGE_LENGTH);
    expect(boundText(exactly, MAX_RUN_MESSAGE_LENGTH).text).toBe(exactly);
  });

  it('keeps the head and the tail of a longer one, saying how much was cut', () => {
    const { text, cut } = boundText(HUGE, MAX_RUN_MESSAGE_LENGTH);
    // The documented limits: 16,384 characters, of which the marker's room
    // (38: " […9,999,999,999,999 characters cut…] ") is kept free, the rest
    // split in two halves of 8,173.
    expect(keptEnds(16_384)).toEqual({ head: 8_173, tail: 8_173 });
    expect(cut).toBe(4_500_000 - 2 * 8_173);
    expect(text).toBe(
      `${'H'.repeat(8_173)} […4,483,654 characters cut…] ${'T'.repeat(8_173)}`,
    );
    expect(text.length).toBeLessThanOrEqual(16_384);
  });

  it('counts characters, and never splits one', () => {
    // 😀 is one character, two UTF-16 code units.
    const emoji = '😀'.repeat(300);
    const { text, cut } = boundText(emoji, 100);
    expect(text.length).toBeLessThanOrEqual(100);
    expect(text).toMatch(/^(😀)+ \[…\d+ characters cut…\] (😀)+$/);
    const kept = [...text.replace(/ \[….*…\] /, '')].length;
    expect(cut + kept).toBe(300);
    // 300 characters fit 600 code units.
    expect(boundText(emoji, 600)).toEqual({ text: emoji, cut: 0 });
    expect(boundText(emoji, 300)).toEqual({ text: emoji, cut: 0 });
  });

  it('marks a cut in words, as a store writes it on read', () => {
    expect(cutMarker(1234567)).toBe(' […1,234,567 characters cut…] ');
    // A store read the first and last 9,000 characters of a 4.5 MB row.
    expect(
      boundEnds(
        'H'.repeat(9_000),
        'T'.repeat(9_000),
        4_500_000,
        MAX_RUN_MESSAGE_LENGTH,
      ),
    ).toBe(boundText(HUGE, MAX_RUN_MESSAGE_LENGTH).text);
  });

  it('refuses a bound too small to hold the marker', () => {
    expect(() => boundText('x', 10)).toThrow(RangeError);
  });
});

function nativeRun(extra: Record<string, unknown>) {
  return {
    product: 'dataproduct:default/orders',
    runId: 'r-1',
    status: 'failed',
    finishedAt: '2026-03-10T06:41:00Z',
    ...extra,
  };
}

describe('native runs (POST /runs)', () => {
  it('stores a 4.5 MB errorMessage bounded, and warns', () => {
    const batch = parseNativeRunBatch(
      { runs: [nativeRun({ errorMessage: HUGE })] },
      NOW,
    );
    expect(batch.problems).toEqual([]);
    expect(batch.runs[0].run.errorMessage).toBe(
      `${'H'.repeat(8_173)} […4,483,654 characters cut…] ${'T'.repeat(8_173)}`,
    );
    expect(batch.warnings).toEqual([
      {
        index: 0,
        path: 'runs[0].errorMessage',
        message:
          'runs[0].errorMessage is 4,500,000 characters long, more than the 16,384 Stockroom stores: kept its head and tail around a marker saying 4,483,654 characters were cut',
      },
    ]);
  });

  it('removes NUL characters from the errorMessage, and warns', () => {
    const batch = parseNativeRunBatch(
      { runs: [nativeRun({ errorMessage: 'disk\u0000 full\u0000' })] },
      NOW,
    );
    expect(batch.runs[0].run.errorMessage).toBe('disk full');
    expect(batch.warnings).toEqual([
      {
        index: 0,
        path: 'runs[0].errorMessage',
        message:
          'runs[0].errorMessage had 2 NUL characters (\\u0000), removed: Stockroom cannot store them',
      },
    ]);
  });

  it('refuses a runId with a NUL character, naming it, and keeps the other runs', () => {
    const batch = parseNativeRunBatch(
      {
        runs: [nativeRun({ runId: 'r-1\u0000x' }), nativeRun({ runId: 'r-2' })],
      },
      NOW,
    );
    expect(batch.runs.map(r => r.run.runId)).toEqual(['r-2']);
    expect(batch.problems).toEqual([
      {
        index: 0,
        path: 'runs[0].runId',
        message:
          'runs[0].runId contains a NUL character (\\u0000) at position 3, which Stockroom cannot store: remove it',
      },
    ]);
  });
});

const RUN_ID = '0192963f-929e-731b-a075-9bb14bf41d38';

function event(extra: {
  job?: Record<string, unknown>;
  runFacets?: Record<string, unknown>;
  outputs?: unknown[];
  inputs?: unknown[];
}) {
  return {
    eventType: 'FAIL',
    eventTime: '2026-03-10T06:41:00Z',
    producer: 'https://github.com/OpenLineage/OpenLineage/tree/1.24.0/client',
    run: { runId: RUN_ID, facets: extra.runFacets ?? {} },
    job: { namespace: 'airflow', name: 'orders.load', ...extra.job },
    inputs: extra.inputs ?? [],
    outputs: extra.outputs ?? [
      { namespace: 'postgres://db:5432', name: 'shop.public.orders' },
    ],
  };
}

const errorFacet = (message: string) => ({
  errorMessage: {
    _producer: 'https://example.com/producer',
    _schemaURL:
      'https://openlineage.io/spec/facets/1-0-1/ErrorMessageRunFacet.json',
    message,
    programmingLanguage: 'python',
  },
});

describe('names of native runs', () => {
  it.each([
    [
      'a schema field name',
      {
        schema: [
          { name: 'id', type: 'string' },
          { name: 'a\u0000b', type: 'int' },
        ],
      },
      'runs[0].schema[1].name',
      'runs[0].schema[1].name contains a NUL character (\\u0000) at position 1, which Stockroom cannot store: remove it',
    ],
    [
      'a column name',
      { rowCount: 1, columns: { 'x\u0000': { nullCount: 0 } } },
      'runs[0].columns.x\\u0000',
      'runs[0].columns.x\\u0000 is a column name with a NUL character (\\u0000), which Stockroom cannot store: remove it',
    ],
  ])('refuses a run with a NUL character in %s', (_, extra, path, message) => {
    const batch = parseNativeRunBatch({ runs: [nativeRun(extra)] }, NOW);
    expect(batch.runs).toEqual([]);
    expect(batch.problems).toEqual([{ index: 0, path, message }]);
  });
});

describe('OpenLineage events (POST /openlineage)', () => {
  it('keeps a 4.5 MB error message bounded, and warns with its path in the batch', () => {
    const parsed = parseRunEvent(
      event({ runFacets: errorFacet(HUGE) }),
      2,
      NOW,
    );
    expect(parsed.problems).toEqual([]);
    const expected = `${'H'.repeat(
      8_173,
    )} […4,483,654 characters cut…] ${'T'.repeat(8_173)}`;
    expect(eventFacts(parsed.event!).errorMessage).toBe(expected);
    expect(parsed.warnings).toEqual([
      {
        index: 2,
        path: '[2].run.facets.errorMessage.message',
        message:
          '[2].run.facets.errorMessage.message is 4,500,000 characters long, more than the 16,384 Stockroom stores: kept its head and tail around a marker saying 4,483,654 characters were cut',
      },
    ]);
  });

  it('removes NUL characters from the error message, and warns', () => {
    const parsed = parseRunEvent(
      event({ runFacets: errorFacet('boom\u0000') }),
      undefined,
      NOW,
    );
    expect(eventFacts(parsed.event!).errorMessage).toBe('boom');
    expect(parsed.warnings).toEqual([
      {
        path: 'run.facets.errorMessage.message',
        message:
          'run.facets.errorMessage.message had a NUL character (\\u0000), removed: Stockroom cannot store them',
      },
    ]);
  });

  it('bounds a job name longer than its column, and warns', () => {
    const long = `spark_app.${'x'.repeat(400)}.insert_into`;
    const parsed = parseRunEvent(event({ job: { name: long } }), 0, NOW);
    const name = parsed.event!.job.name;
    expect(name.length).toBeLessThanOrEqual(MAX_RUN_NAME_LENGTH);
    expect(name.startsWith('spark_app.xxx')).toBe(true);
    expect(name.endsWith('xxx.insert_into')).toBe(true);
    // 422 characters; 255 − 38 of marker room = 217 kept: 109 + 108.
    expect(long.length).toBe(422);
    expect(name).toBe(
      `${long.slice(0, 109)} […205 characters cut…] ${long.slice(-108)}`,
    );
    expect(parsed.warnings.map(w => w.path)).toEqual(['[0].job.name']);
  });

  it('bounds a quality assertion longer than 255 characters', () => {
    const assertion = `expect_${'y'.repeat(300)}`;
    const parsed = parseRunEvent(
      event({
        inputs: [
          {
            namespace: 'postgres://db:5432',
            name: 'shop.public.orders',
            inputFacets: {
              dataQualityAssertions: {
                assertions: [{ assertion, success: true }],
              },
            },
          },
        ],
      }),
      undefined,
      NOW,
    );
    const stored = eventFacts(parsed.event!).checks[0].assertions![0];
    expect(stored.assertion.length).toBeLessThanOrEqual(255);
    expect(stored.assertion.startsWith('expect_yyy')).toBe(true);
    expect(parsed.warnings.map(w => w.path)).toEqual([
      'inputs[0].inputFacets.dataQualityAssertions.assertions[0].assertion',
    ]);
  });

  it.each([
    ['job namespace', { job: { namespace: 'air\u0000flow' } }, 'job.namespace'],
    ['job name', { job: { name: 'orders\u0000' } }, 'job.name'],
    [
      'output dataset name',
      { outputs: [{ namespace: 'pg', name: 'orders\u0000' }] },
      'outputs[0].name',
    ],
    [
      'input dataset namespace',
      { inputs: [{ namespace: '\u0000pg', name: 'orders' }] },
      'inputs[0].namespace',
    ],
    [
      'symlink identifier',
      {
        outputs: [
          {
            namespace: 's3://bucket',
            name: '/warehouse/orders',
            facets: {
              symlinks: {
                identifiers: [
                  { namespace: 'hive', name: 'db.orders\u0000', type: 'TABLE' },
                ],
              },
            },
          },
        ],
      },
      'outputs[0].facets.symlinks.identifiers[0].name',
    ],
    [
      'nested schema field name',
      {
        outputs: [
          {
            namespace: 'pg',
            name: 'orders',
            facets: {
              schema: {
                fields: [
                  {
                    name: 'address',
                    type: 'struct',
                    fields: [{ name: 'ci\u0000ty', type: 'string' }],
                  },
                ],
              },
            },
          },
        ],
      },
      'outputs[0].facets.schema.fields[0].fields[0].name',
    ],
    [
      'parent job name',
      {
        runFacets: {
          parent: {
            run: { runId: RUN_ID },
            job: { namespace: 'airflow', name: 'dag\u0000' },
          },
        },
      },
      'run.facets.parent.job.name',
    ],
  ])('refuses an event with a NUL character in its %s', (_, extra, path) => {
    const parsed = parseRunEvent(event(extra), 4, NOW);
    expect(parsed.event).toBeUndefined();
    expect(parsed.problems).toEqual([
      {
        index: 4,
        path: `[4].${path}`,
        message: expect.stringMatching(
          new RegExp(
            `^\\[4\\]\\.${path.replace(
              /[.[\]]/g,
              '\\$&',
            )} contains a NUL character \\(\\\\u0000\\) at position \\d+, which Stockroom cannot store: remove it$`,
          ),
        ),
      },
    ]);
  });

  it('does not change the caller’s event', () => {
    const sent = event({ runFacets: errorFacet('a\u0000b') });
    parseRunEvent(sent, undefined, NOW);
    expect(
      (sent.run.facets as ReturnType<typeof errorFacet>).errorMessage.message,
    ).toBe('a\u0000b');
  });
});
