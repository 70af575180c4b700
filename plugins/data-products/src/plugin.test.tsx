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
  dataProductsApiRef,
  dataProductsPlugin,
  EntityDataProductContractContent,
  EntityDataProductOverviewCard,
  EntityDataProductStatusBanner,
  isDataProductEntity,
  type DataProductsApi,
} from './index';

const noHistory: DataProductsApi = {
  getContractHistory: async () => ({ items: [] }),
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
