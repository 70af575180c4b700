// The example inventory the demo portal loads (examples/data-products/),
// read from the YAML itself so the suite follows the examples.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const dir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../examples/data-products',
);

function isoDay(value) {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value === undefined ? undefined : String(value);
}

/** Every example DataProduct: name, title, category, stage, sunset, successor. */
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
    // YAML dates come back as Date objects
    sunsetOn: isoDay(entity.spec.lifecycle?.sunsetOn),
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
 * The state of every example product today, from the same engine the portal
 * uses (`stockroom lint`): states like `expiring` move with the calendar, so
 * the suite asks rather than hard-coding a date-bound answer.
 */
export function statesToday() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const out = execFileSync(
    process.execPath,
    [
      path.join(root, 'packages/cli/bin/stockroom'),
      'lint',
      'examples',
      '--format',
      'json',
    ],
    { cwd: root, encoding: 'utf8' },
  );
  return new Map(
    JSON.parse(out).results.map(r => [r.entityRef.split('/').pop(), r.state]),
  );
}
