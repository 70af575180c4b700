import {
  ActionsBackend,
  invalidFields,
  startActionsBackend,
} from './__testUtils__/actionsBackend';

jest.setTimeout(120_000);

/*
 * Expectations read by hand from examples/: components.yaml (spec.dependsOn)
 * and each product's contract.lineage.upstreams.
 */
describe('action impact-of-change', () => {
  let backend: ActionsBackend;
  beforeAll(async () => {
    backend = await startActionsBackend();
  });
  afterAll(() => backend?.stop());

  it('lists direct consumers with their owners, and products downstream by hops', async () => {
    const { status, body } = await backend.invoke('impact-of-change', {
      entityRef: 'partner-feed-adtech',
      field: 'customer_id',
    });
    expect(status).toBe(200);
    expect(body.output.consumers).toEqual([
      {
        entityRef: 'component:default/fraud-scoring',
        kind: 'component',
        owners: ['group:default/commerce-eng'],
      },
      {
        entityRef: 'dataproduct:default/marketing-attribution',
        kind: 'dataproduct',
        owners: ['group:default/marketing-analytics'],
      },
    ]);
    // marketing-attribution reads it; growth-trial-conversion reads marketing-attribution
    expect(
      body.output.downstreamProducts.map((p: any) => [p.entityRef, p.hops]),
    ).toEqual([
      ['dataproduct:default/marketing-attribution', 1],
      ['dataproduct:default/growth-trial-conversion', 2],
    ]);
    expect(body.output.field).toBe('customer_id');
    expect(body.output.notes).toHaveLength(1);
  });

  it('counts each downstream product once, at its nearest distance', async () => {
    const { body } = await backend.invoke('impact-of-change', {
      entityRef: 'dataproduct:default/customer-identity-v2',
    });
    // seven products name it upstream; marketing-attribution and
    // growth-weekly-cohorts are also two hops away, but nearer at one
    expect(
      body.output.downstreamProducts.map((p: any) => [p.entityRef, p.hops]),
    ).toEqual([
      ['dataproduct:default/growth-trial-conversion', 1],
      ['dataproduct:default/growth-weekly-cohorts', 1],
      ['dataproduct:default/marketing-attribution', 1],
      ['dataproduct:default/orders-core', 1],
      ['dataproduct:default/partner-feed-adtech', 1],
      ['dataproduct:default/support-interactions', 1],
      ['dataproduct:default/web-sessions', 1],
    ]);
    expect(
      body.output.consumers
        .filter((c: any) => c.kind === 'component')
        .map((c: any) => c.entityRef),
    ).toEqual([
      'component:default/checkout-service',
      'component:default/fraud-scoring',
      'component:default/pricing-experiments',
      'component:default/support-copilot',
    ]);
  });

  it('refuses a field the contract does not have, naming it', async () => {
    const { status, body } = await backend.invoke('impact-of-change', {
      entityRef: 'partner-feed-adtech',
      field: 'no_such_field',
    });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(
      /^field "no_such_field" is not in the contract of dataproduct:default\/partner-feed-adtech; its fields are /,
    );
  });

  it('refuses a field of the wrong type, naming it', async () => {
    const { status, body } = await backend.invoke('impact-of-change', {
      entityRef: 'partner-feed-adtech',
      field: ['customer_id'],
    });
    expect(status).toBe(400);
    expect(invalidFields(body)).toEqual(['field']);
  });

  it('answers not found for an unknown product', async () => {
    const { status } = await backend.invoke('impact-of-change', {
      entityRef: 'no-such-product',
    });
    expect(status).toBe(404);
  });
});
