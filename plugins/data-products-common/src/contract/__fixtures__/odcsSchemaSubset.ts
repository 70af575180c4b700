/**
 * The ODCS v3.1.0 JSON-schema constraints an exported contract could break,
 * written down for the tests (our own subset, not the standard's file):
 * no unknown top-level keys, the required fields, per server type its
 * required fields and nothing it does not define, property and quality-rule
 * shapes (a library rule has a known metric and exactly one operator),
 * SLA, support, price, team and custom-property shapes.
 */
const customProperties = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      property: { type: 'string' },
      value: {},
      description: { type: 'string' },
    },
    required: ['property', 'value'],
    additionalProperties: false,
  },
};

const serverTypes: Record<
  string,
  { properties: Record<string, object>; required: string[] }
> = {
  api: {
    properties: { location: { type: 'string', format: 'uri' } },
    required: ['location'],
  },
  snowflake: {
    properties: {
      host: {},
      port: { type: 'integer' },
      account: {},
      database: {},
      schema: {},
      warehouse: {},
    },
    required: ['account', 'database', 'schema'],
  },
  postgres: {
    properties: {
      host: {},
      port: { type: 'integer' },
      database: {},
      schema: {},
    },
    required: ['host', 'port', 'database', 'schema'],
  },
  redshift: {
    properties: { host: {}, database: {}, schema: {}, region: {}, account: {} },
    required: ['database', 'schema'],
  },
  sqlserver: {
    properties: {
      host: {},
      port: { type: 'integer' },
      database: {},
      schema: {},
    },
    required: ['host', 'database', 'schema'],
  },
  mysql: {
    properties: { host: {}, port: { type: 'integer' }, database: {} },
    required: ['host', 'port', 'database'],
  },
  bigquery: {
    properties: { project: {}, dataset: {} },
    required: ['project', 'dataset'],
  },
  databricks: {
    properties: { host: {}, catalog: {}, schema: {} },
    required: ['catalog', 'schema'],
  },
  trino: {
    properties: {
      host: {},
      port: { type: 'integer' },
      catalog: {},
      schema: {},
    },
    required: ['host', 'port', 'catalog', 'schema'],
  },
  kafka: { properties: { host: {}, format: {} }, required: ['host'] },
  s3: {
    properties: {
      location: { type: 'string', format: 'uri' },
      endpointUrl: {},
      format: {},
      delimiter: {},
    },
    required: ['location'],
  },
  sftp: {
    properties: {
      location: { type: 'string', format: 'uri', pattern: '^sftp://' },
      format: {},
      delimiter: {},
    },
    required: ['location'],
  },
  custom: {
    properties: Object.fromEntries(
      [
        'account',
        'catalog',
        'database',
        'dataset',
        'delimiter',
        'format',
        'host',
        'path',
        'project',
        'region',
        'regionName',
        'schema',
        'serviceName',
        'stagingDir',
        'warehouse',
      ]
        .map((key): [string, object] => [key, { type: 'string' }])
        .concat([
          ['location', { type: 'string', format: 'uri' }],
          ['endpointUrl', { type: 'string', format: 'uri' }],
          ['port', { type: 'integer' }],
        ]),
    ),
    required: [],
  },
};
serverTypes.postgresql = serverTypes.postgres;

const server = {
  type: 'object',
  properties: {
    server: { type: 'string' },
    type: { enum: Object.keys(serverTypes) },
    description: { type: 'string' },
    environment: { type: 'string' },
    customProperties,
  },
  required: ['server', 'type'],
  allOf: Object.entries(serverTypes).map(([type, then]) => ({
    if: { properties: { type: { const: type } }, required: ['type'] },
    then,
  })),
  unevaluatedProperties: false,
};

const operators = [
  'mustBe',
  'mustNotBe',
  'mustBeGreaterThan',
  'mustBeGreaterOrEqualTo',
  'mustBeLessThan',
  'mustBeLessOrEqualTo',
  'mustBeBetween',
  'mustNotBeBetween',
];

const qualityRule = {
  type: 'object',
  properties: {
    type: { enum: ['text', 'library', 'sql', 'custom'] },
    metric: {
      enum: [
        'nullValues',
        'missingValues',
        'invalidValues',
        'duplicateValues',
        'rowCount',
      ],
    },
    unit: { type: 'string' },
    dimension: {
      enum: [
        'accuracy',
        'completeness',
        'conformity',
        'consistency',
        'coverage',
        'timeliness',
        'uniqueness',
      ],
    },
    description: { type: 'string' },
    severity: { type: 'string' },
    ...Object.fromEntries(operators.map(op => [op, {}])),
  },
  required: ['metric'],
  oneOf: operators.map(op => ({ required: [op] })),
  additionalProperties: false,
};

const property: object = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    logicalType: {
      enum: [
        'string',
        'date',
        'timestamp',
        'time',
        'number',
        'integer',
        'object',
        'array',
        'boolean',
      ],
    },
    physicalType: { type: 'string' },
    description: { type: 'string' },
    primaryKey: { type: 'boolean' },
    required: { type: 'boolean' },
    classification: { type: 'string' },
    criticalDataElement: { type: 'boolean' },
    tags: { type: 'array', items: { type: 'string' } },
    quality: { type: 'array', items: qualityRule },
    customProperties,
    properties: { type: 'array', items: { $ref: '#/$defs/property' } },
    items: {
      type: 'object',
      properties: {
        logicalType: { type: 'string' },
        properties: { type: 'array', items: { $ref: '#/$defs/property' } },
      },
      additionalProperties: false,
    },
  },
  required: ['name'],
  additionalProperties: false,
  allOf: [
    {
      if: { required: ['properties'] },
      then: {
        properties: { logicalType: { const: 'object' } },
        required: ['logicalType'],
      },
    },
    {
      if: { required: ['items'] },
      then: {
        properties: { logicalType: { const: 'array' } },
        required: ['logicalType'],
      },
    },
  ],
};

/** @internal */
export const odcsSchemaSubset = {
  $schema: 'https://json-schema.org/draft/2019-09/schema',
  $defs: { property },
  type: 'object',
  properties: {
    version: { type: 'string' },
    kind: { enum: ['DataContract'] },
    apiVersion: { enum: ['v3.1.0'] },
    id: { type: 'string' },
    name: { type: 'string' },
    tenant: { type: 'string' },
    tags: { type: 'array', items: { type: 'string' } },
    status: { type: 'string' },
    servers: { type: 'array', items: server },
    dataProduct: { type: 'string' },
    description: {
      type: 'object',
      properties: {
        usage: { type: 'string' },
        purpose: { type: 'string' },
        limitations: { type: 'string' },
      },
      additionalProperties: false,
    },
    domain: { type: 'string' },
    schema: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          logicalType: { enum: ['object'] },
          physicalName: { type: 'string' },
          physicalType: { type: 'string' },
          description: { type: 'string' },
          properties: { type: 'array', items: { $ref: '#/$defs/property' } },
          quality: { type: 'array', items: qualityRule },
        },
        required: ['name'],
        additionalProperties: false,
      },
    },
    support: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          channel: { type: 'string' },
          url: { type: 'string' },
          description: { type: 'string' },
          tool: { type: 'string' },
          scope: { type: 'string' },
          invitationUrl: { type: 'string' },
          customProperties,
        },
        required: ['channel'],
        additionalProperties: false,
      },
    },
    price: {
      type: 'object',
      properties: {
        priceAmount: { type: 'number' },
        priceCurrency: { type: 'string' },
        priceUnit: { type: 'string' },
      },
      additionalProperties: false,
    },
    team: {
      type: 'object',
      properties: {
        name: { type: 'string' },
        description: { type: 'string' },
        members: { type: 'array' },
      },
      additionalProperties: false,
    },
    slaProperties: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          property: { type: 'string' },
          value: { type: ['string', 'number', 'integer', 'boolean', 'null'] },
          valueExt: {},
          unit: { type: 'string' },
          element: { type: 'string' },
          driver: { type: 'string' },
          description: { type: 'string' },
        },
        required: ['property', 'value'],
        additionalProperties: false,
      },
    },
    customProperties,
    contractCreatedTs: { type: 'string', format: 'date-time' },
  },
  required: ['version', 'apiVersion', 'kind', 'id', 'status'],
  additionalProperties: false,
};
