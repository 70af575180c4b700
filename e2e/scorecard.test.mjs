// The Scorecard tab of Customer Identity Graph (v2): the seven dimensions,
// scored from the runs `yarn demo:replay` reported (not all unknown).
import assert from 'node:assert/strict';
import { e2e, eventually, open } from './support.mjs';

const DIMENSIONS = {
  freshness: 'Freshness',
  reliability: 'Reliability',
  quality: 'Quality',
  stability: 'Stability',
  contract: 'Contract',
  ownership: 'Ownership',
  reuse: 'Reuse',
};
/** Scored only from reported runs: unknown until the replay is in. */
const FROM_RUNS = ['freshness', 'reliability', 'quality'];

e2e(
  'scorecard tab: seven dimensions, scored from the replayed runs',
  'scorecard-tab',
  async (page, t) => {
    await open(page, '/catalog/default/dataproduct/customer-identity-v2');
    await page
      .getByRole('navigation', { name: 'Content navigation' })
      .getByRole('link', { name: 'Scorecard' })
      .click();
    await page.waitForURL('**/dataproduct/customer-identity-v2/scorecard');

    const section = page.getByRole('region', { name: 'Dimensions' });
    const scores = await eventually(async () => {
      const found = {};
      for (const [key, label] of Object.entries(DIMENSIONS)) {
        const card = section.getByTestId(`dimension-${key}`);
        if (!(await card.isVisible())) return undefined;
        const heading = await card
          .getByRole('heading', { level: 3 })
          .innerText();
        assert.equal(heading.trim(), label);
        found[key] = await card.getByTestId('score').getAttribute('data-score');
      }
      return found;
    }, 'the seven dimension cards did not show up');
    t.diagnostic(`scores: ${JSON.stringify(scores)}`);

    const known = Object.entries(scores).filter(([, s]) => s !== 'unknown');
    assert.ok(known.length > 0, 'not every dimension is unknown');
    for (const key of FROM_RUNS) {
      assert.match(
        scores[key],
        /^[1-5]$/,
        `${DIMENSIONS[key]} is scored from the replayed runs`,
      );
    }
    // the freshness evidence quotes measured lags, not only the promise
    await section
      .getByTestId('dimension-freshness')
      .getByTestId('dimension-summary')
      .waitFor();
  },
);
