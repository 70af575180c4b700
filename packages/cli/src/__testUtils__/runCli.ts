import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `stockroom <argv>` in-process with captured output. `stdin` makes
 * the run interactive, as at a terminal, with that text typed in.
 */
export async function runCli(
  argv: string[],
  options: { cwd?: string; today?: string; stdin?: string } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd: options.cwd ?? process.cwd(),
    stdout: text => {
      stdout += text;
    },
    stderr: text => {
      stderr += text;
    },
    now: () => new Date(`${options.today ?? '2026-11-25'}T15:30:00Z`),
    stdin:
      options.stdin === undefined ? undefined : Readable.from([options.stdin]),
    interactive: options.stdin !== undefined,
  });
  return { code, stdout, stderr };
}

/** The repository root, for tests over the real examples/. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

/** A fresh temp directory with the given files (relative path → content). */
export function tempDir(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockroom-cli-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}
