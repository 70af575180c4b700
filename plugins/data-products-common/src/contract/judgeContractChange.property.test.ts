/**
 * Property-based tests of the contract diff (issue #15 item 8):
 * `judgeContractChange`, likely renames included.
 * Generated cases in this file: 6,000 + 6,000 + 6,000 + 6,000 + 4,000 +
 * 4,000 = 32,000. docs/development.md ("Property-based tests") gives the
 * total per run.
 */
import fc from 'fast-check';
import { DATA_PRODUCT_CATEGORIES } from '../kind/constants';
import type { SchemaField } from '../kind/types';
import { DEFAULT_POLICY } from '../policy';
import { prepareDataProduct } from '../judge/prepareDataProduct';
import { judgeContractChange } from './judgeContractChange';
import type { NormalizedContract } from './types';

/** Known categories, one the policy does not know, and a wrong type. */
const category = fc.constantFrom<unknown>(
  ...DATA_PRODUCT_CATEGORIES,
  'no-such-category',
  42,
);

const judge = (
  before: NormalizedContract,
  after: NormalizedContract,
  of: unknown = 'shared-mart',
) =>
  judgeContractChange(before, after, { category: of, policy: DEFAULT_POLICY });

/** Field names: plain, unicode, YAML-looking, near-duplicates, long. */
const fieldName = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_]{0,24}$/) },
  {
    weight: 3,
    arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 }),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'id',
      'ID',
      'Id',
      'null',
      '__proto__',
      'constructor',
      ' ',
    ),
  },
  // Rare: an edit distance between two of these costs a lot.
  { weight: 1, arbitrary: fc.string({ minLength: 100, maxLength: 200 }) },
);

// `VARCHAR(36)` and `varchar( 36 )` are one type to the diff.
const fieldType = fc.constantFrom(
  'string',
  'STRING',
  'bigint',
  'VARCHAR(36)',
  'varchar( 36 )',
  'decimal(18,2)',
  'timestamp',
  '',
);

const description = fc.option(
  fc.oneof(
    fc.constantFrom('Stable id.', 'Stable id. ', '', 'same words'),
    fc.string({ maxLength: 60 }),
  ),
  { nil: undefined },
);

const field = (name: string): fc.Arbitrary<SchemaField> =>
  fc.record(
    {
      name: fc.constant(name),
      type: fieldType,
      description,
      key: fc.constantFrom('primary', 'foreign', 'none'),
      required: fc.boolean(),
      classification: fc.constantFrom(
        'public',
        'internal',
        'confidential',
        'pii',
      ),
    },
    { requiredKeys: ['name', 'type'] },
  ) as fc.Arbitrary<SchemaField>;

/** A schema as the validator lets through: field names unique. */
const schema = fc
  .uniqueArray(fieldName, { maxLength: 12 })
  .chain(names => fc.tuple(...names.map(field)));

// Valid durations, and text that is not one (compared as unchanged).
const duration = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 1, max: 5_000 }),
      fc.constantFrom('s', 'm', 'h', 'd'),
    )
    .map(([n, unit]) => `${n}${unit}`),
  fc.constantFrom('0m', '-5m', 'NaN', '', '1.5.5h', '∞'),
);

const accessPattern = fc.record(
  {
    type: fc.constantFrom('batch', 'streaming', 'api'),
    location: fc.string({ maxLength: 30 }),
    api: fc.string({ maxLength: 30 }),
    format: fc.constantFrom('table', 'avro', 'parquet'),
  },
  { requiredKeys: ['type'] },
);

const version = fc.option(
  fc.oneof(
    fc
      .tuple(fc.nat(20), fc.nat(20), fc.nat(20))
      .map(([a, b, c]) => `${a}.${b}.${c}`),
    fc.constantFrom('not-semver', ''),
  ),
  { nil: undefined },
);

const contract: fc.Arbitrary<NormalizedContract> = fc.record(
  {
    schema,
    freshness: fc.record(
      { p95: duration, p99: duration, tier: fc.constant('daily') },
      { requiredKeys: [] },
    ),
    accessPatterns: fc.array(accessPattern, { maxLength: 4 }),
    lineage: fc.record({
      upstreams: fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
    }),
    version,
  },
  { requiredKeys: ['schema', 'accessPatterns', 'lineage'] },
) as fc.Arbitrary<NormalizedContract>;

const withSchema = (
  base: NormalizedContract,
  fields: SchemaField[],
): NormalizedContract => ({ ...base, schema: fields });

/** Whatever a broken or hand-edited file may hold where the contract goes. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    null,
    [],
    {},
    [null],
    [{ name: 3 }],
    [{ type: {} }],
    // YAML writes these; String() throws on them.
    { toString: 0 },
    [{ name: { toString: 0 }, type: { valueOf: 1, toString: 1 } }],
    Object.create(null),
  ),
  fc.array(
    fc.record(
      {
        name: fc.oneof(fieldName, fc.jsonValue({ maxDepth: 1 })),
        type: fc.oneof(fieldType, fc.jsonValue({ maxDepth: 1 })),
        required: fc.jsonValue({ maxDepth: 1 }),
        key: fc.jsonValue({ maxDepth: 1 }),
      },
      { requiredKeys: [] },
    ),
    { maxLength: 6 },
  ),
);

/** An entity whose contract parts are hostile values, as `stockroom diff` may read one. */
const hostileEntity = fc
  .record(
    {
      version: fc.oneof(version, fc.jsonValue({ maxDepth: 1 })),
      schema: hostileValue,
      freshness: fc.oneof(
        hostileValue,
        fc.record({ p95: duration, p99: hostileValue }),
      ),
      accessPatterns: hostileValue,
      lineage: hostileValue,
      odcs: fc.oneof(
        hostileValue,
        fc.record({
          apiVersion: fc.constant('v3.0.2'),
          kind: fc.constant('DataContract'),
          schema: fc.oneof(
            hostileValue,
            fc.array(fc.record({ name: fieldName, properties: hostileValue }), {
              maxLength: 3,
            }),
          ),
        }),
      ),
    },
    { requiredKeys: [] },
  )
  .map(({ version: v, ...parts }) => ({
    apiVersion: 'stockroom.io/v1alpha1',
    kind: 'DataProduct',
    metadata: { name: 'hostile' },
    spec: { category: 'shared-mart', version: v, contract: parts },
  }));

describe('judgeContractChange, what the properties found', () => {
  // `stockroom diff` reads files before lint; these were a TypeError and
  // breaking changes reported between a file and itself.
  const asField = (value: object) => value as SchemaField;
  const of = (fields: SchemaField[]) =>
    ({
      schema: fields,
      accessPatterns: [],
      lineage: { upstreams: [] },
    } as NormalizedContract);

  it('reads a field name that is not text without throwing', () => {
    const before = of([asField({ name: 3, type: 'string' })]);
    const after = of([asField({ type: 'string' })]);
    expect(judge(before, after).changes.map(c => c.change)).toEqual([
      'field-removed',
      'field-added',
    ]);
  });

  it('reads values String() throws on', () => {
    const odd = { toString: 0 } as unknown as string;
    const before = {
      ...of([asField({ name: odd, type: odd })]),
      accessPatterns: [{ type: odd, location: odd }],
      freshness: { p95: odd },
    } as unknown as NormalizedContract;
    expect(judge(before, of([])).changes.map(c => c.message)).toEqual([
      'field [object Object] removed (was [object Object])',
      'freshness p95 removed: [object Object] → (none)',
      '[object Object] access pattern [object Object] removed',
    ]);
  });

  it('finds nothing between a file with a duplicated field, or a key written as a list, and itself', () => {
    const x = of([
      asField({ name: 'id', type: 'string' }),
      asField({ name: 'id', type: 'bigint', key: ['primary'] }),
    ]);
    expect(judge(x, structuredClone(x)).changes).toEqual([]);
  });
});

describe('judgeContractChange, generated contracts', () => {
  it('finds nothing between a contract and itself (or its copy), in any category', () => {
    fc.assert(
      fc.property(contract, category, (x, of) => {
        for (const after of [x, structuredClone(x)]) {
          const judgement = judge(x, after, of);
          expect(judgement.changes).toEqual([]);
          expect(judgement.verdict).toBe('ok');
          expect(judgement.blocks).toBe(false);
        }
      }),
      { numRuns: 6_000 },
    );
  });

  it('reports every removed field as breaking, naming it at its old place', () => {
    fc.assert(
      fc.property(
        contract.filter(x => x.schema.length > 0),
        fc.nat(),
        category,
        (before, pick, of) => {
          const index = pick % before.schema.length;
          const removed = before.schema[index];
          const after = withSchema(
            before,
            before.schema.filter((_, i) => i !== index),
          );
          const { changes, verdict } = judge(before, after, of);
          expect(changes).toContainEqual(
            expect.objectContaining({
              kind: 'breaking',
              change: 'field-removed',
              path: `spec.contract.schema[${index}]`,
            }),
          );
          expect(changes.every(c => c.kind === 'breaking')).toBe(true);
          // The version did not change: no major bump, for a known category.
          const known =
            typeof of === 'string' && of in DEFAULT_POLICY.categories;
          expect(known && verdict === 'ok').toBe(false);
          expect(
            changes.find(c => c.change === 'field-removed')!.message,
          ).toContain(removed.name);
        },
      ),
      { numRuns: 6_000 },
    );
  });

  it('never calls adding an optional field breaking, wherever it is inserted', () => {
    fc.assert(
      fc.property(
        contract,
        fieldName,
        field('placeholder'),
        fc.nat(),
        category,
        (before, name, added, at, of) => {
          fc.pre(!before.schema.some(f => f.name === name));
          const optional: SchemaField = { ...added, name, required: false };
          const fields = [...before.schema];
          fields.splice(at % (fields.length + 1), 0, optional);
          const judgement = judge(before, withSchema(before, fields), of);
          expect(judgement.changes).toEqual([
            expect.objectContaining({
              kind: 'non-breaking',
              change: 'field-added',
            }),
          ]);
          expect(judgement.verdict).toBe('ok');
          expect(judgement.blocks).toBe(false);
        },
      ),
      { numRuns: 6_000 },
    );
  });

  it('finds nothing in a reorder, and gives the same verdict and removals whatever the order', () => {
    fc.assert(
      fc.property(contract, contract, fc.nat(), (before, after, seed) => {
        expect(
          judge(before, withSchema(before, shuffle(before.schema, seed)))
            .changes,
        ).toEqual([]);
        // Which added field a removed one pairs with as a likely rename may
        // follow the positions (the spec's last tie-break); that each
        // removed field is reported, and the verdict, may not.
        const inOrder = judge(before, after);
        const shuffled = judge(
          before,
          withSchema(after, shuffle(after.schema, seed)),
        );
        expect(shuffled.verdict).toBe(inOrder.verdict);
        const afterNames = new Set(after.schema.map(f => f.name));
        for (const gone of before.schema.filter(f => !afterNames.has(f.name))) {
          expect(
            shuffled.changes.some(
              c =>
                c.kind === 'breaking' &&
                (c.change === 'field-removed' ||
                  c.change === 'field-renamed') &&
                c.message.startsWith(`field ${gone.name} `),
            ),
          ).toBe(true);
        }
      }),
      { numRuns: 6_000 },
    );
  });

  it('never throws on hostile entities, read as `stockroom diff` reads them', () => {
    fc.assert(
      fc.property(hostileEntity, hostileEntity, category, (a, b, of) => {
        const before = prepareDataProduct(a as any).contract;
        const after = prepareDataProduct(b as any).contract;
        const judgement = judge(before, after, of);
        for (const c of judgement.changes) {
          expect(c.path).toMatch(/^spec\.contract\./);
          expect(c.message).not.toBe('');
        }
      }),
      { numRuns: 4_000 },
    );
  });

  it('finds nothing between a hostile entity and itself, once prepared', () => {
    fc.assert(
      fc.property(hostileEntity, category, (a, of) => {
        const x = prepareDataProduct(a as any).contract;
        const again = prepareDataProduct(structuredClone(a) as any).contract;
        expect(judge(x, again, of).changes).toEqual([]);
      }),
      { numRuns: 4_000 },
    );
  });
});

/** A deterministic permutation (Fisher–Yates driven by `seed`). */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
