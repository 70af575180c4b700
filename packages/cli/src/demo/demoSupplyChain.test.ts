/*
 * The demo inventory shows each supply-chain and cost condition (issue #13):
 * the runs `yarn demo:replay` sends (scripts/demo/scenario.ts), measured by
 * the real pure functions of the common package, for pinned days — the
 * flags must not depend on the day the demo starts.
 *
 * Expected by hand from the scenario and examples/:
 * - growth-weekly-cohorts (`volatile`, daily, p95 1d, leadTime.target 6h):
 *   one night in five the rebuild takes 0.45–0.65 × 1d = 10.8–15.6 h, the
 *   other nights 0.04–0.12 × 1d ≈ 1–2.9 h. Of its ~30 runs 6 spike, so the
 *   P95 (rank ⌈0.95·30⌉ = 29) is a spike: lead time ≥ 10.8 h − 5 min > 6 h.
 *   Coefficient of variation at its smallest (every spike 10.8 h, every
 *   other night 2.9 h) is 0.4 × 7.9 ÷ 4.5 ≈ 0.7 ≥ 0.5: high. Fragile; its
 *   lags stay under its p95 of 1d, so no budget is spent.
 * - marketing-attribution (`breaching`, daily, p95 6h, p99 10h): every third
 *   run lags 11–21 h, past the p99. Of n ≈ 30 runs ⌊0.05·n⌋ = 1 may exceed
 *   the p95; about 10 do: the budget is exhausted. On each of the last 14
 *   days its window (16–30 runs) holds a third late runs: breaches ≥ 300 per
 *   1,000 (> 100: reliability 1), so it is a shared mart at risk.
 * - every other product is healthy: lags 0.25–0.85 × its p95 (never over),
 *   a failure once in 500 runs only where a window holds ≥ 500 runs, lag
 *   spread of a uniform 0.25–0.85 (CoV ≈ 0.31: medium, never fragile).
 * - support-interactions: read by growth-dashboard (growth-analytics),
 *   lifecycle-emails (marketing-analytics) and fraud-scoring (commerce-eng)
 *   besides its owner's crm-sync and support-copilot: 3 other teams, no
 *   fundedBy → central funding expected: breaks (warning).
 *   marketing-attribution: only growth-analytics besides its owner
 *   (growth-dashboard, growth-trial-conversion), funded by
 *   marketing-analytics → that team should pay: breaks (info).
 * - marketing-attribution declares a cost and no options: micro-batch is
 *   estimated at 1,800 × 1.5 = 2,700 at 30m → 900 ÷ 5.5 h ≈ 163.64 per
 *   hour of lag saved, labelled "estimated". The streaming products
 *   (web-sessions, partner-feed-adtech) have nothing fresher to buy.
 * - customer-identity-v2 declares options: USD 4,200 today at p95 30m; the
 *   next fresher is streaming at 1m for 11,000 → (11,000 − 4,200) ÷ (29/60 h)
 *   ≈ 14,069 per hour of P95 lag saved, not estimated.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import {
  DataProductEntityV1alpha1,
  LineageGraph,
  ScoreSnapshot,
  SupplyChainRun,
  computeScorecard,
  computeSupplyChain,
  costSettingsFromConfig,
  datasetKeysOf,
  declaredUpstreamRefs,
  fundingPolicyFromConfig,
  judgeFunding,
  judgeTierAtRisk,
  normalizeContract,
  policyFromConfig,
  unitCostOfFreshness,
} from '@stockroom/plugin-data-products-common';
import { REPO_ROOT } from '../__testUtils__/runCli';
// The demo's scenario lives with the replay script, outside any package.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { demoRuns } from '../../../../scripts/demo/scenario';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  inputDatasetsOf,
  loadProducts,
  productRef,
} from '../../../../scripts/demo/examples';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const products = loadProducts();
const stockroomConfig = parse(
  fs.readFileSync(path.join(REPO_ROOT, 'app-config.yaml'), 'utf8'),
).stockroom;

const byName = (name: string) => {
  const found = products.find(p => p.metadata.name === name);
  if (!found) throw new Error(`no example product ${name}`);
  return found;
};
const contractOf = (entity: DataProductEntityV1alpha1) =>
  normalizeContract(entity).contract;

/** Dataset identity → the product whose annotation names it. */
function datasetOwners(): Map<string, string> {
  const owners = new Map<string, string>();
  for (const entity of products) {
    const annotation = entity.metadata.annotations?.['openlineage.io/dataset'];
    for (const key of annotation ? datasetKeysOf(annotation) : []) {
      owners.set(key, productRef(entity));
    }
  }
  return owners;
}

/** Each product's runs as the backend stores them after a replay at `now`. */
function storedRuns(now: Date): Map<string, SupplyChainRun[]> {
  const owners = datasetOwners();
  const result = new Map<string, SupplyChainRun[]>();
  for (const entity of products) {
    if (!entity.metadata.annotations?.['openlineage.io/dataset']) continue;
    const inputProducts = inputDatasetsOf(entity, products).flatMap(input => {
      const [key] = datasetKeysOf(`${input.namespace}/${input.name}`);
      const owner = owners.get(key);
      return owner ? [owner] : [];
    });
    result.set(
      productRef(entity),
      demoRuns(entity, contractOf(entity), now).map(run => ({
        runId: run.runId,
        status: run.failed ? 'failed' : 'success',
        startedAt: run.startedAt,
        finishedAt: run.finishedAt,
        watermark: run.nominalEnd,
        rowCount: run.rowCount,
        inputProducts,
      })),
    );
  }
  return result;
}

function supplyChainOf(now: Date) {
  const runs = storedRuns(now);
  const graph = new LineageGraph(
    products.map(entity => ({
      entityRef: productRef(entity),
      upstreams: declaredUpstreamRefs(
        contractOf(entity).lineage?.upstreams,
        'default',
      ),
      runs: runs.get(productRef(entity)) ?? [],
    })),
  );
  return (entity: DataProductEntityV1alpha1) =>
    computeSupplyChain(
      {
        entityRef: productRef(entity),
        graph,
        freshness: contractOf(entity).freshness,
        leadTimeTarget: entity.spec.leadTime?.target,
      },
      now,
    );
}

/**
 * The daily snapshots of the last 15 days, each scored with the window
 * that ends that day (or now, today), from the runs stored at `now`.
 */
function dailySnapshots(
  entity: DataProductEntityV1alpha1,
  runs: readonly SupplyChainRun[],
  now: Date,
): ScoreSnapshot[] {
  const snapshots: ScoreSnapshot[] = [];
  const today = Math.floor(now.getTime() / DAY) * DAY;
  for (let day = 14; day >= 0; day--) {
    const takenAt = new Date(
      Math.min(today - day * DAY + DAY - 1, now.getTime()),
    );
    const { dimensions } = computeScorecard(
      {
        contract: contractOf(entity),
        runs: runs.filter(run => new Date(run.finishedAt!) <= takenAt),
        ownership: { ownerIsGroup: true, groupHasMembers: true },
        consumerCount: 0,
      },
      takenAt,
    );
    snapshots.push({
      takenAt,
      scores: {
        freshness: dimensions.freshness.score,
        reliability: dimensions.reliability.score,
      },
    });
  }
  return snapshots;
}

/** Owner refs of the entities that depend on `entity`: components and products. */
function consumerOwners(entity: DataProductEntityV1alpha1): string[] {
  const ref = productRef(entity);
  const group = (owner: string) =>
    `group:default/${owner.replace(/^group:/, '')}`;
  const components = parseAllDocuments(
    fs.readFileSync(path.join(REPO_ROOT, 'examples/components.yaml'), 'utf8'),
  ).map(d => d.toJS());
  const fromComponents = components
    .filter(c =>
      (c?.spec?.dependsOn ?? []).some(
        (dep: string) =>
          dep.startsWith('dataproduct:') &&
          `dataproduct:default/${dep.slice('dataproduct:'.length)}` === ref,
      ),
    )
    .map(c => group(c.spec.owner));
  const fromProducts = products
    .filter(p =>
      declaredUpstreamRefs(contractOf(p).lineage?.upstreams).includes(ref),
    )
    .map(p => group(p.spec.owner));
  return [...fromComponents, ...fromProducts];
}

const FRAGILE = ['growth-weekly-cohorts'];
const BUDGET_EXHAUSTED = ['marketing-attribution'];
const TIER_AT_RISK = ['marketing-attribution'];

// A Wednesday morning, the day the examples are dated, a Sunday night and a
// day in another month: the flags hold whatever day the demo starts.
describe.each([
  '2026-11-25T10:17:00Z',
  '2026-12-03T19:40:00Z',
  '2027-01-10T23:55:00Z',
  '2027-03-01T00:05:00Z',
])('the demo replayed on %s', at => {
  const now = new Date(at);
  const supplyChain = supplyChainOf(now);

  it('shows growth-weekly-cohorts fragile: P95 lead time over its 6h target, high volatility', () => {
    const report = supplyChain(byName('growth-weekly-cohorts'));
    expect(report.leadTime.overTarget).toBe(true);
    expect(report.leadTime.p95Ms).toBeGreaterThan(10 * HOUR);
    expect(report.volatility.lag.level).toBe('high');
    expect(report.volatility.lag.value).toBeGreaterThanOrEqual(0.5);
    expect(report.volatility.lag.values).toBeGreaterThanOrEqual(10);
    expect(report.fragile.fragile).toBe(true);
    // measured from the runs' OpenLineage inputs, its two upstream products
    expect(report.leadTime.evidence.measuredRuns).toBe(
      report.leadTime.evidence.successfulRuns,
    );
    // its SLA holds: no budget spent
    expect(report.errorBudgets.p95.used).toBe(0);
  });

  it('shows marketing-attribution with its P95 error budget exhausted', () => {
    const { p95, p99 } = supplyChain(
      byName('marketing-attribution'),
    ).errorBudgets;
    expect(p95.runs).toBeGreaterThanOrEqual(29);
    expect(p95.allowed).toBe(Math.floor((5 * p95.runs) / 100));
    expect(p95.used).toBeGreaterThanOrEqual(Math.floor(p95.runs / 3));
    expect(p95.exhausted).toBe(true);
    expect(p99.exhausted).toBe(true);
  });

  it('flags only the intended products fragile or with an exhausted budget', () => {
    const fragile: string[] = [];
    const exhausted: string[] = [];
    for (const entity of products) {
      const report = supplyChain(entity);
      if (report.fragile.fragile === true) fragile.push(entity.metadata.name);
      if (
        report.errorBudgets.p95.exhausted ||
        report.errorBudgets.p99.exhausted
      )
        exhausted.push(entity.metadata.name);
    }
    expect(fragile).toEqual(FRAGILE);
    expect(exhausted).toEqual(BUDGET_EXHAUSTED);
  });

  it('puts marketing-attribution, and no other core entity or shared mart, at risk over 14 days', () => {
    const runs = storedRuns(now);
    const atRisk = products
      .filter(entity => runs.has(productRef(entity)))
      .filter(
        entity =>
          judgeTierAtRisk(
            entity.spec.category,
            dailySnapshots(entity, runs.get(productRef(entity))!, now),
            now,
          ).atRisk === true,
      )
      .map(entity => entity.metadata.name);
    expect(atRisk).toEqual(TIER_AT_RISK);
    const verdict = judgeTierAtRisk(
      'shared-mart',
      dailySnapshots(
        byName('marketing-attribution'),
        runs.get('dataproduct:default/marketing-attribution')!,
        now,
      ),
      now,
    );
    expect(verdict.reliability.atRisk).toBe(true);
    expect(verdict.freshness.atRisk).toBe(true);
  });
});

describe('the demo inventory on cost and funding', () => {
  const policy = policyFromConfig(stockroomConfig);
  const funding = fundingPolicyFromConfig(stockroomConfig);
  const judge = (name: string) => {
    const entity = byName(name);
    return judgeFunding(
      {
        category: entity.spec.category,
        owner: `group:default/${entity.spec.owner.replace(/^group:/, '')}`,
        fundedBy: entity.spec.cost?.fundedBy
          ? `group:default/${entity.spec.cost.fundedBy.replace(/^group:/, '')}`
          : null,
        consumerOwners: consumerOwners(entity),
      },
      policy.categories[entity.spec.category],
      funding,
    );
  };

  it('support-interactions breaks funding-follows-reuse: three other teams, no central funder', () => {
    const verdict = judge('support-interactions');
    expect(verdict.verdict).toBe('breaks');
    expect(verdict.expects).toBe('central');
    expect(verdict.severity).toBe('warning');
    expect(verdict.consumingGroups).toEqual([
      'group:default/commerce-eng',
      'group:default/growth-analytics',
      'group:default/marketing-analytics',
    ]);
    expect(verdict.expectedFunders).toEqual(['group:default/data-platform']);
  });

  it('marketing-attribution is told that its one consuming team should pay (info)', () => {
    const verdict = judge('marketing-attribution');
    expect(verdict.verdict).toBe('breaks');
    expect(verdict.severity).toBe('info');
    expect(verdict.expectedFunders).toEqual(['group:default/growth-analytics']);
  });

  it('customer-identity-v2 follows the rule: many teams, funded centrally', () => {
    expect(judge('customer-identity-v2').verdict).toBe('follows');
  });

  it('no other product breaks the rule', () => {
    const breaking = products
      .filter(entity => judge(entity.metadata.name).verdict === 'breaks')
      .map(entity => entity.metadata.name);
    expect(breaking).toEqual(['marketing-attribution', 'support-interactions']);
  });

  it('estimates marketing-attribution from the configured tier multipliers', () => {
    const entity = byName('marketing-attribution');
    const cost = unitCostOfFreshness(
      entity.spec.cost,
      contractOf(entity).freshness,
      costSettingsFromConfig(stockroomConfig),
    );
    expect(cost.estimated).toBe(true);
    expect(cost.next?.tier).toBe('micro-batch');
    expect(cost.value).toBeCloseTo(900 / 5.5, 2);
    expect(cost.summary).toMatch(/^Estimated:/);
  });

  it('prices customer-identity-v2 from its declared options', () => {
    const entity = byName('customer-identity-v2');
    const cost = unitCostOfFreshness(
      entity.spec.cost,
      contractOf(entity).freshness,
      costSettingsFromConfig(stockroomConfig),
    );
    expect(cost.estimated).toBe(false);
    expect(cost.next?.tier).toBe('streaming');
    expect(cost.currency).toBe('USD');
    expect(cost.value).toBeCloseTo(6800 / (29 / 60), 2);
  });

  it('has nothing fresher to price for the streaming products', () => {
    for (const name of ['web-sessions', 'partner-feed-adtech']) {
      const entity = byName(name);
      const cost = unitCostOfFreshness(
        entity.spec.cost,
        contractOf(entity).freshness,
        costSettingsFromConfig(stockroomConfig),
      );
      expect(cost.value).toBeNull();
      expect(cost.today.tier).toBe('streaming');
    }
  });
});
