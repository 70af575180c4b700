import {
  DEFAULT_POLICY,
  PolicyConfigError,
  StockroomPolicy,
  policyFromConfig,
} from '@stockroom/plugin-data-products-common';
import { readAppConfig } from './appConfig';
import { UsageError } from './io';

/**
 * The policy the catalog would enforce: the `stockroom:` section of the
 * app-config files (merged as the backend merges them) fed to the engine's
 * `policyFromConfig`, or the defaults without a file.
 *
 * @throws UsageError for an unreadable or invalid file, naming the key.
 */
export async function loadPolicy(
  files: string[] | undefined,
  cwd: string,
): Promise<StockroomPolicy> {
  if (!files || files.length === 0) {
    return DEFAULT_POLICY;
  }
  const config = await readAppConfig(files, cwd);
  try {
    return policyFromConfig(config.getOptional('stockroom'));
  } catch (error) {
    if (error instanceof PolicyConfigError) {
      throw new UsageError(`--config ${files.join(', ')}: ${error.message}`);
    }
    throw error;
  }
}
