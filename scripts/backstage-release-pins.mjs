#!/usr/bin/env node
// Computes the version of every @backstage/* package in node_modules that belongs
// to one Backstage release, and rewrites the root package.json "resolutions" so
// transitive dependencies cannot drift onto the next release.
//
// Why: `backstage-cli versions:bump` needs the release manifest service, which is
// unreachable from our machines. A release's packages are published together, so
// "the newest version published before the next release's cut" is the manifest.
//
//   node scripts/backstage-release-pins.mjs --cutoff 2026-11-17   # 1.55.x
//
// Re-run `yarn install` afterwards. To move to a newer release, raise the cutoff
// to the day the release after it was cut, and update backstage.json.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';

const run = promisify(execFile);
const cutoffArg = process.argv.indexOf('--cutoff');
if (cutoffArg < 0) {
  console.error('usage: backstage-release-pins.mjs --cutoff YYYY-MM-DD');
  process.exit(2);
}
const cutoff = new Date(`${process.argv[cutoffArg + 1]}T00:00:00Z`);

function installedBackstagePackages() {
  const names = new Set();
  const visit = dir => {
    const scope = path.join(dir, 'node_modules', '@backstage');
    if (!fs.existsSync(scope)) return;
    for (const name of fs.readdirSync(scope)) {
      names.add(`@backstage/${name}`);
      visit(path.join(scope, name));
    }
  };
  visit('.');
  for (const ws of ['packages', 'plugins']) {
    for (const name of fs.readdirSync(ws)) visit(path.join(ws, name));
  }
  return [...names].sort();
}

const compare = (a, b) => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
};

async function releaseVersion(name) {
  const { stdout } = await run('npm', ['view', name, 'time', '--json']);
  const stable = Object.entries(JSON.parse(stdout))
    .filter(([v, at]) => /^\d+\.\d+\.\d+$/.test(v) && new Date(at) < cutoff)
    .map(([v]) => v)
    .sort(compare);
  return stable.at(-1);
}

const names = installedBackstagePackages();
const pins = {};
for (let i = 0; i < names.length; i += 8) {
  const batch = names.slice(i, i + 8);
  const versions = await Promise.all(batch.map(releaseVersion));
  batch.forEach((name, j) => {
    if (versions[j]) pins[name] = versions[j];
    else
      console.warn(
        `${name}: not part of this release (newer package), left unpinned`,
      );
  });
}
const rootPath = 'package.json';
const root = JSON.parse(fs.readFileSync(rootPath, 'utf8'));
const others = Object.fromEntries(
  Object.entries(root.resolutions ?? {}).filter(
    ([k]) => !k.startsWith('@backstage/'),
  ),
);
root.resolutions = { ...others, ...pins };
fs.writeFileSync(rootPath, `${JSON.stringify(root, null, 2)}\n`);
console.log(`pinned ${Object.keys(pins).length} @backstage packages`);
