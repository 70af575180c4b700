import { InputError } from '@backstage/errors';
import {
  entityPresentationApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation, useNavigate } from 'react-router-dom';
import {
  dataProductsApiRef,
  type DataProductsInventoryApi,
  type InventoryPage,
  type InventoryQuery,
} from '../../api';
import {
  customerIdentity,
  firstPage,
  ordersMart,
  secondPage,
  signupsView,
} from '../../__fixtures__/inventory';
import { InventoryContent } from './InventoryPage';

const NOW = new Date('2026-11-25T10:00:00Z');

const PLATFORM = 'group:default/data-platform';

/**
 * The first page with the backend's funding verdicts (rule
 * funding-follows-reuse): the orders mart used by three other teams but
 * funded by its owner, the identity graph used by one other team only.
 */
const judgedPage: InventoryPage = {
  ...firstPage,
  items: [
    {
      ...ordersMart,
      funding: {
        verdict: 'breaks',
        expects: 'central',
        expectedFunders: [PLATFORM],
        consumingGroups: [
          'group:default/finance',
          'group:default/marketing',
          'group:default/sales',
        ],
        severity: 'warning',
        message:
          'spec.cost.fundedBy is group:default/commerce-data, but 3 teams other than its owner (group:default/finance, group:default/marketing, group:default/sales) consume it: fund it centrally — set fundedBy to group:default/data-platform',
      },
    },
    signupsView,
    {
      ...customerIdentity,
      funding: {
        verdict: 'breaks',
        expects: 'consuming-team',
        expectedFunders: ['group:default/marketing'],
        consumingGroups: ['group:default/marketing'],
        severity: 'info',
        message:
          'spec.cost.fundedBy is group:default/data-platform, but only group:default/marketing consumes it: that team should fund it — set fundedBy to group:default/marketing',
      },
    },
  ],
  summary: {
    ...firstPage.summary,
    fundingRule: { manyTeams: 3, centralFunders: [PLATFORM] },
  },
};

/** Shows the current query string, and steps back through history. */
function Location() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <output data-testid="location">{location.search}</output>
      <button type="button" onClick={() => navigate(-1)}>
        Browser back
      </button>
    </>
  );
}

function search(): URLSearchParams {
  return new URLSearchParams(screen.getByTestId('location').textContent ?? '');
}

function mockApi(
  getInventory: DataProductsInventoryApi['getInventory'] = async query =>
    query?.cursor === 'cursor-2' ? secondPage : firstPage,
) {
  return { getInventory: jest.fn(getInventory) };
}

async function renderPage(
  api: ReturnType<typeof mockApi>,
  path = '/data-products',
) {
  await renderInTestApp(
    <TestApiProvider apis={[[dataProductsApiRef, api]]}>
      <InventoryContent now={NOW} />
      <Location />
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

function lastQuery(api: ReturnType<typeof mockApi>): InventoryQuery {
  const calls = api.getInventory.mock.calls;
  return calls[calls.length - 1][0] ?? {};
}

function region(name: string) {
  return within(screen.getByRole('region', { name }));
}

describe('InventoryContent (the inventory page)', () => {
  it('titles owner links from their refs, looking nothing up in the catalog', async () => {
    const presentation = { forEntity: jest.fn() };
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [dataProductsApiRef, mockApi()],
          [entityPresentationApiRef, presentation],
        ]}
      >
        <InventoryContent now={NOW} />
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    const owners = await screen.findAllByRole('link', {
      name: 'commerce-data',
    });
    expect(owners[0]).toHaveAttribute(
      'href',
      '/catalog/default/group/commerce-data',
    );
    expect(presentation.forEntity).not.toHaveBeenCalled();
  });

  it('shows the tier-review tiles from the summary', async () => {
    await renderPage(mockApi());

    expect(await screen.findByTestId('total-products')).toHaveTextContent('41');
    expect(screen.getByTestId('expiring-this-month')).toHaveTextContent('3');
    expect(screen.getByTestId('breaching-now')).toHaveTextContent('2');
    expect(screen.getByTestId('state-deprecated')).toHaveTextContent(
      /Deprecated\s*3/,
    );

    const sharedMart = within(
      screen.getByRole('group', { name: 'Shared mart' }),
    );
    expect(sharedMart.getByTestId('category-count')).toHaveTextContent('12');
    expect(sharedMart.getByTestId('category-average')).toHaveTextContent(
      '3.2 / 5',
    );
    expect(sharedMart.getByTestId('category-cost')).toHaveTextContent(
      '$10,800',
    );
    const views = within(
      screen.getByRole('group', { name: 'Convenience view' }),
    );
    expect(views.getByTestId('category-average')).toHaveTextContent(
      'no score yet',
    );

    const funding = region('Who funds what');
    expect(
      funding.getByTestId('funder-group:default/data-platform'),
    ).toHaveTextContent('$31,000');
    expect(funding.getByTestId('funder-unassigned')).toHaveTextContent(
      /No funder declared\s*\$2,400/,
    );
  });

  it('shows the funding verdicts of the backend, not its own', async () => {
    await renderPage(mockApi(async () => judgedPage));

    const whoPays = region('Who should pay?');
    expect(await whoPays.findByTestId('funding-central')).toHaveTextContent(
      '3 or more teams: funded by group:default/data-platform',
    );
    expect(
      whoPays.getByRole('list', { name: 'Many consuming teams' }),
    ).toHaveTextContent(
      'Orders mart — spec.cost.fundedBy is group:default/commerce-data, but 3 teams other than its owner',
    );
    expect(
      whoPays.getByRole('list', { name: 'One consuming team' }),
    ).toHaveTextContent(
      'Customer Identity Graph — spec.cost.fundedBy is group:default/data-platform, but only group:default/marketing consumes it',
    );

    const rows = region('Data products').getAllByRole('row').slice(1);
    const orders = within(rows[0]).getByTestId('funding-verdict');
    expect(orders).toHaveTextContent('Many teams use it: fund it centrally');
    expect(orders).toHaveAttribute(
      'title',
      judgedPage.items[0].funding.message,
    );
    // the view's rule is off: nothing to say
    expect(within(rows[1]).queryByTestId('funding-verdict')).toBeNull();
    expect(within(rows[2]).getByTestId('funding-verdict')).toHaveTextContent(
      'One team uses it: group:default/marketing should fund it',
    );
  });

  it('lists the products with links to their overview, contract and scorecard', async () => {
    await renderPage(mockApi());

    const table = region('Data products');
    const link = await table.findByRole('link', { name: 'Orders mart' });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/dataproduct/orders-mart',
    );
    expect(
      table.getByRole('link', { name: 'Contract of Orders mart' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/dataproduct/orders-mart/contract',
    );
    expect(
      table.getByRole('link', { name: 'Scorecard of Orders mart' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/dataproduct/orders-mart/scorecard',
    );

    const rows = table.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    const orders = within(rows[0]);
    expect(orders.getByTestId('data-product-state')).toHaveTextContent(
      'Active',
    );
    expect(orders.getByTestId('breaching')).toBeInTheDocument();
    expect(orders.getByTestId('score')).toHaveTextContent('2.4 / 5');
    // the cost on one short line, the exact figures in its tooltip
    expect(orders.getByTestId('cost')).toHaveTextContent(/^\$900\/mo$/);
    expect(orders.getByTestId('cost')).toHaveAttribute(
      'title',
      '$900 a month · $150 per consumer · funded by group:default/commerce-data',
    );
    expect(within(rows[2]).getByTestId('cost')).toHaveTextContent(
      /^\$4\.2K\/mo$/,
    );

    const view = within(rows[1]);
    expect(rows[1]).toHaveTextContent('Expires 2026-11-28');
    // a hostile title is text, never markup
    expect(
      view.getByRole('link', { name: /^=HYPERLINK\("http:\/\/evil/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/dataproduct/weekly-signups-view',
    );
    expect(document.querySelector('a[href^="http://evil"]')).toBeNull();

    expect(within(rows[2]).getByTestId('score')).toHaveTextContent('unknown');
  });

  it('charts the overall scores of the page', async () => {
    await renderPage(mockApi());
    expect(
      await screen.findByTestId('score-distribution-caption'),
    ).toHaveTextContent(
      'Overall scores of the 3 products on this page: 0 at 1, 1 at 2, 1 at 3, 0 at 4, 0 at 5, 1 unknown.',
    );
    expect(
      screen.getByRole('figure', { name: 'Score distribution' }),
    ).toBeInTheDocument();
  });

  it('reads its filters from the URL and writes changes back to it', async () => {
    const api = mockApi();
    await renderPage(api, '/data-products?category=shared-mart&state=active');

    await screen.findByTestId('total-products');
    expect(api.getInventory).toHaveBeenCalledTimes(1);
    expect(lastQuery(api)).toEqual({
      category: 'shared-mart',
      state: 'active',
    });

    await userEvent.click(
      screen.getByRole('switch', { name: 'Breaching now' }),
    );
    await waitFor(() => expect(search().get('breaching')).toBe('true'));
    expect(search().get('category')).toBe('shared-mart');
    expect(search().get('state')).toBe('active');
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        category: 'shared-mart',
        state: 'active',
        breaching: true,
      }),
    );

    const owner = screen.getByRole('textbox', { name: 'Owner' });
    await userEvent.type(owner, 'group:default/commerce-data{Enter}');
    await waitFor(() =>
      expect(search().get('owner')).toBe('group:default/commerce-data'),
    );
    await waitFor(() =>
      expect(lastQuery(api).owner).toBe('group:default/commerce-data'),
    );

    // back goes to the previous view, and the page follows the URL
    await userEvent.click(screen.getByRole('button', { name: 'Browser back' }));
    await waitFor(() => expect(search().get('owner')).toBeNull());
    expect(search().get('breaching')).toBe('true');
    await waitFor(() => expect(lastQuery(api).owner).toBeUndefined());
    expect(screen.getByRole('textbox', { name: 'Owner' })).toHaveValue('');
  });

  it('filters by category from the select, and narrows from the tiles', async () => {
    const api = mockApi();
    await renderPage(api);
    await screen.findByTestId('total-products');

    await userEvent.click(
      within(screen.getByRole('region', { name: 'Filters' })).getAllByRole(
        'button',
        { name: /Category/ },
      )[0],
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'Core entity' }),
    );
    await waitFor(() => expect(search().get('category')).toBe('core-entity'));
    await waitFor(() => expect(lastQuery(api).category).toBe('core-entity'));

    await userEvent.click(
      within(
        region('Breaching now').getByRole('button', { name: 'Show them' }),
      ).getByText('Show them'),
    );
    await waitFor(() => expect(search().get('breaching')).toBe('true'));

    await userEvent.click(
      region('Expiring this month').getByRole('button', { name: 'Show them' }),
    );
    // 25 November: 5 days left in the month
    await waitFor(() => expect(search().get('expiringWithinDays')).toBe('5'));
    expect(search().get('category')).toBe('core-entity');
  });

  it('filters by the supply-chain flags, through the URL to the backend', async () => {
    const api = mockApi();
    await renderPage(api);
    await screen.findByTestId('total-products');

    await userEvent.click(screen.getByRole('switch', { name: 'Fragile' }));
    await waitFor(() => expect(search().get('fragile')).toBe('true'));
    await userEvent.click(screen.getByRole('switch', { name: 'Tier at risk' }));
    await waitFor(() => expect(search().get('tierAtRisk')).toBe('true'));
    await userEvent.click(
      screen.getByRole('switch', { name: 'Budget exhausted' }),
    );
    await waitFor(() => expect(search().get('budgetExhausted')).toBe('true'));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        fragile: true,
        tierAtRisk: true,
        budgetExhausted: true,
      }),
    );

    // switched off: left out of the URL and the query, never "false"
    await userEvent.click(screen.getByRole('switch', { name: 'Fragile' }));
    await waitFor(() => expect(search().get('fragile')).toBeNull());
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        tierAtRisk: true,
        budgetExhausted: true,
      }),
    );
  });

  it('shows the supply-chain flags as badges and in their own columns', async () => {
    await renderPage(
      mockApi(),
      '/data-products?columns=name,fragile,tierAtRisk,budgetExhausted,state',
    );
    await screen.findByTestId('total-products');

    const rows = region('Data products').getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    // orders-mart: all three raised, each with a badge
    const orders = within(rows[0]);
    expect(orders.getByTestId('flag-fragile')).toHaveTextContent('Fragile');
    expect(orders.getByTestId('flag-tierAtRisk')).toHaveTextContent(
      'Tier at risk',
    );
    expect(orders.getByTestId('flag-budgetExhausted')).toHaveTextContent(
      'Budget exhausted',
    );
    expect(orders.getAllByText('Yes')).toHaveLength(3);
    // signups-view: judged, none raised
    const signups = within(rows[1]);
    expect(signups.queryByTestId('flag-fragile')).toBeNull();
    expect(signups.getAllByText('No')).toHaveLength(3);
    // customer-identity: not judged yet, shown as unknown, not as "No"
    const identity = within(rows[2]);
    expect(identity.getAllByText('unknown')).toHaveLength(3);
    expect(identity.queryByText('No')).toBeNull();
    expect(
      screen.getByRole('columnheader', { name: /Budget exhausted/ }),
    ).toBeInTheDocument();
  });

  it('asks the backend for the order of a sorted column', async () => {
    const api = mockApi();
    await renderPage(api, '/data-products?columns=name,reliability');
    await screen.findByTestId('total-products');
    // weak links first: the backend's default, no sort sent
    expect(lastQuery(api).sort).toBeUndefined();

    await userEvent.click(
      screen.getByRole('columnheader', { name: /Reliability/ }),
    );
    await waitFor(() => expect(search().get('sort')).toBe('reliability'));
    expect(search().get('order')).toBe('asc');
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({ sort: 'reliability', order: 'asc' }),
    );

    await userEvent.click(
      screen.getByRole('columnheader', { name: /Reliability/ }),
    );
    await waitFor(() => expect(search().get('order')).toBe('desc'));

    await userEvent.click(
      screen.getByRole('button', { name: 'Weakest first' }),
    );
    await waitFor(() => expect(search().get('sort')).toBeNull());
    expect(search().get('columns')).toBe('name,reliability');
  });

  it('pages with the cursor, forwards and back', async () => {
    const api = mockApi();
    await renderPage(api, '/data-products?state=active');
    await screen.findByTestId('total-products');
    expect(
      screen.getByRole('button', { name: 'Previous page' }),
    ).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(search().get('cursor')).toBe('cursor-2'));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({ state: 'active', cursor: 'cursor-2' }),
    );
    expect(
      await region('Data products').findByRole('link', {
        name: 'CRM accounts',
      }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('page-label')).toHaveTextContent('Page 2');
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();

    await userEvent.click(
      screen.getByRole('button', { name: 'Previous page' }),
    );
    await waitFor(() => expect(search().get('cursor')).toBeNull());
    expect(search().get('state')).toBe('active');
    expect(screen.getByTestId('page-label')).toHaveTextContent('Page 1');
  });

  it('starts again at the first page when a filter changes', async () => {
    const api = mockApi();
    await renderPage(api, '/data-products?cursor=cursor-2');
    await screen.findByTestId('total-products');
    await userEvent.click(
      screen.getByRole('switch', { name: 'Breaching now' }),
    );
    await waitFor(() => expect(search().get('breaching')).toBe('true'));
    expect(search().get('cursor')).toBeNull();
  });

  it("shows the backend's message when it refuses the query", async () => {
    const api = mockApi(async () => {
      throw new InputError('minScore 9 must be a number from 1 to 5');
    });
    await renderPage(api, '/data-products?minScore=9');

    expect(
      await screen.findByTestId('inventory-query-error'),
    ).toHaveTextContent('minScore 9 must be a number from 1 to 5');
    expect(lastQuery(api)).toEqual({ minScore: 9 });
  });

  describe('columns', () => {
    /** The header texts of the table, as shown. */
    function headers(): string[] {
      return within(screen.getByRole('region', { name: 'Data products' }))
        .getAllByRole('columnheader')
        .map(th => th.textContent ?? '');
    }

    it('shows the tier-review columns by default', async () => {
      await renderPage(mockApi());
      await region('Data products').findByRole('link', {
        name: 'Orders mart',
      });
      expect(headers()).toEqual([
        'Name',
        'State',
        'Owner',
        'Overall',
        'Expiry',
        'Cost',
        'Consumers',
      ]);
      expect(search().get('columns')).toBeNull();
    });

    it('shows the columns the URL names, in table order, ignoring unknown names', async () => {
      await renderPage(
        mockApi(),
        '/data-products?columns=freshness,bogus,tier,owner',
      );
      const table = region('Data products');
      await table.findByRole('link', { name: 'Orders mart' });
      // the name stays: it says which product a row is
      expect(headers()).toEqual(['Name', 'Owner', 'Tier', 'Fresh']);

      // an abbreviated header carries its full name as tooltip and label
      const fresh = table.getByRole('columnheader', { name: 'Freshness' });
      expect(within(fresh).getByTitle('Freshness')).toHaveTextContent('Fresh');
      expect(
        within(
          table.getByRole('columnheader', { name: 'Freshness tier' }),
        ).getByTitle('Freshness tier'),
      ).toHaveTextContent('Tier');

      const orders = within(table.getAllByRole('row')[1]);
      expect(orders.getByText('Micro-batch')).toBeInTheDocument();
      expect(orders.getByLabelText('Freshness: 2 of 5')).toBeInTheDocument();
    });

    it('falls back to the defaults when the URL names no known column', async () => {
      await renderPage(mockApi(), '/data-products?columns=bogus,,');
      await region('Data products').findByRole('link', {
        name: 'Orders mart',
      });
      expect(headers()).toEqual([
        'Name',
        'State',
        'Owner',
        'Overall',
        'Expiry',
        'Cost',
        'Consumers',
      ]);
    });

    it('chooses columns from the menu into the URL, without fetching again', async () => {
      const api = mockApi();
      await renderPage(api, '/data-products?state=active');
      await region('Data products').findByRole('link', {
        name: 'Orders mart',
      });
      const calls = api.getInventory.mock.calls.length;

      await userEvent.click(
        screen.getByRole('button', { name: 'Columns (7 of 19)' }),
      );
      const menu = within(
        await screen.findByRole('listbox', { name: 'Columns' }),
      );
      expect(menu.getByRole('option', { name: 'Name' })).toHaveAttribute(
        'aria-disabled',
        'true',
      );
      expect(menu.getByRole('option', { name: 'Cost' })).toHaveAttribute(
        'aria-selected',
        'true',
      );
      await userEvent.click(menu.getByRole('option', { name: 'Reliability' }));
      await waitFor(() =>
        expect(search().get('columns')).toBe(
          'name,state,owner,overall,reliability,expiresOn,cost,consumers',
        ),
      );
      await userEvent.click(menu.getByRole('option', { name: 'Cost' }));
      await waitFor(() =>
        expect(search().get('columns')).toBe(
          'name,state,owner,overall,reliability,expiresOn,consumers',
        ),
      );
      // Escape closes the menu and keeps the choice
      await userEvent.keyboard('{Escape}');
      await waitFor(() =>
        expect(
          screen.queryByRole('listbox', { name: 'Columns' }),
        ).not.toBeInTheDocument(),
      );
      expect(
        screen.getByRole('button', { name: 'Columns (7 of 19)' }),
      ).toBeInTheDocument();

      expect(headers()).toEqual([
        'Name',
        'State',
        'Owner',
        'Overall',
        'Rel',
        'Expiry',
        'Consumers',
      ]);
      expect(search().get('state')).toBe('active');
      expect(api.getInventory.mock.calls.length).toBe(calls);

      // a filter change keeps the chosen columns
      await userEvent.click(
        screen.getByRole('switch', { name: 'Breaching now' }),
      );
      await waitFor(() => expect(search().get('breaching')).toBe('true'));
      expect(search().get('columns')).toBe(
        'name,state,owner,overall,reliability,expiresOn,consumers',
      );
    });
  });

  describe('CSV export', () => {
    let blobs: Blob[];
    let clicked: { href: string; download: string }[];
    beforeEach(() => {
      blobs = [];
      clicked = [];
      // jsdom cannot follow a download link; record it instead
      jest
        .spyOn(HTMLAnchorElement.prototype, 'click')
        .mockImplementation(function record(this: HTMLAnchorElement) {
          clicked.push({
            href: this.getAttribute('href') ?? '',
            download: this.download,
          });
        });
      (URL as any).createObjectURL = jest.fn((blob: Blob) => {
        blobs.push(blob);
        return 'blob:inventory';
      });
      (URL as any).revokeObjectURL = jest.fn();
    });

    afterEach(() => jest.restoreAllMocks());

    function read(blob: Blob): Promise<string> {
      return blob.text();
    }

    it('exports every page of the current filter, escaped and defused', async () => {
      const api = mockApi();
      await renderPage(
        api,
        '/data-products?category=shared-mart&cursor=cursor-2',
      );
      await screen.findByTestId('total-products');
      api.getInventory.mockClear();

      await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
      expect(await screen.findByTestId('export-result')).toHaveTextContent(
        'Exported 4 products matching the filters.',
      );

      // the filter, from the first page, the backend's largest pages
      expect(api.getInventory.mock.calls.map(call => call[0])).toEqual([
        { category: 'shared-mart', limit: 200 },
        { category: 'shared-mart', limit: 200, cursor: 'cursor-2' },
      ]);

      expect(blobs).toHaveLength(1);
      const csv = (await read(blobs[0])).replace(/^\uFEFF/, '');
      const lines = csv.split('\r\n');
      expect(lines[0]).toBe(
        'entityRef,name,title,category,state,owner,domain,system,type,version,overall,freshness,reliability,quality,stability,contract,ownership,reuse,breaching,expiresOn,sunsetOn,successor,monthlyCost,currency,fundedBy,consumers,computedAt,fragile,tierAtRisk,budgetExhausted,observedP95LagMs,unitCostOfFreshnessPerHour,unitCostEstimated',
      );
      expect(lines[1]).toBe(
        'dataproduct:default/orders-mart,orders-mart,Orders mart,shared-mart,active,group:default/commerce-data,domain:default/commerce,system:default/orders,table,1.4.0,2.4,2,1,,3,3,4,5,true,,,,900,USD,group:default/commerce-data,6,2026-11-25T06:00:00.000Z,true,true,true,,,',
      );
      // a formula is defused with a quote, then the cell is quoted because
      // of its comma, quotes and line break (which stays inside the cell)
      expect(csv).toContain(
        `weekly-signups-view,"'=HYPERLINK(""http://evil.example"",""click""), weekly\nsignups",convenience-view`,
      );
      // records end in CRLF; the line break inside the title stays in its cell
      expect(lines).toHaveLength(1 + 4);
      expect(clicked).toEqual([
        {
          href: 'blob:inventory',
          download: 'data-products-shared-mart-2026-11-25.csv',
        },
      ]);
      expect(screen.getByRole('button', { name: 'Export CSV' })).toBeEnabled();
    });

    it('says so when the export fails', async () => {
      const api = mockApi();
      await renderPage(api);
      await screen.findByTestId('total-products');
      api.getInventory.mockRejectedValueOnce(new Error('backend went away'));

      await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
      expect(
        await screen.findByText('Could not export the inventory'),
      ).toBeInTheDocument();
      expect(screen.getByText('backend went away')).toBeInTheDocument();
      expect(blobs).toHaveLength(0);
    });
  });
});
