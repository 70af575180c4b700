import { stringify } from 'yaml';
import { fullDataProduct } from '../__fixtures__/entities';
import { EntityProbe } from './EntityProbe';

/** A valid core entity named `name`, with `change` applied. */
function product(name: string, change: (entity: any) => void = () => {}) {
  const entity: any = fullDataProduct();
  entity.metadata.name = name;
  change(entity);
  return entity;
}

let serial = 0;
/** A probe of one bad field of an otherwise valid product. */
function fieldProbe(
  title: string,
  field: string,
  change: (entity: any) => void,
  extra: Partial<EntityProbe> = {},
): EntityProbe {
  serial += 1;
  return {
    name: `${field}: ${title}`,
    yaml: stringify(product(`probe-${serial}`, change)),
    field,
    ...extra,
  };
}

/** YAML text of a product, edited as text (for what stringify cannot write). */
function textProbe(
  title: string,
  field: string,
  edit: (yaml: string) => string,
  extra: Partial<EntityProbe> = {},
): EntityProbe {
  serial += 1;
  return {
    name: `${field}: ${title}`,
    yaml: edit(stringify(product(`probe-${serial}`))),
    field,
    ...extra,
  };
}

/** JSON text (valid YAML) of a schema field nested `depth` levels deep. */
function nestedFieldJson(depth: number): string {
  const open = '{"name":"level","type":"struct","description":"x","fields":[';
  return `${open.repeat(
    depth - 1,
  )}{"name":"leaf","type":"string","description":"x"}${']}'.repeat(depth - 1)}`;
}

const nameProbes: EntityProbe[] = [
  fieldProbe('upper case and punctuation', 'metadata.name', e => {
    e.metadata.name = 'Bad_Name!';
  }),
  fieldProbe('64 characters', 'metadata.name', e => {
    e.metadata.name = `n${'a'.repeat(63)}`;
  }),
  fieldProbe(
    'empty',
    'metadata.name',
    e => {
      e.metadata.name = '';
    },
    { catalogNames: '/metadata/name' },
  ),
  fieldProbe(
    'a number',
    'metadata.name',
    e => {
      e.metadata.name = 42;
    },
    { catalogNames: '/metadata/name' },
  ),
  fieldProbe('a NUL byte', 'metadata.name', e => {
    e.metadata.name = 'orders\u0000v2';
  }),
  fieldProbe('a right-to-left override', 'metadata.name', e => {
    e.metadata.name = 'orders\u202Etxt';
  }),
  fieldProbe('a path', 'metadata.name', e => {
    e.metadata.name = '../orders';
  }),
  fieldProbe('spaces', 'metadata.namespace', e => {
    e.metadata.namespace = 'Sales Team';
  }),
];

const metadataProbes: EntityProbe[] = [
  // issue #11: a 10 MB description
  fieldProbe('10 MB', 'metadata.description', e => {
    e.metadata.description = 'd'.repeat(10 * 1024 * 1024);
  }),
  fieldProbe(
    'a number',
    'metadata.description',
    e => {
      e.metadata.description = 7;
    },
    { catalogNames: '/metadata/description' },
  ),
  fieldProbe(
    'a tag with spaces',
    'metadata.tags[0]',
    e => {
      e.metadata.tags = ['not a tag'];
    },
    { catalogNames: '"tags.0"' },
  ),
  fieldProbe(
    'a numeric annotation',
    'metadata.annotations["openlineage.io/dataset"]',
    e => {
      e.metadata.annotations['openlineage.io/dataset'] = 5;
    },
    { catalogNames: '/metadata/annotations/openlineage.io~1dataset' },
  ),
  fieldProbe('a title of 20,000 characters', 'metadata.title', e => {
    e.metadata.title = 't'.repeat(20_000);
  }),
  fieldProbe('2,000 tags', 'metadata.tags', e => {
    e.metadata.tags = Array.from({ length: 2000 }, (_, i) => `tag-${i}`);
  }),
];

const specProbes: EntityProbe[] = [
  fieldProbe('missing', 'spec', e => {
    delete e.spec;
  }),
  fieldProbe('missing', 'spec.type', e => {
    delete e.spec.type;
  }),
  fieldProbe('unknown', 'spec.category', e => {
    e.spec.category = 'gold-tier';
  }),
  fieldProbe('missing', 'spec.owner', e => {
    delete e.spec.owner;
  }),
  fieldProbe('not a ref', 'spec.owner', e => {
    e.spec.owner = 'Identity Platform';
  }),
  fieldProbe('not semver', 'spec.version', e => {
    e.spec.version = 'v2';
  }),
  fieldProbe('unknown', 'spec.lifecycle.stage', e => {
    e.spec.lifecycle.stage = 'live';
  }),
  fieldProbe('an impossible day', 'spec.lifecycle.createdOn', e => {
    e.spec.lifecycle.createdOn = '2026-02-30';
  }),
  fieldProbe('month 13', 'spec.lifecycle.renewedOn', e => {
    e.spec.lifecycle.renewedOn = '2026-13-01';
  }),
  fieldProbe('in words', 'spec.lifecycle.sunsetOn', e => {
    e.spec.lifecycle.sunsetOn = 'next spring';
  }),
  fieldProbe('negative', 'spec.contract.freshness.p95', e => {
    e.spec.contract.freshness.p95 = '-5m';
  }),
  fieldProbe('in words', 'spec.contract.freshness.p95', e => {
    e.spec.contract.freshness.p95 = '30 minutes';
  }),
  fieldProbe('above p99', 'spec.contract.freshness.p95', e => {
    e.spec.contract.freshness = { p95: '2h', p99: '30m', tier: 'daily' };
  }),
  fieldProbe('unknown', 'spec.contract.freshness.tier', e => {
    e.spec.contract.freshness.tier = 'hourly';
  }),
  fieldProbe('above 100 %', 'spec.contract.availability', e => {
    e.spec.contract.availability = '150%';
  }),
  fieldProbe('above 1', 'spec.contract.quality.maxNullRate', e => {
    e.spec.contract.quality.maxNullRate = 1.5;
  }),
  fieldProbe('negative', 'spec.contract.quality.maxDuplicateRate', e => {
    e.spec.contract.quality.maxDuplicateRate = -0.1;
  }),
  fieldProbe('an object', 'spec.contract.schema', e => {
    e.spec.contract.schema = { customer_id: 'string' };
  }),
  fieldProbe('a field without a type', 'spec.contract.schema[1].type', e => {
    delete e.spec.contract.schema[1].type;
  }),
  fieldProbe('an unknown key kind', 'spec.contract.schema[0].key', e => {
    e.spec.contract.schema[0].key = 'primay';
  }),
  fieldProbe(
    'an unknown classification',
    'spec.contract.schema[0].classification',
    e => {
      e.spec.contract.schema[0].classification = 'secret';
    },
  ),
  fieldProbe(
    'an unknown type of access',
    'spec.contract.accessPatterns[0].type',
    e => {
      e.spec.contract.accessPatterns[0].type = 'ftp';
    },
  ),
  fieldProbe('a number', 'spec.contract.escalation.channel', e => {
    e.spec.contract.escalation.channel = 42;
  }),
  fieldProbe('not a ref', 'spec.contract.lineage.upstreams[0]', e => {
    e.spec.contract.lineage.upstreams = ['CRM Accounts!'];
  }),
  fieldProbe('negative', 'spec.cost.monthly', e => {
    e.spec.cost.monthly = -100;
  }),
  fieldProbe('in words', 'spec.leadTime.target', e => {
    e.spec.leadTime.target = 'soon';
  }),
  fieldProbe('a string', 'spec.migration.fieldMapping', e => {
    e.spec.migration.fieldMapping = 'cust_id -> customer_id';
  }),
  // unknown fields, named with the nearest valid one
  fieldProbe(
    'unknown, meant owner',
    'spec.ower',
    e => {
      e.spec.ower = 'group:identity-platform';
    },
    { message: /owner/ },
  ),
  fieldProbe(
    'unknown, meant freshness',
    'spec.contract.freshnes',
    e => {
      e.spec.contract.freshnes = { p95: '30m' };
    },
    { message: /freshness/ },
  ),
  // Backstage's AnnotateLocationEntityProcessor (preProcessEntity) rebuilds
  // the entity with lodash's merge, which skips `__proto__` keys: the
  // catalog drops the key before our processor runs, so it serves the
  // entity without it (its own spec.category, nothing from the key);
  // -common's validateDataProduct refuses it wherever it does reach it
  // (lint, the processor: prototypeKeys.test.ts).
  textProbe(
    'a prototype key',
    'spec.__proto__',
    yaml =>
      yaml.replace(
        /^spec:\n/m,
        'spec:\n  __proto__:\n    category: convenience-view\n',
      ),
    { catalogDrops: '__proto__', message: /prototype key/ },
  ),
  fieldProbe('a constructor key', 'spec.constructor', e => {
    e.spec.constructor = { category: 'convenience-view' };
  }),
  // issue #11: 20,000 levels of nested fields
  textProbe(
    '20,000 levels of nested fields',
    'spec.contract.schema[0]',
    yaml =>
      yaml.replace(
        /^ {4}schema:\n/m,
        `    schema:\n      - ${nestedFieldJson(20_000)}\n`,
      ),
    {
      message: /deep|depth|nest|level/i,
      // The catalog's YAML parser (parseEntityYaml) overflows before any
      // processor sees the entity: the file is refused with Backstage's
      // "Maximum call stack size exceeded" on its location, nothing is
      // served. Only a catalog-wide entity data parser could say more, and
      // Backstage takes one per catalog (docs/security.md, "Limits").
      catalogNames: 'YAML error',
      catalogMessage: /Maximum call stack size exceeded/,
    },
  ),
];

/** Placeholders (issue #11 item 1): only files in the entity's folder, ≤ 1 MiB. */
const placeholderProbes: EntityProbe[] = [
  fieldProbe(
    '../ out of the folder',
    'spec.contract.odcs',
    e => {
      e.spec.contract.odcs = { $yaml: '../outside/secret.txt' };
    },
    {
      catalogNames: '../outside/secret.txt',
      message: /outside the entity file's folder/,
    },
  ),
  fieldProbe(
    'an absolute path',
    'spec.contract.odcs',
    e => {
      e.spec.contract.odcs = { $yaml: '/etc/passwd' };
    },
    { catalogNames: '/etc/passwd', message: /absolute path/ },
  ),
  fieldProbe(
    'a file: URL',
    'metadata.description',
    e => {
      e.metadata.description = { $text: 'file:///etc/hostname' };
    },
    { catalogNames: 'file:///etc/hostname', message: /absolute path/ },
  ),
  fieldProbe(
    'a symlink out of the folder',
    'spec.contract.odcs',
    e => {
      e.spec.contract.odcs = { $yaml: './contract.odcs.yaml' };
    },
    {
      symlinks: { 'contract.odcs.yaml': '../outside/secret.txt' },
      catalogNames: './contract.odcs.yaml',
      message: /symlink to a file outside/,
    },
  ),
  fieldProbe(
    'a file over 1 MiB',
    'metadata.description',
    e => {
      e.metadata.description = { $text: './big.txt' };
    },
    {
      files: { 'big.txt': 'b'.repeat(1024 * 1024 + 1) },
      catalogNames: './big.txt',
      message: /1 MiB/,
    },
  ),
  fieldProbe(
    '../ in the description',
    'metadata.description',
    e => {
      e.metadata.description = { $text: '../outside/secret.txt' };
    },
    {
      catalogNames: '../outside/secret.txt',
      message: /outside the entity file's folder/,
    },
  ),
  fieldProbe(
    'a NUL byte in the path',
    'spec.contract.odcs',
    e => {
      e.spec.contract.odcs = { $yaml: './contract.odcs.yaml\u0000.txt' };
    },
    { catalogNames: 'NUL', message: /NUL/ },
  ),
];

/** Files that are not one entity per document. */
const documentProbes: EntityProbe[] = [
  {
    name: 'a list document',
    yaml: stringify([product('probe-list')]),
    field: '',
    document: 'list',
    message: /Expected object at root/,
  },
  {
    name: 'a scalar document',
    yaml: 'hello\n',
    field: '',
    document: 'scalar',
    message: /Expected object at root/,
  },
  {
    name: 'an empty file',
    yaml: '',
    field: '',
    document: 'empty',
    message: /empty/,
  },
];

/** The malformed DataProduct files the catalog and lint must both refuse. */
export const ENTITY_PROBES: EntityProbe[] = [
  ...nameProbes,
  ...metadataProbes,
  ...specProbes,
  ...placeholderProbes,
  ...documentProbes,
];

/** A valid product beside the probes: served, so the catalog did process the files. */
export const CONTROL_YAML = stringify(product('probe-control'));
