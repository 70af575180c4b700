import type { EntityResult, LintReport } from '../lint/types';
import { formatInputProblem } from './problems';
import { summaryLine } from './summary';
import type { FormattedOutput } from './types';

/**
 * For people: per file, each product with its state, then its findings as
 * `line:col  severity  rule  message` with the hint below; a summary last.
 */
export function formatText(report: LintReport): FormattedOutput {
  const byFile = new Map<string, EntityResult[]>();
  for (const result of report.results) {
    byFile.set(result.file, [...(byFile.get(result.file) ?? []), result]);
  }
  const lines: string[] = [];
  for (const [file, results] of byFile) {
    lines.push(file);
    for (const result of results) {
      lines.push(`  ${result.entityRef}  ${stateText(result)}`);
      for (const finding of result.findings) {
        const { line, col } = result.locate(finding.path);
        lines.push(
          `    ${`${line}:${col}`.padEnd(7)} ${finding.severity.padEnd(8)} ${
            finding.ruleId
          }  ${finding.message}`,
        );
        if (finding.hint) {
          lines.push(`${' '.repeat(12)}${finding.hint}`);
        }
      }
    }
    lines.push('');
  }
  lines.push(summaryLine(report));
  return {
    stdout: `${lines.join('\n')}\n`,
    stderr: report.problems.map(formatInputProblem).join(''),
  };
}

function stateText(result: EntityResult): string {
  if (result.blocked) {
    const errors = result.findings.filter(f => f.severity === 'error').length;
    const count = `${errors} error${errors === 1 ? '' : 's'}`;
    return result.state
      ? `REJECTED by the catalog (${count}); computed state: ${result.state}`
      : `REJECTED by the catalog (${count}): not a valid DataProduct`;
  }
  if (!result.expiresOn) {
    return result.state ?? '';
  }
  const verb = result.state === 'expired' ? 'expired' : 'expires';
  return `${result.state} (${verb} on ${result.expiresOn})`;
}
