import type { Entity } from '@backstage/catalog-model';
import { DATA_PRODUCT_CATEGORIES } from './constants';
import {
  fullDataProduct,
  minimalDataProduct,
} from './__fixtures__/dataProducts';
import {
  dataProductKindValidator,
  isDataProductEntity,
  validateDataProduct,
} from './validate';

/** The full example with one change applied. */
function problemsAfter(change: (entity: any) => void) {
  const entity: any = fullDataProduct();
  change(entity);
  return validateDataProduct(entity);
}

describe('validateDataProduct: valid entities', () => {
  it('accepts the full example from the spec', () => {
    expect(validateDataProduct(fullDataProduct())).toEqual([]);
  });

  it.each(DATA_PRODUCT_CATEGORIES)('accepts a minimal %s', category => {
    expect(validateDataProduct(minimalDataProduct(category))).toEqual([]);
  });

  it.each<[string, (entity: any) => void]>([
    ['a ref with only a name', e => (e.spec.owner = 'identity-platform')],
    [
      'a ref with a namespace',
      e => (e.spec.owner = 'group:default/identity-platform'),
    ],
    [
      'a pre-release semver with build metadata',
      e => (e.spec.version = '3.0.0-rc.1+build.7'),
    ],
    ['a leap day', e => (e.spec.lifecycle.sunsetOn = '2028-02-29')],
    [
      'fractional durations',
      e => (e.spec.contract.freshness = { p95: '1.5h', p99: '2h' }),
    ],
    [
      'p95 equal to p99',
      e => (e.spec.contract.freshness = { p95: '1h', p99: '60m' }),
    ],
    // p95 > p99 is the sla-percentiles rule's, enforced per category
    // (judge/slaPercentilesByCategory.test.ts), not a schema error
    [
      'p95 above p99',
      e => (e.spec.contract.freshness = { p95: '2h', p99: '60m' }),
    ],
    ['100% availability', e => (e.spec.contract.availability = '100%')],
    [
      'rates at both bounds',
      e =>
        Object.assign(e.spec.contract.quality, {
          maxNullRate: 1,
          maxDuplicateRate: 0,
        }),
    ],
    [
      'a contract given only as ODCS',
      e => (e.spec.contract = { odcs: { $yaml: './contract.odcs.yaml' } }),
    ],
    [
      'keyFields without a schema (ODCS supplies it)',
      e => (e.spec.contract = { quality: { keyFields: ['id'] } }),
    ],
    [
      'dates on the same day',
      e =>
        Object.assign(e.spec.lifecycle, {
          createdOn: '2026-10-01',
          renewedOn: '2026-10-01',
          reviewedOn: '2026-10-15',
        }),
    ],
    ['zero cost', e => (e.spec.cost.monthly = 0)],
  ])('accepts %s', (_what, change) => {
    expect(problemsAfter(change)).toEqual([]);
  });
});

// [what, change, path, exact message, what the hint must say]
type Case = [string, (entity: any) => void, string, string, RegExp];

const malformed: Case[] = [
  // wrong types
  [
    'owner as a number',
    e => (e.spec.owner = 42),
    'spec.owner',
    'spec.owner is 42, which is not an entity ref',
    /e\.g\. `owner: group:identity-platform`/,
  ],
  [
    'owner left empty',
    e => (e.spec.owner = null),
    'spec.owner',
    'spec.owner is empty, which is not an entity ref',
    /\[kind:\]\[namespace\/\]name/,
  ],
  [
    'schema as an object',
    e => (e.spec.contract.schema = { name: 'customer_id', type: 'string' }),
    'spec.contract.schema',
    'spec.contract.schema is an object, which is not a list',
    /YAML list.*schema: \[\{ name: customer_id, type: string \}\]/,
  ],
  [
    'tags as text',
    e => (e.metadata.tags = 'identity'),
    'metadata.tags',
    'metadata.tags is "identity", which is not a list',
    /tags: \[identity, customer\]/,
  ],
  [
    'lifecycle as text',
    e => (e.spec.lifecycle = 'active'),
    'spec.lifecycle',
    'spec.lifecycle is "active", which is not an object (a mapping of fields)',
    /indented under lifecycle.*stage: active/,
  ],
  [
    'required as text',
    e => (e.spec.contract.schema[0].required = 'yes'),
    'spec.contract.schema[0].required',
    'spec.contract.schema[0].required is "yes", which is not true or false',
    /true or false without quotes/,
  ],
  [
    'upstreams as text',
    e => (e.spec.contract.lineage.upstreams = 'dataproduct:crm-accounts'),
    'spec.contract.lineage.upstreams',
    'spec.contract.lineage.upstreams is "dataproduct:crm-accounts", which is not a list',
    /YAML list/,
  ],
  [
    'keyFields as text',
    e => (e.spec.contract.quality.keyFields = 'customer_id'),
    'spec.contract.quality.keyFields',
    'spec.contract.quality.keyFields is "customer_id", which is not a list',
    /keyFields: \[customer_id\]/,
  ],
  [
    'monthly cost in quotes',
    e => (e.spec.cost.monthly = '4200'),
    'spec.cost.monthly',
    'spec.cost.monthly is "4200", which is not a number',
    /without quotes/,
  ],
  [
    'type as a number',
    e => (e.spec.type = 5),
    'spec.type',
    'spec.type is 5, which is not text',
    /type: table/,
  ],
  [
    'type blank',
    e => (e.spec.type = '  '),
    'spec.type',
    'spec.type is empty',
    /Write e\.g\. `type: table`/,
  ],

  // enums
  [
    'unknown category',
    e => (e.spec.category = 'core'),
    'spec.category',
    'spec.category is "core", which is not a known category',
    /Did you mean `core-entity`\? Use one of: core-entity, shared-mart, convenience-view\./,
  ],
  [
    'category as a number (type and enum reported once)',
    e => (e.spec.category = 5),
    'spec.category',
    'spec.category is 5, which is not a known category',
    /Use one of: core-entity, shared-mart, convenience-view/,
  ],
  [
    'unknown stage',
    e => (e.spec.lifecycle.stage = 'live'),
    'spec.lifecycle.stage',
    'spec.lifecycle.stage is "live", which is not a known stage',
    /Use one of: draft, active, deprecated, retired\./,
  ],
  [
    'unknown key',
    e => (e.spec.contract.schema[0].key = 'pk'),
    'spec.contract.schema[0].key',
    'spec.contract.schema[0].key is "pk", which is not a known key',
    /primary, foreign, none/,
  ],
  [
    'unknown classification',
    e => (e.spec.contract.schema[1].classification = 'secret'),
    'spec.contract.schema[1].classification',
    'spec.contract.schema[1].classification is "secret", which is not a known classification',
    /public, internal, confidential, pii/,
  ],
  [
    'unknown tier',
    e => (e.spec.contract.freshness.tier = 'hourly'),
    'spec.contract.freshness.tier',
    'spec.contract.freshness.tier is "hourly", which is not a known tier',
    /streaming, micro-batch, daily/,
  ],
  [
    'unknown access pattern type (no extra location problem)',
    e => (e.spec.contract.accessPatterns[1].type = 'rest'),
    'spec.contract.accessPatterns[1].type',
    'spec.contract.accessPatterns[1].type is "rest", which is not a known type',
    /batch, streaming, api/,
  ],

  // durations
  [
    'p95 in words',
    e => (e.spec.contract.freshness.p95 = '30 minutes'),
    'spec.contract.freshness.p95',
    'spec.contract.freshness.p95 is "30 minutes", which is not a duration',
    /number and a unit: 45s, 30m, 2h or 1d/,
  ],
  [
    'negative p95',
    e => (e.spec.contract.freshness.p95 = '-5m'),
    'spec.contract.freshness.p95',
    'spec.contract.freshness.p95 is "-5m", which is not a duration',
    /positive number and a unit/,
  ],
  [
    'zero p95',
    e => (e.spec.contract.freshness.p95 = '0m'),
    'spec.contract.freshness.p95',
    'spec.contract.freshness.p95 is "0m", which is not a duration',
    /greater than zero/,
  ],
  [
    'p95 without a unit (number)',
    e => (e.spec.contract.freshness.p95 = 5),
    'spec.contract.freshness.p95',
    'spec.contract.freshness.p95 is 5, which is not a duration',
    /e\.g\. `p95: 30m`/,
  ],
  [
    'p99 without a unit (text)',
    e => (e.spec.contract.freshness.p99 = '5'),
    'spec.contract.freshness.p99',
    'spec.contract.freshness.p99 is "5", which is not a duration',
    /e\.g\. `p99: 60m`/,
  ],
  [
    'lead time in words',
    e => (e.spec.leadTime.target = '2 days'),
    'spec.leadTime.target',
    'spec.leadTime.target is "2 days", which is not a duration',
    /e\.g\. `target: 2d`/,
  ],

  // rates
  [
    'negative null rate',
    e => (e.spec.contract.quality.maxNullRate = -0.1),
    'spec.contract.quality.maxNullRate',
    'spec.contract.quality.maxNullRate is -0.1, which is not a fraction between 0 and 1',
    /number from 0 to 1.*0\.001 means 0\.1 %/,
  ],
  [
    'duplicate rate above 1',
    e => (e.spec.contract.quality.maxDuplicateRate = 1.5),
    'spec.contract.quality.maxDuplicateRate',
    'spec.contract.quality.maxDuplicateRate is 1.5, which is not a fraction between 0 and 1',
    /number from 0 to 1/,
  ],
  [
    'rate in quotes',
    e => (e.spec.contract.quality.maxNullRate = '0.1'),
    'spec.contract.quality.maxNullRate',
    'spec.contract.quality.maxNullRate is "0.1", which is not a number',
    /without quotes/,
  ],

  // dates
  [
    'month 13',
    e => (e.spec.lifecycle.createdOn = '2026-13-01'),
    'spec.lifecycle.createdOn',
    'spec.lifecycle.createdOn is "2026-13-01", which is not a calendar date',
    /day does not exist.*YYYY-MM-DD/,
  ],
  [
    'February 30th',
    e => (e.spec.lifecycle.sunsetOn = '2026-02-30'),
    'spec.lifecycle.sunsetOn',
    'spec.lifecycle.sunsetOn is "2026-02-30", which is not a calendar date',
    /day does not exist/,
  ],
  [
    'US-style date',
    e => (e.spec.lifecycle.renewedOn = '01/02/2026'),
    'spec.lifecycle.renewedOn',
    'spec.lifecycle.renewedOn is "01/02/2026", which is not a calendar date',
    /Write the date as YYYY-MM-DD, e\.g\. `renewedOn: 2026-10-01`/,
  ],

  // semver
  [
    'version with a v',
    e => (e.spec.version = 'v2'),
    'spec.version',
    'spec.version is "v2", which is not a semantic version',
    /MAJOR\.MINOR\.PATCH without a leading v/,
  ],
  [
    'version with two parts',
    e => (e.spec.version = '2.1'),
    'spec.version',
    'spec.version is "2.1", which is not a semantic version',
    /e\.g\. `version: 2\.1\.0`/,
  ],
  [
    'version read by YAML as a number',
    e => (e.spec.version = 2.1),
    'spec.version',
    'spec.version is 2.1, which is not a semantic version',
    /MAJOR\.MINOR\.PATCH/,
  ],

  // entity refs
  [
    'ref with a kind only',
    e => (e.spec.owner = 'group:'),
    'spec.owner',
    'spec.owner is "group:", which is not an entity ref',
    /no spaces and at most one colon/,
  ],
  [
    'ref with spaces',
    e => (e.spec.owner = 'Group Identity'),
    'spec.owner',
    'spec.owner is "Group Identity", which is not an entity ref',
    /no spaces/,
  ],
  [
    'ref with two colons',
    e => (e.spec.domain = 'a:b:c'),
    'spec.domain',
    'spec.domain is "a:b:c", which is not an entity ref',
    /at most one colon, e\.g\. `domain: customer`/,
  ],
  [
    'bad upstream ref',
    e => (e.spec.contract.lineage.upstreams[1] = 'segment events'),
    'spec.contract.lineage.upstreams[1]',
    'spec.contract.lineage.upstreams[1] is "segment events", which is not an entity ref',
    /e\.g\. `- dataproduct:crm-accounts`/,
  ],
  [
    'bad api ref',
    e => (e.spec.contract.accessPatterns[1].api = 'identity lookup'),
    'spec.contract.accessPatterns[1].api',
    'spec.contract.accessPatterns[1].api is "identity lookup", which is not an entity ref',
    /api: api:identity-lookup/,
  ],

  // missing required fields
  [
    'no type',
    e => delete e.spec.type,
    'spec.type',
    'spec.type is missing',
    /Add e\.g\. `type: table`/,
  ],
  [
    'no category',
    e => delete e.spec.category,
    'spec.category',
    'spec.category is missing',
    /Add e\.g\. `category: core-entity`/,
  ],
  [
    'no owner',
    e => delete e.spec.owner,
    'spec.owner',
    'spec.owner is missing',
    /The Group that owns the product\. Add e\.g\. `owner: group:identity-platform`/,
  ],
  [
    'no lifecycle',
    e => delete e.spec.lifecycle,
    'spec.lifecycle',
    'spec.lifecycle is missing',
    /Add e\.g\. `lifecycle: \{ stage: active/,
  ],
  [
    'no lifecycle stage',
    e => delete e.spec.lifecycle.stage,
    'spec.lifecycle.stage',
    'spec.lifecycle.stage is missing',
    /Add e\.g\. `stage: active`/,
  ],
  [
    'schema field without name',
    e => delete e.spec.contract.schema[1].name,
    'spec.contract.schema[1].name',
    'spec.contract.schema[1].name is missing',
    /Add e\.g\. `name: customer_id`/,
  ],
  [
    'schema field without type',
    e => delete e.spec.contract.schema[1].type,
    'spec.contract.schema[1].type',
    'spec.contract.schema[1].type is missing',
    /Add e\.g\. `type: string`/,
  ],
  [
    'batch access without location',
    e => delete e.spec.contract.accessPatterns[0].location,
    'spec.contract.accessPatterns[0].location',
    'spec.contract.accessPatterns[0].location is missing',
    /required for batch and streaming.*location: snowflake:/,
  ],
  [
    'streaming access without location',
    e => delete e.spec.contract.accessPatterns[2].location,
    'spec.contract.accessPatterns[2].location',
    'spec.contract.accessPatterns[2].location is missing',
    /required for batch and streaming/,
  ],
  [
    'api access without api',
    e => delete e.spec.contract.accessPatterns[1].api,
    'spec.contract.accessPatterns[1].api',
    'spec.contract.accessPatterns[1].api is missing',
    /required for api access.*`api: api:identity-lookup`/,
  ],
  [
    'access pattern without type (no extra location problem)',
    e => delete e.spec.contract.accessPatterns[1].type,
    'spec.contract.accessPatterns[1].type',
    'spec.contract.accessPatterns[1].type is missing',
    /Add e\.g\. `type: batch`/,
  ],
  [
    'field mapping without to',
    e => delete e.spec.migration.fieldMapping[0].to,
    'spec.migration.fieldMapping[0].to',
    'spec.migration.fieldMapping[0].to is missing',
    /Add e\.g\. `to: customer_id`/,
  ],
  [
    'no spec',
    e => delete e.spec,
    'spec',
    'spec is missing',
    /Add e\.g\. `spec: \{ type: table, category: core-entity/,
  ],
  [
    'no metadata.name',
    e => delete e.metadata.name,
    'metadata.name',
    'metadata.name is missing',
    /name: customer-identity-v2/,
  ],

  // unknown fields
  [
    'unknown spec field',
    e => (e.spec.foo = 1),
    'spec.foo',
    'spec.foo is not a DataProduct field',
    /^Fields allowed in spec: type, category, owner, domain, system, version, lifecycle, contract, migration, cost, leadTime\.$/,
  ],
  [
    'misspelt spec field',
    e => (e.spec.sytem = 'identity'),
    'spec.sytem',
    'spec.sytem is not a DataProduct field: did you mean `system`?',
    /^Fields allowed in spec: /,
  ],
  [
    'wrong case in lifecycle',
    e => (e.spec.lifecycle.createdon = '2026-01-10'),
    'spec.lifecycle.createdon',
    'spec.lifecycle.createdon is not a DataProduct field: did you mean `createdOn`?',
    /^Fields allowed in spec\.lifecycle: stage, createdOn,/,
  ],
  [
    'p90 in freshness',
    e => (e.spec.contract.freshness.p90 = '45m'),
    'spec.contract.freshness.p90',
    'spec.contract.freshness.p90 is not a DataProduct field: did you mean `p95`?',
    /^Fields allowed in spec\.contract\.freshness: p95, p99, tier\./,
  ],
  [
    'abbreviated schema field property',
    e => (e.spec.contract.schema[0].desc = 'x'),
    'spec.contract.schema[0].desc',
    'spec.contract.schema[0].desc is not a DataProduct field: did you mean `description`?',
    /^Fields allowed in spec\.contract\.schema\[0\]: name, type, description, key, required, classification\./,
  ],
  [
    'owner misspelt (issue #11)',
    e => (e.spec.ower = 'group:default/x'),
    'spec.ower',
    'spec.ower is not a DataProduct field: did you mean `owner`?',
    /^Fields allowed in spec: /,
  ],
  [
    'freshness misspelt (issue #11)',
    e => (e.spec.contract.freshnes = { p95: '30m' }),
    'spec.contract.freshnes',
    'spec.contract.freshnes is not a DataProduct field: did you mean `freshness`?',
    /^Fields allowed in spec\.contract: /,
  ],
  [
    'url in an access pattern',
    e => (e.spec.contract.accessPatterns[0].url = 'x'),
    'spec.contract.accessPatterns[0].url',
    'spec.contract.accessPatterns[0].url is not a DataProduct field',
    /type, location, format, api/,
  ],
  [
    'typo in cost',
    e => (e.spec.cost.montly = 1),
    'spec.cost.montly',
    'spec.cost.montly is not a DataProduct field: did you mean `monthly`?',
    /^Fields allowed in spec\.cost: /,
  ],

  // cross-field checks
  [
    'key field not in the schema',
    e => (e.spec.contract.quality.keyFields = ['cust_id']),
    'spec.contract.quality.keyFields[0]',
    'spec.contract.quality.keyFields[0] is "cust_id", which is not a field in spec.contract.schema',
    /declared in contract\.schema \(declared: customer_id, email_sha256, crm_account_id\)/,
  ],
  [
    'key field with the wrong case',
    e => (e.spec.contract.quality.keyFields = ['customer_id', 'Email_SHA256']),
    'spec.contract.quality.keyFields[1]',
    'spec.contract.quality.keyFields[1] is "Email_SHA256", which is not a field in spec.contract.schema',
    /^Did you mean `email_sha256`\?/,
  ],
  [
    'duplicate field name',
    e => e.spec.contract.schema.push({ name: 'customer_id', type: 'int' }),
    'spec.contract.schema[3].name',
    'spec.contract.schema[3].name is "customer_id", which is already declared at spec.contract.schema[0]',
    /Declare each field once/,
  ],
  [
    'sunset before creation',
    e => (e.spec.lifecycle.sunsetOn = '2025-12-31'),
    'spec.lifecycle.sunsetOn',
    'spec.lifecycle.sunsetOn is 2025-12-31, which is before createdOn (2026-01-10)',
    /correct sunsetOn or createdOn/,
  ],
  [
    'renewal before creation',
    e => (e.spec.lifecycle.renewedOn = '2026-01-09'),
    'spec.lifecycle.renewedOn',
    'spec.lifecycle.renewedOn is 2026-01-09, which is before createdOn (2026-01-10)',
    /cannot be renewed before it was created/,
  ],
  [
    'review before creation',
    e => (e.spec.lifecycle.reviewedOn = '2025-06-01'),
    'spec.lifecycle.reviewedOn',
    'spec.lifecycle.reviewedOn is 2025-06-01, which is before createdOn (2026-01-10)',
    /cannot be reviewed before it was created/,
  ],

  // cost and availability
  [
    'lower-case currency',
    e => (e.spec.cost.currency = 'usd'),
    'spec.cost.currency',
    'spec.cost.currency is "usd", which is not a currency code',
    /three-letter ISO 4217 code in capitals, e\.g\. `currency: USD`/,
  ],
  [
    'currency name',
    e => (e.spec.cost.currency = 'Dollars'),
    'spec.cost.currency',
    'spec.cost.currency is "Dollars", which is not a currency code',
    /ISO 4217/,
  ],
  [
    'negative cost',
    e => (e.spec.cost.monthly = -1),
    'spec.cost.monthly',
    'spec.cost.monthly is -1, which is not an amount of at least 0',
    /number of at least 0.*monthly: 4200/,
  ],
  [
    'availability above 100%',
    e => (e.spec.contract.availability = '101%'),
    'spec.contract.availability',
    'spec.contract.availability is "101%", which is not a percentage',
    /0 to 100 followed by %, e\.g\. `availability: 99\.5%`/,
  ],
  [
    'availability without %',
    e => (e.spec.contract.availability = '99.5'),
    'spec.contract.availability',
    'spec.contract.availability is "99.5", which is not a percentage',
    /followed by %/,
  ],
  [
    'availability as a number',
    e => (e.spec.contract.availability = 99.5),
    'spec.contract.availability',
    'spec.contract.availability is 99.5, which is not a percentage',
    /followed by %/,
  ],

  // envelope
  [
    'another apiVersion',
    e => (e.apiVersion = 'backstage.io/v1alpha1'),
    'apiVersion',
    'apiVersion is "backstage.io/v1alpha1", which is not a known apiVersion',
    /^Write `apiVersion: stockroom\.io\/v1alpha1`\.$/,
  ],
  [
    'another kind',
    e => (e.kind = 'Component'),
    'kind',
    'kind is "Component", which is not a known kind',
    /^Write `kind: DataProduct`\.$/,
  ],
];

describe('validateDataProduct: malformed entities', () => {
  it('covers at least 35 distinct cases', () => {
    expect(new Set(malformed.map(([what]) => what)).size).toBe(
      malformed.length,
    );
    expect(malformed.length).toBeGreaterThanOrEqual(35);
  });

  // Each change makes exactly one problem, reported once, at its exact path.
  it.each(malformed)('%s', (_what, change, path, message, hint) => {
    expect(problemsAfter(change)).toEqual([
      { path, message, hint: expect.stringMatching(hint) },
    ]);
  });

  it('reports every problem of an entity, each once, in document order', () => {
    const problems = problemsAfter(e => {
      e.spec.category = 'mart';
      delete e.spec.owner;
      e.spec.contract.freshness.p95 = '3 hours';
      e.spec.contract.schema[0].name = 'email_sha256';
      e.spec.contract.accessPatterns[1] = { type: 'api', location: 'x' };
    });
    expect(problems.map(p => p.path)).toEqual([
      'spec.owner',
      'spec.category',
      'spec.contract.freshness.p95',
      'spec.contract.accessPatterns[1].api',
      'spec.contract.schema[1].name',
      'spec.contract.quality.keyFields[0]',
    ]);
  });

  it('finds duplicates and unknown key fields in long schemas too', () => {
    const problems = problemsAfter(e => {
      e.spec.contract.schema = Array.from({ length: 40 }, (_, i) => ({
        name: `field_${i}`,
        type: 'string',
      }));
      e.spec.contract.schema[35].name = 'field_3';
      e.spec.contract.schema[39].name = 'field_3';
      e.spec.contract.quality.keyFields = ['field_0', 'field_40'];
    });
    expect(problems).toEqual([
      {
        path: 'spec.contract.schema[35].name',
        message:
          'spec.contract.schema[35].name is "field_3", which is already declared at spec.contract.schema[3]',
        hint: expect.stringMatching(/Declare each field once/),
      },
      {
        path: 'spec.contract.schema[39].name',
        message:
          'spec.contract.schema[39].name is "field_3", which is already declared at spec.contract.schema[3]',
        hint: expect.stringMatching(/Declare each field once/),
      },
      {
        path: 'spec.contract.quality.keyFields[1]',
        message:
          'spec.contract.quality.keyFields[1] is "field_40", which is not a field in spec.contract.schema',
        hint: expect.stringMatching(/\(declared: field_0, .*field_9, …\)/),
      },
    ]);
  });

  it('skips p95 ≤ p99 while p99 is itself malformed', () => {
    const problems = problemsAfter(e => {
      e.spec.contract.freshness = { p95: '2h', p99: '1 hour' };
    });
    expect(problems.map(p => p.path)).toEqual(['spec.contract.freshness.p99']);
  });

  it('compares dates only once they are real dates', () => {
    const problems = problemsAfter(e => {
      e.spec.lifecycle.createdOn = '2026-13-01';
    });
    expect(problems.map(p => p.path)).toEqual(['spec.lifecycle.createdOn']);
  });

  it.each<[string, unknown, string]>([
    [
      'null',
      null,
      'the entity is empty, which is not an object (a mapping of fields)',
    ],
    [
      'a string',
      'DataProduct',
      'the entity is "DataProduct", which is not an object (a mapping of fields)',
    ],
  ])('explains an entity that is %s', (_what, entity, message) => {
    expect(validateDataProduct(entity)).toEqual([
      { path: '', message, hint: expect.any(String) },
    ]);
  });

  it('does not confuse one call with the next (ajv reuses its errors array)', () => {
    expect(problemsAfter(e => delete e.spec.owner)).toHaveLength(1);
    expect(validateDataProduct(fullDataProduct())).toEqual([]);
    expect(problemsAfter(e => delete e.spec.type)[0].path).toBe('spec.type');
  });
});

describe('isDataProductEntity', () => {
  it('is true for a DataProduct', () => {
    expect(isDataProductEntity(fullDataProduct())).toBe(true);
  });

  it.each<[string, Partial<Entity>]>([
    ['another apiVersion', { apiVersion: 'backstage.io/v1alpha1' }],
    ['another kind', { kind: 'Component' }],
    ['a kind in other case', { kind: 'dataproduct' }],
  ])('is false for %s', (_what, override) => {
    expect(
      isDataProductEntity({ ...fullDataProduct(), ...override } as Entity),
    ).toBe(false);
  });
});

describe('dataProductKindValidator', () => {
  it('resolves true for a valid DataProduct', async () => {
    await expect(
      dataProductKindValidator.check(fullDataProduct()),
    ).resolves.toBe(true);
  });

  it.each<[string, Partial<Entity>]>([
    ['another apiVersion', { apiVersion: 'stockroom.io/v1beta1' }],
    ['another kind', { kind: 'Component' }],
  ])(
    'resolves false for %s, leaving it to other validators',
    async (_what, override) => {
      const entity = {
        ...fullDataProduct(),
        ...override,
        spec: { nonsense: true },
      } as Entity;
      await expect(dataProductKindValidator.check(entity)).resolves.toBe(false);
    },
  );

  it('rejects an invalid DataProduct, listing every problem as path: message (hint)', async () => {
    const entity: any = fullDataProduct();
    delete entity.spec.owner;
    entity.spec.contract.freshness.p95 = '30 minutes';
    const check = dataProductKindValidator.check(entity);
    await expect(check).rejects.toThrow(
      /^DataProduct "customer-identity-v2" is invalid:/,
    );
    await expect(check).rejects.toThrow(
      'spec.owner: spec.owner is missing (The Group that owns the product. Add e.g. `owner: group:identity-platform`.)',
    );
    await expect(check).rejects.toThrow(
      'spec.contract.freshness.p95: spec.contract.freshness.p95 is "30 minutes", which is not a duration (Write a positive number and a unit: 45s, 30m, 2h or 1d, e.g. `p95: 30m`.)',
    );
  });
});
