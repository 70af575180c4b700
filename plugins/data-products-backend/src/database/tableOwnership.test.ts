import fs from 'node:fs';
import path from 'node:path';

/**
 * Each table has one store that owns it (issue #16): only that store's
 * module names the table. Written by hand from the migrations; a new table
 * fails the first expectation until it is given an owner here.
 */
const OWNERS: Record<string, string[]> = {
  notifications_sent: ['KnexNotificationLogStore.ts'],
  delivery_attempts: ['KnexNotificationLogStore.ts'],
  contract_versions: ['KnexContractHistoryStore.ts'],
  drift_incidents: ['KnexContractHistoryStore.ts'],
  product_sightings: ['KnexProductSightingsStore.ts'],
  scorecard_snapshots: ['KnexScorecardSnapshotStore.ts'],
  history_marks: ['KnexHistoryMarkStore.ts'],
  inventory_products: ['KnexInventoryReadModel.ts'],
  inventory_sync: ['KnexInventoryReadModel.ts'],
  // written with the snapshots (KnexScorecardSnapshotStore), joined by
  // KnexInventoryReadModel, both through its constant
  latest_scores: ['latestScoresTable.ts'],
  // openLineageRuns.ts is KnexRunStore's OpenLineage half, pruneRuns.ts its
  // retention half, runMonths.ts and runPartitions.ts its month
  // partitions' helpers, each used only by it.
  runs: [
    'KnexRunStore.ts',
    'openLineageRuns.ts',
    'pruneRuns.ts',
    'runMonths.ts',
    'runPartitions.ts',
  ],
  run_events: ['openLineageRuns.ts', 'pruneRuns.ts'],
  observed_schemas: ['KnexRunStore.ts', 'openLineageRuns.ts', 'pruneRuns.ts'],
  quality_checks: ['KnexRunStore.ts', 'openLineageRuns.ts', 'pruneRuns.ts'],
  run_samples: ['openLineageRuns.ts', 'pruneRuns.ts'],
};

const MIGRATIONS = path.resolve(__dirname, '../../migrations');
const SOURCES = path.resolve(__dirname, '..');

function read(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

/** Every non-test TypeScript file under src. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name.startsWith('__') ? [] : sourceFiles(file);
    }
    return /(?<!\.test)\.ts$/.test(entry.name) ? [file] : [];
  });
}

describe('table ownership', () => {
  it('names an owner for every table the migrations create', () => {
    const created = fs
      .readdirSync(MIGRATIONS)
      .flatMap(name =>
        [
          ...read(path.join(MIGRATIONS, name)).matchAll(
            /createTable\('(\w+)'/g,
          ),
        ].map(match => match[1]),
      );
    expect(created.sort()).toEqual(Object.keys(OWNERS).sort());
  });

  it.each(Object.entries(OWNERS))(
    'leaves %s to its owner alone',
    (table, owners) => {
      // The table's name handed to knex (`db('runs')`) or kept in a
      // constant (`RUNS = 'runs'`); a field or a word named so is neither.
      const named = new RegExp(`(\\w\\(\\s*|\\w\\s*=\\s*)['\`]${table}['\` ]`);
      const users = sourceFiles(SOURCES)
        .filter(file => named.test(read(file)))
        .map(file => path.relative(SOURCES, file));
      expect(users.sort()).toEqual(
        owners.map(owner => path.join('database', owner)).sort(),
      );
    },
  );
});
