import type { DataProductState } from '@stockroom/plugin-data-products-common';
import type { InputProblem, LintFinding } from '../documents/types';
import type { Position } from '../yaml/pathToLine';

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

/** Everything one `stockroom lint` run found, for the formatters. */
export interface LintReport {
  results: EntityResult[];
  problems: InputProblem[];
  /** Files read. */
  fileCount: number;
  /** Documents that are not DataProducts (Components, Groups, …), skipped. */
  skippedDocuments: number;
}
