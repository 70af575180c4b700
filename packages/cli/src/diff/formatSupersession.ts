import { annotation } from '../format/github';
import { plural } from '../format/summary';
import type { SupersessionResult } from './supersession';

/** `rule migration-mapping is warn for shared-mart: reported, not failing`, when it does not fail. */
function notEnforced(result: SupersessionResult): string | undefined {
  if (result.mapping.length === 0 || result.blocks) return undefined;
  return `rule migration-mapping is ${result.enforcement} for this category: reported, not failing`;
}

/**
 * For people: the v2 against the product it supersedes — versions, each
 * change v1 → v2, the mapping check (each finding at its line), and the
 * consumers still on v1.
 */
export function supersessionText(result: SupersessionResult): string[] {
  const lines = [
    `  ${result.entityRef}  supersedes ${result.supersedes} (${
      result.supersededFile
    }), ${result.fromVersion ?? 'no version'} → ${
      result.toVersion ?? 'no version'
    }`,
  ];
  for (const change of result.changes) {
    lines.push(
      `    ${change.kind.padEnd(12)} ${change.change.padEnd(22)} ${
        change.message
      }`,
    );
  }
  if (result.mapping.length === 0) {
    lines.push(
      `    migration-mapping: ok, ${plural(
        result.mappedCount,
        'dropped field',
      )} mapped, every target exists`,
    );
  }
  for (const finding of result.mapping) {
    const { line, col } = result.locate(finding.path);
    lines.push(
      `    ${`${line}:${col}`.padEnd(7)} ${finding.severity.padEnd(
        8,
      )} migration-mapping  ${finding.message}`,
    );
  }
  const lenient = notEnforced(result);
  if (lenient) lines.push(`    (${lenient})`);
  lines.push(
    result.consumers.length === 0
      ? `    consumers still on ${result.supersedes}: none in the given files`
      : `    consumers still on ${result.supersedes} (${
          result.consumers.length
        }): ${result.consumers.join(', ')}`,
  );
  return lines;
}

/** The JSON entry: exactly these keys. */
export function supersessionJson(result: SupersessionResult) {
  return {
    file: result.file,
    entityRef: result.entityRef,
    supersedes: result.supersedes,
    supersededFile: result.supersededFile,
    fromVersion: result.fromVersion,
    toVersion: result.toVersion,
    changes: result.changes.map(({ kind, change, path, message }) => ({
      kind,
      change,
      path,
      message,
    })),
    mapping: result.mapping.map(({ severity, message, path }) => ({
      severity,
      message,
      path,
    })),
    consumers: result.consumers,
    blocks: result.blocks,
  };
}

/** Each mapping finding at its line (error / warning / notice as the rule's enforcement), consumers as a notice. */
export function supersessionGithub(result: SupersessionResult): string[] {
  const lines = result.mapping.map(finding => {
    const { line, col } = result.locate(finding.path);
    const level = { error: 'error', warning: 'warning', info: 'notice' }[
      finding.severity
    ] as 'error' | 'warning' | 'notice';
    return annotation(
      level,
      { file: result.file, line, col, title: 'stockroom migration-mapping' },
      `${result.entityRef}: ${finding.message}`,
    );
  });
  if (result.consumers.length > 0) {
    const { line, col } = result.locate('spec.lifecycle.supersedes');
    lines.push(
      annotation(
        'notice',
        {
          file: result.file,
          line,
          col,
          title: 'stockroom consumers still on the superseded product',
        },
        `${result.consumers.length} still on ${
          result.supersedes
        }: ${result.consumers.join(', ')}`,
      ),
    );
  }
  return lines;
}

/** `2 superseding products checked against what they supersede: 1 mapping ok, 0 with mapping warnings, 1 blocked; 2 consumers still on superseded products.` */
export function supersessionSummary(results: SupersessionResult[]): string {
  const blocked = results.filter(r => r.blocks).length;
  const warned = results.filter(r => !r.blocks && r.mapping.length > 0).length;
  const ok = results.length - blocked - warned;
  const consumers = results.reduce((n, r) => n + r.consumers.length, 0);
  return (
    `${plural(results.length, 'superseding product')} checked against ${
      results.length === 1 ? 'the product it supersedes' : 'what they supersede'
    }: ` +
    `${ok} mapping ok, ${warned} with mapping warnings, ${blocked} blocked; ` +
    `${plural(consumers, 'consumer')} still on superseded products.`
  );
}
