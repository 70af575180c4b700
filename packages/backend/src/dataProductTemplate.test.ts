import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parse } from 'yaml';

/*
 * The demo registers examples/templates/data-product/template.yaml as a
 * catalog location (app-config.yaml): the catalog must accept it as a
 * Template, which it does only with the scaffolder's entity-model module
 * that this backend adds.
 */

jest.setTimeout(60_000);

const TEMPLATE = parse(
  fs.readFileSync(
    path.resolve(
      __dirname,
      '../../../examples/templates/data-product/template.yaml',
    ),
    'utf8',
  ),
);

async function validate(features: any[]) {
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      ...features,
      mockServices.rootConfig.factory({
        data: { catalog: { rules: [{ allow: ['Template'] }] } },
      }),
    ],
  });
  try {
    const { port } = backend.server.address() as AddressInfo;
    const response = await fetch(
      `http://localhost:${port}/api/catalog/validate-entity`,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: mockCredentials.user.header(),
        },
        body: JSON.stringify({
          entity: TEMPLATE,
          location: 'url:https://example.com/template.yaml',
        }),
      },
    );
    return response.status;
  } finally {
    await backend.stop();
  }
}

describe('the New data product template in the demo catalog', () => {
  it('is a Template the catalog accepts with the scaffolder entity model', async () => {
    expect(await validate([scaffolderEntityModel])).toBe(200);
  });

  it('is refused without it (why the backend adds the module)', async () => {
    expect(await validate([])).toBe(400);
  });
});
