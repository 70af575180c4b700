/*
 * The replicas as OS processes: started with the repo's Node and
 * Backstage's TypeScript transform (as `yarn bench` runs TS), stdout and
 * stderr appended to one log file per replica, which the log check reads.
 * Backstage's JSON log lines carry no time, so each line is written as
 * `<ISO time when the harness read it> <out|err> <line>`.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

const transform = require.resolve('@backstage/cli/config/nodeTransform.cjs');

export class Replica {
  private child?: ChildProcess;
  /** Lifetimes: one per start, so a log line can be told apart by life. */
  readonly starts: Date[] = [];
  killedAt?: Date;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly configFiles: string[],
    readonly logFile: string,
  ) {}

  start() {
    const log = fs.openSync(this.logFile, 'a');
    // a marker line, so the log check knows which life a line belongs to
    fs.writeSync(
      log,
      `### replica ${this.name} start ${new Date().toISOString()}\n`,
    );
    this.starts.push(new Date());
    const child = spawn(
      process.execPath,
      [
        '--require',
        transform,
        path.join(__dirname, 'replica.ts'),
        ...this.configFiles.flatMap(f => ['--config', f]),
      ],
      {
        cwd: path.resolve(__dirname, '..', '..'),
        // JSON log lines (Backstage logs JSON in production): parseable
        env: { ...process.env, NODE_ENV: 'production' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    // the file is closed once both streams are (the process is gone)
    const closed = [child.stdout!, child.stderr!].map(
      stream => new Promise(resolve => stream.on('close', resolve)),
    );
    Promise.all(closed).then(() => fs.closeSync(log));
    for (const [stream, label] of [
      [child.stdout!, 'out'],
      [child.stderr!, 'err'],
    ] as const) {
      readline.createInterface({ input: stream }).on('line', line => {
        fs.writeSync(log, `${new Date().toISOString()} ${label} ${line}\n`);
      });
    }
    this.child = child;
  }

  get pid() {
    return this.child?.pid;
  }

  get exited() {
    return (
      !this.child ||
      this.child.exitCode !== null ||
      this.child.signalCode !== null
    );
  }

  /** SIGKILL: no shutdown hooks, connections cut mid-request. */
  kill() {
    this.killedAt = new Date();
    fs.appendFileSync(
      this.logFile,
      `### replica ${this.name} SIGKILL ${this.killedAt.toISOString()}\n`,
    );
    this.child?.kill('SIGKILL');
  }

  async stop() {
    const child = this.child;
    if (!child || this.exited) return;
    child.kill('SIGTERM');
    const exited = new Promise(resolve => child.once('exit', resolve));
    const timeout = new Promise(resolve =>
      setTimeout(resolve, 15_000, 'timeout'),
    );
    if ((await Promise.race([exited, timeout])) === 'timeout') {
      child.kill('SIGKILL');
      await exited;
    }
  }

  /** Until Backstage's readiness answers 200 on the replica's own port. */
  async ready(timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exited) {
        throw new Error(
          `replica ${this.name} exited during start-up; see ${this.logFile}`,
        );
      }
      try {
        const res = await fetch(
          `http://127.0.0.1:${this.port}/.backstage/health/v1/readiness`,
        );
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise(r => setTimeout(r, 500));
    }
    throw new Error(
      `replica ${this.name} not ready after ${timeoutMs} ms; see ${this.logFile}`,
    );
  }
}
