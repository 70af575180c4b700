import { Document, LineCounter, parseAllDocuments } from 'yaml';
import { MAX_DOCUMENT_DEPTH } from '@stockroom/plugin-data-products-common';
import {
  DeepFlowCollection,
  deepFlowCollections,
} from '../yaml/deepFlowCollections';
import { formatPath } from '../yaml/fieldPath';
import { pathAtOffset } from '../yaml/pathAtOffset';
import type { InputProblem } from './types';

/** One document of a YAML file that holds an object, as the catalog reads it. */
export interface LoadedDocument {
  document: Document;
  /** `document.toJSON()`: what the catalog would see as the entity. */
  value: Record<string, unknown>;
  /**
   * Fields written as flow collections nested more than
   * MAX_DOCUMENT_DEPTH levels (see deepFlowCollections). The parser never
   * saw them: each reads as `null` in `value`, so the document is judged
   * by these paths alone.
   */
  tooDeep?: string[];
}

export interface LoadedFile {
  documents: LoadedDocument[];
  lineCounter: LineCounter;
  /** Invalid YAML, non-object documents; a warning for an empty file. */
  problems: InputProblem[];
}

/**
 * The documents of a (multi-document) YAML file, parsed the way Backstage's
 * catalog parses `catalog-info.yaml` (yaml 1.2, no merge keys): a document
 * with errors is reported with its line and column and skipped, the others
 * are still returned, and empty documents are ignored. What the catalog
 * does with a file that is not entities is said in the problem: see
 * notAnEntity and emptyFile.
 */
export function loadDocuments(file: string, text: string): LoadedFile {
  const lineCounter = new LineCounter();
  const problems: InputProblem[] = [];
  const documents: LoadedDocument[] = [];
  // Collections too deep for the parser are blanked out (same length, so
  // every position stays true) and named by their field afterwards.
  const deep = deepFlowCollections(text, MAX_DOCUMENT_DEPTH);
  const parsed = parseAllDocuments(blankOut(text, deep), {
    lineCounter,
    merge: false,
  });
  let nonEmpty = 0;
  for (const [index, document] of parsed.entries()) {
    if (document.errors.length > 0) {
      nonEmpty++;
      const [error] = document.errors;
      const position = error.linePos?.[0];
      problems.push({
        file,
        severity: 'error',
        message: `invalid YAML: ${firstLine(error.message)}`,
        line: position?.line,
        col: position?.col,
      });
      continue;
    }
    let value: unknown;
    try {
      value = document.toJSON();
    } catch (error) {
      // e.g. an alias to nowhere or an alias bomb
      problems.push({
        file,
        severity: 'error',
        message: `invalid YAML: ${(error as Error).message}`,
        ...lineCounter.linePos(document.range[0]),
      });
      continue;
    }
    if (value === null || value === undefined) {
      continue;
    }
    nonEmpty++;
    if (typeof value !== 'object' || Array.isArray(value)) {
      const at = lineCounter.linePos(
        (document.contents?.range ?? document.range)[0],
      );
      problems.push({
        file,
        severity: 'error',
        message: notAnEntity(index + 1, at.line, value),
        ...at,
      });
      continue;
    }
    const tooDeep = deep
      .filter(
        ({ start }) => start >= document.range[0] && start < document.range[2],
      )
      .map(({ start }) => formatPath(pathAtOffset(document, start) ?? []));
    documents.push({
      document,
      value: value as Record<string, unknown>,
      ...(tooDeep.length > 0 ? { tooDeep } : {}),
    });
  }
  if (nonEmpty === 0) {
    problems.push({ file, severity: 'warning', message: emptyFile(text) });
  }
  return { documents, lineCounter, problems };
}

/**
 * A document that is a list or a scalar. The catalog's parser
 * (parseEntityYaml in @backstage/plugin-catalog-node) reports it as
 * "Expected object at root, got <typeof>" — `object` for a list, which
 * puzzles owners — and the error fails the file's Location, so none of the
 * file's documents is updated.
 */
function notAnEntity(index: number, line: number, value: unknown): string {
  const what = Array.isArray(value) ? 'a list' : `a ${typeof value}`;
  return (
    `document ${index} (line ${line}) is ${what}; the catalog expects each document to be one entity ` +
    '(a mapping with apiVersion, kind, metadata, spec). ' +
    `It fails the whole file with "Expected object at root, got ${typeof value}" ` +
    '(on the file’s Location entity, not on your entities): ' +
    'no change to this file reaches the catalog until this is fixed'
  );
}

/**
 * A file with no entity: the catalog reads none from it, so every entity it
 * used to define is orphaned, and orphans are deleted (the default
 * `catalog.orphanStrategy`) — silently, from the owner's side.
 */
function emptyFile(text: string): string {
  const content = text
    .split('\n')
    .map(line => line.trim())
    .filter(line => line !== '');
  let reason = 'the file is empty';
  if (content.length > 0) {
    reason = content.every(line => line.startsWith('#'))
      ? 'the file holds only comments'
      : 'the file holds only empty documents';
  }
  return (
    `${reason}: the catalog will read no entity from it and delete any entity this file used to define; ` +
    '`stockroom diff --base <ref>` lists the DataProducts it held'
  );
}

/** `text` with each span replaced by `null` and spaces, newlines kept. */
function blankOut(text: string, spans: DeepFlowCollection[]): string {
  let result = '';
  let at = 0;
  for (const { start, end } of spans) {
    const span = text.slice(start, end).replace(/[^\n]/g, ' ');
    result += `${text.slice(at, start)}null${span.slice(4)}`;
    at = end;
  }
  return result + text.slice(at);
}

// yaml's messages end in " at line L, column C:" and a source excerpt; the
// position is reported separately, so keep the sentence.
function firstLine(message: string): string {
  return message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
}
