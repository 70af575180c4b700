import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { prepareDemoExamples } from './prepareDemoExamples';

const VIEW = `kind: DataProduct
metadata:
  name: weekly-view
spec:
  lifecycle:
    stage: active
    createdOn: 2026-11-01   # dated like examples/: 2026-11-25
`;

let root: string;
let rendered: string;
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
};
const locationsConfig = (...targets: string[]) =>
  `catalog:\n  locations:\n${targets
    .map(t => `    - type: file\n      target: ${t}\n`)
    .join('')}`;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-root-'));
  rendered = path.join(root, '.stockroom-data', 'examples');
  fs.mkdirSync(path.join(root, 'packages', 'backend'), { recursive: true });
  write('examples/all.yaml', 'kind: Location\n');
  write('examples/data-products/weekly-view.yaml', VIEW);
  write(
    'app-config.yaml',
    `app:\n  title: t\n${locationsConfig(
      '../../examples/all.yaml',
      '../../catalog-info.yaml',
    )}`,
  );
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const run = (
  argv: string[] = [],
  env: NodeJS.ProcessEnv = {},
  today?: string,
) =>
  prepareDemoExamples({
    root,
    argv,
    env,
    renderedDir: rendered,
    today: today ?? '2026-12-03',
  });

describe('prepareDemoExamples', () => {
  it('renders examples/ for today and points the example location of app-config.yaml at the copy through APP_CONFIG_catalog_locations', async () => {
    const result = await run();
    expect(JSON.parse(result.env.APP_CONFIG_catalog_locations)).toEqual([
      { type: 'file', target: path.join(rendered, 'all.yaml') },
      { type: 'file', target: '../../catalog-info.yaml' },
    ]);
    expect(Object.keys(result.env)).toEqual(['APP_CONFIG_catalog_locations']);
    expect(result.rendered?.days).toBe(8); // 2026-11-25 → 2026-12-03
    const copy = fs.readFileSync(
      path.join(rendered, 'data-products/weekly-view.yaml'),
      'utf8',
    );
    expect(parse(copy).spec.lifecycle.createdOn).toBe('2026-11-09');
  });

  it('reads the locations the portal will load: app-config.local.yaml, --config (relative to packages/backend), APP_CONFIG_*', async () => {
    write(
      'app-config.local.yaml',
      locationsConfig('../../examples/data-products/weekly-view.yaml'),
    );
    expect(JSON.parse((await run()).env.APP_CONFIG_catalog_locations)).toEqual([
      {
        type: 'file',
        target: path.join(rendered, 'data-products/weekly-view.yaml'),
      },
    ]);

    // explicit --config replaces the default lookup, local file included
    write(
      'other.yaml',
      locationsConfig('/srv/elsewhere.yaml', '../../examples/all.yaml'),
    );
    expect(
      JSON.parse(
        (await run(['repo', '--config', '../../other.yaml'])).env
          .APP_CONFIG_catalog_locations,
      ),
    ).toEqual([
      { type: 'file', target: '/srv/elsewhere.yaml' },
      { type: 'file', target: path.join(rendered, 'all.yaml') },
    ]);
    expect(
      JSON.parse(
        (await run([`--config=${path.join(root, 'other.yaml')}`])).env
          .APP_CONFIG_catalog_locations,
      ),
    ).toHaveLength(2);

    // locations already given in the environment win over files, as in Backstage
    const fromEnv = JSON.stringify([
      { type: 'file', target: path.join(root, 'examples/all.yaml') },
    ]);
    expect(
      JSON.parse(
        (await run([], { APP_CONFIG_catalog_locations: fromEnv })).env
          .APP_CONFIG_catalog_locations,
      ),
    ).toEqual([{ type: 'file', target: path.join(rendered, 'all.yaml') }]);
  });

  it('renders nothing and changes no config when no location reads examples/', async () => {
    write('app-config.yaml', locationsConfig('../../catalog-info.yaml'));
    expect(await run()).toEqual({ env: {} });
    expect(fs.existsSync(rendered)).toBe(false);
  });

  it('names STOCKROOM_DEMO_TODAY when it is not a date', async () => {
    await expect(run([], {}, '2026-13-01')).rejects.toThrow(
      'STOCKROOM_DEMO_TODAY must be a calendar date YYYY-MM-DD, got "2026-13-01"',
    );
  });
});
