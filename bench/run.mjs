#!/usr/bin/env node
// `yarn bench [name …]`: runs bench/<name>.bench.ts (all of them without a name)
// in a fresh Node process each, with TypeScript loaded through Backstage's own
// transform and the GC exposed so memory figures are honest.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const available = fs
  .readdirSync(here)
  .filter(f => f.endsWith('.bench.ts'))
  .map(f => f.replace(/\.bench\.ts$/, ''))
  .sort();
const args = process.argv.slice(2);
// names come first; everything from the first --flag on goes to the benchmark
const firstFlag = args.findIndex(a => a.startsWith('-'));
const names = firstFlag < 0 ? args : args.slice(0, firstFlag);
const flags = firstFlag < 0 ? [] : args.slice(firstFlag);
const unknown = names.filter(n => !available.includes(n));
if (unknown.length) {
  console.error(
    `unknown benchmark ${unknown.join(', ')}; available: ${available.join(
      ', ',
    )}`,
  );
  process.exit(2);
}
const transform = createRequire(import.meta.url).resolve(
  '@backstage/cli/config/nodeTransform.cjs',
);
let failed = 0;
for (const name of names.length ? names : available) {
  console.log(`\n### bench ${name}`);
  const result = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--require',
      transform,
      path.join(here, `${name}.bench.ts`),
      ...flags,
    ],
    { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
