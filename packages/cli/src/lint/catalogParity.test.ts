import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { parse } from 'yaml';
import {
  INVALID_ENTITY_CASES,
  REF_CASES,
  VALID_ENTITY_CASES,
} from '../__testUtils__/entityCases';
import {
  RealCatalog,
  startRealCatalog,
} from '@stockroom/plugin-catalog-backend-module-data-products/testUtils';
import { runCli, tempDir } from '../__testUtils__/runCli';

/*
 * Lint and the catalog must agree on every case: the real catalog backend
 * (Backstage's catalog plugin with our DataProduct module, default entity
 * policies) judges each entity through POST /api/catalog/validate-entity,
 * and `stockroom lint` must reject (exit 1) exactly the ones it refuses
 * (400) and pass (exit 0) the ones it accepts (200).
 *
 * The cases do not depend on the day (a core entity never expires): the
 * processor judges at the real clock, lint at runCli's fixed day.
 */

jest.setTimeout(60_000);

const CASES = [
  ...INVALID_ENTITY_CASES,
  ...VALID_ENTITY_CASES,
  ...REF_CASES,
].map(c => [c.name, c.yaml] as const);

describe('stockroom lint agrees with the catalog’s validate-entity', () => {
  let catalog: RealCatalog;

  beforeAll(async () => {
    catalog = await startRealCatalog({ allow: ['DataProduct'] });
  });

  afterAll(() => catalog?.backend.stop());

  it('has invalid and valid cases', () => {
    expect(INVALID_ENTITY_CASES.length).toBeGreaterThan(5);
    expect(VALID_ENTITY_CASES.length).toBeGreaterThan(5);
  });

  const validate = (yaml: string) =>
    request(catalog.backend.server)
      .post('/api/catalog/validate-entity')
      .set('Authorization', mockCredentials.user.header())
      .send({
        entity: parse(yaml),
        location: 'url:https://example.com/catalog-info.yaml',
      });

  const lint = async (yaml: string) => {
    const cwd = tempDir({ 'catalog-info.yaml': yaml });
    const { code, stdout } = await runCli(
      ['lint', 'catalog-info.yaml', '--format', 'json'],
      { cwd },
    );
    return { code, result: JSON.parse(stdout).results[0] };
  };

  it.each(CASES)(
    'accepts or rejects %s as the catalog does',
    async (_, yaml) => {
      const response = await validate(yaml);
      expect([200, 400]).toContain(response.status);
      const { code } = await lint(yaml);
      expect([0, 1]).toContain(code);

      // Name the catalog's reason when they disagree.
      const catalogErrors = response.body?.errors;
      expect({ lintAccepts: code === 0, catalogErrors }).toEqual({
        lintAccepts: response.status === 200,
        catalogErrors,
      });
    },
  );

  it.each(INVALID_ENTITY_CASES.map(c => [c.name, c.yaml] as const))(
    'quotes the catalog’s first problem with %s',
    async (_, yaml) => {
      const response = await validate(yaml);
      const { result } = await lint(yaml);
      // The catalog stops at its first problem; lint's first `entity`
      // finding is it (lint adds the name of an unknown root field).
      const [first] = result.findings.filter(
        (f: { ruleId: string }) => f.ruleId === 'entity',
      );
      const quoted = first.message.replace(/ \(Unknown field .+\)$/, '');
      expect(response.body.errors.map((e: Error) => e.message)).toEqual([
        expect.stringContaining(quoted),
      ]);
    },
  );
});
