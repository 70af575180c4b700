import type { StockroomPolicy } from '@stockroom/plugin-data-products-common';
import { pathToLine } from '../yaml/pathToLine';
import { loadDocuments } from './loadDocuments';
import { resolvePlaceholders } from './resolvePlaceholders';
import type { EntityResult, InputProblem } from './types';
import { verdict } from './verdict';

const API_GROUP = 'stockroom.io/';
const KIND = 'DataProduct';

export interface FileLint {
  results: EntityResult[];
  problems: InputProblem[];
  /** Documents of other kinds in the file. */
  skipped: number;
}

export interface LintFileOptions {
  policy: StockroomPolicy;
  now: Date;
  /** How paths appear in output (relative to the cwd). */
  display: (absolute: string) => string;
}

/**
 * Lints every DataProduct document of one file's text. A document counts as
 * a DataProduct when it says `kind: DataProduct` or uses the
 * `stockroom.io/` apiVersion, so a misspelt apiVersion or kind is a schema
 * finding (the catalog would reject it) rather than a silent skip.
 */
export function lintFile(
  absolute: string,
  text: string,
  options: LintFileOptions,
): FileLint {
  const file = options.display(absolute);
  const loaded = loadDocuments(file, text);
  const results: EntityResult[] = [];
  let skipped = 0;
  for (const { document, value } of loaded.documents) {
    if (!claimsDataProduct(value)) {
      skipped++;
      continue;
    }
    const resolved = resolvePlaceholders(value, absolute, options.display);
    const unresolved = resolved.findings.some(f => f.severity === 'error');
    // A placeholder the catalog cannot resolve stops processing before
    // validation: the entity is rejected with that error alone.
    const judged = unresolved
      ? { state: null, expiresOn: null, findings: [], blocked: true }
      : verdict(resolved.entity, options.policy, options.now);
    results.push({
      file,
      entityRef: entityRefOf(value),
      state: judged.state,
      expiresOn: judged.expiresOn,
      findings: [...resolved.findings, ...judged.findings],
      blocked: judged.blocked,
      locate: path => pathToLine(document, loaded.lineCounter, path),
    });
  }
  return { results, problems: loaded.problems, skipped };
}

function claimsDataProduct(value: Record<string, unknown>): boolean {
  return (
    value.kind === KIND ||
    (typeof value.apiVersion === 'string' &&
      value.apiVersion.startsWith(API_GROUP))
  );
}

/** `dataproduct:<namespace>/<name>`, readable even for an invalid entity. */
export function entityRefOf(value: Record<string, unknown>): string {
  const metadata = (value.metadata ?? {}) as Record<string, unknown>;
  const text = (v: unknown, fallback: string) =>
    typeof v === 'string' && v !== '' ? v : fallback;
  return `dataproduct:${text(metadata.namespace, 'default')}/${text(
    metadata.name,
    '(unnamed)',
  )}`;
}
