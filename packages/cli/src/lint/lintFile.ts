import {
  type RuleContext,
  type StockroomPolicy,
  nestedTooDeepProblem,
} from '@stockroom/plugin-data-products-common';
import { pathToLine } from '../yaml/pathToLine';
import { entityFindings } from './entityFindings';
import { loadDocuments } from '../documents/loadDocuments';
import { resolvePlaceholders } from '../documents/resolvePlaceholders';
import { entityRefOf } from '../documents/entityRef';
import type { InputProblem } from '../documents/types';
import type { EntityResult } from './types';
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
  /**
   * What the processor would read from the catalog for this entity (the
   * contract of the product it supersedes), from the other loaded files.
   */
  ruleContext?: (entity: Record<string, unknown>) => RuleContext;
}

/**
 * Lints every DataProduct document of one file's text. A document counts as
 * a DataProduct when it says `kind: DataProduct` or uses the
 * `stockroom.io/` apiVersion, so a misspelt apiVersion or kind is a schema
 * finding (the catalog would reject it) rather than a silent skip.
 *
 * The stages are the catalog's: placeholders are resolved (one that cannot
 * be stops everything), then the checks the catalog applies to every entity
 * (`entity` findings), then the DataProduct processor's verdict. The
 * catalog stops at the first stage that fails; lint still shows the
 * processor's findings after `entity` ones, so one run lists every fix.
 */
export async function lintFile(
  absolute: string,
  text: string,
  options: LintFileOptions,
): Promise<FileLint> {
  const file = options.display(absolute);
  const loaded = loadDocuments(file, text);
  const results: EntityResult[] = [];
  let skipped = 0;
  for (const { document, value, tooDeep } of loaded.documents) {
    if (!claimsDataProduct(value)) {
      skipped++;
      continue;
    }
    if (tooDeep) {
      // The catalog's parser overflows on it ("Maximum call stack size
      // exceeded"): nothing else can be judged.
      results.push({
        file,
        entityRef: entityRefOf(value),
        state: null,
        expiresOn: null,
        findings: tooDeep.map(path => ({
          ruleId: 'schema',
          severity: 'error',
          ...nestedTooDeepProblem(path),
        })),
        blocked: true,
        locate: path => pathToLine(document, loaded.lineCounter, path),
      });
      continue;
    }
    const resolved = resolvePlaceholders(value, absolute, options.display);
    const unresolved = resolved.findings.some(f => f.severity === 'error');
    // A placeholder the catalog cannot resolve stops processing before
    // validation: the entity is rejected with that error alone.
    const entity = unresolved ? [] : await entityFindings(resolved.entity);
    const judged = unresolved
      ? { state: null, expiresOn: null, findings: [], blocked: true }
      : verdict(
          resolved.entity,
          options.policy,
          options.now,
          options.ruleContext?.(value),
        );
    // An entity the catalog refuses is never evaluated: it has no state.
    const refused = entity.length > 0;
    results.push({
      file,
      entityRef: entityRefOf(value),
      state: refused ? null : judged.state,
      expiresOn: refused ? null : judged.expiresOn,
      findings: [...resolved.findings, ...entity, ...judged.findings],
      blocked: refused || judged.blocked,
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
