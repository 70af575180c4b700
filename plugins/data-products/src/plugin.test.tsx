import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { customerIdentity } from './__fixtures__/dataProducts';
import {
  dataProductsPlugin,
  EntityDataProductOverviewCard,
  isDataProductEntity,
} from './index';

describe('legacy frontend system exports', () => {
  it('exports the data-products plugin', () => {
    expect(dataProductsPlugin.getId()).toBe('data-products');
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
