// The example inventory the demo portal loads (examples/data-products/),
// read from the YAML itself so the suite follows the examples, and the
// calendar of the demo under test.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const dir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../examples/data-products',
);

/**
 * Every example DataProduct: name, title, category, stage, successor. No
 * dates: the portal serves them moved to the day it started (see
 * examples/README.md), so expected dates come from `inDays` below.
 */
export const exampleProducts = fs
  .readdirSync(dir)
  .filter(f => f.endsWith('.yaml') && !f.endsWith('.odcs.yaml'))
  .flatMap(f =>
    parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf8'))
      .map(doc => doc.toJS())
      .filter(entity => entity?.kind === 'DataProduct'),
  )
  .map(entity => ({
    name: entity.metadata.name,
    title: entity.metadata.title ?? entity.metadata.name,
    category: entity.spec.category,
    stage: entity.spec.lifecycle?.stage,
    successor: entity.spec.lifecycle?.successor,
  }))
  .sort((a, b) => a.name.localeCompare(b.name));

export function namesWhere(predicate) {
  return exampleProducts.filter(predicate).map(p => p.name);
}

export function exampleProduct(name) {
  const product = exampleProducts.find(p => p.name === name);
  if (!product) throw new Error(`no example product ${name}`);
  return product;
}

/**
 * The day the portal under test rendered the examples' dates for:
 * scripts/e2e.mjs fixes it (STOCKROOM_DEMO_TODAY) for the portal and the
 * suite alike; against your own `yarn start` it is today (UTC).
 */
export const DEMO_TODAY =
  process.env.STOCKROOM_DEMO_TODAY ?? new Date().toISOString().slice(0, 10);

if (!/^\d{4}-\d{2}-\d{2}$/.test(DEMO_TODAY)) {
  throw new Error(
    `STOCKROOM_DEMO_TODAY must be YYYY-MM-DD, got ${JSON.stringify(
      DEMO_TODAY,
    )}`,
  );
}

/** `YYYY-MM-DD` of the day `days` after (negative: before) DEMO_TODAY. */
export function inDays(days) {
  const date = new Date(`${DEMO_TODAY}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
