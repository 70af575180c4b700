import {
  ACCESS_PATTERN_TYPES,
  DATA_PRODUCT_API_VERSION,
  DATA_PRODUCT_CATEGORIES,
  DATA_PRODUCT_KIND,
  FIELD_CLASSIFICATIONS,
  FIELD_KEYS,
  FRESHNESS_TIERS,
  LIFECYCLE_STAGES,
} from './constants';
import { DURATION_PATTERN } from './duration';
import {
  MAX_LIST_ITEMS,
  MAX_NAME_LENGTH,
  MAX_SCHEMA_FIELDS,
  MAX_TEXT_LENGTH,
} from './limits';
import {
  AVAILABILITY_PATTERN,
  CURRENCY_PATTERN,
  ENTITY_REF_PATTERN,
  ISO_DATE_PATTERN,
  NON_BLANK_PATTERN,
  SEMVER_PATTERN,
} from './patterns';

/** A JSON Schema (draft-07) document or sub-schema, as plain data. @public */
export interface JsonSchemaObject {
  [keyword: string]: unknown;
}

// Builders for the recurring field shapes. Every field carries a description
// and an example: editors show them as help, and the validator quotes them in
// its hints, so the schema is the single place that says what a field means.
// Every text and list has a size limit (see limits.ts): the catalog stores,
// indexes and serves an entity whole.

/** A name, type, tag or other short text. */
function text(
  description: string,
  example: string,
  maxLength = MAX_NAME_LENGTH,
): JsonSchemaObject {
  return {
    type: 'string',
    pattern: NON_BLANK_PATTERN,
    maxLength,
    description,
    examples: [example],
  };
}

/** A description, note, query, URL: text a person writes at length. */
function freeText(description: string, example: string): JsonSchemaObject {
  return text(description, example, MAX_TEXT_LENGTH);
}

function entityRef(description: string, example: string): JsonSchemaObject {
  return {
    type: 'string',
    pattern: ENTITY_REF_PATTERN,
    maxLength: MAX_NAME_LENGTH,
    description,
    examples: [example],
  };
}

function isoDate(description: string, example: string): JsonSchemaObject {
  // pattern for the shape (editors without format support still flag it),
  // format for the calendar (no 2026-02-30).
  return {
    type: 'string',
    pattern: ISO_DATE_PATTERN,
    format: 'date',
    description,
    examples: [example],
  };
}

function duration(description: string, example: string): JsonSchemaObject {
  return {
    type: 'string',
    pattern: DURATION_PATTERN,
    description,
    examples: [example],
  };
}

function rate(description: string, example: number): JsonSchemaObject {
  return {
    type: 'number',
    minimum: 0,
    maximum: 1,
    description,
    examples: [example],
  };
}

function oneOf(
  values: readonly string[],
  description: string,
  example: string,
): JsonSchemaObject {
  return {
    type: 'string',
    enum: [...values],
    description,
    examples: [example],
  };
}

function listOf(
  items: JsonSchemaObject,
  description: string,
  example: unknown[],
  maxItems = MAX_LIST_ITEMS,
): JsonSchemaObject {
  return { type: 'array', items, maxItems, description, examples: [example] };
}

// additionalProperties: false everywhere in spec: a misspelt field would
// otherwise be silently ignored, and an owner would believe they promised
// an SLA they did not.
function strictObject(
  description: string,
  example: Record<string, unknown>,
  properties: Record<string, JsonSchemaObject>,
  rest: JsonSchemaObject = {},
): JsonSchemaObject {
  return {
    type: 'object',
    description,
    examples: [example],
    additionalProperties: false,
    properties,
    ...rest,
  };
}

const schemaField = strictObject(
  'One field (column) of the data product, with its meaning.',
  { name: 'customer_id', type: 'string' },
  {
    name: text('Field (column) name, as consumers query it.', 'customer_id'),
    type: text(
      'Field type as the storage names it: string, integer, timestamp …',
      'string',
    ),
    description: freeText(
      'What the field means and how to use it: units, null semantics, join keys.',
      'Stable id, never reused. Join key for every customer table.',
    ),
    key: oneOf(
      FIELD_KEYS,
      'Whether the field is the primary key, a foreign key, or neither.',
      'primary',
    ),
    required: {
      type: 'boolean',
      description: 'True when the field is never null.',
      examples: [true],
    },
    classification: oneOf(
      FIELD_CLASSIFICATIONS,
      'Data classification, which decides who may access the field.',
      'internal',
    ),
  },
  { required: ['name', 'type'] },
);

const accessPattern = strictObject(
  'One way to read the data: a batch location, a stream, or an API.',
  { type: 'batch', location: 'snowflake://acme/DB.SCHEMA.TABLE' },
  {
    type: oneOf(ACCESS_PATTERN_TYPES, 'How the data is read.', 'batch'),
    location: freeText(
      'Where the data lives; required for batch and streaming access.',
      'snowflake://acme/ANALYTICS.IDENTITY.CUSTOMER_IDENTITY',
    ),
    format: text('Physical format at that location.', 'table'),
    api: entityRef(
      'The Backstage API entity serving the data; required for api access.',
      'api:identity-lookup',
    ),
  },
  {
    required: ['type'],
    // Two if/thens rather than if/then/else: an access pattern with no or an
    // unknown type gets one problem (its type), not a second about location.
    allOf: [
      {
        if: {
          type: 'object',
          required: ['type'],
          properties: { type: { const: 'api' } },
        },
        then: { required: ['api'] },
      },
      {
        if: {
          type: 'object',
          required: ['type'],
          properties: { type: { enum: ['batch', 'streaming'] } },
        },
        then: { required: ['location'] },
      },
    ],
  },
);

const lifecycle = strictObject(
  'Where the product is in its life: draft, active, deprecated or retired, with the dates that drive expiry and reviews.',
  { stage: 'active', createdOn: '2026-01-10' },
  {
    stage: oneOf(
      LIFECYCLE_STAGES,
      'Lifecycle stage declared by the owner.',
      'active',
    ),
    createdOn: isoDate(
      'Date the product was created (YYYY-MM-DD).',
      '2026-01-10',
    ),
    renewedOn: isoDate(
      'Convenience views: date of the last renewal; the view expires 90 days later.',
      '2026-10-01',
    ),
    reviewedOn: isoDate(
      'Shared marts: date of the last quarterly review.',
      '2026-10-15',
    ),
    sunsetOn: isoDate(
      'Deprecated products: consumers must be off by this date.',
      '2027-03-31',
    ),
    supersedes: entityRef(
      'The older data product this one replaces.',
      'dataproduct:customer-identity-v1',
    ),
    successor: entityRef(
      'The data product replacing this one; required when a core entity retires.',
      'dataproduct:customer-identity-v3',
    ),
  },
  { required: ['stage'] },
);

const contract = strictObject(
  'What consumers can rely on: schema with semantics, freshness SLA, access, lineage, quality and escalation.',
  { schema: [{ name: 'customer_id', type: 'string' }] },
  {
    schema: listOf(
      schemaField,
      'The fields consumers may use, each with a name, a type and a description.',
      [{ name: 'customer_id', type: 'string' }],
      MAX_SCHEMA_FIELDS,
    ),
    freshness: strictObject(
      'Freshness SLA: how old the data may be when read.',
      { p95: '30m', p99: '60m' },
      {
        p95: duration(
          'Lag that 95 % of runs meet: a number and a unit, 45s, 30m, 2h or 1d.',
          '30m',
        ),
        p99: duration(
          'Lag that 99 % of runs meet: a number and a unit, 45s, 30m, 2h or 1d.',
          '60m',
        ),
        tier: oneOf(
          FRESHNESS_TIERS,
          'Refresh tier, which drives cost: streaming, micro-batch or daily.',
          'micro-batch',
        ),
      },
    ),
    availability: {
      type: 'string',
      pattern: AVAILABILITY_PATTERN,
      description: 'Share of time the data can be read, as a percentage.',
      examples: ['99.5%'],
    },
    accessPatterns: listOf(accessPattern, 'The ways to read the data.', [
      { type: 'batch', location: 'snowflake://acme/DB.SCHEMA.TABLE' },
    ]),
    lineage: strictObject(
      'Where the data comes from.',
      { upstreams: ['dataproduct:crm-accounts'] },
      {
        upstreams: listOf(
          entityRef(
            'An upstream data product or resource.',
            'dataproduct:crm-accounts',
          ),
          'Entities this product is built from.',
          ['dataproduct:crm-accounts', 'resource:segment-events'],
        ),
      },
    ),
    quality: strictObject(
      'Quality expectations measured on every run.',
      { keyFields: ['customer_id'], maxNullRate: 0.001 },
      {
        keyFields: listOf(
          text('A field named in contract.schema.', 'customer_id'),
          'Fields whose null and duplicate rates are measured.',
          ['customer_id'],
          MAX_SCHEMA_FIELDS,
        ),
        maxNullRate: rate(
          'Highest acceptable share of nulls in a key field, a fraction 0..1.',
          0.001,
        ),
        maxDuplicateRate: rate(
          'Highest acceptable share of duplicate primary keys, a fraction 0..1.',
          0,
        ),
      },
    ),
    escalation: strictObject(
      'Who to ping when the data is late or wrong.',
      { channel: '#identity-oncall', onCall: 'pagerduty:identity-primary' },
      {
        channel: text('Chat channel for consumers.', '#identity-oncall'),
        onCall: text(
          'On-call rotation, e.g. a PagerDuty schedule.',
          'pagerduty:identity-primary',
        ),
        hours: text('When the on-call answers.', '24x7'),
      },
    ),
    odcs: {
      type: 'object',
      description:
        'The contract authored in ODCS v3, usually `{ $yaml: ./contract.odcs.yaml }`; fields given above win.',
      examples: [{ $yaml: './contract.odcs.yaml' }],
    },
    odcsSchema: text(
      'Which schema object of a multi-table ODCS document in `odcs` this product is, by its `name`. Without it: the object named like the product, else the first.',
      'customer_identity',
    ),
  },
);

const migration = strictObject(
  'How consumers move from the previous major version.',
  { from: 'dataproduct:customer-identity-v1', guide: './docs/migration.md' },
  {
    from: entityRef(
      'The data product consumers migrate from.',
      'dataproduct:customer-identity-v1',
    ),
    guide: freeText(
      'URL or relative file of the migration guide.',
      './docs/migration.md',
    ),
    fieldMapping: listOf(
      strictObject(
        'Where an old field went.',
        { from: 'cust_id', to: 'customer_id' },
        {
          from: text('Field name in the previous version.', 'cust_id'),
          to: text('Field name in this version.', 'customer_id'),
          note: freeText(
            'What changed besides the name.',
            'renamed, same values',
          ),
        },
        { required: ['from', 'to'] },
      ),
      'Old field → new field, for every renamed or replaced field.',
      [{ from: 'cust_id', to: 'customer_id' }],
      MAX_SCHEMA_FIELDS,
    ),
    sampleQueries: listOf(
      freeText('A query against this version.', 'select customer_id from …'),
      'Queries showing how to use this version.',
      ['select customer_id from identity.customer_identity'],
    ),
  },
);

const cost = strictObject(
  'What the product costs and who pays for it.',
  { monthly: 4200, currency: 'USD' },
  {
    monthly: {
      type: 'number',
      minimum: 0,
      description: 'Monthly running cost, a number ≥ 0.',
      examples: [4200],
    },
    currency: {
      type: 'string',
      pattern: CURRENCY_PATTERN,
      description: 'ISO 4217 currency code.',
      examples: ['USD'],
    },
    fundedBy: entityRef('The group paying for it.', 'group:data-platform'),
    options: listOf(
      strictObject(
        'Another freshness and what it would cost per month: the owner’s estimate, in cost.currency.',
        { tier: 'streaming', p95: '1m', monthly: 11000 },
        {
          tier: oneOf(
            FRESHNESS_TIERS,
            'The refresh tier of this option: streaming, micro-batch or daily.',
            'streaming',
          ),
          p95: duration(
            'The P95 lag this option would promise: a number and a unit, 45s, 30m, 2h or 1d.',
            '1m',
          ),
          monthly: {
            type: 'number',
            minimum: 0,
            description: 'Monthly cost of this option, a number ≥ 0.',
            examples: [11000],
          },
        },
        { required: ['p95', 'monthly'] },
      ),
      'What other freshness would cost, for the unit cost of additional freshness.',
      [
        { tier: 'streaming', p95: '1m', monthly: 11000 },
        { tier: 'daily', p95: '1d', monthly: 900 },
      ],
    ),
  },
);

const spec = strictObject(
  'The data product: what it is, who owns it, its contract and lifecycle.',
  {
    type: 'table',
    category: 'core-entity',
    owner: 'group:identity-platform',
    lifecycle: { stage: 'active' },
  },
  {
    type: text(
      'Free-form kind of data product: table, view, feature-store, stream, api, file, partner-feed …',
      'table',
    ),
    category: oneOf(
      DATA_PRODUCT_CATEGORIES,
      'How strictly the product is managed: core-entity, shared-mart or convenience-view.',
      'core-entity',
    ),
    owner: entityRef(
      'The Group that owns the product.',
      'group:identity-platform',
    ),
    domain: entityRef('The Domain the product belongs to.', 'customer'),
    system: entityRef('The System the product belongs to.', 'identity'),
    version: {
      type: 'string',
      pattern: SEMVER_PATTERN,
      maxLength: MAX_NAME_LENGTH,
      description: 'Semantic version of the contract: MAJOR.MINOR.PATCH.',
      examples: ['2.1.0'],
    },
    lifecycle,
    contract,
    migration,
    cost,
    leadTime: strictObject(
      'How long an upstream change takes to become usable here.',
      { target: '2d' },
      {
        target: duration(
          'Target lead time: a number and a unit, 45s, 30m, 2h or 1d.',
          '2d',
        ),
      },
    ),
  },
  { required: ['type', 'category', 'owner', 'lifecycle'] },
);

/**
 * JSON Schema (draft-07) of a whole DataProduct entity. The catalog checks
 * the envelope and metadata itself, so metadata stays permissive here;
 * `spec` is strict. Published as `schema/data-product.schema.json` for
 * editors (a test keeps the file identical to this object).
 *
 * @public
 */
export const dataProductEntitySchema: JsonSchemaObject = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://stockroom.io/schemas/v1alpha1/data-product.schema.json',
  title: 'Stockroom DataProduct',
  description:
    'A reusable dataset managed like inventory: an owner, a contract, a version, a category and a lifecycle. See the DataProduct YAML reference in the Stockroom docs.',
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    apiVersion: {
      type: 'string',
      enum: [DATA_PRODUCT_API_VERSION],
      description: 'Always stockroom.io/v1alpha1.',
      examples: [DATA_PRODUCT_API_VERSION],
    },
    kind: {
      type: 'string',
      enum: [DATA_PRODUCT_KIND],
      description: 'Always DataProduct.',
      examples: [DATA_PRODUCT_KIND],
    },
    metadata: {
      type: 'object',
      description:
        'Backstage entity metadata; the catalog validates it in full.',
      examples: [{ name: 'customer-identity-v2' }],
      required: ['name'],
      additionalProperties: true,
      properties: {
        name: text(
          'Entity name, unique in its namespace.',
          'customer-identity-v2',
        ),
        title: text('Display name.', 'Customer Identity Graph'),
        description: freeText(
          'One line on what the data is.',
          'Maps every known identifier to one stable customer id.',
        ),
        tags: listOf(
          text('A tag.', 'identity'),
          'Tags for search and filters.',
          ['identity', 'customer'],
        ),
        annotations: {
          type: 'object',
          description:
            'Annotations, e.g. openlineage.io/dataset: the OpenLineage datasets whose runs are this product’s runs (comma-separated).',
          examples: [
            { 'openlineage.io/dataset': 'snowflake://acme/DB.SCHEMA.TABLE' },
          ],
          additionalProperties: { type: 'string' },
        },
        labels: {
          type: 'object',
          description: 'Labels; stockroom.io/state is computed, do not set it.',
          examples: [{ tier: 'gold' }],
          additionalProperties: { type: 'string' },
        },
      },
    },
    spec,
  },
};
