import fs from 'node:fs';
import path from 'node:path';
import {
  ClassifiedContractChange,
  DataProductEntityV1alpha1,
  StockroomPolicy,
  breakingChangeEnforcement,
  judgeContractChange,
  isDataProductEntity,
  PreparedDataProduct,
  prepareDataProduct,
} from '@stockroom/plugin-data-products-common';
import type { Document, LineCounter } from 'yaml';
import { GitRepo } from '../git/git';
import { entityRefOf } from '../documents/entityRef';
import { loadDocuments } from '../documents/loadDocuments';
import { resolvePlaceholders } from '../documents/resolvePlaceholders';
import type { InputProblem, LintFinding } from '../documents/types';
import { pathToLine } from '../yaml/pathToLine';
import { ChangeSources, LocatedDocument, locateChange } from './locateChange';
import { notFound, placeholderFiles } from './placeholders';
import type { DiffResult } from './types';

/** A file to compare: where it is now and where it was at the base commit. */
export interface FileToCompare {
  /** Absolute path in the working tree. */
  absolute: string;
  /** How the file appears in output (relative to the cwd). */
  display: string;
  /** Its path at the base commit, from the repository root (differs after a rename). */
  baseFile: string;
}

export interface CompareContext {
  repo: GitRepo;
  /** The base commit id. */
  commit: string;
  /** The base ref as the user wrote it, for messages. */
  base: string;
  /** How paths appear in output (relative to the cwd). */
  display: (absolute: string) => string;
  /** The policy whose `breaking-change-needs-major` enforcement applies. */
  policy: StockroomPolicy;
}

export interface FileComparison {
  results: DiffResult[];
  problems: InputProblem[];
}

interface SideProduct {
  entityRef: string;
  /** The entity as written, placeholders unresolved. */
  raw: Record<string, unknown>;
  name: string;
  /** The entity with its placeholders resolved, as the catalog sees it. */
  entity: Record<string, unknown>;
  /** Placeholder findings: errors (unresolvable) and warnings (URLs not fetched). */
  findings: LintFinding[];
  document: Document;
  lineCounter: LineCounter;
}

/**
 * Compares the contract of every DataProduct document in one file with the
 * same product (same entity ref) in the file's version at the base commit:
 * both sides get their placeholders resolved (at the base, from that commit)
 * and are normalized, classified and judged by the engine — the CLI adds
 * no judgement of its own.
 */
export async function compareFile(
  target: FileToCompare,
  text: string,
  context: CompareContext,
): Promise<FileComparison> {
  const problems: InputProblem[] = [];
  const after = loadWorkingTree(target, text, context, problems);
  const before = await loadAtBase(target, context, problems);

  const results: DiffResult[] = [];
  for (const product of after) {
    const locate = (fieldPath: string) =>
      pathToLine(product.document, product.lineCounter, fieldPath);
    const unresolved = product.findings.filter(f => f.severity === 'error');
    if (unresolved.length > 0) {
      // The catalog would reject the entity: there is no contract to judge.
      problems.push(
        ...unresolved.map(finding => ({
          file: target.display,
          severity: 'error' as const,
          message: `${product.entityRef}: ${finding.message}`,
          ...locate(finding.path),
        })),
      );
      continue;
    }
    problems.push(...urlNotes(product, target.display, locate));

    const normalized = normalize(product, target.display, problems);
    if (!normalized) {
      continue;
    }
    const mappingErrors = normalized.contractFindings.filter(
      f => f.severity === 'error',
    );
    if (mappingErrors.length > 0) {
      // The catalog would reject the entity: its contract is not what the
      // owner meant, so there is nothing sound to compare.
      problems.push(
        ...mappingErrors.map(finding => ({
          file: target.display,
          severity: 'error' as const,
          message: `${product.entityRef}: ${finding.message} (the catalog would reject it; run \`stockroom lint\`)`,
          ...locate('spec.contract.odcs'),
        })),
      );
      continue;
    }
    const afterContract = normalized.contract;
    const previous = before.get(product.entityRef);
    // What the ODCS mapping could not use at the base is compared as mapped.
    const beforeContract = previous
      ? normalize(previous, `${context.base}:${target.baseFile}`, problems)
          ?.contract
      : undefined;
    const category = (product.entity.spec as { category?: unknown } | undefined)
      ?.category;
    const toVersion = afterContract.version ?? null;
    if (!beforeContract) {
      results.push({
        file: target.display,
        entityRef: product.entityRef,
        fromVersion: null,
        toVersion,
        changes: [],
        verdict: 'ok',
        category: typeof category === 'string' ? category : undefined,
        enforcement: breakingChangeEnforcement(context.policy, category),
        blocks: false,
        name: product.name,
        isNew: true,
        locate,
        locateChange: change => ({
          file: target.display,
          ...locate(change.path),
        }),
      });
      continue;
    }
    const { changes, verdict, enforcement, blocks } = judgeContractChange(
      beforeContract,
      afterContract,
      { category, policy: context.policy },
    );
    const sources: ChangeSources = {
      entity: {
        file: target.display,
        document: product.document,
        lineCounter: product.lineCounter,
      },
      odcs: odcsDocument(product.raw, target.absolute, context.display),
      before: beforeContract,
      after: afterContract,
    };
    const fromVersion = beforeContract.version ?? null;
    results.push({
      file: target.display,
      entityRef: product.entityRef,
      fromVersion,
      toVersion,
      changes,
      verdict,
      category: typeof category === 'string' ? category : undefined,
      enforcement,
      blocks,
      name: product.name,
      isNew: false,
      locate,
      locateChange: (change: ClassifiedContractChange) =>
        locateChange(sources, change),
    });
  }

  const now = new Set(after.map(p => p.entityRef));
  for (const gone of before.keys()) {
    if (!now.has(gone)) {
      problems.push({
        file: target.display,
        severity: 'note',
        message: `${gone} was in this file at ${context.base} and is not any more; its consumers lose it — deprecate it (lifecycle.stage: deprecated, sunsetOn, successor) before removing it`,
      });
    }
  }
  return { results, problems };
}

function loadWorkingTree(
  target: FileToCompare,
  text: string,
  context: CompareContext,
  problems: InputProblem[],
): SideProduct[] {
  const loaded = loadDocuments(target.display, text);
  problems.push(...loaded.problems.filter(p => p.severity === 'error'));
  return loaded.documents
    .filter(({ value }) => isDataProductEntity(value as any))
    .map(({ document, value }) => {
      const resolved = resolvePlaceholders(
        value,
        target.absolute,
        context.display,
      );
      return {
        entityRef: entityRefOf(value),
        raw: value,
        name: nameOf(value),
        entity: resolved.entity,
        findings: resolved.findings,
        document,
        lineCounter: loaded.lineCounter,
      };
    });
}

/**
 * The products of the file at the base commit, by entity ref. A file or a
 * product that is not there, or that the catalog could not have read there
 * (invalid YAML, a placeholder file missing at that commit), has no
 * previous contract: its products count as new, with a note.
 */
async function loadAtBase(
  target: FileToCompare,
  context: CompareContext,
  problems: InputProblem[],
): Promise<Map<string, SideProduct>> {
  const products = new Map<string, SideProduct>();
  const text = await context.repo.show(context.commit, target.baseFile);
  if (text === undefined) {
    return products;
  }
  const where = `${context.base}:${target.baseFile}`;
  const loaded = loadDocuments(where, text);
  for (const problem of loaded.problems) {
    if (problem.severity === 'error') {
      problems.push({
        file: target.display,
        severity: 'note',
        message: `the version at ${where}${
          problem.line ? `:${problem.line}` : ''
        } cannot be read (${
          problem.message
        }); products that document held count as new`,
      });
    }
  }
  const absolute = path.join(context.repo.root, ...target.baseFile.split('/'));
  const atBase = (file: string) =>
    `${context.base}:${toPosix(path.relative(context.repo.root, file))}`;
  for (const { document, value } of loaded.documents) {
    if (!isDataProductEntity(value as any)) {
      continue;
    }
    const contents = new Map<string, string>();
    for (const file of placeholderFiles(value, absolute)) {
      const inRepo = toPosix(path.relative(context.repo.root, file));
      if (!inRepo.startsWith('../') && !path.isAbsolute(inRepo)) {
        const content = await context.repo.show(context.commit, inRepo);
        if (content !== undefined) {
          contents.set(file, content);
        }
      }
    }
    const resolved = resolvePlaceholders(value, absolute, atBase, file => {
      const content = contents.get(file);
      if (content === undefined) {
        throw notFound();
      }
      return content;
    });
    const entityRef = entityRefOf(value);
    const unresolved = resolved.findings.find(f => f.severity === 'error');
    if (unresolved) {
      problems.push({
        file: target.display,
        severity: 'note',
        message: `${entityRef} at ${context.base}: ${unresolved.message}; the catalog could not read its contract there, so it counts as new`,
      });
      continue;
    }
    if (!products.has(entityRef)) {
      products.set(entityRef, {
        entityRef,
        raw: value,
        name: nameOf(value),
        entity: resolved.entity,
        findings: resolved.findings,
        document,
        lineCounter: loaded.lineCounter,
      });
    }
  }
  return products;
}

function normalize(
  product: SideProduct,
  where: string,
  problems: InputProblem[],
): PreparedDataProduct | undefined {
  try {
    return prepareDataProduct(
      product.entity as unknown as DataProductEntityV1alpha1,
    );
  } catch (error) {
    // A shape so far off the schema that the engine cannot read it; lint says why.
    problems.push({
      file: where,
      severity: 'error',
      message: `${product.entityRef}: cannot read its contract (${
        (error as Error)?.message ?? String(error)
      }); run \`stockroom lint\` on it`,
    });
    return undefined;
  }
}

/** Remote placeholders are not fetched: the comparison could not see them. */
function urlNotes(
  product: SideProduct,
  file: string,
  locate: (fieldPath: string) => { line: number; col: number },
): InputProblem[] {
  return product.findings
    .filter(f => f.severity === 'warning')
    .map(finding => ({
      file,
      severity: 'note' as const,
      message: `${product.entityRef}: ${finding.path} names a URL; the CLI does not fetch it, so what it holds was not compared`,
      ...locate(finding.path),
    }));
}

/**
 * The working-tree ODCS document of `spec.contract.odcs: { $yaml: <file> }`,
 * parsed with positions, so changes that come from it are shown there.
 */
function odcsDocument(
  raw: Record<string, unknown>,
  entityFile: string,
  display: (absolute: string) => string,
): LocatedDocument | undefined {
  const spec = raw.spec as { contract?: { odcs?: unknown } } | undefined;
  const odcs = spec?.contract?.odcs as Record<string, unknown> | undefined;
  const target = odcs?.$yaml;
  if (
    typeof target !== 'string' ||
    Object.keys(odcs ?? {}).length !== 1 ||
    /^[a-z][a-z0-9+.-]*:/i.test(target)
  ) {
    return undefined;
  }
  const absolute = path.resolve(path.dirname(entityFile), target);
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch {
    return undefined;
  }
  const loaded = loadDocuments(display(absolute), text);
  const [first] = loaded.documents;
  return first
    ? {
        file: display(absolute),
        document: first.document,
        lineCounter: loaded.lineCounter,
      }
    : undefined;
}

function nameOf(value: Record<string, unknown>): string {
  const metadata = (value.metadata ?? {}) as Record<string, unknown>;
  return typeof metadata.name === 'string' ? metadata.name : '(unnamed)';
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
