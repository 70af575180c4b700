import { runCli } from './__testUtils__/runCli';

describe('stockroom', () => {
  it('prints its version', async () => {
    const { code, stdout } = await runCli(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([[['--help']], [['lint', '--help']], [['renew', '--help']]])(
    'prints help for %j and exits 0',
    async argv => {
      const { code, stdout } = await runCli(argv);
      expect(code).toBe(0);
      expect(stdout).toContain('Usage: stockroom');
    },
  );

  it('documents every lint option and the exit codes in --help', async () => {
    const { stdout } = await runCli(['lint', '--help']);
    for (const option of ['--format', '--now', '--config', 'Exit codes']) {
      expect(stdout).toContain(option);
    }
  });

  it('documents every renew option in --help', async () => {
    const { stdout } = await runCli(['renew', '--help']);
    for (const option of ['<file>', '--on', '--name', '--config']) {
      expect(stdout).toContain(option);
    }
  });

  it.each([
    ['no command', []],
    ['an unknown command', ['lnt']],
    ['an unknown option', ['lint', '--fromat', 'json']],
    ['an unknown format', ['lint', '--format', 'xml']],
    ['renew without a file', ['renew']],
  ])('exits 2 on %s, without a stack', async (_, argv) => {
    const { code, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr.length).toBeGreaterThan(0);
  });
});
