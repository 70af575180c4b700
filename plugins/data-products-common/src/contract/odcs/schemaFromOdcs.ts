import type { FieldKey, SchemaField } from '../../kind/types';
import {
  FieldList,
  nestedFieldsLimitMessage,
  walkNestedFields,
} from '../../kind/walkNestedFields';
import { didYouMean } from '../../kind/suggest';
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
  /**
   * Names of the schema objects not mapped: SLA properties whose `element`
   * points only into them are theirs, not this product's.
   */
  otherObjects: string[];
}

const EMPTY: MappedSchema = {
  schema: [],
  keyFields: [],
  qualitySites: [],
  otherObjects: [],
};

/** Which schema object a product is, and where that choice is written. */
export interface SchemaSelection {
  /** `spec.contract.odcsSchema`: the object's name. */
  schemaName?: string;
  /** Where schemaName is written, for findings. */
  schemaNamePath: string;
  /** The product's name: without schemaName, the object named like it is mapped. */
  productName?: string;
}

/**
 * `schema[].properties[]` of one schema object → Stockroom fields. A data
 * product is one dataset, so one object is mapped: the one `odcsSchema`
 * names, else the one named like the product (`support_interactions`
 * matches `support-interactions`), else the first. Nested object and
 * array-item properties are flattened with dotted names (`address.city`)
 * after their parent.
 */
export function schemaFromOdcs(
  schema: unknown,
  path: string,
  selection: SchemaSelection,
  findings: MappingFindings,
): MappedSchema {
  if (schema === undefined || schema === null) {
    if (selection.schemaName !== undefined) {
      findings.error(
        selection.schemaNamePath,
        `is ${shown(
          selection.schemaName,
        )}, but ${path} is missing: there is no schema object to select — add the document's \`schema:\` list, or remove odcsSchema`,
      );
    }
    return EMPTY;
  }
  if (!Array.isArray(schema)) {
    findings.error(
      path,
      `is ${shown(
        schema,
      )}, not a list of schema objects: the contract gets no fields from it — write \`schema: [{ name: ${
        selection.schemaName ?? selection.productName ?? 'my_table'
      }, properties: [...] }]\``,
    );
    return EMPTY;
  }
  const objects = schemaObjects(schema, path, findings);
  if (objects.length === 0) {
    return EMPTY;
  }
  const chosen = chooseObject(schema, objects, path, selection, findings);
  const otherObjects = objects
    .filter(index => index !== chosen)
    .map(index => textOf((schema[index] as Json).name))
    .filter(isDefined);
  if (chosen === undefined) {
    return { ...EMPTY, otherObjects };
  }
  return {
    ...mapObject(schema[chosen] as Json, `${path}[${chosen}]`, findings),
    otherObjects,
  };
}

/**
 * Indexes of the schema objects, each element that is not one reported, and
 * each name used twice: `odcsSchema` selects by name, so a repeated name
 * makes the second object unselectable.
 */
function schemaObjects(
  schema: unknown[],
  path: string,
  findings: MappingFindings,
): number[] {
  const objects: number[] = [];
  const firstWithName = new Map<string, number>();
  schema.forEach((element, index) => {
    if (!isObject(element)) {
      findings.error(
        `${path}[${index}]`,
        `is ${shown(element)}, not a schema object: it is ignored`,
      );
      return;
    }
    objects.push(index);
    const name = textOf(element.name);
    if (name === undefined) return;
    const first = firstWithName.get(name);
    if (first === undefined) {
      firstWithName.set(name, index);
      return;
    }
    findings.warning(
      `${path}[${index}].name`,
      `repeats the schema object name ${shown(
        name,
      )} of ${path}[${first}]: a product selects its object by name (odcsSchema), so only the first can be selected — give each object its own name`,
    );
  });
  return objects;
}

function chooseObject(
  schema: unknown[],
  objects: number[],
  path: string,
  selection: SchemaSelection,
  findings: MappingFindings,
): number | undefined {
  const { schemaName, productName } = selection;
  const nameOf = (index: number) => textOf((schema[index] as Json).name);
  if (schemaName !== undefined) {
    const exact = objects.find(index => nameOf(index) === schemaName);
    const chosen =
      exact ??
      objects.find(index => namedLike(schema[index] as Json, schemaName));
    if (chosen === undefined) {
      const names = objects.map(nameOf).filter(isDefined);
      const suggestion = didYouMean(schemaName, names);
      findings.error(
        selection.schemaNamePath,
        `is ${shown(
          schemaName,
        )}, which names no schema object of ${path}, so no fields are mapped — ${
          suggestion ? `did you mean \`${suggestion}\`? ` : ''
        }${
          names.length > 0
            ? `The objects are: ${listedNames(names)}`
            : 'Its objects have no names'
        }`,
      );
    }
    return chosen;
  }
  const named = productName
    ? objects.find(index => namedLike(schema[index] as Json, productName))
    : undefined;
  const chosen = named ?? objects[0];
  if (objects.length > 1) {
    const others = objects
      .filter(index => index !== chosen)
      .map(index => nameOf(index) ?? `${path}[${index}]`);
    const chosenName = nameOf(chosen) ?? `${path}[${chosen}]`;
    findings.warning(
      selection.schemaNamePath,
      `is missing, and ${path} holds ${
        objects.length
      } schema objects: this product maps ${chosenName} (${
        named !== undefined ? 'the one named like the product' : 'the first'
      }) and not the other ${others.length}: ${listedNames(
        others,
      )} — say which object this product is with \`odcsSchema: ${chosenName}\`, and make one product per object (\`stockroom import-odcs\` writes them)`,
    );
  }
  return chosen;
}

/** Names in a message: all of them up to a hundred, then a count. */
function listedNames(names: string[]): string {
  const SHOWN = 100;
  const shownNames = names.slice(0, SHOWN).join(', ');
  return names.length > SHOWN
    ? `${shownNames} … (${names.length - SHOWN} more)`
    : shownNames;
}

function namedLike(object: Json, wanted: string): boolean {
  const comparableWanted = comparable(wanted);
  return [object.name, object.physicalName].some(
    name => typeof name === 'string' && comparable(name) === comparableWanted,
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
  const result: Omit<MappedSchema, 'otherObjects'> = {
    schema: [],
    keyFields: [],
    qualitySites: [],
  };
  if (object.quality !== undefined) {
    result.qualitySites.push({
      rules: object.quality,
      path: `${path}.quality`,
    });
  }
  if (
    object.properties === undefined ||
    object.properties === null ||
    (Array.isArray(object.properties) && object.properties.length === 0)
  ) {
    findings.warning(
      `${path}.properties`,
      `is ${
        Array.isArray(object.properties) ? 'empty' : 'missing'
      }: schema object ${shown(
        object.name,
      )} has no properties, so the contract gets no fields from it — list its columns, e.g. \`properties: [{ name: id, logicalType: string, description: … }]\``,
    );
    return result;
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
