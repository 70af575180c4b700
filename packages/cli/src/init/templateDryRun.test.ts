import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import {
  RealCatalog,
  startRealCatalog,
} from '@stockroom/plugin-catalog-backend-module-data-products/testUtils';
import { REPO_ROOT, runCli, tempDir } from '../__testUtils__/runCli';
import { renderDataProduct } from './renderDataProduct';
import { CORE_ANSWERS, SAMPLES } from './__testUtils__/sampleAnswers';

/*
 * The "New data product" template (examples/templates/data-product/) run
 * through the real scaffolder's dry-run API, as the template editor does:
 * for each category the catalog-info.yaml it writes is the expected entity,
 * passes `stockroom lint` without an error or a warning, and is what
 * `stockroom init` renders for the same answers.
 */

jest.setTimeout(60_000);

const TEMPLATE_DIR = path.join(REPO_ROOT, 'examples/templates/data-product');

/** The template and its files, as the dry-run request carries them. */
function templateRequest(values: object) {
  const files = listFiles(TEMPLATE_DIR).filter(f => f !== 'template.yaml');
  return {
    template: parse(
      fs.readFileSync(path.join(TEMPLATE_DIR, 'template.yaml'), 'utf8'),
    ),
    values,
    secrets: {},
    directoryContents: files.map(file => ({
      path: file,
      base64Content: fs
        .readFileSync(path.join(TEMPLATE_DIR, file))
        .toString('base64'),
    })),
  };
}

function listFiles(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap(entry =>
      entry.isDirectory()
        ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
        : [`${prefix}${entry.name}`],
    );
}

describe('the data-product template’s form', () => {
  /**
   * Every title, description and choice label of the form's schema (not
   * properties that happen to be named `title` or `description`).
   */
  function labels(node: unknown, at = 'spec.parameters'): [string, unknown][] {
    if (Array.isArray(node)) {
      return node.flatMap((item, i) => labels(item, `${at}[${i}]`));
    }
    if (node === null || typeof node !== 'object') {
      return [];
    }
    const inProperties = at.endsWith('.properties');
    return Object.entries(node).flatMap(([key, value]) => [
      ...(!inProperties && ['title', 'description'].includes(key)
        ? [[`${at}.${key}`, value]]
        : []),
      ...(!inProperties && key === 'enumNames'
        ? (value as unknown[]).map((v, i) => [`${at}.${key}[${i}]`, v])
        : []),
      ...(inProperties || typeof value === 'object'
        ? labels(value, `${at}.${key}`)
        : []),
    ]) as [string, unknown][];
  }

  it('labels every question with text (a stray ": " makes YAML a mapping the form cannot show)', () => {
    const { template } = templateRequest({});
    const found = labels(template.spec.parameters);
    expect(found.length).toBeGreaterThan(20);
    expect(found.filter(([, value]) => typeof value !== 'string')).toEqual([]);
  });

  it('offers the spec’s three categories', () => {
    const { template } = templateRequest({});
    expect(template.spec.parameters[1].properties.category.enum).toEqual([
      'core-entity',
      'shared-mart',
      'convenience-view',
    ]);
  });
});

describe('the data-product template through the scaffolder dry run', () => {
  let catalog: RealCatalog;

  beforeAll(async () => {
    catalog = await startRealCatalog({
      allow: ['DataProduct', 'Template'],
      // the catalog as the template's dry run needs it, without our module
      dataProductsModule: false,
      features: [
        scaffolderPlugin,
        // Real checks: a request without a token is refused, not a user.
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });
  });

  afterAll(() => catalog?.backend.stop());

  const dryRun = (values: object) =>
    request(catalog.backend.server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header())
      .send(templateRequest(values));

  const writtenFile = (body: any): string => {
    const file = body.directoryContents.find(
      (f: { path: string }) => f.path === 'catalog-info.yaml',
    );
    expect(file).toBeDefined();
    return Buffer.from(file.base64Content, 'base64').toString('utf8');
  };

  const lint = async (yaml: string) => {
    const cwd = tempDir({ 'catalog-info.yaml': yaml });
    const { code, stdout } = await runCli(
      ['lint', 'catalog-info.yaml', '--format', 'json'],
      { cwd, today: '2026-11-25' },
    );
    return { code, result: JSON.parse(stdout).results[0] };
  };

  it('refuses a caller without credentials', async () => {
    const response = await request(catalog.backend.server)
      .post('/api/scaffolder/v2/dry-run')
      .send(templateRequest(CORE_ANSWERS));
    expect(response.status).toBe(401);
  });

  it.each(SAMPLES)(
    'writes a %s that lints clean and matches stockroom init',
    async (_, answers, expected) => {
      const response = await dryRun(answers);
      expect(response.status).toBe(200);
      const yaml = writtenFile(response.body);
      expect(parse(yaml)).toEqual(expected);

      const { code, result } = await lint(yaml);
      expect(result.findings).toEqual([]);
      expect(code).toBe(0);

      expect(parse(renderDataProduct(answers))).toEqual(parse(yaml));
    },
  );

  it('asks a core entity for its on-call and P99, not a convenience view', async () => {
    const { onCall, p99, ...withoutThem } = CORE_ANSWERS;
    const core = await dryRun(withoutThem);
    expect(core.status).toBe(400);
    // The category's branch of the form is the one that does not match.
    expect(core.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'oneOf',
          property: 'instance.category',
        }),
      ]),
    );
    expect((await dryRun({ ...withoutThem, onCall, p99 })).status).toBe(200);

    const view = await dryRun({
      ...withoutThem,
      category: 'convenience-view',
      version: undefined,
      tier: undefined,
    });
    expect(view.status).toBe(200);
  });

  it('refuses a freshness that is not a duration, naming the field', async () => {
    const response = await dryRun({ ...CORE_ANSWERS, p95: '30 minutes' });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.errors)).toContain('p95');
  });

  it('writes p95 > p99 as given, and lint reports it on the freshness', async () => {
    const response = await dryRun({ ...CORE_ANSWERS, p95: '3h', p99: '1h' });
    expect(response.status).toBe(200);
    const { code, result } = await lint(writtenFile(response.body));
    expect(code).toBe(1);
    expect(result.findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: expect.stringContaining('spec.contract.freshness'),
      }),
    ]);
  });
});
