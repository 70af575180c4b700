import type {
  ClassifiedContractChange,
  ContractChangeVerdict,
  Enforcement,
} from '@stockroom/plugin-data-products-common';
import type { InputProblem } from '../documents/types';
import type { Position } from '../yaml/pathToLine';
import type { FilePosition } from './locateChange';
import type { SupersessionResult } from './supersession';

/** One DataProduct's contract, compared between the base ref and the working tree. */
export interface DiffResult {
  /** The file in the working tree, relative to the working directory, `/`-separated. */
  file: string;
  /** `dataproduct:<namespace>/<name>`. */
  entityRef: string;
  /** The contract version at the base ref; null for a new product or no version. */
  fromVersion: string | null;
  /** The contract version in the working tree; null when it has none. */
  toVersion: string | null;
  /** The engine's classification, in its order. */
  changes: ClassifiedContractChange[];
  /** The engine's verdict. */
  verdict: ContractChangeVerdict;
  /** spec.category in the working tree (decides what a breaking change needs). */
  category: string | undefined;
  /**
   * Rule `breaking-change-needs-major` in that category under the policy:
   * a verdict other than `ok` fails the run at `block` only (as the backend
   * opens an incident only when it is not `off`).
   */
  enforcement: Enforcement;
  /** The verdict fails the run: not `ok` and the rule at `block` (judgeContractChange). */
  blocks: boolean;
  /** metadata.name, for the "new entity" suggestion. */
  name: string;
  /** The product is not at the base ref: nothing to compare, verdict ok. */
  isNew: boolean;
  /** Where a field path is written in the working-tree file. */
  locate(path: string): Position;
  /** Where a change shows in the working tree: this file or its ODCS document (see locateChange). */
  locateChange(change: ClassifiedContractChange): FilePosition;
}

/** Everything one `stockroom diff` run found, for the formatters. */
export interface DiffReport {
  /** The ref as given on the command line; undefined when only supersessions are checked (no --base). */
  base?: string;
  results: DiffResult[];
  /** Superseding products compared with the product they supersede. */
  supersessions: SupersessionResult[];
  /** Unreadable or invalid files (errors, exit 2) and notes that change nothing. */
  problems: InputProblem[];
  /** Files compared. */
  fileCount: number;
}
