#!/usr/bin/env node
// `yarn test:e2e`: the end-to-end suite (e2e/*.test.mjs) in real Chromium;
// see docs/development.md, "End-to-end tests".
//
// 1. fails fast when ports 3000/7007 are taken or Chromium is missing;
// 2. starts the demo portal (`scripts/start.mjs` = `backstage-cli repo start`)
//    with one extra config file that points SQLite at a scratch folder, so the
//    developer's .stockroom-data/ is never touched; the portal runs in its own
//    process group with the replay disabled (STOCKROOM_DEMO_REPLAY=0), and
//    renders the examples' lifecycle dates for today into the scratch folder
//    (STOCKROOM_DEMO_EXAMPLES_DIR); today is fixed once here and handed to the
//    portal and the tests alike (STOCKROOM_DEMO_TODAY), so their expectations
//    ("expires in 10 days") count from the day the dates were rendered for;
// 3. once the backend answers, runs `yarn demo:replay` itself (so it knows
//    when the 30 days of runs are in) while the frontend bundle builds;
// 4. waits for the frontend, then runs `node --test` on e2e/*.test.mjs;
// 5. always kills the whole portal process group, and exits with the suite's
//    code (1 when the portal or the replay never got ready).
//
// Environment: CHROMIUM_PATH (default /usr/bin/chromium),
// STOCKROOM_E2E_START_TIMEOUT (seconds for portal + replay, default 900),
// STOCKROOM_E2E_KEEP_DATA=1 keeps the scratch folder for inspection.
// Extra arguments go to `node --test` (e.g. --test-name-pattern=scorecard).
// The TAP reporter comes first; to add one, pair destinations in order:
//   --test-reporter-destination=stdout --test-reporter=junit
//   --test-reporter-destination=e2e.xml
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { portAnswers } from './portAnswers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const e2eDir = path.join(root, 'e2e');
const outputDir = path.join(e2eDir, 'output');
const FRONTEND = 'http://localhost:3000';
const BACKEND = 'http://localhost:7007';
const startTimeoutMs =
  Number(process.env.STOCKROOM_E2E_START_TIMEOUT ?? 900) * 1000;
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const t0 = Date.now();
const secs = (ms = Date.now() - t0) => `${(ms / 1000).toFixed(1)}s`;
const log = message => console.log(`[e2e ${secs()}] ${message}`);

// ---------------------------------------------------------------- preflight

async function portTaken(port) {
  return (
    (await portAnswers('127.0.0.1', port)) || (await portAnswers('::1', port))
  );
}

for (const port of [3000, 7007]) {
  if (await portTaken(port)) {
    console.error(
      `e2e: port ${port} is already in use. The suite starts its own portal on ` +
        `3000 (frontend) and 7007 (backend); stop whatever listens there ` +
        `(a \`yarn start\`?) and run again.`,
    );
    process.exit(1);
  }
}
if (!fs.existsSync(chromium)) {
  console.error(
    `e2e: no Chromium at ${chromium}. Install it (Debian/Ubuntu: ` +
      `\`apt-get install -y chromium\`) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}
const testFiles = fs
  .readdirSync(e2eDir)
  .filter(f => f.endsWith('.test.mjs'))
  .sort()
  .map(f => path.join('e2e', f));
if (testFiles.length === 0) {
  console.error('e2e: no e2e/*.test.mjs files found');
  process.exit(1);
}

// ------------------------------------------------------------------ scratch

fs.mkdirSync(outputDir, { recursive: true });
// screenshots and logs of this run only: no stale picture of an older run
for (const file of fs.readdirSync(outputDir)) {
  if (/\.(png|log)$/.test(file)) fs.rmSync(path.join(outputDir, file));
}
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'stockroom-e2e-'));
const scratchConfig = path.join(scratch, 'app-config.e2e.yaml');
fs.writeFileSync(
  scratchConfig,
  [
    '# written by scripts/e2e.mjs: the demo portal on a scratch SQLite folder',
    'backend:',
    '  database:',
    '    connection:',
    `      directory: ${JSON.stringify(path.join(scratch, 'sqlite'))}`,
    '',
  ].join('\n'),
);
const portalLogFile = path.join(outputDir, 'portal.log');
const portalLog = fs.createWriteStream(portalLogFile);
log(
  `scratch data in ${scratch}; portal log in ${path.relative(
    root,
    portalLogFile,
  )}`,
);

// PATH as `yarn` sets it, so `node scripts/e2e.mjs` works outside yarn too
const env = {
  ...process.env,
  PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${
    process.env.PATH
  }`,
  STOCKROOM_DEMO_REPLAY: '0', // we replay ourselves, to know when it is done
  // the demo's lifecycle dates, rendered for today into the scratch folder;
  // e2e/examples.mjs counts its expected dates from the same day
  STOCKROOM_DEMO_DATES: '1',
  STOCKROOM_DEMO_TODAY: new Date().toISOString().slice(0, 10),
  STOCKROOM_DEMO_EXAMPLES_DIR: path.join(scratch, 'examples'),
  BROWSER: 'none', // the dev server must not try to open a browser
  FORCE_COLOR: '0',
};

// ------------------------------------------------------------------- portal

// Explicit --config replaces the default lookup (app-config.yaml plus
// app-config.local.yaml): the suite runs on the committed config and the
// scratch override only. Absolute paths: the backend resolves them from
// packages/backend, the frontend from packages/app.
const portal = spawn(
  process.execPath,
  [
    path.join(root, 'scripts', 'start.mjs'),
    '--config',
    path.join(root, 'app-config.yaml'),
    '--config',
    scratchConfig,
  ],
  { cwd: root, env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] },
);
portal.stdout.pipe(portalLog, { end: false });
portal.stderr.pipe(portalLog, { end: false });
let portalExit;
const portalExited = new Promise(resolve =>
  portal.once('exit', (code, signal) => {
    portalExit = signal ?? code;
    resolve();
  }),
);

const children = new Set();
let cleaningUp;
async function cleanup() {
  cleaningUp ??= (async () => {
    for (const child of children) child.kill('SIGTERM');
    if (portal.exitCode === null && portal.signalCode === null) {
      killGroup('SIGTERM');
      const gone = await Promise.race([
        portalExited.then(() => true),
        new Promise(r => setTimeout(() => r(false), 15_000)),
      ]);
      if (!gone) log('portal did not stop within 15 s; SIGKILL');
    }
    // the backend child may outlive the CLI for a moment: the whole group goes
    killGroup('SIGKILL');
    for (const port of [3000, 7007]) {
      for (let i = 0; i < 20 && (await portTaken(port)); i++) {
        await new Promise(r => setTimeout(r, 250));
      }
      if (await portTaken(port)) log(`warning: port ${port} still answers`);
    }
    portalLog.end();
    if (process.env.STOCKROOM_E2E_KEEP_DATA === '1') {
      log(`kept scratch data in ${scratch}`);
    } else {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  })();
  return cleaningUp;
}
function killGroup(signal) {
  try {
    process.kill(-portal.pid, signal);
  } catch {
    // the group is gone already
  }
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, async () => {
    log(`${signal}: stopping the portal`);
    await cleanup();
    process.exit(130);
  });
}

function tailOfPortalLog(lines = 60) {
  try {
    const text = fs.readFileSync(portalLogFile, 'utf8').trimEnd().split('\n');
    return text.slice(-lines).join('\n');
  } catch {
    return '(no portal log)';
  }
}

let failing = false;
async function fail(message) {
  if (failing) {
    // another step failed first: its report and exit stand
    console.error(`e2e: also: ${message}`);
    return new Promise(() => {});
  }
  failing = true;
  console.error(
    `\ne2e: ${message}\n--- last lines of ${path.relative(
      root,
      portalLogFile,
    )} ---\n${tailOfPortalLog()}\n---`,
  );
  await cleanup();
  printTimings();
  process.exit(1);
}

/** Resolves when `url` answers 2xx; rejects when the portal dies or time is up. */
async function waitForHttp(url, what, deadline) {
  for (;;) {
    if (portalExit !== undefined) {
      throw new Error(
        `the portal exited (${portalExit}) before ${what} answered`,
      );
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
      if (res.ok) return;
    } catch {
      // not up yet (or the dev server is still compiling)
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${what} did not answer at ${url} within ${secs(startTimeoutMs)}`,
      );
    }
    await new Promise(r => setTimeout(r, 1000));
  }
}

function run(command, args, options = {}) {
  return new Promise(resolve => {
    const child = spawn(command, args, { cwd: root, env, ...options });
    children.add(child);
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function printTimings() {
  console.log(`\ne2e timings (total ${secs()}):`);
  for (const [name, from, to] of timings) {
    console.log(
      `  ${name.padEnd(52)} ${secs(to - from).padStart(7)}   (${secs(
        from - t0,
      )} → ${secs(to - t0)})`,
    );
  }
}
const timings = [];

/** Runs `fn`, recording how long it took under `name`; a throw fails the run. */
async function step(name, fn) {
  const from = Date.now();
  try {
    const value = await fn();
    timings.push([name, from, Date.now()]);
    log(`${name}: done`);
    return value;
  } catch (e) {
    timings.push([`${name} (FAILED)`, from, Date.now()]);
    return fail(e.message);
  }
}

// ------------------------------------------------------------------ startup

const deadline = Date.now() + startTimeoutMs;
log('starting the portal (backstage-cli repo start) …');

function replay() {
  return new Promise((resolve, reject) => {
    const replayLog = fs.createWriteStream(path.join(outputDir, 'replay.log'));
    const child = spawn('yarn', ['demo:replay', '--url', BACKEND], {
      cwd: root,
      env,
    });
    children.add(child);
    const lines = chunk =>
      chunk
        .toString()
        .split('\n')
        .filter(Boolean)
        .forEach(line => {
          replayLog.write(`${line}\n`);
          if (/^replay|replayed|failed/.test(line)) {
            log(`[demo replay] ${line}`);
          }
        });
    child.stdout.on('data', lines);
    child.stderr.on('data', lines);
    const timer = setTimeout(
      () => reject(new Error('the demo replay did not finish in time')),
      Math.max(deadline - Date.now(), 0),
    );
    child.once('exit', code => {
      clearTimeout(timer);
      children.delete(child);
      replayLog.end();
      if (code === 0) resolve();
      else {
        reject(
          new Error(
            `the demo replay failed (exit ${code}; see e2e/output/replay.log)`,
          ),
        );
      }
    });
  });
}

// The frontend bundle builds while the backend starts; the replay needs only
// the backend (it waits for the catalog to list the examples itself), so it
// runs while the bundle may still be building.
const backendThenReplay = step('backend ready (7007)', () =>
  waitForHttp(
    `${BACKEND}/.backstage/health/v1/readiness`,
    'the backend',
    deadline,
  ),
).then(() => step('demo replay (yarn demo:replay)', replay));
const frontend = step('frontend ready (3000, first bundle served)', () =>
  waitForHttp(FRONTEND, 'the frontend', deadline),
);
await Promise.all([backendThenReplay, frontend]);

// -------------------------------------------------------------------- suite

log(`running ${testFiles.length} test files in Chromium (${chromium})`);
const suiteCode = await step('suite (node --test)', () =>
  run(
    process.execPath,
    [
      '--test',
      '--test-concurrency=1',
      '--test-reporter=tap',
      ...process.argv.slice(2),
      ...testFiles,
    ],
    {
      stdio: 'inherit',
      env: {
        ...env,
        STOCKROOM_E2E_BASE_URL: FRONTEND,
        STOCKROOM_E2E_BACKEND_URL: BACKEND,
        CHROMIUM_PATH: chromium,
      },
    },
  ),
);

await step('teardown (portal process group stopped)', cleanup);
if (suiteCode === 0 && process.env.STOCKROOM_E2E_DOCS_SCREENSHOT === '1') {
  refreshDocsScreenshots();
}
printTimings();
log(
  `suite ${
    suiteCode === 0 ? 'passed' : `failed (exit ${suiteCode})`
  }; screenshots in e2e/output/`,
);
process.exit(suiteCode);

/**
 * STOCKROOM_E2E_DOCS_SCREENSHOT=1: after a passing run, the README's and the
 * docs' pictures are replaced by this run's screenshots of the same views
 * (the inventory's is written by e2e/inventory-layout.test.mjs itself), so
 * they show the demo as it is today.
 */
function refreshDocsScreenshots() {
  const docs = path.join(path.dirname(e2eDir), 'docs', 'screenshots');
  const pictures = {
    'catalog-data-products-list': 'catalog-data-products',
    'catalog-data-products': 'data-product-page',
    'contract-tab': 'contract-tab',
    'scorecard-tab': 'scorecard-tab',
    'consumer-card': 'consumer-card',
    'template-review': 'template',
    'inventory-supply-chain-flags': 'inventory-supply-chain-flags',
    'supply-chain-scorecard': 'supply-chain-scorecard',
    'tier-at-risk-scorecard': 'tier-at-risk-scorecard',
    'contract-cost-options': 'contract-cost-options',
    'freshness-vs-cost-view': 'freshness-vs-cost',
  };
  for (const [shot, picture] of Object.entries(pictures)) {
    const from = path.join(outputDir, `${shot}.png`);
    if (fs.existsSync(from)) {
      fs.copyFileSync(from, path.join(docs, `${picture}.png`));
      log(`docs/screenshots/${picture}.png retaken`);
    }
  }
}
