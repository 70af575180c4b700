import {
  PlaceholderResolver,
  PlaceholderResolverParams,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  PLACEHOLDER_MAX_BYTES,
  isInsideFolder,
  placeholderOutsideFolderMessage,
  placeholderPathProblem,
  placeholderTooLargeMessage,
  placeholderTooDeepMessage,
} from '@stockroom/plugin-data-products-common';
import parseGitUrl from 'git-url-parse';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/*
 * Backstage 1.55's `$yaml`/`$json`/`$text` placeholders cannot resolve a
 * relative path when the entity comes from a `file` location: the base is a
 * plain path, `new URL()` rejects it ("could not form a URL",
 * backstage/backstage#30702). DataProducts reference ODCS contracts exactly
 * that way (`odcs: { $yaml: ./contract.odcs.yaml }`), so this module registers
 * resolvers that read such paths relative to the entity file, and otherwise
 * behave like Backstage's own (same URL resolution, same same-repository
 * guard, same errors).
 *
 * Because these replace Backstage's resolvers for every entity kind, they
 * also close what Backstage's own would leave open on a file location: a
 * local read is contained to the entity file's folder tree (after symlinks
 * are resolved), absolute paths are refused, and no file over
 * PLACEHOLDER_MAX_BYTES is read (the rule lives in -common, shared with the
 * CLI; see docs/security.md).
 */

type Parse = (content: string, params: PlaceholderResolverParams) => unknown;

const isLocalFileBase = (base: string) =>
  path.isAbsolute(base) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(base);

async function readLocal(params: PlaceholderResolverParams) {
  const { key, value, baseUrl } = params;
  if (typeof value !== 'string') {
    throw new Error(
      `Placeholder $${key} expected a string value parameter, in the form of an absolute URL or a relative path`,
    );
  }
  const refuse = (why: string) =>
    new Error(`Placeholder $${key} may not read ${why}`);
  const problem = placeholderPathProblem(value);
  if (problem) throw refuse(`the path given: it ${problem}`);
  const folder = path.dirname(baseUrl);
  const file = path.resolve(folder, value);
  if (!isInsideFolder(folder, file)) {
    throw refuse(placeholderOutsideFolderMessage(value, false));
  }
  let content: string;
  try {
    // Containment is judged on real paths: a symlink inside the folder may
    // point anywhere on the host.
    const [realFolder, realFile] = await Promise.all([
      fs.realpath(folder),
      fs.realpath(file),
    ]);
    if (!isInsideFolder(realFolder, realFile)) {
      throw refuse(placeholderOutsideFolderMessage(value, true));
    }
    content = await readAtMost(realFile, value, refuse);
  } catch (e) {
    if ((e as Error).message.startsWith(`Placeholder $${key} may not`)) {
      throw e;
    }
    throw new Error(
      `Placeholder $${key} could not read ${value} (resolved to ${file} next to ${baseUrl}): ${
        (e as Error).message
      }`,
    );
  }
  params.emit(processingResult.refresh(`file:${file}`));
  return content;
}

/** Reads a file, refusing it when it is larger than a placeholder may read. */
async function readAtMost(
  file: string,
  value: string,
  refuse: (why: string) => Error,
): Promise<string> {
  const handle = await fs.open(file, 'r');
  try {
    // Size from the open handle, so the file checked is the file read.
    const { size } = await handle.stat();
    if (size > PLACEHOLDER_MAX_BYTES) {
      throw refuse(placeholderTooLargeMessage(value, size));
    }
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

function assertSameRepository(resolvedUrl: string, baseUrl: string) {
  let resolved;
  let base;
  try {
    resolved = parseGitUrl(resolvedUrl);
    base = parseGitUrl(baseUrl);
  } catch {
    return;
  }
  if (!resolved.owner || !resolved.name || !resolved.filepath) return;
  if (!base.owner || !base.name || !base.filepath) return;
  if (
    resolved.resource !== base.resource ||
    resolved.full_name !== base.full_name
  ) {
    throw new Error(
      'Placeholder may only reference files from the same repository as the entity',
    );
  }
}

async function readRemote(params: PlaceholderResolverParams) {
  const { key, value, baseUrl, resolveUrl, read } = params;
  if (typeof value !== 'string') {
    throw new Error(
      `Placeholder $${key} expected a string value parameter, in the form of an absolute URL or a relative path`,
    );
  }
  let url: string;
  try {
    url = resolveUrl(value, baseUrl);
    assertSameRepository(url, baseUrl);
  } catch (e) {
    throw new Error(
      `Placeholder $${key} could not form a URL out of ${baseUrl} and ${value}, ${e}`,
    );
  }
  let content: string;
  try {
    content = (await read(url)).toString('utf-8');
  } catch (e) {
    throw new Error(
      `Placeholder $${key} could not read location ${value}, ${e}`,
    );
  }
  const bytes = Buffer.byteLength(content, 'utf8');
  if (bytes > PLACEHOLDER_MAX_BYTES) {
    throw new Error(
      `Placeholder $${key} may not read ${placeholderTooLargeMessage(
        value,
        bytes,
      )}`,
    );
  }
  params.emit(processingResult.refresh(`url:${url}`));
  return content;
}

function resolverFor(parse: Parse): PlaceholderResolver {
  return async params => {
    const content = isLocalFileBase(params.baseUrl)
      ? await readLocal(params)
      : await readRemote(params);
    const parsed = parse(content, params);
    // the readers above refused any value but a string path
    const tooDeep = placeholderTooDeepMessage(String(params.value), parsed);
    if (tooDeep) {
      throw new Error(`Placeholder $${params.key} may not read ${tooDeep}`);
    }
    return parsed as any;
  };
}

const parseYaml: Parse = (content, { key, value }) => {
  const documents = parseAllDocuments(content, { merge: false }).filter(d => d);
  if (documents.length !== 1) {
    throw new Error(
      `Placeholder $${key} expected to find exactly one document of data at ${value}, found ${documents.length}`,
    );
  }
  const [document] = documents as any[];
  if (document.errors?.length) {
    throw new Error(
      `Placeholder $${key} found an error in the data at ${value}, ${document.errors[0]}`,
    );
  }
  return document.toJSON();
};

const parseJson: Parse = (content, { key, value }) => {
  try {
    return JSON.parse(content);
  } catch (e) {
    throw new Error(
      `Placeholder $${key} failed to parse JSON data at ${value}, ${e}`,
    );
  }
};

/** `$yaml`, `$json` and `$text` resolvers that also work for file locations. */
export const placeholderResolvers: Record<string, PlaceholderResolver> = {
  yaml: resolverFor(parseYaml),
  json: resolverFor(parseJson),
  text: resolverFor(content => content),
};
