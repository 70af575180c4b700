// The supply chain and the cost of freshness on the demo (issue #13): the
// example inventory shows a fragile product, an exhausted error budget, a
// tier at risk (from the daily snapshots the history task computes from the
// replayed runs), a funding break and a computable unit cost of freshness.
// Which product shows what is examples/README.md's table; each test finds
// it where a platform team or an owner would.
import assert from 'node:assert/strict';
import { e2e, eventually, open, screenshot } from './support.mjs';

const PRODUCT_LINK = /^\/catalog\/default\/dataproduct\/([^/?#]+)$/;
/**
 * The history task runs every 30 s in the demo (app-config.yaml), after
 * the replay: the past days, then a live snapshot with today's verdict.
 */
const HISTORY_TIMEOUT = 240_000;

/** The product names the inventory table lists now. */
async function listedNames(page) {
  const hrefs = await page
    .locator('table a[href^="/catalog/default/dataproduct/"]')
    .evaluateAll(as => as.map(a => a.getAttribute('href')));
  return [
    ...new Set(hrefs.map(h => PRODUCT_LINK.exec(h)?.[1]).filter(Boolean)),
  ];
}

/**
 * Waits until `check` passes on the page, reloading it every 20 s (the
 * inventory and the scorecard read snapshots as they are when loaded).
 */
async function eventuallyReloading(page, check, message, timeout) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await eventually(check, message, 20_000);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await page.reload();
    }
  }
}

/** The products the inventory table lists, once it lists `name` among them. */
function listedWith(page, name, what, timeout = 60_000) {
  return eventuallyReloading(
    page,
    async () => {
      const names = await listedNames(page);
      if (!names.includes(name))
        throw new Error(`listed ${JSON.stringify(names)}`);
      return names;
    },
    `the inventory filtered to ${what} did not list ${name}`,
    timeout,
  );
}

e2e(
  'supply chain: the inventory filters list the fragile product, the exhausted budget and the tier at risk',
  'inventory-supply-chain-flags',
  async page => {
    await open(page, '/data-products?fragile=true');
    const fragile = await listedWith(page, 'growth-weekly-cohorts', 'fragile');
    assert.ok(!fragile.includes('customer-identity-v2'));

    await open(page, '/data-products?budgetExhausted=true');
    await listedWith(page, 'marketing-attribution', 'exhausted budgets');

    await open(page, '/data-products?tierAtRisk=true');
    await listedWith(
      page,
      'marketing-attribution',
      'tiers at risk',
      HISTORY_TIMEOUT,
    );
  },
  { timeout: HISTORY_TIMEOUT + 120_000 },
);

e2e(
  'supply chain: the Scorecard tab of the fragile product shows lead time over target, volatility and budgets',
  'supply-chain-scorecard',
  async page => {
    await open(
      page,
      '/catalog/default/dataproduct/growth-weekly-cohorts/scorecard',
    );
    const section = page.getByRole('region', { name: 'Supply chain' });
    await eventually(
      async () => (await section.innerText()).includes('Fragile'),
      'the Supply chain section never said Fragile',
    );
    const text = await section.innerText();
    // headings are upper case on screen
    assert.match(text, /P95 over target/);
    assert.match(text, /Lag\s+[\d.]+ \(high\)/);
    assert.match(text, /error budgets/i);
    assert.doesNotMatch(text, /Not fragile/);
  },
);

e2e(
  'supply chain: the Scorecard tab of marketing-attribution shows its tier at risk and its spent budget',
  'tier-at-risk-scorecard',
  async page => {
    await open(
      page,
      '/catalog/default/dataproduct/marketing-attribution/scorecard',
    );
    const section = page.getByRole('region', { name: 'Supply chain' });
    await eventuallyReloading(
      page,
      async () =>
        /Tier at risk since \d{4}-\d{2}-\d{2}/.test(await section.innerText()),
      'the Supply chain section never said "Tier at risk since …"',
      HISTORY_TIMEOUT,
    );
    assert.match(await section.innerText(), /exhausted/i);
  },
  { timeout: HISTORY_TIMEOUT + 120_000 },
);

e2e(
  'cost of freshness: the Contract tab prices the declared options and the unit cost',
  'contract-cost-options',
  async page => {
    await open(
      page,
      '/catalog/default/dataproduct/customer-identity-v2/contract',
    );
    await eventually(
      async () =>
        /per hour of lag saved/.test(await page.locator('body').innerText()),
      'the Contract tab never showed a unit cost of freshness',
    );
  },
);

e2e(
  'cost of freshness: the inventory view "Freshness vs cost" and a funding break',
  'freshness-vs-cost',
  async page => {
    await open(page, '/data-products?view=freshness-cost');
    const main = page.locator('body');
    await eventually(
      async () =>
        /customer-identity-v2[\s\S]*\$14,069 \/ month per hour of lag saved/.test(
          await main.innerText(),
        ),
      'the Freshness vs cost view never priced customer-identity-v2 at $14,069 / month per hour of lag saved',
    );
    // marketing-attribution declares no options: the estimate says so
    assert.match(
      await main.innerText(),
      /marketing-attribution[\s\S]*\$164 \/ month per hour of lag saved\s*ESTIMATED/i,
    );
    await screenshot(page, 'freshness-vs-cost-view');

    // support-interactions: three teams besides its owner use it, and
    // nobody central funds it
    await open(page, '/data-products?q=support-interactions');
    await eventually(
      async () =>
        (
          await page.locator('table').innerText()
        ).includes('Many teams use it: fund it centrally'),
      'the inventory never said support-interactions should be funded centrally',
    );
  },
);
