import { toCatalogShape } from '../kind/catalogShape';
import type { DataProductEntityV1alpha1 } from '../kind/types';
import { DEFAULT_POLICY } from '../policy/defaults';
import { evaluateDataProduct } from '../policy/evaluateDataProduct';
import { exampleEntity } from './__testUtils__/load';
import { normalizeContract, withNormalizedContract } from './normalize';

const odcs = {
  apiVersion: 'v3.1.0',
  kind: 'DataContract',
  id: 'orders',
  version: '2.0.0',
  status: 'deprecated',
  schema: [
    {
      name: 'orders',
      properties: [
        {
          name: 'order_id',
          logicalType: 'string',
          primaryKey: true,
          description: 'From ODCS.',
        },
        { name: 'status', logicalType: 'string', description: 'Order status.' },
      ],
    },
  ],
  servers: [
    {
      server: 'pg',
      type: 'postgres',
      host: 'db',
      port: 5432,
      database: 'shop',
      schema: 'public',
    },
  ],
  slaProperties: [
    { property: 'latency', value: 4, unit: 'h' },
    { property: 'latencyP95', value: 2, unit: 'h' },
    { property: 'frequency', value: 1, unit: 'd' },
    { property: 'endOfSupport', value: '2027-06-30' },
  ],
  support: [
    { channel: '#orders', scope: 'interactive' },
    {
      channel: 'orders-oncall',
      tool: 'ticket',
      url: 'https://pd.example/orders',
    },
  ],
  price: { priceAmount: 300, priceCurrency: 'EUR', priceUnit: 'month' },
};

function entity(
  spec: object,
  contract: object = {},
): DataProductEntityV1alpha1 {
  return {
    apiVersion: 'stockroom.io/v1alpha1',
    kind: 'DataProduct',
    metadata: { name: 'orders' },
    spec: {
      type: 'table',
      category: 'shared-mart',
      owner: 'group:commerce',
      lifecycle: { stage: 'active', createdOn: '2026-01-05' },
      contract: { odcs, ...contract },
      ...spec,
    },
  } as DataProductEntityV1alpha1;
}

describe('normalizeContract', () => {
  it('maps the ODCS document when nothing is explicit', () => {
    const { contract, findings } = normalizeContract(
      entity({ lifecycle: { createdOn: '2026-01-05' } }),
    );
    expect(findings).toEqual([]);
    expect(contract).toEqual({
      schema: [
        {
          name: 'order_id',
          type: 'string',
          key: 'primary',
          description: 'From ODCS.',
        },
        { name: 'status', type: 'string', description: 'Order status.' },
      ],
      freshness: { p95: '2h', p99: '4h', tier: 'daily' },
      accessPatterns: [
        { type: 'batch', location: 'postgres://db:5432/shop.public' },
      ],
      lineage: { upstreams: [] },
      quality: { keyFields: ['order_id'] },
      escalation: { channel: '#orders', onCall: 'https://pd.example/orders' },
      version: '2.0.0',
      stage: 'deprecated',
      sunsetOn: '2027-06-30',
      cost: { monthly: 300, currency: 'EUR' },
    });
  });

  it('lets explicit fields win field by field', () => {
    const { contract } = normalizeContract(
      entity(
        { version: '2.1.0', cost: { fundedBy: 'group:finance' } },
        {
          freshness: { p95: '30m' },
          escalation: { onCall: 'pagerduty:orders' },
          schema: [
            { name: 'status', type: 'string', description: 'Explicit wins.' },
            {
              name: 'placed_at',
              type: 'timestamp',
              description: 'Only explicit.',
            },
          ],
          accessPatterns: [{ type: 'api', api: 'api:orders' }],
          quality: { maxNullRate: 0.01 },
          lineage: { upstreams: ['resource:orders-db'] },
        },
      ),
    );
    expect(contract.freshness).toEqual({
      p95: '30m',
      p99: '4h',
      tier: 'daily',
    });
    expect(contract.escalation).toEqual({
      channel: '#orders',
      onCall: 'pagerduty:orders',
    });
    expect(contract.schema).toEqual([
      {
        name: 'order_id',
        type: 'string',
        key: 'primary',
        description: 'From ODCS.',
      },
      { name: 'status', type: 'string', description: 'Explicit wins.' },
      { name: 'placed_at', type: 'timestamp', description: 'Only explicit.' },
    ]);
    expect(contract.accessPatterns).toEqual([
      { type: 'api', api: 'api:orders' },
    ]);
    expect(contract.quality).toEqual({
      keyFields: ['order_id'],
      maxNullRate: 0.01,
    });
    expect(contract.lineage).toEqual({ upstreams: ['resource:orders-db'] });
    expect(contract.version).toBe('2.1.0');
    expect(contract.stage).toBe('active');
    expect(contract.sunsetOn).toBe('2027-06-30');
    expect(contract.cost).toEqual({
      monthly: 300,
      currency: 'EUR',
      fundedBy: 'group:finance',
    });
  });

  it('gives a contract without ODCS in canonical form, defaults left out', () => {
    const { contract, findings } = normalizeContract(
      entity(
        { version: '1.0.0' },
        {
          odcs: undefined,
          schema: [
            { name: 'id', type: 'string', required: false, key: 'none' },
          ],
          quality: { keyFields: [] },
          escalation: {},
        },
      ),
    );
    expect(findings).toEqual([]);
    expect(contract).toEqual({
      schema: [{ name: 'id', type: 'string' }],
      accessPatterns: [],
      lineage: { upstreams: [] },
      version: '1.0.0',
      stage: 'active',
    });
  });

  it('passes on what the mapping could not use', () => {
    const { findings } = normalizeContract(
      entity({}, { odcs: { ...odcs, kind: 'Contract' } }),
    );
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'schema',
        severity: 'error',
        path: 'spec.contract.odcs.kind',
      }),
    ]);
  });

  it('reads the catalog shape too', () => {
    const { contract } = normalizeContract(
      toCatalogShape(entity({})) as DataProductEntityV1alpha1,
    );
    expect(contract.stage).toBe('active');
  });
});

describe('withNormalizedContract', () => {
  it('replaces the ODCS document with the contract it maps to and fills what the entity leaves out', () => {
    const original = entity(
      {},
      { lineage: { upstreams: ['resource:orders-db'] } },
    );
    const before = JSON.stringify(original);
    const normalized = withNormalizedContract(original);
    expect(JSON.stringify(original)).toBe(before);
    expect(normalized.spec.contract?.odcs).toBeUndefined();
    expect(normalized.spec.contract?.freshness).toEqual({
      p95: '2h',
      p99: '4h',
      tier: 'daily',
    });
    expect(normalized.spec.contract?.lineage).toEqual({
      upstreams: ['resource:orders-db'],
    });
    expect(normalized.spec.version).toBe('2.0.0');
    expect(normalized.spec.lifecycle).toEqual({
      stage: 'active', // explicit
      createdOn: '2026-01-05',
      sunsetOn: '2027-06-30', // from endOfSupport
    });
    expect(normalized.spec.cost).toEqual({ monthly: 300, currency: 'EUR' });
    expect(normalized.metadata).toBe(original.metadata);
  });

  it('returns the catalog shape when given it', () => {
    const normalized = withNormalizedContract(
      toCatalogShape(entity({})) as DataProductEntityV1alpha1,
    ) as any;
    expect(normalized.spec.lifecycle).toBe('active');
    expect(normalized.spec.lifecycleDetails).toEqual({
      createdOn: '2026-01-05',
      sunsetOn: '2027-06-30',
    });
  });

  it('lets the rules judge the ODCS-authored example on its mapped contract', () => {
    const support = exampleEntity('support-interactions.yaml');
    const now = new Date('2026-11-25T12:00:00Z');
    const rules = (e: DataProductEntityV1alpha1) =>
      evaluateDataProduct(e, DEFAULT_POLICY, now).findings.map(f => f.ruleId);

    expect(rules(support)).toEqual(
      expect.arrayContaining(['sla-percentiles', 'escalation-path']),
    );
    const judged = withNormalizedContract(support);
    expect(rules(judged)).toEqual(['quarterly-review']);
    expect(normalizeContract(support).findings).toEqual([]);
    expect(evaluateDataProduct(judged, DEFAULT_POLICY, now).state).toBe(
      'active',
    );
  });
});

describe('a document far off the schema', () => {
  it.each([
    ['nothing', undefined],
    ['no spec', { metadata: { name: 'x' } }],
    [
      'a spec of the wrong types',
      { spec: { contract: 'x', lifecycle: 3, cost: [] } },
    ],
    [
      'contract parts of the wrong types',
      {
        metadata: {},
        spec: {
          lifecycle: {},
          contract: {
            schema: [null, 5, { type: 'string' }],
            freshness: 'fast',
            accessPatterns: [null],
            quality: [],
            odcs: {
              apiVersion: 'v3.1.0',
              kind: 'DataContract',
              schema: [{ properties: [{}] }],
            },
          },
        },
      },
    ],
  ])('normalizes %s without throwing', (_, value) => {
    expect(() => normalizeContract(value as any)).not.toThrow();
    expect(normalizeContract(value as any).contract.lineage).toEqual({
      upstreams: [],
    });
  });
});
