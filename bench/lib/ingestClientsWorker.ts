/*
 * The benchmark's pipelines: OpenLineage HTTP clients in a worker thread, so
 * their work stays off the backend's event loop (as separate producer
 * processes would). Each client has its own keep-alive agent with one
 * socket, and sends as the OpenLineage HTTP transport does: a POST per
 * event (or per batch), `Authorization: Bearer <token>`, waiting for the
 * answer before the next. Only the status code is read.
 */
import http from 'node:http';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import {
  EventPlan,
  clientRuns,
  clientSchedule,
  runEvents,
} from './openLineageEvents';

export interface ClientsJob {
  /** The ingestion endpoint, e.g. http://127.0.0.1:7007/api/data-products/openlineage */
  url: string;
  token: string;
  /** `single`: one event per request, each client its own runs; `batched`: arrays from a shared queue. */
  mode: 'single' | 'batched';
  clients: number;
  plan: EventPlan;
  /** Events per request in `batched` mode (START and COMPLETE of batch/2 runs). */
  batch?: number;
  /**
   * `single` mode: start no new run after this many seconds (each client
   * completes its open run); `plan.runs` is then a cap.
   */
  seconds?: number;
}

export interface ClientsResult {
  requests: number;
  events: number;
  /** `single` mode: how many runs each client reported (its first n runs). */
  runsPerClient: number[];
  seconds: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** The first refusal, if any request was answered with a non-2xx status. */
  failure?: string;
}

function post(
  agent: http.Agent,
  url: URL,
  token: string,
  body: string,
): Promise<{ status: number; text?: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        method: 'POST',
        hostname: url.hostname,
        port: url.port,
        path: url.pathname,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      res => {
        const status = res.statusCode ?? 0;
        const ok = status >= 200 && status < 300;
        const chunks: Buffer[] = [];
        // the body is drained (so the socket is reused) but read only on a refusal
        res.on('data', chunk => {
          if (!ok) chunks.push(chunk);
        });
        res.on('end', () =>
          resolve({
            status,
            text: ok ? undefined : Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(
    sorted.length - 1,
    Math.max(0, Math.ceil((p / 100) * sorted.length) - 1),
  );
  return sorted[index];
}

export async function runClients(job: ClientsJob): Promise<ClientsResult> {
  const url = new URL(job.url);
  const { plan } = job;
  let failure: string | undefined;
  let requests = 0;
  let events = 0;

  // every client's request bodies, generated as the client goes
  const perClient: (() => IterableIterator<{
    body: string;
    events: number;
  }>)[] = [];
  const runsPerClient = new Array<number>(job.clients).fill(0);
  // an object, so the generators below read the deadline set after them
  const stop = { at: Infinity };
  const pastDeadline = () => Date.now() >= stop.at;
  if (job.mode === 'single') {
    for (let c = 0; c < job.clients; c++) {
      const runs = clientRuns(c, job.clients, plan.runs);
      perClient.push(function* single() {
        for (const [run, which] of clientSchedule(runs, pastDeadline)) {
          if (which === 0) runsPerClient[c]++;
          yield {
            body: JSON.stringify(runEvents(run, plan)[which]),
            events: 1,
          };
        }
      });
    }
  } else {
    const runsPerBody = Math.max(1, Math.floor((job.batch ?? 500) / 2));
    let next = 0; // shared queue of run ranges
    const shared = function* batched() {
      while (next < plan.runs) {
        const from = next;
        next = Math.min(plan.runs, next + runsPerBody);
        const body = [];
        for (let i = from; i < next; i++) body.push(...runEvents(i, plan));
        yield { body: JSON.stringify(body), events: body.length };
      }
    };
    for (let c = 0; c < job.clients; c++) perClient.push(shared);
  }

  const latencies = new Float64Array(
    job.mode === 'single' ? plan.runs * 2 : plan.runs,
  );
  const agents: http.Agent[] = [];
  const start = process.hrtime.bigint();
  if (job.seconds !== undefined) stop.at = Date.now() + job.seconds * 1000;
  await Promise.all(
    perClient.map(async bodies => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      agents.push(agent);
      for (const { body, events: n } of bodies()) {
        if (failure) return;
        const sent = process.hrtime.bigint();
        const res = await post(agent, url, job.token, body);
        latencies[requests] = Number(process.hrtime.bigint() - sent) / 1e6;
        requests++;
        if (res.status < 200 || res.status >= 300) {
          failure ??= `HTTP ${res.status}: ${(res.text ?? '').slice(0, 500)}`;
          return;
        }
        events += n;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  for (const agent of agents) agent.destroy();
  const sorted = latencies.slice(0, requests).sort();
  return {
    requests,
    events,
    runsPerClient,
    seconds,
    latencyMs: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.length ? sorted[sorted.length - 1] : 0,
    },
    failure,
  };
}

/** {@link runClients} in a worker thread of its own (execArgv, so the TS loader, inherited). */
export function runClientsInWorker(job: ClientsJob): Promise<ClientsResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: job });
    worker.once(
      'message',
      (message: { result?: ClientsResult; error?: string }) => {
        if (message.error) reject(new Error(message.error));
        else resolve(message.result!);
        void worker.terminate();
      },
    );
    worker.once('error', reject);
  });
}

if (parentPort && workerData) {
  runClients(workerData as ClientsJob).then(
    result => parentPort!.postMessage({ result }),
    error => parentPort!.postMessage({ error: String(error?.stack ?? error) }),
  );
}
