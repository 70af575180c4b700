import { odcsFixture } from '../__testUtils__/load';
import { contractFromOdcs } from './fromOdcs';

const where = (findings: Array<{ severity: string; path: string }>) =>
  findings.map(finding => [finding.severity, finding.path]);

const base = {
  apiVersion: 'v3.1.0',
  kind: 'DataContract',
  id: 'x',
  version: '1.0.0',
  status: 'active',
};

describe('contractFromOdcs', () => {
  describe('a contract with nested objects, percent rules, hours, several servers and support channels', () => {
    const { contract, findings } = contractFromOdcs(
      odcsFixture('orders-nested.odcs.yaml'),
      {
        productName: 'orders',
      },
    );

    it('flattens nested object and array-item properties with dotted names after their parent', () => {
      expect(contract.schema).toEqual([
        {
          name: 'order_id',
          type: 'string',
          description: 'Order id from checkout.',
          key: 'primary',
          required: true,
          classification: 'internal',
        },
        {
          name: 'customer_id',
          type: 'string',
          description: 'Buyer, a customer-identity-v2 customer_id.',
          key: 'foreign',
          required: true,
          classification: 'internal',
        },
        {
          name: 'shipping_address',
          type: 'object',
          description: 'Where the order ships to.',
          classification: 'confidential',
        },
        {
          name: 'shipping_address.city',
          type: 'string',
          description: 'City name as entered.',
        },
        {
          name: 'shipping_address.postal_code',
          type: 'string',
          description: 'Postal code, no spaces.',
          classification: 'pii',
        },
        {
          name: 'lines',
          type: 'array',
          description: "The order's line items.",
        },
        {
          name: 'lines.sku',
          type: 'string',
          description: 'Stock keeping unit.',
          required: true,
        },
        {
          name: 'lines.quantity',
          type: 'integer',
          description: 'Units ordered.',
        },
        {
          name: 'total_minor',
          type: 'integer',
          description: 'Order total in minor currency units.',
          required: true,
          classification: 'confidential',
        },
      ]);
    });

    it('takes key fields from primary keys and critical data elements, limits from percent rules', () => {
      expect(contract.quality).toEqual({
        keyFields: ['order_id', 'customer_id'],
        maxNullRate: 0.002, // the loosest of ≤ 0 % and < 0.2 %
        maxDuplicateRate: 0.0005,
      });
    });

    it('maps latency (hours) to p99, latencyP95 (minutes) to p95, a 15 minute frequency to micro-batch', () => {
      expect(contract.freshness).toEqual({
        p99: '3h',
        p95: '90m',
        tier: 'micro-batch',
      });
      expect(contract.availability).toBe('99.9%');
      expect(contract.sunsetOn).toBe('2028-06-30');
    });

    it('maps every server to an access pattern with a location built from its fields', () => {
      expect(contract.accessPatterns).toEqual([
        {
          type: 'batch',
          location: 'postgres://orders-replica.internal:5432/commerce.public',
        },
        {
          type: 'streaming',
          location: 'kafka://kafka-1.internal:9092',
          format: 'avro',
        },
        {
          type: 'batch',
          location: 's3://acme-exports/orders/',
          format: 'parquet',
        },
      ]);
    });

    it('escalates to the first interactive channel and pages through the ticket tool url', () => {
      expect(contract.escalation).toEqual({
        channel: '#orders-data',
        onCall: 'https://acme.pagerduty.com/service-directory/PORDERS',
      });
    });

    it('maps version, status proposed → draft and a monthly price', () => {
      expect(contract.version).toBe('2.4.0');
      expect(contract.stage).toBe('draft');
      expect(contract.cost).toEqual({ monthly: 1200, currency: 'USD' });
      expect(contract.lineage).toBeUndefined();
    });

    it('reports only the stricter null limit it cannot keep separately', () => {
      expect(where(findings)).toEqual([
        ['warning', 'spec.contract.odcs.schema[0].properties[0].quality[0]'],
      ]);
      expect(findings[0]).toMatchObject({
        ruleId: 'schema',
        message: expect.stringContaining('the loosest (0.002)'),
        hint: expect.stringContaining(
          'docs/dataproduct-yaml.md#contracts-authored-in-odcs',
        ),
      });
    });
  });

  describe('quality rules as hand-written contracts mix them', () => {
    const { contract, findings } = contractFromOdcs(
      odcsFixture('payments-quality.odcs.yaml'),
      {
        productName: 'payments-ledger',
      },
    );

    it('maps the schema object named like the product, not the first one', () => {
      expect(contract.schema?.map(field => field.name)).toEqual([
        'payment_id',
        'merchant_id',
        'account_id',
        'memo',
        'amount',
      ]);
      expect(contract.schema?.[4]).toEqual({ name: 'amount', type: 'number' });
      expect(contract.stage).toBe('active');
    });

    it('keeps percent bounds and zero-row bounds, ignores row counts, other fields and bad bounds', () => {
      expect(contract.quality).toEqual({
        keyFields: ['payment_id', 'merchant_id', 'account_id', 'amount'],
        maxNullRate: 0.01,
        maxDuplicateRate: 0,
      });
      const at = 'spec.contract.odcs.schema[1].properties';
      expect(where(findings)).toEqual([
        // one finding for the object not mapped, at the field that selects one
        ['warning', 'spec.contract.odcsSchema'],
        ['warning', `${at}[3].classification`],
        ['warning', `${at}[0].quality[1]`],
        ['warning', `${at}[3].quality[0]`],
        ['warning', `${at}[4].quality[0]`],
        ['warning', `${at}[4].quality[1].mustBeLessOrEqualTo`],
        ['warning', `${at}[2].quality[0]`],
      ]);
      const message = (path: string) =>
        findings.find(f => f.path === path)?.message;
      expect(message(`${at}[0].quality[1]`)).toContain('counts rows');
      expect(message(`${at}[2].quality[0]`)).toContain('the loosest (0.01)');
      expect(message(`${at}[3].quality[0]`)).toContain('key fields only');
      expect(message(`${at}[3].classification`)).toContain('`secret`');
      expect(message(`${at}[4].quality[0]`)).toContain('no upper bound');
      expect(message(`${at}[4].quality[1].mustBeLessOrEqualTo`)).toContain(
        'above 100 percent',
      );
    });
  });

  describe('an SLA with unknown units and values, and other slips', () => {
    const { contract, findings } = contractFromOdcs(
      odcsFixture('clickstream-units.odcs.yaml'),
      {
        productName: 'clickstream',
      },
    );

    it('maps what it can read', () => {
      expect(contract.freshness).toEqual({ p99: '2d', tier: 'streaming' });
      expect(contract.availability).toBe('99.95%');
      expect(contract.sunsetOn).toBeUndefined();
      expect(contract.schema).toEqual([
        {
          name: 'event_id',
          type: 'string',
          description: 'Event id.',
          key: 'primary',
        },
        { name: 'payload', type: 'unknown', description: 'Raw event payload.' },
      ]);
      expect(contract.accessPatterns).toEqual([
        { type: 'streaming', location: 'kinesis://eu-west-1', format: 'json' },
        { type: 'streaming', location: 'pubsub://acme-events' },
        { type: 'api', location: 'https://api.acme.example/v1/clicks' },
      ]);
      expect(contract.escalation).toEqual({
        channel: 'clickstream-issues',
        onCall: 'https://acme.atlassian.net/browse/CLICK',
      });
      expect(contract.version).toBeUndefined();
      expect(contract.stage).toBeUndefined();
      expect(contract.cost).toBeUndefined();
    });

    it('reports each unusable part at its path: errors for lost fields, warnings for ignored parts', () => {
      const odcs = 'spec.contract.odcs';
      expect(where(findings)).toEqual([
        ['error', `${odcs}.schema[0].properties[1].name`],
        ['warning', `${odcs}.schema[0].properties[2].logicalType`],
        ['warning', `${odcs}.slaProperties[1]`],
        ['warning', `${odcs}.slaProperties[2].unit`],
        ['warning', `${odcs}.slaProperties[6].value`],
        ['warning', `${odcs}.support[0]`],
        ['warning', `${odcs}.price.priceUnit`],
        ['warning', `${odcs}.servers[3].type`],
        ['warning', `${odcs}.version`],
        ['warning', `${odcs}.status`],
      ]);
      expect(
        findings.find(f => f.path.endsWith('slaProperties[2].unit'))?.message,
      ).toBe(
        'spec.contract.odcs.slaProperties[2].unit `fortnight` is not a duration unit Stockroom reads: the latencyP95 is ignored — use s, m, h, d (or seconds, minutes, hours, days, weeks)',
      );
    });
  });

  describe('malformed documents', () => {
    it.each([
      ['a list', [1, 2], 'spec.contract.odcs'],
      ['text', 'contract.odcs.yaml', 'spec.contract.odcs'],
      ['null', null, 'spec.contract.odcs'],
    ])('%s is an error, never a throw', (_, odcs, path) => {
      const result = contractFromOdcs(odcs);
      expect(result.contract).toEqual({});
      expect(where(result.findings)).toEqual([['error', path]]);
    });

    it('rejects another apiVersion or kind and maps nothing', () => {
      const result = contractFromOdcs({
        ...base,
        apiVersion: 'v2.2.2',
        kind: 'Contract',
        schema: [],
      });
      expect(result.contract).toEqual({});
      expect(where(result.findings)).toEqual([
        ['error', 'spec.contract.odcs.apiVersion'],
        ['error', 'spec.contract.odcs.kind'],
      ]);
    });

    it('reports a schema that is not a list, and properties that are not objects', () => {
      expect(
        where(contractFromOdcs({ ...base, schema: { name: 'x' } }).findings),
      ).toEqual([['error', 'spec.contract.odcs.schema']]);
      const result = contractFromOdcs({
        ...base,
        schema: [
          {
            name: 'x',
            properties: ['id', { name: 'ok', logicalType: 'string' }],
          },
        ],
      });
      expect(result.contract.schema).toEqual([{ name: 'ok', type: 'string' }]);
      expect(where(result.findings)).toEqual([
        ['error', 'spec.contract.odcs.schema[0].properties[0]'],
      ]);
    });

    it('reports SLA, support, servers and price of the wrong shape as ignored', () => {
      const result = contractFromOdcs({
        ...base,
        slaProperties: { latency: 4 },
        support: '#help',
        servers: 'snowflake',
        price: 100,
      });
      expect(where(result.findings)).toEqual([
        ['warning', 'spec.contract.odcs.slaProperties'],
        ['warning', 'spec.contract.odcs.support'],
        ['warning', 'spec.contract.odcs.price'],
        ['warning', 'spec.contract.odcs.servers'],
      ]);
    });

    it('reports a value that is not a number and a missing unit', () => {
      const result = contractFromOdcs({
        ...base,
        slaProperties: [
          { property: 'latency', value: 'four', unit: 'h' },
          { property: 'latencyP95', value: 2 },
          { property: 'availability', value: 150 },
        ],
      });
      expect(result.contract.freshness).toBeUndefined();
      expect(where(result.findings)).toEqual([
        ['warning', 'spec.contract.odcs.slaProperties[0].value'],
        ['warning', 'spec.contract.odcs.slaProperties[1].unit'],
        ['warning', 'spec.contract.odcs.slaProperties[2].value'],
      ]);
    });

    it('keeps the well-formed cost options and names the field of each malformed one', () => {
      const result = contractFromOdcs({
        ...base,
        price: { priceAmount: 4200, priceCurrency: 'USD', priceUnit: 'month' },
        customProperties: [
          { property: 'stockroomCostFundedBy', value: 'group:data-platform' },
          {
            property: 'stockroomCostOptions',
            value: [
              { tier: 'streaming', p95: '1m', monthly: 11000 },
              { tier: 'hourly', p95: '1h', monthly: 5000 },
              { tier: 'micro-batch', p95: 'fast', monthly: 6000 },
              { p95: '0m', monthly: 6000 },
              { tier: 'daily', p95: '1d', monthly: -900 },
              { tier: 'daily', p95: '1d' },
              'daily for 900',
              { p95: '2d', monthly: '700' },
            ],
          },
        ],
      });
      expect(result.contract.cost).toEqual({
        monthly: 4200,
        currency: 'USD',
        fundedBy: 'group:data-platform',
        options: [
          { tier: 'streaming', p95: '1m', monthly: 11000 },
          { p95: '2d', monthly: 700 },
        ],
      });
      const at = 'spec.contract.odcs.customProperties[1].value';
      expect(where(result.findings)).toEqual([
        ['warning', `${at}[1].tier`],
        ['warning', `${at}[2].p95`],
        ['warning', `${at}[3].p95`],
        ['warning', `${at}[4].monthly`],
        ['warning', `${at}[5].monthly`],
        ['warning', `${at}[6]`],
      ]);
      expect(result.findings[0].message).toBe(
        `${at}[1].tier is "hourly", not one of streaming, micro-batch, daily: the option is ignored`,
      );
      expect(result.findings[1].message).toBe(
        `${at}[2].p95 is "fast", not a duration like 1m, 2h or 1d: the option is ignored`,
      );
      expect(result.findings[4].message).toBe(
        `${at}[5].monthly is (missing), not a monthly cost ≥ 0: the option is ignored`,
      );
    });

    it('ignores cost options that are not a list, naming the custom property', () => {
      const result = contractFromOdcs({
        ...base,
        customProperties: [
          {
            property: 'stockroomCostOptions',
            value: { tier: 'streaming', p95: '1m', monthly: 11000 },
          },
        ],
      });
      expect(result.contract.cost).toBeUndefined();
      expect(result.findings.map(finding => finding.message)).toEqual([
        'spec.contract.odcs.customProperties[0].value is {"tier":"streaming","p95":"1m","monthly":11000}, not a list of cost options like { tier: streaming, p95: 1m, monthly: 11000 }: cost.options is ignored',
      ]);
    });

    it('leaves an unresolved placeholder to whoever resolves placeholders', () => {
      expect(contractFromOdcs({ $yaml: 'https://example.com/c.yaml' })).toEqual(
        {
          contract: {},
          findings: [],
        },
      );
    });

    it('lets findings point wherever the document sits', () => {
      expect(contractFromOdcs(7, { path: 'odcs' }).findings[0].path).toBe(
        'odcs',
      );
    });
  });

  describe('the mapping table, one row at a time', () => {
    const map = (doc: object) => contractFromOdcs({ ...base, ...doc }).contract;

    it('classification: restricted and confidential → confidential, pii tag wins, public/internal pass', () => {
      const schema = map({
        schema: [
          {
            name: 't',
            properties: [
              {
                name: 'a',
                logicalType: 'string',
                classification: 'restricted',
              },
              {
                name: 'b',
                logicalType: 'string',
                classification: 'confidential',
              },
              {
                name: 'c',
                logicalType: 'string',
                classification: 'public',
                tags: ['PII'],
              },
              { name: 'd', logicalType: 'string', classification: 'public' },
              { name: 'e', logicalType: 'string', classification: 'internal' },
            ],
          },
        ],
      }).schema!;
      expect(schema.map(field => field.classification)).toEqual([
        'confidential',
        'confidential',
        'pii',
        'public',
        'internal',
      ]);
    });

    it('frequency: under 5 min streaming, up to 1 h micro-batch, else daily', () => {
      const tier = (value: number, unit: string) =>
        map({ slaProperties: [{ property: 'frequency', value, unit }] })
          .freshness?.tier;
      expect(tier(4, 'm')).toBe('streaming');
      expect(tier(5, 'm')).toBe('micro-batch');
      expect(tier(1, 'h')).toBe('micro-batch');
      expect(tier(61, 'minutes')).toBe('daily');
      expect(tier(1, 'd')).toBe('daily');
    });

    it('availability: a number becomes a percentage', () => {
      expect(
        map({ slaProperties: [{ property: 'availability', value: 99.5 }] })
          .availability,
      ).toBe('99.5%');
      expect(
        map({
          slaProperties: [
            { property: 'availability', value: '99.5', unit: '%' },
          ],
        }).availability,
      ).toBe('99.5%');
    });

    it('sunset: endOfSupport before endOfLife, as the calendar date written', () => {
      expect(
        map({
          slaProperties: [
            { property: 'endOfLife', value: '2042-05-12T09:30:10-08:00' },
            { property: 'endOfSupport', value: '2032-05-12T23:30:10-08:00' },
          ],
        }).sunsetOn,
      ).toBe('2032-05-12');
    });

    it('support: the first entry when none is interactive or for issues; its url when it has no channel name', () => {
      expect(
        map({
          support: [
            {
              url: 'https://teams.example/data',
              tool: 'teams',
              scope: 'announcements',
            },
            { channel: 'data-news', scope: 'notifications' },
          ],
        }).escalation,
      ).toEqual({ channel: 'https://teams.example/data' });
    });

    it('servers: location from host, database, schema, topic; type decides the pattern', () => {
      expect(
        map({
          servers: [
            {
              server: 'a',
              type: 'snowflake',
              account: 'acme',
              database: 'DB',
              schema: 'SCH',
            },
            {
              server: 'b',
              type: 'bigquery',
              project: 'acme-prod',
              dataset: 'sales',
            },
            { server: 'c', type: 'kafka', host: 'broker', topic: 'orders.v1' },
            {
              server: 'd',
              type: 'databricks',
              host: 'dbc.example',
              catalog: 'main',
              schema: 'gold',
            },
          ],
        }).accessPatterns,
      ).toEqual([
        { type: 'batch', location: 'snowflake://acme/DB.SCH' },
        { type: 'batch', location: 'bigquery://acme-prod/sales' },
        { type: 'streaming', location: 'kafka://broker/orders.v1' },
        { type: 'batch', location: 'databricks://dbc.example/main.gold' },
      ]);
    });

    it('status: deprecated and retired pass through', () => {
      expect(map({ status: 'deprecated' }).stage).toBe('deprecated');
      expect(map({ status: 'retired' }).stage).toBe('retired');
      expect(map({ status: 'draft' }).stage).toBe('draft');
    });

    it('a document with only the required fields maps to its version and stage', () => {
      expect(contractFromOdcs(base)).toEqual({
        contract: { version: '1.0.0', stage: 'active' },
        findings: [],
      });
    });
  });
});
