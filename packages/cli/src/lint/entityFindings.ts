import {
  DATA_PRODUCT_API_VERSION,
  DATA_PRODUCT_KIND,
} from '@stockroom/plugin-data-products-common';
import { PathSegment, formatPath } from '../yaml/fieldPath';
import { catalogEntityCheck } from './catalogEntityCheck';
import { locateCatalogError } from './catalogErrorField';
import { entityHint } from './entityHint';
import type { LintFinding } from '../documents/types';

/** More than any file needs; bounds the loop whatever the input. */
const MAX_FINDINGS = 100;

/**
 * The catalog's own checks of the entity envelope and metadata (see
 * catalogEntityCheck), as findings of rule `entity`. The catalog reports
 * only its first problem; to give the owner every problem in one run, each
 * problem's field is set aside in a copy and the checks run again, until
 * they pass. Whether there is a finding at all is the catalog's verdict.
 */
export async function entityFindings(entity: unknown): Promise<LintFinding[]> {
  const findings: LintFinding[] = [];
  const working = structuredClone(entity);
  const reported = new Set<string>();
  while (findings.length < MAX_FINDINGS) {
    const message = await catalogEntityCheck(working);
    if (message === undefined) {
      break;
    }
    const located = await locateCatalogError(message, working);
    const field = located.field ?? [];
    const path = formatPath(field);
    if (reported.has(path)) {
      break; // setting it aside did not help: do not loop
    }
    reported.add(path);
    findings.push({
      ruleId: 'entity',
      severity: 'error',
      message: withoutFormatLink(located.message),
      path,
      hint: entityHint(field, message),
    });
    if (!setAside(working, field)) {
      break;
    }
  }
  return findings;
}

// Every FieldFormatEntityPolicy message ends with the same link to the
// catalog file format ADR; docs/cli.md links it once instead.
function withoutFormatLink(message: string): string {
  return message
    .replace(/\s*To learn more about catalog file format, visit: \S+$/, '')
    .trim();
}

/**
 * Stand-ins for fields an entity cannot do without, so the checks can go on
 * to the fields after them. They only need to pass the catalog's checks; if
 * one did not, the same path would come back and the loop stop.
 */
const STAND_INS: Record<string, unknown> = {
  apiVersion: DATA_PRODUCT_API_VERSION,
  kind: DATA_PRODUCT_KIND,
  'metadata.name': 'x',
  'metadata.tags[]': 'x',
  'metadata.links[]': { url: 'https://example.com' },
  'metadata.links[].url': 'https://example.com',
};

/**
 * Takes the field out of the way in `entity`: a stand-in for required
 * fields and list items (so later indices keep their place), else the key
 * is deleted. False when there is nothing to set aside.
 */
function setAside(entity: unknown, field: PathSegment[]): boolean {
  if (field.length === 0) {
    return false;
  }
  const parent = field
    .slice(0, -1)
    .reduce<unknown>(
      (node, segment) =>
        node !== null && typeof node === 'object'
          ? (node as Record<PathSegment, unknown>)[segment]
          : undefined,
      entity,
    );
  if (parent === null || typeof parent !== 'object') {
    return false;
  }
  const key = field[field.length - 1];
  const standIn = STAND_INS[formatPath(field).replace(/\[\d+\]/g, '[]')];
  if (standIn !== undefined) {
    (parent as Record<PathSegment, unknown>)[key] = structuredClone(standIn);
  } else if (Array.isArray(parent)) {
    return false;
  } else {
    delete (parent as Record<PathSegment, unknown>)[key];
  }
  return true;
}
