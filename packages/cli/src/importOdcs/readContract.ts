import fs from 'node:fs';
import path from 'node:path';
import { ODCS_IMPORT_MAX_BYTES } from '@stockroom/plugin-data-products-common';
import { parseAllDocuments } from 'yaml';
import { describeFsError } from '../fsErrors';
import { UsageError } from '../io';

/**
 * Files this much larger than the largest document a product can reference
 * are refused unread: YAML is rarely more than twice its JSON, so nothing
 * importable is lost, and a huge file is never parsed.
 */
const READ_LIMIT_BYTES = 4 * ODCS_IMPORT_MAX_BYTES;

/**
 * The ODCS document of `file` (YAML, or JSON which is YAML), parsed as the
 * catalog parses a `$yaml` file. Everything that stops an import before
 * the document is looked at is a UsageError naming the file (and line):
 * unreadable, far too large, invalid YAML, several documents, empty.
 */
export function readContract(file: string, cwd: string): unknown {
  const absolute = path.resolve(cwd, file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${describeFsError(error)}`);
  }
  if (!stat.isFile()) {
    throw new UsageError(`cannot read ${file}: not a file`);
  }
  if (stat.size > READ_LIMIT_BYTES) {
    throw new UsageError(
      `${file} is ${(stat.size / 1024 / 1024).toFixed(
        1,
      )} MiB: a product can reference an ODCS document of at most ${
        ODCS_IMPORT_MAX_BYTES / 1024
      } KiB (as JSON), since the catalog embeds it in every product — split it, e.g. one per domain or group of tables`,
    );
  }
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${describeFsError(error)}`);
  }
  const documents = parseAllDocuments(text, { merge: false });
  if (!Array.isArray(documents)) {
    throw new UsageError(`${file} is empty: no ODCS document to import`);
  }
  for (const document of documents) {
    const [error] = document.errors;
    if (error) {
      const at = error.linePos?.[0];
      throw new UsageError(
        `${file}${at ? `:${at.line}:${at.col}` : ''}: invalid YAML: ${
          error.message
            .split('\n')[0]
            .replace(/ at line \d+, column \d+:?$/, '')
            .trim()
        }`,
      );
    }
  }
  const values = documents
    .map(document => {
      try {
        return document.toJSON();
      } catch (error) {
        throw new UsageError(
          `${file}: invalid YAML: ${(error as Error).message}`,
        );
      }
    })
    .filter(value => value !== null && value !== undefined);
  if (values.length === 0) {
    throw new UsageError(`${file} is empty: no ODCS document to import`);
  }
  if (values.length > 1) {
    throw new UsageError(
      `${file} holds ${values.length} YAML documents: an ODCS contract is one document (split them into one file each)`,
    );
  }
  return values[0];
}
