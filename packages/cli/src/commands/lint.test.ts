import fs from 'node:fs';
import path from 'node:path';
import {
  COMPONENT,
  CONVENIENCE_VIEW,
  CORE_ENTITY,
  SHARED_MART,
  coreEntityWith,
} from '../__testUtils__/fixtures';
import { runCli, tempDir } from '../__testUtils__/runCli';

const NOW = ['--now', '2026-11-25'];
const json = (stdout: string) => JSON.parse(stdout).results;

describe('stockroom lint', () => {
  describe('verdicts', () => {
    it('exits 0 and reports the state when nothing blocks', async () => {
      const cwd = tempDir({ 'catalog-info.yaml': CORE_ENTITY });
      const { code, stdout } = await runCli(
        ['lint', 'catalog-info.yaml', '--format', 'json', ...NOW],
        { cwd },
      );
      expect(code).toBe(0);
      expect(json(stdout)).toEqual([
        {
          file: 'catalog-info.yaml',
          entityRef: 'dataproduct:default/orders-core',
          state: 'active',
          expiresOn: null,
          findings: [],
        },
      ]);
    });

    it('exits 1 on a blocking rule finding, with its rule, path and fix', async () => {
      const cwd = tempDir({
        'catalog-info.yaml': coreEntityWith('      p99: 45m\n', ''),
      });
      const { code, stdout } = await runCli(
        ['lint', 'catalog-info.yaml', '--format', 'json', ...NOW],
        { cwd },
      );
      expect(code).toBe(1);
      const [result] = json(stdout);
      expect(result.state).toBe('active');
      expect(result.findings).toEqual([
        expect.objectContaining({
          ruleId: 'sla-percentiles',
          severity: 'error',
          path: 'spec.contract.freshness.p99',
          message: expect.stringContaining('p99'),
        }),
      ]);
    });

    it('exits 1 on a schema problem, with state and expiresOn null', async () => {
      const cwd = tempDir({
        'catalog-info.yaml': coreEntityWith('key: primary', 'key: primry'),
      });
      const { code, stdout } = await runCli(
        ['lint', '.', '--format', 'json', ...NOW],
        { cwd },
      );
      expect(code).toBe(1);
      const [result] = json(stdout);
      expect(result).toMatchObject({ state: null, expiresOn: null });
      expect(result.findings).toEqual([
        expect.objectContaining({
          ruleId: 'schema',
          severity: 'error',
          path: 'spec.contract.schema[0].key',
        }),
      ]);
    });

    it('treats a misspelt apiVersion as a schema problem, not as another kind', async () => {
      const cwd = tempDir({
        'catalog-info.yaml': coreEntityWith(
          'stockroom.io/v1alpha1',
          'stockroom.io/v1',
        ),
      });
      const { code, stdout } = await runCli(
        ['lint', '.', '--format', 'json', ...NOW],
        { cwd },
      );
      expect(code).toBe(1);
      expect(json(stdout)[0].findings[0]).toMatchObject({
        ruleId: 'schema',
        path: 'apiVersion',
      });
    });

    it('shows warnings without failing', async () => {
      const cwd = tempDir({
        'mart.yaml': SHARED_MART.replace(
          'reviewedOn: 2026-10-15',
          'reviewedOn: 2026-01-15',
        ),
      });
      const { code, stdout } = await runCli(['lint', '.', ...NOW], { cwd });
      expect(code).toBe(0);
      expect(stdout).toMatch(/warning\s+quarterly-review/);
    });

    it('defaults --now to today (UTC)', async () => {
      const cwd = tempDir({ 'view.yaml': CONVENIENCE_VIEW });
      const on = async (today: string) =>
        json(
          (await runCli(['lint', '.', '--format', 'json'], { cwd, today }))
            .stdout,
        )[0].state;
      expect(await on('2026-11-01')).toBe('active');
      expect(await on('2026-11-15')).toBe('expiring');
      expect(await on('2026-11-29')).toBe('expired');
    });
  });

  describe('inputs', () => {
    it('lints every DataProduct of a multi-document file and skips other kinds', async () => {
      const cwd = tempDir({
        'all.yaml': [COMPONENT, CORE_ENTITY, CONVENIENCE_VIEW].join('---\n'),
      });
      const { code, stdout } = await runCli(
        ['lint', 'all.yaml', '--format', 'json', ...NOW],
        { cwd },
      );
      expect(code).toBe(0);
      expect(json(stdout).map((r: any) => [r.entityRef, r.state])).toEqual([
        ['dataproduct:default/orders-core', 'active'],
        ['dataproduct:default/weekly-cohorts', 'expiring'],
      ]);
    });

    it('walks directories for *.yaml and *.yml, skipping node_modules and hidden folders', async () => {
      const cwd = tempDir({
        'a/one.yaml': CORE_ENTITY,
        'a/b/two.yml': CONVENIENCE_VIEW,
        'a/notes.txt': CORE_ENTITY,
        'a/node_modules/x/three.yaml': SHARED_MART,
        'a/.git/four.yaml': SHARED_MART,
      });
      const { stdout } = await runCli(
        ['lint', 'a', '--format', 'json', ...NOW],
        { cwd },
      );
      expect(json(stdout).map((r: any) => r.file)).toEqual([
        'a/b/two.yml',
        'a/one.yaml',
      ]);
    });

    it('expands quoted globs', async () => {
      const cwd = tempDir({
        'teams/a/catalog-info.yaml': CORE_ENTITY,
        'teams/b/catalog-info.yaml': CONVENIENCE_VIEW,
        'teams/b/other.yaml': SHARED_MART,
      });
      const { stdout } = await runCli(
        ['lint', 'teams/**/catalog-info.yaml', '--format', 'json', ...NOW],
        { cwd },
      );
      expect(json(stdout).map((r: any) => r.file)).toEqual([
        'teams/a/catalog-info.yaml',
        'teams/b/catalog-info.yaml',
      ]);
    });

    it('exits 2 naming a missing file, and still lints the others', async () => {
      const cwd = tempDir({ 'ok.yaml': CORE_ENTITY });
      const { code, stdout, stderr } = await runCli(
        ['lint', 'ok.yaml', 'missing.yaml', '--format', 'json', ...NOW],
        { cwd },
      );
      expect(code).toBe(2);
      expect(stderr).toBe(
        'missing.yaml: error: cannot read: no such file or directory\n',
      );
      expect(json(stdout)).toHaveLength(1);
    });

    it('exits 2 when nothing matches', async () => {
      const cwd = tempDir({ 'readme.md': '# hi' });
      const { code, stderr } = await runCli(['lint', '.', ...NOW], { cwd });
      expect(code).toBe(2);
      expect(stderr).toContain('no *.yaml or *.yml files in this directory');
      expect(stderr).toContain('stockroom: no files to lint');
    });

    it('exits 2 on a path it cannot read, without a stack', async () => {
      const cwd = tempDir({ 'ok.yaml': CORE_ENTITY });
      const { code, stderr } = await runCli(
        ['lint', 'ok.yaml/x.yaml', ...NOW],
        {
          cwd,
        },
      );
      expect(code).toBe(2);
      expect(stderr).toBe(
        'ok.yaml/x.yaml: error: cannot read: a parent of it is not a directory\n' +
          'stockroom: no files to lint\n',
      );
    });

    // Permissions do not apply to root, which CI containers often are.
    (process.getuid?.() === 0 ? describe.skip : describe)('as non-root', () => {
      it('exits 2 on an unreadable file', async () => {
        const cwd = tempDir({
          'locked.yaml': CORE_ENTITY,
          'ok.yaml': CORE_ENTITY,
        });
        fs.chmodSync(path.join(cwd, 'locked.yaml'), 0o000);
        const { code, stdout, stderr } = await runCli(
          ['lint', '.', '--format', 'json', ...NOW],
          { cwd },
        );
        expect(code).toBe(2);
        expect(stderr).toBe(
          'locked.yaml: error: cannot read: permission denied\n',
        );
        expect(JSON.parse(stdout).results).toHaveLength(1);
      });
    });

    it('reports invalid YAML with its line and column (exit 2) and lints the other files', async () => {
      const cwd = tempDir({
        'bad.yaml':
          'apiVersion: stockroom.io/v1alpha1\nkind: DataProduct\nmetadata:\n  name: [unclosed\n  title: x\n',
        'good.yaml': CORE_ENTITY,
      });
      const { code, stdout, stderr } = await runCli(
        ['lint', '.', '--format', 'json', ...NOW],
        { cwd },
      );
      expect(code).toBe(2);
      expect(stderr).toMatch(/^bad\.yaml:\d+:\d+: error: invalid YAML: .+\n$/);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(json(stdout).map((r: any) => r.file)).toEqual(['good.yaml']);
    });

    it('gives the parser line and column of a YAML error', async () => {
      const cwd = tempDir({
        'bad.yaml':
          'apiVersion: stockroom.io/v1alpha1\nkind: DataProduct\nmetadata:\n  name: x\n bad: indentation\n',
      });
      const { code, stderr } = await runCli(['lint', 'bad.yaml', ...NOW], {
        cwd,
      });
      expect(code).toBe(2);
      expect(stderr).toBe(
        'bad.yaml:5:1: error: invalid YAML: All mapping items must start at the same column\n',
      );
    });

    it('notes a named file with no DataProduct and exits 0', async () => {
      const cwd = tempDir({ 'component.yaml': COMPONENT });
      const { code, stdout, stderr } = await runCli(
        ['lint', 'component.yaml', '--format', 'json', ...NOW],
        { cwd },
      );
      expect(code).toBe(0);
      expect(json(stdout)).toEqual([]);
      expect(stderr).toBe(
        'component.yaml: note: no DataProduct documents (1 other document skipped)\n',
      );
    });
  });

  describe('options', () => {
    it.each(['2026-02-30', '25/11/2026', 'tomorrow'])(
      'exits 2 on --now %s',
      async now => {
        const cwd = tempDir({ 'a.yaml': CORE_ENTITY });
        const { code, stdout, stderr } = await runCli(
          ['lint', '.', '--now', now],
          { cwd },
        );
        expect(code).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toBe(
          `stockroom: --now must be a calendar date YYYY-MM-DD (e.g. 2026-11-25), got "${now}"\n`,
        );
      },
    );

    it('applies the stockroom: policy of --config', async () => {
      const cwd = tempDir({
        'view.yaml': CONVENIENCE_VIEW,
        'core.yaml': coreEntityWith('      p99: 45m\n', ''),
        'app-config.yaml': [
          'app: { title: Acme }',
          'stockroom:',
          '  categories:',
          '    convenience-view: { expiryDays: 30, expiringWindowDays: 7 }',
          '    core-entity:',
          '      rules:',
          '        sla-percentiles: warn',
          '',
        ].join('\n'),
      });
      const { code, stdout } = await runCli(
        [
          'lint',
          'view.yaml',
          'core.yaml',
          '--config',
          'app-config.yaml',
          '--format',
          'json',
          ...NOW,
        ],
        { cwd },
      );
      expect(code).toBe(0);
      const [view, core] = json(stdout);
      expect(view).toMatchObject({ state: 'expired', expiresOn: '2026-09-30' });
      expect(core.findings).toEqual([
        expect.objectContaining({
          ruleId: 'sla-percentiles',
          severity: 'warning',
        }),
      ]);
    });

    it('exits 2 on a malformed --config, naming the key', async () => {
      const cwd = tempDir({
        'a.yaml': CORE_ENTITY,
        'app-config.yaml':
          'stockroom:\n  categories:\n    core-entity:\n      rules:\n        semver: warning\n',
      });
      const { code, stdout, stderr } = await runCli(
        ['lint', 'a.yaml', '--config', 'app-config.yaml', ...NOW],
        { cwd },
      );
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain('--config app-config.yaml');
      expect(stderr).toContain('stockroom.categories.core-entity.rules.semver');
      expect(stderr).toContain('block, warn, off');
    });

    it('exits 2 on a --config that is not YAML or not there', async () => {
      const cwd = tempDir({
        'a.yaml': CORE_ENTITY,
        'broken.yaml': 'stockroom:\n  categories: [\n',
      });
      const broken = await runCli(
        ['lint', 'a.yaml', '--config', 'broken.yaml', ...NOW],
        { cwd },
      );
      expect(broken.code).toBe(2);
      expect(broken.stderr).toMatch(
        /^stockroom: --config broken\.yaml:\d+:\d+: invalid YAML/,
      );
      const missing = await runCli(
        ['lint', 'a.yaml', '--config', 'nope.yaml', ...NOW],
        { cwd },
      );
      expect(missing.code).toBe(2);
      expect(missing.stderr).toBe(
        'stockroom: --config nope.yaml: cannot read: no such file or directory\n',
      );
    });
  });

  describe('placeholders', () => {
    it('resolves $text, $yaml and $json relative to the entity file', async () => {
      const cwd = tempDir({
        'team/catalog-info.yaml': coreEntityWith(
          'description: One row per order.',
          'description: { $text: ./docs/description.txt }',
        ).replace(
          '    escalation:',
          '    odcs: { $yaml: ./contracts/orders.odcs.yaml }\n    escalation:',
        ),
        'team/docs/description.txt': 'One row per order, from checkout.',
        'team/contracts/orders.odcs.yaml':
          'apiVersion: v3.1.0\nkind: DataContract\nid: orders\n',
      });
      const { code, stdout } = await runCli(
        ['lint', 'team', '--format', 'json', ...NOW],
        { cwd },
      );
      expect(json(stdout)[0]).toMatchObject({ state: 'active', findings: [] });
      expect(code).toBe(0);
    });

    it('rejects the entity when a placeholder file is missing, naming the field and the file (exit 1)', async () => {
      const cwd = tempDir({
        'catalog-info.yaml': coreEntityWith(
          '    escalation:',
          '    odcs:\n      $yaml: ./orders.odcs.yaml\n    escalation:',
        ),
      });
      const { code, stdout, stderr } = await runCli(
        ['lint', '.', '--format', 'json', ...NOW],
        { cwd },
      );
      expect(code).toBe(1);
      expect(stderr).toBe('');
      const [result] = json(stdout);
      expect(result.state).toBeNull();
      expect(result.findings).toEqual([
        {
          ruleId: 'placeholder',
          severity: 'error',
          path: 'spec.contract.odcs.$yaml',
          message:
            'spec.contract.odcs.$yaml: $yaml file ./orders.odcs.yaml cannot be read (orders.odcs.yaml: no such file or directory)',
          hint: expect.stringContaining('relative to the entity file'),
        },
      ]);
    });

    it('reports a placeholder file that is not valid YAML', async () => {
      const cwd = tempDir({
        'catalog-info.yaml': coreEntityWith(
          '    escalation:',
          '    odcs: { $yaml: ./orders.odcs.yaml }\n    escalation:',
        ),
        'orders.odcs.yaml': 'a: [\n',
      });
      const { code, stdout } = await runCli(
        ['lint', 'catalog-info.yaml', '--format', 'json', ...NOW],
        { cwd },
      );
      expect(code).toBe(1);
      expect(json(stdout)[0].findings[0].message).toMatch(
        /^spec\.contract\.odcs\.\$yaml: \$yaml file \.\/orders\.odcs\.yaml \(orders\.odcs\.yaml\) cannot be parsed: /,
      );
    });

    it('leaves remote placeholders alone with a warning', async () => {
      const cwd = tempDir({
        'catalog-info.yaml': coreEntityWith(
          '    escalation:',
          '    odcs: { $yaml: "https://github.com/acme/x/blob/main/c.yaml" }\n    escalation:',
        ),
      });
      const { code, stdout } = await runCli(
        ['lint', 'catalog-info.yaml', '--format', 'json', ...NOW],
        { cwd },
      );
      expect(code).toBe(0);
      expect(json(stdout)[0].findings).toEqual([
        expect.objectContaining({ ruleId: 'placeholder', severity: 'warning' }),
      ]);
    });
  });

  describe('--format github', () => {
    it('annotates the line of a nested field, or of its nearest parent when the field is missing', async () => {
      const cwd = tempDir({
        'catalog-info.yaml': coreEntityWith(
          '        description: Current status.\n',
          '',
        ).replace('      p99: 45m\n', ''),
      });
      const { code, stdout } = await runCli(
        ['lint', 'catalog-info.yaml', '--format', 'github', ...NOW],
        { cwd },
      );
      expect(code).toBe(1);
      const lines = stdout.trim().split('\n');
      // spec.contract.freshness.p99 is missing → `freshness:` (line 24 once
      // the description line is gone), col 5
      expect(lines).toContainEqual(
        expect.stringMatching(
          /^::error file=catalog-info\.yaml,line=24,col=5,title=stockroom sla-percentiles::spec\.contract\.freshness\.p99 .+ — .+/,
        ),
      );
      // spec.contract.schema[1].description is missing → the item `- name: status`, line 22 col 9
      expect(lines).toContainEqual(
        expect.stringMatching(
          /^::error file=catalog-info\.yaml,line=22,col=9,title=stockroom field-semantics::/,
        ),
      );
      expect(lines[lines.length - 1]).toMatch(
        /^1 data product in 1 file: 1 blocked/,
      );
    });

    it('points a schema finding at the offending value', async () => {
      const cwd = tempDir({
        'catalog-info.yaml': coreEntityWith('key: primary', 'key: primry'),
      });
      const { stdout } = await runCli(
        ['lint', 'catalog-info.yaml', '--format', 'github', ...NOW],
        { cwd },
      );
      expect(stdout).toMatch(
        /^::error file=catalog-info\.yaml,line=20,col=9,title=stockroom schema::/m,
      );
    });

    it('uses ::warning and ::notice for warnings and info, and escapes newlines', async () => {
      const cwd = tempDir({
        'view.yaml': CONVENIENCE_VIEW,
        'bad.yaml': 'a: [\n',
      });
      const { code, stdout } = await runCli(
        ['lint', '.', '--format', 'github', ...NOW],
        { cwd },
      );
      expect(code).toBe(2);
      expect(stdout).toMatch(
        /^::notice file=view\.yaml,line=12,col=5,title=stockroom auto-expiry::/m,
      );
      expect(stdout).toMatch(
        /^::error file=bad\.yaml,line=\d+,col=\d+,title=stockroom input::invalid YAML/m,
      );
      // one line per command: newlines inside messages would end the command
      expect(stdout.trimEnd()).not.toMatch(/\n(?!::|\d+ data product)/);
    });
  });
});
