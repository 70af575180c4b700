import fs from 'node:fs';
import path from 'node:path';
import {
  DataProductEntityV1alpha1,
  contractFromOdcs,
  contractToOdcs,
  normalizeContract,
} from '@stockroom/plugin-data-products-common';
import { parse, parseAllDocuments } from 'yaml';
import { COMPONENT, CORE_ENTITY, SHARED_MART } from '../__testUtils__/fixtures';
import { REPO_ROOT, runCli, tempDir } from '../__testUtils__/runCli';
import { resolvePlaceholders } from '../documents/resolvePlaceholders';

describe('stockroom export-odcs', () => {
  it('prints the ODCS v3.1.0 DataContract of a product, exactly the engine’s', async () => {
    const cwd = tempDir({ 'orders-core.yaml': CORE_ENTITY });
    const { code, stdout, stderr } = await runCli(
      ['export-odcs', 'orders-core.yaml'],
      { cwd },
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const documents = parseAllDocuments(stdout);
    expect(documents).toHaveLength(1);
    expect(documents[0].errors).toEqual([]);
    const odcs = parse(stdout);
    expect(odcs).toMatchObject({
      apiVersion: 'v3.1.0',
      kind: 'DataContract',
      name: 'orders-core',
      version: '1.2.0',
    });
    expect(
      odcs.schema[0].properties.map((p: { name: string }) => p.name),
    ).toEqual(['order_id', 'status']);
    expect(odcs).toEqual(contractToOdcs(parse(CORE_ENTITY)));
    expect(stdout).toMatch(
      /^# ODCS v3\.1\.0 data contract of dataproduct:default\/orders-core, exported by `stockroom export-odcs` from orders-core\.yaml\.\n/,
    );
  });

  it('reads back as the same contract', async () => {
    const cwd = tempDir({ 'orders-core.yaml': CORE_ENTITY });
    const { stdout } = await runCli(['export-odcs', 'orders-core.yaml'], {
      cwd,
    });
    const entity = parse(CORE_ENTITY) as DataProductEntityV1alpha1;
    const { contract } = normalizeContract(entity);
    const readBack = contractFromOdcs(parse(stdout), {
      productName: 'orders-core',
    }).contract;
    expect(readBack.schema).toEqual(contract.schema);
    expect(readBack.freshness).toEqual(contract.freshness);
  });

  it('exports a contract authored in ODCS, resolving its $yaml placeholder', async () => {
    const dir = path.join(REPO_ROOT, 'examples/data-products');
    const { code, stdout } = await runCli(
      ['export-odcs', 'support-interactions.yaml'],
      { cwd: dir },
    );
    expect(code).toBe(0);
    const odcs = parse(stdout);
    expect(odcs.apiVersion).toBe('v3.1.0');
    expect(odcs.kind).toBe('DataContract');
    const entity = resolvePlaceholders(
      parse(
        fs.readFileSync(path.join(dir, 'support-interactions.yaml'), 'utf8'),
      ),
      path.join(dir, 'support-interactions.yaml'),
    ).entity;
    expect(odcs).toEqual(contractToOdcs(entity as any));
    expect(
      odcs.schema[0].properties.map((p: { name: string }) => p.name),
    ).toContain('csat_score');
  });

  it('writes --output and picks a product with --name', async () => {
    const cwd = tempDir({
      'all.yaml': `${COMPONENT}---\n${CORE_ENTITY}---\n${SHARED_MART}`,
    });
    const several = await runCli(['export-odcs', 'all.yaml'], { cwd });
    expect(several.code).toBe(2);
    expect(several.stderr).toBe(
      'error: all.yaml has 2 DataProducts; pick one with --name: orders-core, attribution\n',
    );

    const { code, stdout, stderr } = await runCli(
      [
        'export-odcs',
        'all.yaml',
        '--name',
        'attribution',
        '--output',
        'out/attribution.odcs.yaml',
      ],
      { cwd },
    );
    // the output directory does not exist: an input error, nothing written
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'error: cannot write out/attribution.odcs.yaml: no such file or directory\n',
    );

    fs.mkdirSync(path.join(cwd, 'out'));
    const written = await runCli(
      [
        'export-odcs',
        'all.yaml',
        '-n',
        'attribution',
        '-o',
        'out/attribution.odcs.yaml',
      ],
      { cwd },
    );
    expect(written.code).toBe(0);
    expect(written.stdout).toBe(
      'Wrote the ODCS contract of dataproduct:default/attribution to out/attribution.odcs.yaml.\n',
    );
    const odcs = parse(
      fs.readFileSync(path.join(cwd, 'out/attribution.odcs.yaml'), 'utf8'),
    );
    expect(odcs).toMatchObject({
      apiVersion: 'v3.1.0',
      kind: 'DataContract',
      name: 'attribution',
    });
  });

  it.each([
    [
      'a missing file',
      {},
      ['missing.yaml'],
      'error: cannot read missing.yaml: no such file or directory\n',
    ],
    [
      'a file without a DataProduct',
      { 'c.yaml': COMPONENT },
      ['c.yaml'],
      'error: c.yaml has no DataProduct document to export\n',
    ],
    [
      'a --name that matches nothing',
      { 'o.yaml': CORE_ENTITY },
      ['o.yaml', '--name', 'orders'],
      'error: o.yaml has no DataProduct named "orders"; it has: orders-core\n',
    ],
    [
      'invalid YAML',
      { 'bad.yaml': 'kind: DataProduct\nspec: [oops\n' },
      ['bad.yaml'],
      expect.stringMatching(/^error: bad\.yaml:\d+:\d+: error: invalid YAML/),
    ],
    [
      'an ODCS file that is missing',
      {
        'p.yaml': CORE_ENTITY.replace(
          '  contract:\n',
          '  contract:\n    odcs: { $yaml: ./gone.odcs.yaml }\n',
        ),
      },
      ['p.yaml'],
      expect.stringContaining(
        'error: p.yaml: dataproduct:default/orders-core: spec.contract.odcs.$yaml: $yaml file ./gone.odcs.yaml cannot be read',
      ),
    ],
  ])('exits 2 on %s, one line, no stack', async (_, files, args, message) => {
    const cwd = tempDir(files);
    const { code, stdout, stderr } = await runCli(['export-odcs', ...args], {
      cwd,
    });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toEqual(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('documents its options in --help', async () => {
    const { code, stdout } = await runCli(['export-odcs', '--help']);
    expect(code).toBe(0);
    for (const text of ['<file>', '--name', '--output', 'Exit codes']) {
      expect(stdout).toContain(text);
    }
  });
});
