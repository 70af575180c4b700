import type { LintReport } from '../lint/types';

/**
 * One line for the end of the output, e.g. `12 data products in 14 files:
 * 1 blocked, 1 error, 4 warnings, 1 info; 40 other documents skipped.`
 */
export function summaryLine(report: LintReport): string {
  const count = (severity: string) =>
    report.results.reduce(
      (n, r) => n + r.findings.filter(f => f.severity === severity).length,
      0,
    );
  const blocked = report.results.filter(r => r.blocked).length;
  const inputErrors = report.problems.filter(
    p => p.severity === 'error',
  ).length;
  const parts = [
    `${blocked} blocked`,
    plural(count('error'), 'error'),
    plural(count('warning'), 'warning'),
    `${count('info')} info`,
  ];
  let line = `${plural(report.results.length, 'data product')} in ${plural(
    report.fileCount,
    'file',
  )}: ${parts.join(', ')}`;
  if (inputErrors > 0) {
    line += `; ${plural(inputErrors, 'input error')}`;
  }
  if (report.skippedDocuments > 0) {
    line += `; ${plural(
      report.skippedDocuments,
      'other document',
    )} skipped (not DataProduct)`;
  }
  return `${line}.`;
}

export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
