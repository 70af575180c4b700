import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import { customerIdentity, minimalView } from '../../__fixtures__/dataProducts';
import { DataProductOverviewCard } from './DataProductOverviewCard';

// eslint-disable-next-line no-script-url -- a hostile contact is the point
const SCRIPT_URL = 'javascript:alert(1)';

async function renderCard(entity: Entity) {
  await renderInTestApp(
    <EntityProvider entity={entity}>
      <DataProductOverviewCard />
    </EntityProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

function field(label: string) {
  return within(screen.getByRole('group', { name: label }));
}

describe('DataProductOverviewCard', () => {
  it('shows what a consumer needs to know about a fully declared product', async () => {
    await renderCard(customerIdentity);

    expect(screen.getByText('Customer Identity Graph')).toBeInTheDocument();
    expect(
      field('Description').getByText(
        'Maps every known identifier to one stable customer id.',
      ),
    ).toBeInTheDocument();

    const owner = field('Owner').getByRole('link');
    expect(owner).toHaveTextContent('identity-platform');
    expect(owner).toHaveAttribute(
      'href',
      '/catalog/default/group/identity-platform',
    );

    expect(field('Category').getByText('Core entity')).toBeInTheDocument();
    expect(field('Type').getByText('table')).toBeInTheDocument();
    expect(field('Version').getByText('2.1.0')).toBeInTheDocument();
    expect(field('Lifecycle stage').getByText('Active')).toBeInTheDocument();

    const ping = field('Who do I ping');
    expect(ping.getByText('#identity-oncall')).toBeInTheDocument();
    expect(ping.getByText('pagerduty:identity-primary')).toBeInTheDocument();
    expect(ping.getByText('24x7')).toBeInTheDocument();

    const freshness = field('Freshness promise');
    expect(freshness.getByText('30m')).toBeInTheDocument();
    expect(freshness.getByText('60m')).toBeInTheDocument();
    expect(freshness.getByText('Micro-batch')).toBeInTheDocument();

    expect(field('Domain').getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/domain/customer',
    );
    expect(field('System').getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/system/identity',
    );

    expect(screen.queryByText('not declared')).not.toBeInTheDocument();
  });

  it('shows the state the catalog computed, not the declared stage', async () => {
    await renderCard(customerIdentity);

    const badge = screen.getByTestId('data-product-state');
    expect(badge).toHaveTextContent('Expiring');
    expect(badge).toHaveAttribute('data-state-source', 'computed');
    expect(screen.queryByText('declared stage')).not.toBeInTheDocument();
  });

  it('says "not declared" for missing optional fields and falls back to the declared stage', async () => {
    await renderCard(minimalView);

    // no title: the name stands in
    expect(screen.getByText('weekly-signups-view')).toBeInTheDocument();
    expect(field('Description').getByText('not declared')).toBeInTheDocument();

    // a bare owner name resolves as a group in the entity's namespace
    expect(field('Owner').getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/group/growth-analytics',
    );
    expect(field('Category').getByText('Convenience view')).toBeInTheDocument();
    expect(field('Version').getByText('not declared')).toBeInTheDocument();
    expect(field('Domain').getByText('not declared')).toBeInTheDocument();
    expect(field('System').getByText('not declared')).toBeInTheDocument();
    expect(field('Who do I ping').getAllByText('not declared')).toHaveLength(3);
    expect(
      field('Freshness promise').getAllByText('not declared'),
    ).toHaveLength(3);

    const badge = screen.getByTestId('data-product-state');
    expect(badge).toHaveTextContent('Draft');
    expect(badge).toHaveAttribute('data-state-source', 'declared');
    expect(screen.getByText('declared stage')).toBeInTheDocument();
  });

  it('renders user-supplied text as text, never as HTML', async () => {
    await renderCard({
      ...minimalView,
      metadata: {
        ...minimalView.metadata,
        description: '<img src=x onerror="alert(1)"><b>bold</b>',
      },
      spec: {
        ...minimalView.spec,
        contract: {
          escalation: {
            channel: SCRIPT_URL,
            onCall: 'https://acme.pagerduty.com/schedules/P123',
          },
        },
      },
    });

    expect(
      screen.getByText('<img src=x onerror="alert(1)"><b>bold</b>'),
    ).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('b')).toBeNull();

    const ping = field('Who do I ping');
    // only http(s) contacts become links
    expect(ping.getByText(SCRIPT_URL).closest('a')).toBeNull();
    expect(ping.getByRole('link')).toHaveAttribute(
      'href',
      'https://acme.pagerduty.com/schedules/P123',
    );
  });

  it('shows the sunset and expiry dates next to the stage', async () => {
    await renderCard({
      ...minimalView,
      metadata: {
        ...minimalView.metadata,
        labels: { 'stockroom.io/state': 'expired' },
        annotations: { 'stockroom.io/expires-on': '2026-04-10' },
      },
    });

    expect(
      field('Lifecycle stage').getByText('Expires on 2026-04-10'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('data-product-state')).toHaveTextContent(
      'Expired',
    );
  });
});
