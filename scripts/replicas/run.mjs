#!/usr/bin/env node
// `yarn test:replicas`: runs main.ts with the repo's Node and Backstage's
// TypeScript transform, as `yarn bench` runs its benchmarks.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const transform = createRequire(import.meta.url).resolve(
  '@backstage/cli/config/nodeTransform.cjs',
);
const result = spawnSync(
  process.execPath,
  [
    '--require',
    transform,
    path.join(here, 'main.ts'),
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
);
process.exit(result.status ?? 1);
