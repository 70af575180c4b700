/*
 * The Stockroom demo portal backend: the catalog with the DataProduct module,
 * the Stockroom backend plugin, and the Backstage plugins the demo relies on
 * (auth, permissions, notifications, search, scaffolder). Nothing else.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// auth: guest sign-in for the embedded demo
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// catalog, with the DataProduct kind
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(import('@stockroom/plugin-catalog-backend-module-data-products'));

// Stockroom: lifecycle notifications and the data-products API
backend.add(import('@stockroom/plugin-data-products-backend'));

// MCP: Stockroom's read-only actions as tools for agents, at /api/mcp-actions/v1
// (backend.actions.pluginSources in app-config.yaml; docs/agents.md)
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// permissions
backend.add(import('@backstage/plugin-permission-backend'));
// Stockroom's sample policy: reads allowed; refreshing a scorecard only for
// the product's owners; reporting runs and triggering tasks only for service
// principals and the groups named in stockroom.permissions.
backend.add(import('./permissionPolicy'));

// search (Postgres engine in production, in-memory Lunr on SQLite)
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

// notifications (Stockroom sends lifecycle and SLA notices through it)
backend.add(import('@backstage/plugin-notifications-backend'));

// scaffolder: the "New data product" template (examples/templates/) at /create;
// its built-in fetch:template and debug:log actions are all the template uses
backend.add(import('@backstage/plugin-scaffolder-backend'));
// lets the catalog accept kind Template
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);

// A plugin whose start-up fails (e.g. migrations it cannot run) would
// otherwise leave the process up answering 503 forever: exit non-zero so the
// orchestrator restarts it.
backend.start().catch(error => {
  console.error(error);
  process.exit(1);
});
