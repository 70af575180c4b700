import type { DataProductCostOption } from '../../kind/types';
import type { Finding } from '../../policy/types';
import type { NormalizedContract } from '../types';
import { costOptionsFromOdcs } from './costOptionsFromOdcs';
import { EXTENSION, readExtension } from './extensions';
import { MappingFindings } from './findings';
import { stageFromOdcs, versionFromOdcs } from './lifecycleFromOdcs';
import { priceFromOdcs } from './priceFromOdcs';
import { qualityFromOdcs } from './qualityFromOdcs';
import { schemaFromOdcs } from './schemaFromOdcs';
import { accessPatternsFromOdcs } from './serversFromOdcs';
import { slaFromOdcs } from './slaFromOdcs';
import { supportFromOdcs } from './supportFromOdcs';
import { compact, filledText, isObject, Json, shown, textOf } from './values';

/** @public */
export interface ContractFromOdcsOptions {
  /**
   * The data product's name: the schema object named like it (`_`, `-` and
   * case aside) is mapped; without one, or when none matches, the first.
   */
  productName?: string;
  /**
   * `spec.contract.odcsSchema`: the name of the schema object to map, for a
   * document with many. Wins over productName; naming no object is an error.
   */
  schemaName?: string;
  /** Where the document sits in the entity, for finding paths. Default `spec.contract.odcs`. */
  path?: string;
  /** Where schemaName is written, for finding paths. Default `spec.contract.odcsSchema`. */
  schemaNamePath?: string;
}

/** @public */
export interface ContractFromOdcs {
  /** Only what the document says; absent parts stay absent. */
  contract: Partial<NormalizedContract>;
  findings: Finding[];
}

// `v3.1.0`; a missing `v` is forgiven, a v2 document is not (its shape differs).
const API_VERSION = /^v?3\.(\d+)\.\d+$/;
// The minor versions whose documents the mapping was written for. v3.2 only
// adds what Stockroom does not map (enums, maps, synonyms, context, measures
// and dimensions), so one mapping reads v3.0 to v3.2.
const KNOWN_MINOR = 2;

/**
 * An ODCS v3 document (already parsed) → the parts of a Stockroom contract
 * it determines, per the mapping table in the standards reference. Never
 * throws: what cannot be used is a `schema` finding, an error where the
 * contract loses something it needs (an unreadable document, schema or
 * field), a warning where a part is ignored.
 *
 * @public
 */
export function contractFromOdcs(
  odcs: unknown,
  options: ContractFromOdcsOptions = {},
): ContractFromOdcs {
  const path = options.path ?? 'spec.contract.odcs';
  const findings = new MappingFindings();
  if (isPlaceholder(odcs)) {
    // `{ $yaml: … }` left unresolved: whoever resolves placeholders (the
    // catalog, the CLI) reports why; it is no document to judge.
    return { contract: {}, findings: [] };
  }
  if (!isObject(odcs)) {
    findings.error(
      path,
      `is ${shown(
        odcs,
      )}, not an ODCS document: no contract is mapped from it — reference one with \`odcs: { $yaml: ./contract.odcs.yaml }\``,
    );
    return { contract: {}, findings: findings.list };
  }
  if (!isOdcs(odcs, path, findings)) {
    return { contract: {}, findings: findings.list };
  }
  const mapped = schemaFromOdcs(
    odcs.schema,
    `${path}.schema`,
    {
      schemaName: options.schemaName,
      schemaNamePath: options.schemaNamePath ?? 'spec.contract.odcsSchema',
      productName: options.productName,
    },
    findings,
  );
  const limits = qualityFromOdcs(mapped.qualitySites, findings);
  const sla = slaFromOdcs(
    odcs.slaProperties,
    `${path}.slaProperties`,
    findings,
    new Set(mapped.otherObjects),
  );
  const escalation = supportFromOdcs(odcs.support, `${path}.support`, findings);
  const extensions = readExtensions(odcs, path, findings);
  const keyFields = extensions.keyFields ?? mapped.keyFields;
  const quality = compact({
    keyFields: keyFields.length > 0 ? keyFields : undefined,
    ...limits,
  });
  const hours = extensions.hours;
  const cost = priceFromOdcs(odcs.price, `${path}.price`, findings);
  const { fundedBy, costOptions } = extensions;
  const contract = compact<Partial<NormalizedContract>>({
    schema: Array.isArray(odcs.schema) ? mapped.schema : undefined,
    freshness: sla.freshness,
    availability: sla.availability,
    accessPatterns: accessPatternsFromOdcs(
      odcs.servers,
      `${path}.servers`,
      findings,
    ),
    lineage: extensions.upstreams
      ? { upstreams: extensions.upstreams }
      : undefined,
    quality: Object.keys(quality).length > 0 ? quality : undefined,
    escalation:
      escalation || hours ? compact({ ...escalation, hours }) : undefined,
    version: extensions.unversioned
      ? undefined
      : versionFromOdcs(odcs.version, `${path}.version`, findings),
    stage: stageFromOdcs(odcs.status, `${path}.status`, findings),
    sunsetOn: sla.sunsetOn,
    cost:
      cost || fundedBy || costOptions
        ? compact({ ...cost, fundedBy, options: costOptions })
        : undefined,
  });
  return { contract, findings: findings.list };
}

function isPlaceholder(value: unknown): boolean {
  if (!isObject(value)) {
    return false;
  }
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0].startsWith('$');
}

function isOdcs(odcs: Json, path: string, findings: MappingFindings): boolean {
  let ok = true;
  const apiVersion = textOf(odcs.apiVersion);
  if (apiVersion === undefined || !API_VERSION.test(apiVersion)) {
    findings.error(
      `${path}.apiVersion`,
      `is ${shown(
        odcs.apiVersion,
      )}: Stockroom reads ODCS v3 documents, so no contract is mapped — write \`apiVersion: v3.1.0\` (and migrate v2 documents to v3)`,
    );
    ok = false;
  } else if (Number(API_VERSION.exec(apiVersion)![1]) > KNOWN_MINOR) {
    findings.warning(
      `${path}.apiVersion`,
      `is ${shown(
        odcs.apiVersion,
      )}, newer than the ODCS versions Stockroom knows (v3.0 to v3.2): it is read like v3.2, and what a newer version added is ignored — check the mapped contract, or write \`apiVersion: v3.1.0\` if the document is one`,
    );
  }
  if (odcs.kind !== 'DataContract') {
    findings.error(
      `${path}.kind`,
      `is ${shown(
        odcs.kind,
      )}: an ODCS contract has \`kind: DataContract\`, so no contract is mapped`,
    );
    ok = false;
  }
  return ok;
}

interface Extensions {
  upstreams?: string[];
  hours?: string;
  fundedBy?: string;
  costOptions?: DataProductCostOption[];
  keyFields?: string[];
  unversioned?: boolean;
}

function readExtensions(
  odcs: Json,
  path: string,
  findings: MappingFindings,
): Extensions {
  const at = (index: number) => `${path}.customProperties[${index}].value`;
  const list = (name: string) => {
    const found = readExtension(odcs, name);
    if (!found.found) return undefined;
    if (Array.isArray(found.value) && found.value.every(item => textOf(item))) {
      return found.value.map(item => textOf(item)!);
    }
    findings.warning(
      at(found.index),
      `${shown(found.value)} is not a list of names: it is ignored`,
    );
    return undefined;
  };
  const text = (name: string) => {
    const found = readExtension(odcs, name);
    if (!found.found) return undefined;
    const value = filledText(found.value);
    if (value === undefined) {
      findings.warning(
        at(found.index),
        `${shown(found.value)} is not text: it is ignored`,
      );
    }
    return value;
  };
  const options = readExtension(odcs, EXTENSION.costOptions);
  const version = readExtension(odcs, EXTENSION.version);
  return {
    upstreams: list(EXTENSION.lineageUpstreams),
    hours: text(EXTENSION.escalationHours),
    fundedBy: text(EXTENSION.costFundedBy),
    costOptions: options.found
      ? costOptionsFromOdcs(options.value, at(options.index), findings)
      : undefined,
    keyFields: list(EXTENSION.keyFields),
    unversioned: version.found && version.value === null,
  };
}
