import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import plugin from '../../index';
import { RecordingNotificationService } from '../../__testUtils__/RecordingNotificationService';

jest.setTimeout(60_000);

describe('GET /lifecycle/missing: who may list missing products', () => {
  async function startWith(
    result: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
  ) {
    return startTestBackend({
      features: [
        plugin,
        mockServices.permissions.factory({ result }),
        catalogServiceMock.factory({ entities: [] }),
        new RecordingNotificationService().factory(),
      ],
    });
  }

  it('refuses a caller without stockroom.inventory.read, naming it', async () => {
    const backend = await startWith(AuthorizeResult.DENY);
    try {
      const res = await request(backend.server)
        .get('/api/data-products/lifecycle/missing')
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(
        'Not allowed to list missing products: it needs the permission stockroom.inventory.read',
      );
    } finally {
      await backend.stop();
    }
  });

  it('answers a permitted caller, and no one without a token', async () => {
    const backend = await startWith(AuthorizeResult.ALLOW);
    try {
      const ok = await request(backend.server)
        .get('/api/data-products/lifecycle/missing')
        .set('Authorization', mockCredentials.user.header());
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ items: [] });

      const anonymous = await request(backend.server)
        .get('/api/data-products/lifecycle/missing')
        .set('Authorization', mockCredentials.none.header());
      expect(anonymous.status).toBe(401);

      const unknownParameter = await request(backend.server)
        .get('/api/data-products/lifecycle/missing?state=gone')
        .set('Authorization', mockCredentials.user.header());
      expect(unknownParameter.status).toBe(400);
    } finally {
      await backend.stop();
    }
  });
});
