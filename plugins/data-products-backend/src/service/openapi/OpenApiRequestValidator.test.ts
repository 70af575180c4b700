import { mockErrorHandler, mockServices } from '@backstage/backend-test-utils';
import {
  DATA_PRODUCT_CATEGORIES,
  DATA_PRODUCT_STATES,
} from '@stockroom/plugin-data-products-common';
import express from 'express';
import request from 'supertest';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createRunsRouter } from '../runs';
import { createInventoryRouter } from '../inventory';
import { createLifecycleRouter } from '../lifecycle/createLifecycleRouter';
import { createContractsRouter } from '../contracts/createContractsRouter';
import { createOpenApiDocumentRouter } from './createOpenApiDocumentRouter';
import { createTasksRouter } from '../tasks';
import { createMissingProductsRouter } from '../lifecycle/createMissingProductsRouter';
import { CONTRACT_FORMATS } from '../contracts/parseContractFormat';
import { INVENTORY_SORTS } from '../inventory/parseInventoryQuery';
import { OpenApiDocument, loadOpenApiDocument } from './openApiDocument';
import { OpenApiRequestValidator } from './OpenApiRequestValidator';
import { asRunProblems } from '../runs/asRunProblems';

const validator = OpenApiRequestValidator.fromDocument();

/** `METHOD /path` of every route an Express router holds. */
function routesOf(router: express.Router): string[] {
  return (router.stack as any[])
    .filter(layer => layer.route)
    .flatMap(layer =>
      Object.keys(layer.route.methods).map(
        method =>
          `${method.toUpperCase()} ${String(layer.route.path).replace(
            /:([A-Za-z0-9_]+)/g,
            '{$1}',
          )}`,
      ),
    );
}

/** A one-route app that answers 204 once the validator lets the request by. */
function appFor(
  method: 'get' | 'post',
  path: string,
  options?: { body?: boolean },
) {
  const app = express();
  app.use(express.json());
  app[method](path, validator.middleware(options), (_req, res) => {
    res.status(204).end();
  });
  app.use(mockErrorHandler());
  return app;
}

describe('OpenApiRequestValidator', () => {
  it('has every route of every router in the document, and nothing else', async () => {
    const services = {
      httpAuth: mockServices.httpAuth(),
      auth: mockServices.auth(),
      permissions: mockServices.permissions(),
      logger: mockServices.logger.mock(),
      auditor: mockServices.auditor.mock(),
      catalog: catalogServiceMock(),
    };
    const routes = [
      ...routesOf(
        createRunsRouter({
          ...services,
          store: {} as any,
          snapshots: {} as any,
        }),
      ),
      ...routesOf(
        createInventoryRouter({
          ...services,
          snapshots: {} as any,
          policy: {} as any,
        }),
      ),
      ...routesOf(createLifecycleRouter({ ...services, policy: {} as any })),
      ...routesOf(
        createContractsRouter({ ...services, contractHistory: {} as any }),
      ),
      ...routesOf(createOpenApiDocumentRouter(services)),
      ...routesOf(
        createTasksRouter({ ...services, scheduler: mockServices.scheduler() }),
      ),
      ...routesOf(
        createMissingProductsRouter({ ...services, report: {} as any }),
      ),
    ];
    expect(routes.sort()).toEqual(validator.operations().sort());
  });

  it('lists in the document exactly the values the code accepts', () => {
    const document = loadOpenApiDocument() as any;
    const query = (path: string, name: string) =>
      document.paths[path].get.parameters.find((p: any) => p.name === name)
        .schema;
    expect(query('/products', 'category').items.enum).toEqual([
      ...DATA_PRODUCT_CATEGORIES,
    ]);
    expect(query('/products', 'state').items.enum).toEqual([
      ...DATA_PRODUCT_STATES,
    ]);
    expect(query('/lifecycle', 'state').items.enum).toEqual([
      ...DATA_PRODUCT_STATES,
    ]);
    expect(query('/products', 'sort').enum).toEqual([...INVENTORY_SORTS]);
    expect(
      query('/products/{namespace}/{name}/contract', 'format').enum,
    ).toEqual([...CONTRACT_FORMATS]);
  });

  it.each([
    ['?limit=0', 'limit must be a whole number from 1 to 500, not "0"'],
    ['?limit=5&limit=6', 'limit must be given once, as a plain value'],
    ['?limit=1.5', 'limit must be a whole number from 1 to 500, not "1.5"'],
    [
      '?max=3',
      'unknown query parameter "max"; allowed parameters are limit, before',
    ],
    [
      '?limit=x&a=1&b=2',
      'unknown query parameters "a", "b"; allowed parameters are limit, before; limit must be a whole number from 1 to 500, not "x"',
    ],
  ])('refuses the query %s, naming the parameter', async (query, message) => {
    const app = appFor('get', '/products/:namespace/:name/runs');
    const response = await request(app).get(
      `/products/default/orders/runs${query}`,
    );
    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({
      name: 'InputError',
      message: `The request does not match the API: ${message}`,
    });
  });

  it('reads comma-separated and repeated list parameters alike', async () => {
    const app = appFor('get', '/products');
    for (const query of [
      '?state=active,expiring&category=shared-mart',
      '?state=active&state=expiring',
      '?breaching=true&minScore=2.5&maxScore=4&expiringWithinDays=30',
    ]) {
      const response = await request(app).get(`/products${query}`);
      expect({ query, status: response.status }).toEqual({
        query,
        status: 204,
      });
    }
    const bad = await request(app).get(
      '/products?state=active,,gone,&breaching=1',
    );
    expect(bad.body.error.message).toBe(
      'The request does not match the API: state "gone" is unknown; allowed values are draft, active, expiring, expired, deprecated, retired; breaching must be true or false, not "1"',
    );
  });

  it('checks a JSON body against its schema, naming every field at fault', async () => {
    const app = appFor('post', '/runs');
    const response = await request(app)
      .post('/runs')
      .send({
        runs: [
          {
            product: 'dataproduct:default/orders',
            runId: 'a',
            status: 'done',
            // The document leaves time formats to ingestion's parser, which
            // reads a time without a zone as UTC (standards.md); not its fault.
            finishedAt: 'noon',
          },
          {
            product: 'dataproduct:default/orders',
            status: 'success',
            finishedAt: '2026-11-25T10:00:00Z',
            rowCount: -1,
          },
        ],
      });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      [
        'The request does not match the API: runs[0].status "done" is unknown; allowed values are success, failed',
        'runs[1].runId is required',
        'runs[1].rowCount must be a whole number of at least 0, not "-1"',
      ].join('; '),
    );
  });

  it("leaves the body to the route when asked, and gives body problems in ingestion's format", async () => {
    const app = express();
    app.use(express.json());
    app.post(
      '/openlineage',
      validator.middleware({ body: false }),
      (req, res) => {
        res.json(asRunProblems(validator.bodyProblems(req)));
      },
    );
    const response = await request(app)
      .post('/openlineage')
      .send([
        {
          eventType: 'COMPLETE',
          eventTime: '2026-11-25T10:00:00Z',
          run: { runId: 'x' },
          job: { namespace: 'a', name: 'b' },
        },
      ]);
    expect(response.status).toBe(200);
    // oneOf: neither a RunEvent nor an array of valid ones
    expect(response.body).toEqual(
      expect.arrayContaining([
        {
          index: 0,
          path: 'run.runId',
          message: '[0].run.runId must be a UUID, not "x"',
        },
      ]),
    );
  });

  it('names a missing or unknown body field by its full path, not its parent', async () => {
    const app = express();
    app.use(express.json());
    app.post('/runs', validator.middleware({ body: false }), (req, res) => {
      res.json(asRunProblems(validator.bodyProblems(req)));
    });
    const response = await request(app)
      .post('/runs')
      .send({
        runs: [
          {
            product: 'dataproduct:default/orders',
            runId: 'r1',
            status: 'success',
            watermak: '2026-11-25T09:00:00Z',
          },
        ],
      });
    expect(response.body).toEqual(
      expect.arrayContaining([
        {
          index: 0,
          path: 'finishedAt',
          message: 'runs[0].finishedAt is required',
        },
        {
          index: 0,
          path: 'watermak',
          message: 'runs[0].watermak is not a known field',
        },
      ]),
    );
  });

  it.each([
    ['a NUL', 'or%00ders', 'U+0000 (a control character) at character 3'],
    [
      'a right-to-left override',
      'orders%E2%80%AEvsc.exe',
      'U+202E (a bidirectional text control) at character 7',
    ],
  ])(
    'refuses %s in a path parameter, naming the parameter',
    async (_what, name, where) => {
      const app = appFor('get', '/products/:namespace/:name/scorecard');
      const response = await request(app).get(
        `/products/default/${name}/scorecard`,
      );
      expect(response.status).toBe(400);
      expect(response.body.error.message).toBe(
        `The request does not match the API: name contains ${where}: path parameters may not hold control or bidirectional characters`,
      );
    },
  );

  // issue #11: Express's query parser drops prototype names, so only the
  // raw query string shows them
  it.each([
    ['__proto__=x', '"__proto__"'],
    ['constructor=x', '"constructor"'],
    ['hasOwnProperty=1', '"hasOwnProperty"'],
    ['__proto__[owner]=x', '"__proto__"'],
  ])(
    'refuses the prototype name in ?%s on every endpoint, naming it',
    async (query, named) => {
      for (const [path, url] of [
        ['/products', '/products'],
        ['/products/:namespace/:name/runs', '/products/default/orders/runs'],
      ]) {
        const app = appFor('get', path);
        const response = await request(app).get(`${url}?${query}`);
        expect(response.status).toBe(400);
        expect(response.body.error.message).toContain(
          `unknown query parameter ${named}`,
        );
      }
    },
  );

  it("gives handlers the query as the document types it, with the document's defaults", async () => {
    const app = express();
    for (const path of ['/products', '/products/:namespace/:name/runs']) {
      app.get(path, validator.middleware(), (req, res) => {
        res.json(validator.queryValues(req));
      });
    }
    app.use(mockErrorHandler());

    // GET …/runs: limit 1-500, default 50; before a plain string.
    const runs = await request(app).get(
      '/products/default/orders/runs?before=2026-11-01',
    );
    expect(runs.body).toEqual({ limit: 50, before: '2026-11-01' });
    const seven = await request(app).get(
      '/products/default/orders/runs?limit=7',
    );
    expect(seven.body).toEqual({ limit: 7 });

    // GET /products: lists, booleans and numbers read; sort, order and
    // limit default to overall, asc and 50.
    const inventory = await request(app).get(
      '/products?state=active,expired&breaching=true&minScore=2.5',
    );
    expect(inventory.body).toEqual({
      state: ['active', 'expired'],
      breaching: true,
      minScore: 2.5,
      sort: 'overall',
      order: 'asc',
      limit: 50,
    });
  });

  it('suggests the nearest parameter for a misspelt one', async () => {
    const app = appFor('get', '/products');
    const response = await request(app).get('/products?categroy=core-entity');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(
      'unknown query parameter "categroy" (did you mean category?)',
    );
  });

  it.each([
    ['owner=group%3Adefault%2Fa%00b', 'owner', 'U+0000', 16],
    ['q=orders%01', 'q', 'U+0001', 7],
    ['state=active&state=exp%00ired', 'state', 'U+0000', 4],
  ])(
    'refuses a control character in ?%s, naming the parameter',
    async (query, name, code, at) => {
      const app = appFor('get', '/products');
      const response = await request(app).get(`/products?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toBe(
        `The request does not match the API: ${name} contains ${code} (a control character) at character ${at}: query parameters may not hold control characters`,
      );
    },
  );

  it('lets a right-to-left mark through in a search text', async () => {
    const app = appFor('get', '/products');
    const response = await request(app).get('/products?q=%D7%90%E2%80%8F');
    expect(response.status).toBe(204);
  });

  it('checks responses for the tests: undocumented statuses and wrong shapes', () => {
    expect(
      validator.responseProblems(
        'get',
        '/products/:namespace/:name/incidents',
        200,
        {
          items: [
            {
              id: 1,
              kind: 'observed-schema-drift',
              openedAt: '2026-11-25T10:00:00Z',
              details: {},
            },
          ],
        },
      ),
    ).toEqual([]);
    expect(
      validator.responseProblems(
        'get',
        '/products/:namespace/:name/incidents',
        200,
        {
          items: [{ id: 'one', kind: 'x', openedAt: 'today', details: {} }],
        },
      ),
    ).toEqual([
      'items[0].id must be an integer, not "one"',
      'items[0].openedAt must be an ISO-8601 date-time with a time zone (e.g. 2026-11-25T12:00:00Z), not "today"',
    ]);
    expect(validator.responseProblems('get', '/lifecycle', 418, {})).toEqual([
      'status 418 is not documented for GET /lifecycle',
    ]);
  });

  it('refuses a document whose $ref names nothing', () => {
    const broken: OpenApiDocument = {
      openapi: '3.0.3',
      paths: {
        '/x': {
          get: {
            parameters: [{ $ref: '#/components/parameters/gone' }],
            responses: {},
          },
        },
      },
    };
    expect(() => OpenApiRequestValidator.fromDocument(broken)).toThrow(
      '$ref #/components/parameters/gone names nothing in the document',
    );
  });
});
