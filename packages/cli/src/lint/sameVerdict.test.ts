import fs from 'node:fs';
import path from 'node:path';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { PlaceholderProcessor } from '@backstage/plugin-catalog-backend';
import {
  DataProductProcessor,
  InvalidDataProductError,
  placeholderResolvers,
} from '@stockroom/plugin-catalog-backend-module-data-products';
import {
  ANNOTATION_EXPIRES_ON,
  ANNOTATION_FINDINGS,
  DEFAULT_POLICY,
  LABEL_STATE,
  StockroomPolicy,
  parseIsoDate,
  policyFromConfig,
} from '@stockroom/plugin-data-products-common';
import { parse, parseAllDocuments } from 'yaml';
import {
  CONVENIENCE_VIEW,
  CORE_ENTITY,
  SHARED_MART,
  coreEntityWith,
} from '../__testUtils__/fixtures';
import { REPO_ROOT, runCli, tempDir } from '../__testUtils__/runCli';

/*
 * The CLI must never differ from the catalog. This suite runs the catalog's
 * own pieces on every example and a set of broken variants: Backstage's
 * PlaceholderProcessor with our module's resolvers (as the catalog resolves
 * `$yaml` contracts in a file location), then the real DataProductProcessor
 * (validateEntityKind rejects, postProcessEntity writes state, expiry and
 * findings onto the stored entity). `stockroom lint` must report exactly
 * that — the rejection's problems, or the stored state, expiry and
 * findings — and exit 1 exactly when the catalog rejects, on several days
 * and policies.
 */

const EXAMPLES = path.join(REPO_ROOT, 'examples/data-products');

const VARIANTS: Record<string, string> = {
  'core-complete': CORE_ENTITY,
  'core-no-p99': coreEntityWith('      p99: 45m\n', ''),
  'core-p95-above-p99': coreEntityWith('p95: 15m', 'p95: 2h'),
  'core-user-owner': coreEntityWith('group:commerce-eng', 'user:jdoe'),
  'core-no-owner': coreEntityWith('  owner: group:commerce-eng\n', ''),
  'core-no-version': coreEntityWith('  version: 1.2.0\n', ''),
  'core-bad-semver': coreEntityWith('version: 1.2.0', 'version: v1.2'),
  'core-undescribed-field': coreEntityWith(
    '        description: Current status.\n',
    '',
  ),
  'core-no-on-call': coreEntityWith(
    '      onCall: pagerduty:commerce-primary\n',
    '',
  ),
  'core-retired-no-successor': coreEntityWith(
    'stage: active',
    'stage: retired',
  ),
  'core-deprecated-bare': coreEntityWith('stage: active', 'stage: deprecated'),
  'core-deprecated-sunset-soon': coreEntityWith(
    'stage: active',
    'stage: deprecated\n    sunsetOn: 2026-12-01\n    successor: dataproduct:orders-core-v2',
  ),
  'core-unknown-field': coreEntityWith(
    '  type: table',
    '  type: table\n  tier: gold',
  ),
  'core-bad-date': coreEntityWith(
    'createdOn: 2026-01-10',
    'createdOn: 2026-02-30',
  ),
  'core-unknown-category': coreEntityWith(
    'category: core-entity',
    'category: gold',
  ),
  view: CONVENIENCE_VIEW,
  'view-no-dates': CONVENIENCE_VIEW.replace(
    / {4}(createdOn|renewedOn):.*\n/g,
    '',
  ),
  'view-retired': CONVENIENCE_VIEW.replace('stage: active', 'stage: retired'),
  mart: SHARED_MART,
  'mart-overdue': SHARED_MART.replace('2026-10-15', '2026-01-15'),
  'mart-bare': SHARED_MART.replace(
    / {4}(freshness|escalation):.*\n/g,
    '',
  ).replace('  version: 2.0.0\n', ''),
};

const DAYS = ['2026-11-25', '2026-06-01', '2027-03-01'];

const STRICT_CONFIG = `stockroom:
  categories:
    shared-mart:
      rules: { sla-percentiles: block, semver: block, quarterly-review: block }
    convenience-view: { expiryDays: 30, expiringWindowDays: 10 }
    core-entity:
      rules: { field-semantics: warn, owner-is-group: "off" }
`;

/** What the catalog concludes about one entity. */
type CatalogVerdict =
  | { blocked: true; problems: unknown[] }
  | {
      blocked: false;
      state: string | null;
      expiresOn: string | null;
      findings: unknown[];
    };

const refuseUrlRead = async (): Promise<never> => {
  // file locations read through our resolvers; a URL read here is a test bug
  throw new Error('the parity suite reads files only');
};

const placeholders = new PlaceholderProcessor({
  resolvers: placeholderResolvers,
  reader: {
    readUrl: refuseUrlRead,
    readTree: refuseUrlRead,
    search: refuseUrlRead,
  } as UrlReaderService,
  integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
});

async function catalogVerdict(
  raw: unknown,
  file: string,
  policy: StockroomPolicy,
  now: Date,
): Promise<CatalogVerdict> {
  const location = { type: 'file', target: file };
  const entity = await placeholders.preProcessEntity(
    // a copy made in this realm: structuredClone's objects come from Node's
    // realm under Jest, and the catalog's placeholder walk skips them
    JSON.parse(JSON.stringify(raw)),
    location,
    () => {},
  );
  const processor = new DataProductProcessor({ policy, clock: () => now });
  try {
    await processor.validateEntityKind(entity);
  } catch (error) {
    if (!(error instanceof InvalidDataProductError)) throw error;
    return { blocked: true, problems: error.problems };
  }
  const stored = await processor.postProcessEntity(entity, location, () => {});
  const annotations = stored.metadata.annotations ?? {};
  return {
    blocked: false,
    state: stored.metadata.labels?.[LABEL_STATE] ?? null,
    expiresOn: annotations[ANNOTATION_EXPIRES_ON] ?? null,
    findings: JSON.parse(annotations[ANNOTATION_FINDINGS] ?? '[]'),
  };
}

/** What lint reports, in the catalog's terms. */
function lintVerdict(result: any): CatalogVerdict {
  const errors = result.findings.filter((f: any) => f.severity === 'error');
  return errors.length > 0
    ? { blocked: true, problems: errors }
    : {
        blocked: false,
        state: result.state,
        expiresOn: result.expiresOn,
        findings: result.findings,
      };
}

function fixtureFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of fs.readdirSync(EXAMPLES)) {
    files[`examples/${name}`] = fs.readFileSync(
      path.join(EXAMPLES, name),
      'utf8',
    );
  }
  for (const [name, text] of Object.entries(VARIANTS)) {
    files[`variants/${name}.yaml`] = text;
  }
  files['app-config.strict.yaml'] = STRICT_CONFIG;
  return files;
}

describe('stockroom lint gives the catalog’s verdict', () => {
  const files = fixtureFiles();
  const cwd = tempDir(files);
  const entities = Object.entries(files)
    .filter(
      ([name]) => name.endsWith('.yaml') && !name.startsWith('app-config'),
    )
    .flatMap(([name, text]) =>
      parseAllDocuments(text)
        .map(d => d.toJSON())
        .filter(e => e?.kind === 'DataProduct')
        .map((entity: any) => ({ file: name, entity })),
    );
  const verdictOf =
    ({ file, entity }: { file: string; entity: unknown }) =>
    (policy: StockroomPolicy, day: string) =>
      catalogVerdict(entity, path.join(cwd, file), policy, parseIsoDate(day)!);

  it('covers rejected, warned and clean cases', async () => {
    const verdicts = await Promise.all(
      entities.map(e => verdictOf(e)(DEFAULT_POLICY, '2026-11-25')),
    );
    expect(verdicts.some(v => v.blocked)).toBe(true);
    expect(verdicts.some(v => !v.blocked && v.findings.length > 0)).toBe(true);
    expect(verdicts.some(v => !v.blocked && v.findings.length === 0)).toBe(
      true,
    );
    expect(verdicts.some(v => !v.blocked && v.expiresOn !== null)).toBe(true);
  });

  describe.each([
    ['default policy', undefined],
    ['a custom policy', 'app-config.strict.yaml'],
  ])('with the %s', (_, config) => {
    const policy = config
      ? policyFromConfig(parse(STRICT_CONFIG).stockroom)
      : DEFAULT_POLICY;

    it.each(DAYS)('on %s', async day => {
      const { code, stdout } = await runCli(
        [
          'lint',
          'examples',
          'variants',
          '--format',
          'json',
          '--now',
          day,
          ...(config ? ['--config', config] : []),
        ],
        { cwd },
      );
      const results = JSON.parse(stdout).results;
      expect(results).toHaveLength(entities.length);
      let anyBlocked = false;
      for (const product of entities) {
        const { file, entity } = product;
        const expected = await verdictOf(product)(policy, day);
        anyBlocked ||= expected.blocked;
        const actual = results.find(
          (r: any) =>
            r.file === file && r.entityRef.endsWith(`/${entity.metadata.name}`),
        );
        expect(actual?.entityRef).toBe(
          `dataproduct:default/${entity.metadata.name}`,
        );
        expect({ file, ...lintVerdict(actual) }).toEqual({
          file,
          ...expected,
        });
      }
      expect(code).toBe(anyBlocked ? 1 : 0);
    });
  });

  it.each(Object.keys(VARIANTS))(
    'exits 1 exactly when the catalog would reject %s',
    async name => {
      const { code } = await runCli(
        ['lint', `variants/${name}.yaml`, '--now', '2026-11-25'],
        { cwd },
      );
      const product = entities.find(e => e.file === `variants/${name}.yaml`)!;
      const expected = await verdictOf(product)(DEFAULT_POLICY, '2026-11-25');
      expect(code).toBe(expected.blocked ? 1 : 0);
    },
  );
});
