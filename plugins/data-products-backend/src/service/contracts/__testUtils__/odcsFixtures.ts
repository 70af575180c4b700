import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

/**
 * The bitol-io ODCS files kept in -common (the official JSON schema and
 * example contracts; their sources are named in SOURCES.md there), read in
 * place rather than copied so there is one copy to refresh.
 */
const BITOL = path.resolve(
  __dirname,
  '../../../../../data-products-common/src/contract/__fixtures__/bitol',
);

/** A bitol example contract, parsed as the catalog would. */
export function bitolContract(file: string): Record<string, any> {
  return parseYaml(fs.readFileSync(path.join(BITOL, file), 'utf8'));
}

const ajv = new Ajv2019({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(
  JSON.parse(
    fs.readFileSync(path.join(BITOL, 'odcs-json-schema-v3.1.0.json'), 'utf8'),
  ),
);

/**
 * The official ODCS v3.1.0 JSON schema's complaints about `document`, one
 * line each; [] when it is valid ODCS v3.1.0.
 */
export function odcsSchemaErrors(document: unknown): string[] {
  return validate(document)
    ? []
    : (validate.errors ?? []).map(
        error =>
          `${error.instancePath} ${error.message} ${JSON.stringify(
            error.params,
          )}`,
      );
}
