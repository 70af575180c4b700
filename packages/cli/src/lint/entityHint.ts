import type { PathSegment } from '../yaml/fieldPath';

/*
 * What to write instead, per field the catalog checks. The rules are
 * @backstage/catalog-model's (KubernetesValidatorFunctions, makeValidator),
 * restated for people; the verdict itself always comes from the library.
 */

const OBJECT_NAME =
  '1-63 characters of [a-zA-Z0-9] and `-`, `_`, `.`, starting and ending with a letter or digit';

const NAME =
  `A name is ${OBJECT_NAME}, e.g. \`orders-core-v2\`. ` +
  'Until it is valid the catalog has no entity of this name; and if you renamed ' +
  'the product, the catalog deletes the entity under its old name (the file no ' +
  'longer defines it), so its consumers and history page lose it.';

const NAMESPACE =
  'A namespace is 1-63 lower-case letters and digits in words joined by `-`, e.g. `commerce`; leave it out for `default`.';

const PREFIXED =
  'an optional prefix that is a lower-case DNS name and a `/`, then a name of ' +
  `${OBJECT_NAME}`;

const LABEL_KEY = `A label key is ${PREFIXED}: e.g. \`stockroom.io/tier\` or \`tier\`.`;

const LABEL_VALUE = `A label value is empty or ${OBJECT_NAME}; put longer or free text in an annotation instead.`;

const ANNOTATION_KEY = `An annotation key is ${PREFIXED}: e.g. \`openlineage.io/dataset\`.`;

const ANNOTATION_VALUE = 'An annotation value is a string: quote it.';

const TAG =
  'A tag is 1-63 lower-case letters, digits, `+`, `#` and `:`, in words joined by single `-`: e.g. `customer-data`, `c++`.';

const LINK =
  'A link needs a `url` (e.g. `https://…`); its `title` and `icon`, when given, are not empty.';

const ROOT =
  'An entity has only `apiVersion`, `kind`, `metadata` and `spec` at its root: fix the spelling or move the field under `spec`.';

const KIND =
  'A DataProduct starts with `apiVersion: stockroom.io/v1alpha1` and `kind: DataProduct`.';

const GENERAL =
  'The catalog checks this for every entity, whatever its kind: see the entity format at https://backstage.io/docs/features/software-catalog/descriptor-format.';

/** The fix for the catalog's `message` about `field`. */
export function entityHint(field: PathSegment[], message: string): string {
  const [root, section] = field;
  if (root === 'apiVersion' || root === 'kind') {
    return KIND;
  }
  if (field.length === 1 && root !== 'metadata' && root !== 'spec') {
    return ROOT;
  }
  if (root !== 'metadata') {
    return GENERAL;
  }
  switch (section) {
    case 'name':
      return NAME;
    case 'namespace':
      return NAMESPACE;
    case 'labels':
    case 'annotations':
      return keyOrValueHint(section, field, message);
    case 'tags':
      return TAG;
    case 'links':
      return LINK;
    default:
      return GENERAL;
  }
}

/**
 * FieldFormatEntityPolicy names a label by its key whether its key or its
 * value fails; it quotes what it found, so that tells which.
 */
function keyOrValueHint(
  section: 'labels' | 'annotations',
  field: PathSegment[],
  message: string,
): string {
  const key = field[2];
  const aboutKey =
    field.length === 3 && message.includes(`but found "${String(key)}".`);
  if (section === 'labels') {
    return aboutKey ? LABEL_KEY : LABEL_VALUE;
  }
  return aboutKey ? ANNOTATION_KEY : ANNOTATION_VALUE;
}
