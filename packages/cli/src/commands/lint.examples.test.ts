import { REPO_ROOT, runCli } from '../__testUtils__/runCli';

/*
 * The real example inventory on the day its comments describe: each file
 * says "Computed state on 2026-11-25: …". Run from the repo root like
 * `yarn stockroom lint examples/ --format json --now 2026-11-25`.
 */
describe('stockroom lint examples/', () => {
  const run = () =>
    runCli(['lint', 'examples/', '--format', 'json', '--now', '2026-11-25'], {
      cwd: REPO_ROOT,
    });

  it('gives every example DataProduct the state its file documents, and exits 0', async () => {
    const { code, stdout, stderr } = await run();
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const { results } = JSON.parse(stdout);
    const states = Object.fromEntries(
      results.map((r: any) => [r.entityRef, r.state]),
    );
    expect(states).toMatchObject({
      'dataproduct:default/customer-identity-v1': 'deprecated',
      'dataproduct:default/customer-identity-v2': 'active',
      'dataproduct:default/orders-core': 'draft',
      'dataproduct:default/legacy-web-sessions': 'retired',
      'dataproduct:default/growth-weekly-cohorts': 'active',
      'dataproduct:default/growth-trial-conversion': 'expiring',
      'dataproduct:default/campaign-spend-q1-adhoc': 'expired',
      'dataproduct:default/support-interactions': 'active',
    });
    // one result per DataProduct document, nothing else (groups, components, ODCS)
    expect(
      results.every((r: any) => r.entityRef.startsWith('dataproduct:')),
    ).toBe(true);
    expect(results.length).toBe(11);
  });

  it('reports expiry dates and findings as the engine computes them', async () => {
    const { results } = JSON.parse((await run()).stdout);
    const byName = (name: string) =>
      results.find((r: any) => r.entityRef === `dataproduct:default/${name}`);

    expect(byName('growth-trial-conversion')).toMatchObject({
      file: 'examples/data-products/growth-trial-conversion.yaml',
      expiresOn: '2026-12-05',
    });
    expect(byName('campaign-spend-q1-adhoc').expiresOn).toBe('2026-05-31');
    expect(byName('customer-identity-v2').expiresOn).toBeNull();
    expect(byName('support-interactions').findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'quarterly-review',
        severity: 'warning',
        path: 'spec.lifecycle.reviewedOn',
      }),
    );
    // nothing in the examples blocks
    for (const result of results) {
      expect(
        result.findings.filter((f: any) => f.severity === 'error'),
      ).toEqual([]);
    }
  });

  it('writes exactly the documented JSON keys', async () => {
    const { results } = JSON.parse((await run()).stdout);
    for (const result of results) {
      expect(Object.keys(result)).toEqual([
        'file',
        'entityRef',
        'state',
        'expiresOn',
        'findings',
      ]);
      for (const finding of result.findings) {
        expect(Object.keys(finding)).toEqual([
          'ruleId',
          'severity',
          'message',
          'path',
          'hint',
        ]);
      }
    }
  });

  it('prints a readable text report with a summary', async () => {
    const { code, stdout } = await runCli(
      ['lint', 'examples', '--now', '2026-11-25'],
      { cwd: REPO_ROOT },
    );
    expect(code).toBe(0);
    expect(stdout).toContain(
      'dataproduct:default/growth-trial-conversion  expiring (expires on 2026-12-05)',
    );
    expect(stdout).toContain(
      'dataproduct:default/campaign-spend-q1-adhoc  expired (expired on 2026-05-31)',
    );
    expect(stdout).toMatch(/warning\s+quarterly-review/);
    expect(stdout.trim().split('\n').pop()).toMatch(
      /^11 data products in \d+ files: 0 blocked, 0 errors, \d+ warnings?, 1 info; \d+ other documents skipped/,
    );
  });
});
