/*
 * What the demo pipelines "did" over the last 30 days, per example product:
 * most are healthy, one breaches its freshness SLA, one renamed a column.
 * Deterministic (seeded), so a replay produces the same runs and run ids and
 * a second replay is all duplicates.
 */
import { createHash } from 'node:crypto';
import {
  DataProductEntityV1alpha1,
  NormalizedContract,
  parseDuration,
} from '@stockroom/plugin-data-products-common';

export type Health = 'healthy' | 'breaching' | 'renamed-column';

/** Products that misbehave in the demo; everything else is healthy. */
export const SCENARIOS: Record<string, Health> = {
  'marketing-attribution': 'breaching',
  'support-interactions': 'renamed-column',
};

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** How often each freshness tier refreshes in the demo (kept modest). */
const CADENCE_MS: Record<string, number> = {
  streaming: 15 * 60_000,
  'micro-batch': HOUR,
  daily: DAY,
};

export interface DemoRun {
  runId: string;
  nominalEnd: Date;
  finishedAt: Date;
  failed: boolean;
  rowCount: number;
  nulls: Record<string, number>;
  distinct: Record<string, number>;
  schema: Array<{ name: string; type: string }>;
}

function prng(seedText: string) {
  let s = parseInt(
    createHash('sha1').update(seedText).digest('hex').slice(0, 8),
    16,
  );
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A UUID derived from the product and the run's slot on the cadence grid, so
 * replaying is idempotent and a later replay adds only the newer runs.
 */
export function runIdFor(product: string, slot: number): string {
  const h = createHash('sha1').update(`${product}#${slot}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(
    17,
    20,
  )}-${h.slice(20, 32)}`;
}

export function demoRuns(
  entity: DataProductEntityV1alpha1,
  contract: NormalizedContract,
  now: Date,
  days = 30,
): DemoRun[] {
  const name = entity.metadata.name;
  const health = SCENARIOS[name] ?? 'healthy';
  const p95 = parseDuration(contract.freshness?.p95 ?? '') ?? DAY;
  const p99 = parseDuration(contract.freshness?.p99 ?? '') ?? p95 * 2;
  const cadence = CADENCE_MS[contract.freshness?.tier ?? 'daily'] ?? DAY;
  const keyFields = contract.quality?.keyFields ?? [];
  const first = Math.ceil((now.getTime() - days * DAY) / cadence) * cadence;
  const runs: DemoRun[] = [];
  for (let t = first; t <= now.getTime(); t += cadence) {
    // each slot its own seed: the same run whenever it is replayed
    const rand = prng(`${name}@${t}`);
    const nominalEnd = new Date(t - cadence / 2);
    // healthy: comfortably inside P95; breaching: a third of runs past P99
    const late = health === 'breaching' && rand() < 0.33;
    const lag = late ? p99 * (1.1 + rand()) : p95 * (0.25 + rand() * 0.6);
    const failed = rand() < (health === 'breaching' ? 0.04 : 0.002);
    const rowCount = 50_000 + Math.floor(rand() * 5_000);
    const renamedSince = now.getTime() - 3 * DAY;
    const schema = contract.schema.map(field => ({
      name:
        health === 'renamed-column' &&
        t > renamedSince &&
        field.name === 'csat_score'
          ? 'csat'
          : field.name,
      type: field.type,
    }));
    runs.push({
      runId: runIdFor(name, t),
      nominalEnd,
      finishedAt: new Date(nominalEnd.getTime() + lag),
      failed,
      rowCount,
      nulls: Object.fromEntries(keyFields.map(f => [f, rand() < 0.05 ? 1 : 0])),
      distinct: Object.fromEntries(keyFields.map(f => [f, rowCount])),
      schema,
    });
  }
  // a run cannot finish in the future
  return runs.filter(run => run.finishedAt.getTime() <= now.getTime());
}
