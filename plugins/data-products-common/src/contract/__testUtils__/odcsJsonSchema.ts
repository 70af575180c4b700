import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The official ODCS v3.1.0 JSON schema (bitol-io/open-data-contract-standard,
 * see __fixtures__/bitol/SOURCES.md), compiled once: every exported document
 * is checked against the standard's own file, not our reading of it.
 */
const schema = JSON.parse(
  fs.readFileSync(
    path.join(
      __dirname,
      '..',
      '__fixtures__',
      'bitol',
      'odcs-json-schema-v3.1.0.json',
    ),
    'utf8',
  ),
);
const ajv = new Ajv2019({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** The schema's complaints about `document`, one line each; [] when it is valid ODCS v3.1.0. */
export function odcsSchemaErrors(document: unknown): string[] {
  // A JSON round trip: what a YAML or JSON writer would serialize.
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
