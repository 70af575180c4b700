import type { Entity } from '@backstage/catalog-model';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import { dataProductsApiRef, type DataProductScorecard } from '../../api';
import { firstPage, ordersMart } from '../../__fixtures__/inventory';
import {
  checkoutService,
  consumerCatalog,
  growthSystem,
  lonelyService,
} from './__fixtures__/consumers';
import { DependsOnDataProductsCard } from './DependsOnDataProductsCard';

const NOW = new Date('2026-11-25T10:00:00Z');

const OVERALL: Record<string, number | null> = {
  'customer-identity-v1': 2.1,
  'customer-identity-v2': 4.3,
  'weekly-signups-view': null,
};

function mockApi() {
  return {
    getScorecard: jest.fn(async (ref: { name: string }) =>
      ref.name in OVERALL
        ? ({ overall: OVERALL[ref.name] } as DataProductScorecard)
        : undefined,
    ),
    getInventory: jest.fn(async () => ({
      ...firstPage,
      items: [
        ordersMart,
        {
          ...ordersMart,
          entityRef: 'dataproduct:default/customer-identity-v2',
          name: 'customer-identity-v2',
        },
      ],
      nextCursor: null,
    })),
  };
}

async function renderCard(entity: Entity, api = mockApi()) {
  const catalogApi = catalogApiMock({ entities: consumerCatalog });
  const getEntitiesByRefs = jest.spyOn(catalogApi, 'getEntitiesByRefs');
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [catalogApiRef, catalogApi],
        [dataProductsApiRef, api],
      ]}
    >
      <EntityProvider entity={entity}>
        <DependsOnDataProductsCard now={NOW} />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return { api, getEntitiesByRefs };
}

function item(name: string) {
  return within(screen.getByRole('listitem', { name }));
}

describe('DependsOnDataProductsCard', () => {
  it('lists the data products a component depends on, with state, score and promise', async () => {
    const { api, getEntitiesByRefs } = await renderCard(checkoutService);

    expect(
      await screen.findByRole('listitem', { name: 'Customer Identity Graph' }),
    ).toBeInTheDocument();
    expect(screen.getAllByTestId('dependency')).toHaveLength(4);

    const v2 = item('Customer Identity Graph');
    expect(
      v2.getByRole('link', { name: 'Customer Identity Graph' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/dataproduct/customer-identity-v2',
    );
    expect(v2.getByTestId('data-product-state')).toHaveTextContent('Active');
    expect(await v2.findByTestId('score')).toHaveTextContent('4.3 / 5');
    expect(v2.getByTestId('freshness-promise')).toHaveTextContent(
      'Freshness promise: P95 30m · P99 60m · micro-batch',
    );

    // modest requests: the catalog once, a scorecard per product found, the
    // breaching products once
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(1);
    expect(getEntitiesByRefs.mock.calls[0][0].entityRefs).toEqual([
      'dataproduct:default/customer-identity-v1',
      'dataproduct:default/customer-identity-v2',
      'dataproduct:default/gone-mart',
      'dataproduct:default/weekly-signups-view',
    ]);
    expect(api.getScorecard).toHaveBeenCalledTimes(3);
    expect(api.getInventory).toHaveBeenCalledTimes(1);
    expect(api.getInventory).toHaveBeenCalledWith({
      breaching: true,
      limit: 200,
    });
  });

  it('warns about a deprecated product: sunset date and where to move', async () => {
    await renderCard(checkoutService);
    const v1 = within(
      await screen.findByRole('listitem', { name: 'Customer Identity (v1)' }),
    );
    expect(v1.getByTestId('data-product-state')).toHaveTextContent(
      'Deprecated',
    );
    const warning = v1.getByTestId('warning-deprecated');
    expect(warning).toHaveTextContent(
      'Deprecated: sunset on 2027-01-31 (in 67 days)',
    );
    expect(
      within(warning).getByRole('link', { name: /customer-identity-v2/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/dataproduct/customer-identity-v2',
    );
    expect(await v1.findByTestId('score')).toHaveTextContent('2.1 / 5');
    expect(v1.getByTestId('freshness-promise')).toHaveTextContent(
      'P95 2h · P99 6h · daily',
    );
  });

  it('warns about an expiring product with its expiry date', async () => {
    await renderCard(checkoutService);
    const view = within(
      await screen.findByRole('listitem', { name: 'weekly-signups-view' }),
    );
    expect(view.getByTestId('warning-expiring')).toHaveTextContent(
      'Expiring: expires on 2026-11-30 (in 5 days)',
    );
    expect(await view.findByTestId('score')).toHaveTextContent('unknown');
    expect(view.getByTestId('freshness-promise')).toHaveTextContent(
      'No freshness promise declared',
    );
    expect(view.queryByTestId('warning-breaching')).not.toBeInTheDocument();
  });

  it('warns about a product breaching its SLA now, as the inventory says', async () => {
    await renderCard(checkoutService);
    const v2 = within(
      await screen.findByRole('listitem', { name: 'Customer Identity Graph' }),
    );
    expect(await v2.findByTestId('warning-breaching')).toHaveTextContent(
      'Breaching its SLA now',
    );
    expect(
      item('Customer Identity (v1)').queryByTestId('warning-breaching'),
    ).not.toBeInTheDocument();
  });

  it('says when a declared product is not in the catalog', async () => {
    await renderCard(checkoutService);
    expect(
      await screen.findByText(
        'dataproduct:default/gone-mart is not in the catalog',
      ),
    ).toBeInTheDocument();
  });

  it('explains how to declare a dependency when there is none', async () => {
    const { api } = await renderCard(lonelyService);
    const empty = await screen.findByTestId('no-dependencies');
    expect(empty).toHaveTextContent(
      'This entity declares no data product dependencies.',
    );
    expect(empty).toHaveTextContent('dependsOn:');
    expect(empty).toHaveTextContent('- dataproduct:customer-identity-v2');
    expect(api.getScorecard).not.toHaveBeenCalled();
    expect(api.getInventory).not.toHaveBeenCalled();
  });

  it("lists a system's dependencies through its parts", async () => {
    await renderCard(growthSystem);
    const view = within(
      await screen.findByRole('listitem', { name: 'weekly-signups-view' }),
    );
    expect(
      view.getByText(/used by component:default\/signup-dashboard/),
    ).toBeInTheDocument();
    expect(screen.getAllByTestId('dependency')).toHaveLength(1);
  });

  it('keeps the list when the backend cannot be asked about breaches', async () => {
    const api = mockApi();
    api.getInventory.mockRejectedValue(new Error('backend down'));
    await renderCard(checkoutService, api);
    await screen.findByRole('listitem', { name: 'Customer Identity Graph' });
    await waitFor(() =>
      expect(
        screen.getByText(/Could not check which products breach their SLA now/),
      ).toBeInTheDocument(),
    );
    expect(screen.queryByTestId('warning-breaching')).not.toBeInTheDocument();
  });
});
