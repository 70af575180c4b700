import type { LifecycleStage } from '../../kind/types';
import { SEMVER_PATTERN } from '../../kind/patterns';
import type { MappingFindings } from './findings';
import { shown, textOf } from './values';

const SEMVER = new RegExp(SEMVER_PATTERN);

// ODCS `status` is free text; its examples are these five.
const STAGES: Record<string, LifecycleStage> = {
  proposed: 'draft',
  draft: 'draft',
  active: 'active',
  deprecated: 'deprecated',
  retired: 'retired',
};

/** ODCS `version` → the contract version, when it is semver (Stockroom compares majors). */
export function versionFromOdcs(
  version: unknown,
  path: string,
  findings: MappingFindings,
): string | undefined {
  if (version === undefined || version === null) {
    return undefined;
  }
  const text = typeof version === 'number' ? String(version) : textOf(version);
  if (text === undefined || !SEMVER.test(text)) {
    findings.warning(
      path,
      `is ${shown(
        version,
      )}, not a semantic version (MAJOR.MINOR.PATCH): it is ignored, since Stockroom could not tell a major bump — quote it, e.g. \`version: "1.0.0"\``,
    );
    return undefined;
  }
  return text;
}

/** ODCS `status` → the lifecycle stage (proposed and draft are both drafts). */
export function stageFromOdcs(
  status: unknown,
  path: string,
  findings: MappingFindings,
): LifecycleStage | undefined {
  if (status === undefined || status === null) {
    return undefined;
  }
  const text = textOf(status);
  const stage = text === undefined ? undefined : STAGES[text.toLowerCase()];
  if (stage === undefined) {
    findings.warning(
      path,
      `is ${shown(
        status,
      )}, not a status Stockroom maps (proposed, draft, active, deprecated, retired): it is ignored`,
    );
  }
  return stage;
}
