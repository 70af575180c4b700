import type { Finding } from '../../policy/types';

/** Where the hint of every mapping finding sends the owner. */
export const ODCS_DOC = 'docs/dataproduct-yaml.md#contracts-authored-in-odcs';

const HINT = `Stockroom maps the ODCS v3 document in spec.contract.odcs to the contract and uses what it can; fields written under spec.contract win over mapped ones. See ${ODCS_DOC}.`;

/**
 * Collects what the ODCS mapping could not use. Findings carry rule `schema`
 * so every surface lists them with the validator's problems: `error` where a
 * part the contract needs is unusable, `warning` where a part is ignored.
 * Mapping never throws: a malformed document yields findings, not exceptions.
 */
export class MappingFindings {
  readonly list: Finding[] = [];

  error(path: string, problem: string): void {
    this.add('error', path, problem);
  }

  warning(path: string, problem: string): void {
    this.add('warning', path, problem);
  }

  private add(severity: Finding['severity'], path: string, problem: string) {
    this.list.push({
      ruleId: 'schema',
      severity,
      message: `${path} ${problem}`,
      path,
      hint: HINT,
    });
  }
}
