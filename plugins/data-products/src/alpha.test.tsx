import {
  createExtensionTester,
  renderInTestApp,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import {
  coreExtensionData,
  ApiBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  catalogApiMock,
  createTestEntityPage,
} from '@backstage/plugin-catalog-react/testUtils';
import { screen, within } from '@testing-library/react';
import {
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
import dataProductsPlugin from './alpha';
import { dataProductsApiRef, type DataProductsApi } from './api';
import { firstPage } from './__fixtures__/inventory';
import {
  checkoutService,
  consumerCatalog,
  growthSystem,
} from './components/ConsumerDataProductsCard/__fixtures__/consumers';

const overviewCard = dataProductsPlugin.getExtension(
  'entity-card:data-products/overview',
);
const statusCard = dataProductsPlugin.getExtension(
  'entity-card:data-products/status',
);
const contractContent = dataProductsPlugin.getExtension(
  'entity-content:data-products/contract',
);
const scorecardContent = dataProductsPlugin.getExtension(
  'entity-content:data-products/scorecard',
);
const api = dataProductsPlugin.getExtension('api:data-products');
const inventoryPage = dataProductsPlugin.getExtension('page:data-products');
const dependsOnCard = dataProductsPlugin.getExtension(
  'entity-card:data-products/depends-on-data-products',
);

const component = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'identity-service' },
  spec: { type: 'service', owner: 'identity-platform' },
};

const noHistory: DataProductsApi = {
  getContract: async () => undefined,
  getContractHistory: async () => ({ items: [] }),
  getScorecard: async () => identityScorecard,
  getScorecardHistory: async () => identityHistory,
  getRuns: async () => identityRuns,
  getIncidents: async () => identityIncidents,
  refreshScorecard: async () => identityScorecard,
};

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
    expect(filter!(component)).toBe(false);
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

  describe('status card', () => {
    it('is a content card on the overview of DataProduct entities only', () => {
      const tester = createExtensionTester(statusCard);
      expect(tester.query(statusCard).node.spec.attachTo).toEqual({
        id: 'entity-content:catalog/overview',
        input: 'cards',
      });
      expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('content');
      const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
      expect(filter(customerIdentity)).toBe(true);
      expect(filter(component)).toBe(false);
      expect(
        tester.get(EntityCardBlueprint.dataRefs.filterExpression),
      ).toBeUndefined();
    });

    it('comes first on the overview, before the overview card', async () => {
      renderTestApp({
        features: [dataProductsPlugin],
        extensions: [createTestEntityPage({ entity: customerIdentity })],
        apis: [
          [catalogApiRef, catalogApiMock({ entities: [customerIdentity] })],
          [dataProductsApiRef, noHistory],
        ],
      });

      const status = await screen.findByRole('heading', {
        name: 'Lifecycle and findings',
      });
      const overview = await screen.findByRole('heading', {
        name: 'Customer Identity Graph',
      });
      expect(
        // eslint-disable-next-line no-bitwise
        status.compareDocumentPosition(overview) &
          Node.DOCUMENT_POSITION_FOLLOWING,
      ).toBeTruthy();
      // the test page renders the Contract tab too; the first banner is ours
      expect(screen.getAllByTestId('lifecycle-banner')[0]).toHaveTextContent(
        'Expiring soon',
      );
    });
  });

  describe('Contract tab', () => {
    it('is entity content at /contract titled "Contract" on the entity page', () => {
      const tester = createExtensionTester(contractContent);
      expect(tester.query(contractContent).node.spec.attachTo).toEqual({
        id: 'page:catalog/entity',
        input: 'contents',
      });
      expect(tester.get(coreExtensionData.routePath)).toBe('/contract');
      expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
        'Contract',
      );
    });

    it('is shown on DataProduct entities only, through a predicate filter', () => {
      const tester = createExtensionTester(contractContent);
      const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
      expect(filter).toBeDefined();
      expect(filter!(customerIdentityV2)).toBe(true);
      expect(filter!({ ...customerIdentityV2, kind: 'dataproduct' })).toBe(
        true,
      );
      expect(filter!(component)).toBe(false);
      expect(
        tester.get(EntityContentBlueprint.dataRefs.filterExpression),
      ).toBeUndefined();
    });

    it('renders the contract of the entity in context', async () => {
      const element = createExtensionTester(contractContent).reactElement();

      renderInTestApp(
        <EntityProvider entity={customerIdentityV2}>{element}</EntityProvider>,
        {
          mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
          apis: [
            [catalogApiRef, catalogApiMock({ entities: identityCatalog })],
            [dataProductsApiRef, noHistory],
          ],
        },
      );

      expect(
        await screen.findByRole('region', { name: 'Who do I ping' }),
      ).toBeInTheDocument();
      expect(
        await screen.findByText('No history recorded yet.'),
      ).toBeInTheDocument();
    });
  });

  describe('Scorecard tab', () => {
    it('is entity content at /scorecard titled "Scorecard" on the entity page', () => {
      const tester = createExtensionTester(scorecardContent);
      expect(tester.query(scorecardContent).node.spec.attachTo).toEqual({
        id: 'page:catalog/entity',
        input: 'contents',
      });
      expect(tester.get(coreExtensionData.routePath)).toBe('/scorecard');
      expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
        'Scorecard',
      );
    });

    it('is shown on DataProduct entities only, through a predicate filter', () => {
      const tester = createExtensionTester(scorecardContent);
      const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
      expect(filter).toBeDefined();
      expect(filter!(customerIdentity)).toBe(true);
      expect(filter!({ ...customerIdentity, kind: 'dataproduct' })).toBe(true);
      expect(filter!(component)).toBe(false);
      expect(
        tester.get(EntityContentBlueprint.dataRefs.filterExpression),
      ).toBeUndefined();
    });

    it('renders the scorecard of the entity in context', async () => {
      const element = createExtensionTester(scorecardContent).reactElement();

      renderInTestApp(
        <EntityProvider entity={customerIdentity}>{element}</EntityProvider>,
        {
          mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
          apis: [[dataProductsApiRef, noHistory]],
        },
      );

      expect(await screen.findByTestId('overall-score')).toHaveTextContent(
        '3.5',
      );
      expect(screen.getByRole('group', { name: 'Quality' })).toHaveTextContent(
        'unknown',
      );
    });
  });

  describe('inventory page', () => {
    const inventoryApi = {
      ...noHistory,
      getInventory: jest.fn(async () => firstPage),
    };

    it('is a page at /data-products titled "Data products" with an icon and a route', () => {
      const tester = createExtensionTester(inventoryPage);
      expect(tester.query(inventoryPage).node.spec.attachTo).toEqual({
        id: 'app/routes',
        input: 'routes',
      });
      expect(tester.get(coreExtensionData.routePath)).toBe('/data-products');
      expect(tester.get(coreExtensionData.title)).toBe('Data products');
      expect(tester.get(coreExtensionData.icon)).toBeDefined();
      // the app's nav lists pages that have a route ref, a title and an icon
      expect(tester.get(coreExtensionData.routeRef)).toBe(
        dataProductsPlugin.routes.root,
      );
    });

    it('renders at /data-products with its item in the sidebar', async () => {
      renderTestApp({
        features: [dataProductsPlugin],
        initialRouteEntries: ['/data-products?category=shared-mart'],
        // the catalog plugin's entity page, which the table links to
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
        apis: [[dataProductsApiRef, inventoryApi]],
      });

      // a whole app loads lazily: allow it time on a busy machine
      expect(
        await screen.findByTestId('total-products', {}, { timeout: 5000 }),
      ).toHaveTextContent('41');
      expect(inventoryApi.getInventory).toHaveBeenCalledWith({
        category: 'shared-mart',
      });
      const nav = screen.getByRole('navigation', { name: 'sidebar nav' });
      expect(
        within(nav).getByRole('link', { name: /Data products/ }),
      ).toHaveAttribute('href', '/data-products');
    });
  });

  describe("consumer's card", () => {
    const filter = () =>
      createExtensionTester(dependsOnCard).get(
        EntityCardBlueprint.dataRefs.filterFunction,
      )!;

    it('is a card on the overview of Component and System entities only', () => {
      const tester = createExtensionTester(dependsOnCard);
      expect(tester.query(dependsOnCard).node.spec.attachTo).toEqual({
        id: 'entity-content:catalog/overview',
        input: 'cards',
      });
      expect(filter()(checkoutService)).toBe(true);
      expect(filter()({ ...checkoutService, kind: 'component' })).toBe(true);
      expect(filter()(growthSystem)).toBe(true);
      expect(filter()(customerIdentity)).toBe(false);
      expect(filter()({ ...component, kind: 'API' })).toBe(false);
      expect(
        tester.get(EntityCardBlueprint.dataRefs.filterExpression),
      ).toBeUndefined();
    });

    it('shows the products a component depends on, on its entity page', async () => {
      renderTestApp({
        features: [dataProductsPlugin],
        extensions: [createTestEntityPage({ entity: checkoutService })],
        apis: [
          [catalogApiRef, catalogApiMock({ entities: consumerCatalog })],
          [
            dataProductsApiRef,
            {
              ...noHistory,
              getInventory: async () => ({ ...firstPage, items: [] }),
            },
          ],
        ],
      });

      expect(
        await screen.findByRole(
          'listitem',
          { name: 'Customer Identity Graph' },
          { timeout: 5000 },
        ),
      ).toBeInTheDocument();
      expect(
        screen.getByRole('listitem', { name: 'Customer Identity (v1)' }),
      ).toHaveTextContent('Deprecated: sunset on 2027-01-31');
    });
  });

  it('provides the Stockroom backend client', () => {
    const factory = createExtensionTester(api).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(factory.api.id).toBe(dataProductsApiRef.id);
    expect(Object.keys(factory.deps).sort()).toEqual([
      'discoveryApi',
      'fetchApi',
    ]);
  });
});
