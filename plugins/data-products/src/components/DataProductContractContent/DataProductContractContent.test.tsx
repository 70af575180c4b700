import type { Entity } from '@backstage/catalog-model';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  customerIdentityV1,
  customerIdentityV2,
  identityCatalog,
  supportInteractions,
} from '../../__testUtils__/customerIdentity';
import { minimalView } from '../../__fixtures__/dataProducts';
import {
  contractWith,
  declaredUnitCost,
  estimatedUnitCost,
  unknownUnitCost,
} from '../../__fixtures__/contract';
import { dataProductsApiRef, type DataProductsApi } from '../../api';
import { DataProductContractContent } from './DataProductContractContent';

const NOW = new Date('2026-11-25T09:30:00Z');

const history: Partial<DataProductsApi> = {
  getContract: async () => contractWith(declaredUnitCost),
  getContractHistory: async () => ({
    items: [
      {
        version: '2.1.0',
        fingerprint: 'f2',
        previousFingerprint: 'f1',
        recordedAt: '2026-10-01T08:00:00.000Z',
        changes: [
          {
            kind: 'non-breaking',
            change: 'field-added',
            path: 'spec.contract.schema[6]',
            message: 'Field merged_into was added',
          },
        ],
        verdict: 'ok',
      },
      {
        version: '2.0.0',
        fingerprint: 'f1',
        previousFingerprint: null,
        recordedAt: '2026-01-10T08:00:00.000Z',
        changes: [],
        verdict: null,
      },
    ],
  }),
};

async function renderContract(
  entity: Entity,
  options: { historyApi?: Partial<DataProductsApi>; catalog?: Entity[] } = {},
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [
          catalogApiRef,
          catalogApiMock({ entities: options.catalog ?? identityCatalog }),
        ],
        [dataProductsApiRef, options.historyApi ?? history],
      ]}
    >
      <EntityProvider entity={entity}>
        <DataProductContractContent now={NOW} />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

function section(name: string) {
  return within(screen.getByRole('region', { name }));
}

/** Body rows of the table in a container (the first row is the header). */
function bodyRows(container: HTMLElement) {
  return within(container).getAllByRole('row').slice(1);
}

describe('DataProductContractContent', () => {
  describe('for customer-identity-v2, which replaces v1', () => {
    it('answers "who do I ping" first: channel, on-call, hours, owner and its members', async () => {
      await renderContract(customerIdentityV2);

      const regions = screen.getAllByRole('region');
      expect(regions[0]).toHaveAccessibleName('Who do I ping');

      const ping = section('Who do I ping');
      expect(ping.getByText('#identity-oncall')).toBeInTheDocument();
      expect(ping.getByText('pagerduty:identity-primary')).toBeInTheDocument();
      expect(ping.getByText('24x7')).toBeInTheDocument();
      expect(
        ping.getByRole('link', { name: /identity-platform/ }),
      ).toHaveAttribute('href', '/catalog/default/group/identity-platform');

      const members = within(
        await ping.findByRole('list', { name: 'Owner group members' }),
      );
      expect(
        members.getByRole('link', { name: /priya\.raman/ }),
      ).toHaveAttribute('href', '/catalog/default/user/priya.raman');
      expect(
        members.getByRole('link', { name: /tomas\.silva/ }),
      ).toHaveAttribute('href', '/catalog/default/user/tomas.silva');
      expect(
        ping.getByText('identity-platform@example.com'),
      ).toBeInTheDocument();
    });

    it('lists the schema with PII highlighted, and filters it by name or description', async () => {
      await renderContract(customerIdentityV2);
      const schema = screen.getByRole('region', { name: 'Schema' });

      const names = () =>
        bodyRows(schema).map(
          row => within(row).getAllByRole('rowheader')[0].textContent,
        );
      expect(names()).toEqual([
        'customer_id',
        'email_sha256',
        'phone_sha256',
        'identity_sources',
        'first_seen_at',
        'last_seen_at',
        'merged_into',
      ]);

      const customerId = bodyRows(schema)[0];
      expect(customerId).toHaveTextContent('string');
      expect(customerId).toHaveTextContent(
        'Stable id, never reused. Join key for every customer table.',
      );
      expect(customerId).toHaveTextContent('Primary');
      expect(customerId).toHaveTextContent('Required');
      expect(customerId).toHaveTextContent('Internal');

      const pii = within(schema).getAllByText('PII');
      expect(pii).toHaveLength(2);
      for (const badge of pii) {
        expect(badge).toHaveAttribute('data-classification', 'pii');
      }
      expect(within(bodyRows(schema)[1]).getByText('PII')).toBeInTheDocument();
      expect(within(schema).getByText('7 fields, 2 PII')).toBeInTheDocument();

      const search = within(schema).getByRole('searchbox', {
        name: 'Search fields',
      });
      // by name
      await userEvent.type(search, 'seen');
      await waitFor(() =>
        expect(names()).toEqual(['first_seen_at', 'last_seen_at']),
      );
      // by description
      await userEvent.clear(search);
      await userEvent.type(search, 'survived');
      await waitFor(() => expect(names()).toEqual(['merged_into']));
      // nothing
      await userEvent.clear(search);
      await userEvent.type(search, 'nope');
      await waitFor(() =>
        expect(
          within(schema).getByText('No field matches “nope”.'),
        ).toBeInTheDocument(),
      );
    });

    it('shows the freshness SLA, availability and access patterns', async () => {
      await renderContract(customerIdentityV2);

      const levels = section('Freshness and availability');
      const freshness = within(
        levels.getByRole('group', { name: 'Freshness SLA' }),
      );
      expect(freshness.getByText('30m')).toBeInTheDocument();
      expect(freshness.getByText('60m')).toBeInTheDocument();
      expect(freshness.getByText('Micro-batch')).toBeInTheDocument();
      expect(levels.getByText('99.5%')).toBeInTheDocument();
      expect(levels.getByText('0.1 %')).toBeInTheDocument();

      const access = section('Access patterns');
      expect(
        access.getByText(
          'snowflake://acme/ANALYTICS.IDENTITY.CUSTOMER_IDENTITY',
        ),
      ).toBeInTheDocument();
      expect(
        access.getByRole('link', { name: /identity-lookup/ }),
      ).toHaveAttribute('href', '/catalog/default/api/identity-lookup');
    });

    it('shows lineage: upstreams from the contract, consumers from the catalog', async () => {
      await renderContract(customerIdentityV2);

      const lineage = section('Lineage');
      const upstreams = within(
        lineage.getByRole('group', { name: 'Upstreams' }),
      );
      expect(
        upstreams.getByRole('link', { name: /segment-events/ }),
      ).toHaveAttribute('href', '/catalog/default/resource/segment-events');
      const consumers = within(
        lineage.getByRole('group', { name: 'Consumers' }),
      );
      expect(consumers.getAllByRole('link')).toHaveLength(4);
      expect(
        consumers.getByRole('link', { name: /checkout-service/ }),
      ).toHaveAttribute('href', '/catalog/default/component/checkout-service');
    });

    it('shows the migration from v1: field mapping, sample queries and who is still on v1', async () => {
      await renderContract(customerIdentityV2);
      const versions = section('Versions and migration');

      // no lifecycle banner for an active product
      expect(
        versions.queryByTestId('lifecycle-banner'),
      ).not.toBeInTheDocument();

      const mapping = versions.getByTestId('field-mapping');
      const rows = bodyRows(mapping).map(row =>
        Array.from(
          row.querySelectorAll('[role="rowheader"], [role="gridcell"]'),
        ).map(cell => cell.textContent),
      );
      expect(rows[0]).toEqual([
        'cust_id',
        'customer_id',
        'renamed, same values',
      ]);
      expect(rows.map(r => `${r[0]} → ${r[1]}`)).toEqual([
        'cust_id → customer_id',
        'email → email_sha256',
        'phone → phone_sha256',
        'first_seen → first_seen_at',
        'source_system → identity_sources',
      ]);

      expect(
        versions.getByRole('link', {
          name: 'https://wiki.example.com/data-platform/identity-v2-migration',
        }),
      ).toHaveAttribute(
        'href',
        'https://wiki.example.com/data-platform/identity-v2-migration',
      );

      await waitFor(() => {
        const queries = versions.getAllByTestId('sample-query');
        expect(queries).toHaveLength(2);
        expect(queries[0]).toHaveTextContent(
          'where email_sha256 = sha2(lower(trim(:email)), 256)',
        );
        expect(queries[1]).toHaveTextContent(
          'lateral flatten(input => c.identity_sources) s',
        );
      });

      const stillOnV1 = within(
        await versions.findByRole('group', {
          name: 'Consumers still on customer-identity-v1',
        }),
      );
      expect(
        stillOnV1.getByText('2 consumers still here:'),
      ).toBeInTheDocument();
      expect(stillOnV1.getByRole('link', { name: /crm-sync/ })).toHaveAttribute(
        'href',
        '/catalog/default/component/crm-sync',
      );
      expect(
        stillOnV1.getByRole('link', { name: /lifecycle-emails/ }),
      ).toHaveAttribute('href', '/catalog/default/component/lifecycle-emails');
      // 2026-11-25 → 2027-01-31: 5 + 31 + 31 days
      expect(
        versions.getByText('sunset on 2027-01-31 (in 67 days)'),
      ).toBeInTheDocument();
    });

    it('shows cost, funding and cost per consumer', async () => {
      await renderContract(customerIdentityV2);

      const cost = section('Cost and funding');
      expect(cost.getByText('$4,200.00')).toBeInTheDocument();
      expect(cost.getByRole('link', { name: /data-platform/ })).toHaveAttribute(
        'href',
        '/catalog/default/group/data-platform',
      );
      expect(cost.getByText('4')).toBeInTheDocument();
      expect(cost.getByText('$1,050.00 / month')).toBeInTheDocument();
    });

    it('shows the contract change history from the backend', async () => {
      await renderContract(customerIdentityV2);

      const changes = section('Change history');
      expect(await changes.findByText('v2.1.0')).toBeInTheDocument();
      expect(
        changes.getByText('Field merged_into was added'),
      ).toBeInTheDocument();
      expect(
        changes.getByText('recorded 2026-10-01 08:00 UTC'),
      ).toBeInTheDocument();
      expect(changes.getByText('First recorded version.')).toBeInTheDocument();
    });
  });

  it('shows the deprecation banner and successor on v1', async () => {
    await renderContract(customerIdentityV1);
    const versions = section('Versions and migration');

    const banner = versions.getByTestId('lifecycle-banner');
    expect(banner).toHaveTextContent(
      'Deprecated: Sunset on 2027-01-31 (in 67 days)',
    );
    expect(
      within(banner).getByRole('link', { name: /customer-identity-v2/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/dataproduct/customer-identity-v2',
    );
    expect(versions.getByText('Newer:')).toBeInTheDocument();
    expect(
      section('Who do I ping').getByText('Mon–Fri 09:00–18:00 CET'),
    ).toBeInTheDocument();
  });

  it('reads a contract authored in ODCS like an explicit one', async () => {
    await renderContract(supportInteractions, { catalog: [] });

    expect(
      section('Who do I ping').getByText('#support-data'),
    ).toBeInTheDocument();
    const schema = screen.getByRole('region', { name: 'Schema' });
    expect(
      within(schema).getByRole('rowheader', { name: 'interaction_id' }),
    ).toBeInTheDocument();
    const freshness = within(
      section('Freshness and availability').getByRole('group', {
        name: 'Freshness SLA',
      }),
    );
    expect(freshness.getByText('2h')).toBeInTheDocument();
    expect(freshness.getByText('4h')).toBeInTheDocument();
    // explicit fields win over the ODCS document
    expect(
      section('Lineage').getByRole('link', { name: /zendesk-export/ }),
    ).toBeInTheDocument();
  });

  it('says "no history recorded yet" when the backend has none', async () => {
    await renderContract(customerIdentityV2, {
      historyApi: { getContractHistory: async () => ({ items: [] }) },
    });
    expect(
      await section('Change history').findByText('No history recorded yet.'),
    ).toBeInTheDocument();
  });

  it('shows an error panel, not a crash, when the history cannot be loaded', async () => {
    await renderContract(customerIdentityV2, {
      historyApi: {
        getContractHistory: async () => {
          throw new Error('Request failed with 500 Internal Server Error');
        },
      },
    });
    const changes = section('Change history');
    expect(
      await changes.findByText('Could not load the contract history'),
    ).toBeInTheDocument();
    expect(
      changes.getByText('Request failed with 500 Internal Server Error'),
    ).toBeInTheDocument();
    // the rest of the tab is still there
    expect(section('Schema').getAllByText('PII')).toHaveLength(2);
  });

  it('says briefly what a product does not declare', async () => {
    await renderContract(minimalView, { catalog: [] });

    expect(
      section('Schema').getByText('No schema declared.'),
    ).toBeInTheDocument();
    expect(
      section('Freshness and availability').getByText(
        'No freshness SLA or availability declared.',
      ),
    ).toBeInTheDocument();
    expect(
      section('Access patterns').getByText('No access patterns declared.'),
    ).toBeInTheDocument();
    expect(
      section('Lineage').getByText('No upstreams declared.'),
    ).toBeInTheDocument();
    expect(
      section('Versions and migration').getByText(
        'No migration guide declared.',
      ),
    ).toBeInTheDocument();
    expect(
      section('Cost and funding').getByText('No cost declared.'),
    ).toBeInTheDocument();
    expect(
      await section('Who do I ping').findByText(
        'The owner is not in the catalog.',
      ),
    ).toBeInTheDocument();
    expect(section('Who do I ping').getAllByText('not declared')).toHaveLength(
      3,
    );
  });

  it('renders hostile contract text as text', async () => {
    const hostile = '<img src=x onerror="alert(1)"><b>bold</b>';
    await renderContract(
      {
        ...minimalView,
        spec: {
          ...minimalView.spec,
          contract: {
            schema: [{ name: hostile, type: 'string', description: hostile }],
          },
        },
      },
      { catalog: [] },
    );

    expect(section('Schema').getAllByText(hostile)).toHaveLength(2);
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
  });

  describe('cost of freshness', () => {
    it('shows the unit cost of freshness, the options and the findings', async () => {
      await renderContract(customerIdentityV2);

      const cost = section('Cost and funding');
      // 6,800 ÷ (29/60 h) = 14,068.97, in whole dollars
      expect(await cost.findByTestId('unit-cost')).toHaveTextContent(
        '$14,069 / month per hour of lag saved',
      );
      expect(cost.queryByText('estimated')).toBeNull();
      expect(
        cost.getByText(
          'Priced on the next fresher option: streaming at P95 1 min for $11,000 a month.',
        ),
      ).toBeInTheDocument();
      const rows = bodyRows(cost.getByRole('grid'));
      expect(rows).toHaveLength(2);
      expect(rows[0]).toHaveTextContent(/streaming.*1 min.*\$11,000.*\+\$6,800.*0\.48 h/);
      expect(rows[1]).toHaveTextContent(/daily.*1 d.*\$2,800.*−\$1,400.*-23\.5 h/);
      const findings = within(cost.getByRole('list', { name: 'Cost findings' }));
      expect(findings.getAllByRole('listitem')).toHaveLength(2);
      expect(
        findings.getByText('spec.cost.options[2].monthly is 0: the option is left out'),
      ).toBeInTheDocument();
    });

    it('labels an estimate from the tier multipliers as estimated', async () => {
      await renderContract(customerIdentityV2, {
        historyApi: {
          ...history,
          getContract: async () => contractWith(estimatedUnitCost),
        },
      });

      const cost = section('Cost and funding');
      // 500 ÷ 23.5 h = 21.28, in whole dollars
      expect(await cost.findByTestId('unit-cost')).toHaveTextContent(
        '$21 / month per hour of lag saved',
      );
      expect(cost.getAllByText('estimated').length).toBeGreaterThanOrEqual(1);
      expect(
        cost.getByText(
          'Estimated: USD 21 a month per hour of P95 lag saved, moving to micro-batch (p95 30m)',
        ),
      ).toBeInTheDocument();
    });

    it('shows why the unit cost is unknown, never a number', async () => {
      await renderContract(customerIdentityV2, {
        historyApi: {
          ...history,
          getContract: async () => contractWith(unknownUnitCost),
        },
      });

      const cost = section('Cost and funding');
      expect(await cost.findByTestId('unit-cost')).toHaveTextContent(
        'Unknown: no cost declared (spec.cost.monthly), so no price of freshness',
      );
      expect(
        cost.getByText('No cost options declared or estimated.'),
      ).toBeInTheDocument();
    });

    it('says so when the backend cannot be reached', async () => {
      await renderContract(customerIdentityV2, {
        historyApi: {
          ...history,
          getContract: async () => {
            throw new Error('Bad gateway');
          },
        },
      });

      const cost = section('Cost and funding');
      expect(
        await cost.findByText('Could not load the unit cost of freshness'),
      ).toBeInTheDocument();
      expect(cost.getByText('$4,200.00')).toBeInTheDocument();
    });
  });
});
