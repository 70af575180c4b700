// The "New data product" software template at /create
// (examples/templates/data-product/): an owner picks it, fills the form, and
// the form asks a core entity for what its rules need, then shows the review
// step. The last step (Create) is not pressed: the demo has no publish step,
// and what the template writes is checked through the scaffolder's dry run in
// packages/cli/src/init/templateDryRun.test.ts.
import assert from 'node:assert/strict';
import { e2e, eventually, open, screenshot } from './support.mjs';

/** A text field of the form by its label (RJSF marks required ones with *). */
const field = (scope, label) =>
  scope.getByRole('textbox', { name: new RegExp(`^${label}( \\*)?$`) });

e2e(
  'template: /create offers "New data product"; its form asks a core entity for its SLA, escalation and described fields and reaches the review',
  'template-review',
  async page => {
    await open(page, '/create');
    const card = page
      .locator('article, .MuiCard-root')
      .filter({ hasText: 'New data product' })
      .first();
    await card.getByRole('button', { name: /choose/i }).click();
    await page.waitForURL(/\/create\/templates\/default\/data-product/);

    // page 1: about the product
    await field(page, 'Name').fill('payments-ledger');
    await field(page, 'Description').fill(
      'Every settled payment, one row per ledger entry.',
    );
    // the owner picker takes an entity ref typed in (arbitrary values allowed)
    const owner = page.locator('#root_owner');
    await owner.fill('group:default/data-platform');
    await owner.press('Tab');
    await page.locator('#root_createdOn').fill('2026-11-20');
    await page.getByRole('button', { name: 'Next' }).click();

    // page 2: the category decides what is asked
    await page.getByText('Category and contract').first().waitFor();
    assert.equal(await field(page, 'Freshness P99').count(), 0);
    await page.getByRole('button', { name: /^Category/ }).click();
    await page.getByRole('option', { name: /^Core entity/ }).click();
    for (const label of [
      'Freshness P95',
      'Freshness P99',
      'Escalation channel',
      'On-call',
    ]) {
      await field(page, label).waitFor();
    }
    await field(page, 'Freshness P95').fill('30m');
    await field(page, 'Freshness P99').fill('2h');
    await field(page, 'Escalation channel').fill('#payments-data');
    await field(page, 'On-call').fill('pagerduty:payments-primary');
    // the form starts with the one field a product needs at least
    await page.locator('#root_fields_0_name').fill('entry_id');
    await page.locator('#root_fields_0_type').fill('string');
    await screenshot(page, 'template-contract');

    // a core entity field without a description is refused by the form
    await page.getByRole('button', { name: 'Review' }).click();
    // (the browser's own check of a required input: it stops the step and
    // puts the cursor in the empty description)
    await eventually(
      () =>
        page.evaluate(
          () => document.activeElement?.id === 'root_fields_0_description',
        ),
      'the form did not stop at the missing field description',
    );
    assert.equal(
      await page.getByRole('button', { name: 'Create' }).count(),
      0,
      'the review showed although the field has no description',
    );
    await page
      .locator('#root_fields_0_description')
      .fill('Ledger entry id, unique.');
    await page.getByRole('button', { name: 'Review' }).click();

    // the review lists the answers
    await page.getByRole('button', { name: 'Create' }).waitFor();
    for (const text of [
      'payments-ledger',
      'group:default/data-platform',
      /^Core entity/,
      '2h',
      '#payments-data',
      'pagerduty:payments-primary',
    ]) {
      await page.getByText(text, { exact: true }).first().waitFor();
    }
  },
);
