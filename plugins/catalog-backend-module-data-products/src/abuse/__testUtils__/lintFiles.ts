import { execFile } from 'node:child_process';
import path from 'node:path';

/** The `stockroom` CLI of this repository (packages/cli). */
// A test helper, run from the source tree only, never built.
// eslint-disable-next-line no-restricted-syntax
const STOCKROOM = path.resolve(
  __dirname,
  '../../../../../packages/cli/bin/stockroom',
);

/** What `stockroom lint` said about the files. */
export interface LintRun {
  code: number;
  /** Where lint ran; it writes file names relative to it. */
  cwd: string;
  /** absolute file → its findings (from --format json) */
  findings: Map<
    string,
    Array<{ severity: string; path: string; message: string }>
  >;
  /** what it wrote to stderr (files that hold no entity) */
  stderr: string;
}

/**
 * Runs `stockroom lint --format json` once over all files, as a developer
 * does: a process of its own (this package does not depend on the CLI).
 */
export function lintFiles(files: string[], cwd: string): Promise<LintRun> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [STOCKROOM, 'lint', ...files, '--format', 'json', '--now', '2026-11-25'],
      { cwd, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
        let results: Array<{ file: string; findings: any[] }>;
        try {
          results = JSON.parse(stdout).results;
        } catch {
          reject(
            new Error(
              `stockroom lint exited ${code}: ${stderr.slice(0, 2000)}`,
            ),
          );
          return;
        }
        const findings = new Map<string, any[]>();
        for (const result of results) {
          const file = path.resolve(cwd, result.file);
          findings.set(file, [
            ...(findings.get(file) ?? []),
            ...result.findings,
          ]);
        }
        resolve({ code, cwd, findings, stderr });
      },
    );
  });
}
