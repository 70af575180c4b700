import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, runCli, tempDir } from '../__testUtils__/runCli';
import { gitRepo } from '../diff/__testUtils__/gitRepo';

/*
 * `stockroom diff` on a v2: compared with the v1 it supersedes when the
 * given files (or --against) hold it. Expectations from the spec's
 * "Breaking contract changes": every field of v1 the v2 lacks is a
 * fieldMapping.from, every fieldMapping.to a field of v2 (core entities
 * block, shared marts warn); consumers still on v1 are the entities that
 * dependsOn it.
 */

const V1 = `apiVersion: stockroom.io/v1alpha1
kind: DataProduct
metadata:
  name: customers-v1
spec:
  type: table
  category: core-entity
  owner: group:identity-platform
  version: 1.4.0
  lifecycle:
    stage: deprecated
    createdOn: 2025-01-10
    sunsetOn: 2027-01-31
    successor: dataproduct:customers-v2
  contract:
    schema:
      - { name: cust_id, type: string, description: Customer id., key: primary, required: true }
      - { name: email, type: string, description: Email address. }
      - { name: country, type: string, description: Country code. }
    freshness: { p95: 12h, p99: 36h, tier: daily }
    escalation: { channel: "#identity", onCall: pagerduty:identity }
`;

const v2 = (mapping: string, category = 'core-entity') => `apiVersion: stockroom.io/v1alpha1
kind: DataProduct
metadata:
  name: customers-v2
spec:
  type: table
  category: ${category}
  owner: group:identity-platform
  version: 2.0.0
  lifecycle:
    stage: active
    createdOn: 2026-10-01
    reviewedOn: 2026-10-01
    supersedes: dataproduct:customers-v1
  contract:
    schema:
      - { name: customer_id, type: string, description: Customer id., key: primary, required: true }
      - { name: email_sha256, type: string, description: SHA-256 of the email. }
      - { name: country, type: string, description: Country code. }
    freshness: { p95: 30m, p99: 60m, tier: micro-batch }
    escalation: { channel: "#identity", onCall: pagerduty:identity }
  migration:
    from: dataproduct:customers-v1
    guide: https://wiki.example.com/customers-v2
    fieldMapping:
${mapping}`;

const FULL_MAPPING = `      - { from: cust_id, to: customer_id }
      - { from: email, to: email_sha256 }
`;
const MISSING_EMAIL = `      - { from: cust_id, to: customer_id }
`;

const CONSUMERS = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: crm-sync
spec:
  type: service
  lifecycle: production
  owner: group:crm
  dependsOn: [dataproduct:customers-v1]
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout
spec:
  type: service
  lifecycle: production
  owner: group:commerce
  dependsOn: [dataproduct:customers-v2]
`;

const diff = (cwd: string, ...argv: string[]) =>
  runCli(['diff', ...argv], { cwd, today: '2026-11-25' });

describe('stockroom diff on a product that supersedes another', () => {
  it('passes a complete mapping and lists the consumers still on v1 (exit 0)', async () => {
    const cwd = tempDir({
      'customers-v1.yaml': V1,
      'customers-v2.yaml': v2(FULL_MAPPING),
      'components.yaml': CONSUMERS,
    });
    const { code, stdout, stderr } = await diff(cwd, '.');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(
      'dataproduct:default/customers-v2  supersedes dataproduct:customers-v1 (customers-v1.yaml), 1.4.0 → 2.0.0',
    );
    expect(stdout).toContain(
      'migration-mapping: ok, 2 dropped fields mapped, every target exists',
    );
    expect(stdout).toContain(
      'consumers still on dataproduct:customers-v1 (1): component:default/crm-sync',
    );
    // cust_id → customer_id is one likely rename, not a removal and an addition
    expect(stdout).toMatch(/breaking +field-renamed +.*cust_id.*customer_id/);
  });

  it('blocks a core entity whose mapping leaves a dropped field out, naming it (exit 1)', async () => {
    const cwd = tempDir({
      'customers-v1.yaml': V1,
      'customers-v2.yaml': v2(MISSING_EMAIL),
    });
    const { code, stdout } = await diff(cwd, '.', '--format', 'json');
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout).supersessions;
    expect(result).toMatchObject({
      file: 'customers-v2.yaml',
      entityRef: 'dataproduct:default/customers-v2',
      supersedes: 'dataproduct:customers-v1',
      supersededFile: 'customers-v1.yaml',
      fromVersion: '1.4.0',
      toVersion: '2.0.0',
      consumers: [],
      blocks: true,
    });
    expect(result.mapping).toHaveLength(1);
    expect(result.mapping[0]).toMatchObject({
      severity: 'error',
      path: 'spec.migration.fieldMapping',
    });
    expect(result.mapping[0].message).toMatch(
      /does not map 1 field of dataproduct:customers-v1 that this contract drops: email /,
    );
  });

  it('names a mapping target that is not a field of v2', async () => {
    const cwd = tempDir({
      'customers-v1.yaml': V1,
      'customers-v2.yaml': v2(`      - { from: cust_id, to: customer_id }
      - { from: email, to: email_hash }
`),
    });
    const { code, stdout } = await diff(cwd, 'customers-v2.yaml', '--against', 'customers-v1.yaml');
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /error +migration-mapping +spec\.migration\.fieldMapping\[1\]\.to is email_hash, which is not a field of this contract's schema/,
    );
  });

  it('warns only for a shared mart, where the rule is at warn (exit 0)', async () => {
    const cwd = tempDir({
      'customers-v1.yaml': V1,
      'customers-v2.yaml': v2(MISSING_EMAIL, 'shared-mart'),
    });
    const { code, stdout } = await diff(cwd, '.');
    expect(code).toBe(0);
    expect(stdout).toMatch(/warning +migration-mapping +spec\.migration\.fieldMapping does not map 1 field/);
    expect(stdout).toContain(
      '(rule migration-mapping is warn for this category: reported, not failing)',
    );
  });

  it('says how to give the superseded product when it is not among the files', async () => {
    const cwd = tempDir({ 'customers-v2.yaml': v2(MISSING_EMAIL) });
    const { code, stderr } = await diff(cwd, 'customers-v2.yaml');
    expect(code).toBe(0);
    expect(stderr).toContain(
      'customers-v2.yaml:14:5: note: dataproduct:default/customers-v2 supersedes dataproduct:customers-v1, which none of the given files holds: give its file with --against <file>',
    );
  });

  it('checks a v2 new since --base against the v1 given with --against', async () => {
    const repo = gitRepo({ 'catalog/customers-v1.yaml': V1 });
    repo.commit('v1');
    repo.write({ 'catalog/customers-v2.yaml': v2(MISSING_EMAIL) });
    const { code, stdout } = await diff(
      repo.dir,
      '--base',
      'HEAD',
      '--against',
      'catalog/customers-v1.yaml',
    );
    expect(code).toBe(1);
    expect(stdout).toContain('dataproduct:default/customers-v2  new product (2.0.0): ok');
    expect(stdout).toMatch(/error +migration-mapping .*drops: email/);
    expect(stdout).toContain(
      '1 superseding product checked against the product it supersedes: 0 mapping ok, 0 with mapping warnings, 1 blocked; 0 consumers still on superseded products.',
    );
  });

  it('counts a product whose lineage reads v1 as a consumer, and writes exactly the documented JSON keys', async () => {
    const cwd = tempDir({
      'customers-v1.yaml': V1,
      'customers-v2.yaml': v2(FULL_MAPPING),
      // lineage.upstreams without a kind: a DataProduct, as the catalog reads it
      'churn.yaml': `apiVersion: stockroom.io/v1alpha1
kind: DataProduct
metadata:
  name: churn
spec:
  type: table
  category: convenience-view
  owner: group:growth
  lifecycle: { stage: active, createdOn: 2026-11-01 }
  contract:
    lineage: { upstreams: [customers-v1] }
`,
    });
    const { code, stdout } = await diff(cwd, '.', '--format', 'json');
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(Object.keys(output)).toEqual(['results', 'supersessions']);
    expect(output.results).toEqual([]);
    expect(Object.keys(output.supersessions[0])).toEqual([
      'file',
      'entityRef',
      'supersedes',
      'supersededFile',
      'fromVersion',
      'toVersion',
      'changes',
      'mapping',
      'consumers',
      'blocks',
    ]);
    expect(output.supersessions[0].consumers).toEqual([
      'dataproduct:default/churn',
    ]);
  });

  it('annotates each mapping finding at its line for GitHub, and the consumers as a notice', async () => {
    const cwd = tempDir({
      'customers-v1.yaml': V1,
      'customers-v2.yaml': v2(MISSING_EMAIL),
      'components.yaml': CONSUMERS,
    });
    const { code, stdout } = await diff(cwd, '.', '--format', 'github');
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    // fieldMapping is on line 25 of customers-v2.yaml, supersedes on line 14
    expect(lines[0]).toMatch(
      /^::error file=customers-v2\.yaml,line=25,col=5,title=stockroom migration-mapping::dataproduct:default\/customers-v2: spec\.migration\.fieldMapping does not map 1 field .*: email /,
    );
    expect(lines[1]).toBe(
      '::notice file=customers-v2.yaml,line=14,col=5,title=stockroom consumers still on the superseded product::1 still on dataproduct:customers-v1: component:default/crm-sync',
    );
  });

  it('needs --base or files', async () => {
    const { code, stderr } = await diff(tempDir());
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: give --base <ref> to compare with git, or the files of a product that supersedes another/);
  });

  it('passes the example customer-identity-v2, with crm-sync and lifecycle-emails still on v1', async () => {
    const { code, stdout } = await diff(REPO_ROOT, 'examples/');
    expect(code).toBe(0);
    expect(stdout).toContain(
      'consumers still on dataproduct:customer-identity-v1 (2): component:default/crm-sync, component:default/lifecycle-emails',
    );
    expect(stdout).toContain(
      'migration-mapping: ok, 5 dropped fields mapped, every target exists',
    );
  });
});

describe('stockroom lint with the superseded product among the files', () => {
  it('judges migration-mapping as the catalog does: blocked when both are linted, skipped for the v2 alone', async () => {
    const cwd = tempDir({
      'customers-v1.yaml': V1,
      'customers-v2.yaml': v2(MISSING_EMAIL),
    });
    const both = await runCli(['lint', '.', '--format', 'json', '--now', '2026-11-25'], { cwd });
    expect(both.code).toBe(1);
    const v2Result = JSON.parse(both.stdout).results.find(
      (r: any) => r.entityRef === 'dataproduct:default/customers-v2',
    );
    expect(v2Result.findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'migration-mapping',
        severity: 'error',
        path: 'spec.migration.fieldMapping',
      }),
    );

    fs.rmSync(path.join(cwd, 'customers-v1.yaml'));
    const alone = await runCli(['lint', '.', '--format', 'json', '--now', '2026-11-25'], { cwd });
    expect(
      JSON.parse(alone.stdout).results[0].findings.filter(
        (f: any) => f.ruleId === 'migration-mapping',
      ),
    ).toEqual([]);
  });
});
