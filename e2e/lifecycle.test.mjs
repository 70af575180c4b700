// A demo alive on any date (issue #17): the portal serves examples/ with its
// lifecycle dates moved to the day it started, so every lifecycle state has
// its product whatever today is — checked through the lifecycle API and on
// each product's page.
//
// Expectations by hand, from examples/data-products/*.yaml (written as of
// 2026-11-25) and the rules of docs/categories-and-lifecycle.md (expiry 90
// days after renewedOn else createdOn, `expiring` 14 days before, review
// within 92 days), counted in days from 2026-11-25:
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { e2e, eventually, open } from './support.mjs';
import { inDays } from './examples.mjs';

// renewedOn 2026-09-06 + 90 = 2026-12-05: expires 10 days after
const EXPIRING = { name: 'growth-trial-conversion', expiresOn: inDays(10) };
// createdOn 2026-03-02 + 90 = 2026-05-31: expired 178 days before
const EXPIRED = { name: 'campaign-spend-q1-adhoc', expiresOn: inDays(-178) };
// renewedOn 2026-11-01 + 90 = 2027-01-30: 66 days after, not yet expiring
const FRESH = { name: 'growth-weekly-cohorts', expiresOn: inDays(66) };
// sunsetOn 2027-01-31: 67 days after (more than 30: no "retire it" yet)
const DEPRECATED = { name: 'customer-identity-v1', sunsetOn: inDays(67) };
// reviewedOn 2026-07-14: 134 days before, more than 92 (the other two shared
// marts were reviewed 50 and 56 days before)
const REVIEW_DUE = { name: 'support-interactions' };

const BACKEND_URL =
  process.env.STOCKROOM_E2E_BACKEND_URL ?? 'http://localhost:7007';
// the dev-only static token of app-config.yaml, as `yarn demo:replay` uses it
const TOKEN =
  process.env.STOCKROOM_PIPELINE_TOKEN ??
  'stockroom-dev-pipeline-token-do-not-use-in-production';

/** GET /api/data-products/lifecycle once the catalog holds all 11 products. */
async function lifecycleItems() {
  return eventually(
    async () => {
      const res = await fetch(`${BACKEND_URL}/api/data-products/lifecycle`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
      const { items } = await res.json();
      return items.length === 11 ? items : undefined;
    },
    'GET /api/data-products/lifecycle did not list the 11 example products',
    90_000, // the dev backend restarts when sources change: ride one out
  );
}

const nameOf = item => item.entityRef.replace(/^dataproduct:default\//, '');

test('lifecycle API: one product in each lifecycle state, with dates counted from today', async () => {
  const items = await lifecycleItems();
  const byName = new Map(items.map(item => [nameOf(item), item]));
  const inState = state =>
    items
      .filter(i => i.state === state)
      .map(nameOf)
      .sort();

  assert.deepEqual(inState('expiring'), [EXPIRING.name]);
  assert.deepEqual(inState('expired'), [EXPIRED.name]);
  assert.deepEqual(inState('deprecated'), [DEPRECATED.name]);
  assert.deepEqual(inState('retired'), ['legacy-web-sessions']);
  assert.deepEqual(inState('draft'), ['orders-core']);

  assert.equal(byName.get(EXPIRING.name).expiresOn, EXPIRING.expiresOn);
  assert.equal(byName.get(EXPIRED.name).expiresOn, EXPIRED.expiresOn);
  assert.equal(byName.get(FRESH.name).state, 'active');
  assert.equal(byName.get(FRESH.name).expiresOn, FRESH.expiresOn);
  assert.equal(byName.get(DEPRECATED.name).sunsetOn, DEPRECATED.sunsetOn);
  assert.equal(
    byName.get(DEPRECATED.name).successor,
    'dataproduct:customer-identity-v2',
  );
  assert.deepEqual(
    byName
      .get(DEPRECATED.name)
      .findings.filter(f => f.ruleId === 'planned-deprecation'),
    [],
    'a sunset 67 days away is not yet "retire it"',
  );

  const reviewDue = items
    .filter(i => i.findings.some(f => f.ruleId === 'quarterly-review'))
    .map(nameOf);
  assert.deepEqual(reviewDue, [REVIEW_DUE.name]);
  const finding = byName
    .get(REVIEW_DUE.name)
    .findings.find(f => f.ruleId === 'quarterly-review');
  assert.equal(finding.severity, 'warning');
  assert.equal(finding.path, 'spec.lifecycle.reviewedOn');
  assert.equal(byName.get(REVIEW_DUE.name).state, 'active');
});

/** The product's page, once its "Lifecycle and findings" card is there. */
async function openProduct(page, name) {
  await open(page, `/catalog/default/dataproduct/${name}`);
  await page.getByRole('heading', { name: 'Lifecycle and findings' }).waitFor();
  return page.getByTestId('lifecycle-banner');
}

e2e(
  `lifecycle page: ${EXPIRING.name} is expiring, on the date 10 days from today`,
  'lifecycle-expiring',
  async page => {
    const banner = await openProduct(page, EXPIRING.name);
    await banner.and(page.locator('[data-state="expiring"]')).waitFor();
    await banner.getByText(`(on ${EXPIRING.expiresOn})`).waitFor();
  },
);

e2e(
  `lifecycle page: ${EXPIRED.name} expired, 178 days ago`,
  'lifecycle-expired',
  async page => {
    const banner = await openProduct(page, EXPIRED.name);
    await banner.and(page.locator('[data-state="expired"]')).waitFor();
    await banner.getByText(`Expired on ${EXPIRED.expiresOn}`).waitFor();
  },
);

e2e(
  `lifecycle page: ${FRESH.name} is active, expiring only in 66 days`,
  'lifecycle-fresh',
  async page => {
    await openProduct(page, FRESH.name);
    await page.getByText(`Expires on ${FRESH.expiresOn}`).waitFor();
    assert.equal(await page.getByTestId('lifecycle-banner').count(), 0);
  },
);

e2e(
  `lifecycle page: ${DEPRECATED.name} is deprecated, sunset 67 days from today`,
  'lifecycle-deprecated',
  async page => {
    const banner = await openProduct(page, DEPRECATED.name);
    await banner.and(page.locator('[data-state="deprecated"]')).waitFor();
    await banner.getByText(`Sunset on ${DEPRECATED.sunsetOn}`).waitFor();
  },
);

e2e(
  `lifecycle page: ${REVIEW_DUE.name} is due for its quarterly review`,
  'lifecycle-review-due',
  async page => {
    await openProduct(page, REVIEW_DUE.name);
    await page
      .getByTestId('finding')
      .filter({ hasText: 'Rule quarterly-review' })
      .waitFor();
  },
);
