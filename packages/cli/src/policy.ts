import fs from 'node:fs';
import {
  DEFAULT_POLICY,
  PolicyConfigError,
  StockroomPolicy,
  policyFromConfig,
} from '@stockroom/plugin-data-products-common';
import { parseDocument } from 'yaml';
import { describeFsError } from './fsErrors';
import { UsageError } from './io';

/**
 * The policy the catalog would enforce: `stockroom:` of an app-config file
 * fed to the engine's `policyFromConfig`, or the defaults without a file.
 * Other keys of the file (and `${VAR}` substitutions in them) are ignored.
 *
 * @throws UsageError for an unreadable or invalid file, naming the key.
 */
export function loadPolicy(
  file: string | undefined,
  display: string = file ?? '',
): StockroomPolicy {
  if (file === undefined) {
    return DEFAULT_POLICY;
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `--config ${display}: cannot read: ${describeFsError(error)}`,
    );
  }
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    const [error] = document.errors;
    const at = error.linePos?.[0];
    throw new UsageError(
      `--config ${display}${
        at ? `:${at.line}:${at.col}` : ''
      }: invalid YAML: ${error.message
        .split('\n')[0]
        .replace(/ at line.*$/, '')}`,
    );
  }
  const root: unknown = document.toJSON();
  if (root !== null && (typeof root !== 'object' || Array.isArray(root))) {
    throw new UsageError(
      `--config ${display}: expected an app-config mapping at the root`,
    );
  }
  try {
    return policyFromConfig(
      (root as Record<string, unknown> | null)?.stockroom,
    );
  } catch (error) {
    if (error instanceof PolicyConfigError) {
      throw new UsageError(`--config ${display}: ${error.message}`);
    }
    throw error;
  }
}
