import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  DATA_PRODUCT_CATEGORIES,
  DATA_PRODUCT_STATES,
  formatIsoDate,
  inventoryReadPermission,
} from '@stockroom/plugin-data-products-common';
import { requirePermission } from '../service/requirePermission';
import { encodeCursor } from '../service/inventory/cursor';
import { inventoryRows } from '../service/inventory/inventoryRows';
import {
  isNumericSort,
  parseInventoryQuery,
} from '../service/inventory/parseInventoryQuery';
import { filterRows, pageOf } from '../service/inventory/selectRows';
import { ActionDeps, READ_ONLY, Zod } from './ActionDeps';

const STATES = DATA_PRODUCT_STATES as unknown as [string, ...string[]];
const CATEGORIES = DATA_PRODUCT_CATEGORIES as unknown as [string, ...string[]];

const input = (z: Zod) =>
  z.object({
    text: z
      .string()
      .max(200)
      .optional()
      .describe(
        'Text to find in the product name or title (case-insensitive).',
      ),
    category: z.array(z.enum(CATEGORIES)).optional(),
    state: z
      .array(z.enum(STATES))
      .optional()
      .describe("Lifecycle states today, e.g. ['active']."),
    owner: z
      .array(z.string())
      .optional()
      .describe(
        'Owner group refs, e.g. "group:identity-platform" or "identity-platform".',
      ),
    domain: z.array(z.string()).optional(),
    minScore: z
      .number()
      .min(1)
      .max(5)
      .optional()
      .describe(
        'Only products whose latest overall score (1-5) is at least this.',
      ),
    breaching: z
      .boolean()
      .optional()
      .describe(
        'true: only products breaching a score threshold now; false: only those that are not.',
      ),
    fragile: z
      .boolean()
      .optional()
      .describe(
        'true: only products the latest scorecard flags fragile (volatile upstreams, slow recovery); false: all others, not yet scored included.',
      ),
    tierAtRisk: z
      .boolean()
      .optional()
      .describe(
        'true: only products at risk of losing their tier (a dimension scoring 2 or less day after day); false: all others.',
      ),
    budgetExhausted: z
      .boolean()
      .optional()
      .describe(
        'true: only products whose error budget is spent; false: all others.',
      ),
    expiringWithinDays: z
      .number()
      .int()
      .min(0)
      .max(3650)
      .optional()
      .describe(
        'Only products whose lifecycle expires within this many days from today.',
      ),
    limit: z.number().int().min(1).max(100).default(20),
    cursor: z
      .string()
      .optional()
      .describe('nextCursor of the previous page, to read the next one.'),
  });

const output = (z: Zod) =>
  z.object({
    evaluatedOn: z.string(),
    total: z.number().describe('How many products match, over all pages.'),
    items: z.array(
      z.object({
        entityRef: z.string(),
        title: z.string(),
        category: z.string().nullable(),
        state: z.string(),
        owner: z.string().nullable(),
        domain: z.string().nullable(),
        version: z.string().nullable(),
        expiresOn: z.string().nullable(),
        successor: z.string().nullable(),
        overallScore: z.number().nullable(),
        breaching: z.boolean(),
        fragile: z.boolean().nullable().describe('null: not scored yet.'),
        tierAtRisk: z.boolean().nullable(),
        budgetExhausted: z.boolean().nullable(),
        consumers: z.number(),
      }),
    ),
    nextCursor: z.string().nullable(),
  });

/**
 * `search-data-products`: the inventory's filters and paging, answered by
 * the same code as `GET /products` (weak links first).
 */
export function registerSearchDataProducts(
  actions: ActionsRegistryService,
  deps: ActionDeps,
): void {
  actions.register({
    name: 'search-data-products',
    title: 'Search data products',
    description: [
      'Call this to find data products (tables, views, feeds) by words, category, lifecycle state, owner, domain,',
      'minimum score, breaching, fragile, error budget spent or expiring soon. Returns a page of products, weakest overall score first,',
      'each with state, owner, version, expiry, successor, score and consumer count, plus the total and a',
      'nextCursor for the next page. Use get-data-product on a result for its contract.',
      'Only products the user may see are searched.',
    ].join(' '),
    attributes: READ_ONLY,
    schema: { input, output },
    action: async ({ input: filters, credentials }) => {
      await requirePermission(
        deps.permissions,
        credentials,
        { permission: inventoryReadPermission },
        'read the inventory',
      );
      // parseInventoryQuery completes refs and decodes the cursor, with
      // errors naming the parameter, as for GET /products.
      const query = parseInventoryQuery({
        q: filters.text,
        category: filters.category,
        state: filters.state,
        owner: filters.owner,
        domain: filters.domain,
        minScore: filters.minScore,
        breaching: filters.breaching,
        expiringWithinDays: filters.expiringWithinDays,
        fragile: filters.fragile,
        tierAtRisk: filters.tierAtRisk,
        budgetExhausted: filters.budgetExhausted,
        sort: 'overall',
        order: 'asc',
        limit: filters.limit,
        cursor: filters.cursor,
      });
      const now = deps.clock();
      const [products, latest] = await Promise.all([
        deps.inventory.products(credentials, now),
        deps.snapshots.latestScores(),
      ]);
      const rows = filterRows(
        inventoryRows(products, latest),
        query.filters,
        now,
      );
      const page = pageOf(rows, query);
      return {
        output: {
          evaluatedOn: formatIsoDate(now),
          total: rows.length,
          items: page.items.map(row => ({
            entityRef: row.entityRef,
            title: row.title,
            category: row.category,
            state: row.state,
            owner: row.owner,
            domain: row.domain,
            version: row.version,
            expiresOn: row.expiresOn,
            successor: row.successor,
            overallScore: row.overall,
            breaching: row.breaching,
            fragile: row.flags.fragile,
            tierAtRisk: row.flags.tierAtRisk,
            budgetExhausted: row.flags.budgetExhausted,
            consumers: row.consumers,
          })),
          nextCursor:
            page.more && page.last
              ? encodeCursor(page.last, {
                  sort: query.sort,
                  order: query.order,
                  numeric: isNumericSort(query.sort),
                })
              : null,
        },
      };
    },
  });
}
