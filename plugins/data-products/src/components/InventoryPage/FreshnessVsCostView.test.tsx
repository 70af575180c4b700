import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import {
  dataProductsApiRef,
  type InventoryItem,
  type InventoryPage,
} from '../../api';
import {
  customerIdentity,
  firstPage,
  ordersMart,
} from '../../__fixtures__/inventory';
import { TABLE_LABEL } from './FreshnessVsCostTable';
import { InventoryContent } from './InventoryPage';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type UnitCost = NonNullable<
  InventoryItem['freshnessVsCost']
>['unitCostOfFreshness'];

/**
 * What the backend serves (the figures are its own; these are made up in
 * its shape). Orders mart: USD 900 a month on micro-batch, P95 45 min
 * observed, the other tiers estimated by the platform's multipliers.
 */
const ordersPriced: UnitCost = {
  value: 1500 / (29 / 60),
  currency: 'USD',
  estimated: true,
  today: { monthly: 900, p95Ms: 30 * MINUTE, tier: 'micro-batch' },
  next: {
    tier: 'streaming',
    p95Ms: MINUTE,
    monthly: 2400,
    estimated: true,
    extraMonthly: 1500,
    hoursSaved: 29 / 60,
    fresher: true,
  },
  options: [
    {
      tier: 'streaming',
      p95Ms: MINUTE,
      monthly: 2400,
      estimated: true,
      extraMonthly: 1500,
      hoursSaved: 29 / 60,
      fresher: true,
    },
    {
      tier: 'daily',
      p95Ms: 24 * HOUR,
      monthly: 600,
      estimated: true,
      extraMonthly: -300,
      hoursSaved: -23.5,
      fresher: false,
    },
  ],
  findings: [],
  summary:
    'Estimated: USD 3,103 / month per hour of lag saved (streaming at p95 1m for USD 2,400 vs USD 900 today at p95 30m)',
};

const orders: InventoryItem = {
  ...ordersMart,
  freshnessVsCost: {
    observedLag: {
      p95Ms: 45 * MINUTE,
      reason: null,
      evidence: {
        takenAt: '2026-11-25T06:00:00.000Z',
        window: {
          from: '2026-10-26T06:00:00.000Z',
          to: '2026-11-25T06:00:00.000Z',
        },
        runs: 720,
        measuredRuns: 700,
        promisedP95Ms: 30 * MINUTE,
      },
    },
    unitCostOfFreshness: ordersPriced,
  },
};

/** A daily ledger in EUR with its owner's own streaming price. */
const ledger: InventoryItem = {
  ...customerIdentity,
  entityRef: 'dataproduct:default/ledger',
  name: 'ledger',
  title: 'Ledger',
  freshnessTier: 'daily',
  cost: {
    monthly: 500,
    currency: 'EUR',
    fundedBy: 'group:default/finance',
    perConsumer: null,
  },
  freshnessVsCost: {
    observedLag: {
      p95Ms: 20 * HOUR,
      reason: null,
      evidence: null,
    },
    unitCostOfFreshness: {
      value: 1500 / (1439 / 60),
      currency: 'EUR',
      estimated: false,
      today: { monthly: 500, p95Ms: 24 * HOUR, tier: 'daily' },
      next: null,
      options: [
        {
          tier: 'streaming',
          p95Ms: MINUTE,
          monthly: 2000,
          estimated: false,
          extraMonthly: 1500,
          hoursSaved: 1439 / 60,
          fresher: true,
        },
      ],
      findings: [],
      summary:
        'EUR 63 / month per hour of lag saved (streaming at p95 1m for EUR 2,000 vs EUR 500 today at p95 1d)',
    },
  },
};

const NOT_SCORED = 'Not scored yet: the product has no scorecard snapshot';
const NO_COST =
  'Unknown: no cost declared (spec.cost.monthly), so no price of freshness';

/** Never scored, and no cost declared. */
const newcomer: InventoryItem = {
  ...customerIdentity,
  entityRef: 'dataproduct:default/newcomer',
  name: 'newcomer',
  title: 'Newcomer',
  freshnessTier: null,
  cost: { monthly: null, currency: null, fundedBy: null, perConsumer: null },
  freshnessVsCost: {
    observedLag: { p95Ms: null, reason: NOT_SCORED, evidence: null },
    unitCostOfFreshness: {
      value: null,
      currency: null,
      estimated: false,
      today: { monthly: null, p95Ms: null, tier: null },
      next: null,
      options: [],
      findings: [],
      summary: NO_COST,
    },
  },
};

const page: InventoryPage = {
  ...firstPage,
  items: [newcomer, orders, ledger],
  nextCursor: null,
};

function Location() {
  const location = useLocation();
  return <output data-testid="location">{location.search}</output>;
}

async function renderPage(path: string) {
  const api = { getInventory: jest.fn(async () => page) };
  await renderInTestApp(
    <TestApiProvider apis={[[dataProductsApiRef, api]]}>
      <InventoryContent now={new Date('2026-11-25T10:00:00Z')} />
      <Location />
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
  return api;
}

function rowOf(name: string) {
  const table = screen.getByRole('group', { name: TABLE_LABEL });
  const row = within(table)
    .getAllByRole('row')
    .find(r => within(r).queryByText(name));
  if (!row) throw new Error(`no row for ${name}`);
  return within(row);
}

describe('the inventory’s "Freshness vs cost" view', () => {
  it('opens from the inventory and keeps the view in the address, without fetching again', async () => {
    const api = await renderPage('/data-products?category=shared-mart');
    await screen.findByTestId('total-products');
    expect(api.getInventory).toHaveBeenCalledTimes(1);

    await userEvent.click(
      screen.getByRole('radio', { name: 'Freshness vs cost' }),
    );

    const params = new URLSearchParams(
      screen.getByTestId('location').textContent ?? '',
    );
    expect(params.get('view')).toBe('freshness-cost');
    expect(params.get('category')).toBe('shared-mart');
    expect(await screen.findByTestId('freshness-vs-cost')).toBeInTheDocument();
    // the same page: the view is not part of the request
    expect(api.getInventory).toHaveBeenCalledTimes(1);
  });

  it('draws one chart per currency and says why', async () => {
    await renderPage('/data-products?view=freshness-cost');
    await screen.findByTestId('freshness-vs-cost');

    expect(
      screen.getByRole('figure', {
        name: 'Observed P95 lag against monthly cost in EUR, by freshness tier',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('figure', {
        name: 'Observed P95 lag against monthly cost in USD, by freshness tier',
      }),
    ).toBeInTheDocument();
    // each chart's legend names the tiers drawn on it
    const usd = within(
      screen.getByRole('figure', {
        name: 'Observed P95 lag against monthly cost in USD, by freshness tier',
      }),
    );
    expect(usd.getByText('micro-batch')).toBeInTheDocument();
    expect(usd.queryByText('daily')).not.toBeInTheDocument();
    // hovering a point names its product
    const [point] = Array.from(
      screen
        .getByRole('figure', {
          name: 'Observed P95 lag against monthly cost in USD, by freshness tier',
        })
        .querySelectorAll('.recharts-scatter-symbol'),
    );
    await userEvent.hover(point);
    expect(
      await usd.findByText('micro-batch · P95 45 min · $900 / month'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('currencies')).toHaveTextContent(
      'Costs are in EUR, USD: each currency has its own chart, since amounts in different currencies cannot be compared without exchange rates.',
    );
    // what cannot be placed is listed with the reason
    const unplotted = within(
      screen.getByRole('list', { name: 'Not on the chart' }),
    );
    expect(
      unplotted.getByText(`Newcomer: lag unknown: ${NOT_SCORED}`),
    ).toBeInTheDocument();
  });

  it('lists each product’s tier, lag, cost and what a tier move would cost, freshest tier first', async () => {
    await renderPage('/data-products?view=freshness-cost');
    await screen.findByTestId('freshness-vs-cost');

    const table = screen.getByRole('group', { name: TABLE_LABEL });
    const rows = within(table).getAllByRole('row').slice(1);
    // micro-batch, then daily, then no tier
    expect(
      rows.map(r => within(r).getAllByRole('rowheader')[0].textContent),
    ).toEqual([
      expect.stringContaining('Orders mart'),
      expect.stringContaining('Ledger'),
      expect.stringContaining('Newcomer'),
    ]);

    const ordersRow = rowOf('Orders mart');
    expect(ordersRow.getByText('micro-batch')).toBeInTheDocument();
    expect(ordersRow.getByText('45 min')).toBeInTheDocument();
    expect(ordersRow.getByText('promised 30 min')).toBeInTheDocument();
    expect(ordersRow.getByText('$900')).toBeInTheDocument();
    expect(
      ordersRow.getByText('streaming (P95 1 min): $2,400 / month, +$1,500'),
    ).toBeInTheDocument();
    expect(
      ordersRow.getByText('daily (P95 1 d): $600 / month, −$300'),
    ).toBeInTheDocument();
    // both options and the unit cost are the platform's estimates
    expect(ordersRow.getAllByText('estimated')).toHaveLength(3);
    expect(
      ordersRow.getByText('$3,103 / month per hour of lag saved'),
    ).toBeInTheDocument();

    const ledgerRow = rowOf('Ledger');
    expect(ledgerRow.getByText('20 h')).toBeInTheDocument();
    expect(ledgerRow.getByText('€500')).toBeInTheDocument();
    expect(
      ledgerRow.getByText('streaming (P95 1 min): €2,000 / month, +€1,500'),
    ).toBeInTheDocument();
    // the owner's own price
    expect(ledgerRow.getByText('declared')).toBeInTheDocument();
    expect(ledgerRow.queryByText('estimated')).not.toBeInTheDocument();
    expect(
      ledgerRow.getByText('€63 / month per hour of lag saved'),
    ).toBeInTheDocument();
  });

  it('shows unknowns as "unknown" with the reason on hover', async () => {
    await renderPage('/data-products?view=freshness-cost');
    await screen.findByTestId('freshness-vs-cost');

    const row = rowOf('Newcomer');
    expect(row.getByText('no tier')).toBeInTheDocument();
    expect(row.getAllByText('unknown')).toHaveLength(4);
    expect(row.getByTitle(NOT_SCORED)).toHaveTextContent('unknown');
    expect(
      row.getByTitle('No monthly cost declared (spec.cost.monthly)'),
    ).toHaveTextContent('unknown');
    // the tier moves and the unit cost: the backend's reason
    expect(row.getAllByTitle(NO_COST)).toHaveLength(2);
  });

  it('goes back to the table', async () => {
    await renderPage('/data-products?view=freshness-cost');
    await screen.findByTestId('freshness-vs-cost');

    await userEvent.click(screen.getByRole('radio', { name: 'Table' }));

    expect(screen.getByTestId('location').textContent).not.toContain('view=');
    expect(screen.queryByTestId('freshness-vs-cost')).not.toBeInTheDocument();
  });
});
