/**
 * Property-based tests of the DataProduct validator (issue #15 item 8).
 * Generated cases in this file: 8,000 + 8,000 + 5,000 + 3,000 = 24,000.
 * Every property-test file states its own sum; docs/development.md
 * ("Property-based tests") gives the total per run.
 */
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { DATA_PRODUCT_CATEGORIES } from './constants';
import { validateDataProduct } from './validate';

const LIFECYCLE_STAGES = ['draft', 'active', 'deprecated', 'retired'] as const;
const CLASSIFICATIONS = ['public', 'internal', 'confidential', 'pii'] as const;
const KEYS = ['primary', 'foreign', 'none'] as const;

// Words YAML 1.1 and 1.2 read as something other than a string when
// unquoted: a round trip must keep them as names.
const YAML_LOOKALIKES = [
  'null',
  'Null',
  '~',
  'true',
  'no',
  'on',
  'yes',
  '1e3',
  '0x10',
  '0o17',
  '.inf',
  '-.nan',
  '2026-01-10',
  '12:30',
  '- item',
  '#comment',
  '&anchor',
  '*alias',
  '!tag',
  'key: value',
  '"quoted"',
  "'single'",
];

/** Text the schema accepts as a name: short, with a non-space character. */
const nameText = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9_]{0,30}$/),
  fc.constantFrom(...YAML_LOOKALIKES),
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
    .filter(s => /\S/.test(s)),
);

const duration = fc
  .tuple(fc.integer({ min: 1, max: 999 }), fc.constantFrom('s', 'm', 'h', 'd'))
  .map(([n, unit]) => `${n}${unit}`);

const calendarDate = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map(date => date.toISOString().slice(0, 10));

const semver = fc
  .tuple(fc.nat(99), fc.nat(99), fc.nat(99))
  .map(([major, minor, patch]) => `${major}.${minor}.${patch}`);

const schemaFields = fc
  .uniqueArray(nameText, { minLength: 0, maxLength: 8 })
  .chain(names =>
    fc.tuple(
      ...names.map(name =>
        fc.record(
          {
            name: fc.constant(name),
            type: fc.constantFrom('string', 'bigint', 'VARCHAR(36)', 'date'),
            description: nameText,
            key: fc.constantFrom(...KEYS),
            required: fc.boolean(),
            classification: fc.constantFrom(...CLASSIFICATIONS),
          },
          { requiredKeys: ['name', 'type'] },
        ),
      ),
    ),
  );

/** A DataProduct the spec calls valid, built field by field. */
const validProduct = fc
  .record({
    name: fc.stringMatching(/^[a-z][a-z0-9-]{0,40}[a-z0-9]$/),
    category: fc.constantFrom(...DATA_PRODUCT_CATEGORIES),
    stage: fc.constantFrom(...LIFECYCLE_STAGES),
    createdOn: fc.option(calendarDate, { nil: undefined }),
    version: fc.option(semver, { nil: undefined }),
    fields: schemaFields,
    p95: fc.option(duration, { nil: undefined }),
    p99: fc.option(duration, { nil: undefined }),
    channel: fc.option(nameText, { nil: undefined }),
    upstreams: fc.array(
      fc.stringMatching(/^dataproduct:[a-z]([a-z0-9-]{0,20}[a-z0-9])?$/),
      { maxLength: 3 },
    ),
    description: fc.option(nameText, { nil: undefined }),
  })
  .chain(parts =>
    fc
      .subarray(parts.fields.map(field => field.name))
      .map(keyFields => ({ ...parts, keyFields })),
  )
  .map(parts => {
    const contract: Record<string, unknown> = {
      schema: parts.fields,
      lineage: { upstreams: parts.upstreams },
    };
    const freshness: Record<string, string> = {};
    if (parts.p95) freshness.p95 = parts.p95;
    if (parts.p99) freshness.p99 = parts.p99;
    if (Object.keys(freshness).length > 0) contract.freshness = freshness;
    if (parts.channel) contract.escalation = { channel: parts.channel };
    if (parts.keyFields.length > 0) {
      contract.quality = { keyFields: parts.keyFields, maxNullRate: 0.01 };
    }
    const lifecycle: Record<string, string> = { stage: parts.stage };
    if (parts.createdOn) lifecycle.createdOn = parts.createdOn;
    const spec: Record<string, unknown> = {
      type: 'table',
      category: parts.category,
      owner: 'group:default/analytics',
      lifecycle,
      contract,
    };
    if (parts.version) spec.version = parts.version;
    const metadata: Record<string, unknown> = { name: parts.name };
    if (parts.description) metadata.description = parts.description;
    return {
      apiVersion: 'stockroom.io/v1alpha1',
      kind: 'DataProduct',
      metadata,
      spec,
    };
  });

/** Values an owner (or a broken generator) may write where anything goes. */
// Huge values are rarer: each costs milliseconds, and one in ten is plenty.
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  fc.constantFrom(
    null,
    '',
    ' ',
    '\u0000',
    'NaN',
    '-5m',
    '0m',
    '1.5.2',
    '2026-02-30',
    '\u202e\u0041',
    [],
    {},
    { __proto__: null },
    -1,
    Number.MAX_SAFE_INTEGER,
  ),
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  fc.constantFrom(
    'x'.repeat(20_000),
    Array.from({ length: 1_100 }, (_, i) => `t${i}`),
  ),
);

/** Paths of the valid product a hostile value may replace. */
const MUTABLE_PATHS: ReadonlyArray<readonly (string | number)[]> = [
  ['apiVersion'],
  ['kind'],
  ['metadata'],
  ['metadata', 'name'],
  ['metadata', 'description'],
  ['spec'],
  ['spec', 'type'],
  ['spec', 'category'],
  ['spec', 'owner'],
  ['spec', 'version'],
  ['spec', 'lifecycle'],
  ['spec', 'lifecycle', 'stage'],
  ['spec', 'lifecycle', 'createdOn'],
  ['spec', 'contract'],
  ['spec', 'contract', 'schema'],
  ['spec', 'contract', 'freshness'],
  ['spec', 'contract', 'freshness', 'p95'],
  ['spec', 'contract', 'lineage', 'upstreams'],
  ['spec', 'contract', 'escalation'],
  ['spec', 'contract', 'availability'],
  ['spec', 'cost'],
];

/**
 * Cross-field checks (kind/semantic.ts) report at the other field: key
 * fields name schema fields, lifecycle dates are ordered.
 */
const RELATED: Record<string, string[]> = {
  'spec.contract.schema': ['spec.contract.quality.keyFields'],
  'spec.lifecycle.createdOn': ['spec.lifecycle'],
};

/** `['spec', 'contract', 'schema', 0]` → `spec.contract.schema[0]`. */
const dotted = (path: readonly (string | number)[]) =>
  path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${part}`,
    )
    .join('');

function withValueAt(
  entity: any,
  path: readonly (string | number)[],
  value: unknown,
): any {
  const copy = structuredClone(entity);
  let parent = copy;
  for (const part of path.slice(0, -1)) {
    if (parent[part] === null || typeof parent[part] !== 'object') {
      parent[part] = {};
    }
    parent = parent[part];
  }
  parent[path[path.length - 1]] = value;
  return copy;
}

/**
 * The grammar of a field path, as `formatPath` writes it: an identifier
 * (`spec`), an index (`[0]`, when the entity itself is an array) or a
 * JSON-quoted key that is no identifier (`[""]`, `["a b"]`) first; then
 * `.identifier`, `[index]` or `["quoted"]` segments. Empty names the entity.
 */
const IDENTIFIER = String.raw`[A-Za-z_$][\w$-]*`;
const INDEX = String.raw`\[\d+\]`;
const QUOTED = String.raw`\["(?:[^"\\]|\\.)*"\]`;
const FIELD_PATH = new RegExp(
  `^(?:(?:${IDENTIFIER}|${INDEX}|${QUOTED})(?:\\.${IDENTIFIER}|${INDEX}|${QUOTED})*)?$`,
);

/** Every problem names a field: `''` for the entity itself, else a path into it. */
function expectEveryProblemNamesAField(
  problems: ReturnType<typeof validateDataProduct>,
) {
  for (const problem of problems) {
    expect(typeof problem.path).toBe('string');
    expect(problem.path).toMatch(FIELD_PATH);
    expect(problem.message.trim()).not.toBe('');
    expect(problem.hint.trim()).not.toBe('');
  }
}

describe('validateDataProduct, generated input', () => {
  it('never throws on any JSON value, and every problem names a field', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue({ maxDepth: 4 }),
          fc.record({
            apiVersion: fc.oneof(
              fc.constant('stockroom.io/v1alpha1'),
              hostileValue,
            ),
            kind: fc.oneof(fc.constant('DataProduct'), hostileValue),
            metadata: hostileValue,
            spec: hostileValue,
          }),
        ),
        entity => {
          const problems = validateDataProduct(entity);
          expectEveryProblemNamesAField(problems);
          // Not even an object: always a problem.
          const isObject = entity !== null && typeof entity === 'object';
          expect(isObject || problems.length > 0).toBe(true);
        },
      ),
      { numRuns: 8_000 },
    );
  });

  it('accepts every product built from valid parts', () => {
    fc.assert(
      fc.property(validProduct, product => {
        expect(validateDataProduct(product)).toEqual([]);
      }),
      { numRuns: 8_000 },
    );
  });

  it('names the replaced field, or a field around it, when a hostile value makes a valid product invalid', () => {
    fc.assert(
      fc.property(
        validProduct,
        fc.constantFrom(...MUTABLE_PATHS),
        hostileValue,
        (product, path, value) => {
          const problems = validateDataProduct(
            withValueAt(product, path, value),
          );
          expectEveryProblemNamesAField(problems);
          if (problems.length === 0) return;
          const changed = dotted(path);
          // The problem is at the field, inside it (a bad item), or at its
          // parent (an object missing a required field it was moved from).
          const near = (problemPath: string, field: string) =>
            problemPath === field ||
            problemPath.startsWith(`${field}.`) ||
            problemPath.startsWith(`${field}[`) ||
            field.startsWith(`${problemPath}.`);
          const fields = [changed, ...(RELATED[changed] ?? [])];
          const pointsAtChange = problems.some(problem =>
            fields.some(field => near(problem.path, field)),
          );
          expect(pointsAtChange).toBe(true);
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('keeps a valid product valid, and unchanged, through YAML stringify and parse', () => {
    fc.assert(
      fc.property(validProduct, product => {
        const again = parse(stringify(product));
        expect(again).toEqual(product);
        expect(validateDataProduct(again)).toEqual([]);
      }),
      { numRuns: 3_000 },
    );
  });
});
