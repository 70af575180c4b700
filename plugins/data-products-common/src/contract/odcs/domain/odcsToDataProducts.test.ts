import { odcsFixture } from '../../__testUtils__/load';
import { judgeDataProduct } from '../../../judge/judgeDataProduct';
import { DEFAULT_POLICY } from '../../../policy/defaults';
import {
  ODCS_IMPORT_MAX_BYTES,
  odcsToDataProducts,
} from './odcsToDataProducts';

const NOW = new Date('2026-05-15T12:00:00Z');
const adventureWorks = () =>
  odcsFixture('bitol/postgresql-adventureworks-contract.odcs.yaml');

const base = {
  apiVersion: 'v3.1.0',
  kind: 'DataContract',
  id: 'orders-contract',
  version: '1.0.0',
  status: 'active',
};

const options = {
  contractRef: './sales.odcs.yaml',
  owner: 'group:sales-data',
  now: NOW,
};

const errorsOf = (findings: Array<{ severity: string }>) =>
  findings.filter(finding => finding.severity === 'error');

describe('odcsToDataProducts', () => {
  describe('the AdventureWorks contract (68 schema objects)', () => {
    const progress: Array<[number, number]> = [];
    const result = odcsToDataProducts(adventureWorks(), {
      contractRef: './postgresql-adventureworks-contract.odcs.yaml',
      owner: 'group:adventure-works-data',
      now: NOW,
      onProgress: (done, total) => progress.push([done, total]),
    });

    it('makes one product per schema object, each selecting its object of the same document', () => {
      expect(result.findings).toEqual([]);
      expect(result.products).toHaveLength(68);
      expect(result.products[0].entity).toEqual({
        apiVersion: 'stockroom.io/v1alpha1',
        kind: 'DataProduct',
        metadata: {
          name: 'department',
          description:
            'Lookup table containing the departments within the Adventure Works Cycles company.',
        },
        spec: {
          type: 'table',
          category: 'shared-mart',
          owner: 'group:adventure-works-data',
          // the document has no name, dataProduct or domain: the file names the System
          system: 'postgresql-adventureworks-contract',
          // status: active; contractCreatedTs: "2023-09-28T20:24:49.331+00:00"
          lifecycle: { stage: 'active', createdOn: '2023-09-28' },
          contract: {
            odcs: { $yaml: './postgresql-adventureworks-contract.odcs.yaml' },
            odcsSchema: 'department',
          },
        },
      });
      expect(result.products.map(p => p.schemaObject)).toEqual(
        adventureWorks().schema.map((object: { name: string }) => object.name),
      );
      expect(result.products[67].entity.metadata.name).toBe('store');
    });

    it('says what each product got from the document', () => {
      const orders = result.products.find(
        p => p.schemaObject === 'salesorderheader',
      )!;
      expect(orders.mapped).toEqual([
        'schema: 25 fields from schema object salesorderheader',
        'descriptions: 23 of 25 fields have one',
        'quality.keyFields: salesorderid (primary keys and critical data elements)',
        'version: 1.0.0',
        'lifecycle.stage: active (status)',
      ]);
    });

    it('yields products with no errors, whose findings say what the owner still must add', () => {
      for (const product of result.products) {
        expect(errorsOf(product.findings)).toEqual([]);
      }
      // a shared mart promises a p95 and an escalation channel, and is reviewed
      expect(result.products[0].findings.map(f => f.ruleId)).toEqual([
        'sla-percentiles',
        'escalation-path',
        'quarterly-review',
      ]);
    });

    it('groups them in a System owned by the same group', () => {
      expect(result.system).toEqual({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: { name: 'postgresql-adventureworks-contract' },
        spec: { owner: 'group:adventure-works-data' },
      });
    });

    it('reports progress after each product', () => {
      expect(progress).toHaveLength(68);
      expect(progress[0]).toEqual([1, 68]);
      expect(progress[67]).toEqual([68, 68]);
    });

    it('writes products that pass judgement as files too ($yaml unresolved)', () => {
      const judgement = judgeDataProduct(
        result.products[10].entity,
        DEFAULT_POLICY,
        NOW,
      );
      expect(judgement.blocking).toEqual([]);
    });
  });

  it('imports a document without schema objects as one product with its terms', () => {
    const result = odcsToDataProducts(
      odcsFixture('bitol/database-table-sla.odcs.yaml'),
      { ...options, contractRef: './database-table-sla.odcs.yaml' },
    );
    // no contractCreatedTs: created on the day of the import
    expect(result.products[0].entity.spec.lifecycle.createdOn).toBe(
      '2026-05-15',
    );
    expect(result.findings).toEqual([]);
    expect(result.products).toHaveLength(1);
    const [product] = result.products;
    expect(product.schemaObject).toBeUndefined();
    // name: my_table; dataProduct: my_quantum names the System
    expect(product.entity.metadata.name).toBe('my-table');
    expect(product.entity.spec.system).toBe('my-quantum');
    expect(product.entity.spec.contract).toEqual({
      odcs: { $yaml: './database-table-sla.odcs.yaml' },
    });
    // latency 4 d → p99; frequency 1 d → daily; endOfSupport 2032-05-12
    expect(product.mapped).toEqual([
      'schema: 0 fields from the document (it has no schema object)',
      'freshness: p99 4d (latency), tier daily (frequency) from slaProperties',
      'lifecycle.sunsetOn: 2032-05-12 (endOfSupport / endOfLife)',
      'version: 1.0.0',
      'lifecycle.stage: active (status)',
    ]);
    expect(errorsOf(product.findings)).toEqual([]);
  });

  it('names products after their objects, unique, with an optional prefix', () => {
    const result = odcsToDataProducts(
      {
        ...base,
        schema: [
          {
            name: 'Orders',
            properties: [{ name: 'id', logicalType: 'string' }],
          },
          {
            name: 'orders',
            properties: [{ name: 'id', logicalType: 'string' }],
          },
          { name: 'Air_Quality', businessName: 'Air quality', properties: [] },
        ],
      },
      { ...options, namePrefix: 'sales-' },
    );
    expect(
      result.products.map(p => [p.entity.metadata.name, p.schemaObject]),
    ).toEqual([
      ['sales-orders', 'Orders'],
      ['sales-orders-2', 'orders'],
      ['sales-air-quality', 'Air_Quality'],
    ]);
    expect(result.products[2].entity.metadata.title).toBe('Air quality');
    // the object without properties is imported, and its product says so
    expect(result.products[2].findings).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        path: 'spec.contract.odcs.schema[2].properties',
      }),
    );
    // the document has no dataProduct, name or domain: the file (./sales.odcs.yaml) names the System
    expect(result.system?.metadata.name).toBe('sales');
  });

  it('takes the owner from the ODCS v3.1 team and the System from the option', () => {
    const result = odcsToDataProducts(
      { ...base, team: { name: 'Sales Data' }, schema: [] },
      {
        contractRef: './x.odcs.yaml',
        now: NOW,
        system: 'system:default/sales',
      },
    );
    expect(result.findings).toEqual([]);
    expect(result.products[0].entity.spec.owner).toBe('group:sales-data');
    expect(result.products[0].entity.spec.system).toBe('sales');
  });

  describe('bad input: one clear finding each, naming the field, and no products', () => {
    it.each([
      [
        'repeated object names',
        {
          ...base,
          schema: [
            { name: 'orders', properties: [] },
            { name: 'orders', properties: [] },
          ],
        },
        'odcs.schema[1].name',
        'odcs.schema[1].name repeats "orders", the name of odcs.schema[0]: each product selects its schema object by name (odcsSchema), so two objects cannot share one — rename one of them',
      ],
      [
        'an object without a name',
        { ...base, schema: [{ physicalName: 'ORDERS', properties: [] }] },
        'odcs.schema[0].name',
        'odcs.schema[0].name is missing: each product selects its schema object by name (odcsSchema) — name it, e.g. `name: ORDERS`',
      ],
      [
        'an unknown apiVersion',
        { ...base, apiVersion: 'v2.2.2', schema: [] },
        'odcs.apiVersion',
        expect.stringMatching(
          /^odcs\.apiVersion is "v2\.2\.2": Stockroom reads ODCS v3 documents/,
        ),
      ],
      [
        'a schema that is not a list',
        { ...base, schema: { orders: {} } },
        'odcs.schema',
        expect.stringMatching(
          /^odcs\.schema is \{"orders":\{\}\}, not a list of schema objects/,
        ),
      ],
      [
        'no document at all',
        'not yaml',
        'odcs',
        'odcs is "not yaml", not an ODCS document: nothing can be imported from it',
      ],
    ])('%s', (_, document, path, message) => {
      const result = odcsToDataProducts(document, options);
      expect(result.products).toEqual([]);
      expect(result.system).toBeUndefined();
      expect(errorsOf(result.findings)).toEqual([
        expect.objectContaining({ ruleId: 'schema', path, message }),
      ]);
    });

    it('a 5 MB document', () => {
      const properties = Array.from({ length: 20_000 }, (_, i) => ({
        name: `column_${i}`,
        logicalType: 'string',
        description: 'x'.repeat(230),
      }));
      const document = { ...base, schema: [{ name: 'wide', properties }] };
      expect(JSON.stringify(document).length).toBeGreaterThan(5_000_000);
      const result = odcsToDataProducts(document, options);
      expect(result.products).toEqual([]);
      expect(result.findings).toEqual([
        expect.objectContaining({
          severity: 'error',
          path: 'odcs',
          message: `odcs is larger than 240 KiB as JSON: every product embeds the document it references, and a catalog entity may be at most 256 KiB, so none of them could be stored — split the document, e.g. one per domain or group of tables`,
        }),
      ]);
      expect(ODCS_IMPORT_MAX_BYTES).toBe(240 * 1024);
    });

    it('a document nested 20,000 levels deep', () => {
      let deep: Record<string, unknown> = { name: 'leaf' };
      for (let i = 0; i < 20_000; i++) deep = { properties: [deep] };
      const result = odcsToDataProducts({ ...base, schema: [deep] }, options);
      expect(result.products).toEqual([]);
      expect(result.findings).toMatchObject([
        {
          severity: 'error',
          path: expect.stringMatching(/^odcs\.schema\[0\]\.properties\[0\]/),
        },
      ]);
    });

    it('no owner: neither given nor named by the document', () => {
      const result = odcsToDataProducts(
        { ...base, schema: [] },
        { contractRef: './x.odcs.yaml', now: NOW },
      );
      expect(result.products).toEqual([]);
      expect(result.findings).toMatchObject([
        { severity: 'error', path: 'spec.owner' },
      ]);
    });

    it('a System option that is no catalog name', () => {
      const result = odcsToDataProducts(
        { ...base, schema: [] },
        { ...options, system: 'Sales & Marketing' },
      );
      expect(result.products).toEqual([]);
      expect(result.findings).toMatchObject([
        {
          severity: 'error',
          path: 'spec.system',
          message: expect.stringContaining(
            '"Sales & Marketing" is not a catalog name',
          ),
        },
      ]);
    });
  });
});
