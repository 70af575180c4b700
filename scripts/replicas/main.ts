/*
 * `yarn test:replicas` (issue #15, "Replicas"): three backend replicas, each
 * its own OS process, on one scratch PostgreSQL database and the machine's
 * Redis, behind HAProxy. OpenLineage events and inventory reads stream
 * through the balancer while one replica is SIGKILLed and restarted; then
 * the test checks what the cluster stored, ran and sent, and the logs.
 * Exits 1 on any failed check, 2 if the cluster could not be set up.
 */
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import { writeCatalog } from './catalog';
import {
  TASK_FREQUENCY_SECONDS,
  writeReplicaConfig,
  writeSharedConfig,
} from './config';
import { startHaproxy, Balancer } from './haproxy';
import { isError, LogLine, readLog } from './logs';
import { Replica } from './replicas';
import {
  checkEvents,
  checkNotifications,
  heldLocks,
  tasksRunning,
} from './storedChecks';
import { checkTaskRuns, SchedulerWatch } from './taskRuns';
import { runTraffic } from './traffic';

const PG = 'postgresql://postgres@127.0.0.1:5432';
/** Synthetic products the events are about (besides the examples'). */
const PRODUCTS = 40;
/** How long events stream, and when in it the replica is killed. */
const STREAM_MS = Number(process.env.REPLICAS_STREAM_SECONDS ?? 120) * 1000;
const KILL_AT_MS = Math.min(60_000, STREAM_MS / 2);
/** The replica killed, and how long it stays down. */
const VICTIM = 1;
const DOWN_MS = 5_000;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

const token = () => crypto.randomBytes(24).toString('base64url');
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const log = (message: string) =>
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

async function catalogReady(url: string, harness: string, n: number) {
  const deadline = Date.now() + 240_000;
  let seen = 0;
  while (Date.now() < deadline) {
    const res = await fetch(
      `${url}/api/catalog/entities/by-query?filter=kind=dataproduct,metadata.tags=synthetic&limit=1`,
      { headers: { authorization: `Bearer ${harness}` } },
    ).catch(() => undefined);
    if (res?.ok) {
      seen = ((await res.json()) as { totalItems: number }).totalItems;
      if (seen >= n) return;
    }
    await sleep(1000);
  }
  throw new Error(
    `the catalog served ${seen} of ${n} synthetic DataProducts in time`,
  );
}

async function main() {
  const wallStart = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockroom-replicas-'));
  const database = `stockroom_replicas_${process.pid}`;
  const redisNamespace = `stockroom-replicas-${process.pid}`;
  const admin = knexFactory({
    client: 'pg',
    connection: PG,
    pool: { min: 0, max: 1 },
  });
  await admin.raw('DROP DATABASE IF EXISTS ??', [database]);
  await admin.raw('CREATE DATABASE ??', [database]);
  const db = knexFactory({
    client: 'pg',
    connection: `${PG}/${database}`,
    pool: { min: 0, max: 2 },
  });
  const replicas: Replica[] = [];
  let balancer: Balancer | undefined;
  let failed = false;
  let setUp = false;
  try {
    const tokens = { pipeline: token(), reader: token(), harness: token() };
    const balancerPort = await freePort();
    const balancerUrl = `http://127.0.0.1:${balancerPort}`;
    const shared = writeSharedConfig({
      dir,
      balancerUrl,
      database,
      redisNamespace,
      catalogTargets: writeCatalog(dir, PRODUCTS),
      tokens,
    });
    for (const name of ['r1', 'r2', 'r3']) {
      const port = await freePort();
      replicas.push(
        new Replica(
          name,
          port,
          [shared, writeReplicaConfig(dir, name, port)],
          path.join(dir, `${name}.log`),
        ),
      );
    }
    log(
      `scratch database ${database}, Redis namespace ${redisNamespace}, files in ${dir}`,
    );
    // One first, then the other two at once. Three at once on an empty
    // database fail: the catalog's own knex migrations race to create
    // knex_migrations ("duplicate key value violates unique constraint
    // pg_type_typname_nsp_index"; Backstage's, not Stockroom's, whose
    // migrations take an advisory lock). docs/operations.md says so: the
    // first deployment starts one replica, then scales.
    replicas[0].start();
    await replicas[0].ready(300_000);
    replicas.slice(1).forEach(r => r.start());
    await Promise.all(replicas.slice(1).map(r => r.ready(300_000)));
    log(
      `3 replicas ready (${replicas
        .map(r => `${r.name} :${r.port} pid ${r.pid}`)
        .join(', ')})`,
    );
    const watch = new SchedulerWatch(db);
    watch.start();
    balancer = await startHaproxy({
      dir,
      port: balancerPort,
      statsPort: await freePort(),
      servers: replicas.map(r => ({ name: r.name, port: r.port })),
      logFile: path.join(dir, 'haproxy.log'),
    });
    log(`HAProxy on ${balancerUrl}`);
    await catalogReady(balancerUrl, tokens.harness, PRODUCTS);
    log(
      `catalog serves the ${PRODUCTS} synthetic products; streaming for ${
        STREAM_MS / 1000
      } s`,
    );
    setUp = true;

    const victim = replicas[VICTIM];
    let restarted: Promise<void> = Promise.resolve();
    const traffic = await runTraffic({
      balancerUrl,
      pipelineToken: tokens.pipeline,
      readerToken: tokens.reader,
      products: PRODUCTS,
      clients: 4,
      eventsPerSecond: 20,
      durationMs: STREAM_MS,
      readIntervalMs: 250,
      // REPLICAS_BACKDATED=1: the bench's week-old runs, which make the
      // history task extend episodes (see docs/operations.md#replicas)
      backdated: Boolean(process.env.REPLICAS_BACKDATED),
      midway: {
        atMs: KILL_AT_MS,
        action: async () => {
          // Not while a task runs, if it can be helped: a replica killed
          // mid-task holds that task's lock until its timeout (see the lock
          // check), which is Backstage's design, not what this test is about.
          for (let i = 0; i < 20 && (await tasksRunning(db)).length; i++)
            await sleep(100);
          log(
            `SIGKILL ${victim.name} (pid ${victim.pid}); running tasks: ${
              (await tasksRunning(db)).join(', ') || 'none'
            }`,
          );
          victim.kill();
          await sleep(DOWN_MS);
          log(`restarting ${victim.name}`);
          victim.start();
          restarted = victim
            .ready(300_000)
            .then(() => log(`${victim.name} ready again`));
        },
      },
    });
    log(
      `stream done: ${traffic.events.length} events, ${
        traffic.reads.ok + traffic.reads.failed
      } reads`,
    );
    await restarted;
    // let every task's period elapse once more with all three up
    const settleS =
      Math.max(...Object.values(TASK_FREQUENCY_SECONDS).filter(f => f < 600)) +
      10;
    log(`settling ${settleS} s`);
    await sleep(settleS * 1000);
    const redisClients = countRedisClients();
    const until = new Date();
    watch.stop();
    const served = await balancer.served();
    const locks = await heldLocks(db, victim.killedAt);

    // shutdown is not under test: lines logged after `until` are not judged
    await Promise.all(replicas.map(r => r.stop()));
    const lines: LogLine[] = replicas.flatMap(r => readLog(r.name, r.logFile));
    const judged = lines.filter(l => !l.time || l.time <= until);
    const events = await checkEvents(db, traffic.events);
    const notifications = await checkNotifications(db);
    const tasks = checkTaskRuns({
      lines: judged,
      watch,
      frequencies: TASK_FREQUENCY_SECONDS,
    });
    // The killed life's own lines end at the kill; none is caused by it.
    // A survivor talks to the dead replica only through HAProxy (internal
    // calls go to its own port), so no error line is excused.
    const errors = judged.filter(isError);
    const warnings = judged.filter(l => l.level === 'warn');
    const redisKeys = countRedisKeys(redisNamespace);

    // ---- summary
    console.log('\n==== yarn test:replicas summary');
    console.log(
      `wall time so far: ${((Date.now() - wallStart) / 1000).toFixed(0)} s`,
    );
    console.log(
      `events: ${events.sent} sent, ${events.acked} acknowledged, ${
        events.notAcked
      } never acknowledged, ${events.stored} stored (run_events), ${
        events.duplicated.length
      } stored twice, ${
        events.ackedMissing.length
      } acknowledged but missing; retried attempts ${
        traffic.attemptsFailed
      }; outcomes ${JSON.stringify(events.outcomes)}`,
    );
    console.log(
      `inventory reads: ${traffic.reads.ok} ok, ${
        traffic.reads.failed
      } failed ${JSON.stringify(traffic.reads.statuses)}`,
    );
    console.log(`HAProxy responses per replica: ${JSON.stringify(served)}`);
    console.log(
      `Redis: ${redisKeys} keys under ${redisNamespace}, ${redisClients} clients connected at the end`,
    );
    console.log(
      `kill: ${
        victim.name
      } at ${victim.killedAt?.toISOString()}, restarted ${victim.starts[1]?.toISOString()}`,
    );
    console.log(
      'task runs: granted by the scheduler / logged by the replicas (per replica), longest a due period waited, longest run:',
    );
    for (const t of tasks) {
      console.log(
        `  ${t.task.padEnd(38)} every ${String(t.frequencyS).padStart(
          3,
        )} s: ${String(t.granted).padStart(2)} / ${String(t.logged).padStart(
          2,
        )} ${JSON.stringify(t.byReplica)}, waited ≤ ${t.maxOverdueS.toFixed(
          1,
        )} s, ran ≤ ${t.longestRunS.toFixed(1)} s${
          t.problems.length ? '  PROBLEM' : ''
        }`,
      );
    }
    console.log(
      `notifications: ${
        notifications.notices
      } notices recorded ${JSON.stringify(notifications.byKind)}, ${
        notifications.delivered
      } notifications delivered to users, ${
        notifications.resent.length
      } sent twice, ${notifications.pendingRetries} retries pending`,
    );
    console.log(
      `logs: ${errors.length} error lines, ${warnings.length} warnings`,
    );
    for (const w of warnings.slice(0, 10))
      console.log(`  warn ${w.replica}: ${w.message.slice(0, 200)}`);

    const problems = [
      ...events.problems.map(p => `events: ${p}`),
      ...(traffic.reads.failed
        ? [`reads: ${traffic.reads.failed} inventory reads failed`]
        : []),
      ...(traffic.reads.ok === 0 ? ['reads: none succeeded'] : []),
      ...tasks.flatMap(t => t.problems.map(p => `task ${t.task}: ${p}`)),
      ...locks.map(l => `lock held by the killed replica: ${l}`),
      ...notifications.problems.map(p => `notifications: ${p}`),
      ...errors.map(
        e =>
          `error in ${e.replica}${
            e.life > 0 ? ` (life ${e.life + 1})` : ''
          }: ${e.raw.slice(0, 400)}`,
      ),
    ];
    if (problems.length) {
      failed = true;
      console.log(`\nFAILED (${problems.length}):`);
      for (const p of problems) console.log(`  - ${p}`);
      console.log(`logs kept in ${dir}`);
    } else {
      console.log('\nPASSED');
    }
  } catch (error) {
    failed = true;
    console.error(`\nreplicas test could not run: ${(error as Error).stack}`);
    console.error(`logs kept in ${dir}`);
  } finally {
    await balancer?.stop().catch(() => {});
    await Promise.all(replicas.map(r => r.stop().catch(() => {})));
    await db.destroy();
    if (process.env.REPLICAS_KEEP) {
      console.log(`REPLICAS_KEEP: database ${database} and ${dir} kept`);
      await admin.destroy();
      process.exit(failed ? 1 : 0);
    }
    await admin
      .raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [database])
      .catch(e => console.error(`drop ${database}: ${e}`));
    await admin.destroy();
    deleteRedisKeys(redisNamespace);
    if (!failed) fs.rmSync(dir, { recursive: true, force: true });
    console.log(`wall time: ${((Date.now() - wallStart) / 1000).toFixed(0)} s`);
  }
  let code = 0;
  if (failed) code = setUp ? 1 : 2;
  process.exit(code);
}

/** Connections to Redis (the replicas' cache clients, and others'). */
function countRedisClients(): number | string {
  const out = spawnSync('redis-cli', ['CLIENT', 'LIST'], { encoding: 'utf8' });
  if (out.status !== 0) return 'redis-cli not available';
  // less redis-cli's own connection
  return out.stdout.split('\n').filter(Boolean).length - 1;
}

/** The cache's keys of this run (Backstage prefixes them with the namespace). */
function countRedisKeys(namespace: string): number | string {
  const out = spawnSync('redis-cli', ['--scan', '--pattern', `${namespace}*`], {
    encoding: 'utf8',
  });
  if (out.status !== 0) return 'redis-cli not available';
  return out.stdout.split('\n').filter(Boolean).length;
}

function deleteRedisKeys(namespace: string) {
  const out = spawnSync('redis-cli', ['--scan', '--pattern', `${namespace}*`], {
    encoding: 'utf8',
  });
  const keys = out.status === 0 ? out.stdout.split('\n').filter(Boolean) : [];
  for (let i = 0; i < keys.length; i += 500) {
    spawnSync('redis-cli', ['DEL', ...keys.slice(i, i + 500)]);
  }
}

main();
