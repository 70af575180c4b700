import fs from 'node:fs';
import path from 'node:path';
import { AppConfig, Config, ConfigReader } from '@backstage/config';
import { FileConfigSource } from '@backstage/config-loader';
import { parseDocument } from 'yaml';
import { describeFsError } from './fsErrors';
import { UsageError } from './io';

/**
 * The app-config the portal would read from the same files: Backstage's own
 * loader, so several `--config` files merge (later ones win), `$include`,
 * `$file` and `$env` work, and `${VAR}` is taken from the environment, as
 * in the backend. Each file is first read and parsed here so an unreadable
 * file or a YAML error is one line naming the file, the line and the column.
 *
 * @throws UsageError naming the `--config` file at fault.
 */
export async function readAppConfig(
  files: string[],
  cwd: string,
): Promise<Config> {
  const configs: AppConfig[] = [];
  for (const file of files) {
    const absolute = path.resolve(cwd, file);
    checkSyntax(absolute, file);
    try {
      const source = FileConfigSource.create({ path: absolute, watch: false });
      const first = await source.readConfigData().next();
      configs.push(...(first.done ? [] : first.value.configs));
    } catch (error) {
      throw new UsageError(
        `--config ${file}: ${String((error as Error).message).replace(
          /^Failed to read config file at "[^"]*", /,
          '',
        )}`,
      );
    }
  }
  return ConfigReader.fromConfigs(configs);
}

function checkSyntax(absolute: string, display: string) {
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
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
}
