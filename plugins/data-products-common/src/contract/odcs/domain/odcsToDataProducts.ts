import type { Entity } from '@backstage/catalog-model';
import { judgeDataProduct } from '../../../judge/judgeDataProduct';
import { isCalendarDate } from '../../../kind/calendarDate';
import {
  DATA_PRODUCT_API_VERSION,
  DATA_PRODUCT_KIND,
} from '../../../kind/constants';
import type {
  DataProductCategory,
  DataProductEntityV1alpha1,
} from '../../../kind/types';
import { formatIsoDate } from '../../../policy/dates';
import { DEFAULT_POLICY } from '../../../policy/defaults';
import type { Finding, StockroomPolicy } from '../../../policy/types';
import { contractFromOdcs } from '../fromOdcs';
import { compact, filledText, isObject, Json, shown, textOf } from '../values';
import { UniqueNames, catalogTags, entityNameOf, refName } from './entityNames';
import { documentFindings, problem } from './importChecks';
import { mappedNotes } from './mappedNotes';

/** @public */
export interface OdcsToDataProductsOptions {
  /**
   * How every product references the document, relative to where its file
   * is written: `./adventureworks.odcs.yaml` becomes
   * `spec.contract.odcs: { $yaml: ./adventureworks.odcs.yaml }`.
   */
  contractRef: string;
  /** "Today": the products' createdOn when the document has no contractCreatedTs, and the day they are judged on. */
  now: Date;
  /** The System grouping the products; default the document's dataProduct, name or domain, else the contract file's name. */
  system?: string;
  /** The owning Group ref; default `group:<team.name>` of the document. Required one way or the other. */
  owner?: string;
  /** Default `shared-mart`. */
  category?: DataProductCategory;
  /** Put before every product name, e.g. `adventureworks-` (names are catalog-wide). */
  namePrefix?: string;
  /** The policy the products are judged with for `findings`; default DEFAULT_POLICY. */
  policy?: StockroomPolicy;
  /** How finding paths name the document; default `odcs`. */
  documentPath?: string;
  /** Called after each product, for progress on documents with many objects. */
  onProgress?: (done: number, total: number) => void;
}

/** @public */
export interface ImportedDataProduct {
  /**
   * The DataProduct as its file says it: `spec.contract` is
   * `{ odcs: { $yaml: contractRef }, odcsSchema: <object name> }`, and
   * everything else the document says stays in the document.
   */
  entity: DataProductEntityV1alpha1;
  /** The schema object it is (its odcsSchema); undefined for a document with no objects. */
  schemaObject?: string;
  /** What the document gave it, one line each (`schema: 25 fields from schema object salesorderheader`). */
  mapped: string[];
  /**
   * Everything Stockroom says about it with the document resolved (mapping
   * and rule findings, errors first): what the owner still has to add.
   */
  findings: Finding[];
}

/** @public */
export interface OdcsImport {
  /** One per schema object, in document order; empty when `findings` has an error. */
  products: ImportedDataProduct[];
  /** The System grouping them (`spec.system` of every product); undefined on error. */
  system?: Entity;
  /** Problems with the document or the options. Any error: write nothing. */
  findings: Finding[];
}

/**
 * An ODCS document (already parsed) of many schema objects → one
 * DataProduct per object, each referencing the same document with `$yaml`
 * and selecting its object with `odcsSchema`, plus the System that groups
 * them (dataproduct-spec and standards.md "Multi-table contracts"). A
 * document without schema objects becomes one product (its terms, no
 * fields). Pure: writing the files is the caller's job, and the caller
 * writes nothing when `findings` holds an error (a repeated or missing
 * object name, an unreadable or oversized document, no owner).
 *
 * @public
 */
export function odcsToDataProducts(
  document: unknown,
  options: OdcsToDataProductsOptions,
): OdcsImport {
  const label = options.documentPath ?? 'odcs';
  const findings = documentFindings(document, label);
  if (findings.some(isError)) {
    return { products: [], findings };
  }
  const odcs = document as Json;
  const owner = ownerOf(odcs, options.owner);
  const systemName = systemNameOf(odcs, options);
  if (owner === undefined) {
    findings.push(
      problem(
        'error',
        'spec.owner',
        'spec.owner is unknown: the document names no team (`team.name`) to own the products — give the owning group, e.g. `group:sales-data`',
      ),
    );
  }
  if (systemName === undefined) {
    findings.push(
      problem(
        'error',
        'spec.system',
        `spec.system ${shown(
          options.system,
        )} is not a catalog name — give letters, digits and dashes, e.g. \`adventureworks\``,
      ),
    );
  }
  if (owner === undefined || systemName === undefined) {
    return { products: [], findings };
  }

  const objects = schemaObjectNames(odcs);
  const policy = options.policy ?? DEFAULT_POLICY;
  const names = new UniqueNames();
  const createdOn =
    createdOnOf(odcs.contractCreatedTs) ?? formatIsoDate(options.now);
  const targets = objects.length > 0 ? objects : [undefined];
  const products = targets.map((objectName, index) => {
    const object =
      objectName === undefined ? undefined : objectNamed(odcs, objectName);
    const base =
      entityNameOf(objectName ?? textOf(odcs.name) ?? systemName) ??
      `object-${index + 1}`;
    const name = names.claim(`${options.namePrefix ?? ''}${base}`);
    const mapped = contractFromOdcs(odcs, {
      productName: name,
      schemaName: objectName,
    }).contract;
    const entity: DataProductEntityV1alpha1 = {
      apiVersion: DATA_PRODUCT_API_VERSION,
      kind: DATA_PRODUCT_KIND,
      metadata: compact({
        name,
        title: textOf(object?.businessName),
        description:
          filledText(object?.description) ?? purposeOf(odcs.description),
        tags: catalogTags(object?.tags, odcs.tags),
      }),
      spec: {
        type: textOf(object?.physicalType) ?? 'table',
        category: options.category ?? 'shared-mart',
        owner,
        system: systemName,
        lifecycle: { stage: mapped.stage ?? 'draft', createdOn },
        contract: compact({
          odcs: { $yaml: options.contractRef },
          odcsSchema: objectName,
        }),
      },
    };
    const resolved = {
      ...entity,
      spec: { ...entity.spec, contract: { ...entity.spec.contract, odcs } },
    };
    const judged = judgeDataProduct(resolved, policy, options.now);
    options.onProgress?.(index + 1, targets.length);
    return {
      entity,
      schemaObject: objectName,
      mapped: mappedNotes(mapped, objectName),
      findings: judged.findings,
    };
  });

  const system: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: compact({
      name: systemName,
      title: textOf(odcs.name),
      description: purposeOf(odcs.description),
      tags: catalogTags(odcs.tags),
    }),
    spec: compact({
      owner,
      domain: textOf(odcs.domain)
        ? entityNameOf(textOf(odcs.domain)!)
        : undefined,
    }),
  };
  return { products, system, findings };
}

function schemaObjectNames(odcs: Json): string[] {
  return Array.isArray(odcs.schema)
    ? odcs.schema.map(object => textOf((object as Json).name)!)
    : [];
}

function objectNamed(odcs: Json, name: string): Json | undefined {
  return (odcs.schema as Json[]).find(object => textOf(object.name) === name);
}

function ownerOf(odcs: Json, owner: string | undefined): string | undefined {
  if (textOf(owner)) return textOf(owner);
  // ODCS v3.1 `team` is an object with a name; v3.0's list of members has none.
  const team = isObject(odcs.team) ? textOf(odcs.team.name) : undefined;
  const name = team ? entityNameOf(team) : undefined;
  return name ? `group:${name}` : undefined;
}

function systemNameOf(
  odcs: Json,
  options: OdcsToDataProductsOptions,
): string | undefined {
  if (options.system !== undefined) {
    // a name or a ref (`system:default/adventureworks`), as Backstage spells names
    const name = refName(options.system.trim());
    return name.length <= 63 && /^[a-zA-Z0-9]+([-_.][a-zA-Z0-9]+)*$/.test(name)
      ? name
      : undefined;
  }
  const fileName = options.contractRef
    .split(/[\\/]/)
    .pop()
    ?.replace(/(\.odcs)?\.(ya?ml|json)$/i, '');
  for (const candidate of [
    odcs.dataProduct,
    odcs.name,
    odcs.domain,
    fileName,
    odcs.id,
  ]) {
    const text = textOf(candidate);
    const name = text ? entityNameOf(text) : undefined;
    if (name) return name;
  }
  return 'imported-contract';
}

function purposeOf(description: unknown): string | undefined {
  if (typeof description === 'string') return filledText(description);
  return isObject(description) ? filledText(description.purpose) : undefined;
}

function createdOnOf(timestamp: unknown): string | undefined {
  const day = textOf(timestamp)?.slice(0, 10);
  return day && isCalendarDate(day) ? day : undefined;
}

function isError(finding: Finding): boolean {
  return finding.severity === 'error';
}

export { ODCS_IMPORT_MAX_BYTES } from './importChecks';
