import type { InputProblem } from '../documents/types';
import type { LintReport } from '../lint/types';
import { summaryLine } from './summary';
import type { FormattedOutput } from './types';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;
const INPUT_COMMAND = {
  error: 'error',
  warning: 'warning',
  note: 'notice',
} as const;

/**
 * GitHub Actions workflow commands: one `::error` / `::warning` / `::notice`
 * per finding at the line of the offending field, so findings show on the
 * pull request's diff; input errors likewise. A summary line ends the log.
 */
export function formatGithub(report: LintReport): FormattedOutput {
  const lines: string[] = [];
  for (const result of report.results) {
    for (const finding of result.findings) {
      const { line, col } = result.locate(finding.path);
      lines.push(
        annotation(
          COMMAND[finding.severity],
          {
            file: result.file,
            line,
            col,
            title: `stockroom ${finding.ruleId}`,
          },
          finding.hint
            ? `${finding.message} — ${finding.hint}`
            : finding.message,
        ),
      );
    }
  }
  for (const problem of report.problems) {
    lines.push(problemAnnotation(problem));
  }
  lines.push(summaryLine(report));
  return { stdout: `${lines.join('\n')}\n`, stderr: '' };
}

/** An input problem (unreadable file, bad YAML…) as a workflow annotation. */
export function problemAnnotation(problem: InputProblem): string {
  return annotation(
    INPUT_COMMAND[problem.severity],
    {
      file: problem.file,
      line: problem.line,
      col: problem.col,
      title: 'stockroom input',
    },
    problem.message,
  );
}

/** `::command key=value,…::message`, escaped as the runner expects. */
export function annotation(
  command: string,
  properties: Record<string, string | number | undefined>,
  message: string,
): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${command} ${props}::${escapeData(message)}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
