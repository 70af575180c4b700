#!/usr/bin/env node
// `yarn test`: the whole test suite, once (never watch mode): every
// package's Jest tests, then the end-to-end suite in Chromium (scripts/e2e.mjs;
// it starts its own portal on a scratch database), then the replicas test
// (scripts/replicas: three backends behind HAProxy on PostgreSQL and Redis,
// one killed mid-stream; about 3 minutes). Arguments (paths, patterns)
// narrow the Jest run and skip the end-to-end and replicas tests.
//
// Store tests use Backstage's TestDatabases, which runs them on SQLite and, when
// BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set, on PostgreSQL 15
// too. When it is not set and a PostgreSQL answers on 127.0.0.1:5432 (as on our
// dev machines and CI), we point TestDatabases at it, so a plain `yarn test`
// covers both databases. Set STOCKROOM_TEST_SQLITE_ONLY=1 to skip PostgreSQL.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { portAnswers } from './portAnswers.mjs';

const PG_VAR = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';
const LOCAL_PG = 'postgresql://postgres@127.0.0.1:5432';

const env = { ...process.env };
if (!env[PG_VAR] && !env.STOCKROOM_TEST_SQLITE_ONLY) {
  if (await portAnswers('127.0.0.1', 5432)) env[PG_VAR] = LOCAL_PG;
}
console.log(
  env[PG_VAR]
    ? `store tests: SQLite and PostgreSQL 15 (${env[PG_VAR].replace(
        /\/\/[^@]*@/,
        '//…@',
      )})`
    : 'store tests: SQLite only (no PostgreSQL found; set ' + PG_VAR + ')',
);

// Jest's JSON summary goes to a file so we can end with one plain closing line
// ("N passed, N failed, N skipped") that any CI can read.
const summaryDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockroom-test-'));
const summaryFile = path.join(summaryDir, 'summary.json');
const e2eReport = path.join(summaryDir, 'e2e.xml');

function run(command, args) {
  return new Promise(resolve => {
    const child = spawn(command, args, {
      stdio: 'inherit',
      env,
      shell: process.platform === 'win32',
    });
    child.on('exit', code => resolve(code ?? 1));
  });
}

function jestCounts() {
  try {
    const summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8'));
    return {
      passed: summary.numPassedTests,
      failed: summary.numFailedTests,
      skipped: summary.numPendingTests + summary.numTodoTests,
    };
  } catch {
    return undefined;
  }
}

/** Counts from node:test's JUnit report of the e2e suite. */
function e2eCounts() {
  try {
    const xml = fs.readFileSync(e2eReport, 'utf8');
    const cases =
      xml.match(/<testcase\b[^>]*?(\/>|>[\s\S]*?<\/testcase>)/g) ?? [];
    const failed = cases.filter(c => /<failure\b/.test(c)).length;
    const skipped = cases.filter(c => /<skipped\b/.test(c)).length;
    return { passed: cases.length - failed - skipped, failed, skipped };
  } catch {
    return undefined;
  }
}

// The end-to-end suite needs Chromium. STOCKROOM_E2E=required (CI) fails
// without it, =0 skips it; by default it runs when Chromium is installed.
const chromium = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const e2eMode = env.STOCKROOM_E2E ?? 'auto';
const runE2e =
  e2eMode === 'required' || (e2eMode !== '0' && fs.existsSync(chromium));

const unitCode = await run('backstage-cli', [
  'repo',
  'test',
  '--watchAll=false',
  '--json',
  `--outputFile=${summaryFile}`,
  ...process.argv.slice(2),
]);
const unit = jestCounts();

let e2eCode = 0;
let e2e;
if (runE2e && process.argv.length <= 2) {
  console.log('\n=== end-to-end tests in Chromium (yarn test:e2e)');
  e2eCode = await run(process.execPath, [
    'scripts/e2e.mjs',
    '--test-reporter-destination=stdout',
    '--test-reporter=junit',
    `--test-reporter-destination=${e2eReport}`,
  ]);
  e2e = e2eCounts();
} else if (process.argv.length <= 2) {
  console.log(
    `\nend-to-end tests skipped: no Chromium at ${chromium} ` +
      '(apt-get install chromium, or set CHROMIUM_PATH; STOCKROOM_E2E=0 hides this)',
  );
}

// The replicas test needs PostgreSQL and Redis (and installs HAProxy when
// missing, as root). STOCKROOM_REPLICAS=required (CI) fails without them, =0
// skips it; by default it runs when both answer. It counts as one test.
const replicasMode = env.STOCKROOM_REPLICAS ?? 'auto';
let replicasCode = 0;
let replicas;
if (process.argv.length <= 2 && replicasMode !== '0') {
  const services =
    Boolean(env[PG_VAR]) && (await portAnswers('127.0.0.1', 6379));
  if (services || replicasMode === 'required') {
    console.log('\n=== replicas test (yarn test:replicas)');
    replicasCode = await run(process.execPath, ['scripts/replicas/run.mjs']);
    replicas = {
      passed: replicasCode === 0 ? 1 : 0,
      failed: replicasCode === 0 ? 0 : 1,
      skipped: 0,
    };
  } else {
    console.log(
      '\nreplicas test skipped: it needs PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379 (STOCKROOM_REPLICAS=0 hides this)',
    );
  }
}

const total = { passed: 0, failed: 0, skipped: 0 };
for (const counts of [unit, e2e, replicas]) {
  if (!counts) continue;
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
}
if (!unit) console.log('\n(no unit test summary was written)');
if (runE2e && !e2e && process.argv.length <= 2) {
  console.log('(no end-to-end summary was written)');
}
fs.rmSync(summaryDir, { recursive: true, force: true });
console.log(
  `\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`,
);
process.exit(unitCode || e2eCode || replicasCode);
