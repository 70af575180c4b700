import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './runCli';

/** Where the bitol example contracts and the official ODCS JSON schema are kept (see SOURCES.md there). */
export const BITOL_FIXTURES = path.join(
  REPO_ROOT,
  'plugins/data-products-common/src/contract/__fixtures__/bitol',
);

/**
 * The official ODCS v3.1.0 JSON schema (bitol-io/open-data-contract-standard,
 * kept with its source in BITOL_FIXTURES/SOURCES.md), compiled once: the
 * CLI's exports are checked against the standard's own file.
 */
const validate = (() => {
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(
    JSON.parse(
      fs.readFileSync(
        path.join(BITOL_FIXTURES, 'odcs-json-schema-v3.1.0.json'),
        'utf8',
      ),
    ),
  );
})();

/** The schema's complaints about `document`, one line each; [] when it is valid ODCS v3.1.0. */
export function odcsSchemaErrors(document: unknown): string[] {
  const serialized = JSON.parse(JSON.stringify(document));
  return validate(serialized)
    ? []
    : (validate.errors ?? []).map(
        error =>
          `${error.instancePath} ${error.message} ${JSON.stringify(
            error.params,
          )}`,
      );
}
