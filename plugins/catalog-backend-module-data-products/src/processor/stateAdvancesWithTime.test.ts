import { createMockDirectory } from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { startRealCatalog, waitFor } from '../testUtils';
import { DataProductProcessor } from './DataProductProcessor';

jest.setTimeout(60_000);

const VIEW = `
apiVersion: stockroom.io/v1alpha1
kind: DataProduct
metadata:
  name: weekly-cohorts
spec:
  type: view
  category: convenience-view
  owner: group:growth
  lifecycle:
    stage: active
    createdOn: 2026-06-01
    renewedOn: 2026-09-01   # expires 2026-11-30, expiring from 2026-11-16
`;

/**
 * The catalog reprocesses entities on its own schedule; with nobody touching
 * the file, a convenience view must go active → expiring → expired as the
 * processor's clock moves.
 */
describe('computed state advances with time alone', () => {
  it('moves a convenience view from active to expiring to expired', async () => {
    let today = new Date('2026-11-15T12:00:00Z');
    const dir = createMockDirectory();
    dir.setContent({ 'catalog-info.yaml': VIEW });
    const clockedModule = createBackendModule({
      pluginId: 'catalog',
      moduleId: 'data-products-clocked',
      register(reg) {
        reg.registerInit({
          deps: { catalog: catalogProcessingExtensionPoint },
          async init({ catalog }) {
            catalog.addProcessor(
              new DataProductProcessor({ clock: () => today }),
            );
          },
        });
      },
    });
    const { backend, entity } = await startRealCatalog({
      locations: [dir.resolve('catalog-info.yaml')],
      allow: ['DataProduct', 'Location'],
      dataProductsModule: clockedModule,
    });
    let last: unknown;
    const waitForState = (state: string) =>
      waitFor(
        async () => {
          const metadata = (await entity('DataProduct', 'weekly-cohorts'))
            ?.metadata;
          last = metadata?.labels;
          return metadata?.labels?.['stockroom.io/state'] === state
            ? metadata
            : undefined;
        },
        () => `state ${state}; last labels: ${JSON.stringify(last)}`,
      );
    try {
      const active = await waitForState('active');
      expect(active.annotations['stockroom.io/expires-on']).toBe('2026-11-30');
      expect(active.annotations['stockroom.io/category']).toBe(
        'convenience-view',
      );

      today = new Date('2026-11-16T08:00:00Z'); // expiresOn − 14 days
      const expiring = await waitForState('expiring');
      expect(JSON.parse(expiring.annotations['stockroom.io/findings'])).toEqual(
        [
          expect.objectContaining({
            ruleId: 'auto-expiry',
            path: 'spec.lifecycle.renewedOn',
          }),
        ],
      );

      today = new Date('2026-11-30T00:00:00Z'); // on expiresOn
      await waitForState('expired');
      // the file was never edited
      expect(dir.content()).toEqual({ 'catalog-info.yaml': VIEW });
    } finally {
      await backend.stop();
    }
  });
});
