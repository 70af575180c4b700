import type { Finding, Severity } from '@stockroom/plugin-data-products-common';

/**
 * A finding as the CLI reports it: the engine's findings, schema problems as
 * rule `schema`, `placeholder` for a `$yaml`/`$json`/`$text` reference the
 * catalog could not resolve either, and `entity` for what the catalog checks
 * on every entity whatever its kind (name, namespace, labels, annotations,
 * tags, root fields).
 */
export interface LintFinding {
  ruleId: Finding['ruleId'] | 'placeholder' | 'entity';
  severity: Severity;
  message: string;
  path: string;
  hint: string;
}

/**
 * Something wrong with the input rather than with an entity: an unreadable
 * file, invalid YAML, a document that is not an entity (errors, exit code
 * 2); a warning that changes no exit code but what the catalog holds (an
 * empty file: the catalog deletes what it defined); or a note (a file with
 * no DataProduct) that changes nothing.
 */
export interface InputProblem {
  file: string;
  severity: 'error' | 'warning' | 'note';
  message: string;
  line?: number;
  col?: number;
}
