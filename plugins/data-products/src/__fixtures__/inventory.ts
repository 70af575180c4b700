import type { InventoryItem, InventoryPage } from '../api';

const unknownDimensions = {
  freshness: null,
  reliability: null,
  quality: null,
  stability: null,
  contract: null,
  ownership: null,
  reuse: null,
};

/** Consumed within its owner's own group only: nobody else is expected to pay. */
const noExpectation: InventoryItem['funding'] = {
  verdict: 'no-expectation',
  expects: null,
  expectedFunders: [],
  consumingGroups: [],
  severity: null,
  message: 'No other team consumes it, so no funder is expected',
};

/**
 * A shared mart scoring badly, breaching, consumed by many teams; fragile,
 * its tier at risk and an error budget spent.
 */
export const ordersMart: InventoryItem = {
  entityRef: 'dataproduct:default/orders-mart',
  name: 'orders-mart',
  title: 'Orders mart',
  category: 'shared-mart',
  state: 'active',
  owner: 'group:default/commerce-data',
  domain: 'domain:default/commerce',
  system: 'system:default/orders',
  type: 'table',
  version: '1.4.0',
  expiresOn: null,
  sunsetOn: null,
  successor: null,
  freshnessTier: 'micro-batch',
  cost: {
    monthly: 900,
    currency: 'USD',
    fundedBy: 'group:default/commerce-data',
    perConsumer: 150,
  },
  consumers: 6,
  overall: 2.4,
  dimensions: {
    freshness: 2,
    reliability: 1,
    quality: null,
    stability: 3,
    contract: 3,
    ownership: 4,
    reuse: 5,
  },
  breaching: true,
  fragile: true,
  tierAtRisk: true,
  budgetExhausted: true,
  computedAt: '2026-11-25T06:00:00.000Z',
  funding: noExpectation,
};

/**
 * A convenience view expiring this month, consumed by one team, with a
 * hostile title: a formula, a comma, quotes and a line break.
 */
export const signupsView: InventoryItem = {
  entityRef: 'dataproduct:default/weekly-signups-view',
  name: 'weekly-signups-view',
  title: '=HYPERLINK("http://evil.example","click"), weekly\nsignups',
  category: 'convenience-view',
  state: 'expiring',
  owner: 'group:default/growth-analytics',
  domain: null,
  system: null,
  type: 'view',
  version: null,
  expiresOn: '2026-11-28',
  sunsetOn: null,
  successor: null,
  freshnessTier: null,
  cost: {
    monthly: 120,
    currency: 'USD',
    fundedBy: 'group:default/growth',
    perConsumer: 120,
  },
  consumers: 1,
  overall: 3.7,
  dimensions: {
    freshness: 4,
    reliability: 5,
    quality: null,
    stability: null,
    contract: 2,
    ownership: 3,
    reuse: 1,
  },
  breaching: false,
  fragile: false,
  tierAtRisk: false,
  budgetExhausted: false,
  computedAt: '2026-11-25T06:00:00.000Z',
  funding: {
    verdict: 'off',
    expects: null,
    expectedFunders: [],
    consumingGroups: [],
    severity: null,
    message: 'Rule funding-follows-reuse is off for convenience views',
  },
};

/** A core entity never scored yet. */
export const customerIdentity: InventoryItem = {
  entityRef: 'dataproduct:default/customer-identity-v2',
  name: 'customer-identity-v2',
  title: 'Customer Identity Graph',
  category: 'core-entity',
  state: 'active',
  owner: 'group:default/identity-platform',
  domain: 'domain:default/customer',
  system: 'system:default/identity',
  type: 'table',
  version: '2.1.0',
  expiresOn: null,
  sunsetOn: null,
  successor: null,
  freshnessTier: null,
  cost: {
    monthly: 4200,
    currency: 'USD',
    fundedBy: 'group:default/data-platform',
    perConsumer: 1050,
  },
  consumers: 4,
  overall: null,
  dimensions: unknownDimensions,
  breaching: false,
  // not judged yet: the flags are unknown
  fragile: null,
  tierAtRisk: null,
  budgetExhausted: null,
  computedAt: null,
  funding: noExpectation,
};

/** The first page of a filtered inventory, with a next page. */
export const firstPage: InventoryPage = {
  evaluatedOn: '2026-11-25',
  items: [ordersMart, signupsView, customerIdentity],
  nextCursor: 'cursor-2',
  totals: {
    total: 41,
    byCategory: { 'core-entity': 9, 'shared-mart': 12, 'convenience-view': 20 },
    byState: {
      draft: 1,
      active: 30,
      expiring: 4,
      expired: 2,
      deprecated: 3,
      retired: 1,
    },
  },
  summary: {
    byCategory: {
      'core-entity': { count: 9, averageScore: 4.1, monthlyCost: 31000 },
      'shared-mart': { count: 12, averageScore: 3.2, monthlyCost: 10800 },
      'convenience-view': { count: 20, averageScore: null, monthlyCost: 2400 },
    },
    expiringThisMonth: 3,
    breachingNow: 2,
    monthlyCostByFundingGroup: {
      'group:default/data-platform': 31000,
      'group:default/commerce-data': 10800,
      unassigned: 2400,
    },
    monthlyCostByFreshnessTier: {},
    currency: 'USD',
    costsInOtherCurrencies: {},
    daysLeftInMonth: 5,
    fundingRule: { manyTeams: 3, centralFunders: [] },
  },
};

/** The second (last) page. */
export const secondPage: InventoryPage = {
  ...firstPage,
  items: [
    {
      ...customerIdentity,
      entityRef: 'dataproduct:default/crm-accounts',
      name: 'crm-accounts',
      title: 'CRM accounts',
    },
  ],
  nextCursor: null,
};
