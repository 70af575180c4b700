import {
  ApiInventoryItem,
  FundingVerdict,
} from '@stockroom/plugin-data-products-common';
import { InventoryListing } from './inventoryRows';

/**
 * One item of `GET /products`. Absent values are null, so every item has
 * the same shape. `freshnessVsCost` is worked out for the page's items only
 * (see freshnessVsCost.ts).
 */
export function inventoryItem(
  row: InventoryListing,
  freshnessVsCost: ApiInventoryItem['freshnessVsCost'],
): ApiInventoryItem {
  const { monthly, currency, fundedBy } = row.cost;
  return {
    entityRef: row.entityRef,
    name: row.name,
    title: row.title,
    category: row.category,
    state: row.state,
    owner: row.owner,
    domain: row.domain,
    system: row.system,
    type: row.type,
    version: row.version,
    expiresOn: row.expiresOn,
    sunsetOn: row.sunsetOn,
    successor: row.successor,
    freshnessTier: row.freshnessTier,
    cost: {
      monthly,
      currency,
      fundedBy,
      // What each consumer costs a month (the spec's unit cost of
      // freshness, per hour of lag saved, is freshnessVsCost's).
      perConsumer:
        monthly !== null && row.consumers > 0
          ? Math.round((monthly / row.consumers) * 100) / 100
          : null,
    },
    consumers: row.consumers,
    overall: row.overall,
    dimensions: { ...row.scores },
    breaching: row.breaching,
    computedAt: row.computedAt?.toISOString() ?? null,
    funding: fundingOf(row.funding),
    // Supply chain (the figures are in GET …/scorecard).
    fragile: row.flags.fragile,
    tierAtRisk: row.flags.tierAtRisk,
    budgetExhausted: row.flags.budgetExhausted,
    freshnessVsCost,
  };
}

/** The engine's funding verdict as the API serves it: the finding itself is not repeated. */
function fundingOf(verdict: FundingVerdict): ApiInventoryItem['funding'] {
  return {
    verdict: verdict.verdict,
    expects: verdict.expects,
    expectedFunders: verdict.expectedFunders,
    consumingGroups: verdict.consumingGroups,
    severity: verdict.severity,
    message: verdict.message,
  };
}
