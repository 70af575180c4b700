import { judgeDataProduct } from '../judge';
import { DEFAULT_POLICY } from '../policy';
import { jsonBytesOver } from './documentLimits';
import { validateDataProduct } from './validate';

// Limits written by hand from docs/dataproduct-yaml.md ("Limits").
const TEN_MB = 10 * 1024 * 1024;

function product(change: (entity: any) => void = () => {}) {
  const entity: any = {
    apiVersion: 'stockroom.io/v1alpha1',
    kind: 'DataProduct',
    metadata: { name: 'orders' },
    spec: {
      type: 'table',
      category: 'shared-mart',
      owner: 'group:commerce',
      lifecycle: { stage: 'active', createdOn: '2026-01-10' },
      contract: { schema: [{ name: 'order_id', type: 'string' }] },
    },
  };
  change(entity);
  return entity;
}

/** ODCS properties nested `levels` deep, built without recursion. */
function nestedOdcs(levels: number) {
  let property: any = { name: 'leaf', logicalType: 'string' };
  for (let i = 1; i < levels; i++) {
    property = { name: 'f', logicalType: 'object', properties: [property] };
  }
  return {
    apiVersion: 'v3.0.0',
    kind: 'DataContract',
    id: 'orders',
    version: '1.0.0',
    status: 'active',
    schema: [{ name: 'orders', properties: [property] }],
  };
}

const paths = (problems: Array<{ path: string }>) => problems.map(p => p.path);

describe('DataProduct size limits', () => {
  it('accepts a product within every limit', () => {
    expect(validateDataProduct(product())).toEqual([]);
  });

  it('refuses a 10 MB description, naming the field and the limit, and the entity size', () => {
    const problems = validateDataProduct(
      product(e => {
        e.metadata.description = 'x'.repeat(TEN_MB);
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          path: 'metadata.description',
          message:
            'metadata.description is 10,485,760 characters long, over the limit of 10,000',
          hint: expect.stringContaining('at most 10,000 characters'),
        },
        expect.objectContaining({
          path: '',
          message: expect.stringContaining('larger than the limit of 256 KiB'),
        }),
      ]),
    );
  });

  it('refuses a field name past 1,000 characters and a schema past 10,000 fields', () => {
    const problems = validateDataProduct(
      product(e => {
        e.spec.contract.schema = Array.from({ length: 10_001 }, (_, i) => ({
          name: `c${i}`,
          type: 'int',
        }));
        e.spec.contract.schema[0].name = 'n'.repeat(1_001);
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'spec.contract.schema',
          message:
            'spec.contract.schema has 10,001 items, over the limit of 10,000',
        }),
        expect.objectContaining({
          path: 'spec.contract.schema[0].name',
          message:
            'spec.contract.schema[0].name is 1,001 characters long, over the limit of 1,000',
        }),
      ]),
    );
  });

  it('counts a length in characters, not UTF-16 units: 1,000 emoji make a name, 1,001 do not', () => {
    const named = (name: string) =>
      product(e => {
        e.spec.contract.schema[0].name = name;
      });
    // each emoji is two UTF-16 units: 2,000 units, 1,000 characters
    expect(validateDataProduct(named('😀'.repeat(1_000)))).toEqual([]);
    expect(paths(validateDataProduct(named('😀'.repeat(1_001))))).toEqual([
      'spec.contract.schema[0].name',
    ]);
  });

  it('refuses an entity over 256 KiB made of texts each within its limit', () => {
    const problems = validateDataProduct(
      product(e => {
        e.spec.contract.schema = Array.from({ length: 300 }, (_, i) => ({
          name: `c${i}`,
          type: 'string',
          description: 'd'.repeat(1_000),
        }));
      }),
    );
    expect(problems).toEqual([
      {
        path: '',
        message:
          'the entity is larger than the limit of 256 KiB (262,144 bytes as JSON)',
        hint: expect.stringContaining('shorten the longest texts'),
      },
    ]);
  });

  it('refuses an ODCS contract nested 20,000 levels deep with one finding naming where, without overflowing', () => {
    const judge = () =>
      judgeDataProduct(
        product(e => {
          e.spec.contract = { odcs: nestedOdcs(20_000) };
        }),
        DEFAULT_POLICY,
        new Date('2026-03-01T00:00:00Z'),
      );
    expect(judge).not.toThrow();
    const { blocking, state } = judge();
    expect(state).toBeNull();
    const deep = blocking.find(f => f.message.includes('nested more than'));
    expect(deep).toMatchObject({
      ruleId: 'schema',
      severity: 'error',
      message: expect.stringContaining('is nested more than 100 levels deep'),
    });
    // the 101st level: entity, spec, contract, odcs, schema, [0], then
    // properties lists and property objects in turn
    expect(deep!.path).toMatch(
      /^spec\.contract\.odcs\.schema\[0\]\.properties\[0\](\.properties\[0\])+/,
    );
    expect(paths(blocking)).toContain('');
  });

  it('maps an ODCS contract nested 32 levels and refuses 33 levels, naming the list and the limit', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    const ok = judgeDataProduct(
      product(e => {
        e.spec.contract = { odcs: nestedOdcs(32) };
      }),
      DEFAULT_POLICY,
      now,
    );
    expect(ok.findings.filter(f => f.message.includes('levels deep'))).toEqual(
      [],
    );
    const tooDeep = judgeDataProduct(
      product(e => {
        e.spec.contract = { odcs: nestedOdcs(33) };
      }),
      DEFAULT_POLICY,
      now,
    );
    const finding = tooDeep.blocking.find(f =>
      f.message.includes('levels deep'),
    );
    expect(finding).toBeDefined();
    expect(finding!.message).toContain(
      'is nested more than 32 levels deep, the limit of a schema',
    );
    // the properties list of the 32nd level property
    expect(finding!.path).toBe(
      `spec.contract.odcs.schema[0].properties[0]${'.properties[0]'.repeat(
        31,
      )}.properties`,
    );
  });
});

describe('jsonBytesOver', () => {
  // Sizes counted by hand: quotes, escapes and UTF-8 bytes.
  it.each<[string, unknown, number]>([
    ['plain ASCII', 'abc', 5],
    ['a quote and a backslash, escaped', 'a"b\\c', 9],
    ['a newline, escaped in two', 'a\nb', 6],
    ['a control character, escaped in six', '\u0001', 8],
    ['é, two bytes', 'é', 4],
    ['€, three bytes', '€', 5],
    ['an emoji (a surrogate pair), four bytes', '😀', 6],
    ['a lone surrogate, escaped in six', '\ud800', 8],
    ['an object, undefined left out', { a: 'x', b: undefined, c: 1 }, 15],
    ['a list', ['x', 1, null], 12],
  ])('counts %s', (_, value, bytes) => {
    expect(jsonBytesOver(value, bytes)).toBe(false);
    expect(jsonBytesOver(value, bytes - 1)).toBe(true);
  });
});
