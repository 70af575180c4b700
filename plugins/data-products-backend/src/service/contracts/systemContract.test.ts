import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { Entity, RELATION_PART_OF } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  odcsToDataProducts,
  toCatalogShape,
} from '@stockroom/plugin-data-products-common';
import request from 'supertest';
import { parse as parseYaml } from 'yaml';
import plugin from '../../index';
import { productWithContract } from '../../__testUtils__/contractEntities';
import { RecordingNotificationService } from '../../__testUtils__/RecordingNotificationService';
import { bitolContract, odcsSchemaErrors } from './__testUtils__/odcsFixtures';

jest.setTimeout(60_000);

const BASE = '/api/data-products/systems';

function system(name: string, spec: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name, namespace: 'default' },
    spec: { owner: 'group:default/billing-team', ...spec },
  };
}

/** A product as the catalog serves it once its processor ran: `partOf` its System. */
function partOf(product: Entity, systemName: string): Entity {
  return {
    ...product,
    spec: { ...product.spec, system: systemName },
    relations: [
      ...(product.relations ?? []),
      { type: RELATION_PART_OF, targetRef: `system:default/${systemName}` },
    ],
  };
}

const invoices = partOf(
  productWithContract('invoices', {
    schema: [
      { name: 'invoice_id', type: 'string', description: 'One per invoice.' },
      { name: 'total', type: 'decimal', description: 'In EUR.' },
    ],
  }),
  'billing',
);
const payments = partOf(
  productWithContract('payments', {
    schema: [
      { name: 'payment_id', type: 'string', description: 'One per payment.' },
      { name: 'invoice_id', type: 'string', description: 'What it pays.' },
    ],
  }),
  'billing',
);
const shipments = partOf(productWithContract('shipments'), 'logistics');

/** Object names, each with its property names: what an export must carry. */
const shape = (document: any): Array<[string, string[]]> =>
  (document.schema ?? []).map((object: any) => [
    object.name,
    (object.properties ?? []).map((property: any) => property.name),
  ]);

describe('GET /systems/:namespace/:name/contract', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function startBackend(entities: Entity[]) {
    const knex = await databases.init('SQLITE_3');
    // A JSON round trip: the catalog serves plain JSON.
    const catalog = catalogServiceMock({
      entities: JSON.parse(JSON.stringify(entities)),
    });
    const { server } = await startTestBackend({
      features: [
        plugin,
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () => catalog,
        }),
        mockServices.database.factory({ knex }),
        new RecordingNotificationService().factory(),
      ],
    });
    return { server, catalog };
  }

  it('merges the System’s products into one ODCS v3.1.0 YAML document', async () => {
    const { server } = await startBackend([
      system('billing', { domain: 'domain:default/finance' }),
      system('logistics'),
      payments,
      invoices,
      shipments,
    ]);

    const response = await request(server).get(
      `${BASE}/default/billing/contract?format=odcs`,
    );

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/yaml/);
    expect(response.headers['content-disposition']).toBe(
      'inline; filename="billing.odcs.yaml"',
    );
    const document = parseYaml(response.text);
    expect(odcsSchemaErrors(document)).toEqual([]);
    expect(document).toEqual(
      expect.objectContaining({
        apiVersion: 'v3.1.0',
        kind: 'DataContract',
        id: 'billing',
        name: 'billing',
        version: '1.0.0',
        domain: 'finance',
        dataProduct: 'billing',
        team: expect.objectContaining({ name: 'billing-team' }),
      }),
    );
    // Only billing's products, one object each, in entity-ref order.
    expect(shape(document)).toEqual([
      ['invoices', ['invoice_id', 'total']],
      ['payments', ['payment_id', 'invoice_id']],
    ]);
  });

  it('is ODCS by default: format may be left out', async () => {
    const { server } = await startBackend([system('billing'), invoices]);

    const plain = await request(server).get(`${BASE}/default/billing/contract`);

    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toMatch(/^application\/yaml/);
    expect(shape(parseYaml(plain.text))).toEqual([
      ['invoices', ['invoice_id', 'total']],
    ]);
  });

  it('answers the same document as JSON when the client prefers JSON', async () => {
    const { server } = await startBackend([
      system('billing'),
      invoices,
      payments,
    ]);

    const yaml = await request(server).get(
      `${BASE}/default/billing/contract?format=odcs`,
    );
    const json = await request(server)
      .get(`${BASE}/default/billing/contract?format=odcs`)
      .set('Accept', 'application/json');

    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.body).toEqual(parseYaml(yaml.text));
  });

  it('exports an imported multi-table contract with the same objects and properties', async () => {
    // The AdventureWorks example: 68 schema objects, imported as 68 products.
    const original = bitolContract(
      'postgresql-adventureworks-contract.odcs.yaml',
    );
    const imported = odcsToDataProducts(original, {
      contractRef: './adventureworks.odcs.yaml',
      owner: 'group:default/data-platform',
      system: 'adventureworks',
      now: new Date('2026-06-01T10:00:00Z'),
    });
    expect(imported.products).toHaveLength(68);
    // As the catalog holds them: $yaml resolved to the document, partOf the System.
    const products = imported.products.map(({ entity }) =>
      partOf(
        toCatalogShape({
          ...entity,
          spec: {
            ...entity.spec,
            contract: { ...entity.spec.contract, odcs: original },
          },
        }),
        'adventureworks',
      ),
    );
    const { server } = await startBackend([imported.system!, ...products]);

    const response = await request(server).get(
      `${BASE}/default/adventureworks/contract?format=odcs`,
    );

    expect(response.status).toBe(200);
    const document = parseYaml(response.text);
    expect(odcsSchemaErrors(document)).toEqual([]);
    const byName = (a: [string, string[]], b: [string, string[]]) =>
      a[0].localeCompare(b[0]);
    expect(shape(document).sort(byName)).toEqual(shape(original).sort(byName));
    expect(shape(document)).toHaveLength(68);
  });

  it('answers 404 naming the System when the catalog has none of that name', async () => {
    const { server } = await startBackend([
      system('billing'),
      invoices,
      // A product named like the System asked for is not a System.
      partOf(productWithContract('logistics'), 'billing'),
    ]);

    const missing = await request(server).get(
      `${BASE}/default/logistics/contract?format=odcs`,
    );
    const otherNamespace = await request(server).get(
      `${BASE}/sales/billing/contract?format=odcs`,
    );

    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual(
      expect.objectContaining({
        name: 'NotFoundError',
        message: 'No system system:default/logistics in the catalog',
      }),
    );
    expect(otherNamespace.status).toBe(404);
    expect(otherNamespace.body.error.message).toBe(
      'No system system:sales/billing in the catalog',
    );
  });

  it('answers 404 for a System with no data products, rather than an empty contract', async () => {
    const { server } = await startBackend([
      system('billing'),
      system('logistics'),
      invoices,
    ]);

    const response = await request(server).get(
      `${BASE}/default/logistics/contract?format=odcs`,
    );

    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe(
      'System system:default/logistics has no data products to export: no DataProduct you may see names it in spec.system',
    );
  });

  it('answers 400 for an unknown format, listing the allowed values', async () => {
    const { server } = await startBackend([system('billing'), invoices]);

    const response = await request(server).get(
      `${BASE}/default/billing/contract?format=json`,
    );

    expect(response.status).toBe(400);
    expect(response.body.error).toEqual(
      expect.objectContaining({
        name: 'InputError',
        message:
          'The request does not match the API: format "json" is unknown; allowed values are odcs',
      }),
    );
  });

  it('reads the catalog on behalf of the caller, so catalog permissions apply', async () => {
    const { server, catalog } = await startBackend([
      system('billing'),
      invoices,
    ]);
    const readSystem = jest.spyOn(catalog, 'getEntityByRef');
    const readProducts = jest.spyOn(catalog, 'streamEntities');
    const ada = mockCredentials.user('user:default/ada');

    await request(server)
      .get(`${BASE}/default/billing/contract?format=odcs`)
      .set('Authorization', mockCredentials.user.header('user:default/ada'));

    expect(readSystem).toHaveBeenCalledWith('system:default/billing', {
      credentials: ada,
    });
    expect(readProducts).toHaveBeenCalledWith(expect.anything(), {
      credentials: ada,
    });
  });

  it('serves services too, and refuses unauthenticated requests', async () => {
    const { server } = await startBackend([system('billing'), invoices]);

    const service = await request(server)
      .get(`${BASE}/default/billing/contract?format=odcs`)
      .set('Authorization', mockCredentials.service.header());
    const none = await request(server)
      .get(`${BASE}/default/billing/contract?format=odcs`)
      .set('Authorization', mockCredentials.none.header());

    expect(service.status).toBe(200);
    expect(none.status).toBe(401);
  });
});
