import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { odcsSchemaErrors } from '../__testUtils__/odcsJsonSchema';
import { REPO_ROOT, runCli, tempDir } from '../__testUtils__/runCli';

/** [object name, its property names] of an ODCS document, in order. */
const objects = (odcs: any) =>
  (odcs.schema ?? []).map((object: any) => [
    object.name,
    (object.properties ?? []).map((property: any) => property.name),
  ]);

const product = (name: string, system: string, fields: string[]) => `apiVersion: stockroom.io/v1alpha1
kind: DataProduct
metadata:
  name: ${name}
spec:
  type: table
  category: shared-mart
  owner: group:sales-data
  system: ${system}
  version: 1.0.0
  lifecycle: { stage: active, createdOn: 2026-10-01, reviewedOn: 2026-10-01 }
  contract:
    schema:
${fields.map(field => `      - { name: ${field}, type: string, description: The ${field}. }`).join('\n')}
`;

const SYSTEM = `apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: sales
  title: Sales
  description: Orders and customers.
spec:
  owner: group:sales-data
`;

describe('stockroom export-odcs --system', () => {
  it('merges the example identity System’s products into one valid ODCS v3.1.0 document', async () => {
    const { code, stdout, stderr } = await runCli(
      ['export-odcs', '--system', 'identity', 'examples/'],
      { cwd: REPO_ROOT },
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const odcs = parse(stdout);
    expect(odcsSchemaErrors(odcs)).toEqual([]);
    expect(odcs).toMatchObject({
      apiVersion: 'v3.1.0',
      kind: 'DataContract',
      id: 'identity',
      dataProduct: 'identity',
      // the newest of 1.4.2 and 2.1.0
      version: '2.1.0',
    });
    // read by hand from examples/data-products/customer-identity-v{1,2}.yaml
    expect(objects(odcs)).toEqual([
      [
        'customer-identity-v1',
        ['cust_id', 'email', 'phone', 'first_seen', 'source_system'],
      ],
      [
        'customer-identity-v2',
        [
          'customer_id',
          'email_sha256',
          'phone_sha256',
          'identity_sources',
          'first_seen_at',
          'last_seen_at',
          'merged_into',
        ],
      ],
    ]);
    expect(stdout).toMatch(
      /^# ODCS v3\.1\.0 data contract of system:default\/identity \(2 data products\), exported by `stockroom export-odcs --system`\.\n/,
    );
  });

  it('takes the System’s title, description and owner, and writes --out', async () => {
    const cwd = tempDir({
      'sales/system.yaml': SYSTEM,
      'sales/orders.yaml': product('orders', 'sales', ['order_id', 'amount']),
      'sales/customers.yaml': product('customers', 'system:default/sales', ['customer_id']),
      'other/stock.yaml': product('stock', 'warehouse', ['sku']),
    });
    const { code, stdout } = await runCli(
      ['export-odcs', '--system', 'system:default/sales', '.', '--out', 'sales.odcs.yaml'],
      { cwd },
    );
    expect(code).toBe(0);
    expect(stdout).toBe(
      'Wrote the ODCS contract of system:default/sales (dataproduct:default/customers, dataproduct:default/orders) to sales.odcs.yaml.\n',
    );
    const odcs = parse(fs.readFileSync(path.join(cwd, 'sales.odcs.yaml'), 'utf8'));
    expect(odcsSchemaErrors(odcs)).toEqual([]);
    expect(odcs).toMatchObject({
      id: 'sales',
      name: 'Sales',
      description: { purpose: 'Orders and customers.' },
      team: { name: 'sales-data' },
    });
    expect(objects(odcs)).toEqual([
      ['customers', ['customer_id']],
      ['orders', ['order_id', 'amount']],
    ]);
  });

  it('warns when the System itself is not in the files, and exports its products anyway', async () => {
    const cwd = tempDir({ 'orders.yaml': product('orders', 'sales', ['order_id']) });
    const { code, stdout, stderr } = await runCli(['export-odcs', '--system', 'sales'], { cwd });
    expect(code).toBe(0);
    expect(stderr).toBe(
      'warning: the System system:default/sales itself is not in the given files: the document has no title, description or owner (team) from it\n',
    );
    expect(odcsSchemaErrors(parse(stdout))).toEqual([]);
  });

  it('exits 2 with one line when no product belongs to the System, or the ref is not a System', async () => {
    const cwd = tempDir({ 'orders.yaml': product('orders', 'sales', ['order_id']) });
    const none = await runCli(['export-odcs', '--system', 'warehouse', '.'], { cwd });
    expect(none).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: no DataProduct in . has spec.system system:default/warehouse\n',
    });
    const notSystem = await runCli(['export-odcs', '--system', 'group:sales', '.'], { cwd });
    expect(notSystem.code).toBe(2);
    expect(notSystem.stderr).toMatch(/^error: --system must name a System/);
    const twoFiles = await runCli(['export-odcs', 'a.yaml', 'b.yaml'], { cwd });
    expect(twoFiles.code).toBe(2);
    expect(twoFiles.stderr).toBe(
      'error: give one file (got 2); to merge several products into one document, use --system <ref>\n',
    );
  });
});

describe('stockroom export-odcs of one product', () => {
  it.each([
    'customer-identity-v2.yaml',
    'support-interactions.yaml',
    'orders-core.yaml',
  ])('exports examples/data-products/%s as valid ODCS v3.1.0', async file => {
    const { code, stdout } = await runCli(['export-odcs', file], {
      cwd: path.join(REPO_ROOT, 'examples/data-products'),
    });
    expect(code).toBe(0);
    expect(odcsSchemaErrors(parse(stdout))).toEqual([]);
  });
});
