import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { runCli, tempDir } from '../__testUtils__/runCli';
import { MART_ENTITY, VIEW_ENTITY } from '../init/__testUtils__/sampleAnswers';

/*
 * `stockroom init` writes what the "New data product" template writes
 * (MART_ENTITY and VIEW_ENTITY are the entities the template's dry run is
 * checked against), refuses what the catalog would reject, and never
 * overwrites by accident. Expected files are written by hand from the spec.
 */

const CORE_FLAGS = [
  'init',
  '--name',
  'payments-ledger',
  '--description',
  'Every settled payment, one row per ledger entry.',
  '--owner',
  'group:default/payments-eng',
  '--category',
  'core-entity',
  '--field',
  'entry_id:string:Ledger entry id: "E-" then 12 digits.',
  '--field',
  'amount_cents:integer:Signed amount in cents.',
  '--p95',
  '30m',
  '--p99',
  '2h',
  '--escalation',
  '#payments-data',
  '--on-call',
  'pagerduty:payments-primary',
  '--no-input',
];

const read = (dir: string, file = 'catalog-info.yaml') =>
  fs.readFileSync(path.join(dir, file), 'utf8');

describe('stockroom init', () => {
  it('writes a core entity from flags, with the defaults for what they leave out', async () => {
    const cwd = tempDir();
    const run = await runCli(CORE_FLAGS, { cwd, today: '2026-11-25' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Wrote catalog-info.yaml');
    expect(read(cwd))
      .toBe(`# A new data product. Check it with \`stockroom lint\`; the YAML reference
# is docs/dataproduct-yaml.md in the Stockroom repository.
apiVersion: stockroom.io/v1alpha1
kind: DataProduct
metadata:
  name: payments-ledger
  description: Every settled payment, one row per ledger entry.
spec:
  type: table
  category: core-entity
  owner: group:default/payments-eng
  version: 0.1.0
  lifecycle:
    stage: draft
    createdOn: 2026-11-25
  contract:
    schema:
      - name: entry_id
        type: string
        description: 'Ledger entry id: "E-" then 12 digits.'
      - name: amount_cents
        type: integer
        description: Signed amount in cents.
    freshness:
      p95: 30m
      p99: 2h
    escalation:
      channel: "#payments-data"
      onCall: pagerduty:payments-primary
`);
    const lint = await runCli(['lint', 'catalog-info.yaml'], { cwd });
    expect(lint.stdout).toContain('0 blocked, 0 errors, 0 warnings, 0 info');
    expect(lint.code).toBe(0);
  });

  it('writes the shared mart the template writes for the same answers', async () => {
    const cwd = tempDir();
    const run = await runCli(
      [
        'init',
        '--name',
        'support-csat-weekly',
        '--description',
        'Weekly CSAT per support queue.',
        '--owner',
        'group:default/support-analytics',
        '--type',
        'view',
        '--created-on',
        '2026-11-20',
        '--category',
        'shared-mart',
        '--field',
        'queue:string',
        '--p95',
        '1d',
        '--escalation',
        '#support-analytics',
        '--out',
        'marts/support-csat-weekly.yaml',
      ],
      { cwd, today: '2026-11-25' },
    );
    expect(run.code).toBe(0);
    expect(parse(read(cwd, 'marts/support-csat-weekly.yaml'))).toEqual(
      MART_ENTITY,
    );
  });

  it('asks for what the flags leave out when run at a terminal', async () => {
    const cwd = tempDir();
    const typed = [
      'q4-campaign-lift', // name
      '', // title (optional)
      'Lift of the Q4 campaigns, for one quarterly review.',
      'group:default/growth-analytics',
      '', // system (optional)
      'view', // type [table]
      '2026-11-20', // created on [today]
      'cheap-view', // not a category: asked again
      'convenience-view',
      '', // p95 (optional for views)
      '', // tier
      '', // escalation channel
      'campaign_id', // first field
      'string',
      '', // its description (optional for views)
      '', // done
    ];
    const run = await runCli(['init'], {
      cwd,
      today: '2026-11-25',
      stdin: `${typed.join('\n')}\n`,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Category (core-entity, shared-mart, convenience-view): ',
    );
    expect(run.stdout).toContain('Created on (YYYY-MM-DD) [2026-11-25]: ');
    expect(run.stderr).toBe(
      '  expected one of core-entity, shared-mart, convenience-view\n',
    );
    // views are not asked for a version, P99 or on-call
    expect(run.stdout).not.toContain('Contract version');
    expect(run.stdout).not.toContain('On-call');
    expect(parse(read(cwd))).toEqual(VIEW_ENTITY);
  });

  it('lists every missing required flag of the category without a terminal', async () => {
    const cwd = tempDir();
    const run = await runCli(
      [
        'init',
        '--name',
        'payments-ledger',
        '--description',
        'Payments.',
        '--category',
        'core-entity',
        '--p95',
        '30m',
      ],
      { cwd },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'stockroom: missing --owner, --p99, --escalation, --on-call, --field (a core-entity needs them); pass them or run in a terminal to be asked\n',
    );
    expect(fs.existsSync(path.join(cwd, 'catalog-info.yaml'))).toBe(false);
  });

  it('refuses a bad flag value, naming the flag', async () => {
    const cwd = tempDir();
    const run = await runCli(
      CORE_FLAGS.map(arg => (arg === '30m' ? '30 minutes' : arg)),
      { cwd },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'stockroom: --p95 "30 minutes": expected a duration such as 45s, 30m, 2h or 1d\n',
    );
  });

  it('refuses a core entity field without a description (rule field-semantics)', async () => {
    const cwd = tempDir();
    const run = await runCli(
      CORE_FLAGS.map(arg =>
        arg === 'amount_cents:integer:Signed amount in cents.'
          ? 'amount_cents:integer'
          : arg,
      ),
      { cwd },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--field "amount_cents:integer"');
    expect(run.stderr).toContain('field-semantics');
  });

  it('writes nothing the catalog would reject: p95 above p99', async () => {
    const cwd = tempDir();
    const run = await runCli(
      CORE_FLAGS.map(arg => (arg === '30m' ? '3h' : arg)),
      { cwd },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^stockroom: not written, the catalog would reject it:\n {2}spec\.contract\.freshness: .*p95 \(3h\) is above p99 \(2h\)/,
    );
    expect(fs.existsSync(path.join(cwd, 'catalog-info.yaml'))).toBe(false);
  });

  it('keeps an existing file unless --force', async () => {
    const cwd = tempDir({ 'catalog-info.yaml': 'kept: true\n' });
    const refused = await runCli(CORE_FLAGS, { cwd });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'stockroom: catalog-info.yaml exists; pass --force to overwrite it\n',
    );
    expect(read(cwd)).toBe('kept: true\n');

    const forced = await runCli([...CORE_FLAGS, '--force'], { cwd });
    expect(forced.code).toBe(0);
    expect(parse(read(cwd)).metadata.name).toBe('payments-ledger');
  });
});
