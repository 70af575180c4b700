import { judgeDataProduct } from '../../judge/judgeDataProduct';
import type { DataProductEntityV1alpha1 } from '../../kind/types';
import { DEFAULT_POLICY } from '../../policy/defaults';
import { odcsFixture } from '../__testUtils__/load';
import { normalizeContract } from '../normalize';
import { contractFromOdcs } from './fromOdcs';

// standards.md "Multi-table contracts": a product maps the object named by
// spec.contract.odcsSchema, else the one named like the product, else the
// first; without odcsSchema, one finding names the objects it does not map.
const adventureWorks = () =>
  odcsFixture('bitol/postgresql-adventureworks-contract.odcs.yaml');

const where = (findings: Array<{ severity: string; path: string }>) =>
  findings.map(finding => [finding.severity, finding.path]);

const base = {
  apiVersion: 'v3.1.0',
  kind: 'DataContract',
  id: 'x',
  version: '1.0.0',
  status: 'active',
};

describe('spec.contract.odcsSchema', () => {
  describe('the AdventureWorks contract (68 schema objects)', () => {
    it('without odcsSchema maps the first object and says once which 67 it does not', () => {
      const { contract, findings } = contractFromOdcs(adventureWorks(), {
        productName: 'adventure-works-hr',
      });
      expect(contract.schema?.map(field => field.name)).toEqual([
        'departmentid',
        'name',
        'groupname',
        'modifieddate',
      ]);
      const selection = findings.filter(
        f =>
          f.path === 'spec.contract.odcsSchema' ||
          /^spec\.contract\.odcs\.schema\[\d+\]$/.test(f.path),
      );
      expect(selection).toHaveLength(1);
      expect(selection[0]).toMatchObject({
        ruleId: 'schema',
        severity: 'warning',
        path: 'spec.contract.odcsSchema',
      });
      const message = selection[0].message;
      expect(message).toMatch(
        /^spec\.contract\.odcsSchema is missing, and spec\.contract\.odcs\.schema holds 68 schema objects: this product maps department \(the first\) and not the other 67: employee, employeedepartmenthistory, /,
      );
      // the last object is named too, and the fix
      expect(message).toContain(
        'specialofferproduct, store — say which object this product is with `odcsSchema: department`',
      );
    });

    it('maps the object odcsSchema names, with no finding about the others', () => {
      const { contract, findings } = contractFromOdcs(adventureWorks(), {
        productName: 'sales-orders',
        schemaName: 'salesorderheader',
      });
      expect(findings).toEqual([]);
      expect(contract.schema).toHaveLength(25);
      expect(contract.schema?.[0]).toEqual({
        name: 'salesorderid',
        type: 'number',
        description: 'Primary key.',
        key: 'primary',
      });
      expect(contract.schema?.[24]).toEqual({
        name: 'modifieddate',
        type: 'date',
      });
      expect(contract.quality).toEqual({ keyFields: ['salesorderid'] });
      expect(contract.version).toBe('1.0.0');
      expect(contract.stage).toBe('active');
    });

    it('maps the object named like the product when odcsSchema is absent, still saying so once', () => {
      const { contract, findings } = contractFromOdcs(adventureWorks(), {
        productName: 'sales-order-header',
      });
      // sales-order-header is not salesorderheader (- and _ aside, case aside):
      // the first object is mapped
      expect(contract.schema?.[0].name).toBe('departmentid');
      const { contract: exact, findings: exactFindings } = contractFromOdcs(
        adventureWorks(),
        { productName: 'salesorderheader' },
      );
      expect(exact.schema).toHaveLength(25);
      expect(
        exactFindings.filter(f => f.path === 'spec.contract.odcsSchema'),
      ).toEqual([
        expect.objectContaining({
          message: expect.stringContaining(
            'this product maps salesorderheader (the one named like the product) and not the other 67: department,',
          ),
        }),
      ]);
      expect(findings.map(f => f.path)).toContain('spec.contract.odcsSchema');
    });

    it('is an error naming the field when odcsSchema names no object, with the closest name', () => {
      const { contract, findings } = contractFromOdcs(adventureWorks(), {
        schemaName: 'salesorderheaders',
      });
      expect(contract.schema).toEqual([]);
      expect(where(findings)).toEqual([['error', 'spec.contract.odcsSchema']]);
      expect(findings[0].message).toMatch(
        /^spec\.contract\.odcsSchema is "salesorderheaders", which names no schema object of spec\.contract\.odcs\.schema, so no fields are mapped — did you mean `salesorderheader`\? The objects are: department, employee, /,
      );
    });
  });

  it('reports a repeated object name once, at the repeat', () => {
    const { contract, findings } = contractFromOdcs(
      {
        ...base,
        schema: [
          {
            name: 'orders',
            properties: [{ name: 'a', logicalType: 'string' }],
          },
          {
            name: 'refunds',
            properties: [{ name: 'r', logicalType: 'string' }],
          },
          {
            name: 'orders',
            properties: [{ name: 'b', logicalType: 'string' }],
          },
        ],
      },
      { schemaName: 'orders' },
    );
    expect(contract.schema).toEqual([{ name: 'a', type: 'string' }]);
    expect(where(findings)).toEqual([
      ['warning', 'spec.contract.odcs.schema[2].name'],
    ]);
    expect(findings[0].message).toBe(
      'spec.contract.odcs.schema[2].name repeats the schema object name "orders" of spec.contract.odcs.schema[0]: a product selects its object by name (odcsSchema), so only the first can be selected — give each object its own name',
    );
  });

  it.each([
    ['missing', { name: 'audit_log' }],
    ['empty', { name: 'audit_log', properties: [] }],
  ])('says when the mapped object has no properties (%s)', (state, object) => {
    const { contract, findings } = contractFromOdcs(
      { ...base, schema: [object] },
      { schemaName: 'audit_log' },
    );
    expect(contract.schema).toEqual([]);
    expect(findings).toMatchObject([
      {
        severity: 'warning',
        path: 'spec.contract.odcs.schema[0].properties',
        message: `spec.contract.odcs.schema[0].properties is ${state}: schema object "audit_log" has no properties, so the contract gets no fields from it — list its columns, e.g. \`properties: [{ name: id, logicalType: string, description: … }]\``,
      },
    ]);
  });

  it("reads only its own object's SLA properties, by `element`", () => {
    const document = {
      ...base,
      schema: [
        {
          name: 'sales.orders',
          properties: [{ name: 'order_id', logicalType: 'string' }],
        },
        {
          name: 'sales.refunds',
          properties: [{ name: 'refund_id', logicalType: 'string' }],
        },
      ],
      slaProperties: [
        { property: 'latency', value: 6, unit: 'h', element: 'sales.refunds' },
        {
          property: 'latency',
          value: 2,
          unit: 'h',
          element: 'sales.orders.order_id',
        },
        { property: 'frequency', value: 1, unit: 'd' },
      ],
    };
    const orders = contractFromOdcs(document, { schemaName: 'sales.orders' });
    expect(orders.findings).toEqual([]);
    expect(orders.contract.freshness).toEqual({ p99: '2h', tier: 'daily' });
    const refunds = contractFromOdcs(document, { schemaName: 'sales.refunds' });
    expect(refunds.contract.freshness).toEqual({ p99: '6h', tier: 'daily' });
  });

  describe('ODCS versions', () => {
    // v3.2.0 adds enums, maps, synonyms, a context block and semantic types;
    // none of them changes what Stockroom maps.
    const v32 = {
      ...base,
      apiVersion: 'v3.2.0',
      context: { instructions: 'Amounts are in cents.' },
      schema: [
        {
          name: 'orders',
          synonyms: [{ synonym: 'purchases' }],
          properties: [
            {
              name: 'status',
              logicalType: 'string',
              description: 'Order status.',
              enum: [{ value: 'open' }, { value: 'paid' }],
            },
            {
              name: 'attributes',
              logicalType: 'map',
              map: {
                key: { logicalType: 'string' },
                value: { logicalType: 'string' },
              },
            },
            {
              name: 'revenue',
              logicalType: 'number',
              semanticType: 'measure',
              transformLogic: 'SUM(amount)',
            },
          ],
        },
      ],
    };

    it('reads a v3.2.0 document with the same mapping', () => {
      const { contract, findings } = contractFromOdcs(v32, {
        schemaName: 'orders',
      });
      expect(findings).toEqual([]);
      expect(contract.schema).toEqual([
        { name: 'status', type: 'string', description: 'Order status.' },
        { name: 'attributes', type: 'map' },
        { name: 'revenue', type: 'number' },
      ]);
    });

    it('reads a later v3 minor version with a warning naming apiVersion', () => {
      const { contract, findings } = contractFromOdcs(
        { ...v32, apiVersion: 'v3.7.0' },
        { schemaName: 'orders' },
      );
      expect(contract.schema).toHaveLength(3);
      expect(findings).toMatchObject([
        {
          severity: 'warning',
          path: 'spec.contract.odcs.apiVersion',
          message: expect.stringMatching(
            /^spec\.contract\.odcs\.apiVersion is "v3\.7\.0", newer than the ODCS versions Stockroom knows \(v3\.0 to v3\.2\)/,
          ),
        },
      ]);
    });

    it('maps nothing from an unknown major version, naming apiVersion', () => {
      const { contract, findings } = contractFromOdcs(
        { ...v32, apiVersion: 'v4.0.0' },
        { schemaName: 'orders' },
      );
      expect(contract).toEqual({});
      expect(where(findings)).toEqual([
        ['error', 'spec.contract.odcs.apiVersion'],
      ]);
    });
  });

  describe('in an entity', () => {
    const product = (
      contract: Record<string, unknown>,
    ): DataProductEntityV1alpha1 =>
      ({
        apiVersion: 'stockroom.io/v1alpha1',
        kind: 'DataProduct',
        metadata: { name: 'sales-orders' },
        spec: {
          type: 'table',
          category: 'shared-mart',
          owner: 'group:sales-data',
          lifecycle: { stage: 'active' },
          contract,
        },
      } as unknown as DataProductEntityV1alpha1);

    it('normalizes the selected object of the resolved document', () => {
      const { contract, findings } = normalizeContract(
        product({ odcs: adventureWorks(), odcsSchema: 'salesorderheader' }),
      );
      expect(findings).toEqual([]);
      expect(contract.schema[0].name).toBe('salesorderid');
    });

    it('warns that odcsSchema alone selects nothing', () => {
      expect(
        normalizeContract(product({ odcsSchema: 'salesorderheader' })).findings,
      ).toMatchObject([
        {
          severity: 'warning',
          path: 'spec.contract.odcsSchema',
          message:
            'spec.contract.odcsSchema selects a schema object of spec.contract.odcs, which is missing: it is ignored — add `odcs: { $yaml: ./contract.odcs.yaml }` or remove odcsSchema',
        },
      ]);
    });

    it('is accepted by the schema and judged without errors for a shared mart', () => {
      const judgement = judgeDataProduct(
        product({ odcs: adventureWorks(), odcsSchema: 'salesorderheader' }),
        DEFAULT_POLICY,
        new Date('2026-05-15T12:00:00Z'),
      );
      expect(judgement.blocking).toEqual([]);
      expect(judgement.state).toBe('active');
    });

    it('rejects a 5 MB document with one finding naming spec.contract.odcs, without mapping it', () => {
      const properties = Array.from({ length: 20_000 }, (_, i) => ({
        name: `column_${i}`,
        logicalType: 'string',
        description: 'x'.repeat(230),
      }));
      const odcs = { ...base, schema: [{ name: 'wide', properties }] };
      expect(JSON.stringify(odcs).length).toBeGreaterThan(5_000_000);
      const judgement = judgeDataProduct(
        product({ odcs, odcsSchema: 'wide' }),
        DEFAULT_POLICY,
        new Date('2026-05-15T12:00:00Z'),
      );
      expect(judgement.state).toBeNull();
      expect(judgement.blocking).toEqual([
        {
          ruleId: 'schema',
          severity: 'error',
          path: '',
          message:
            'the entity is larger than the limit of 256 KiB (262,144 bytes as JSON), most of it the ODCS document in spec.contract.odcs',
          hint: expect.stringContaining('split the document'),
        },
      ]);
    });

    it('rejects an odcsSchema that is not text, naming the field', () => {
      const judgement = judgeDataProduct(
        product({ odcs: adventureWorks(), odcsSchema: 3 }),
        DEFAULT_POLICY,
        new Date('2026-05-15T12:00:00Z'),
      );
      expect(judgement.blocking.map(f => f.path)).toEqual([
        'spec.contract.odcsSchema',
      ]);
    });
  });
});
