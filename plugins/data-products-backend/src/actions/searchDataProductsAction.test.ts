import {
  ActionsBackend,
  invalidFields,
  startActionsBackend,
} from './__testUtils__/actionsBackend';

jest.setTimeout(120_000);

/*
 * The demo inventory (examples/all.yaml): 11 products, none scored yet in
 * this backend (no runs ingested), so every overall score is unknown.
 */
describe('action search-data-products', () => {
  let backend: ActionsBackend;
  beforeAll(async () => {
    backend = await startActionsBackend();
  });
  afterAll(() => backend?.stop());

  const refs = (body: any) =>
    body.output.items.map((item: any) => item.entityRef).sort();

  it('finds products by text in the name or title', async () => {
    const { status, body } = await backend.invoke('search-data-products', {
      text: 'Identity',
    });
    expect(status).toBe(200);
    expect(refs(body)).toEqual([
      'dataproduct:default/customer-identity-v1',
      'dataproduct:default/customer-identity-v2',
    ]);
    expect(body.output.total).toBe(2);
  });

  it('filters by owner, completing a bare group name', async () => {
    const { body } = await backend.invoke('search-data-products', {
      owner: ['growth-analytics'],
    });
    expect(refs(body)).toEqual([
      'dataproduct:default/growth-trial-conversion',
      'dataproduct:default/growth-weekly-cohorts',
    ]);
  });

  it('filters by category', async () => {
    const { body } = await backend.invoke('search-data-products', {
      category: ['shared-mart'],
    });
    expect(refs(body)).toEqual([
      'dataproduct:default/marketing-attribution',
      'dataproduct:default/partner-feed-adtech',
      'dataproduct:default/support-interactions',
    ]);
  });

  it('a minimum score leaves out products not scored yet', async () => {
    const { body } = await backend.invoke('search-data-products', {
      minScore: 1,
    });
    expect(body.output).toMatchObject({ total: 0, items: [] });
  });

  it('a product not scored yet is not flagged: fragile false finds it, true does not', async () => {
    // as GET /products filters flags: false is "the others, unknown
    // included"
    for (const [input, total] of [
      [{ fragile: true }, 0],
      [{ budgetExhausted: true }, 0],
      [{ fragile: false }, 11],
    ] as const) {
      const { body } = await backend.invoke('search-data-products', input);
      expect(body.output.total).toBe(total);
    }
    const { body } = await backend.invoke('search-data-products', {
      text: 'orders',
    });
    expect(body.output.items[0]).toMatchObject({
      fragile: null,
      budgetExhausted: null,
    });
  });

  it('pages through every product once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const { body } = await backend.invoke('search-data-products', {
        limit: 4,
        ...(cursor ? { cursor } : {}),
      });
      expect(body.output.total).toBe(11);
      seen.push(...body.output.items.map((item: any) => item.entityRef));
      cursor = body.output.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(11);
  });

  it('refuses input of the wrong type or range, naming the field', async () => {
    for (const [input, field] of [
      [{ limit: 'ten' }, 'limit'],
      [{ limit: 1000 }, 'limit'],
      [{ minScore: 9 }, 'minScore'],
      [{ state: ['bogus'] }, 'state.0'],
      [{ breaching: 'yes' }, 'breaching'],
    ] as const) {
      const { status, body } = await backend.invoke(
        'search-data-products',
        input,
      );
      expect(status).toBe(400);
      expect(invalidFields(body)).toEqual([field]);
    }
  });

  it('refuses an owner that is not an entity ref, naming it', async () => {
    const { status, body } = await backend.invoke('search-data-products', {
      owner: ['group:'],
    });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/^owner "group:" is not an entity ref/);
  });
});
