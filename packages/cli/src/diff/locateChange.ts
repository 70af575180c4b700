import type {
  ClassifiedContractChange,
  NormalizedContract,
} from '@stockroom/plugin-data-products-common';
import { Document, LineCounter, isMap, isSeq } from 'yaml';
import { PathSegment, formatPath, parsePath } from '../yaml/fieldPath';
import { Position, pathToLine } from '../yaml/pathToLine';

/** A YAML document with its line counter and how its file is shown. */
export interface LocatedDocument {
  file: string;
  document: Document;
  lineCounter: LineCounter;
}

/** Everything needed to put a change on a line. */
export interface ChangeSources {
  /** The entity's document in the working tree. */
  entity: LocatedDocument;
  /** The ODCS document its `spec.contract.odcs` names (a local `$yaml` file), if any. */
  odcs?: LocatedDocument;
  /** The normalized contracts compared (the engine's input). */
  before: NormalizedContract;
  after: NormalizedContract;
}

/** A position in a named file. */
export interface FilePosition extends Position {
  file: string;
}

// ODCS property keys for the contract's field attributes (the mapping's inverse).
const ODCS_FIELD_KEY: Record<string, string> = {
  name: 'name',
  type: 'logicalType',
  description: 'description',
  key: 'primaryKey',
  required: 'required',
  classification: 'classification',
};
const ODCS_LATENCY: Record<string, string> = {
  p99: 'latency',
  p95: 'latencyP95',
};

/**
 * Where a classified change shows in the working tree, for a person reading
 * the output or the pull request diff. The engine's paths index the
 * normalized contract (explicit fields merged over ODCS ones; `before` for
 * what was removed), so fields are found by name, where they are written:
 *
 * - a field the entity file writes: its item in `spec.contract.schema`, at
 *   the attribute that changed (`…schema[2].type`);
 * - a field that comes from the ODCS document: its property there
 *   (`logicalType`, `primaryKey`, …); freshness at the `latency` /
 *   `latencyP95` SLA property;
 * - a removed field: the nearest field that survived it (the next one, else
 *   the previous one) — the line beside the deletion in the diff;
 * - anything else: the path in the entity file, or its nearest parent that
 *   exists, like lint findings.
 */
export function locateChange(
  sources: ChangeSources,
  change: Pick<ClassifiedContractChange, 'change' | 'path'>,
): FilePosition {
  const segments = parsePath(change.path);
  const [spec, contract, section, index, attribute] = segments;
  if (spec === 'spec' && contract === 'contract') {
    if (section === 'schema' && typeof index === 'number') {
      const found = locateField(sources, change.change, index, attribute);
      if (found) {
        return found;
      }
    } else if (section === 'freshness' && typeof index === 'string') {
      const found = locateFreshness(sources, index);
      if (found) {
        return found;
      }
    } else if (section === 'accessPatterns' && typeof index === 'number') {
      return locateAccessPattern(sources, change.change, index);
    }
  }
  return at(sources.entity, change.path);
}

function locateField(
  sources: ChangeSources,
  change: string,
  index: number,
  attribute: PathSegment | undefined,
): FilePosition | undefined {
  if (change === 'field-removed') {
    const survivors = new Set(sources.after.schema.map(f => f.name));
    const neighbours = [
      ...sources.before.schema.slice(index + 1),
      ...sources.before.schema.slice(0, index).reverse(),
    ];
    const anchor = neighbours.find(field => survivors.has(field.name));
    return anchor ? locateFieldByName(sources, anchor.name) : undefined;
  }
  const name = sources.after.schema[index]?.name;
  return name === undefined
    ? undefined
    : locateFieldByName(sources, name, attribute);
}

/** A field by name: in the entity's explicit schema, else in the ODCS properties. */
function locateFieldByName(
  sources: ChangeSources,
  name: string,
  attribute?: PathSegment,
): FilePosition | undefined {
  const explicit = itemNamed(
    sources.entity.document,
    ['spec', 'contract', 'schema'],
    name,
  );
  const odcsWritten = (segments: PathSegment[]) =>
    typeof attribute === 'string' &&
    sources.odcs !== undefined &&
    sources.odcs.document.hasIn([
      ...segments,
      ODCS_FIELD_KEY[attribute] ?? attribute,
    ]);
  const inOdcs = sources.odcs && propertyNamed(sources.odcs.document, name);
  // An explicit entry overrides the ODCS property only in what it states.
  if (
    explicit &&
    (attribute === undefined ||
      sources.entity.document.hasIn([...explicit, attribute]) ||
      !(inOdcs && odcsWritten(inOdcs)))
  ) {
    return at(
      sources.entity,
      formatPath(attribute === undefined ? explicit : [...explicit, attribute]),
    );
  }
  if (sources.odcs && inOdcs) {
    const key =
      typeof attribute === 'string'
        ? ODCS_FIELD_KEY[attribute] ?? attribute
        : undefined;
    return at(sources.odcs, formatPath(key ? [...inOdcs, key] : inOdcs));
  }
  return undefined;
}

function locateFreshness(
  sources: ChangeSources,
  percentile: string,
): FilePosition | undefined {
  const explicit = ['spec', 'contract', 'freshness', percentile];
  if (sources.entity.document.hasIn(explicit) || !sources.odcs) {
    return undefined; // the entity file: the key, or its nearest parent
  }
  const sla = sources.odcs.document.getIn(['slaProperties'], true);
  if (!isSeq(sla)) {
    return undefined;
  }
  const position = sla.items.findIndex(
    item =>
      isMap(item) && String(item.get('property')) === ODCS_LATENCY[percentile],
  );
  return at(
    sources.odcs,
    position < 0 ? 'slaProperties' : `slaProperties[${position}]`,
  );
}

/** Access patterns: explicit list, else the ODCS `servers` they map from. */
function locateAccessPattern(
  sources: ChangeSources,
  change: string,
  index: number,
): FilePosition {
  const explicit: PathSegment[] = ['spec', 'contract', 'accessPatterns'];
  const target =
    !sources.entity.document.hasIn(explicit) && sources.odcs
      ? { source: sources.odcs, list: ['servers'] as PathSegment[] }
      : { source: sources.entity, list: explicit };
  if (change !== 'access-pattern-removed') {
    return at(target.source, formatPath([...target.list, index]));
  }
  // The index is the base's: point at the item now in its place, or the last.
  const list = target.source.document.getIn(target.list, true);
  const length = isSeq(list) ? list.items.length : 0;
  return at(
    target.source,
    formatPath(
      length > 0 ? [...target.list, Math.min(index, length - 1)] : target.list,
    ),
  );
}

/** The path of the item named `name` in the sequence at `list`. */
function itemNamed(
  document: Document,
  list: PathSegment[],
  name: string,
): PathSegment[] | undefined {
  const seq = document.getIn(list, true);
  if (!isSeq(seq)) {
    return undefined;
  }
  const position = seq.items.findIndex(
    item => isMap(item) && String(item.get('name')) === name,
  );
  return position < 0 ? undefined : [...list, position];
}

/** `schema[k].properties[j]` of the ODCS property named `name` (first match). */
function propertyNamed(
  document: Document,
  name: string,
): PathSegment[] | undefined {
  const objects = document.getIn(['schema'], true);
  if (!isSeq(objects)) {
    return undefined;
  }
  for (let k = 0; k < objects.items.length; k++) {
    const found = itemNamed(document, ['schema', k, 'properties'], name);
    if (found) {
      return found;
    }
  }
  return undefined;
}

function at(source: LocatedDocument, fieldPath: string): FilePosition {
  return {
    file: source.file,
    ...pathToLine(source.document, source.lineCounter, fieldPath),
  };
}
