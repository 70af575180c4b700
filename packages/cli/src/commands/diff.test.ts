import fs from 'node:fs';
import path from 'node:path';
import {
  COMPONENT,
  CORE_ENTITY,
  coreEntityWith,
} from '../__testUtils__/fixtures';
import { runCli, tempDir } from '../__testUtils__/runCli';
import { gitRepo } from '../diff/__testUtils__/gitRepo';

// Real git, real files: each test builds a repository, commits a contract,
// edits the working tree and runs `stockroom diff` in it.
jest.setTimeout(30_000);

/** A shared mart with a schema; line numbers matter to the github tests. */
const MART = `apiVersion: stockroom.io/v1alpha1
kind: DataProduct
metadata:
  name: attribution
spec:
  type: table
  category: shared-mart
  owner: group:marketing-analytics
  version: 2.0.0
  lifecycle:
    stage: active
    createdOn: 2026-01-10
    reviewedOn: 2026-10-15
  contract:
    schema:
      - name: touch_id
        type: string
        description: One marketing touch.
        key: primary
        required: true
      - name: channel
        type: string
        description: Paid, organic or referral.
        classification: internal
      - name: revenue
        type: decimal(18,2)
        description: Attributed revenue in USD.
    freshness: { p95: 2h }
    escalation: { channel: "#marketing-data" }
`;

const CHANNEL = `      - name: channel
        type: string
        description: Paid, organic or referral.
        classification: internal
`;

function martWith(search: string, replace: string): string {
  const text = MART.replace(search, replace);
  if (text === MART) {
    throw new Error(`fixture edit did not apply: ${search}`);
  }
  return text;
}

/** A shared mart whose contract is an ODCS document next to it. */
const ODCS_PRODUCT = `apiVersion: stockroom.io/v1alpha1
kind: DataProduct
metadata:
  name: support-interactions
spec:
  type: table
  category: shared-mart
  owner: group:customer-support-eng
  version: 1.3.0
  lifecycle:
    stage: active
    createdOn: 2025-02-17
  contract:
    odcs:
      $yaml: ./support.odcs.yaml
    lineage:
      upstreams: [resource:zendesk-export]
`;

const ODCS = `apiVersion: v3.1.0
kind: DataContract
id: support-interactions
name: support_interactions
version: 1.3.0
status: active
schema:
  - name: support_interactions
    properties:
      - name: interaction_id
        logicalType: string
        description: UUID of the interaction.
        primaryKey: true
        required: true
      - name: channel
        logicalType: string
        description: How the customer reached us.
      - name: csat_score
        logicalType: integer
        description: Satisfaction 1-5.
slaProperties:
  - { property: latency, value: 4, unit: h }
  - { property: latencyP95, value: 2, unit: h }
support:
  - { channel: "#support-data", tool: slack, scope: interactive }
`;

const ODCS_WITHOUT_CHANNEL = ODCS.replace(
  `      - name: channel
        logicalType: string
        description: How the customer reached us.
`,
  '',
);

async function diffJson(cwd: string, ...args: string[]) {
  const run = await runCli(['diff', '--format', 'json', ...args], { cwd });
  return { ...run, json: run.stdout ? JSON.parse(run.stdout) : undefined };
}

describe('stockroom diff', () => {
  it('fails a shared mart that removes a field without a major bump (needs-major, exit 1)', async () => {
    const repo = gitRepo({ 'attribution.yaml': MART });
    repo.commit('attribution');
    const after = martWith(CHANNEL, '');
    repo.write({ 'attribution.yaml': after });

    const { code, json, stderr } = await diffJson(
      repo.dir,
      '--base',
      'HEAD',
      'attribution.yaml',
    );
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(json).toEqual({
      results: [
        {
          file: 'attribution.yaml',
          entityRef: 'dataproduct:default/attribution',
          fromVersion: '2.0.0',
          toVersion: '2.0.0',
          changes: [
            {
              kind: 'breaking',
              change: 'field-removed',
              path: 'spec.contract.schema[1]',
              message: 'field channel removed (was string)',
            },
          ],
          verdict: 'needs-major',
        },
      ],
    });
  });

  it('passes the same removal with a major bump (ok, exit 0)', async () => {
    const repo = gitRepo({ 'attribution.yaml': MART });
    repo.commit('attribution');
    repo.write({
      'attribution.yaml': martWith(CHANNEL, '').replace(
        'version: 2.0.0',
        'version: 3.0.0',
      ),
    });

    const { code, json } = await diffJson(repo.dir, '--base', 'HEAD');
    expect(code).toBe(0);
    expect(json.results).toMatchObject([
      {
        fromVersion: '2.0.0',
        toVersion: '3.0.0',
        changes: [{ kind: 'breaking', change: 'field-removed' }],
        verdict: 'ok',
      },
    ]);
  });

  it('asks a core entity with a breaking change for a new entity, even after a major bump', async () => {
    const repo = gitRepo({ 'orders-core.yaml': CORE_ENTITY });
    repo.commit('orders-core');
    const after = coreEntityWith(
      / {6}- name: status\n[^]*?description: Current status.\n/,
      '',
    ).replace('version: 1.2.0', 'version: 2.0.0');
    repo.write({ 'orders-core.yaml': after });

    const { code, stdout, stderr } = await runCli(['diff', '--base', 'HEAD'], {
      cwd: repo.dir,
    });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain(
      'dataproduct:default/orders-core  1.2.0 → 2.0.0: NEEDS A NEW ENTITY',
    );
    expect(stdout).toContain(
      'core entities need a new entity (e.g. orders-core-v2) alongside this one, linked by lifecycle.supersedes, with migration.fieldMapping',
    );
    expect(stdout).toMatch(/breaking +field-removed +field status removed/);
    expect(stdout).toContain(
      '1 data product in 1 file compared with HEAD: 0 ok, 0 need a major version, 1 needs a new entity; 1 breaking, 0 non-breaking, 0 notices.',
    );

    const { json } = await diffJson(repo.dir, '--base', 'HEAD');
    // written by hand from the spec: removing a field is breaking, and a
    // core entity publishes a breaking change as a new entity
    expect(json.results[0]).toMatchObject({
      fromVersion: '1.2.0',
      toVersion: '2.0.0',
      changes: [
        {
          kind: 'breaking',
          change: 'field-removed',
          path: 'spec.contract.schema[1]',
          message: 'field status removed (was string)',
        },
      ],
      verdict: 'needs-new-entity',
    });
  });

  it('passes an added field as non-breaking', async () => {
    const repo = gitRepo({ 'attribution.yaml': MART });
    repo.commit('attribution');
    repo.write({
      'attribution.yaml': martWith(
        '    freshness:',
        '      - name: campaign_id\n        type: string\n        description: The campaign.\n    freshness:',
      ).replace('version: 2.0.0', 'version: 2.1.0'),
    });

    const { code, json } = await diffJson(repo.dir, '--base', 'HEAD');
    expect(code).toBe(0);
    expect(json.results).toEqual([
      expect.objectContaining({
        fromVersion: '2.0.0',
        toVersion: '2.1.0',
        changes: [
          {
            kind: 'non-breaking',
            change: 'field-added',
            path: 'spec.contract.schema[3]',
            message: expect.stringContaining('campaign_id'),
          },
        ],
        verdict: 'ok',
      }),
    ]);
  });

  it('reports a classification change as a notice and passes', async () => {
    const repo = gitRepo({ 'attribution.yaml': MART });
    repo.commit('attribution');
    repo.write({
      'attribution.yaml': martWith(
        '        classification: internal',
        '        classification: confidential',
      ),
    });

    const { code, json } = await diffJson(repo.dir, '--base', 'HEAD');
    expect(code).toBe(0);
    expect(json.results[0]).toMatchObject({
      changes: [
        {
          kind: 'notice',
          change: 'classification-changed',
          path: 'spec.contract.schema[1].classification',
        },
      ],
      verdict: 'ok',
    });

    const github = await runCli(
      ['diff', '--base', 'HEAD', '--format', 'github'],
      { cwd: repo.dir },
    );
    expect(github.code).toBe(0);
    expect(github.stdout).toContain(
      '::notice file=attribution.yaml,line=24,col=9,title=stockroom notice classification-changed::field channel classification changed',
    );
  });

  it('compares an ODCS-authored product whose .odcs.yaml changed, reading the base ODCS file from git', async () => {
    const repo = gitRepo({
      'support.yaml': ODCS_PRODUCT,
      'support.odcs.yaml': ODCS,
    });
    repo.commit('support');
    // Only the ODCS document changes; the entity file is untouched.
    repo.write({ 'support.odcs.yaml': ODCS_WITHOUT_CHANNEL });

    const { code, json, stderr } = await diffJson(repo.dir, '--base', 'HEAD');
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(json.results).toEqual([
      {
        file: 'support.yaml',
        entityRef: 'dataproduct:default/support-interactions',
        fromVersion: '1.3.0',
        toVersion: '1.3.0',
        changes: [
          expect.objectContaining({
            kind: 'breaking',
            change: 'field-removed',
            message: expect.stringContaining('channel'),
          }),
        ],
        verdict: 'needs-major',
      },
    ]);

    // Annotated in the ODCS document, beside the deleted property (the next
    // one, csat_score, now at line 15), and the verdict at spec.version.
    const github = await runCli(
      ['diff', '--base', 'HEAD', '--format', 'github'],
      { cwd: repo.dir },
    );
    expect(github.stdout.trim().split('\n')).toEqual([
      '::error file=support.odcs.yaml,line=15,col=9,title=stockroom breaking field-removed::field channel removed (was string)',
      '::error file=support.yaml,line=9,col=3,title=stockroom needs-major::dataproduct:default/support-interactions: a breaking change without a major version bump: set spec.version to 2.0.0 (now 1.3.0)',
      '1 data product in 1 file compared with HEAD: 0 ok, 1 needs a major version, 0 need a new entity; 1 breaking, 0 non-breaking, 0 notices.',
    ]);
  });

  it('puts changes that come from the ODCS document on its lines, explicit overrides on the entity’s', async () => {
    const withOverride = ODCS_PRODUCT.replace(
      '    lineage:',
      '    schema:\n      - name: csat_score\n        type: integer\n    lineage:',
    );
    const repo = gitRepo({
      'support.yaml': withOverride,
      'support.odcs.yaml': ODCS,
    });
    repo.commit('support');
    repo.write({
      // the explicit override changes the type
      'support.yaml': withOverride.replace('type: integer', 'type: smallint'),
      // the ODCS document makes channel required and loosens p95
      'support.odcs.yaml': ODCS.replace(
        '        logicalType: string\n        description: How',
        '        logicalType: string\n        required: true\n        description: How',
      ).replace('latencyP95, value: 2', 'latencyP95, value: 3'),
    });

    const { code, stdout, stderr } = await runCli(['diff', '--base', 'HEAD'], {
      cwd: repo.dir,
    });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout.split('\n').slice(0, 6)).toEqual([
      'support.yaml',
      '  dataproduct:default/support-interactions  1.3.0: NEEDS A MAJOR VERSION',
      '    support.odcs.yaml:17:9 breaking     required-added         field channel required: false → true',
      '    18:9    breaking     type-changed           field csat_score type changed: integer → smallint',
      '    support.odcs.yaml:24:5 breaking     freshness-loosened     freshness p95 loosened: 2h → 3h',
      '    → 3 breaking changes without a major version bump: set spec.version to 2.0.0 (now 1.3.0)',
    ]);
  });

  it('compares an ODCS document changed between two commits', async () => {
    const repo = gitRepo({
      'support.yaml': ODCS_PRODUCT,
      'support.odcs.yaml': ODCS,
    });
    repo.commit('support v1.3');
    repo.write({
      'support.odcs.yaml': ODCS_WITHOUT_CHANNEL.replace(
        'version: 1.3.0',
        'version: 2.0.0',
      ),
      'support.yaml': ODCS_PRODUCT.replace('  version: 1.3.0\n', ''),
    });
    repo.commit('support v2: channel dropped');

    const { code, json } = await diffJson(repo.dir, '--base', 'HEAD~1');
    expect(code).toBe(0);
    expect(json.results).toMatchObject([
      {
        fromVersion: '1.3.0',
        toVersion: '2.0.0',
        changes: [{ change: 'field-removed' }],
        verdict: 'ok',
      },
    ]);
  });

  it('reports but does not fail where the rule is not at block: convenience views by default, any category by --config', async () => {
    const VIEW = `apiVersion: stockroom.io/v1alpha1
kind: DataProduct
metadata:
  name: weekly-cohorts
spec:
  type: view
  category: convenience-view
  owner: group:growth-analytics
  lifecycle:
    stage: active
    createdOn: 2026-06-02
  contract:
    schema:
      - { name: week, type: date, description: Monday of the week. }
      - { name: cohort, type: string, description: Signup month. }
`;
    const repo = gitRepo({ 'view.yaml': VIEW, 'attribution.yaml': MART });
    repo.commit('view and mart');
    repo.write({
      'view.yaml': VIEW.replace(/ {6}- \{ name: cohort.*\n/, ''),
      'attribution.yaml': martWith(CHANNEL, ''),
    });

    const { code, json } = await diffJson(
      repo.dir,
      '--base',
      'HEAD',
      'view.yaml',
    );
    expect(code).toBe(0);
    // the engine's verdict, unchanged
    expect(json.results).toMatchObject([
      {
        entityRef: 'dataproduct:default/weekly-cohorts',
        verdict: 'needs-major',
      },
    ]);
    const text = await runCli(['diff', '--base', 'HEAD', 'view.yaml'], {
      cwd: repo.dir,
    });
    expect(text.stdout).toContain(
      '    (rule breaking-change-needs-major is off for convenience-view: reported, not failing)',
    );

    repo.write({
      'app-config.yaml': `stockroom:
  categories:
    shared-mart:
      rules: { breaking-change-needs-major: warn }
`,
    });
    const github = await runCli(
      [
        'diff',
        '--base',
        'HEAD',
        '--format',
        'github',
        '-c',
        'app-config.yaml',
        'attribution.yaml',
      ],
      { cwd: repo.dir },
    );
    expect(github.code).toBe(0);
    expect(github.stdout).toContain(
      '::warning file=attribution.yaml,line=21,col=9,title=stockroom breaking field-removed::field channel removed',
    );
    expect(github.stdout).toContain(
      '::warning file=attribution.yaml,line=9,col=3,title=stockroom needs-major::dataproduct:default/attribution: a breaking change without a major version bump: set spec.version to 3.0.0 (now 2.0.0) (rule breaking-change-needs-major is warn for shared-mart: reported, not failing)',
    );

    const badConfig = await runCli(
      ['diff', '--base', 'HEAD', '-c', 'missing-config.yaml'],
      { cwd: repo.dir },
    );
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toMatch(/^error: .*missing-config\.yaml.*\n$/);
  });

  it('annotates breaking changes for GitHub at the changed field and the verdict at spec.version', async () => {
    const repo = gitRepo({ 'orders-core.yaml': CORE_ENTITY });
    repo.commit('orders-core');
    repo.write({
      'orders-core.yaml': coreEntityWith(
        '        type: string',
        '        type: integer',
      ),
    });

    const { code, stdout, stderr } = await runCli(
      ['diff', '--base', 'HEAD', '--format', 'github'],
      { cwd: repo.dir },
    );
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout.trim().split('\n')).toEqual([
      '::error file=orders-core.yaml,line=23,col=9,title=stockroom breaking type-changed::field status type changed: string → integer',
      '::error file=orders-core.yaml,line=11,col=3,title=stockroom needs-new-entity::dataproduct:default/orders-core: a breaking change in a core entity: core entities need a new entity (e.g. orders-core-v2) alongside this one, linked by lifecycle.supersedes, with migration.fieldMapping',
      '1 data product in 1 file compared with HEAD: 0 ok, 0 need a major version, 1 needs a new entity; 1 breaking, 0 non-breaking, 0 notices.',
    ]);
  });

  it('annotates a removed field next to where it was', async () => {
    const repo = gitRepo({ 'attribution.yaml': MART });
    repo.commit('attribution');
    repo.write({ 'attribution.yaml': martWith(CHANNEL, '') });

    const { stdout } = await runCli(
      ['diff', '--base', 'HEAD', '--format', 'github'],
      { cwd: repo.dir },
    );
    // `- name: revenue` now stands at line 21, where channel was.
    expect(stdout).toContain(
      '::error file=attribution.yaml,line=21,col=9,title=stockroom breaking field-removed::field channel removed',
    );
    expect(stdout).toContain(
      '::error file=attribution.yaml,line=9,col=3,title=stockroom needs-major::dataproduct:default/attribution: a breaking change without a major version bump: set spec.version to 3.0.0 (now 2.0.0)',
    );
  });

  it('says "new product" for a product that is not at the base ref', async () => {
    const repo = gitRepo({ 'attribution.yaml': MART });
    repo.commit('attribution');
    repo.write({ 'orders-core.yaml': CORE_ENTITY }); // untracked

    const { code, stdout } = await runCli(['diff', '--base', 'HEAD'], {
      cwd: repo.dir,
    });
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'orders-core.yaml',
        '  dataproduct:default/orders-core  new product (1.2.0): ok',
        '',
        '1 data product in 1 file compared with HEAD: 1 ok (1 new), 0 need a major version, 0 need a new entity; 0 breaking, 0 non-breaking, 0 notices.',
        '',
      ].join('\n'),
    );
    const { json } = await diffJson(repo.dir, '--base', 'HEAD');
    expect(json.results).toEqual([
      {
        file: 'orders-core.yaml',
        entityRef: 'dataproduct:default/orders-core',
        fromVersion: null,
        toVersion: '1.2.0',
        changes: [],
        verdict: 'ok',
      },
    ]);
  });

  it('by default compares only changed files that hold a DataProduct: committed, staged, unstaged and untracked', async () => {
    const repo = gitRepo({
      'marts/attribution.yaml': MART,
      'core/orders-core.yaml': CORE_ENTITY,
      'unchanged.yaml': MART.replace('name: attribution', 'name: untouched'),
      'components.yaml': COMPONENT,
    });
    repo.commit('base');
    repo.git('tag', 'base');
    // committed after the base
    repo.write({
      'marts/attribution.yaml': martWith(
        '        classification: internal',
        '        classification: pii',
      ),
    });
    repo.commit('reclassify');
    // unstaged
    repo.write({
      'core/orders-core.yaml': CORE_ENTITY.replace(
        'Current status.',
        'Current status of the order.',
      ),
    });
    // untracked, and a changed file without DataProducts
    repo.write({
      'new/view.yaml': MART.replace('name: attribution', 'name: brand-new'),
      'components.yaml': COMPONENT.replace('checkout', 'checkout-v2'),
    });

    const { code, json, stderr } = await diffJson(repo.dir, '--base', 'base');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(
      json.results.map((r: any) => [r.file, r.entityRef, r.changes.length]),
    ).toEqual([
      ['core/orders-core.yaml', 'dataproduct:default/orders-core', 1],
      ['marts/attribution.yaml', 'dataproduct:default/attribution', 1],
      ['new/view.yaml', 'dataproduct:default/brand-new', 0],
    ]);
  });

  it('names files relative to the working directory and scopes the default to it', async () => {
    const repo = gitRepo({
      'teams/marketing/attribution.yaml': MART,
      'teams/commerce/orders-core.yaml': CORE_ENTITY,
    });
    repo.commit('base');
    repo.write({
      'teams/marketing/attribution.yaml': martWith(CHANNEL, ''),
      'teams/commerce/orders-core.yaml': coreEntityWith(
        'type: string',
        'type: text',
      ),
    });

    const { code, json } = await diffJson(
      path.join(repo.dir, 'teams/marketing'),
      '--base',
      'HEAD',
    );
    expect(code).toBe(1);
    expect(json.results.map((r: any) => [r.file, r.verdict])).toEqual([
      ['attribution.yaml', 'needs-major'],
    ]);
  });

  it('follows a staged rename to the old path at the base', async () => {
    const repo = gitRepo({ 'attribution.yaml': MART });
    repo.commit('attribution');
    repo.git('mv', 'attribution.yaml', 'marts-attribution.yaml');
    repo.write({ 'marts-attribution.yaml': martWith(CHANNEL, '') });

    const { code, json } = await diffJson(repo.dir, '--base', 'HEAD');
    expect(code).toBe(1);
    expect(json.results).toMatchObject([
      { file: 'marts-attribution.yaml', verdict: 'needs-major' },
    ]);
    const named = await diffJson(
      repo.dir,
      '--base',
      'HEAD',
      'marts-attribution.yaml',
    );
    expect(named.json.results).toMatchObject([{ verdict: 'needs-major' }]);
  });

  it('matches products by entity ref within a multi-document file and notes a removed one', async () => {
    const second = MART.replace('name: attribution', 'name: attribution-eu');
    const repo = gitRepo({ 'marts.yaml': `${MART}---\n${second}` });
    repo.commit('two marts');
    // order swapped, the first one gone, the second one unchanged
    repo.write({ 'marts.yaml': `${COMPONENT}---\n${second}` });

    const { code, json, stderr } = await diffJson(repo.dir, '--base', 'HEAD');
    expect(code).toBe(0);
    expect(json.results).toMatchObject([
      {
        entityRef: 'dataproduct:default/attribution-eu',
        changes: [],
        verdict: 'ok',
      },
    ]);
    expect(stderr).toContain(
      'marts.yaml: note: dataproduct:default/attribution was in this file at HEAD and is not any more',
    );
  });

  it('prints nothing to compare when no DataProduct changed', async () => {
    const repo = gitRepo({ 'attribution.yaml': MART });
    repo.commit('attribution');
    const { code, stdout, stderr } = await runCli(['diff', '--base', 'HEAD'], {
      cwd: repo.dir,
    });
    expect(code).toBe(0);
    expect(stdout).toContain('0 data products in 0 files compared with HEAD');
    expect(stderr).toContain(
      'note: no changed file holds a DataProduct since HEAD',
    );
  });

  describe('usage and input errors (exit 2, one line, no stack)', () => {
    it('an unknown ref', async () => {
      const repo = gitRepo({ 'attribution.yaml': MART });
      repo.commit('attribution');
      const { code, stdout, stderr } = await runCli(
        ['diff', '--base', 'nope'],
        { cwd: repo.dir },
      );
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe('error: git ref "nope" not found\n');

      const github = await runCli(
        ['diff', '--base', 'origin/main', '--format', 'github'],
        { cwd: repo.dir },
      );
      expect(github.code).toBe(2);
      expect(github.stdout).toBe(
        '::error title=stockroom diff::git ref "origin/main" not found\n',
      );
    });

    it('a ref in a repository without commits', async () => {
      const repo = gitRepo({ 'attribution.yaml': MART });
      const { code, stderr } = await runCli(['diff', '--base', 'HEAD'], {
        cwd: repo.dir,
      });
      expect(code).toBe(2);
      expect(stderr).toBe('error: git ref "HEAD" not found\n');
    });

    it('a ref that looks like an option is still a ref', async () => {
      const repo = gitRepo({ 'attribution.yaml': MART });
      repo.commit('attribution');
      const { code, stderr } = await runCli(
        ['diff', '--base=--output=/tmp/x'],
        { cwd: repo.dir },
      );
      expect(code).toBe(2);
      expect(stderr).toBe('error: git ref "--output=/tmp/x" not found\n');
    });

    it('a file that does not exist', async () => {
      const repo = gitRepo({ 'attribution.yaml': MART });
      repo.commit('attribution');
      const { code, stderr } = await runCli(
        ['diff', '--base', 'HEAD', 'missing.yaml'],
        { cwd: repo.dir },
      );
      expect(code).toBe(2);
      expect(stderr).toBe(
        'error: missing.yaml: cannot read: no such file or directory\n',
      );
    });

    it('a file that does not exist, among files that do', async () => {
      const repo = gitRepo({ 'attribution.yaml': MART });
      repo.commit('attribution');
      repo.write({ 'attribution.yaml': martWith(CHANNEL, '') });
      const { code, stdout, stderr } = await runCli(
        ['diff', '--base', 'HEAD', 'attribution.yaml', 'missing.yaml'],
        { cwd: repo.dir },
      );
      // the input error outranks the failed verdict: the answer is incomplete
      expect(code).toBe(2);
      expect(stdout).toContain('NEEDS A MAJOR VERSION');
      expect(stderr).toBe(
        'missing.yaml: error: cannot read: no such file or directory\n',
      );
    });

    it('not a git repository', async () => {
      const cwd = tempDir({ 'attribution.yaml': MART });
      const { code, stderr } = await runCli(
        ['diff', '--base', 'HEAD', 'attribution.yaml'],
        { cwd },
      );
      expect(code).toBe(2);
      expect(stderr).toMatch(/^error: not a git repository: .*\n$/);
    });

    it('invalid YAML in the working tree', async () => {
      const repo = gitRepo({ 'attribution.yaml': MART });
      repo.commit('attribution');
      repo.write({
        'attribution.yaml': MART.replace('  owner:', '  owner: [oops\n  x:'),
      });
      const { code, stderr } = await runCli(['diff', '--base', 'HEAD'], {
        cwd: repo.dir,
      });
      expect(code).toBe(2);
      expect(stderr).toMatch(/^attribution\.yaml:\d+:\d+: error: invalid YAML/);
    });

    it('an ODCS file the working tree no longer has', async () => {
      const repo = gitRepo({
        'support.yaml': ODCS_PRODUCT,
        'support.odcs.yaml': ODCS,
      });
      repo.commit('support');
      repo.remove('support.odcs.yaml');
      const { code, stderr } = await runCli(['diff', '--base', 'HEAD'], {
        cwd: repo.dir,
      });
      expect(code).toBe(2);
      expect(stderr).toContain(
        'support.yaml:15:7: error: dataproduct:default/support-interactions: spec.contract.odcs.$yaml: $yaml file ./support.odcs.yaml cannot be read (support.odcs.yaml: no such file or directory)',
      );
    });

    it('a bad --now or a missing --base', async () => {
      const repo = gitRepo({ 'attribution.yaml': MART });
      repo.commit('attribution');
      const now = await runCli(['diff', '--base', 'HEAD', '--now', 'soon'], {
        cwd: repo.dir,
      });
      expect(now.code).toBe(2);
      expect(now.stderr).toBe(
        'error: --now must be a calendar date YYYY-MM-DD (e.g. 2026-11-25), got "soon"\n',
      );
      // without files to check supersessions in, --base is what is missing
      const noBase = await runCli(['diff'], { cwd: repo.dir });
      expect(noBase.code).toBe(2);
      expect(noBase.stderr).toBe(
        'error: give --base <ref> to compare with git, or the files of a product that supersedes another (with --against <file> when the superseded one is elsewhere)\n',
      );
    });
  });

  it('documents its options and exit codes in --help', async () => {
    const { code, stdout } = await runCli(['diff', '--help']);
    expect(code).toBe(0);
    for (const text of [
      '--base',
      '--format',
      '--now',
      '--config',
      'Exit codes',
    ]) {
      expect(stdout).toContain(text);
    }
  });

  it('leaves the working tree and the index alone', async () => {
    const repo = gitRepo({ 'attribution.yaml': MART });
    repo.commit('attribution');
    repo.write({ 'attribution.yaml': martWith(CHANNEL, '') });
    const status = repo.git('status', '--porcelain');
    await runCli(['diff', '--base', 'HEAD'], { cwd: repo.dir });
    expect(repo.git('status', '--porcelain')).toBe(status);
    expect(
      fs.readFileSync(path.join(repo.dir, 'attribution.yaml'), 'utf8'),
    ).toBe(martWith(CHANNEL, ''));
  });
});
