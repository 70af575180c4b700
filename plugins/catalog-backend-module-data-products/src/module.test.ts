import {
  createMockDirectory,
  mockCredentials,
} from '@backstage/backend-test-utils';
import path from 'node:path';
import request from 'supertest';
import fs from 'node:fs';
import { parseAllDocuments, stringify } from 'yaml';
import { fullDataProduct } from './__fixtures__/entities';
import { RealCatalog, startRealCatalog, waitFor } from './testUtils';

const EXAMPLES = path.resolve(__dirname, '../../../examples/all.yaml');
const EXAMPLE_PRODUCTS = path.resolve(
  __dirname,
  '../../../examples/data-products',
);

/** Names of every DataProduct document in examples/data-products. */
function exampleProductNames(): string[] {
  return fs
    .readdirSync(EXAMPLE_PRODUCTS)
    .filter(f => f.endsWith('.yaml'))
    .flatMap(f =>
      parseAllDocuments(
        fs.readFileSync(path.join(EXAMPLE_PRODUCTS, f), 'utf8'),
      ),
    )
    .map(doc => doc.toJS())
    .filter(e => e?.kind === 'DataProduct')
    .map(e => e.metadata.name)
    .sort();
}

jest.setTimeout(60_000);

describe('catalogModuleDataProducts with the real catalog', () => {
  it('accepts every example file and emits their relations', async () => {
    const { backend, processingErrors: errors } = await startRealCatalog({
      locations: [EXAMPLES],
    });
    const { server } = backend;
    try {
      const fetchProducts = async () => {
        const res = await request(server)
          .get(
            '/api/catalog/entities/by-query?filter=kind=DataProduct&limit=100',
          )
          .set('Authorization', mockCredentials.user.header());
        return res.body.items as any[];
      };
      const expected = exampleProductNames();
      expect(expected.length).toBeGreaterThanOrEqual(8);
      const items = await waitFor(async () => {
        const found = await fetchProducts();
        if (errors.length) throw new Error(JSON.stringify(errors, null, 2));
        return found.length === expected.length &&
          found.every(e => (e.relations ?? []).length > 0)
          ? found
          : undefined;
      }, 'the example DataProducts');
      expect(errors).toEqual([]);
      expect(items.map(e => e.metadata.name).sort()).toEqual(expected);

      // stored the way Backstage's own UI can render: lifecycle is the stage
      const v2 = items.find(e => e.metadata.name === 'customer-identity-v2');
      expect(v2.spec.lifecycle).toBe('active');
      expect(v2.spec.lifecycleDetails.supersedes).toBe(
        'dataproduct:customer-identity-v1',
      );
      const relations = v2.relations.map(
        (r: any) => `${r.type} ${r.targetRef}`,
      );
      expect(relations).toEqual(
        expect.arrayContaining([
          'ownedBy group:default/identity-platform',
          'supersedes dataproduct:default/customer-identity-v1',
          'dependsOn api:default/identity-lookup',
        ]),
      );
      // an ODCS-authored contract is judged on its mapped fields: its SLA and
      // escalation come from the ODCS document, so those rules stay quiet
      const odcs = items.find(e => e.metadata.name === 'support-interactions');
      const odcsRules = JSON.parse(
        odcs.metadata.annotations['stockroom.io/findings'] ?? '[]',
      ).map((f: any) => f.ruleId);
      expect(odcsRules).not.toContain('sla-percentiles');
      expect(odcsRules).not.toContain('escalation-path');
      expect(odcsRules).toContain('quarterly-review');
      // reverse relations land on the other side
      const v1 = items.find(e => e.metadata.name === 'customer-identity-v1');
      expect(
        v1.relations.map((r: any) => `${r.type} ${r.targetRef}`),
      ).toContain('supersededBy dataproduct:default/customer-identity-v2');
      // consumers: at least one Component dependsOn a DataProduct
      expect(
        items.some(e =>
          e.relations.some(
            (r: any) =>
              r.type === 'dependencyOf' && r.targetRef.startsWith('component:'),
          ),
        ),
      ).toBe(true);
    } finally {
      await backend.stop();
    }
  });

  it('rejects an invalid product without affecting a valid one in the same file', async () => {
    const mockDir = createMockDirectory();
    const good = fullDataProduct();
    const bad = fullDataProduct();
    bad.metadata.name = 'broken-product';
    (bad.spec as any).category = 'gold-tier';
    bad.spec.contract!.freshness = { p95: '30 minutes', p99: '60m' };
    mockDir.setContent({
      'catalog-info.yaml': [good, bad].map(e => stringify(e)).join('---\n'),
    });
    const catalog = await startRealCatalog({
      locations: [mockDir.resolve('catalog-info.yaml')],
    });
    try {
      await waitFor(
        () => catalog.entity('DataProduct', 'customer-identity-v2'),
        'the valid product',
      );
      const badErrors = await waitFor(() => {
        const found = catalog.processingErrors.filter(
          e => e.name === 'broken-product',
        );
        return found.length ? found : undefined;
      }, 'the invalid product to be rejected');
      expect(badErrors[0].message).toContain('spec.category');
      expect(badErrors[0].message).toContain('spec.contract.freshness.p95');
      expect(
        await catalog.entity('DataProduct', 'broken-product'),
      ).toBeUndefined();
    } finally {
      await catalog.backend.stop();
    }
  });

  it('never publishes a host file through a placeholder, for any kind', async () => {
    const mockDir = createMockDirectory();
    mockDir.setContent({
      'secret.txt': 'host secret',
      'repo/catalog-info.yaml': [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: 'leaky',
            description: { $text: '../secret.txt' },
          },
          spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
        },
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: 'absolute',
            description: { $text: '/etc/hostname' },
          },
          spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
        },
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'fine', description: { $text: './readme.txt' } },
          spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
        },
      ]
        .map(e => stringify(e))
        .join('---\n'),
      'repo/readme.txt': 'A fine component',
    });
    const catalog = await startRealCatalog({
      locations: [mockDir.resolve('repo/catalog-info.yaml')],
    });
    try {
      const fine = await waitFor(
        () => catalog.entity('Component', 'fine'),
        'the component with a contained placeholder',
      );
      expect(fine.metadata.description).toBe('A fine component');
      const refused = await waitFor(() => {
        const errors = catalog.processingErrors;
        const names = new Set(errors.map(e => e.name));
        return names.has('leaky') && names.has('absolute') ? errors : undefined;
      }, 'both leaking components to be refused');
      expect(refused.find(e => e.name === 'leaky')!.message).toContain(
        "../secret.txt points to a file outside the entity file's folder",
      );
      expect(refused.find(e => e.name === 'absolute')!.message).toContain(
        'is an absolute path (/etc/hostname)',
      );
      for (const name of ['leaky', 'absolute']) {
        expect(await catalog.entity('Component', name)).toBeUndefined();
      }
    } finally {
      await catalog.backend.stop();
    }
  });

  it('fails start-up on a malformed stockroom policy, naming the key', async () => {
    await expect(
      startRealCatalog({
        config: {
          stockroom: {
            categories: { 'shared-mart': { rules: { semver: 'warning' } } },
          },
        },
      }),
    ).rejects.toThrow('stockroom.categories.shared-mart.rules.semver');
  });

  it('rejects blocking rule findings with the finding message', async () => {
    const { backend } = await startRealCatalog();
    try {
      const entity = fullDataProduct();
      delete entity.spec.contract!.freshness!.p99; // sla-percentiles blocks core entities
      const res = await request(backend.server)
        .post('/api/catalog/validate-entity')
        .set('Authorization', mockCredentials.user.header())
        .send({
          entity,
          location: 'url:https://git.example.com/acme/catalog-info.yaml',
        });
      expect(res.status).toBe(400);
      const message = res.body.errors.map((e: any) => e.message).join('\n');
      expect(message).toContain(
        '[sla-percentiles] spec.contract.freshness.p99',
      );
    } finally {
      await backend.stop();
    }
  });

  describe('validate-entity', () => {
    let catalog: RealCatalog;
    beforeAll(async () => {
      catalog = await startRealCatalog();
    });
    afterAll(() => catalog.backend.stop());

    const validate = (entity: unknown) =>
      request(catalog.backend.server)
        .post('/api/catalog/validate-entity')
        .set('Authorization', mockCredentials.user.header())
        .send({
          entity,
          location: 'url:https://git.example.com/acme/catalog-info.yaml',
        });

    it('accepts a full product', async () => {
      const res = await validate(fullDataProduct());
      expect(res.status).toBe(200);
    });

    const cases: Array<[string, string, (e: any) => void]> = [
      [
        'an unknown category',
        'spec.category',
        e => {
          e.spec.category = 'gold';
        },
      ],
      [
        'a negative duration',
        'spec.contract.freshness.p95',
        e => {
          e.spec.contract.freshness.p95 = '-5m';
        },
      ],
      [
        'p95 above p99',
        'spec.contract.freshness.p95',
        e => {
          e.spec.contract.freshness = { p95: '2h', p99: '30m' };
        },
      ],
      [
        'a rate above 1',
        'spec.contract.quality.maxNullRate',
        e => {
          e.spec.contract.quality.maxNullRate = 1.5;
        },
      ],
      [
        'an impossible date',
        'spec.lifecycle.createdOn',
        e => {
          e.spec.lifecycle.createdOn = '2026-02-30';
        },
      ],
      [
        'an owner that is not a ref',
        'spec.owner',
        e => {
          e.spec.owner = 'Identity Platform';
        },
      ],
      [
        'a missing owner',
        'spec.owner',
        e => {
          delete e.spec.owner;
        },
      ],
      [
        'an unknown spec field',
        'spec.ower',
        e => {
          e.spec.ower = 'group:x';
        },
      ],
      [
        'a version that is not semver',
        'spec.version',
        e => {
          e.spec.version = 'v2';
        },
      ],
      [
        'a schema field without type',
        'spec.contract.schema[1].type',
        e => {
          delete e.spec.contract.schema[1].type;
        },
      ],
    ];
    it.each(cases)(
      'rejects %s, naming %s',
      async (_name, fieldPath, mutate) => {
        const entity = fullDataProduct();
        mutate(entity);
        const res = await validate(entity);
        expect(res.status).toBe(400);
        const message = res.body.errors.map((e: any) => e.message).join('\n');
        expect(message).toContain('DataProductProcessor');
        expect(message).toContain(fieldPath);
      },
    );
  });
});
