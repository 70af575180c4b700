import type { JsonObject } from '@backstage/types';
import type { QualityExpectations, SchemaField } from '../../kind/types';
import { MAX_SCHEMA_DEPTH } from '../../kind/limits';
import { EXTENSION, extensionList } from './extensions';
import { logicalTypeOf } from './logicalTypes';
import { compact, tidy } from './values';

interface Node {
  field: SchemaField;
  children: Node[];
}

/**
 * The ODCS schema object of a product: its fields as properties (dotted
 * names nested under their object or array parent), key fields as critical
 * data elements, and the null / duplicate limits as percent rules on the
 * key fields (on the object when there is no field to carry them).
 */
export function schemaObjectToOdcs(
  name: string,
  physicalType: string | undefined,
  description: string | undefined,
  schema: SchemaField[],
  quality: QualityExpectations | undefined,
): JsonObject {
  const keyFields = new Set(quality?.keyFields ?? []);
  const carriers = {
    nullValues: schema.filter(field => keyFields.has(field.name)),
    duplicateValues: dupCarriers(schema, keyFields),
  };
  const rulesFor = (field?: SchemaField) =>
    qualityRules(quality, metric =>
      field ? carriers[metric].includes(field) : carriers[metric].length === 0,
    );
  const property = (node: Node, prefix: string): JsonObject => {
    const { field } = node;
    const logicalType = logicalTypeOf(field.type);
    const children = node.children.map(child =>
      property(child, `${field.name}.`),
    );
    return compact({
      name: field.name.slice(prefix.length),
      logicalType,
      physicalType: field.type === logicalType ? undefined : field.type,
      description: field.description,
      primaryKey: field.key === 'primary' ? true : undefined,
      required: field.required === true ? true : undefined,
      // ODCS has no PII class; `confidential` tells any tool it is
      // sensitive, the tag tells Stockroom (and readers) it is personal.
      classification:
        field.classification === 'pii' ? 'confidential' : field.classification,
      tags: field.classification === 'pii' ? ['pii'] : undefined,
      criticalDataElement: keyFields.has(field.name) ? true : undefined,
      properties:
        children.length > 0 && logicalType === 'object' ? children : undefined,
      items:
        children.length > 0 && logicalType === 'array'
          ? { logicalType: 'object', properties: children }
          : undefined,
      quality: rulesFor(field),
      customProperties: extensionList([
        [
          EXTENSION.fieldType,
          logicalType !== undefined && field.type !== logicalType
            ? field.type
            : undefined,
        ],
        [EXTENSION.fieldKey, field.key === 'foreign' ? 'foreign' : undefined],
      ]),
    }) as JsonObject;
  };
  return compact({
    name,
    logicalType: 'object',
    physicalType,
    description,
    properties: nest(schema).map(node => property(node, '')),
    quality: rulesFor(undefined),
  }) as JsonObject;
}

// Duplicates are measured on the primary key; key fields stand in when
// none of them is primary, the whole object when there are none.
function dupCarriers(schema: SchemaField[], keyFields: Set<string>) {
  const keys = schema.filter(field => keyFields.has(field.name));
  const primary = keys.filter(field => field.key === 'primary');
  return primary.length > 0 ? primary : keys;
}

function qualityRules(
  quality: QualityExpectations | undefined,
  carries: (metric: 'nullValues' | 'duplicateValues') => boolean,
): JsonObject[] | undefined {
  const rules: JsonObject[] = [];
  if (quality?.maxNullRate !== undefined && carries('nullValues')) {
    rules.push(rule('nullValues', quality.maxNullRate, 'completeness'));
  }
  if (quality?.maxDuplicateRate !== undefined && carries('duplicateValues')) {
    rules.push(rule('duplicateValues', quality.maxDuplicateRate, 'uniqueness'));
  }
  return rules.length > 0 ? rules : undefined;
}

function rule(metric: string, rate: number, dimension: string): JsonObject {
  return {
    type: 'library',
    metric,
    unit: 'percent',
    mustBeLessOrEqualTo: tidy(rate * 100),
    dimension,
  };
}

/**
 * Fields as a tree: `address.city` under `address` when `address` is an
 * object or array field. Nesting is kept only when reading the tree back
 * depth-first gives the fields in their original order, and only within
 * MAX_SCHEMA_DEPTH levels (the tree is built and written recursively, and
 * import refuses deeper); otherwise dotted names stay flat (still valid
 * ODCS), so import reproduces the contract.
 */
function nest(schema: SchemaField[]): Node[] {
  const flat = () => schema.map(field => ({ field, children: [] }));
  const nodes = new Map<string, Node>();
  const depths = new Map<Node, number>();
  const roots: Node[] = [];
  for (const field of schema) {
    const node: Node = { field, children: [] };
    const parent = parentOf(field.name, nodes);
    const depth = parent ? depths.get(parent)! + 1 : 1;
    if (depth > MAX_SCHEMA_DEPTH) {
      return flat();
    }
    depths.set(node, depth);
    (parent ? parent.children : roots).push(node);
    if (!nodes.has(field.name)) {
      nodes.set(field.name, node);
    }
  }
  const order: SchemaField[] = [];
  const walk = (node: Node) => {
    order.push(node.field);
    node.children.forEach(walk);
  };
  roots.forEach(walk);
  return order.every((field, index) => field === schema[index])
    ? roots
    : flat();
}

function parentOf(name: string, nodes: Map<string, Node>): Node | undefined {
  for (
    let dot = name.lastIndexOf('.');
    dot > 0;
    dot = name.lastIndexOf('.', dot - 1)
  ) {
    const candidate = nodes.get(name.slice(0, dot));
    if (candidate) {
      const type = logicalTypeOf(candidate.field.type);
      return type === 'object' || type === 'array' ? candidate : undefined;
    }
  }
  return undefined;
}
