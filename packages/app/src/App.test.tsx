import { render, screen } from '@testing-library/react';
import { mockApis, renderTestApp } from '@backstage/frontend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import dataProductsPlugin from '@stockroom/plugin-data-products/alpha';
import App from './App';

// rendering the whole app is slow on a loaded CI machine
jest.setTimeout(30_000);

describe('App', () => {
  const originalEnv = process.env;

  afterEach(() => {
    process.env = originalEnv;
    jest.restoreAllMocks();
  });

  it('should render', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Test' },
            backend: { baseUrl: 'http://localhost:7007' },
          },
          context: 'test',
        },
      ] as any,
    };
    const warn = jest.spyOn(console, 'warn');

    render(App.createRoot());

    expect(
      await screen.findByRole('heading', { name: 'Test' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Guest')).toBeInTheDocument();
    // Startup errors would replace the app with an error page; recoverable
    // ones are logged under this heading.
    expect(screen.queryByText('App startup failed')).not.toBeInTheDocument();
    expect(warn).not.toHaveBeenCalledWith('App startup encountered warnings:');
  });
});

/**
 * The catalog entity page with the data-products plugin installed, against a
 * catalog backend stubbed at the fetch level (the app talks to it only
 * through the catalog plugin's own client).
 */
describe('DataProduct entity page', () => {
  const dataProduct = {
    apiVersion: 'stockroom.io/v1alpha1',
    kind: 'DataProduct',
    metadata: {
      namespace: 'default',
      name: 'customer-identity-v2',
      title: 'Customer Identity Graph',
      labels: { 'stockroom.io/state': 'active' },
    },
    spec: {
      type: 'table',
      category: 'core-entity',
      owner: 'group:identity-platform',
      version: '2.1.0',
      lifecycle: { stage: 'active' },
      contract: { escalation: { channel: '#identity-oncall' } },
    },
  };
  const component = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { namespace: 'default', name: 'identity-service' },
    spec: { type: 'service', lifecycle: 'production', owner: 'identity' },
  };

  function json(body: unknown, status = 200) {
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  }

  function catalogBackend(
    entities: Array<typeof dataProduct | typeof component>,
  ) {
    return async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const { pathname } = new URL(request.url);
      const byName = pathname.match(
        /^\/api\/catalog\/entities\/by-name\/([^/]+)\/([^/]+)\/([^/]+)(\/ancestry)?$/,
      );
      if (byName) {
        const [, kind, namespace, name, ancestry] = byName;
        const entity = entities.find(
          e =>
            e.kind.toLocaleLowerCase('en-US') === kind &&
            e.metadata.namespace === namespace &&
            e.metadata.name === name,
        );
        if (!entity) {
          return json({ error: { name: 'NotFoundError' } }, 404);
        }
        return ancestry
          ? json({
              rootEntityRef: `${kind}:${namespace}/${name}`,
              items: [{ entity, parentEntityRefs: [] }],
            })
          : json(entity);
      }
      if (pathname === '/api/catalog/entities/by-refs') {
        const { entityRefs } = await request.json();
        return json({ items: entityRefs.map(() => null) });
      }
      return json({ error: { name: 'NotFoundError' } }, 404);
    };
  }

  function renderEntityPage(path: string) {
    return renderTestApp({
      features: [catalogPlugin, dataProductsPlugin],
      initialRouteEntries: [path],
      apis: [
        mockApis.fetch({
          baseImplementation: catalogBackend([dataProduct, component]),
        }),
      ],
    });
  }

  it('shows the overview card on a DataProduct', async () => {
    renderEntityPage('/catalog/default/dataproduct/customer-identity-v2');

    // lazy extensions and the first render of the whole app are slow on a
    // loaded 2-core CI machine: allow more than findBy's default second
    expect(
      await screen.findByText('Who do I ping', undefined, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('#identity-oncall')).toBeInTheDocument();
    expect(screen.getByText('Core entity')).toBeInTheDocument();
  });

  it('does not show it on other kinds', async () => {
    renderEntityPage('/catalog/default/component/identity-service');

    expect(
      await screen.findByText('About', undefined, { timeout: 15_000 }),
    ).toBeInTheDocument();
    // cards load lazily: give ours time to appear if the filter let it through
    await expect(
      screen.findByText('Who do I ping', undefined, { timeout: 1000 }),
    ).rejects.toThrow();
  });
});
