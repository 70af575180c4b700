import { createRouteRef } from '@backstage/core-plugin-api';

/** Where the legacy Contract tab is mounted (an `EntityLayout.Route`). */
export const contractRouteRef = createRouteRef({
  id: 'data-products:contract',
});

/** Where the legacy Scorecard tab is mounted (an `EntityLayout.Route`). */
export const scorecardRouteRef = createRouteRef({
  id: 'data-products:scorecard',
});

/** Where the legacy inventory page is mounted (a `Route` of the app). */
export const inventoryRouteRef = createRouteRef({
  id: 'data-products:inventory',
});
