import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import {
  atRiskTier,
  fragileSupplyChain,
  supplyChainScorecard,
  unknownSupplyChain,
  unknownTier,
} from '../../__fixtures__/supplyChain';
import { identityScorecard } from '../../__fixtures__/scorecard';
import type { DataProductScorecard } from '../../api';
import { SupplyChainSection } from './SupplyChainSection';

async function render(scorecard: DataProductScorecard | undefined) {
  await renderInTestApp(
    <SupplyChainSection scorecard={scorecard} loading={false} />,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return within(screen.getByRole('region', { name: 'Supply chain' }));
}

describe('SupplyChainSection', () => {
  it('shows lead time P50/P95 against the target, with a chart of the recent runs', async () => {
    const section = await render(supplyChainScorecard);
    const [leadTime, endToEnd] = section.getAllByTestId('lead-time');
    // 40 min, 95 min and the 1 h target of the fixture, worded like the backend
    expect(leadTime).toHaveTextContent('P5040 min');
    expect(leadTime).toHaveTextContent('P951 h 35 min');
    expect(leadTime).toHaveTextContent('Target1 h');
    expect(leadTime).toHaveTextContent('P95 over target');
    expect(leadTime).toHaveTextContent(
      '2,860 runs measured of 2,868 successful runs; not measured: nothing-absorbed (8)',
    );
    // unknown end to end: the reason, never a number
    expect(endToEnd).toHaveTextContent(
      'Unknown: No end-to-end lead time measured: lineage cycle crm-accounts ← crm-contacts ← crm-accounts',
    );
    expect(within(endToEnd).queryByText('P50')).toBeNull();
    expect(
      section.getByRole('figure', {
        name: 'Lead time of recent runs against the target',
      }),
    ).toBeInTheDocument();
  });

  it('lists the upstream runs the latest run absorbed, with links and run ids', async () => {
    const section = await render(supplyChainScorecard);
    const absorbed = within(section.getByTestId('absorbed-runs'));
    expect(absorbed.getByText('run-0003')).toBeInTheDocument();
    expect(absorbed.getByText('lead time 40 min')).toBeInTheDocument();
    const list = within(
      absorbed.getByRole('list', { name: 'Absorbed upstream runs' }),
    );
    const items = list.getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0]).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/dataproduct/crm-accounts',
    );
    expect(within(items[0]).getByText('acc-7781')).toBeInTheDocument();
    expect(within(items[1]).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/dataproduct/crm-contacts',
    );
    expect(within(items[1]).getByText('con-4410')).toBeInTheDocument();
    expect(
      absorbed.getByText('Nothing absorbed from: resource:default/legacy-dump'),
    ).toBeInTheDocument();
    expect(absorbed.getByTestId('end-to-end')).toHaveTextContent(
      'End-to-end lead time unknown: Lineage cycle: crm-accounts ← crm-contacts ← crm-accounts',
    );
  });

  it('shows volatility, the fragile flag and its reason', async () => {
    const section = await render(supplyChainScorecard);
    const volatility = section.getByTestId('volatility');
    expect(volatility).toHaveTextContent('Lag0.62 (high)');
    expect(volatility).toHaveTextContent(
      'Row countunknown: Only 4 runs reported a row count; at least 10 are needed',
    );
    expect(volatility).toHaveTextContent(
      'Upstream drift2 in 2026-Q4 (dataproduct:default/crm-accounts: 2)',
    );
    const fragile = section.getByTestId('fragile');
    expect(fragile).toHaveTextContent('Fragile');
    expect(fragile).toHaveTextContent(fragileSupplyChain.fragile.summary);
  });

  it('shows the error budgets as remaining percentages with bars, and the burn rate', async () => {
    const section = await render(supplyChainScorecard);
    // p95: 1 − 180/144 = −25 %; p99: 1 − 21/28 = 25 %
    expect(
      section.getByRole('group', { name: 'P95 error budget' }),
    ).toHaveTextContent('P95: -25% remaining (exhausted)');
    expect(
      section.getByRole('group', { name: 'P99 error budget' }),
    ).toHaveTextContent('P99: 25% remaining');
    expect(
      section.getByRole('group', { name: 'P99 error budget' }),
    ).not.toHaveTextContent('exhausted');
    // (6 / 48) / 0.05 = 2.5
    expect(section.getByTestId('burn-rate')).toHaveTextContent(
      'Burn rate 2.5 over the last 24 h: 6 of 48 runs over p95 in the last 24 h',
    );
  });

  it('shows the tier at risk since when, and the days behind it', async () => {
    const section = await render(supplyChainScorecard);
    const tier = section.getByTestId('tier-at-risk');
    expect(tier).toHaveTextContent('At risk since 2026-11-09');
    expect(tier).toHaveTextContent(atRiskTier.summary);
    expect(tier).toHaveTextContent(
      'Days scoring ≤ 2: freshness 14, reliability 3 (2026-11-12 to 2026-11-25, 14 days)',
    );
  });

  it('shows every unknown figure with its reason and no number', async () => {
    const section = await render({
      ...identityScorecard,
      supplyChain: unknownSupplyChain,
      tierAtRisk: unknownTier,
    });
    const [leadTime] = section.getAllByTestId('lead-time');
    expect(leadTime).toHaveTextContent(
      'Unknown: No lead time measured: the product declares no upstream',
    );
    expect(leadTime).toHaveTextContent('Targetno leadTime.target declared');
    expect(
      section.queryByRole('figure', {
        name: 'Lead time of recent runs against the target',
      }),
    ).toBeNull();
    expect(section.queryByTestId('absorbed-runs')).toBeNull();
    expect(section.getByTestId('volatility')).toHaveTextContent(
      'Lagunknown: Only 3 measured runs; at least 10 are needed',
    );
    expect(section.getByTestId('fragile')).toHaveTextContent(
      'Fragile: unknownCannot tell: no lead time target and volatility unknown',
    );
    expect(
      section.getByRole('group', { name: 'P95 error budget' }),
    ).toHaveTextContent(
      'P95: unknown: No p95 promised (contract.freshness.p95)',
    );
    expect(section.getByTestId('burn-rate')).toHaveTextContent(
      'Burn rate unknown: No runs in the last 24 h',
    );
    const tier = section.getByTestId('tier-at-risk');
    expect(tier).toHaveTextContent('Unknown');
    expect(tier).toHaveTextContent(
      'Missing snapshots: 2026-11-14, 2026-11-15',
    );
    expect(screen.getByRole('region', { name: 'Supply chain' })).not.toHaveTextContent('%');
  });

  it('says when the snapshot predates the supply-chain figures', async () => {
    const section = await render(identityScorecard);
    expect(
      section.getByText(
        'This snapshot was stored before supply-chain figures were computed; refresh the scorecard to compute them.',
      ),
    ).toBeInTheDocument();
    expect(section.getByTestId('tier-at-risk')).toHaveTextContent(
      'Not judged for this snapshot yet.',
    );
  });
});
