import { jsonBytesOver } from '../../../kind/documentLimits';
import {
  MAX_DOCUMENT_BYTES,
  MAX_DOCUMENT_DEPTH,
  formatLimitBytes,
} from '../../../kind/limits';
import { firstPathDeeperThan } from '../../../kind/nestingDepth';
import type { Finding } from '../../../policy/types';
import { ODCS_DOC } from '../findings';
import { contractFromOdcs } from '../fromOdcs';
import { isObject, Json, shown, textOf } from '../values';

/**
 * The largest ODCS document (as compact JSON) products can reference: each
 * product embeds the document it references once the catalog resolves
 * `$yaml`, and a whole entity may be at most 256 KiB; 16 KiB are left for
 * the rest of the entity.
 *
 * @public
 */
export const ODCS_IMPORT_MAX_BYTES = MAX_DOCUMENT_BYTES - 16 * 1024;

/**
 * What makes the document unusable for import (errors) or worth a word
 * (warnings), checked before anything walks it deeply.
 */
export function documentFindings(document: unknown, label: string): Finding[] {
  if (!isObject(document)) {
    return [
      problem(
        'error',
        label,
        `${label} is ${shown(
          document,
        )}, not an ODCS document: nothing can be imported from it`,
      ),
    ];
  }
  // Once resolved, the document sits at spec.contract.odcs of an entity:
  // three levels below the entity itself.
  const tooDeep = firstPathDeeperThan(document, MAX_DOCUMENT_DEPTH - 3);
  if (tooDeep !== undefined) {
    return [
      problem(
        'error',
        `${label}.${tooDeep}`,
        `${label}.${tooDeep} is nested more than ${
          MAX_DOCUMENT_DEPTH - 3
        } levels deep: no catalog entity can hold the document — flatten it`,
      ),
    ];
  }
  if (jsonBytesOver(document, ODCS_IMPORT_MAX_BYTES)) {
    return [
      problem(
        'error',
        label,
        `${label} is larger than ${formatLimitBytes(
          ODCS_IMPORT_MAX_BYTES,
        )} as JSON: every product embeds the document it references, and a catalog entity may be at most ${formatLimitBytes(
          MAX_DOCUMENT_BYTES,
        )}, so none of them could be stored — split the document, e.g. one per domain or group of tables`,
      ),
    ];
  }
  // apiVersion and kind as the mapping judges them (it reports nothing else
  // at the top level before the schema objects).
  const mapping = contractFromOdcs(document, { path: label }).findings.filter(
    finding =>
      finding.path === `${label}.apiVersion` ||
      finding.path === `${label}.kind`,
  );
  return [...mapping, ...objectNameFindings(document, label)];
}

/** Each object must be selectable by a name of its own. */
function objectNameFindings(odcs: Json, label: string): Finding[] {
  const schema = odcs.schema;
  const path = `${label}.schema`;
  if (schema === undefined || schema === null) return [];
  if (!Array.isArray(schema)) {
    return [
      problem(
        'error',
        path,
        `${path} is ${shown(
          schema,
        )}, not a list of schema objects: there is nothing to import — write \`schema: [{ name: orders, properties: [...] }]\``,
      ),
    ];
  }
  const findings: Finding[] = [];
  const first = new Map<string, number>();
  schema.forEach((object, index) => {
    const at = `${path}[${index}]`;
    if (!isObject(object)) {
      findings.push(
        problem('error', at, `${at} is ${shown(object)}, not a schema object`),
      );
      return;
    }
    const name = textOf(object.name);
    if (name === undefined) {
      findings.push(
        problem(
          'error',
          `${at}.name`,
          `${at}.name is missing: each product selects its schema object by name (odcsSchema) — name it, e.g. \`name: ${
            textOf(object.physicalName) ?? 'orders'
          }\``,
        ),
      );
      return;
    }
    const seen = first.get(name);
    if (seen === undefined) {
      first.set(name, index);
      return;
    }
    findings.push(
      problem(
        'error',
        `${at}.name`,
        `${at}.name repeats ${shown(
          name,
        )}, the name of ${path}[${seen}]: each product selects its schema object by name (odcsSchema), so two objects cannot share one — rename one of them`,
      ),
    );
  });
  return findings;
}

export function problem(
  severity: Finding['severity'],
  path: string,
  message: string,
): Finding {
  return {
    ruleId: 'schema',
    severity,
    path,
    message,
    hint: `An ODCS document of many schema objects becomes one DataProduct per object, each selecting its object by name with spec.contract.odcsSchema. See ${ODCS_DOC}.`,
  };
}
