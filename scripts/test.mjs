#!/usr/bin/env node
// `yarn test`: the whole test suite, once (never watch mode).
//
// Store tests use Backstage's TestDatabases, which runs them on SQLite and, when
// BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set, on PostgreSQL 15
// too. When it is not set and a PostgreSQL answers on 127.0.0.1:5432 (as on our
// dev machines and CI), we point TestDatabases at it, so a plain `yarn test`
// covers both databases. Set STOCKROOM_TEST_SQLITE_ONLY=1 to skip PostgreSQL.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const PG_VAR = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';
const LOCAL_PG = 'postgresql://postgres@127.0.0.1:5432';

function answers(host, port) {
  return new Promise(resolve => {
    const socket = net.connect({ host, port, timeout: 1000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

const env = { ...process.env };
if (!env[PG_VAR] && !env.STOCKROOM_TEST_SQLITE_ONLY) {
  if (await answers('127.0.0.1', 5432)) env[PG_VAR] = LOCAL_PG;
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
const child = spawn(
  'backstage-cli',
  [
    'repo',
    'test',
    '--watchAll=false',
    '--json',
    `--outputFile=${summaryFile}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env, shell: process.platform === 'win32' },
);
child.on('exit', code => {
  try {
    const summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8'));
    const skipped = summary.numPendingTests + summary.numTodoTests;
    console.log(
      `\n${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${skipped} skipped`,
    );
  } catch {
    console.log('\n(no test summary was written)');
  }
  fs.rmSync(summaryDir, { recursive: true, force: true });
  process.exit(code ?? 1);
});
