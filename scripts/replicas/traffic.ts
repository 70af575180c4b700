/*
 * Traffic through the balancer: pipelines posting OpenLineage events (one
 * event per request, as the OpenLineage HTTP transport sends them) and
 * readers of the inventory. Pipelines retry what was not acknowledged, as
 * OpenLineage clients configured with retries do; what counts for the test
 * is which events were acknowledged (a 2xx).
 */
import {
  clientRuns,
  clientSchedule,
  runEvents,
  runFacts,
} from '../../bench/lib/openLineageEvents';

/**
 * The bench's events finish days ago (they are spread over a week). Pipelines
 * streaming now report runs finishing now: every time in a run's events is
 * moved by one amount, so its COMPLETE is dated when its START is sent.
 * `backdated` keeps the bench's times (see REPLICAS_BACKDATED in main.ts).
 */
function shiftTimes<T>(value: T, shiftMs: number): T {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    return new Date(Date.parse(value) + shiftMs).toISOString() as T;
  }
  if (Array.isArray(value)) return value.map(v => shiftTimes(v, shiftMs)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, shiftTimes(v, shiftMs)]),
    ) as T;
  }
  return value;
}

export interface SentEvent {
  runId: string;
  eventType: 'START' | 'COMPLETE';
  /** Attempts made; the last one got `status` (0: no response). */
  attempts: number;
  status: number;
  acked: boolean;
  /** The plugin's verdict on the last attempt: accepted, updated, duplicate… */
  outcome?: string;
}

export interface TrafficFigures {
  events: SentEvent[];
  reads: { ok: number; failed: number; statuses: Record<string, number> };
  attemptsFailed: number;
}

const MAX_ATTEMPTS = 6;

async function post(url: string, token: string, body: object) {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    return { status: res.status, text };
  } catch (e) {
    return { status: 0, text: String(e) };
  }
}

/** The plugin's per-event verdict, whatever the reply's exact shape. */
function outcomeOf(text: string): string | undefined {
  const match = /"(accepted|updated|duplicate|ignored|rejected)"/.exec(text);
  return match?.[1];
}

export async function runTraffic(options: {
  balancerUrl: string;
  pipelineToken: string;
  readerToken: string;
  products: number;
  /** Concurrent pipelines. */
  clients: number;
  /** Events per second, all pipelines together (at most). */
  eventsPerSecond: number;
  durationMs: number;
  readIntervalMs: number;
  /** Keep the bench's event times, days in the past. */
  backdated?: boolean;
  /** Called once, `atMs` after the start. */
  midway?: { atMs: number; action: () => Promise<void> };
}): Promise<TrafficFigures> {
  const endpoint = `${options.balancerUrl}/api/data-products/openlineage`;
  const started = Date.now();
  const stopAt = started + options.durationMs;
  const events: SentEvent[] = [];
  let attemptsFailed = 0;
  const plan = {
    products: options.products,
    runs: 100_000,
    now: started,
  };
  const shifts = new Map<number, number>();
  const perClientGapMs = (1000 * options.clients) / options.eventsPerSecond;

  const pipeline = async (c: number) => {
    const runs = clientRuns(c, options.clients, plan.runs);
    for (const [run, which] of clientSchedule(
      runs,
      () => Date.now() > stopAt,
    )) {
      const t0 = Date.now();
      if (!shifts.has(run)) {
        shifts.set(
          run,
          options.backdated
            ? 0
            : Date.now() - runFacts(run, plan).finishedAt.getTime(),
        );
      }
      const shift = shifts.get(run) ?? 0;
      if (which === 1) shifts.delete(run);
      const event = shiftTimes(runEvents(run, plan)[which], shift) as {
        run: { runId: string };
        eventType: 'START' | 'COMPLETE';
      };
      const sent: SentEvent = {
        runId: event.run.runId,
        eventType: event.eventType,
        attempts: 0,
        status: 0,
        acked: false,
      };
      events.push(sent);
      while (sent.attempts < MAX_ATTEMPTS) {
        sent.attempts++;
        const { status, text } = await post(
          endpoint,
          options.pipelineToken,
          event,
        );
        sent.status = status;
        if (status >= 200 && status < 300) {
          sent.acked = true;
          sent.outcome = outcomeOf(text);
          break;
        }
        attemptsFailed++;
        console.log(
          `  event ${sent.runId} ${sent.eventType} attempt ${
            sent.attempts
          }: ${status} ${text.slice(0, 160)}`,
        );
        await new Promise(r => setTimeout(r, 500 * sent.attempts));
      }
      const wait = perClientGapMs - (Date.now() - t0);
      if (wait > 0) await new Promise(r => setTimeout(r, wait));
    }
  };

  const reads = { ok: 0, failed: 0, statuses: {} as Record<string, number> };
  const reader = async () => {
    while (Date.now() < stopAt) {
      let status = 0;
      try {
        const res = await fetch(
          `${options.balancerUrl}/api/data-products/products`,
          {
            headers: { authorization: `Bearer ${options.readerToken}` },
            signal: AbortSignal.timeout(30_000),
          },
        );
        await res.arrayBuffer();
        status = res.status;
      } catch {
        status = 0;
      }
      reads.statuses[status] = (reads.statuses[status] ?? 0) + 1;
      if (status >= 200 && status < 300) reads.ok++;
      else reads.failed++;
      await new Promise(r => setTimeout(r, options.readIntervalMs));
    }
  };

  const midway = options.midway
    ? (async () => {
        await new Promise(r => setTimeout(r, options.midway!.atMs));
        await options.midway!.action();
      })()
    : Promise.resolve();

  await Promise.all([
    ...Array.from({ length: options.clients }, (_, c) => pipeline(c)),
    reader(),
    midway,
  ]);
  return { events, reads, attemptsFailed };
}
