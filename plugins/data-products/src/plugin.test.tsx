import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import {
  customerIdentityV1,
  customerIdentityV2,
  identityCatalog,
} from './__testUtils__/customerIdentity';
import { customerIdentity } from './__fixtures__/dataProducts';
import {
  identityHistory,
  identityIncidents,
  identityRuns,
  identityScorecard,
} from './__fixtures__/scorecard';
import { firstPage } from './__fixtures__/inventory';
import {
  checkoutService,
  consumerCatalog,
} from './components/ConsumerDataProductsCard/__fixtures__/consumers';
import { inventoryRouteRef } from './routes';
import {
  dataProductsApiRef,
  dataProductsPlugin,
  DataProductsInventoryPage,
  EntityDataProductContractContent,
  EntityDataProductOverviewCard,
  EntityDataProductScorecardContent,
  EntityDataProductStatusBanner,
  EntityDependsOnDataProductsCard,
  isDataProductEntity,
  type DataProductsApi,
  type DataProductsInventoryApi,
} from './index';

const noHistory: DataProductsApi & DataProductsInventoryApi = {
  getContract: async () => undefined,
  getContractHistory: async () => ({ items: [] }),
  getScorecard: async () => identityScorecard,
  getScorecardHistory: async () => identityHistory,
  getRuns: async () => identityRuns,
  getIncidents: async () => identityIncidents,
  refreshScorecard: async () => identityScorecard,
  getInventory: async () => firstPage,
};

describe('legacy frontend system exports', () => {
  it('exports the data-products plugin with its backend client', () => {
    expect(dataProductsPlugin.getId()).toBe('data-products');
    expect(
      [...dataProductsPlugin.getApis()].map(factory => factory.api.id),
    ).toEqual([dataProductsApiRef.id]);
  });

  it('renders EntityDataProductOverviewCard in a legacy app', async () => {
    await renderInTestApp(
      <EntityProvider entity={customerIdentity}>
        <EntityDataProductOverviewCard />
      </EntityProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    expect(
      await screen.findByText('Customer Identity Graph'),
    ).toBeInTheDocument();
    expect(screen.getByText('Core entity')).toBeInTheDocument();
    expect(screen.getByText('#identity-oncall')).toBeInTheDocument();
  });

  it('renders EntityDataProductStatusBanner in a legacy app', async () => {
    await renderInTestApp(
      <EntityProvider entity={customerIdentityV1}>
        <EntityDataProductStatusBanner />
      </EntityProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    expect(
      await screen.findByText('Lifecycle and findings'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('lifecycle-banner')).toHaveTextContent(
      'Deprecated: Sunset on 2027-01-31',
    );
  });

  it('renders EntityDataProductContractContent in a legacy app', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [catalogApiRef, catalogApiMock({ entities: identityCatalog })],
          [dataProductsApiRef, noHistory],
        ]}
      >
        <EntityProvider entity={customerIdentityV2}>
          {/* as an EntityLayout.Route path="/contract" mounts it */}
          <Routes>
            <Route
              path="/contract/*"
              element={<EntityDataProductContractContent />}
            />
          </Routes>
        </EntityProvider>
      </TestApiProvider>,
      {
        routeEntries: ['/contract'],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );

    const ping = await screen.findByRole('region', { name: 'Who do I ping' });
    expect(within(ping).getByText('#identity-oncall')).toBeInTheDocument();
    expect(
      await within(ping).findByRole('link', { name: /priya\.raman/ }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('group', {
        name: 'Consumers still on customer-identity-v1',
      }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No history recorded yet.'),
    ).toBeInTheDocument();
  });

  it('renders EntityDataProductScorecardContent in a legacy app', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[dataProductsApiRef, noHistory]]}>
        <EntityProvider entity={customerIdentity}>
          {/* as an EntityLayout.Route path="/scorecard" mounts it */}
          <Routes>
            <Route
              path="/scorecard/*"
              element={<EntityDataProductScorecardContent />}
            />
          </Routes>
        </EntityProvider>
      </TestApiProvider>,
      {
        routeEntries: ['/scorecard'],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );

    expect(await screen.findByTestId('overall-score')).toHaveTextContent('3.5');
    const freshness = screen.getByRole('group', { name: 'Freshness' });
    expect(within(freshness).getByTestId('score')).toHaveTextContent('3 / 5');
    expect(
      within(
        screen.getByRole('region', { name: 'SLA breaches' }),
      ).getAllByTestId('breach'),
    ).toHaveLength(2);
  });

  it('registers the inventory route with the plugin', () => {
    expect(dataProductsPlugin.routes.inventory).toBe(inventoryRouteRef);
  });

  it('renders DataProductsInventoryPage at its route in a legacy app', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[dataProductsApiRef, noHistory]]}>
        {/* as the app's FlatRoutes mount it */}
        <Routes>
          <Route
            path="/data-products"
            element={<DataProductsInventoryPage />}
          />
        </Routes>
      </TestApiProvider>,
      {
        routeEntries: ['/data-products?state=active'],
        mountedRoutes: {
          '/data-products': inventoryRouteRef,
          '/catalog/:namespace/:kind/:name': entityRouteRef,
        },
      },
    );

    expect(
      await screen.findByRole('heading', { name: 'Data products', level: 1 }),
    ).toBeInTheDocument();
    expect(await screen.findByTestId('total-products')).toHaveTextContent('41');
    expect(screen.getByRole('link', { name: 'Orders mart' })).toHaveAttribute(
      'href',
      '/catalog/default/dataproduct/orders-mart',
    );
  });

  it('renders EntityDependsOnDataProductsCard in a legacy app', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [catalogApiRef, catalogApiMock({ entities: consumerCatalog })],
          [dataProductsApiRef, noHistory],
        ]}
      >
        <EntityProvider entity={checkoutService}>
          <EntityDependsOnDataProductsCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    expect(
      await screen.findByText('Data products it depends on'),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('listitem', { name: 'Customer Identity (v1)' }),
    ).toHaveTextContent('Deprecated: sunset on 2027-01-31');
  });

  it('tells DataProduct entities apart for EntitySwitch', () => {
    expect(isDataProductEntity(customerIdentity)).toBe(true);
    expect(
      isDataProductEntity({ ...customerIdentity, kind: 'dataProduct' }),
    ).toBe(true);
    expect(
      isDataProductEntity({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'identity-service' },
      }),
    ).toBe(false);
  });
});
