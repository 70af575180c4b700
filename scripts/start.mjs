#!/usr/bin/env node
// `yarn start`: the demo portal (backstage-cli repo start), and — once the
// backend answers — a replay of the example pipelines' OpenLineage events
// through the real ingestion endpoint, so scorecards are alive on first
// visit. Replays are idempotent. STOCKROOM_DEMO_REPLAY=0 skips it.
//
// Demo dates: examples/ is written as of one day (2026-11-25). Before the
// portal starts, a copy of examples/ with every lifecycle date moved to today
// goes to .stockroom-data/examples/ (STOCKROOM_DEMO_EXAMPLES_DIR), and the
// catalog locations that read examples/ read that copy instead
// (APP_CONFIG_catalog_locations). So on any day the demo has a view expiring
// in 10 days, one expired, a sunset in 67 days and an overdue review; see
// examples/README.md. STOCKROOM_DEMO_DATES=0 serves examples/ as written;
// STOCKROOM_DEMO_TODAY=YYYY-MM-DD renders for that day (the e2e runner pins
// it to its own).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/** A path inside the repository relative to it, any other as it is. */
const shown = file =>
  path.relative(root, file).startsWith('..') ? file : path.relative(root, file);

async function demoDatesEnv() {
  if (process.env.STOCKROOM_DEMO_DATES === '0') return {};
  // the renderer is TypeScript in packages/cli (its YAML, config and date
  // tooling and its tests live there), run from source like `yarn stockroom`
  const require = createRequire(import.meta.url);
  require('@backstage/cli/config/nodeTransform.cjs');
  const { prepareDemoExamples } = require(path.join(
    root,
    'packages/cli/src/demo/prepareDemoExamples.ts',
  ));
  const renderedDir = path.resolve(
    root,
    process.env.STOCKROOM_DEMO_EXAMPLES_DIR ?? '.stockroom-data/examples',
  );
  const { env, rendered } = await prepareDemoExamples({
    root,
    argv: args,
    env: process.env,
    renderedDir,
    today: process.env.STOCKROOM_DEMO_TODAY,
  });
  if (!rendered) {
    console.log(
      '[demo dates] no catalog location reads examples/: nothing rendered',
    );
    return env;
  }
  console.log(
    `[demo dates] examples/ with lifecycle dates moved ${rendered.days} days ` +
      `(${rendered.moved.length} dates) → ${shown(renderedDir)}`,
  );
  for (const where of rendered.notDates) {
    console.log(
      `[demo dates] not a YYYY-MM-DD date, left as written: ${where}`,
    );
  }
  return env;
}

let demoEnv;
try {
  demoEnv = await demoDatesEnv();
} catch (error) {
  console.error(
    `yarn start: could not render the demo dates: ${error.message}`,
  );
  console.error('(STOCKROOM_DEMO_DATES=0 serves examples/ as written)');
  process.exit(1);
}

const portal = spawn('backstage-cli', ['repo', 'start', ...args], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, ...demoEnv },
});
portal.on('exit', code => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => portal.kill(signal));
}

if (process.env.STOCKROOM_DEMO_REPLAY !== '0') {
  const replay = spawn('yarn', ['demo:replay'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: process.platform === 'win32',
  });
  const prefix = chunk =>
    chunk
      .toString()
      .split('\n')
      .filter(Boolean)
      .forEach(line => console.log(`[demo replay] ${line}`));
  replay.stdout.on('data', prefix);
  replay.stderr.on('data', prefix);
}
