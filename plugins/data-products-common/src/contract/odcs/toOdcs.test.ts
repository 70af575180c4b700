import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import type { DataProductEntityV1alpha1 } from '../../kind/types';
import {
  exampleEntities,
  exampleEntity,
  odcsFixture,
} from '../__testUtils__/load';
import { odcsSchemaSubset } from '../__fixtures__/odcsSchemaSubset';
import { normalizeContract } from '../normalize';
import { contractFromOdcs } from './fromOdcs';
import { contractToOdcs } from './toOdcs';

const ajv = new Ajv2019({ allErrors: true, strict: false });
addFormats(ajv);
const validOdcs = ajv.compile(odcsSchemaSubset);

/** The entity with its contract, version, stage, sunset and cost given by an ODCS document alone. */
function authoredIn(
  entity: DataProductEntityV1alpha1,
  odcs: object,
): DataProductEntityV1alpha1 {
  const { version: _version, cost: _cost, ...spec } = entity.spec;
  const {
    stage: _stage,
    sunsetOn: _sunset,
    ...lifecycle
  } = entity.spec.lifecycle;
  return {
    ...entity,
    spec: {
      ...spec,
      lifecycle: lifecycle as any,
      contract: { odcs: odcs as any },
    },
  };
}

function product(
  contract: object,
  spec: object = {},
): DataProductEntityV1alpha1 {
  return {
    apiVersion: 'stockroom.io/v1alpha1',
    kind: 'DataProduct',
    metadata: { name: 'orders' },
    spec: {
      type: 'table',
      category: 'shared-mart',
      owner: 'group:commerce',
      lifecycle: { stage: 'active' },
      contract,
      ...spec,
    },
  } as DataProductEntityV1alpha1;
}

describe('contractToOdcs', () => {
  it('is checked against a schema that rejects what ODCS rejects', () => {
    const doc = contractToOdcs(exampleEntity('orders-core.yaml')) as any;
    expect(validOdcs(doc)).toBe(true);
    expect(validOdcs({ ...doc, owner: 'x' })).toBe(false);
    expect(
      validOdcs({
        ...doc,
        servers: [
          {
            server: 'p',
            type: 'postgres',
            host: 'h',
            database: 'd',
            schema: 's',
          },
        ],
      }),
    ).toBe(false);
    expect(
      validOdcs({
        ...doc,
        servers: [
          {
            server: 's',
            type: 'snowflake',
            account: 'a',
            database: 'd',
            schema: 's',
            format: 'table',
          },
        ],
      }),
    ).toBe(false);
    const rule = { metric: 'nullValues', mustBeLessThan: 1, mustBe: 0 };
    expect(
      validOdcs({ ...doc, schema: [{ name: 't', quality: [rule] }] }),
    ).toBe(false);
    expect(
      validOdcs({
        ...doc,
        schema: [
          { name: 't', properties: [{ name: 'a', logicalType: 'varchar' }] },
        ],
      }),
    ).toBe(false);
  });

  it('exports a core entity as an ODCS v3.1.0 document', () => {
    const doc = contractToOdcs(
      exampleEntity('customer-identity-v2.yaml'),
    ) as any;
    expect(doc).toMatchObject({
      apiVersion: 'v3.1.0',
      kind: 'DataContract',
      id: 'customer-identity-v2',
      name: 'customer-identity-v2',
      version: '2.1.0',
      status: 'active',
      domain: 'customer',
      description: { purpose: expect.stringContaining('stable customer_id') },
      team: { name: 'identity-platform' },
      price: { priceAmount: 4200, priceCurrency: 'USD', priceUnit: 'month' },
      contractCreatedTs: '2026-01-10T00:00:00Z',
    });
    expect(doc.schema).toHaveLength(1);
    expect(doc.schema[0].name).toBe('customer-identity-v2');
    expect(doc.schema[0].properties[0]).toEqual({
      name: 'customer_id',
      logicalType: 'string',
      description:
        'Stable id, never reused. Join key for every customer table.',
      primaryKey: true,
      required: true,
      classification: 'internal',
      criticalDataElement: true,
      quality: [
        {
          type: 'library',
          metric: 'nullValues',
          unit: 'percent',
          mustBeLessOrEqualTo: 0.1,
          dimension: 'completeness',
        },
        {
          type: 'library',
          metric: 'duplicateValues',
          unit: 'percent',
          mustBeLessOrEqualTo: 0,
          dimension: 'uniqueness',
        },
      ],
    });
    expect(doc.schema[0].properties[1]).toMatchObject({
      name: 'email_sha256',
      classification: 'confidential',
      tags: ['pii'],
    });
    expect(doc.schema[0].properties[3]).toMatchObject({
      name: 'identity_sources',
      logicalType: 'array',
      physicalType: 'array<string>',
    });
    expect(doc.slaProperties).toEqual([
      { property: 'latency', value: 60, unit: 'm' },
      { property: 'latencyP95', value: 30, unit: 'm' },
      { property: 'frequency', value: 1, unit: 'h' },
      { property: 'availability', value: 99.5, unit: 'percent' },
    ]);
    expect(doc.support).toEqual([
      { channel: '#identity-oncall', scope: 'interactive' },
      {
        channel: 'pagerduty:identity-primary',
        tool: 'ticket',
        scope: 'issues',
        url: 'pagerduty:identity-primary',
      },
    ]);
    expect(doc.servers[0]).toMatchObject({
      server: 'snowflake',
      type: 'snowflake',
      account: 'acme',
      database: 'ANALYTICS',
      schema: 'IDENTITY',
    });
    expect(doc.servers[1]).toMatchObject({ type: 'api' });
  });

  it('exports sunsetOn as endOfSupport and a product without a version as 0.0.0, marked', () => {
    const deprecated = contractToOdcs(
      exampleEntity('customer-identity-v1.yaml'),
    ) as any;
    expect(deprecated.status).toBe('deprecated');
    expect(deprecated.slaProperties).toContainEqual({
      property: 'endOfSupport',
      value: '2027-01-31',
    });
    const view = contractToOdcs(
      exampleEntity('campaign-spend-q1-adhoc.yaml'),
    ) as any;
    expect(view.version).toBe('0.0.0');
    expect(contractFromOdcs(view).contract.version).toBeUndefined();
  });

  it('carries priced freshness options in a custom property, next to the funder, and imports them back', () => {
    const cost = {
      monthly: 4200,
      currency: 'USD',
      fundedBy: 'group:data-platform',
      options: [
        { tier: 'streaming', p95: '1m', monthly: 11000 },
        { tier: 'daily', p95: '1d', monthly: 900 },
      ],
    };
    const entity = product(
      { schema: [{ name: 'id', type: 'string' }] },
      { version: '1.0.0', cost },
    );
    const doc = contractToOdcs(entity) as any;
    // ODCS price holds today's monthly amount only
    expect(doc.price).toEqual({
      priceAmount: 4200,
      priceCurrency: 'USD',
      priceUnit: 'month',
    });
    expect(doc.customProperties).toEqual([
      { property: 'stockroomCostFundedBy', value: 'group:data-platform' },
      {
        property: 'stockroomCostOptions',
        value: [
          { tier: 'streaming', p95: '1m', monthly: 11000 },
          { tier: 'daily', p95: '1d', monthly: 900 },
        ],
      },
    ]);
    validOdcs(doc);
    expect(validOdcs.errors ?? []).toEqual([]);
    expect(contractFromOdcs(doc)).toEqual({
      contract: expect.objectContaining({ cost }),
      findings: [],
    });
    expect(normalizeContract(authoredIn(entity, doc)).contract.cost).toEqual(
      cost,
    );
  });

  it('writes no cost options property for a contract without options', () => {
    const doc = contractToOdcs(
      product(
        { schema: [{ name: 'id', type: 'string' }] },
        { version: '1.0.0', cost: { monthly: 300, currency: 'EUR' } },
      ),
    ) as any;
    expect(doc.customProperties).toBeUndefined();
  });

  it('nests dotted fields under their object parent, and keeps them flat when nesting would reorder them', () => {
    const nested = contractToOdcs(
      product({
        schema: [
          {
            name: 'address',
            type: 'struct<city:string>',
            description: 'Where.',
          },
          { name: 'address.city', type: 'string' },
          { name: 'id', type: 'string' },
        ],
      }),
    ) as any;
    expect(nested.schema[0].properties).toEqual([
      {
        name: 'address',
        logicalType: 'object',
        physicalType: 'struct<city:string>',
        description: 'Where.',
        properties: [{ name: 'city', logicalType: 'string' }],
        customProperties: [
          { property: 'stockroomType', value: 'struct<city:string>' },
        ],
      },
      { name: 'id', logicalType: 'string' },
    ]);
    const reordered = contractToOdcs(
      product({
        schema: [
          { name: 'address', type: 'object' },
          { name: 'id', type: 'string' },
          { name: 'address.city', type: 'string' },
        ],
      }),
    ) as any;
    expect(reordered.schema[0].properties.map((p: any) => p.name)).toEqual([
      'address',
      'id',
      'address.city',
    ]);
  });

  it('puts limits on the object when no key field can carry them', () => {
    const doc = contractToOdcs(
      product({
        schema: [{ name: 'id', type: 'string' }],
        quality: { maxNullRate: 0.07 },
      }),
    ) as any;
    expect(doc.schema[0].quality).toEqual([
      {
        type: 'library',
        metric: 'nullValues',
        unit: 'percent',
        mustBeLessOrEqualTo: 7,
        dimension: 'completeness',
      },
    ]);
    expect(contractFromOdcs(doc).contract.quality).toEqual({
      maxNullRate: 0.07,
    });
  });

  const examples = exampleEntities();

  describe.each(examples)('%s', (_, entity) => {
    const doc = contractToOdcs(entity);

    it('is valid ODCS v3.1.0', () => {
      validOdcs(doc);
      expect(validOdcs.errors ?? []).toEqual([]);
    });

    it('imports back to the same normalized contract', () => {
      expect(normalizeContract(authoredIn(entity, doc))).toEqual({
        contract: normalizeContract(entity).contract,
        findings: [],
      });
      const { contract, findings } = contractFromOdcs(doc, {
        productName: entity.metadata.name,
      });
      expect(findings).toEqual([]);
      expect(contract.schema).toEqual(
        normalizeContract(entity).contract.schema,
      );
    });

    it('exports the imported contract exactly as before', () => {
      expect(contractToOdcs(authoredIn(entity, doc))).toEqual(doc);
    });
  });

  it('covers every example, the ODCS-authored one included', () => {
    expect(examples.map(([file]) => file)).toContain(
      'support-interactions.yaml',
    );
    expect(examples.length).toBeGreaterThanOrEqual(11);
  });

  it.each([
    'orders-nested.odcs.yaml',
    'payments-quality.odcs.yaml',
    'clickstream-units.odcs.yaml',
  ])('round-trips a product authored in %s', file => {
    const entity = product({ odcs: odcsFixture(file) });
    const doc = contractToOdcs(entity);
    validOdcs(doc);
    expect(validOdcs.errors ?? []).toEqual([]);
    expect(normalizeContract(authoredIn(entity, doc)).contract).toEqual(
      normalizeContract(entity).contract,
    );
    expect(contractToOdcs(authoredIn(entity, doc))).toEqual(doc);
  });
});
