import fs from 'node:fs';
import path from 'node:path';
import {
  PLACEHOLDER_MAX_BYTES,
  isInsideFolder,
  placeholderOutsideFolderMessage,
  placeholderPathProblem,
  placeholderTooLargeMessage,
  placeholderTooDeepMessage,
} from '@stockroom/plugin-data-products-common';
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

/**
 * A file the placeholder rule forbids reading: a symlink out of the folder,
 * or (with `bytes`) a file over the size cap.
 */
class PlaceholderRefused extends Error {
  constructor(readonly bytes?: number) {
    super(
      bytes === undefined
        ? 'symlink out of the folder'
        : `${bytes} bytes, over the cap`,
    );
  }
}

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
 * Like the catalog, a placeholder may only read a file in the entity file's
 * folder or below it, no larger than PLACEHOLDER_MAX_BYTES (-common's rule,
 * shared with the catalog module): anything else is an error finding, since
 * the catalog refuses the entity, and the file is never read.
 *
 * @param read - reads a referenced file (default: from disk, symlinks
 *   resolved and contained); `stockroom diff` reads them from a git commit
 *   instead. Throws like `fs` when the file cannot be read.
 */
export function resolvePlaceholders(
  entity: Record<string, unknown>,
  file: string,
  display: (absolute: string) => string = p => p,
  read: (absolute: string, folder: string) => string = readFromDisk,
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
    // The path rule first: `file:` looks like a URL but is a local absolute
    // path, which the catalog refuses.
    const refused = placeholderPathProblem(target);
    if (refused) {
      problem('error', `${key} may not read the path given: it ${refused}`);
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
    if (!isInsideFolder(base, absolute)) {
      problem(
        'error',
        `${key} may not read ${placeholderOutsideFolderMessage(target, false)}`,
      );
      return value;
    }
    let content: string;
    try {
      content = read(absolute, base);
    } catch (error) {
      if (error instanceof PlaceholderRefused) {
        problem(
          'error',
          `${key} may not read ${
            error.bytes === undefined
              ? placeholderOutsideFolderMessage(target, true)
              : placeholderTooLargeMessage(target, error.bytes)
          }`,
        );
        return value;
      }
      problem(
        'error',
        `${key} file ${target} cannot be read (${display(
          absolute,
        )}: ${describeFsError(error)})`,
      );
      return value;
    }
    try {
      const parsed = parse(content);
      const tooDeep = placeholderTooDeepMessage(target, parsed);
      if (tooDeep) {
        problem('error', `${key} may not read ${tooDeep}`);
        return value;
      }
      return parsed;
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

/**
 * Reads `absolute` as the catalog would: its real path (symlinks resolved)
 * must stay inside the entity's real folder, and it must fit the size cap.
 */
function readFromDisk(absolute: string, folder: string): string {
  const realFile = fs.realpathSync(absolute);
  if (!isInsideFolder(fs.realpathSync(folder), realFile)) {
    throw new PlaceholderRefused();
  }
  const fd = fs.openSync(realFile, 'r');
  try {
    const { size } = fs.fstatSync(fd);
    if (size > PLACEHOLDER_MAX_BYTES) {
      throw new PlaceholderRefused(size);
    }
    return fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
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
