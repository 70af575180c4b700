import { CORE_ENTITY, coreEntityWith } from './fixtures';

/*
 * Entities the catalog checks before any kind processor sees them: the
 * envelope and metadata formats of @backstage/catalog-model. Each case is
 * CORE_ENTITY (valid, blocked by nothing) with one edit. The expected
 * findings are written out by hand from the catalog's rules
 * (KubernetesValidatorFunctions, makeValidator's tag rule, the Entity JSON
 * schema) and the wording of FieldFormatEntityPolicy,
 * SchemaValidEntityPolicy and NoForeignRootFieldsEntityPolicy.
 *
 * Used twice: lintEntityFindings.test.ts asserts the CLI's findings, and
 * catalogParity.test.ts asserts the real catalog's accept/reject agrees.
 */

export interface EntityCase {
  name: string;
  yaml: string;
  /** The `entity` findings lint must report, in order; [] for a valid case. */
  findings: Array<{ path: string; message: string }>;
}

const NAME_RULE =
  'a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total';
const NAMESPACE_RULE =
  'a string that is sequences of [a-z0-9] separated by [-], at most 63 characters in total';
const TAG_RULE =
  'a string that is sequences of [a-z0-9+#] separated by [-], at most 63 characters in total';
const PREFIX_RULE = 'a valid prefix and/or suffix';

const NAME_64 = `orders-core-${'x'.repeat(52)}`; // 12 + 52 = 64 characters
const NAME_63 = `orders-core-${'x'.repeat(51)}`;
const VALUE_64 = 'g'.repeat(64);
const VALUE_63 = 'g'.repeat(63);

const named = (name: string) =>
  coreEntityWith('  name: orders-core\n', `  name: ${name}\n`);
/** CORE_ENTITY with more lines under `metadata:` (after its description). */
const withMetadata = (lines: string) =>
  coreEntityWith(
    '  description: One row per order.\n',
    `  description: One row per order.\n${lines}`,
  );

export const INVALID_ENTITY_CASES: EntityCase[] = [
  {
    name: 'a name with a space',
    yaml: named('orders core'),
    findings: [
      {
        path: 'metadata.name',
        message: `"metadata.name" is not valid; expected ${NAME_RULE} but found "orders core".`,
      },
    ],
  },
  {
    name: 'a 64-character name',
    yaml: named(NAME_64),
    findings: [
      {
        path: 'metadata.name',
        message: `"metadata.name" is not valid; expected ${NAME_RULE} but found "${NAME_64}".`,
      },
    ],
  },
  {
    name: 'a namespace with capitals and _',
    yaml: withMetadata('  namespace: Commerce_Team\n'),
    findings: [
      {
        path: 'metadata.namespace',
        message: `"metadata.namespace" is not valid; expected ${NAMESPACE_RULE} but found "Commerce_Team".`,
      },
    ],
  },
  {
    name: 'a label key with a space',
    yaml: withMetadata('  labels:\n    bad key: gold\n'),
    findings: [
      {
        path: 'metadata.labels["bad key"]',
        message: `"labels.bad key" is not valid; expected ${PREFIX_RULE} but found "bad key".`,
      },
    ],
  },
  {
    name: 'a 64-character label value',
    yaml: withMetadata(`  labels:\n    stockroom.io/tier: ${VALUE_64}\n`),
    findings: [
      {
        path: 'metadata.labels["stockroom.io/tier"]',
        message: `"labels.stockroom.io/tier" is not valid; expected ${NAME_RULE} but found "${VALUE_64}".`,
      },
    ],
  },
  {
    // YAML reads `1` as a number; the Entity JSON schema wants strings
    name: 'a label value that is a number',
    yaml: withMetadata('  labels:\n    tier: 1\n'),
    findings: [
      {
        path: 'metadata.labels.tier',
        message: 'Malformed envelope, /metadata/labels/tier must be string',
      },
    ],
  },
  {
    name: 'an upper-case tag',
    yaml: withMetadata('  tags: [orders, Sales]\n'),
    findings: [
      {
        path: 'metadata.tags[1]',
        message: `"tags.1" is not valid; expected ${TAG_RULE} but found "Sales".`,
      },
    ],
  },
  {
    name: 'a tag with _',
    yaml: withMetadata('  tags: [sales_team]\n'),
    findings: [
      {
        path: 'metadata.tags[0]',
        message: `"tags.0" is not valid; expected ${TAG_RULE} but found "sales_team".`,
      },
    ],
  },
  {
    name: 'an annotation key whose prefix is not a DNS name',
    yaml: withMetadata('  annotations:\n    Stockroom.IO/team: commerce\n'),
    findings: [
      {
        path: 'metadata.annotations["Stockroom.IO/team"]',
        message: `"annotations.Stockroom.IO/team" is not valid; expected ${PREFIX_RULE} but found "Stockroom.IO/team".`,
      },
    ],
  },
  {
    name: 'an annotation key with two slashes',
    yaml: withMetadata('  annotations:\n    stockroom.io/team/lead: ada\n'),
    findings: [
      {
        path: 'metadata.annotations["stockroom.io/team/lead"]',
        message: `"annotations.stockroom.io/team/lead" is not valid; expected ${PREFIX_RULE} but found "stockroom.io/team/lead".`,
      },
    ],
  },
  {
    name: 'an unknown root field (spek: for spec:)',
    yaml: coreEntityWith('\nspec:\n', '\nspek:\n'),
    // The Entity schema (root additionalProperties: false) is checked
    // first and does not name the field; NoForeignRootFieldsEntityPolicy does.
    findings: [
      {
        path: 'spek',
        message:
          'Malformed envelope, <root> must NOT have additional properties (Unknown field spek)',
      },
    ],
  },
  {
    // The catalog stops at the first problem; lint reports every one, in
    // the catalog's order, so the owner fixes them in one round.
    name: 'a bad name and a bad tag at once',
    yaml: named('orders core').replace(
      '  description: One row per order.\n',
      '  description: One row per order.\n  tags: [Sales]\n',
    ),
    findings: [
      {
        path: 'metadata.name',
        message: `"metadata.name" is not valid; expected ${NAME_RULE} but found "orders core".`,
      },
      {
        path: 'metadata.tags[0]',
        message: `"tags.0" is not valid; expected ${TAG_RULE} but found "Sales".`,
      },
    ],
  },
];

export const VALID_ENTITY_CASES: EntityCase[] = [
  { name: 'the plain core entity', yaml: CORE_ENTITY, findings: [] },
  {
    name: 'a name with -, _ and . and capitals',
    yaml: named('Orders_core.v2-eu'),
    findings: [],
  },
  { name: 'a 63-character name', yaml: named(NAME_63), findings: [] },
  {
    name: 'a lower-case namespace',
    yaml: withMetadata('  namespace: commerce-team\n'),
    findings: [],
  },
  {
    name: 'prefixed and plain label keys, a 63-character and an empty value',
    yaml: withMetadata(
      `  labels:\n    stockroom.io/tier: ${VALUE_63}\n    team: ""\n`,
    ),
    findings: [],
  },
  {
    // `#`, `+` and `:` are allowed in tags
    name: 'tags with #, + and :',
    yaml: withMetadata('  tags: ["c#", c++, "team:data", orders-2026]\n'),
    findings: [],
  },
  {
    name: 'prefixed annotation keys',
    yaml: withMetadata(
      '  annotations:\n    openlineage.io/dataset: snowflake://acme/DB.ORDERS\n    backstage.io/techdocs-ref: dir:.\n',
    ),
    findings: [],
  },
];

/**
 * Not entity-format problems, but refs the DataProduct kind checks itself;
 * in the parity test so that "lint and catalog agree" covers them too.
 */
export const REF_CASES: Array<{ name: string; yaml: string }> = [
  {
    name: 'an owner ref with a space',
    yaml: coreEntityWith(
      'owner: group:commerce-eng',
      'owner: "group:commerce eng"',
    ),
  },
  {
    name: 'an owner ref with a capitalised namespace',
    yaml: coreEntityWith(
      'owner: group:commerce-eng',
      'owner: group:Commerce/commerce-eng',
    ),
  },
  {
    name: 'an upstream ref to a 64-character name',
    yaml: coreEntityWith(
      '    escalation:\n',
      `    lineage:\n      upstreams: [dataproduct:${NAME_64}]\n    escalation:\n`,
    ),
  },
];
