#!/usr/bin/env node
// `yarn start`: the demo portal (backstage-cli repo start), and — once the
// backend answers — a replay of the example pipelines' OpenLineage events
// through the real ingestion endpoint, so scorecards are alive on first
// visit. Replays are idempotent. STOCKROOM_DEMO_REPLAY=0 skips it.
import { spawn } from 'node:child_process';

const portal = spawn(
  'backstage-cli',
  ['repo', 'start', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  },
);
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
