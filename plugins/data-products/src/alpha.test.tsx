import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import { customerIdentity } from './__fixtures__/dataProducts';
import dataProductsPlugin from './alpha';

const overviewCard = dataProductsPlugin.getExtension(
  'entity-card:data-products/overview',
);

describe('data-products frontend plugin', () => {
  it('is the data-products plugin', () => {
    expect(dataProductsPlugin.pluginId).toBe('data-products');
  });

  it('attaches the overview card to the catalog entity overview', () => {
    const tester = createExtensionTester(overviewCard);
    expect(tester.query(overviewCard).node.spec.attachTo).toEqual({
      id: 'entity-content:catalog/overview',
      input: 'cards',
    });
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('content');
  });

  it('shows the overview card on DataProduct entities only', () => {
    const filter = createExtensionTester(overviewCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    );

    expect(filter).toBeDefined();
    expect(filter!(customerIdentity)).toBe(true);
    expect(filter!({ ...customerIdentity, kind: 'dataproduct' })).toBe(true);
    expect(
      filter!({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'identity-service' },
        spec: { type: 'service', owner: 'identity-platform' },
      }),
    ).toBe(false);
    // a predicate object, not a deprecated string expression
    expect(
      createExtensionTester(overviewCard).get(
        EntityCardBlueprint.dataRefs.filterExpression,
      ),
    ).toBeUndefined();
  });

  it('renders the overview card for the entity in context', async () => {
    const element = createExtensionTester(overviewCard).reactElement();

    renderInTestApp(
      <EntityProvider entity={customerIdentity}>{element}</EntityProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    expect(
      await screen.findByText('Customer Identity Graph'),
    ).toBeInTheDocument();
    expect(screen.getByText('#identity-oncall')).toBeInTheDocument();
    expect(screen.getByTestId('data-product-state')).toHaveTextContent(
      'Expiring',
    );
  });
});
