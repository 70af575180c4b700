import { ResponseError } from '@backstage/errors';
import { EntityProvider, entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { customerIdentity } from '../../__fixtures__/dataProducts';
import {
  emptyScorecard,
  identityHistory,
  identityIncidents,
  identityRuns,
  identityScorecard,
} from '../../__fixtures__/scorecard';
import { supplyChainScorecard } from '../../__fixtures__/supplyChain';
import {
  dataProductsApiRef,
  type DataProductScorecard,
  type DataProductsApi,
} from '../../api';
import { DataProductScorecardContent } from './DataProductScorecardContent';

function mockApi(overrides: Partial<DataProductsApi> = {}) {
  return {
    getContract: jest.fn(async () => undefined),
    getContractHistory: jest.fn(async () => ({ items: [] })),
    getScorecard: jest.fn(async () => identityScorecard),
    getScorecardHistory: jest.fn(async () => identityHistory),
    getRuns: jest.fn(async () => identityRuns),
    getIncidents: jest.fn(async () => identityIncidents),
    refreshScorecard: jest.fn(async () => identityScorecard),
    ...overrides,
  } satisfies DataProductsApi;
}

async function renderScorecard(api: Partial<DataProductsApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[dataProductsApiRef, api]]}>
      <EntityProvider entity={customerIdentity}>
        <DataProductScorecardContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

function region(name: string) {
  return within(screen.getByRole('region', { name }));
}

function dimension(name: string) {
  return within(screen.getByRole('group', { name }));
}

async function forbidden(): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: {
          name: 'NotAllowedError',
          message:
            'Not allowed to refresh the scorecard of dataproduct:default/customer-identity-v2: it needs the permission stockroom.scorecard.refresh',
        },
      }),
      {
        status: 403,
        statusText: 'Forbidden',
        headers: { 'content-type': 'application/json' },
      },
    ) as any,
  );
}

describe('DataProductScorecardContent', () => {
  it('shows the supply chain the backend served with the scorecard', async () => {
    await renderScorecard(
      mockApi({ getScorecard: jest.fn(async () => supplyChainScorecard) }),
    );

    await screen.findByTestId('overall-score');
    const supplyChain = region('Supply chain');
    expect(supplyChain.getByTestId('fragile')).toHaveTextContent('Fragile');
    expect(supplyChain.getByTestId('tier-at-risk')).toHaveTextContent(
      'At risk since 2026-11-09',
    );
    expect(
      supplyChain.getByRole('group', { name: 'P95 error budget' }),
    ).toHaveTextContent('P95: -25% remaining (exhausted)');
  });

  it('shows the overall score and what it is the mean of', async () => {
    const api = mockApi();
    await renderScorecard(api);

    const overall = await screen.findByTestId('overall-score');
    expect(overall).toHaveTextContent('3.5');
    const top = region('Scorecard');
    expect(
      top.getByText(
        'The mean of the 6 known dimensions, one decimal; quality is unknown and not counted.',
      ),
    ).toBeInTheDocument();
    expect(
      top.getByText(
        'Computed 2026-11-25 06:00 UTC over the runs from 2026-10-26 to 2026-11-25: 2,880 runs.',
      ),
    ).toBeInTheDocument();
    expect(api.getScorecard).toHaveBeenCalledWith({
      kind: 'DataProduct',
      namespace: 'default',
      name: 'customer-identity-v2',
    });
  });

  it('shows the seven dimensions with their scores and summaries', async () => {
    await renderScorecard(mockApi());
    await screen.findByTestId('overall-score');

    const expected: Array<[string, string]> = [
      ['Freshness', '3'],
      ['Reliability', '3'],
      ['Quality', 'unknown'],
      ['Stability', '4'],
      ['Contract', '4'],
      ['Ownership', '5'],
      ['Reuse', '2'],
    ];
    for (const [name, score] of expected) {
      expect(dimension(name).getByTestId('score')).toHaveAttribute(
        'data-score',
        score,
      );
    }
    const groups = within(
      screen.getByRole('region', { name: 'Dimensions' }),
    ).getAllByRole('group');
    expect(groups).toHaveLength(7);

    // the backend's summaries, as it wrote them
    expect(
      dimension('Freshness').getByTestId('dimension-summary'),
    ).toHaveTextContent(
      'P95 lag 41 min vs 30 min promised (P99 58 min vs 1 h) over 2,856 runs in the last 30 days',
    );
    expect(
      dimension('Reliability').getByTestId('dimension-summary'),
    ).toHaveTextContent(
      '42 SLA breaches in 2,880 runs over the last 30 days (14.6 per 1,000): 12 failed, 30 later than the 1 h P99 SLA',
    );
    expect(
      dimension('Reuse').getByTestId('dimension-summary'),
    ).toHaveTextContent('2 catalog entities depend on it');
    expect(dimension('Freshness').getByTestId('score')).toHaveTextContent(
      '3 / 5',
    );
  });

  it('shows an unknown score as unknown, with why, never as a number', async () => {
    await renderScorecard(mockApi());
    await screen.findByTestId('overall-score');

    const quality = dimension('Quality');
    const badge = quality.getByTestId('score');
    expect(badge).toHaveTextContent('unknown');
    expect(badge).not.toHaveTextContent(/\d/);
    expect(badge).toHaveAccessibleName('Score unknown');
    expect(quality.getByTestId('dimension-summary')).toHaveTextContent(
      'No key fields declared to measure: add contract.quality.keyFields',
    );
    expect(
      quality.getByText(/Unknown, not a guess: there is no evidence/),
    ).toHaveTextContent(/contract\.quality\.keyFields with a maxNullRate/);
    expect(quality.getByText('none declared')).toBeInTheDocument();
  });

  it('shows the key evidence numbers in words', async () => {
    await renderScorecard(mockApi());
    await screen.findByTestId('overall-score');

    const freshness = within(
      dimension('Freshness').getByLabelText('Freshness evidence'),
    );
    expect(freshness.getByText('2026-10-26 – 2026-11-25')).toBeInTheDocument();
    expect(
      freshness.getByText(
        '2,880 runs, 2,868 successful, 2,856 with a measurable lag',
      ),
    ).toBeInTheDocument();
    expect(
      freshness.getByText('41 min vs 30 min promised'),
    ).toBeInTheDocument();
    expect(freshness.getByText('58 min vs 1 h promised')).toBeInTheDocument();

    const reliability = within(
      dimension('Reliability').getByLabelText('Reliability evidence'),
    );
    expect(reliability.getByText('14.6')).toBeInTheDocument();
    expect(
      reliability.getByText('42 of 2,880 runs: 12 failed, 30 late'),
    ).toBeInTheDocument();

    const stability = within(
      dimension('Stability').getByLabelText('Stability evidence'),
    );
    expect(stability.getByText('1 (2026-Q4)')).toBeInTheDocument();

    const contract = within(
      dimension('Contract').getByLabelText('Contract evidence'),
    );
    expect(contract.getByText('80%')).toBeInTheDocument();
    expect(contract.getByText('7 of 7')).toBeInTheDocument();

    const ownership = within(
      dimension('Ownership').getByLabelText('Ownership evidence'),
    );
    expect(ownership.getByText('4 of 4')).toBeInTheDocument();

    expect(
      dimension('Reuse').getByText('2 catalog entities depending on it'),
    ).toBeInTheDocument();
  });

  it('draws the score and lag trends with the SLA lines', async () => {
    const api = mockApi();
    const { container } = await renderScorecard(api);

    expect(await screen.findByTestId('score-trend-caption')).toHaveTextContent(
      '4 snapshots from 2026-11-22 to 2026-11-25. A gap in a line is an unknown score.',
    );
    expect(
      screen.getByRole('figure', { name: 'Scores over time' }),
    ).toBeInTheDocument();
    const lag = region('Freshness lag');
    expect(
      lag.getByRole('figure', {
        name: 'P95 and P99 freshness lag over time against the SLA',
      }),
    ).toBeInTheDocument();
    expect(
      lag.getByText(/Promised: P95 30 min, P99 1 h \(dashed lines\)/),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(
        container.querySelectorAll('.recharts-reference-line'),
      ).toHaveLength(2),
    );
    expect(container.querySelectorAll('.recharts-line').length).toBeGreaterThan(
      2,
    );
    expect(api.getScorecardHistory).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'customer-identity-v2' }),
      { from: expect.any(String) },
    );
  });

  it('lists failed runs and runs over the SLA', async () => {
    await renderScorecard(mockApi());

    const breaches = region('SLA breaches');
    expect(await breaches.findByTestId('breach-count')).toHaveTextContent(
      '2 breaches among the latest 5 runs (back to 2026-11-25): 1 failed, 1 late.',
    );
    const items = breaches.getAllByTestId('breach');
    expect(items.map(i => i.getAttribute('data-reason'))).toEqual([
      'late',
      'failed',
    ]);
    expect(items[0]).toHaveTextContent('run-0005');
    expect(items[0]).toHaveTextContent(
      'Late: lag 1 h 12 min vs the 1 h P99 SLA',
    );
    expect(items[1]).toHaveTextContent('run-0004');
    expect(items[1]).toHaveTextContent(
      'Failed: Snowflake warehouse IDENTITY_WH suspended',
    );
    // within the SLA: not breaches
    expect(breaches.queryByText(/run-0006|run-0003|run-0002/)).toBeNull();
  });

  it('pages back through older runs', async () => {
    const getRuns = jest
      .fn()
      .mockResolvedValueOnce({
        items: identityRuns.items.slice(0, 2),
        nextBefore: '2026-11-25T05:15:00.000Z',
      })
      .mockResolvedValueOnce({
        items: identityRuns.items.slice(2),
        nextBefore: null,
      });
    await renderScorecard(mockApi({ getRuns }));

    const breaches = region('SLA breaches');
    expect(await breaches.findByTestId('breach-count')).toHaveTextContent(
      '1 breach among the latest 2 runs',
    );
    await userEvent.click(
      breaches.getByRole('button', { name: 'Load older runs' }),
    );
    await waitFor(() =>
      expect(breaches.getByTestId('breach-count')).toHaveTextContent(
        '2 breaches among the latest 5 runs',
      ),
    );
    expect(getRuns).toHaveBeenLastCalledWith(
      expect.objectContaining({ name: 'customer-identity-v2' }),
      { limit: 200, before: '2026-11-25T05:15:00.000Z' },
    );
    expect(
      breaches.queryByRole('button', { name: 'Load older runs' }),
    ).toBeNull();
  });

  it('lists drift incidents, marking this quarter, as text', async () => {
    const { container } = await renderScorecard(mockApi());

    const incidents = region('Drift incidents');
    expect(
      await incidents.findByTestId('incidents-this-quarter'),
    ).toHaveTextContent('1 incident this quarter (2026-Q4), 2 in all.');
    const items = incidents.getAllByTestId('incident');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(
      'Breaking change published without a major version bump',
    );
    expect(items[0]).toHaveTextContent('THIS QUARTER');
    expect(items[0]).toHaveTextContent(
      'Version v2.0.0 → v2.1.0: needed a major version bump',
    );
    expect(items[0]).toHaveTextContent(
      'breaking: Field merged_into changed type from string to array',
    );
    expect(items[1]).toHaveTextContent(
      'Observed schema differs from the contract',
    );
    expect(items[1]).not.toHaveTextContent('THIS QUARTER');
    // what the backend recorded is shown as text, never as HTML
    expect(items[1]).toHaveTextContent('observed: <b>varchar</b>');
    expect(container.querySelector('[data-testid="incident"] b')).toBeNull();
  });

  it('explains how each dimension is scored', async () => {
    await renderScorecard(mockApi());
    await screen.findByTestId('overall-score');

    const how = region('How is this scored?');
    const table = within(how.getByRole('table', { name: 'Score thresholds' }));
    const row = (dimensionName: string) =>
      within(table.getByTestId(`threshold-${dimensionName}`))
        .getAllByRole('cell')
        .map(cell => cell.textContent);
    expect(row('freshness')).toEqual([
      'P95 ≤ p95 and P99 ≤ p99',
      'P95 ≤ p95',
      'P95 ≤ 1.5×p95',
      'P95 ≤ 3×p95',
      'worse',
    ]);
    expect(row('reliability')).toEqual([
      '≤ 1',
      '≤ 10',
      '≤ 50',
      '≤ 100',
      '> 100',
    ]);
    expect(row('quality')).toEqual([
      '≤ 1× max',
      '≤ 2×',
      '≤ 5×',
      '≤ 10×',
      'worse',
    ]);
    expect(row('stability')).toEqual(['0', '1', '2', '3–4', '≥ 5']);
    expect(row('contract')).toEqual([
      '100%',
      '≥ 80%',
      '≥ 60%',
      '≥ 40%',
      '< 40%',
    ]);
    expect(row('ownership')).toEqual(['all 4', '3', '2', '1', '0']);
    expect(row('reuse')).toEqual(['≥ 5', '4', '3', '2', '≤ 1']);
    expect(
      how.getByText(/a rate of 0 scores 5, a rate ≤ 0.1% scores 3/),
    ).toBeInTheDocument();
  });

  it('shows the thresholds the backend says it scores with, as configured', async () => {
    // stockroom.scoring.thresholds as a platform team might set them
    const configured: DataProductScorecard = {
      ...identityScorecard,
      thresholds: {
        freshness: { 3: 2, 2: 4 },
        reliability: { 5: 0, 4: 5, 3: 10, 2: 25 },
        quality: { 5: 1, 4: 1.5, 3: 3, 2: 6 },
        qualityZeroMax: { 5: 0.0001, 3: 0.01 },
        assertions: { 5: 0, 4: 0.01, 3: 0.05, 2: 0.1 },
        stability: { 5: 0, 4: 0, 3: 1, 2: 2 },
        contract: { 5: 100, 4: 90, 3: 80, 2: 40 },
        ownership: { 5: 4, 4: 4, 3: 3, 2: 1 },
        reuse: { 5: 10, 4: 8, 3: 6, 2: 4 },
      },
    };
    await renderScorecard(
      mockApi({ getScorecard: jest.fn(async () => configured) }),
    );
    await screen.findByTestId('overall-score');

    const how = region('How is this scored?');
    const table = within(how.getByRole('table', { name: 'Score thresholds' }));
    const row = (dimensionName: string) =>
      within(table.getByTestId(`threshold-${dimensionName}`))
        .getAllByRole('cell')
        .map(cell => cell.textContent);
    expect(row('freshness')).toEqual([
      'P95 ≤ p95 and P99 ≤ p99',
      'P95 ≤ p95',
      'P95 ≤ 2×p95',
      'P95 ≤ 4×p95',
      'worse',
    ]);
    expect(row('reliability')).toEqual(['≤ 0', '≤ 5', '≤ 10', '≤ 25', '> 25']);
    expect(row('quality')).toEqual([
      '≤ 1× max',
      '≤ 1.5×',
      '≤ 3×',
      '≤ 6×',
      'worse',
    ]);
    // no count of incidents earns a 4 when the bounds for 5 and 4 are both 0
    expect(row('stability')).toEqual(['0', '—', '1', '2', '≥ 3']);
    expect(row('contract')).toEqual([
      '100%',
      '≥ 90%',
      '≥ 80%',
      '≥ 40%',
      '< 40%',
    ]);
    expect(row('ownership')).toEqual(['all 4', '—', '3', '1–2', '0']);
    expect(row('reuse')).toEqual(['≥ 10', '8–9', '6–7', '4–5', '≤ 3']);
    expect(
      how.getByText(/a rate ≤ 0.01% scores 5, a rate ≤ 1% scores 3/),
    ).toBeInTheDocument();
  });

  it('refreshes the scorecard through the backend', async () => {
    const refreshed: DataProductScorecard = {
      ...identityScorecard,
      overall: 3.7,
      computedAt: '2026-11-25T09:00:00.000Z',
    };
    const api = mockApi({ refreshScorecard: jest.fn(async () => refreshed) });
    await renderScorecard(api);
    await screen.findByTestId('overall-score');

    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));

    expect(
      await screen.findByText(
        'Scorecard refreshed: computed 2026-11-25 09:00 UTC.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('overall-score')).toHaveTextContent('3.7');
    expect(api.refreshScorecard).toHaveBeenCalledWith({
      kind: 'DataProduct',
      namespace: 'default',
      name: 'customer-identity-v2',
    });
    // the history is read again, to include the new snapshot
    await waitFor(() =>
      expect(api.getScorecardHistory).toHaveBeenCalledTimes(2),
    );
  });

  it('says clearly when the user may not refresh (403)', async () => {
    const error = await forbidden();
    const api = mockApi({
      refreshScorecard: jest.fn(() => Promise.reject(error)),
    });
    await renderScorecard(api);
    await screen.findByTestId('overall-score');

    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));

    expect(
      await screen.findByText('You are not allowed to refresh this scorecard'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/needs the permission stockroom\.scorecard\.refresh/),
    ).toBeInTheDocument();
    // the scorecard stays as it was
    expect(screen.getByTestId('overall-score')).toHaveTextContent('3.5');
  });

  it('reports other refresh failures with the reason', async () => {
    const api = mockApi({
      refreshScorecard: jest.fn(async () => {
        throw new Error('database is down');
      }),
    });
    await renderScorecard(api);
    await screen.findByTestId('overall-score');

    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));

    expect(
      await screen.findByText('Could not refresh the scorecard'),
    ).toBeInTheDocument();
    expect(screen.getByText('database is down')).toBeInTheDocument();
  });

  it('says where to send runs when none were reported', async () => {
    await renderScorecard(
      mockApi({
        getScorecard: jest.fn(async () => emptyScorecard),
        getScorecardHistory: jest.fn(async () => ({ items: [] })),
        getRuns: jest.fn(async () => ({ items: [], nextBefore: null })),
        getIncidents: jest.fn(async () => ({ items: [] })),
      }),
    );

    const hints = await screen.findAllByTestId('no-runs-yet');
    expect(hints).toHaveLength(2); // breach list and lag chart
    await waitFor(() =>
      expect(hints[0]).toHaveTextContent(
        /^No runs reported yet — point your OpenLineage transport at .*\/api\/data-products\/openlineage/,
      ),
    );
    expect(
      region('Score trends').getByText(/No snapshots in this period yet/),
    ).toBeInTheDocument();
    expect(
      region('Drift incidents').getByText('No drift incidents recorded.'),
    ).toBeInTheDocument();

    for (const name of ['Freshness', 'Reliability', 'Quality', 'Stability']) {
      expect(dimension(name).getByTestId('score')).toHaveTextContent('unknown');
    }
    expect(
      dimension('Freshness').getByTestId('dimension-summary'),
    ).toHaveTextContent('No runs in the last 30 days');
    expect(screen.getByTestId('overall-score')).toHaveTextContent('4.3');
    expect(
      region('Scorecard').getByText(
        /freshness, reliability, quality, stability are unknown and not counted/,
      ),
    ).toBeInTheDocument();
  });

  it('shows an error per section and keeps the rest', async () => {
    await renderScorecard(
      mockApi({
        getScorecardHistory: jest.fn(async () => {
          throw new Error('history table missing');
        }),
        getRuns: jest.fn(async () => {
          throw new Error('runs unavailable');
        }),
        getIncidents: jest.fn(async () => {
          throw new Error('incidents unavailable');
        }),
      }),
    );

    expect(
      await region('Score trends').findByText('history table missing'),
    ).toBeInTheDocument();
    expect(
      await region('SLA breaches').findByText('runs unavailable'),
    ).toBeInTheDocument();
    expect(
      await region('Drift incidents').findByText('incidents unavailable'),
    ).toBeInTheDocument();
    // the scorecard itself is unaffected
    expect(await screen.findByTestId('overall-score')).toHaveTextContent('3.5');
    expect(dimension('Ownership').getByTestId('score')).toHaveAttribute(
      'data-score',
      '5',
    );
  });

  it('survives a failing or empty scorecard answer', async () => {
    await renderScorecard(
      mockApi({
        getScorecard: jest.fn(async () => {
          throw new Error('backend is down');
        }),
      }),
    );
    expect(
      await screen.findByText('Could not load the scorecard'),
    ).toBeInTheDocument();
    expect(screen.getByText('backend is down')).toBeInTheDocument();
    // the threshold table falls back to the spec's defaults
    expect(
      screen.getByRole('table', { name: 'Score thresholds' }),
    ).toBeInTheDocument();
  });

  it('says so when the backend has no scorecard for the product', async () => {
    await renderScorecard(
      mockApi({ getScorecard: jest.fn(async () => undefined) }),
    );
    expect(
      await screen.findByText(
        /The Stockroom backend has no scorecard for this product/,
      ),
    ).toBeInTheDocument();
  });

  it('draws the lag of recent runs when the history has no lag, and no SLA lines without an SLA', async () => {
    const noSla: DataProductScorecard = {
      ...identityScorecard,
      dimensions: {
        ...identityScorecard.dimensions,
        freshness: {
          score: null,
          summary:
            'No freshness promise to measure against: declare contract.freshness.p95 (e.g. 30m)',
          evidence: {
            ...identityScorecard.dimensions.freshness.evidence,
            promisedP95Ms: null,
            promisedP99Ms: null,
          },
        },
        reliability: {
          ...identityScorecard.dimensions.reliability,
          evidence: {
            ...identityScorecard.dimensions.reliability.evidence,
            slaMs: null,
            slaPercentile: null,
          },
        },
      },
    };
    const { container } = await renderScorecard(
      mockApi({
        getScorecard: jest.fn(async () => noSla),
        // with no SLA the backend counts only failures as breaches
        getRuns: jest.fn(async () => ({
          ...identityRuns,
          items: identityRuns.items.map(run => ({
            ...run,
            breach: run.status === 'failed',
          })),
        })),
        getScorecardHistory: jest.fn(async () => ({
          items: identityHistory.items.map(item => ({ ...item, lag: null })),
        })),
      }),
    );

    const lag = region('Freshness lag');
    expect(
      await lag.findByRole('figure', {
        name: 'Freshness lag of recent runs against the SLA',
      }),
    ).toBeInTheDocument();
    expect(
      lag.getByText(
        /this is the lag of each of the latest 4 successful runs\. No freshness SLA is promised/,
      ),
    ).toBeInTheDocument();
    expect(container.querySelectorAll('.recharts-reference-line')).toHaveLength(
      0,
    );
    expect(dimension('Freshness').getByTestId('score')).toHaveTextContent(
      'unknown',
    );
    const breaches = region('SLA breaches');
    expect(await breaches.findByTestId('breach-count')).toHaveTextContent(
      '1 breach among the latest 5 runs (back to 2026-11-25): 1 failed, 0 late.',
    );
    expect(
      breaches.getByText(/only failed runs count as breaches/),
    ).toBeInTheDocument();
  });
});
