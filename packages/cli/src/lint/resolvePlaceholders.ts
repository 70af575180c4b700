import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describeFsError } from '../fsErrors';
import { PathSegment, formatPath } from '../yaml/fieldPath';
import type { LintFinding } from './types';

type Parse = (content: string) => unknown;

const PARSERS: Record<string, Parse> = {
  yaml: parseSingleYamlDocument,
  json: content => JSON.parse(content),
  text: content => content,
};

const HINT =
  'The catalog replaces `{ $yaml | $json | $text: <path> }` with the file at that path, relative to the entity file; fix the path or add the file.';

/** A URL with a scheme (https://…): the catalog reads those through its integrations. */
const REMOTE = /^[a-z][a-z0-9+.-]*:/i;

export interface ResolvedEntity {
  entity: Record<string, unknown>;
  /** Errors make the catalog reject the entity; warnings are references the CLI did not follow. */
  findings: LintFinding[];
}

/**
 * The entity with its `$yaml`/`$json`/`$text` placeholders replaced, as the
 * catalog's PlaceholderProcessor (and our file-relative resolvers) would: an
 * object with exactly one key, `$` + a known resolver, anywhere in the entity,
 * is replaced by the file it names, read relative to `file`. Resolved
 * content is not searched for further placeholders, like the catalog.
 *
 * A file that cannot be read or parsed is an error finding naming the field
 * and the file, never an exception. Remote URLs are left as written, with a
 * warning: the CLI works offline.
 *
 * @param display - how to show a path in messages (relative to the cwd)
 * @param read - reads a referenced file (default: from disk); `stockroom
 *   diff` reads them from a git commit instead. Throws like `fs` when the
 *   file cannot be read.
 */
export function resolvePlaceholders(
  entity: Record<string, unknown>,
  file: string,
  display: (absolute: string) => string = p => p,
  read: (absolute: string) => string = readFromDisk,
): ResolvedEntity {
  const findings: LintFinding[] = [];
  const base = path.dirname(file);

  const resolve = (value: unknown, at: PathSegment[]): unknown => {
    if (Array.isArray(value)) {
      return value.map((item, index) => resolve(item, [...at, index]));
    }
    if (value === null || typeof value !== 'object') {
      return value;
    }
    const keys = Object.keys(value);
    if (!keys.some(key => key.startsWith('$'))) {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [
          key,
          resolve(item, [...at, key]),
        ]),
      );
    }
    const parse = PARSERS[keys[0].slice(1)];
    if (keys.length !== 1 || !parse) {
      return value; // the catalog leaves these alone too
    }
    const key = keys[0];
    const target = (value as Record<string, unknown>)[key];
    const fieldPath = formatPath([...at, key]);
    const problem = (severity: LintFinding['severity'], message: string) =>
      findings.push({
        ruleId: 'placeholder',
        severity,
        path: fieldPath,
        message: `${fieldPath}: ${message}`,
        hint: HINT,
      });

    if (typeof target !== 'string' || target === '') {
      problem(
        'error',
        `${key} expects a relative path or URL as a string, got ${JSON.stringify(
          target,
        )}`,
      );
      return value;
    }
    if (REMOTE.test(target)) {
      problem(
        'warning',
        `${key} ${target} is a URL; the CLI does not fetch it, so the lint checked the entity without it`,
      );
      return value;
    }
    const absolute = path.resolve(base, target);
    let content: string;
    try {
      content = read(absolute);
    } catch (error) {
      problem(
        'error',
        `${key} file ${target} cannot be read (${display(
          absolute,
        )}: ${describeFsError(error)})`,
      );
      return value;
    }
    try {
      return parse(content);
    } catch (error) {
      problem(
        'error',
        `${key} file ${target} (${display(absolute)}) cannot be parsed: ${
          (error as Error).message
        }`,
      );
      return value;
    }
  };

  return {
    entity: resolve(entity, []) as Record<string, unknown>,
    findings,
  };
}

function readFromDisk(absolute: string): string {
  return fs.readFileSync(absolute, 'utf8');
}

// The catalog's rule, to the letter: exactly one document (an empty one
// after `---` counts), without errors.
function parseSingleYamlDocument(content: string): unknown {
  const documents = [...parseAllDocuments(content, { merge: false })];
  if (documents.length !== 1) {
    throw new Error(
      `expected exactly one YAML document, found ${documents.length}`,
    );
  }
  const [document] = documents;
  if (document.errors.length > 0) {
    const [error] = document.errors;
    const at = error.linePos?.[0];
    throw new Error(
      `${error.message.split('\n')[0].replace(/ at line.*$/, '')}${
        at ? ` (line ${at.line}, column ${at.col})` : ''
      }`,
    );
  }
  return document.toJSON();
}
