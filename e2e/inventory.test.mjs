// The inventory page /data-products: filters live in the URL (a shared link
// reproduces the view) and the filter controls write them there.
import assert from 'node:assert/strict';
import { e2e, eventually, open, screenshot } from './support.mjs';
import { namesWhere } from './examples.mjs';

const PRODUCT_LINK = /^\/catalog\/default\/dataproduct\/([^/?#]+)$/;

/** The products the inventory table lists once it equals `expected`. */
async function listed(page, expected, what) {
  const table = page.locator('table');
  return eventually(async () => {
    const hrefs = await table
      .locator('a[href^="/catalog/default/dataproduct/"]')
      .evaluateAll(as => as.map(a => a.getAttribute('href')));
    const names = [
      ...new Set(
        hrefs.map(href => PRODUCT_LINK.exec(href)?.[1]).filter(Boolean),
      ),
    ].sort();
    if (JSON.stringify(names) !== JSON.stringify(expected)) {
      throw new Error(`listed ${JSON.stringify(names)}`);
    }
    return names;
  }, `the inventory did not list ${what}: ${expected.join(', ')}`);
}

e2e(
  'inventory: ?category=convenience-view lists the three views',
  'inventory-category',
  async page => {
    const views = namesWhere(p => p.category === 'convenience-view');
    assert.equal(views.length, 3);
    await open(page, '/data-products?category=convenience-view');
    assert.deepEqual(await listed(page, views, 'the convenience views'), views);
  },
);

e2e(
  'inventory: the State filter writes ?state=expiring and lists the views expiring today; category and state combine',
  'inventory-category-and-state',
  async page => {
    await open(page, '/data-products');
    const filters = page.getByRole('region', { name: 'Filters' });
    await filters.getByRole('button', { name: /State$/ }).click();
    await page.getByRole('option', { name: 'Expiring', exact: true }).click();
    await page.waitForURL(url => url.searchParams.get('state') === 'expiring');
    // the portal serves the examples' dates moved to today: this view
    // always expires 10 days from now (e2e/lifecycle.test.mjs)
    const expiring = ['growth-trial-conversion'];
    assert.deepEqual(
      await listed(page, expiring, 'the expiring products'),
      expiring,
    );

    await screenshot(page, 'inventory-state-expiring');

    // both filters, from a shared link: the deprecated core entity
    await open(page, '/data-products?category=core-entity&state=deprecated');
    await listed(page, ['customer-identity-v1'], 'the deprecated core entity');
    await filters.getByRole('button', { name: /Category$/ }).waitFor();
    assert.match(
      await filters.getByRole('button', { name: /Category$/ }).innerText(),
      /Core entity/i,
    );
  },
);
