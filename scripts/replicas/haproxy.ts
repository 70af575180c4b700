/*
 * The load balancer: HAProxy from Debian, installed if missing, configured
 * in the run's temp dir, in the foreground as a child of the harness.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function ensureHaproxy(): string {
  const found = spawnSync('sh', ['-c', 'command -v haproxy'], {
    encoding: 'utf8',
  });
  if (found.status === 0) return found.stdout.trim();
  console.log('HAProxy not installed: apt-get install -y haproxy');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  for (const args of [
    ['apt-get', 'update'],
    ['apt-get', 'install', '-y', 'haproxy'],
  ]) {
    const [cmd, ...rest] = [...sudo, ...args];
    const result = spawnSync(cmd, rest, { stdio: 'inherit', env });
    if (result.status !== 0) {
      throw new Error(`${args.join(' ')} failed (exit ${result.status})`);
    }
  }
  return ensureHaproxy();
}

export interface Balancer {
  url: string;
  /** Requests each server answered, from HAProxy's own stats. */
  served(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

export async function startHaproxy(options: {
  dir: string;
  port: number;
  statsPort: number;
  servers: { name: string; port: number }[];
  logFile: string;
}): Promise<Balancer> {
  const binary = ensureHaproxy();
  const file = path.join(options.dir, 'haproxy.cfg');
  fs.writeFileSync(
    file,
    [
      'global',
      '  maxconn 512',
      'defaults',
      '  mode http',
      '  timeout connect 2s',
      '  timeout client 60s',
      '  timeout server 60s',
      // A request whose connection failed, or that got no response at all
      // (the replica died with it), is sent to another server: what any
      // production balancer does. The latter may repeat a POST the dead
      // replica had already stored: ingestion must be idempotent for that,
      // and the test checks it is. Retrying needs the body buffered.
      '  option http-buffer-request',
      '  retries 3',
      '  retry-on conn-failure empty-response',
      '  option redispatch',
      'frontend stockroom',
      `  bind 127.0.0.1:${options.port}`,
      '  default_backend replicas',
      'backend replicas',
      '  balance roundrobin',
      // Backstage's readiness: 200 only once a replica has fully started,
      // so a restarting replica gets no traffic before it can serve it.
      '  option httpchk GET /.backstage/health/v1/readiness',
      '  http-check expect status 200',
      '  default-server inter 1s fall 2 rise 2',
      ...options.servers.map(
        s => `  server ${s.name} 127.0.0.1:${s.port} check`,
      ),
      'listen stats',
      `  bind 127.0.0.1:${options.statsPort}`,
      '  stats enable',
      '  stats uri /stats',
      '',
    ].join('\n'),
  );
  const check = spawnSync(binary, ['-c', '-f', file], { encoding: 'utf8' });
  if (check.status !== 0) {
    throw new Error(`haproxy -c: ${check.stdout}${check.stderr}`);
  }
  const log = fs.openSync(options.logFile, 'a');
  const child: ChildProcess = spawn(binary, ['-db', '-f', file], {
    stdio: ['ignore', log, log],
  });
  const url = `http://127.0.0.1:${options.port}`;
  const served = async () => {
    const res = await fetch(`http://127.0.0.1:${options.statsPort}/stats;csv`);
    const lines = (await res.text()).split('\n');
    const header = lines[0].replace(/^# /, '').split(',');
    const col = (name: string) => header.indexOf(name);
    const counts: Record<string, number> = {};
    for (const line of lines.slice(1)) {
      const cells = line.split(',');
      if (cells[col('pxname')] !== 'replicas') continue;
      const name = cells[col('svname')];
      if (name === 'FRONTEND' || name === 'BACKEND') continue;
      // hrsp_* counts every HTTP response the server gave
      counts[name] = ['1xx', '2xx', '3xx', '4xx', '5xx', 'other']
        .map(c => Number(cells[col(`hrsp_${c}`)] || 0))
        .reduce((a, b) => a + b, 0);
    }
    return counts;
  };
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise(resolve => child.once('exit', resolve));
    }
  };
  // wait until it listens
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await fetch(`http://127.0.0.1:${options.statsPort}/stats`);
      break;
    } catch (e) {
      if (Date.now() > deadline || child.exitCode !== null) {
        throw new Error(`HAProxy did not start (see ${options.logFile})`);
      }
      await new Promise(r => setTimeout(r, 200));
    }
  }
  return { url, served, stop };
}
