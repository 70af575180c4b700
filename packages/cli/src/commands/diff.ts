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
import type { StockroomPolicy } from '@stockroom/plugin-data-products-common';
import { EntityIndex } from '../documents/entityIndex';
import { expandInputs } from '../documents/expandInputs';
import { checkSupersessions } from '../diff/supersession';
import { loadPolicy } from '../policy';
import { dayOption } from '../today';

export interface DiffOptions {
  base?: string;
  /** Files holding products the given ones supersede (v1s), for the mapping check. */
  against?: string[];
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
  const now = dayOption('--now', options.now, io.now);
  const policy = await loadPolicy(options.config, io.cwd);
  if (options.base === undefined && inputs.length === 0) {
    throw new UsageError(
      'give --base <ref> to compare with git, or the files of a product that supersedes another (with --against <file> when the superseded one is elsewhere)',
    );
  }
  const report: DiffReport = {
    base: options.base,
    results: [],
    supersessions: [],
    problems: [],
    fileCount: 0,
  };
  const compared =
    options.base === undefined
      ? readNamedFiles(inputs, io, report)
      : await compareWithBase(inputs, options.base, policy, io, report);

  // A v2 is compared with the v1 it supersedes when the files hold it.
  const display = (absolute: string) =>
    toPosix(path.relative(io.cwd, absolute)) || '.';
  const against = readAgainst(options.against ?? [], io, report);
  const supersessions = checkSupersessions(
    compared,
    EntityIndex.fromFiles([...compared, ...against]),
    {
      policy,
      now,
      display,
      noteMissing:
        options.base === undefined || (options.against ?? []).length > 0,
    },
  );
  report.supersessions.push(...supersessions.results);
  report.problems.push(...supersessions.problems);

  const output = DIFF_FORMATTERS[options.format](report);
  io.stdout(output.stdout);
  if (output.stderr) {
    io.stderr(output.stderr);
  }
  if (report.problems.some(p => p.severity === 'error')) {
    return EXIT_USAGE;
  }
  return report.results.some(blocks) ||
    report.supersessions.some(result => result.blocks)
    ? EXIT_BLOCKED
    : EXIT_OK;
}

/** The git comparison (today's `diff --base`); returns the files it read. */
async function compareWithBase(
  inputs: string[],
  base: string,
  policy: StockroomPolicy,
  io: CliIo,
  report: DiffReport,
): Promise<ReadFile[]> {
  const repo = await openRepo(io.cwd);
  const commit = await repo.resolveCommit(base);
  if (!commit) {
    throw new UsageError(`git ref ${JSON.stringify(base)} not found`);
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
          base,
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

  report.problems.push(...selected.problems);
  const context = { repo, commit, base, display, policy };
  const read: ReadFile[] = [];
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
    read.push({ absolute: target.absolute, text });
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
      message: `no changed file holds a DataProduct since ${base}`,
    });
  }
  return read;
}

interface ReadFile {
  absolute: string;
  text: string;
}

/** Without --base: the named files (files, directories, globs, as lint reads them). */
function readNamedFiles(
  inputs: string[],
  io: CliIo,
  report: DiffReport,
): ReadFile[] {
  const expanded = expandInputs(inputs, io.cwd);
  if (expanded.files.length === 0) {
    io.stderr(expanded.problems.map(formatInputProblem).join(''));
    throw new UsageError('no files to compare');
  }
  report.problems.push(...expanded.problems);
  const read = readAll(expanded.files, io, report);
  report.fileCount = read.length;
  return read;
}

/** `--against` files: read for the superseded products they hold, never compared themselves. */
function readAgainst(
  against: string[],
  io: CliIo,
  report: DiffReport,
): ReadFile[] {
  if (against.length === 0) return [];
  const expanded = expandInputs(against, io.cwd);
  report.problems.push(
    ...expanded.problems.map(problem => ({
      ...problem,
      message: `--against: ${problem.message}`,
    })),
  );
  return readAll(expanded.files, io, report);
}

function readAll(
  files: Array<{ absolute: string }>,
  io: CliIo,
  report: DiffReport,
): ReadFile[] {
  const read: ReadFile[] = [];
  for (const { absolute } of files) {
    try {
      read.push({ absolute, text: fs.readFileSync(absolute, 'utf8') });
    } catch (error) {
      report.problems.push({
        file: toPosix(path.relative(io.cwd, absolute)) || '.',
        severity: 'error',
        message: `cannot read: ${describeFsError(error)}`,
      });
    }
  }
  return read;
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
