import type {
  AccessPattern,
  DataProductCost,
  EscalationPath,
  FreshnessSla,
  LifecycleStage,
  QualityExpectations,
  SchemaField,
} from '../kind/types';

/**
 * One contract, whatever it was authored in: the explicit `spec.contract`
 * fields merged over what an ODCS document in `spec.contract.odcs` maps to
 * (explicit fields win). Every surface reads contracts in this form.
 *
 * @public
 */
export interface NormalizedContract {
  schema: SchemaField[];
  freshness?: FreshnessSla;
  availability?: string;
  accessPatterns: AccessPattern[];
  lineage: { upstreams: string[] };
  quality?: QualityExpectations;
  escalation?: EscalationPath;
  /** From spec.version, else the ODCS `version`. */
  version?: string;
  /** From spec.lifecycle.stage, else the ODCS `status`. */
  stage?: LifecycleStage;
  /** From spec.lifecycle.sunsetOn, else ODCS endOfSupport/endOfLife. */
  sunsetOn?: string;
  /** From spec.cost, else the ODCS `price`. */
  cost?: DataProductCost;
}

/** @public */
export type ContractChangeKind = 'breaking' | 'non-breaking' | 'notice';

/**
 * The change types of dataproduct-spec.md "Breaking contract changes".
 * @public
 */
export type ContractChangeType =
  | 'field-removed'
  | 'field-renamed'
  | 'type-changed'
  | 'required-added'
  | 'key-changed'
  | 'freshness-loosened'
  | 'access-pattern-removed'
  | 'field-added'
  | 'description-changed'
  | 'freshness-tightened'
  | 'access-pattern-added'
  | 'classification-changed';

/** @public */
export interface ClassifiedContractChange {
  kind: ContractChangeKind;
  change: ContractChangeType;
  /** Dotted path in the entity, e.g. `spec.contract.schema[2].type`. */
  path: string;
  /** Names the field and what changed, for a consumer or a reviewer. */
  message: string;
}

/**
 * `ok`: no breaking change, or a breaking change with a major version bump.
 * `needs-major`: a breaking change without a major bump.
 * `needs-new-entity`: a core entity's breaking change; it needs a new entity
 * (v2) alongside the old one, linked by `supersedes`.
 * @public
 */
export type ContractChangeVerdict = 'ok' | 'needs-major' | 'needs-new-entity';
