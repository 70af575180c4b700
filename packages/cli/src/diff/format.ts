import { posix } from 'node:path';
import { majorVersionOf } from '@stockroom/plugin-data-products-common';
import { annotation, problemAnnotation } from '../format/github';
import { formatInputProblem } from '../format/problems';
import { plural } from '../format/summary';
import type { FormatName, FormattedOutput } from '../format/types';
import {
  supersessionGithub,
  supersessionJson,
  supersessionSummary,
  supersessionText,
} from './formatSupersession';
import type { DiffReport, DiffResult } from './types';

/** The verdict fails the run (the engine's judgeContractChange decides). */
export function blocks(result: DiffResult): boolean {
  return result.blocks;
}

/** Why a verdict other than `ok` does not fail the run, if it does not. */
function notEnforced(result: DiffResult): string | undefined {
  if (result.verdict === 'ok' || result.enforcement === 'block') {
    return undefined;
  }
  return `rule breaking-change-needs-major is ${result.enforcement} for ${
    result.category ?? 'this category'
  }: reported, not failing`;
}

/**
 * What the verdict asks of the owner, or undefined when it is `ok`. The
 * engine decides the verdict; this only words it.
 */
export function verdictAdvice(result: DiffResult): string | undefined {
  const breaking = result.changes.filter(c => c.kind === 'breaking').length;
  const count =
    breaking === 1 ? 'a breaking change' : `${breaking} breaking changes`;
  const major = majorVersionOf(result.fromVersion);
  if (result.verdict === 'needs-major') {
    const bump =
      major === undefined
        ? 'set a new major spec.version'
        : `set spec.version to ${major + 1}.0.0 (now ${
            result.toVersion ?? 'none'
          })`;
    return `${count} without a major version bump: ${bump}`;
  }
  if (result.verdict === 'needs-new-entity') {
    return `${count} in a core entity: core entities need a new entity (e.g. ${successorName(
      result.name,
      major,
    )}) alongside this one, linked by lifecycle.supersedes, with migration.fieldMapping`;
  }
  return undefined;
}

/** `customer-identity-v2` at 2.x → `customer-identity-v3`; `orders` at 1.x → `orders-v2`. */
export function successorName(name: string, major: number | undefined): string {
  const versioned = /^(.*)-v(\d+)$/.exec(name);
  const current = major ?? (versioned ? Number(versioned[2]) : 1);
  return `${versioned ? versioned[1] : name}-v${current + 1}`;
}

/**
 * For people: per file, each product with its versions and verdict, its
 * changes as `line:col  kind  change  message`, what to do when it is not
 * ok; a summary last. Problems go to stderr.
 */
export function formatDiffText(report: DiffReport): FormattedOutput {
  const lines: string[] = [];
  let lastFile: string | undefined;
  for (const result of report.results) {
    if (result.file !== lastFile) {
      if (lastFile !== undefined) {
        lines.push('');
      }
      lines.push(result.file);
      lastFile = result.file;
    }
    lines.push(`  ${result.entityRef}  ${headline(result)}`);
    for (const change of result.changes) {
      const { file, line, col } = result.locateChange(change);
      // In the ODCS document: named relative to the entity file, as its $yaml does.
      const where = `${
        file === result.file
          ? ''
          : `${posix.relative(posix.dirname(result.file), file)}:`
      }${line}:${col}`;
      lines.push(
        `    ${where.padEnd(7)} ${change.kind.padEnd(
          12,
        )} ${change.change.padEnd(22)} ${change.message}`,
      );
    }
    const advice = verdictAdvice(result);
    if (advice) {
      lines.push(`    → ${advice}`);
    }
    const lenient = notEnforced(result);
    if (lenient) {
      lines.push(`    (${lenient})`);
    }
  }
  if (report.results.length > 0) {
    lines.push('');
  }
  lastFile = undefined;
  for (const result of report.supersessions) {
    if (result.file !== lastFile) {
      lines.push(result.file);
      lastFile = result.file;
    }
    lines.push(...supersessionText(result), '');
  }
  lines.push(...summaryLines(report));
  return {
    stdout: `${lines.join('\n')}\n`,
    stderr: report.problems.map(formatInputProblem).join(''),
  };
}

function headline(result: DiffResult): string {
  if (result.isNew) {
    return `new product (${result.toVersion ?? 'no version'}): ok`;
  }
  const versions =
    result.fromVersion === result.toVersion
      ? `${result.toVersion ?? 'no version'}`
      : `${result.fromVersion ?? 'no version'} → ${
          result.toVersion ?? 'no version'
        }`;
  const verdict = {
    ok: result.changes.length === 0 ? 'ok, contract unchanged' : 'ok',
    'needs-major': 'NEEDS A MAJOR VERSION',
    'needs-new-entity': 'NEEDS A NEW ENTITY',
  }[result.verdict];
  return `${versions}: ${verdict}`;
}

/**
 * `{"results":[{file, entityRef, fromVersion, toVersion, changes:[{kind,
 * change, path, message}], verdict}]}` — exactly these keys, a public
 * interface for tools. Problems go to stderr so stdout stays parseable.
 */
export function formatDiffJson(report: DiffReport): FormattedOutput {
  const results = report.results.map(result => ({
    file: result.file,
    entityRef: result.entityRef,
    fromVersion: result.fromVersion,
    toVersion: result.toVersion,
    changes: result.changes.map(({ kind, change, path, message }) => ({
      kind,
      change,
      path,
      message,
    })),
    verdict: result.verdict,
  }));
  // `supersessions` only when a product supersedes one of the loaded ones
  const output =
    report.supersessions.length > 0
      ? { results, supersessions: report.supersessions.map(supersessionJson) }
      : { results };
  return {
    stdout: `${JSON.stringify(output, null, 2)}\n`,
    stderr: report.problems.map(formatInputProblem).join(''),
  };
}

/**
 * GitHub Actions workflow commands on the pull request's diff: a breaking
 * change the verdict rejects is an `::error` at the line of the changed
 * field (`::warning` / `::notice` where the rule is at `warn` / `off` for
 * the category), with one more at `spec.version` saying what to do; a
 * breaking change released with a major bump, a notice (classification
 * changed) and a new product are `::notice`s. Non-breaking changes are only
 * counted.
 */
export function formatDiffGithub(report: DiffReport): FormattedOutput {
  const lines: string[] = [];
  for (const result of report.results) {
    const at = (fieldPath: string) => {
      const { line, col } = result.locate(fieldPath);
      return { file: result.file, line, col };
    };
    const atChange = (change: DiffResult['changes'][number]) => {
      const { file, line, col } = result.locateChange(change);
      return { file, line, col };
    };
    if (result.isNew) {
      lines.push(
        annotation(
          'notice',
          { ...at('metadata.name'), title: 'stockroom new product' },
          `${result.entityRef} is new since ${report.base}: nothing to compare`,
        ),
      );
      continue;
    }
    const rejected = result.verdict !== 'ok';
    // `block` fails the run (error); `warn` warns; `off` only informs.
    const severity = { block: 'error', warn: 'warning', off: 'notice' }[
      result.enforcement
    ];
    for (const change of result.changes) {
      if (change.kind === 'non-breaking') {
        continue;
      }
      lines.push(
        annotation(
          change.kind === 'breaking' && rejected ? severity : 'notice',
          {
            ...atChange(change),
            title: `stockroom ${change.kind} ${change.change}`,
          },
          change.kind === 'breaking' && !rejected
            ? `${change.message} (released as a new major version ${result.toVersion})`
            : change.message,
        ),
      );
    }
    const advice = verdictAdvice(result);
    if (advice) {
      const lenient = notEnforced(result);
      lines.push(
        annotation(
          severity,
          {
            ...at('spec.version'),
            title: `stockroom ${result.verdict}`,
          },
          `${result.entityRef}: ${advice}${lenient ? ` (${lenient})` : ''}`,
        ),
      );
    }
  }
  for (const result of report.supersessions) {
    lines.push(...supersessionGithub(result));
  }
  for (const problem of report.problems) {
    lines.push(problemAnnotation(problem));
  }
  lines.push(...summaryLines(report));
  return { stdout: `${lines.join('\n')}\n`, stderr: '' };
}

/**
 * `3 data products in 2 files compared with origin/main: 1 ok (1 new),
 * 1 needs a major version, 1 needs a new entity; 2 breaking, 1 non-breaking,
 * 0 notices.`
 */
export function summaryLine(report: DiffReport): string {
  const count = (verdict: DiffResult['verdict']) =>
    report.results.filter(r => r.verdict === verdict).length;
  const changes = (kind: string) =>
    report.results.reduce(
      (n, r) => n + r.changes.filter(c => c.kind === kind).length,
      0,
    );
  const fresh = report.results.filter(r => r.isNew).length;
  let line =
    `${plural(report.results.length, 'data product')} in ${plural(
      report.fileCount,
      'file',
    )} compared with ${report.base}: ` +
    `${count('ok')} ok${fresh > 0 ? ` (${fresh} new)` : ''}, ` +
    `${count('needs-major')} ${
      count('needs-major') === 1 ? 'needs' : 'need'
    } a major version, ` +
    `${count('needs-new-entity')} ${
      count('needs-new-entity') === 1 ? 'needs' : 'need'
    } a new entity; ` +
    `${changes('breaking')} breaking, ${changes(
      'non-breaking',
    )} non-breaking, ${plural(changes('notice'), 'notice')}`;
  const inputErrors = report.problems.filter(
    p => p.severity === 'error',
  ).length;
  if (inputErrors > 0) {
    line += `; ${plural(inputErrors, 'input error')}`;
  }
  return `${line}.`;
}

/** The git comparison's summary (when there is a base), then the supersessions' (when there are any). */
function summaryLines(report: DiffReport): string[] {
  const lines = report.base === undefined ? [] : [summaryLine(report)];
  if (report.supersessions.length > 0 || report.base === undefined) {
    lines.push(supersessionSummary(report.supersessions));
  }
  return lines;
}

export const DIFF_FORMATTERS: Record<
  FormatName,
  (report: DiffReport) => FormattedOutput
> = {
  text: formatDiffText,
  json: formatDiffJson,
  github: formatDiffGithub,
};
