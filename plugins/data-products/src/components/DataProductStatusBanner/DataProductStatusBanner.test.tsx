import type { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { customerIdentityV1 } from '../../__testUtils__/customerIdentity';
import { customerIdentity, minimalView } from '../../__fixtures__/dataProducts';
import { DataProductStatusBanner } from './DataProductStatusBanner';

const NOW = new Date('2026-11-25T22:15:00Z');

async function renderBanner(
  entity: Entity,
  options: { now?: Date; useClock?: boolean } = {},
) {
  const now = options.useClock ? undefined : options.now ?? NOW;
  await renderInTestApp(
    <EntityProvider entity={entity}>
      <DataProductStatusBanner now={now} />
    </EntityProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

/** A convenience view as the processor labels it, read from a file location. */
function view(options: {
  state: string;
  expiresOn?: string;
  annotations?: Record<string, string>;
}): Entity {
  return {
    ...minimalView,
    metadata: {
      ...minimalView.metadata,
      namespace: 'default',
      labels: { 'stockroom.io/state': options.state },
      annotations: {
        'stockroom.io/category': 'convenience-view',
        ...(options.expiresOn
          ? { 'stockroom.io/expires-on': options.expiresOn }
          : {}),
        'backstage.io/managed-by-location':
          'file:/srv/acme/examples/data-products/growth-weekly-cohorts.yaml',
        'backstage.io/managed-by-origin-location':
          'file:/srv/acme/examples/all.yaml',
        ...options.annotations,
      },
    },
    spec: {
      ...minimalView.spec,
      lifecycle: 'active',
      lifecycleDetails: { createdOn: '2026-08-29' },
    },
  };
}

function banner() {
  return screen.getByTestId('lifecycle-banner');
}

describe('DataProductStatusBanner', () => {
  describe('expiring view', () => {
    it('counts calendar days to the expiry date and says how to renew', async () => {
      await renderBanner(
        view({
          state: 'expiring',
          expiresOn: '2026-12-05',
          annotations: {
            'backstage.io/edit-url':
              'https://github.com/acme/data/edit/main/views/growth-weekly-cohorts.yaml',
          },
        }),
      );

      expect(screen.getByTestId('data-product-state')).toHaveTextContent(
        'Expiring',
      );
      expect(
        within(banner()).getByRole('heading', {
          name: 'Expires in 10 days (on 2026-12-05)',
        }),
      ).toBeInTheDocument();
      expect(screen.getByTestId('renew-command')).toHaveTextContent(
        /^yarn stockroom renew \/srv\/acme\/examples\/data-products\/growth-weekly-cohorts\.yaml$/,
      );
      expect(
        within(banner()).getByRole('link', { name: 'Edit source' }),
      ).toHaveAttribute(
        'href',
        'https://github.com/acme/data/edit/main/views/growth-weekly-cohorts.yaml',
      );
    });

    it('says "1 day" the day before', async () => {
      await renderBanner(view({ state: 'expiring', expiresOn: '2026-11-26' }));
      expect(banner()).toHaveTextContent('Expires in 1 day (on 2026-11-26)');
    });

    it('says "today" on the expiry date', async () => {
      await renderBanner(view({ state: 'expiring', expiresOn: '2026-11-25' }));
      expect(banner()).toHaveTextContent('Expires today (on 2026-11-25)');
    });

    it('counts from the current date when no date is passed', async () => {
      jest.useFakeTimers({
        now: new Date('2026-11-30T08:00:00Z'),
        advanceTimers: true,
      });
      try {
        await renderBanner(
          view({ state: 'expiring', expiresOn: '2026-12-05' }),
          { useClock: true },
        );
        expect(banner()).toHaveTextContent('Expires in 5 days (on 2026-12-05)');
      } finally {
        jest.useRealTimers();
      }
    });
  });

  it('says when an expired view expired, and how to renew it from a url location', async () => {
    await renderBanner(
      view({
        state: 'expired',
        expiresOn: '2026-11-01',
        annotations: {
          'backstage.io/managed-by-location':
            'url:https://github.com/acme/data/blob/main/views/weekly-signups.yaml',
        },
      }),
    );

    expect(screen.getByTestId('data-product-state')).toHaveTextContent(
      'Expired',
    );
    expect(
      within(banner()).getByRole('heading', { name: 'Expired on 2026-11-01' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('renew-command')).toHaveTextContent(
      /^yarn stockroom renew views\/weekly-signups\.yaml$/,
    );
    // no edit-url: the location is shown as text
    expect(
      within(banner()).queryByRole('link', { name: 'Edit source' }),
    ).not.toBeInTheDocument();
    expect(
      within(banner()).getByText(
        'Source: url:https://github.com/acme/data/blob/main/views/weekly-signups.yaml',
      ),
    ).toBeInTheDocument();
  });

  it('falls back to a placeholder path when the catalog does not tell', async () => {
    await renderBanner({
      ...minimalView,
      metadata: {
        ...minimalView.metadata,
        labels: { 'stockroom.io/state': 'expired' },
      },
    });
    expect(banner()).toHaveTextContent('Expired');
    expect(screen.getByTestId('renew-command')).toHaveTextContent(
      'yarn stockroom renew <path-to-catalog-info.yaml>',
    );
  });

  it('shows the sunset date and the successor of a deprecated product', async () => {
    await renderBanner(customerIdentityV1);

    expect(screen.getByTestId('data-product-state')).toHaveTextContent(
      'Deprecated',
    );
    expect(
      within(banner()).getByRole('heading', {
        name: 'Deprecated: Sunset on 2027-01-31 (in 67 days)',
      }),
    ).toBeInTheDocument();
    expect(
      within(banner()).getByRole('link', { name: /customer-identity-v2/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/dataproduct/customer-identity-v2',
    );
    expect(screen.queryByTestId('renew-command')).not.toBeInTheDocument();
  });

  it('shows no banner and "No findings" for a healthy active product', async () => {
    await renderBanner({
      ...customerIdentity,
      metadata: {
        ...customerIdentity.metadata,
        labels: { 'stockroom.io/state': 'active' },
      },
    });

    expect(screen.getByTestId('data-product-state')).toHaveTextContent(
      'Active',
    );
    expect(screen.queryByTestId('lifecycle-banner')).not.toBeInTheDocument();
    expect(screen.getByText('No findings')).toBeInTheDocument();
  });

  it('lists the findings, errors first, with severity, message, hint and rule id', async () => {
    await renderBanner(
      view({
        state: 'active',
        annotations: {
          'stockroom.io/findings': JSON.stringify([
            {
              ruleId: 'quarterly-review',
              severity: 'warning',
              message: 'spec.lifecycle.reviewedOn is 120 days old',
              path: 'spec.lifecycle.reviewedOn',
              hint: 'Shared marts are reviewed every quarter.',
            },
            {
              ruleId: 'planned-deprecation',
              severity: 'error',
              message: 'spec.lifecycle.sunsetOn has passed: retire it',
              path: 'spec.lifecycle.sunsetOn',
              hint: 'Consumers were told to move by then.',
            },
            {
              ruleId: 'auto-expiry',
              severity: 'info',
              message: 'Renewed 3 days ago',
              path: 'spec.lifecycle.renewedOn',
              hint: '',
            },
          ]),
        },
      }),
    );

    expect(screen.getByText('Findings (3)')).toBeInTheDocument();
    const items = screen.getAllByTestId('finding');
    expect(items.map(i => i.getAttribute('data-severity'))).toEqual([
      'error',
      'warning',
      'info',
    ]);

    const error = within(items[0]);
    expect(error.getByRole('img', { name: 'Error' })).toBeInTheDocument();
    expect(
      error.getByText('spec.lifecycle.sunsetOn has passed: retire it'),
    ).toBeInTheDocument();
    expect(
      error.getByText('Consumers were told to move by then.'),
    ).toBeInTheDocument();
    expect(
      error.getByText('Rule planned-deprecation · spec.lifecycle.sunsetOn'),
    ).toBeInTheDocument();
    expect(
      within(items[1]).getByRole('img', { name: 'Warning' }),
    ).toBeInTheDocument();
    expect(
      within(items[2]).getByRole('img', { name: 'Info' }),
    ).toBeInTheDocument();
  });

  it('renders a hostile finding as text, never as HTML', async () => {
    const hostile =
      '<img src=x onerror="alert(1)"><script>alert(2)</script><b>bold</b>';
    await renderBanner(
      view({
        state: 'active',
        annotations: {
          'stockroom.io/findings': JSON.stringify([
            {
              ruleId: 'field-semantics',
              severity: 'warning',
              message: hostile,
              path: 'spec.contract.schema[0].description',
              hint: hostile,
            },
          ]),
        },
      }),
    );

    expect(screen.getAllByText(hostile)).toHaveLength(2);
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
  });

  it('says so when the findings annotation cannot be read', async () => {
    await renderBanner(
      view({
        state: 'active',
        annotations: { 'stockroom.io/findings': '{not json' },
      }),
    );
    expect(
      screen.getByText(
        'The findings recorded on this entity could not be read.',
      ),
    ).toBeInTheDocument();
  });

  it('never links a hostile edit-url', async () => {
    await renderBanner(
      view({
        state: 'expiring',
        expiresOn: '2026-12-05',
        annotations: {
          // eslint-disable-next-line no-script-url -- a hostile link is the point
          'backstage.io/edit-url': 'javascript:alert(1)',
        },
      }),
    );
    expect(
      within(banner()).queryByRole('link', { name: 'Edit source' }),
    ).not.toBeInTheDocument();
  });
});
