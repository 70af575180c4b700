import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Machine facts every report starts with, so figures can be compared. */
export function machineFacts(): Record<string, string> {
  return {
    node: process.version,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    date: new Date().toISOString(),
  };
}

/**
 * Writes `bench/reports/<name>.md` (the latest run, committed) and
 * `<name>.json` (the same figures for tools).
 */
export function writeReport(name: string, markdown: string, figures: unknown) {
  const dir = path.resolve(__dirname, '..', 'reports');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.md`), markdown);
  fs.writeFileSync(
    path.join(dir, `${name}.json`),
    `${JSON.stringify({ machine: machineFacts(), figures }, null, 2)}\n`,
  );
  console.log(`report: bench/reports/${name}.md`);
}

/** Parses `--name value` / `--name=value` from argv. */
export function option(name: string, fallback: string): string {
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}`) return argv[i + 1] ?? fallback;
    if (argv[i].startsWith(`--${name}=`)) return argv[i].slice(name.length + 3);
  }
  return fallback;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The nearest-rank percentile (p in 0–1) of `values`. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });

/**
 * Runs a benchmark's `main` and exits: 0 once its figures are written (a
 * stopped backend may leave timers behind), 1 on an error.
 */
export function runBenchmark(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    error => {
      console.error(error);
      process.exit(1);
    },
  );
}
