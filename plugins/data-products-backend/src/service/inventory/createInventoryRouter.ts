import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ApiInventoryPage,
  CostSettings,
  DEFAULT_COST_SETTINGS,
  DEFAULT_FUNDING_POLICY,
  FundingPolicy,
  StockroomPolicy,
  addCalendarDays,
  formatIsoDate,
  lastDayOfMonth,
} from '@stockroom/plugin-data-products-common';
import express from 'express';
import Router from 'express-promise-router';
import { InventoryReadModel } from '../../database/InventoryReadModel';
import {
  InventorySnapshotSource,
  StoredFreshnessEvidence,
} from '../../database/ScorecardSnapshotStore';
import { authenticated } from '../authenticated';
import { OpenApiRequestValidator } from '../openapi';
import { encodeCursor } from './cursor';
import { freshnessVsCost } from './freshnessVsCost';
import { InventoryCatalog } from './InventoryCatalog';
import { inventoryItem } from './inventoryItem';
import { inventoryRows } from './inventoryRows';
import {
  readerCredentials,
  requireInventoryReader,
} from './requireInventoryReader';
import {
  InventoryQuery,
  isNumericSort,
  parseInventoryQuery,
} from './parseInventoryQuery';
import { readModelServes } from './readModelServes';
import { filterRows, pageOf } from './selectRows';
import { groupsOfRows, summaryOf, totalsOf } from './summarize';

/** Response header saying where a page was read from: `read-model` or `catalog`. */
export const INVENTORY_SOURCE_HEADER = 'stockroom-inventory-source';

export interface InventoryRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  /** The latest scorecard snapshots, e.g. the `ScorecardSnapshotStore`. */
  snapshots: InventorySnapshotSource;
  policy: StockroomPolicy;
  /** Settings of rule `funding-follows-reuse` (`stockroom.costs`); none configured by default. */
  funding?: FundingPolicy;
  /**
   * `stockroom.costs`: the tier multipliers and typical p95 that estimate a
   * tier move where no `cost.options` are declared; the defaults otherwise.
   */
  costs?: CostSettings;
  /** Audits each read when given, as the plugin's other reads are. */
  auditor?: AuditorService;
  /** The request-time "now" states and expiry are evaluated at. */
  clock?: () => Date;
  /**
   * How long one caller's read of the catalog serves their requests;
   * default 5 s, 0 reads it on every request.
   */
  catalogCacheTtlMs?: number;
  /** Checks requests against the API document; the published one by default. */
  validator?: OpenApiRequestValidator;
  /**
   * The read model the sync task keeps (`stores.inventory`): answers
   * callers who may read the whole catalog once it is filled
   * (readModelServes.ts). Without it every request reads the catalog.
   */
  readModel?: InventoryReadModel;
}

/**
 * `GET /products`: the inventory. Every DataProduct the caller may see, with
 * the scores of its latest snapshot (never recomputed here), today's state
 * and expiry from the engine, filtered, sorted ("weak links first" by
 * default) and paged by cursor, with totals and a summary over everything
 * the filters let through. The request and response are documented in
 * docs/inventory.md.
 */
export function createInventoryRouter(
  options: InventoryRouterOptions,
): express.Router {
  const {
    httpAuth,
    permissions,
    snapshots,
    auditor,
    clock = () => new Date(),
    funding = DEFAULT_FUNDING_POLICY,
    costs = DEFAULT_COST_SETTINGS,
  } = options;
  const catalog = new InventoryCatalog({
    catalog: options.catalog,
    policy: options.policy,
    funding,
    ttlMs: options.catalogCacheTtlMs,
  });
  const validator = options.validator ?? OpenApiRequestValidator.fromDocument();
  const router = Router();

  // The document checks types, enums and ranges (400 naming the allowed
  // values); parseInventoryQuery then reads refs, cursors and min ≤ max.
  router.get(
    '/products',
    authenticated(httpAuth),
    validator.middleware(),
    async (req, res) => {
      const credentials = await readerCredentials(req, httpAuth);
      const now = clock();
      const today = formatIsoDate(now);
      // Asked alongside the permission check rather than after it: both are
      // a call to the permission backend. Awaited only once it passed.
      const servesFromModel = options.readModel
        ? readModelServes(options.readModel, permissions, credentials, today)
        : Promise.resolve(false);
      servesFromModel.catch(() => {});
      await requireInventoryReader(
        credentials,
        permissions,
        'read the inventory',
      );
      const query = parseInventoryQuery(validator.queryValues(req));
      const auditorEvent = await auditor?.createEvent({
        eventId: 'inventory-fetch',
        request: req,
        meta: { query: req.query },
      });
      try {
        const fromModel = await servesFromModel;
        const { page, groups } = fromModel
          ? await readFromModel(options.readModel!, query, now)
          : await readFromCatalog(credentials, query, now);
        const nextCursor =
          page.more && page.last
            ? encodeCursor(page.last, {
                sort: query.sort,
                order: query.order,
                numeric: isNumericSort(query.sort),
              })
            : null;
        // The lag behind "Freshness vs cost": only this page's evidence,
        // from the read model where it holds it, else read from the
        // snapshots while the totals are still being counted.
        const known = page.freshness;
        const [read, counted] = await Promise.all([
          snapshots.latestFreshnessEvidence(
            page.items
              .filter(
                row => row.computedAt !== null && !known.has(row.entityRef),
              )
              .map(row => row.entityRef),
          ),
          groups,
        ]);
        const freshness = new Map([...read, ...known]);
        await auditorEvent?.success({ meta: { count: page.items.length } });
        res.setHeader(
          INVENTORY_SOURCE_HEADER,
          fromModel ? 'read-model' : 'catalog',
        );
        res.json({
          evaluatedOn: today,
          items: page.items.map(row =>
            inventoryItem(
              row,
              freshnessVsCost(row, freshness.get(row.entityRef), costs),
            ),
          ),
          nextCursor,
          totals: totalsOf(counted),
          summary: summaryOf(counted, now, funding),
        } satisfies ApiInventoryPage);
      } catch (error) {
        await auditorEvent?.fail({ error: error as Error });
        throw error;
      }
    },
  );

  /** The caller's catalog read, filtered, paged and grouped in memory. */
  async function readFromCatalog(
    credentials: BackstageCredentials,
    query: InventoryQuery,
    now: Date,
  ) {
    const [products, latest] = await Promise.all([
      catalog.products(credentials, now),
      snapshots.latestScores(),
    ]);
    const rows = filterRows(
      inventoryRows(products, latest),
      query.filters,
      now,
    );
    return {
      page: {
        ...pageOf(rows, query),
        freshness: new Map<string, StoredFreshnessEvidence>(),
      },
      groups: Promise.resolve(groupsOfRows(rows, now)),
    };
  }

  return router;
}

/**
 * A page, and the groups of everything the filters let through still being
 * counted (in SQL, on a second connection).
 */
async function readFromModel(
  model: InventoryReadModel,
  query: InventoryQuery,
  now: Date,
) {
  const within = query.filters.expiringWithinDays;
  const day = {
    today: formatIsoDate(now),
    monthEnd: formatIsoDate(lastDayOfMonth(now)),
    ...(within === undefined
      ? {}
      : { lastExpiringDay: formatIsoDate(addCalendarDays(now, within)) }),
  };
  const groups = model.groups(query.filters, day);
  // awaited by the caller; a failed page must not leave it unhandled
  groups.catch(() => {});
  return { page: await model.page(query, day), groups };
}
