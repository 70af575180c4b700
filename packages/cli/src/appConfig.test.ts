import { runCli, tempDir } from './__testUtils__/runCli';
import { CONVENIENCE_VIEW, CORE_ENTITY } from './__testUtils__/fixtures';

/*
 * --config is read the way the backend reads app-config: several files
 * merge (the later wins key by key), `$include` pulls in another file and
 * `${VAR}` comes from the environment. Observed through lint's verdicts:
 * on a core entity without p99 (blocked unless sla-percentiles is at warn),
 * and on a view renewed on 2026-08-31: with expiryDays N it expires N days later
 * (90 by default: 2026-11-29; 30: 2026-09-30; 60: 2026-10-30).
 */

const lintView = async (cwd: string, configs: string[], now = '2026-11-25') => {
  const { code, stdout, stderr } = await runCli(
    [
      'lint',
      'view.yaml',
      ...configs.flatMap(c => ['--config', c]),
      '--format',
      'json',
      '--now',
      now,
    ],
    { cwd },
  );
  return {
    code,
    stderr,
    view: stdout ? JSON.parse(stdout).results[0] : undefined,
  };
};

describe('--config as Backstage reads app-config', () => {
  const env = process.env;
  afterEach(() => {
    process.env = env;
  });

  it('merges several files, the later one winning key by key', async () => {
    const cwd = tempDir({
      'view.yaml': CONVENIENCE_VIEW,
      'app-config.yaml':
        'stockroom:\n  categories:\n    convenience-view: { expiryDays: 30, expiringWindowDays: 7 }\n',
      'app-config.local.yaml':
        'stockroom:\n  categories:\n    convenience-view: { expiryDays: 60 }\n',
    });
    const one = await lintView(cwd, ['app-config.yaml']);
    expect(one.view).toMatchObject({ expiresOn: '2026-09-30' });

    // On 2026-10-20 the view is 10 days from expiry: active with the first
    // file's 7-day window, expiring with the default 14 days.
    const both = await lintView(
      cwd,
      ['app-config.yaml', 'app-config.local.yaml'],
      '2026-10-20',
    );
    expect(both.stderr).toBe('');
    // 60 days from the second file; the window of 7 from the first
    expect(both.view).toMatchObject({
      expiresOn: '2026-10-30',
      state: 'active',
    });
  });

  it('follows $include', async () => {
    const cwd = tempDir({
      'view.yaml': CONVENIENCE_VIEW,
      'app-config.yaml': 'stockroom:\n  $include: ./stockroom-policy.yaml\n',
      'stockroom-policy.yaml':
        'categories:\n  convenience-view:\n    expiryDays: 30\n',
    });
    const { view, stderr } = await lintView(cwd, ['app-config.yaml']);
    expect(stderr).toBe('');
    expect(view).toMatchObject({ expiresOn: '2026-09-30' });
  });

  it('substitutes ${VAR} from the environment', async () => {
    process.env = { ...env, STOCKROOM_CORE_SLA: 'warn' };
    const cwd = tempDir({
      'core.yaml': CORE_ENTITY.replace('      p99: 45m\n', ''),
      'app-config.yaml':
        'stockroom:\n  categories:\n    core-entity:\n      rules:\n        sla-percentiles: ${STOCKROOM_CORE_SLA}\n',
    });
    const { code, stdout, stderr } = await runCli(
      ['lint', 'core.yaml', '--config', 'app-config.yaml', '--format', 'json'],
      { cwd },
    );
    expect(stderr).toBe('');
    // without p99 a core entity is blocked; at warn it is not
    expect(JSON.parse(stdout).results[0].findings).toEqual([
      expect.objectContaining({
        ruleId: 'sla-percentiles',
        severity: 'warning',
      }),
    ]);
    expect(code).toBe(0);
  });

  it('names the file of an $include that is not there', async () => {
    const cwd = tempDir({
      'view.yaml': CONVENIENCE_VIEW,
      'app-config.yaml': 'stockroom:\n  $include: ./missing.yaml\n',
    });
    const { code, stderr } = await lintView(cwd, ['app-config.yaml']);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^stockroom: --config app-config\.yaml: .*missing\.yaml.*does not exist/,
    );
  });
});
