import fs from 'node:fs';
import path from 'node:path';
import { describeFsError } from '../fsErrors';
import { FORMATTERS, FormatName } from '../format';
import { formatInputProblem } from '../format/problems';
import { CliIo, EXIT_BLOCKED, EXIT_OK, EXIT_USAGE, UsageError } from '../io';
import { EntityIndex } from '../documents/entityIndex';
import { expandInputs } from '../documents/expandInputs';
import { supersededProduct } from '../documents/supersededProduct';
import { lintFile } from '../lint/lintFile';
import type { LintReport } from '../lint/types';
import { loadPolicy } from '../policy';
import { dayOption } from '../today';

export interface LintOptions {
  format: FormatName;
  now?: string;
  config?: string[];
}

/**
 * `stockroom lint [inputs…]`: the catalog's verdict on every DataProduct in
 * the inputs (default: the working directory). Exit 0 when nothing blocks,
 * 1 when something does, 2 when an input could not be read or parsed.
 */
export async function lintCommand(
  inputs: string[],
  options: LintOptions,
  io: CliIo,
): Promise<number> {
  const now = dayOption('--now', options.now, io.now);
  const policy = await loadPolicy(options.config, io.cwd);
  const display = (absolute: string) =>
    toPosix(path.relative(io.cwd, absolute)) || '.';

  const expanded = expandInputs(inputs.length > 0 ? inputs : ['.'], io.cwd);
  if (expanded.files.length === 0) {
    io.stderr(expanded.problems.map(formatInputProblem).join(''));
    throw new UsageError('no files to lint');
  }

  const report: LintReport = {
    results: [],
    problems: [...expanded.problems],
    fileCount: 0,
    skippedDocuments: 0,
  };
  const read: Array<{ absolute: string; explicit: boolean; text: string }> = [];
  for (const { absolute, explicit } of expanded.files) {
    try {
      read.push({
        absolute,
        explicit,
        text: fs.readFileSync(absolute, 'utf8'),
      });
    } catch (error) {
      report.problems.push({
        file: display(absolute),
        severity: 'error',
        message: `cannot read: ${describeFsError(error)}`,
      });
    }
  }
  // The product a v2 supersedes is judged against when the files hold it,
  // so lint agrees with the processor, which reads it from the catalog.
  const index = EntityIndex.fromFiles(read);
  const ruleContext = (entity: Record<string, unknown>) => {
    const superseded = supersededProduct(entity, index, display);
    return superseded?.contract
      ? { supersededContract: { schema: superseded.contract.schema ?? [] } }
      : {};
  };
  for (const { absolute, explicit, text } of read) {
    report.fileCount++;
    const linted = await lintFile(absolute, text, {
      policy,
      now,
      display,
      ruleContext,
    });
    report.results.push(...linted.results);
    report.problems.push(...linted.problems);
    report.skippedDocuments += linted.skipped;
    if (explicit && linted.results.length === 0 && linted.skipped > 0) {
      report.problems.push({
        file: display(absolute),
        severity: 'note',
        message: `no DataProduct documents (${linted.skipped} other document${
          linted.skipped === 1 ? '' : 's'
        } skipped)`,
      });
    }
  }

  const output = FORMATTERS[options.format](report);
  io.stdout(output.stdout);
  if (output.stderr) {
    io.stderr(output.stderr);
  }
  return exitCode(report);
}

/** Input errors (2) outrank blocked entities (1): the verdict is incomplete. */
function exitCode(report: LintReport): number {
  if (report.problems.some(p => p.severity === 'error')) {
    return EXIT_USAGE;
  }
  return report.results.some(r => r.blocked) ? EXIT_BLOCKED : EXIT_OK;
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
