// The Contract tab of Customer Identity Graph (v2): who to ping, and the
// schema with its PII fields impossible to miss.
import assert from 'node:assert/strict';
import { e2e, open } from './support.mjs';

e2e(
  'contract tab: "Who do I ping" shows #identity-oncall; the schema lists customer_id and PII badges',
  'contract-tab',
  async page => {
    await open(page, '/catalog/default/dataproduct/customer-identity-v2');
    await page
      .getByRole('navigation', { name: 'Content navigation' })
      .getByRole('link', { name: 'Contract' })
      .click();
    await page.waitForURL('**/dataproduct/customer-identity-v2/contract');

    const ping = page.getByRole('region', { name: 'Who do I ping' });
    await ping.getByText('#identity-oncall', { exact: true }).waitFor();
    await ping.getByText('pagerduty:identity-primary').waitFor();
    // the owner group, from the catalog
    await ping
      .getByRole('link', { name: /identity.platform/i })
      .first()
      .waitFor();

    const schema = page.getByRole('region', { name: 'Schema' });
    await schema.getByText('7 fields, 2 PII').waitFor();
    const row = name =>
      schema.getByRole('row').filter({
        has: page.locator('code', { hasText: new RegExp(`^${name}$`) }),
      });
    await row('customer_id').waitFor();
    assert.match(await row('customer_id').innerText(), /Primary/);

    const pii = schema.locator('[data-classification="pii"]');
    await pii.first().waitFor();
    assert.deepEqual(await pii.allInnerTexts(), ['PII', 'PII']);
    for (const field of ['email_sha256', 'phone_sha256']) {
      assert.equal(
        await row(field).locator('[data-classification="pii"]').count(),
        1,
        `${field} carries a PII badge`,
      );
    }
    assert.equal(
      await row('customer_id').locator('[data-classification="pii"]').count(),
      0,
      'customer_id is not PII',
    );
  },
);
