import type {
  DataProductState,
  Finding,
  Severity,
} from '@stockroom/plugin-data-products-common';
import type { Position } from '../yaml/pathToLine';

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

/** The verdict on one DataProduct document. */
export interface EntityResult {
  /** The file, relative to the working directory, `/`-separated. */
  file: string;
  /** `dataproduct:<namespace>/<name>`. */
  entityRef: string;
  /** null when the catalog would reject the entity before evaluating it. */
  state: DataProductState | null;
  expiresOn: string | null;
  findings: LintFinding[];
  /** True when the catalog would reject the entity. */
  blocked: boolean;
  /** Where a finding's path is written in the file. */
  locate(path: string): Position;
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

/** Everything one `stockroom lint` run found, for the formatters. */
export interface LintReport {
  results: EntityResult[];
  problems: InputProblem[];
  /** Files read. */
  fileCount: number;
  /** Documents that are not DataProducts (Components, Groups, …), skipped. */
  skippedDocuments: number;
}
