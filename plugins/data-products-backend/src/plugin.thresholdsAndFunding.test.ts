import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  Entity,
  RELATION_DEPENDENCY_OF,
  RELATION_OWNED_BY,
} from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { JsonObject } from '@backstage/config';
import request from 'supertest';
import plugin from './index';
import { RecordingNotificationService } from './__testUtils__/RecordingNotificationService';

jest.setTimeout(60_000);

const TEAMS = ['marketing', 'finance', 'sales', 'support', 'growth'];

/** A shared mart five components of five teams depend on, funded by its owner. */
const product: Entity = {
  apiVersion: 'stockroom.io/v1alpha1',
  kind: 'DataProduct',
  metadata: { name: 'orders', namespace: 'default' },
  spec: {
    type: 'table',
    category: 'shared-mart',
    owner: 'group:default/commerce',
    lifecycle: 'active', // as the catalog stores it
    lifecycleDetails: { createdOn: '2026-01-01' },
    contract: { freshness: { p95: '1h' } },
    cost: { monthly: 900, currency: 'USD', fundedBy: 'group:default/commerce' },
  },
  relations: [
    { type: RELATION_OWNED_BY, targetRef: 'group:default/commerce' },
    ...TEAMS.map(team => ({
      type: RELATION_DEPENDENCY_OF,
      targetRef: `component:default/${team}-app`,
    })),
  ],
};

const consumers: Entity[] = TEAMS.map(team => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: `${team}-app`, namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: team },
  relations: [{ type: RELATION_OWNED_BY, targetRef: `group:default/${team}` }],
}));

function backend(stockroom: JsonObject) {
  return startTestBackend({
    features: [
      plugin,
      mockServices.rootConfig.factory({ data: { stockroom } }),
      mockServices.scheduler.factory(),
      catalogServiceMock.factory({ entities: [product, ...consumers] }),
      new RecordingNotificationService().factory(),
    ],
  });
}

/** The plugin as installed, configured through app-config. */
describe('dataProductsPlugin: configured thresholds and funding', () => {
  it('scores with stockroom.scoring.thresholds and serves them; judges funding with stockroom.costs', async () => {
    const { server } = await backend({
      scoring: {
        thresholds: { reuse: { 5: 10, 4: 8, 3: 6, 2: 4 } },
      },
      costs: { manyTeams: 5, centralFunders: ['data-platform'] },
    });

    const scorecard = await request(server)
      .get('/api/data-products/products/default/orders/scorecard')
      .set('Authorization', mockCredentials.user.header());
    expect(scorecard.status).toBe(200);
    // Five consumers: a 5 by the spec's ladder, a 2 by this one (≥ 4, < 6).
    expect(scorecard.body.dimensions.reuse.score).toBe(2);
    expect(scorecard.body.thresholds.reuse).toEqual({ 5: 10, 4: 8, 3: 6, 2: 4 });
    // the rest keep the spec's defaults
    expect(scorecard.body.thresholds.freshness).toEqual({ 3: 1.5, 2: 3 });
    expect(scorecard.body.thresholds.reliability).toEqual({
      5: 1,
      4: 10,
      3: 50,
      2: 100,
    });

    const inventory = await request(server)
      .get('/api/data-products/products')
      .set('Authorization', mockCredentials.user.header());
    expect(inventory.status).toBe(200);
    expect(inventory.body.summary.fundingRule).toEqual({
      manyTeams: 5,
      centralFunders: ['group:default/data-platform'],
    });
    expect(inventory.body.items[0].funding).toMatchObject({
      verdict: 'breaks',
      expects: 'central',
      expectedFunders: ['group:default/data-platform'],
      consumingGroups: TEAMS.map(team => `group:default/${team}`).sort(),
      severity: 'warning',
    });
  });

  it('refuses to start on malformed thresholds or funding settings, naming the key', async () => {
    await expect(
      backend({ scoring: { thresholds: { reliability: { 4: 0.5 } } } }),
    ).rejects.toThrow(
      'stockroom.scoring.thresholds.reliability.4 is 0.5; it must be at least the bound for 5 (1)',
    );
    await expect(backend({ costs: { manyTeams: 1 } })).rejects.toThrow(
      'stockroom.costs.manyTeams is 1; allowed values are whole numbers of teams ≥ 2',
    );
  });
});
