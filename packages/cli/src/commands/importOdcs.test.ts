import fs from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { BITOL_FIXTURES, odcsSchemaErrors } from '../__testUtils__/odcsJsonSchema';
import { runCli, tempDir } from '../__testUtils__/runCli';

const bitol = (file: string) =>
  fs.readFileSync(path.join(BITOL_FIXTURES, file), 'utf8');

/** Runs in `cwd` with the date pinned: createdOn and review dates count from it. */
const cli = (cwd: string, ...argv: string[]) =>
  runCli(argv, { cwd, today: '2026-11-25' });

/** The files of a folder, sorted, hidden ones included (a staging folder left behind would show). */
const listing = (dir: string) => fs.readdirSync(dir).sort();

/** [object name, its property names] of an ODCS document, in order. */
const objects = (odcs: any) =>
  (odcs.schema ?? []).map((object: any) => [
    object.name,
    (object.properties ?? []).map((property: any) => property.name),
  ]);

/** Imports `file` (copied into a fresh folder), lints the folder, exports the System back. */
async function roundTrip(file: string, ...options: string[]) {
  const dir = tempDir({ [file]: bitol(file) });
  const imported = await cli(
    dir,
    'import-odcs',
    file,
    '--owner',
    'group:sales-data',
    ...options,
  );
  const lint = await cli(dir, 'lint', '.', '--format', 'json');
  const system = parseAllDocuments(
    fs.readFileSync(
      path.join(
        dir,
        listing(dir).find(name => name.endsWith('.system.yaml'))!,
      ),
      'utf8',
    ),
  )[0].toJSON();
  const exported = await cli(
    dir,
    'export-odcs',
    '--system',
    system.metadata.name,
    '.',
  );
  return { dir, imported, lint, exported, odcs: parse(exported.stdout) };
}

describe('stockroom import-odcs', () => {
  // Expected objects and properties read by hand from each bitol file.
  it.each([
    ['table-column.odcs.yaml', 'my-quantum', [['tbl', ['rcvr_cntry_code']]]],
    [
      'table-column-description.odcs.yaml',
      'my-quantum',
      [['tbl', ['txn_ref_dt']]],
    ],
    [
      'column-completeness.odcs.yaml',
      'my-table',
      [['Air_Quality', ['UniqueID']]],
    ],
    // no schema object: one product for the document's terms, no object back
    ['database-table-sla.odcs.yaml', 'my-quantum', []],
  ])(
    'imports %s into products that lint clean and export back to valid ODCS with the same objects',
    async (file, systemName, expected) => {
      const { imported, lint, exported, odcs } = await roundTrip(file);
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      expect(lint.code).toBe(0);
      const results = JSON.parse(lint.stdout).results;
      expect(results).toHaveLength(1);
      expect(results[0].findings.filter((f: any) => f.severity === 'error')).toEqual([]);

      expect(exported.code).toBe(0);
      expect(odcsSchemaErrors(odcs)).toEqual([]);
      expect(odcs).toMatchObject({
        apiVersion: 'v3.1.0',
        kind: 'DataContract',
        id: systemName,
        team: { name: 'sales-data' },
      });
      expect(objects(odcs)).toEqual(expected);
    },
  );

  it('writes one DataProduct per object referencing the contract, a System, and comments saying what was mapped and what is missing', async () => {
    const dir = tempDir({
      'table-column.odcs.yaml': bitol('table-column.odcs.yaml'),
    });
    const { code, stdout } = await cli(
      dir,
      'import-odcs',
      'table-column.odcs.yaml',
      '--owner',
      'group:sales-data',
    );
    expect(code).toBe(0);
    expect(listing(dir)).toEqual([
      'my-quantum.system.yaml',
      'table-column.odcs.yaml',
      'tbl.yaml',
    ]);
    const text = fs.readFileSync(path.join(dir, 'tbl.yaml'), 'utf8');
    expect(parse(text)).toEqual({
      apiVersion: 'stockroom.io/v1alpha1',
      kind: 'DataProduct',
      metadata: { name: 'tbl' },
      spec: {
        type: 'table',
        category: 'shared-mart',
        owner: 'group:sales-data',
        system: 'my-quantum',
        lifecycle: { stage: 'active', createdOn: '2026-11-25' },
        contract: {
          odcs: { $yaml: './table-column.odcs.yaml' },
          odcsSchema: 'tbl',
        },
      },
    });
    // what the contract gave it: one field (not described), version, status
    expect(text).toContain('# - schema: 1 field from schema object tbl\n');
    expect(text).toContain('# - version: 1.0.0\n');
    // what a shared mart still needs: a P95, an escalation channel, a review
    expect(text).toMatch(/# - warning sla-percentiles at spec\.contract\.freshness\.p95: /);
    expect(text).toMatch(/# - warning escalation-path at spec\.contract\.escalation\.channel: /);
    expect(text).toMatch(/# - warning quarterly-review at spec\.lifecycle\.reviewedOn: /);

    expect(
      parse(fs.readFileSync(path.join(dir, 'my-quantum.system.yaml'), 'utf8')),
    ).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: 'my-quantum', title: 'my_table' },
      spec: { owner: 'group:sales-data' },
    });
    expect(stdout).toContain('tbl.yaml  schema object tbl; 3 warnings');
    expect(stdout).toContain('Every file passes `stockroom lint` (0 errors, 3 warnings)');
  });

  describe('the AdventureWorks contract (68 schema objects)', () => {
    let run: Awaited<ReturnType<typeof roundTrip>>;
    beforeAll(async () => {
      run = await roundTrip(
        'postgresql-adventureworks-contract.odcs.yaml',
        '--system',
        'adventureworks',
        '--progress',
      );
    }, 120_000);

    it('writes 68 products that lint clean of errors', () => {
      expect(run.imported.code).toBe(0);
      expect(run.lint.code).toBe(0);
      const { results } = JSON.parse(run.lint.stdout);
      expect(results).toHaveLength(68);
      for (const result of results) {
        expect(result.findings.filter((f: any) => f.severity === 'error')).toEqual([]);
      }
    });

    it('reports progress every 10 objects with --progress', () => {
      const lines = run.imported.stderr.trim().split('\n');
      expect(lines.slice(0, 7)).toEqual([
        '10/68 mapped schema objects',
        '20/68 mapped schema objects',
        '30/68 mapped schema objects',
        '40/68 mapped schema objects',
        '50/68 mapped schema objects',
        '60/68 mapped schema objects',
        '68/68 mapped schema objects',
      ]);
      expect(lines).toContain('68/68 checked with stockroom lint');
    });

    it('exports back one valid ODCS document with the 68 objects', () => {
      expect(run.exported.code).toBe(0);
      expect(odcsSchemaErrors(run.odcs)).toEqual([]);
      const exported = new Map<string, string[]>(objects(run.odcs));
      // products are read in file order, so objects come back sorted by name
      const source = parse(bitol('postgresql-adventureworks-contract.odcs.yaml'));
      expect([...exported.keys()]).toEqual(
        source.schema.map((object: any) => object.name).sort(),
      );
      // one object read by hand from the file
      expect(exported.get('department')).toEqual([
        'departmentid',
        'name',
        'groupname',
        'modifieddate',
      ]);
      for (const object of source.schema) {
        expect(exported.get(object.name)).toEqual(
          object.properties.map((property: any) => property.name),
        );
      }
    });
  });

  describe('writes nothing when it cannot write everything', () => {
    const contract = (schema: string, apiVersion = 'v3.1.0') =>
      `apiVersion: ${apiVersion}
kind: DataContract
id: sales
version: 1.0.0
status: active
team: { name: sales-data }
schema:
${schema}`;
    const ORDERS = `  - name: orders
    properties: [{ name: order_id, logicalType: string }]
`;

    it('refuses repeated object names, naming the field (exit 2)', async () => {
      const dir = tempDir({ 'sales.yaml': contract(ORDERS + ORDERS) });
      const { code, stdout, stderr } = await cli(dir, 'import-odcs', 'sales.yaml');
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^sales\.yaml: error: odcs\.schema\[1\]\.name repeats "orders"/);
      expect(stderr).toContain('nothing written');
      expect(listing(dir)).toEqual(['sales.yaml']);
    });

    it('refuses an unknown apiVersion, naming it (exit 2)', async () => {
      const dir = tempDir({ 'sales.yaml': contract(ORDERS, 'v9.0.0') });
      const { code, stderr } = await cli(dir, 'import-odcs', 'sales.yaml');
      expect(code).toBe(2);
      expect(stderr).toContain('odcs.apiVersion is "v9.0.0"');
      expect(listing(dir)).toEqual(['sales.yaml']);
    });

    it('says which option gives a missing owner (exit 2)', async () => {
      const dir = tempDir({
        'sales.yaml': contract(ORDERS).replace('team: { name: sales-data }\n', ''),
      });
      const { code, stderr } = await cli(dir, 'import-odcs', 'sales.yaml');
      expect(code).toBe(2);
      expect(stderr).toMatch(/spec\.owner is unknown.*\(pass --owner <group>\)\n/);
      expect(listing(dir)).toEqual(['sales.yaml']);
    });

    it('refuses invalid YAML with its line, a missing file, a list, without a stack (exit 2)', async () => {
      const dir = tempDir({
        'broken.yaml': 'apiVersion: v3.1.0\nkind: [\n',
        'list.yaml': '- a\n- b\n',
        'two.yaml': `${contract(ORDERS)}---\n${contract(ORDERS)}`,
      });
      const broken = await cli(dir, 'import-odcs', 'broken.yaml');
      expect(broken.code).toBe(2);
      expect(broken.stderr).toMatch(/^error: broken\.yaml:3:1: invalid YAML: /);
      const missing = await cli(dir, 'import-odcs', 'missing.yaml');
      expect(missing).toEqual({
        code: 2,
        stdout: '',
        stderr: 'error: cannot read missing.yaml: no such file or directory\n',
      });
      const list = await cli(dir, 'import-odcs', 'list.yaml', '--owner', 'group:x');
      expect(list.code).toBe(2);
      expect(list.stderr).toContain('not an ODCS document');
      const two = await cli(dir, 'import-odcs', 'two.yaml');
      expect(two.code).toBe(2);
      expect(two.stderr).toContain('holds 2 YAML documents');
      for (const run of [broken, missing, list, two]) {
        expect(run.stderr).not.toMatch(/\n\s+at /);
      }
      expect(listing(dir)).toEqual(['broken.yaml', 'list.yaml', 'two.yaml']);
    });

    it('refuses a 5 MB document unread (exit 2)', async () => {
      const big = contract(
        Array.from(
          { length: 40_000 },
          (_, i) =>
            `  - name: table_${i}\n    description: ${'x'.repeat(100)}\n`,
        ).join(''),
      );
      expect(big.length).toBeGreaterThan(5_000_000);
      const dir = tempDir({ 'big.yaml': big });
      const { code, stderr } = await cli(dir, 'import-odcs', 'big.yaml');
      expect(code).toBe(2);
      expect(stderr).toMatch(/^error: big\.yaml is 5\.\d MiB: a product can reference an ODCS document of at most 240 KiB/);
      expect(listing(dir)).toEqual(['big.yaml']);
    });

    it('refuses to overwrite an existing file unless --force, leaving every file as it was', async () => {
      const dir = tempDir({
        'sales.yaml': contract(
          `${ORDERS}  - name: customers\n    properties: [{ name: customer_id, logicalType: string }]\n`,
        ),
        'customers.yaml': '# mine\n',
      });
      const refused = await cli(dir, 'import-odcs', 'sales.yaml');
      expect(refused.code).toBe(2);
      expect(refused.stderr).toBe(
        'error: 1 file already exists: customers.yaml — nothing written; pass --force to overwrite, or choose another --out\n',
      );
      expect(listing(dir)).toEqual(['customers.yaml', 'sales.yaml']);
      expect(fs.readFileSync(path.join(dir, 'customers.yaml'), 'utf8')).toBe('# mine\n');

      const forced = await cli(dir, 'import-odcs', 'sales.yaml', '--force');
      expect(forced.code).toBe(0);
      expect(listing(dir)).toEqual([
        'customers.yaml',
        'orders.yaml',
        'sales.system.yaml',
        'sales.yaml',
      ]);
      expect(parse(fs.readFileSync(path.join(dir, 'customers.yaml'), 'utf8')).kind).toBe('DataProduct');
    });

    it('refuses a category whose rules the contract does not meet, listing the blocking findings (exit 1)', async () => {
      const dir = tempDir({ 'sales.yaml': contract(ORDERS) });
      const { code, stdout, stderr } = await cli(
        dir,
        'import-odcs',
        'sales.yaml',
        '--category',
        'core-entity',
        '--out',
        'catalog',
      );
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(
        /^nothing written: 1 imported product would not pass `stockroom lint` as core-entity:\n {2}dataproduct:default\/orders\n/,
      );
      // a core entity describes every field (field-semantics blocks)
      expect(stderr).toMatch(/ {4}error field-semantics at spec\.contract\.schema\[0\]\.description: /);
      // the folder it would have created is not left behind
      expect(listing(dir)).toEqual(['sales.yaml']);
    });
  });

  it('copies a contract from outside --out next to the products, since $yaml reads only below the entity’s folder', async () => {
    const dir = tempDir({
      'contracts/sales.odcs.yaml': `apiVersion: v3.1.0
kind: DataContract
id: sales
version: 1.0.0
status: active
team: { name: sales-data }
schema:
  - name: orders
    properties: [{ name: order_id, logicalType: string, description: Order id. }]
`,
    });
    const { code, stdout } = await cli(
      dir,
      'import-odcs',
      'contracts/sales.odcs.yaml',
      '--out',
      'catalog/sales',
    );
    expect(code).toBe(0);
    expect(listing(path.join(dir, 'catalog/sales'))).toEqual([
      'orders.yaml',
      'sales.odcs.yaml',
      'sales.system.yaml',
    ]);
    expect(stdout).toContain('sales.odcs.yaml  (a copy of contracts/sales.odcs.yaml, which they reference)');
    expect((await cli(dir, 'lint', 'catalog')).code).toBe(0);
  });
});
