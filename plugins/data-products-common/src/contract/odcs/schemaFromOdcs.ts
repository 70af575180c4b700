import type { FieldKey, SchemaField } from '../../kind/types';
import {
  FieldList,
  nestedFieldsLimitMessage,
  walkNestedFields,
} from '../../kind/walkNestedFields';
import { classificationOf } from './classification';
import { EXTENSION, readExtension } from './extensions';
import type { MappingFindings } from './findings';
import type { QualitySite } from './qualityFromOdcs';
import { compact, filledText, isObject, Json, shown, textOf } from './values';

/** What the ODCS `schema` gives the contract, before quality limits are reduced. */
export interface MappedSchema {
  schema: SchemaField[];
  /** Primary keys and critical data elements, in schema order. */
  keyFields: string[];
  /** Every place quality rules were written, for qualityFromOdcs. */
  qualitySites: QualitySite[];
}

const EMPTY: MappedSchema = { schema: [], keyFields: [], qualitySites: [] };

/**
 * `schema[].properties[]` of one schema object → Stockroom fields. A data
 * product is one dataset, so one object is mapped: the one named like the
 * product (`support_interactions` matches `support-interactions`), else the
 * first. Nested object and array-item properties are flattened with dotted
 * names (`address.city`) after their parent.
 */
export function schemaFromOdcs(
  schema: unknown,
  path: string,
  productName: string | undefined,
  findings: MappingFindings,
): MappedSchema {
  if (schema === undefined || schema === null) {
    return EMPTY;
  }
  if (!Array.isArray(schema)) {
    findings.error(
      path,
      `is ${shown(
        schema,
      )}, not a list of schema objects: the contract gets no fields from it — write \`schema: [{ name: ${
        productName ?? 'my_table'
      }, properties: [...] }]\``,
    );
    return EMPTY;
  }
  const objects: number[] = [];
  schema.forEach((element, index) => {
    if (isObject(element)) {
      objects.push(index);
    } else {
      findings.error(
        `${path}[${index}]`,
        `is ${shown(element)}, not a schema object: it is ignored`,
      );
    }
  });
  if (objects.length === 0) {
    return EMPTY;
  }
  const named = productName
    ? objects.find(index => namesProduct(schema[index] as Json, productName))
    : undefined;
  const chosen = named ?? objects[0];
  for (const index of objects) {
    if (index !== chosen) {
      findings.warning(
        `${path}[${index}]`,
        `(${shown(
          (schema[index] as Json).name,
        )}) is ignored: a data product maps one schema object, ${path}[${chosen}]${
          productName
            ? ` (the one named like ${productName}, else the first)`
            : ''
        }`,
      );
    }
  }
  return mapObject(schema[chosen] as Json, `${path}[${chosen}]`, findings);
}

function namesProduct(object: Json, productName: string): boolean {
  const wanted = comparable(productName);
  return [object.name, object.physicalName].some(
    name => typeof name === 'string' && comparable(name) === wanted,
  );
}

// snake_case tables, kebab-case entity names, upper-case physical names.
function comparable(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[-_\s.]+/g, '_');
}

function mapObject(object: Json, path: string, findings: MappingFindings) {
  const result: MappedSchema = { schema: [], keyFields: [], qualitySites: [] };
  if (object.quality !== undefined) {
    result.qualitySites.push({
      rules: object.quality,
      path: `${path}.quality`,
    });
  }
  const root = propertyList(
    object.properties,
    `${path}.properties`,
    '',
    findings,
  );
  if (!root) {
    return result;
  }
  const names = new Set<string>();
  // Nested properties are walked without recursion and within the schema
  // limits (see walkNestedFields): past them, an error names where.
  const limit = walkNestedFields(root, (property, at, prefix) => {
    if (!isObject(property)) {
      findings.error(
        at,
        `is ${shown(property)}, not a property: it is ignored`,
      );
      return [];
    }
    const ownName = textOf(property.name);
    if (ownName === undefined) {
      findings.error(
        `${at}.name`,
        `is missing: every ODCS property needs a name, so this one cannot be part of the contract — add \`name:\``,
      );
      return [];
    }
    const name = prefix ? `${prefix}.${ownName}` : ownName;
    if (names.has(name)) {
      findings.warning(
        `${at}.name`,
        `repeats the field name ${name}: the second one is ignored`,
      );
      return [];
    }
    names.add(name);
    result.schema.push(fieldOf(property, name, at, findings));
    if (property.primaryKey === true || property.criticalDataElement === true) {
      result.keyFields.push(name);
    }
    if (property.quality !== undefined) {
      result.qualitySites.push({
        rules: property.quality,
        path: `${at}.quality`,
        field: name,
        keyField:
          property.primaryKey === true || property.criticalDataElement === true,
      });
    }
    const children = [
      propertyList(property.properties, `${at}.properties`, name, findings),
    ];
    if (isObject(property.items)) {
      children.push(
        propertyList(
          property.items.properties,
          `${at}.items.properties`,
          name,
          findings,
        ),
      );
    }
    return children.filter(isDefined);
  });
  if (limit) {
    findings.error(
      limit.path,
      nestedFieldsLimitMessage(
        limit,
        'the contract cannot be read past it — flatten deep structures or split the contract',
      ),
    );
  }
  return result;
}

/** A `properties` list to walk, or undefined (absent, or not a list: an error). */
function propertyList(
  properties: unknown,
  path: string,
  prefix: string,
  findings: MappingFindings,
): FieldList<string> | undefined {
  if (properties === undefined || properties === null) {
    return undefined;
  }
  if (!Array.isArray(properties)) {
    findings.error(
      path,
      `is ${shown(
        properties,
      )}, not a list of properties: the contract gets no fields from it`,
    );
    return undefined;
  }
  return { list: properties, path, context: prefix };
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}

function fieldOf(
  property: Json,
  name: string,
  path: string,
  findings: MappingFindings,
): SchemaField {
  const classification = classificationOf(
    textOf(property.classification),
    property.tags,
  );
  if (classification.unknown !== undefined) {
    findings.warning(
      `${path}.classification`,
      `\`${classification.unknown}\` is not a classification Stockroom knows: it is ignored — use public, internal, confidential (or restricted) or a \`pii\` tag`,
    );
  }
  return compact({
    name,
    type: typeOf(property, path, findings),
    description: filledText(property.description),
    key: keyOf(property, path, findings),
    required: property.required === true ? true : undefined,
    classification: classification.value,
  });
}

function typeOf(property: Json, path: string, findings: MappingFindings) {
  const extension = readExtension(property, EXTENSION.fieldType);
  if (extension.found && textOf(extension.value)) {
    return textOf(extension.value)!;
  }
  const type = textOf(property.logicalType) ?? textOf(property.physicalType);
  if (type !== undefined) {
    return type;
  }
  findings.warning(
    `${path}.logicalType`,
    'is missing (and so is physicalType): the field is recorded with type `unknown` — add e.g. `logicalType: string`',
  );
  return 'unknown';
}

function keyOf(
  property: Json,
  path: string,
  findings: MappingFindings,
): FieldKey | undefined {
  if (property.primaryKey === true) {
    return 'primary';
  }
  const extension = readExtension(property, EXTENSION.fieldKey);
  if (extension.found) {
    if (extension.value === 'foreign' || extension.value === 'primary') {
      return extension.value;
    }
    findings.warning(
      `${path}.customProperties[${extension.index}].value`,
      `${shown(
        extension.value,
      )} is not a key Stockroom knows (primary or foreign): it is ignored`,
    );
  }
  // A property-level relationship is a foreign key ("foreignKey" is the
  // only relationship type ODCS 3.1 defines, and the default).
  const relationships = property.relationships;
  if (
    Array.isArray(relationships) &&
    relationships.some(
      r => isObject(r) && (r.type === undefined || r.type === 'foreignKey'),
    )
  ) {
    return 'foreign';
  }
  return undefined;
}
