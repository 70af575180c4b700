import fs from 'node:fs';
import path from 'node:path';
import { compareFile } from '../diff/compareFile';
import { DIFF_FORMATTERS, blocks } from '../diff/format';
import { changedFiles, namedFiles } from '../diff/selectFiles';
import type { DiffReport } from '../diff/types';
import { describeFsError } from '../fsErrors';
import type { FormatName } from '../format';
import { annotation } from '../format/github';
import { formatInputProblem } from '../format/problems';
import { openRepo, realPath } from '../git/git';
import { CliIo, EXIT_BLOCKED, EXIT_OK, EXIT_USAGE, UsageError } from '../io';
import { loadPolicy } from '../policy';
import { parseDateOption } from '../today';

export interface DiffOptions {
  base: string;
  format: FormatName;
  now?: string;
  config?: string[];
}

/**
 * `stockroom diff --base <ref> [files…]`: the engine's verdict on every
 * DataProduct contract change between a git ref and the working tree.
 * Exit 0 when every verdict is `ok` (or its rule is not at `block` for the
 * product's category), 1 when one is not, 2 on usage or input errors (no
 * repository, unknown ref, unreadable file).
 */
export async function diffCommand(
  inputs: string[],
  options: DiffOptions,
  io: CliIo,
): Promise<number> {
  try {
    return await diff(inputs, options, io);
  } catch (error) {
    if (!(error instanceof UsageError)) {
      throw error;
    }
    // One line naming the ref or file; in CI also an annotation.
    if (options.format === 'github') {
      io.stdout(
        `${annotation('error', { title: 'stockroom diff' }, error.message)}\n`,
      );
    }
    io.stderr(`error: ${error.message}\n`);
    return EXIT_USAGE;
  }
}

async function diff(
  inputs: string[],
  options: DiffOptions,
  io: CliIo,
): Promise<number> {
  if (options.now !== undefined) {
    // Accepted like lint's, so CI can pass the same flags; contract
    // verdicts do not depend on the date.
    parseDateOption('--now', options.now);
  }
  const policy = await loadPolicy(options.config, io.cwd);
  const repo = await openRepo(io.cwd);
  const commit = await repo.resolveCommit(options.base);
  if (!commit) {
    throw new UsageError(`git ref ${JSON.stringify(options.base)} not found`);
  }
  const cwd = realPath(io.cwd);
  const display = (absolute: string) =>
    toPosix(path.relative(cwd, realPath(absolute))) || '.';

  const selected =
    inputs.length > 0
      ? await namedFiles(inputs, io.cwd, repo, commit, display)
      : await changedFiles(
          repo,
          commit,
          options.base,
          toPosix(path.relative(repo.root, cwd)) || '.',
          display,
        );

  if (inputs.length > 0 && selected.files.length === 0) {
    // Nothing left to compare: one error line naming what was wrong.
    const errors = selected.problems.filter(p => p.severity === 'error');
    io.stderr(
      selected.problems
        .filter(p => p.severity !== 'error')
        .map(formatInputProblem)
        .join(''),
    );
    throw new UsageError(
      errors.length > 0
        ? errors.map(p => `${p.file}: ${p.message}`).join('; ')
        : 'no files to compare',
    );
  }

  const report: DiffReport = {
    base: options.base,
    results: [],
    problems: [...selected.problems],
    fileCount: 0,
  };
  const context = { repo, commit, base: options.base, display, policy };
  for (const target of selected.files) {
    let text: string;
    try {
      text = fs.readFileSync(target.absolute, 'utf8');
    } catch (error) {
      report.problems.push({
        file: target.display,
        severity: 'error',
        message: `cannot read: ${describeFsError(error)}`,
      });
      continue;
    }
    report.fileCount++;
    const compared = await compareFile(target, text, context);
    report.results.push(...compared.results);
    report.problems.push(...compared.problems);
    if (
      inputs.length > 0 &&
      compared.results.length === 0 &&
      !compared.problems.some(p => p.severity === 'error')
    ) {
      report.problems.push({
        file: target.display,
        severity: 'note',
        message: 'no DataProduct documents to compare',
      });
    }
  }
  if (inputs.length === 0 && selected.files.length === 0) {
    report.problems.push({
      file: 'stockroom diff',
      severity: 'note',
      message: `no changed file holds a DataProduct since ${options.base}`,
    });
  }

  const output = DIFF_FORMATTERS[options.format](report);
  io.stdout(output.stdout);
  if (output.stderr) {
    io.stderr(output.stderr);
  }
  if (report.problems.some(p => p.severity === 'error')) {
    return EXIT_USAGE;
  }
  return report.results.some(blocks) ? EXIT_BLOCKED : EXIT_OK;
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
