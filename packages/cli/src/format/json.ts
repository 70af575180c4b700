import type { FormattedOutput } from './types';
import type { LintReport } from '../lint/types';
import { formatInputProblem } from './problems';

/**
 * `{"results":[{file, entityRef, state, expiresOn, findings:[{ruleId,
 * severity, message, path, hint}]}]}`: one result per DataProduct document,
 * exactly these keys (a public interface for tools). Input problems go to
 * stderr so stdout stays parseable.
 */
export function formatJson(report: LintReport): FormattedOutput {
  const results = report.results.map(result => ({
    file: result.file,
    entityRef: result.entityRef,
    state: result.state,
    expiresOn: result.expiresOn,
    findings: result.findings.map(
      ({ ruleId, severity, message, path, hint }) => ({
        ruleId,
        severity,
        message,
        path,
        hint,
      }),
    ),
  }));
  return {
    stdout: `${JSON.stringify({ results }, null, 2)}\n`,
    stderr: report.problems.map(formatInputProblem).join(''),
  };
}
