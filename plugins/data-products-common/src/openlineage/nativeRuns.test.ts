import { parseNativeRunBatch } from './nativeRuns';

const NOW = new Date('2026-03-10T12:00:00Z');

function goodRun(): Record<string, any> {
  return {
    product: 'dataproduct:default/customer-identity-v2',
    runId: 'airflow__identity_graph__2026-03-10T06:00',
    status: 'success',
    startedAt: '2026-03-10T06:00:00Z',
    finishedAt: '2026-03-10T06:41:00Z',
    watermark: '2026-03-10T05:30:00Z',
    rowCount: 1000,
    columns: { customer_id: { nullCount: 0, distinctCount: 1000 } },
    schema: [
      { name: 'customer_id', type: 'string' },
      { name: 'email_sha256', type: 'string' },
    ],
  };
}

/**
 * The problems of a batch in which only the runs at `refused` are invalid:
 * intake is per run (standards.md "Intake is per event"), so every other
 * run comes back, with its index.
 */
function problemsOf(refused: number[], ...runs: unknown[]) {
  const result = parseNativeRunBatch({ runs }, NOW);
  expect(result.total).toBe(runs.length);
  expect(result.runs.map(r => r.index)).toEqual(
    runs.map((_, i) => i).filter(i => !refused.includes(i)),
  );
  return result.problems;
}

describe('parseNativeRunBatch', () => {
  it('accepts a batch and normalizes refs and times', () => {
    const minimal = {
      product: 'DataProduct:crm-accounts',
      runId: 'r-2',
      status: 'failed',
      finishedAt: '2026-03-10T13:04:00+01:00',
      errorMessage: 'upstream timeout',
    };
    expect(parseNativeRunBatch({ runs: [goodRun(), minimal] }, NOW)).toEqual({
      problems: [],
      warnings: [],
      total: 2,
      runs: [
        {
          index: 0,
          run: {
            product: 'dataproduct:default/customer-identity-v2',
            runId: 'airflow__identity_graph__2026-03-10T06:00',
            status: 'success',
            startedAt: '2026-03-10T06:00:00.000Z',
            finishedAt: '2026-03-10T06:41:00.000Z',
            watermark: '2026-03-10T05:30:00.000Z',
            rowCount: 1000,
            columns: { customer_id: { nullCount: 0, distinctCount: 1000 } },
            schema: [
              { name: 'customer_id', type: 'string' },
              { name: 'email_sha256', type: 'string' },
            ],
          },
        },
        {
          index: 1,
          run: {
            product: 'dataproduct:default/crm-accounts',
            runId: 'r-2',
            status: 'failed',
            finishedAt: '2026-03-10T12:04:00.000Z',
            errorMessage: 'upstream timeout',
          },
        },
      ],
    });
  });

  it('refuses an empty batch: it holds nothing valid', () => {
    expect(parseNativeRunBatch({ runs: [] }, NOW)).toEqual({
      runs: [],
      total: 0,
      problems: [
        { path: 'runs', message: 'runs is empty: send at least one run' },
      ],
      warnings: [],
    });
  });

  it.each([
    [null, ''],
    [[goodRun()], ''],
    [{}, 'runs'],
    [{ runs: goodRun() }, 'runs'],
  ])('refuses a body shaped %p, with no run and no count', (body, path) => {
    const result = parseNativeRunBatch(body, NOW);
    expect(result.problems).toEqual([expect.objectContaining({ path })]);
    expect(result.problems[0]).not.toHaveProperty('index');
    expect(result.runs).toEqual([]);
    expect(result.total).toBeUndefined();
  });

  type Mutation = (run: Record<string, any>) => void;
  it.each<[string, Mutation, string]>([
    ['a run that is not an object', () => undefined, ''],
    ['a missing runId', r => delete r.runId, 'runId'],
    ['a blank runId', r => (r.runId = ' '), 'runId'],
    ['a numeric runId', r => (r.runId = 17), 'runId'],
    ['an over-long runId', r => (r.runId = 'x'.repeat(256)), 'runId'],
    ['a missing product', r => delete r.product, 'product'],
    [
      'a product of another kind',
      r => (r.product = 'component:default/x'),
      'product',
    ],
    [
      'a product that is no ref',
      r => (r.product = 'customer identity'),
      'product',
    ],
    ['a bad status', r => (r.status = 'succeeded'), 'status'],
    ['a missing status', r => delete r.status, 'status'],
    ['a missing finishedAt', r => delete r.finishedAt, 'finishedAt'],
    [
      'finishedAt before startedAt',
      r => (r.startedAt = '2026-03-10T07:00:00Z'),
      'finishedAt',
    ],
    ['startedAt as a number', r => (r.startedAt = 1773122400000), 'startedAt'],
    ['a bad watermark', r => (r.watermark = 'yesterday'), 'watermark'],
    ['a negative rowCount', r => (r.rowCount = -1), 'rowCount'],
    ['a fractional rowCount', r => (r.rowCount = 10.5), 'rowCount'],
    [
      'a negative nullCount',
      r => (r.columns.customer_id.nullCount = -1),
      'columns.customer_id.nullCount',
    ],
    [
      'a negative distinctCount',
      r => (r.columns.customer_id.distinctCount = -5),
      'columns.customer_id.distinctCount',
    ],
    [
      'nullCount above rowCount',
      r => (r.columns.customer_id.nullCount = 1001),
      'columns.customer_id.nullCount',
    ],
    [
      'distinctCount above rowCount',
      r => (r.columns.customer_id.distinctCount = 1001),
      'columns.customer_id.distinctCount',
    ],
    ['columns as an array', r => (r.columns = []), 'columns'],
    [
      'a column that is null',
      r => (r.columns.customer_id = null),
      'columns.customer_id',
    ],
    [
      'schema not an array',
      r => (r.schema = { customer_id: 'string' }),
      'schema',
    ],
    [
      'a schema field without a type',
      r => delete r.schema[1].type,
      'schema[1].type',
    ],
    [
      'a schema field without a name',
      r => (r.schema[0].name = ''),
      'schema[0].name',
    ],
    [
      'an errorMessage that is not text',
      r => (r.errorMessage = { code: 1 }),
      'errorMessage',
    ],
  ])(
    'refuses %s, naming index and path, and keeps the good run',
    (_, mutate, field) => {
      const bad = goodRun();
      mutate(bad);
      const entry = field === '' ? 'not a run' : bad;
      const path = field === '' ? 'runs[1]' : `runs[1].${field}`;
      const problems = problemsOf([1], goodRun(), entry);
      expect(problems.map(p => [p.index, p.path])).toEqual([[1, path]]);
      expect(problems[0].message.startsWith(path)).toBe(true);
    },
  );

  describe('future times', () => {
    it('accepts times up to 5 minutes after now (clock skew)', () => {
      const run = goodRun();
      run.finishedAt = '2026-03-10T12:05:00Z';
      run.watermark = '2026-03-10T12:05:00Z';
      expect(parseNativeRunBatch({ runs: [run] }, NOW).problems).toEqual([]);
    });

    it.each(['startedAt', 'finishedAt', 'watermark'])(
      'refuses %s more than 5 minutes after now',
      field => {
        const run = goodRun();
        run.startedAt = '2026-03-10T06:00:00Z';
        run.finishedAt = '2026-03-10T12:00:00Z';
        run[field] = '2026-03-10T12:05:00.001Z';
        const problems = problemsOf([0], run);
        expect(problems.map(p => p.path)).toContain(`runs[0].${field}`);
        expect(
          problems.find(p => p.path === `runs[0].${field}`)!.message,
        ).toMatch(/in the future/);
      },
    );
  });

  describe('duplicates', () => {
    it('refuses a run id repeated for the same product, naming the first, which it keeps', () => {
      const twin = goodRun();
      twin.product = 'dataproduct:customer-identity-v2'; // same product, short ref
      const problems = problemsOf(
        [2],
        goodRun(),
        { ...goodRun(), runId: 'other' },
        twin,
      );
      expect(problems).toEqual([
        {
          index: 2,
          path: 'runs[2].runId',
          message:
            'runs[2].runId repeats runs[0].runId "airflow__identity_graph__2026-03-10T06:00" for dataproduct:default/customer-identity-v2: report each run once',
        },
      ]);
    });

    it('accepts one pipeline run id for two products', () => {
      const other = goodRun();
      other.product = 'dataproduct:default/customer-emails';
      const result = parseNativeRunBatch({ runs: [goodRun(), other] }, NOW);
      expect(result.runs.map(r => [r.index, r.run.product])).toEqual([
        [0, 'dataproduct:default/customer-identity-v2'],
        [1, 'dataproduct:default/customer-emails'],
      ]);
      expect(result.problems).toEqual([]);
    });
  });

  it('reports problems of every run, with their indexes', () => {
    const a = goodRun();
    delete a.runId;
    const b = goodRun();
    b.status = 'ok';
    b.rowCount = -3;
    expect(
      problemsOf([0, 2], a, goodRun(), b).map(p => [p.index, p.path]),
    ).toEqual([
      [0, 'runs[0].runId'],
      [2, 'runs[2].status'],
      [2, 'runs[2].rowCount'],
    ]);
  });

  // standards.md: a timestamp without a zone is UTC, read with a warning.
  describe('times without a zone', () => {
    it('reads them as UTC, with a warning naming index and path', () => {
      const run = goodRun();
      run.runId = 'dbt-run-2';
      run.finishedAt = '2026-03-10T06:41:00';
      run.watermark = '2026-03-10T05:30:00.250000';
      const result = parseNativeRunBatch({ runs: [goodRun(), run] }, NOW);
      expect(result.problems).toEqual([]);
      expect(result.runs[1]).toEqual({
        index: 1,
        run: expect.objectContaining({
          finishedAt: '2026-03-10T06:41:00.000Z',
          watermark: '2026-03-10T05:30:00.250Z',
        }),
      });
      expect(result.warnings).toEqual([
        {
          index: 1,
          path: 'runs[1].finishedAt',
          message: expect.stringMatching(
            /^runs\[1\]\.finishedAt has no time zone .*read as UTC/,
          ),
        },
        {
          index: 1,
          path: 'runs[1].watermark',
          message: expect.stringMatching(
            /^runs\[1\]\.watermark has no time zone/,
          ),
        },
      ]);
    });

    it('applies the clock-skew rule to them as UTC', () => {
      const run = goodRun();
      run.finishedAt = '2026-03-10T12:05:01'; // 5 min 1 s after NOW, in UTC
      const problems = problemsOf([0], run);
      expect(problems.map(p => p.path)).toEqual(['runs[0].finishedAt']);
      expect(problems[0].message).toMatch(/in the future/);
    });
  });
});
