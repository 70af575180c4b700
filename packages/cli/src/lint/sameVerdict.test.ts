import fs from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_POLICY,
  StockroomPolicy,
  judgeDataProduct,
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
import { resolvePlaceholders } from './resolvePlaceholders';

/*
 * The CLI must never differ from the catalog processor. The processor
 * rejects an entity on `judgeDataProduct(...).blocking` (schema problems,
 * unusable ODCS parts, blocking rule findings); this suite computes that
 * verdict straight from the engine and asserts that `stockroom lint` reports
 * exactly it — findings, order, state, expiry and exit code — for every
 * example and a set of broken variants, on several days and policies.
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

interface Expected {
  state: string | null;
  expiresOn: string | null;
  findings: unknown[];
  blocked: boolean;
}

/** The catalog processor's verdict, from the engine alone. */
/**
 * What the catalog processor concludes: it calls judgeDataProduct (see
 * DataProductProcessor), rejecting `blocking` and showing the rest.
 */
function processorVerdict(
  entity: unknown,
  policy: StockroomPolicy,
  now: Date,
): Expected {
  const judgement = judgeDataProduct(entity, policy, now);
  return {
    state: judgement.state,
    expiresOn: judgement.expiresOn,
    findings: judgement.findings,
    blocked: judgement.blocking.length > 0,
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

describe('stockroom lint gives the catalog processor’s verdict', () => {
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
        .map((entity: any) => ({
          file: name,
          // the processor sees the entity after placeholder resolution
          entity: resolvePlaceholders(entity, path.join(cwd, name))
            .entity as any,
        })),
    );

  it('covers blocking, warning, schema and clean cases', () => {
    const verdicts = entities.map(({ entity }) =>
      processorVerdict(entity, DEFAULT_POLICY, parseIsoDate('2026-11-25')!),
    );
    expect(verdicts.some(v => v.state === null)).toBe(true);
    expect(verdicts.some(v => v.blocked && v.state !== null)).toBe(true);
    expect(verdicts.some(v => !v.blocked && v.findings.length > 0)).toBe(true);
    expect(verdicts.some(v => v.findings.length === 0)).toBe(true);
  });

  describe.each([
    ['default policy', undefined],
    ['a custom policy', 'app-config.strict.yaml'],
  ])('with the %s', (_, config) => {
    const policy = config
      ? policyFromConfig(parse(STRICT_CONFIG).stockroom)
      : DEFAULT_POLICY;

    it.each(DAYS)('on %s', async day => {
      const now = parseIsoDate(day)!;
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
      for (const { file, entity } of entities) {
        const expected = processorVerdict(entity, policy, now);
        anyBlocked ||= expected.blocked;
        const actual = results.find(
          (r: any) =>
            r.file === file && r.entityRef.endsWith(`/${entity.metadata.name}`),
        );
        expect({ file, ...actual }).toEqual({
          file,
          entityRef: `dataproduct:default/${entity.metadata.name}`,
          state: expected.state,
          expiresOn: expected.expiresOn,
          findings: expected.findings,
        });
      }
      expect(code).toBe(anyBlocked ? 1 : 0);
    });
  });

  it.each(Object.keys(VARIANTS))(
    'exits 1 exactly when the processor would reject %s',
    async name => {
      const { code } = await runCli(
        ['lint', `variants/${name}.yaml`, '--now', '2026-11-25'],
        {
          cwd,
        },
      );
      const { entity } = entities.find(
        e => e.file === `variants/${name}.yaml`,
      )!;
      const expected = processorVerdict(
        entity,
        DEFAULT_POLICY,
        parseIsoDate('2026-11-25')!,
      );
      expect(code).toBe(expected.blocked ? 1 : 0);
    },
  );
});
