import { Document, LineCounter, parseAllDocuments } from 'yaml';
import type { InputProblem } from './types';

/** One document of a YAML file that holds an object, as the catalog reads it. */
export interface LoadedDocument {
  document: Document;
  /** `document.toJSON()`: what the catalog would see as the entity. */
  value: Record<string, unknown>;
}

export interface LoadedFile {
  documents: LoadedDocument[];
  lineCounter: LineCounter;
  /** Invalid YAML, non-object documents; notes for an empty file. */
  problems: InputProblem[];
}

/**
 * The documents of a (multi-document) YAML file, parsed the way Backstage's
 * catalog parses `catalog-info.yaml` (yaml 1.2, no merge keys): a document
 * with errors is reported with its line and column and skipped, the others
 * are still returned, and empty documents are ignored.
 */
export function loadDocuments(file: string, text: string): LoadedFile {
  const lineCounter = new LineCounter();
  const problems: InputProblem[] = [];
  const documents: LoadedDocument[] = [];
  const parsed = parseAllDocuments(text, { lineCounter, merge: false });
  let nonEmpty = 0;
  for (const document of parsed) {
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
      problems.push({
        file,
        severity: 'error',
        message: `expected a mapping (an entity) at the document root, got ${
          Array.isArray(value) ? 'a list' : `a ${typeof value}`
        }`,
        ...lineCounter.linePos((document.contents?.range ?? document.range)[0]),
      });
      continue;
    }
    documents.push({ document, value: value as Record<string, unknown> });
  }
  if (nonEmpty === 0) {
    problems.push({
      file,
      severity: 'note',
      message: 'the file is empty: no YAML documents to lint',
    });
  }
  return { documents, lineCounter, problems };
}

// yaml's messages end in " at line L, column C:" and a source excerpt; the
// position is reported separately, so keep the sentence.
function firstLine(message: string): string {
  return message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
}
