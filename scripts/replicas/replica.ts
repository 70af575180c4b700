/*
 * One backend replica: its own OS process, started by main.ts with
 * `--config <shared> --config <this replica's>`. The plugins the brief of
 * issue #15 names, wired as packages/backend/src/index.ts wires them (the
 * catalog with Stockroom's module, permissions with the portal's own
 * policy, notifications, data-products). The portal's auth, search,
 * scaffolder, MCP and app backends are left out: they play no part in what
 * replicas must get right (ingestion, scheduled tasks, notices) and would
 * only slow each start on a 2-core machine.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@stockroom/plugin-catalog-backend-module-data-products'));
backend.add(import('@stockroom/plugin-data-products-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('../../packages/backend/src/permissionPolicy'));
backend.add(import('@backstage/plugin-notifications-backend'));

// As the portal does: a failed start-up exits, so the harness sees it.
backend.start().catch(error => {
  console.error(error);
  process.exit(1);
});
