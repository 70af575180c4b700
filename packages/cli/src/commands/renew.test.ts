import fs from 'node:fs';
import path from 'node:path';
import {
  COMPONENT,
  CONVENIENCE_VIEW,
  CORE_ENTITY,
  SHARED_MART,
} from '../__testUtils__/fixtures';
import { REPO_ROOT, runCli, tempDir } from '../__testUtils__/runCli';

const read = (dir: string, file: string) =>
  fs.readFileSync(path.join(dir, file), 'utf8');

/** The lines of `after` that differ from `before` (same line count assumed unless inserted). */
function lineDiff(before: string, after: string) {
  const a = before.split('\n');
  const b = after.split('\n');
  const changed = b.filter((line, i) => line !== a[i]);
  return { changed, added: b.length - a.length };
}

describe('stockroom renew', () => {
  it('replaces renewedOn and changes no other byte of the file', async () => {
    const cwd = tempDir({ 'view.yaml': CONVENIENCE_VIEW });
    const { code, stdout, stderr } = await runCli(
      ['renew', 'view.yaml', '--on', '2026-11-20'],
      { cwd },
    );
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const after = read(cwd, 'view.yaml');
    expect(after).toBe(
      CONVENIENCE_VIEW.replace(
        '    renewedOn: 2026-08-31      # + 90 days',
        '    renewedOn: 2026-11-20      # + 90 days',
      ),
    );
    expect(lineDiff(CONVENIENCE_VIEW, after)).toEqual({
      changed: ['    renewedOn: 2026-11-20      # + 90 days = 2026-11-29'],
      added: 0,
    });
    expect(stdout).toBe(
      'Renewed dataproduct:default/weekly-cohorts in view.yaml: spec.lifecycle.renewedOn 2026-08-31 → 2026-11-20.\n' +
        'Expires on 2027-02-18; state on 2026-11-25: active.\n',
    );
  });

  it('defaults to today (UTC)', async () => {
    const cwd = tempDir({ 'view.yaml': CONVENIENCE_VIEW });
    const { code } = await runCli(['renew', 'view.yaml'], {
      cwd,
      today: '2026-12-02',
    });
    expect(code).toBe(0);
    expect(read(cwd, 'view.yaml')).toContain(
      '    renewedOn: 2026-12-02      # + 90',
    );
  });

  it('inserts renewedOn after stage: when absent, keeping everything else', async () => {
    const original = fs.readFileSync(
      path.join(
        REPO_ROOT,
        'examples/data-products/campaign-spend-q1-adhoc.yaml',
      ),
      'utf8',
    );
    const cwd = tempDir({ 'campaign.yaml': original });
    const { code, stdout } = await runCli(
      ['renew', 'campaign.yaml', '--on', '2026-11-25'],
      { cwd },
    );
    expect(code).toBe(0);
    const after = read(cwd, 'campaign.yaml');
    const lines = after.split('\n');
    const at = lines.indexOf('    renewedOn: 2026-11-25');
    expect(lines[at - 1]).toBe('    stage: active');
    // removing the inserted line gives the original back, byte for byte
    expect([...lines.slice(0, at), ...lines.slice(at + 1)].join('\n')).toBe(
      original,
    );
    expect(stdout).toContain('spec.lifecycle.renewedOn set to 2026-11-25.');
    expect(stdout).toContain(
      'Expires on 2027-02-23; state on 2026-11-25: active.',
    );
  });

  it('lints clean after renewing an expired view', async () => {
    const cwd = tempDir({
      'campaign.yaml': fs.readFileSync(
        path.join(
          REPO_ROOT,
          'examples/data-products/campaign-spend-q1-adhoc.yaml',
        ),
        'utf8',
      ),
    });
    await runCli(['renew', 'campaign.yaml'], { cwd });
    const { code, stdout } = await runCli(
      ['lint', 'campaign.yaml', '--format', 'json'],
      { cwd },
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).results[0]).toMatchObject({
      state: 'active',
      expiresOn: '2027-02-23',
      findings: [],
    });
  });

  describe('multi-document files', () => {
    const file = [
      COMPONENT,
      CONVENIENCE_VIEW,
      CONVENIENCE_VIEW.replace('weekly-cohorts', 'daily-cohorts'),
    ].join('---\n');

    it('asks for --name, listing the products, when there are several (exit 2)', async () => {
      const cwd = tempDir({ 'all.yaml': file });
      const { code, stderr } = await runCli(['renew', 'all.yaml'], { cwd });
      expect(code).toBe(2);
      expect(stderr).toBe(
        'stockroom: all.yaml has 2 DataProducts; pick one with --name: weekly-cohorts, daily-cohorts\n',
      );
      expect(read(cwd, 'all.yaml')).toBe(file);
    });

    it('renews the one --name picks and nothing else', async () => {
      const cwd = tempDir({ 'all.yaml': file });
      const { code } = await runCli(
        ['renew', 'all.yaml', '--name', 'daily-cohorts', '--on', '2026-11-25'],
        { cwd },
      );
      expect(code).toBe(0);
      const after = read(cwd, 'all.yaml');
      const at = after.lastIndexOf('renewedOn: 2026-11-25');
      expect(at).toBeGreaterThan(after.indexOf('name: daily-cohorts'));
      expect(
        after.slice(0, at) +
          after.slice(at).replace('2026-11-25', '2026-08-31'),
      ).toBe(file);
    });

    it('lists the names when --name matches none', async () => {
      const cwd = tempDir({ 'all.yaml': file });
      const { code, stderr } = await runCli(
        ['renew', 'all.yaml', '--name', 'nope'],
        { cwd },
      );
      expect(code).toBe(2);
      expect(stderr).toBe(
        'stockroom: all.yaml has no DataProduct named "nope"; it has: weekly-cohorts, daily-cohorts\n',
      );
    });
  });

  it('warns for other categories but still writes', async () => {
    const cwd = tempDir({ 'mart.yaml': SHARED_MART, 'core.yaml': CORE_ENTITY });
    const { code, stdout, stderr } = await runCli(
      ['renew', 'mart.yaml', '--on', '2026-11-25'],
      { cwd },
    );
    expect(code).toBe(0);
    expect(stderr).toBe(
      'warning: dataproduct:default/attribution is a shared-mart, which does not expire (rule auto-expiry is off for it); writing renewedOn anyway\n',
    );
    expect(stdout).toContain('It does not expire');
  });

  it('renews without a warning where the policy makes the category expire', async () => {
    const cwd = tempDir({
      'mart.yaml': SHARED_MART,
      'app-config.yaml':
        'stockroom:\n  categories:\n    shared-mart:\n      rules: { auto-expiry: warn }\n',
    });
    const { code, stdout, stderr } = await runCli(
      [
        'renew',
        'mart.yaml',
        '--on',
        '2026-11-25',
        '--config',
        'app-config.yaml',
      ],
      { cwd },
    );
    expect(code).toBe(0);
    expect(stderr).toBe('');
    // renewed 2026-11-25 + 90 days (the default expiryDays)
    expect(stdout).toContain('Expires on 2027-02-23');
    expect(read(cwd, 'mart.yaml')).toContain(
      '    stage: active\n    renewedOn: 2026-11-25\n    createdOn',
    );
  });

  it('changes nothing when renewedOn is already that date', async () => {
    const cwd = tempDir({ 'view.yaml': CONVENIENCE_VIEW });
    const { code, stdout } = await runCli(
      ['renew', 'view.yaml', '--on', '2026-08-31'],
      { cwd },
    );
    expect(code).toBe(0);
    expect(stdout).toContain(
      'renewedOn is already 2026-08-31; nothing to change.',
    );
    expect(read(cwd, 'view.yaml')).toBe(CONVENIENCE_VIEW);
  });

  it.each(['2026-02-30', '2026/11/25', 'today'])(
    'exits 2 on --on %s and leaves the file alone',
    async on => {
      const cwd = tempDir({ 'view.yaml': CONVENIENCE_VIEW });
      const { code, stderr } = await runCli(
        ['renew', 'view.yaml', '--on', on],
        { cwd },
      );
      expect(code).toBe(2);
      expect(stderr).toBe(
        `stockroom: --on must be a calendar date YYYY-MM-DD (e.g. 2026-11-25), got "${on}"\n`,
      );
      expect(read(cwd, 'view.yaml')).toBe(CONVENIENCE_VIEW);
    },
  );

  it.each([
    [
      'a missing file',
      {},
      'stockroom: cannot read view.yaml: no such file or directory\n',
    ],
    [
      'a file without a DataProduct',
      { 'view.yaml': COMPONENT },
      'stockroom: view.yaml has no DataProduct document to renew\n',
    ],
    [
      'invalid YAML',
      { 'view.yaml': 'a: [\n' },
      /^stockroom: view\.yaml:2:1: invalid YAML: .+; fix it before renewing\n$/,
    ],
  ])('exits 2 on %s', async (_, files, message) => {
    const cwd = tempDir(files as Record<string, string>);
    const { code, stderr } = await runCli(['renew', 'view.yaml'], { cwd });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('exits 1 when the product has no lifecycle to renew', async () => {
    const text = CONVENIENCE_VIEW.replace(
      / {2}lifecycle:\n(?: {4}.*\n|\n)+/,
      '',
    );
    const cwd = tempDir({ 'view.yaml': text });
    const { code, stderr } = await runCli(['renew', 'view.yaml'], { cwd });
    expect(code).toBe(1);
    expect(stderr).toBe(
      'stockroom renew: view.yaml: dataproduct:default/weekly-cohorts: spec.lifecycle is missing or not a mapping: add `lifecycle:` with `stage:` and `createdOn:` first\n',
    );
    expect(read(cwd, 'view.yaml')).toBe(text);
  });
});
