// The catalog lists every example DataProduct under kind DataProduct, and a
// product's page opens from the list.
import assert from 'node:assert/strict';
import { e2e, eventually, open, screenshot } from './support.mjs';
import { exampleProducts } from './examples.mjs';

const PRODUCT_LINK = /^\/catalog\/default\/dataproduct\/([^/?#]+)$/;

e2e(
  'catalog: kind DataProduct lists the 11 example products and opens Customer Identity Graph (v2)',
  'catalog-data-products',
  async page => {
    assert.equal(exampleProducts.length, 11, 'examples/ holds 11 products');

    await open(page, '/');
    // the Kind picker (a Backstage Select) → DataProduct
    await page.locator('[aria-label="Kind"] [role="button"]').click();
    await page
      .getByRole('option', { name: 'DataProduct', exact: true })
      .click();

    const links = page.locator(
      'table a[href^="/catalog/default/dataproduct/"]',
    );
    const listed = await eventually(async () => {
      const hrefs = await links.evaluateAll(as =>
        as.map(a => a.getAttribute('href')),
      );
      const names = [
        ...new Set(
          hrefs.map(href => PRODUCT_LINK.exec(href)?.[1]).filter(Boolean),
        ),
      ].sort();
      return names.length === exampleProducts.length ? names : undefined;
    }, `the catalog table did not list ${exampleProducts.length} DataProducts`);
    assert.deepEqual(
      listed,
      exampleProducts.map(p => p.name),
    );
    await page
      .getByRole('heading', {
        name: `(${exampleProducts.length})`,
        exact: false,
      })
      .first()
      .waitFor();
    await screenshot(page, 'catalog-data-products-list');

    await page
      .getByRole('link', { name: 'Customer Identity Graph (v2)', exact: true })
      .click();
    await page.waitForURL(
      '**/catalog/default/dataproduct/customer-identity-v2',
    );
    await page
      .getByRole('heading', { name: 'Customer Identity Graph (v2)', level: 2 })
      .waitFor();
    // the DataProduct's own tabs are there
    const tabs = page.getByRole('navigation', { name: 'Content navigation' });
    await tabs.getByRole('link', { name: 'Contract' }).waitFor();
    await tabs.getByRole('link', { name: 'Scorecard' }).waitFor();
    // and its overview has loaded (for the screenshot)
    await page
      .getByRole('heading', { name: 'Lifecycle and findings' })
      .waitFor();
  },
);
