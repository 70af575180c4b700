/*
 * "Each scheduled task ran once per period", from two independent sources:
 *
 * - the scheduler's row of each task (`backstage_backend_tasks__tasks` in
 *   the plugin's schema), polled every 250 ms: each release of a run writes
 *   a new `last_run_ended_at`, so the distinct values are the runs the
 *   cluster's scheduler granted, one claim at a time; and while no run
 *   holds the task, `now() - next_run_start_at` is how long a due period
 *   has gone unclaimed (a missed period if longer than the 5 s the workers
 *   take to look, plus slack for a loaded 2-core machine);
 * - the replicas' logs: every one of the plugin's jobs logs one summary line
 *   per run (at debug when idle; the replicas log data-products at debug),
 *   so the lines of all replicas are every run actually made, wherever.
 *
 * More log runs than granted runs means work ran twice for a period (or
 * outside the scheduler). Log lines mark a run's end, not its start, so
 * their spacing says nothing by itself: a slow run and a quick one after it
 * end close together yet lie in two periods.
 */
import { Knex } from 'knex';
import { LogLine } from './logs';

/** The first words of each job's summary line (src/jobs/*.ts). */
export const RUN_LINE_PREFIX: Record<string, string> = {
  'data-products-rescore': 'Rescoring new runs:',
  'data-products-inventory-sync': 'Inventory sync (',
  'data-products-lifecycle-notifications': 'Lifecycle notices:',
  'data-products-scoring': 'Scorecards:',
  'data-products-alerts': 'Alerts:',
  'data-products-history': 'History:',
  'data-products-contract-history': 'Contract history:',
  'data-products-runs-retention': 'Runs retention:',
  'data-products-product-sightings': 'Product sightings:',
};

/** The workers look for due work every 5 s. */
const CHECK_S = 5;

interface TaskState {
  releases: Set<string>;
  /** Longest a due period went unclaimed, and when. */
  maxOverdueS: number;
  overdueAt?: string;
  /** Longest run seen (claimed at, seconds). */
  longestRunS: number;
  lastTicket?: string;
}

export class SchedulerWatch {
  private readonly state = new Map<string, TaskState>();
  private timer?: NodeJS.Timeout;
  private busy = false;

  constructor(private readonly db: Knex) {}

  start() {
    this.timer = setInterval(() => this.poll(), 250);
  }

  stop() {
    clearInterval(this.timer);
  }

  private async poll() {
    if (this.busy) return;
    this.busy = true;
    try {
      const { rows } = await this.db.raw(
        `SELECT id, current_run_ticket, last_run_ended_at,
                extract(epoch from now() - next_run_start_at) AS overdue_s,
                extract(epoch from now() - current_run_started_at) AS running_s
           FROM "data-products".backstage_backend_tasks__tasks`,
      );
      for (const r of rows) {
        const s: TaskState = this.state.get(r.id) ?? {
          releases: new Set(),
          maxOverdueS: 0,
          longestRunS: 0,
        };
        this.state.set(r.id, s);
        if (r.last_run_ended_at)
          s.releases.add(new Date(r.last_run_ended_at).toISOString());
        if (r.current_run_ticket) {
          s.longestRunS = Math.max(s.longestRunS, Number(r.running_s));
        } else if (s.releases.size > 0 && Number(r.overdue_s) > s.maxOverdueS) {
          // judged from the first run on: the first waits out initialDelay
          s.maxOverdueS = Number(r.overdue_s);
          s.overdueAt = new Date().toISOString();
        }
      }
    } catch {
      // a poll lost to load is made up by the next
    } finally {
      this.busy = false;
    }
  }

  tasks() {
    return this.state;
  }
}

export interface TaskVerdict {
  task: string;
  frequencyS: number;
  /** Runs the scheduler granted (releases seen in its table). */
  granted: number;
  /** Runs the replicas logged. */
  logged: number;
  byReplica: Record<string, number>;
  maxOverdueS: number;
  longestRunS: number;
  problems: string[];
}

export function checkTaskRuns(options: {
  lines: LogLine[];
  watch: SchedulerWatch;
  frequencies: Record<string, number>;
}): TaskVerdict[] {
  const verdicts: TaskVerdict[] = [];
  const states = options.watch.tasks();
  for (const [task, prefix] of Object.entries(RUN_LINE_PREFIX)) {
    const f = options.frequencies[task];
    const runs = options.lines.filter(
      l => l.plugin === 'data-products' && l.message.startsWith(prefix),
    );
    const byReplica: Record<string, number> = {};
    for (const r of runs) {
      const key = `${r.replica}${r.life > 0 ? `#${r.life + 1}` : ''}`;
      byReplica[key] = (byReplica[key] ?? 0) + 1;
    }
    const s = states.get(task);
    const granted = s?.releases.size ?? 0;
    const problems: string[] = [];
    if (!s) problems.push('not in the scheduler table');
    if (runs.length === 0)
      problems.push('no run logged (did its summary line change?)');
    // A run cut by the kill is granted but never logs nor releases; every
    // logged run is released right after its line, so logged ≤ granted.
    if (runs.length > granted) {
      problems.push(
        `${runs.length} runs logged but ${granted} granted by the scheduler: work ran more than once for a period`,
      );
    }
    if (runs.length < granted - 1) {
      problems.push(`${granted} runs granted but only ${runs.length} logged`);
    }
    // due for a whole period more (and the workers' look) with no claim
    if (s && s.maxOverdueS > f + CHECK_S) {
      problems.push(
        `a period went unclaimed for ${s.maxOverdueS.toFixed(
          1,
        )} s past its start (around ${s.overdueAt}; period ${f} s)`,
      );
    }
    verdicts.push({
      task,
      frequencyS: f,
      granted,
      logged: runs.length,
      byReplica,
      maxOverdueS: s?.maxOverdueS ?? 0,
      longestRunS: s?.longestRunS ?? 0,
      problems,
    });
  }
  return verdicts;
}
