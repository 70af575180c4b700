// A consumer's page: CRM Sync still depends on the deprecated Customer
// Identity (v1); its card says so, with the sunset date and the successor.
import assert from 'node:assert/strict';
import { e2e, open } from './support.mjs';
import { exampleProduct, inDays } from './examples.mjs';

const productLink = name => `a[href="/catalog/default/dataproduct/${name}"]`;

e2e(
  'consumer card: crm-sync is warned that customer-identity-v1 is deprecated (sunset, successor v2)',
  'consumer-card',
  async page => {
    const v1 = exampleProduct('customer-identity-v1');
    assert.equal(v1.stage, 'deprecated');
    assert.equal(v1.successor, 'dataproduct:customer-identity-v2');

    await open(page, '/catalog/default/component/crm-sync');
    const card = page.getByRole('list', { name: 'Data products' });
    const item = name =>
      card
        .getByRole('listitem')
        .filter({ has: page.locator(productLink(name)) })
        .first();

    const deprecated = item('customer-identity-v1');
    await deprecated.waitFor();
    await deprecated
      // sunsetOn 2027-01-31 in examples/ (dated 2026-11-25): 67 days on
      .getByText(new RegExp(`deprecated.*sunset.*${inDays(67)}`, 'i'))
      .waitFor();
    // the way out: a link to the successor, inside the same warning item
    await deprecated.locator(productLink('customer-identity-v2')).waitFor();

    // its other dependency is active: no deprecation warning there
    const active = item('support-interactions');
    await active.waitFor();
    assert.doesNotMatch(await active.innerText(), /sunset/i);
    // (for the screenshot) the scores come last; they are not the point here
    await deprecated
      .getByTestId('score')
      .waitFor({ timeout: 10_000 })
      .catch(() => undefined);
  },
);
