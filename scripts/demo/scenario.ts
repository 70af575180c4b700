/*
 * What the demo pipelines "did" over the last 30 days, per example product:
 * most are healthy, one breaches its freshness SLA, one renamed a column,
 * one is volatile. Deterministic (seeded), so a replay produces the same
 * runs and run ids and a second replay is all duplicates.
 *
 * What makes a product show a flag is never left to chance: which runs are
 * late, spike or fail is fixed by the run's slot on the cadence grid (every
 * third, every fifth, …), so any 30 days of it — whatever day the demo
 * starts — hold the same pattern. Only magnitudes are random, within bounds
 * that keep each flag (see examples/README.md, "Supply chain and costs").
 */
import { createHash } from 'node:crypto';
import {
  DataProductEntityV1alpha1,
  NormalizedContract,
  parseDuration,
} from '@stockroom/plugin-data-products-common';

export type Health = 'healthy' | 'breaching' | 'renamed-column' | 'volatile';

/** Products that misbehave in the demo; everything else is healthy. */
export const SCENARIOS: Record<string, Health> = {
  'marketing-attribution': 'breaching',
  'support-interactions': 'renamed-column',
  'growth-weekly-cohorts': 'volatile',
};

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** The scoring window the flags are judged over (dataproduct-spec.md). */
const WINDOW = 30 * DAY;

/** How often each freshness tier refreshes in the demo (kept modest). */
const CADENCE_MS: Record<string, number> = {
  streaming: 15 * 60_000,
  'micro-batch': HOUR,
  daily: DAY,
};

/** Breaching: every third run lands past the P99. */
export const BREACHING_LATE_EVERY = 3;
/** Volatile: every fifth run spikes (a backlog upstream, a slow rebuild). */
export const VOLATILE_SPIKE_EVERY = 5;
/**
 * Healthy pipelines fail once in this many runs, on a fixed slot — and only
 * where a 30-day window holds at least this many runs: a daily pipeline
 * (30 runs, a P99 error budget of ⌊0.01·30⌋ = 0) would otherwise show an
 * exhausted budget on some days and not others.
 */
export const HEALTHY_FAILURE_EVERY = 500;
/** A volatile job is scheduled this long after its data closes. */
const VOLATILE_QUEUE_MS = 5 * 60_000;

export interface DemoRun {
  runId: string;
  nominalEnd: Date;
  /** The START event: what the run absorbed upstream is bounded by it. */
  startedAt: Date;
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

/** The demo's refresh interval of a contract's freshness tier. */
export function cadenceOf(contract: NormalizedContract): number {
  return CADENCE_MS[contract.freshness?.tier ?? 'daily'] ?? DAY;
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
  const cadence = cadenceOf(contract);
  const healthyCanFail = WINDOW / cadence >= HEALTHY_FAILURE_EVERY;
  const keyFields = contract.quality?.keyFields ?? [];
  const first = Math.ceil((now.getTime() - days * DAY) / cadence) * cadence;
  const runs: DemoRun[] = [];
  for (let t = first; t <= now.getTime(); t += cadence) {
    // each slot its own seed: the same run whenever it is replayed
    const rand = prng(`${name}@${t}`);
    // the slot's place on the grid, the same whatever day the demo starts
    const slot = Math.round(t / cadence);
    const nominalEnd = new Date(t - cadence / 2);
    const spread = rand();
    let lag: number;
    let startedAt: (finishedAt: number) => number = finishedAt =>
      finishedAt - 60_000;
    if (health === 'breaching' && slot % BREACHING_LATE_EVERY === 0) {
      lag = p99 * (1.1 + spread); // late: past the P99
    } else if (health === 'volatile') {
      // mostly a small fraction of the P95, sometimes many times that —
      // the whole rebuild takes that long, so its lead time grows with it
      lag =
        slot % VOLATILE_SPIKE_EVERY === 0
          ? p95 * (0.45 + spread * 0.2)
          : p95 * (0.04 + spread * 0.08);
      startedAt = finishedAt =>
        Math.min(nominalEnd.getTime() + VOLATILE_QUEUE_MS, finishedAt - 60_000);
    } else {
      lag = p95 * (0.25 + spread * 0.6); // comfortably inside the P95
    }
    const failRoll = rand();
    const failed =
      health === 'breaching'
        ? failRoll < 0.04
        : healthyCanFail &&
          slot % HEALTHY_FAILURE_EVERY === HEALTHY_FAILURE_EVERY - 1;
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
    const finishedAt = nominalEnd.getTime() + lag;
    runs.push({
      runId: runIdFor(name, t),
      nominalEnd,
      startedAt: new Date(startedAt(finishedAt)),
      finishedAt: new Date(finishedAt),
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
