import {
  PlaceholderResolver,
  PlaceholderResolverParams,
  processingResult,
} from '@backstage/plugin-catalog-node';
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
  const file = path.resolve(path.dirname(baseUrl), value);
  try {
    const content = await fs.readFile(file, 'utf8');
    params.emit(processingResult.refresh(`file:${file}`));
    return content;
  } catch (e) {
    throw new Error(
      `Placeholder $${key} could not read ${value} (resolved to ${file} next to ${baseUrl}): ${
        (e as Error).message
      }`,
    );
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
  params.emit(processingResult.refresh(`url:${url}`));
  return content;
}

function resolverFor(parse: Parse): PlaceholderResolver {
  return async params => {
    const content = isLocalFileBase(params.baseUrl)
      ? await readLocal(params)
      : await readRemote(params);
    return parse(content, params) as any;
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
