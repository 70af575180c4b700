import type { SchemaField } from '../../kind/types';
import type { ClassifiedContractChange } from '../types';
import { asText, change, shownValue } from './change';
import { fieldKeys, likelyRenames, sameType } from './likelyRenames';

const at = (index: number) => `spec.contract.schema[${index}]`;

/**
 * Schema changes, fields matched by name. A removed field and an added one
 * that are most likely the same field renamed (see {@link likelyRenames})
 * are reported once as `field-renamed`, with whatever else changed on it,
 * instead of a removal and an addition.
 */
export function schemaChanges(
  before: SchemaField[],
  after: SchemaField[],
): ClassifiedContractChange[] {
  const beforeKeys = fieldKeys(before);
  const afterKeys = fieldKeys(after);
  const afterNames = new Set(afterKeys);
  const beforeIndex = new Map(beforeKeys.map((key, index) => [key, index]));
  const renames = likelyRenames(before, after);
  const renamedFrom = new Map(renames.map(r => [r.after, r])); // after index → rename
  const renamedBefore = new Set(renames.map(r => r.before));

  const changes: ClassifiedContractChange[] = [];
  before.forEach((field, index) => {
    if (!afterNames.has(beforeKeys[index]) && !renamedBefore.has(index)) {
      changes.push(
        change(
          'field-removed',
          at(index),
          `field ${asText(field.name)} removed (was ${asText(field.type)})`,
        ),
      );
    }
  });
  after.forEach((field, index) => {
    const renamed = renamedFrom.get(index);
    if (renamed !== undefined) {
      const old = before[renamed.before];
      changes.push(
        change(
          'field-renamed',
          `${at(index)}.name`,
          `field ${asText(old.name)} renamed to ${asText(
            field.name,
          )} (likely rename: ${old.name} removed and ${asText(
            field.name,
          )} added, both ${asText(field.type)}, ${
            renamed.sameDescription
              ? 'same description'
              : `names ${Math.floor(renamed.similarity * 100)}% similar`
          })`,
        ),
      );
      changes.push(...fieldChanges(old, field, index));
      return;
    }
    const previous = beforeIndex.get(afterKeys[index]);
    if (previous === undefined) {
      changes.push(
        change(
          'field-added',
          at(index),
          `field ${asText(field.name)} added (${asText(field.type)})`,
        ),
      );
      return;
    }
    changes.push(...fieldChanges(before[previous], field, index));
  });
  return changes;
}

function fieldChanges(
  old: SchemaField,
  now: SchemaField,
  index: number,
): ClassifiedContractChange[] {
  const changes: ClassifiedContractChange[] = [];
  const name = asText(now.name);
  if (!sameType(old.type, now.type)) {
    changes.push(
      change(
        'type-changed',
        `${at(index)}.type`,
        `field ${name} type changed: ${asText(old.type)} → ${asText(now.type)}`,
      ),
    );
  }
  if (old.required !== true && now.required === true) {
    changes.push(
      change(
        'required-added',
        `${at(index)}.required`,
        `field ${name} required: false → true`,
      ),
    );
  }
  const oldKey = old.key ?? 'none';
  const newKey = now.key ?? 'none';
  if (!sameValue(oldKey, newKey)) {
    changes.push(
      change(
        'key-changed',
        `${at(index)}.key`,
        `field ${name} key changed: ${asText(oldKey)} → ${asText(newKey)}`,
      ),
    );
  }
  if (!sameValue(old.description ?? '', now.description ?? '')) {
    changes.push(
      change(
        'description-changed',
        `${at(index)}.description`,
        `field ${name} description changed: ${shownValue(
          old.description,
        )} → ${shownValue(now.description)}`,
      ),
    );
  }
  if (!sameValue(old.classification, now.classification)) {
    changes.push(
      change(
        'classification-changed',
        `${at(index)}.classification`,
        `field ${name} classification changed: ${shownValue(
          old.classification,
        )} → ${shownValue(now.classification)} (consumers may lose access)`,
      ),
    );
  }
  return changes;
}

/**
 * Equal values, not the same object: `stockroom diff` reads the base before
 * any lint, so an unchanged `key: {}` or `classification: [pii]` must not be
 * reported as a change (by identity, two parses of it never are equal).
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false;
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false; // a cycle or a nesting too deep to write: call it changed
  }
}
