import { createRouteRef } from '@backstage/core-plugin-api';

/** Where the legacy Contract tab is mounted (an `EntityLayout.Route`). */
export const contractRouteRef = createRouteRef({
  id: 'data-products:contract',
});
