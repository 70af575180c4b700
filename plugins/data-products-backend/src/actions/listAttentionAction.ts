import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  formatIsoDate,
  inventoryReadPermission,
} from '@stockroom/plugin-data-products-common';
import { readDataProducts } from '../service/catalogReads';
import { readConsumerOwners } from '../service/inventory/consumerOwners';
import { inventoryRows } from '../service/inventory/inventoryRows';
import { evaluateProducts } from '../service/lifecycle/evaluateProducts';
import { requirePermission } from '../service/requirePermission';
import { ActionDeps, READ_ONLY, Zod } from './ActionDeps';

const input = (z: Zod) =>
  z.object({
    owner: z
      .string()
      .min(1)
      .describe(
        'The owner group, e.g. "identity-platform" or "group:default/identity-platform".',
      ),
  });

const item = (z: Zod) =>
  z.object({
    entityRef: z.string(),
    title: z.string(),
    state: z.string(),
    why: z.string().describe('What needs doing, in one line.'),
  });

const output = (z: Zod) =>
  z.object({
    owner: z.string(),
    evaluatedOn: z.string(),
    expiring: z.array(item(z)),
    expired: z.array(item(z)),
    breaching: z.array(item(z)),
    budgetExhausted: z.array(item(z)),
    reviewsDue: z.array(item(z)),
    consumersOnDeprecated: z.array(
      z.object({
        entityRef: z.string().describe('The deprecated product.'),
        successor: z.string().nullable(),
        sunsetOn: z.string().nullable(),
        consumers: z.array(
          z.object({ entityRef: z.string(), owners: z.array(z.string()) }),
        ),
      }),
    ),
  });

/**
 * `list-attention`: what an owner group must act on today, from the
 * engine's states and findings and the latest scorecard snapshots.
 */
export function registerListAttention(
  actions: ActionsRegistryService,
  deps: ActionDeps,
): void {
  actions.register({
    name: 'list-attention',
    title: "List what needs a team's attention",
    description: [
      "Call this for a team's to-do list on its data products: products expiring soon or already expired,",
      'breaching a score threshold, with an exhausted error budget, overdue for their quarterly review,',
      'and deprecated products that still have consumers (with those consumers and their owners, to tell them',
      'to move to the successor). Each entry says why in one line. Only products the user may see count.',
    ].join(' '),
    attributes: READ_ONLY,
    schema: { input, output },
    action: async ({ input: { owner }, credentials }) => {
      await requirePermission(
        deps.permissions,
        credentials,
        { permission: inventoryReadPermission },
        'read the inventory',
      );
      const ownerRef = ownerRefOf(owner);
      const now = deps.clock();
      const [stored, products, latest] = await Promise.all([
        readDataProducts(deps.catalog, credentials),
        deps.inventory.products(credentials, now),
        deps.snapshots.latestScores(),
      ]);
      const rows = inventoryRows(products, latest).filter(
        row => row.match.owner === ownerRef,
      );
      const mine = new Set(rows.map(row => row.entityRef));
      // the engine's findings, for rule quarterly-review
      const evaluated = evaluateProducts(stored, deps.policy, now).filter(p =>
        mine.has(p.entityRef),
      );
      const byRef = new Map(rows.map(row => [row.entityRef, row]));
      const entry = (ref: string, why: string) => {
        const row = byRef.get(ref)!;
        return { entityRef: ref, title: row.title, state: row.state, why };
      };

      const deprecated = rows.filter(row => row.state === 'deprecated');
      const owners = await readConsumerOwners(
        deps.catalog,
        credentials,
        deprecated.flatMap(row => row.consumerRefs),
      );
      return {
        output: {
          owner: ownerRef,
          evaluatedOn: formatIsoDate(now),
          expiring: rows
            .filter(row => row.state === 'expiring')
            .map(row =>
              entry(
                row.entityRef,
                `expires on ${row.expiresOn}: renew it or let it go`,
              ),
            ),
          expired: rows
            .filter(row => row.state === 'expired')
            .map(row =>
              entry(
                row.entityRef,
                `expired on ${row.expiresOn}: renew it or retire it`,
              ),
            ),
          breaching: rows
            .filter(row => row.breaching)
            .map(row =>
              entry(
                row.entityRef,
                'a score is below its threshold: see get-scorecard',
              ),
            ),
          budgetExhausted: rows
            .filter(row => row.flags.budgetExhausted === true)
            .map(row =>
              entry(
                row.entityRef,
                'its error budget is spent: see get-scorecard',
              ),
            ),
          reviewsDue: evaluated.flatMap(p =>
            p.evaluation.findings
              .filter(f => f.ruleId === 'quarterly-review')
              .map(f => entry(p.entityRef, f.message)),
          ),
          consumersOnDeprecated: deprecated
            .map(row => ({
              entityRef: row.entityRef,
              successor: row.successor,
              sunsetOn: row.sunsetOn,
              // only consumers the caller may see
              consumers: row.consumerRefs
                .filter(ref => owners.has(ref))
                .sort()
                .map(ref => ({ entityRef: ref, owners: owners.get(ref)! })),
            }))
            .filter(p => p.consumers.length > 0),
        },
      };
    },
  });
}

/** `identity-platform` → `group:default/identity-platform`, as the inventory's owner filter reads it. */
function ownerRefOf(value: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value.trim(), {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    throw new InputError(
      `owner ${JSON.stringify(
        value,
      )} is not an entity ref; write [group:][namespace/]name, e.g. group:default/identity-platform`,
    );
  }
}
