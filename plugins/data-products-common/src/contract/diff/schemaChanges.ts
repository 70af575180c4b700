import type { SchemaField } from '../../kind/types';
import type { ClassifiedContractChange } from '../types';
import { change, shownValue } from './change';
import { likelyRenames, sameType } from './likelyRenames';

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
  const afterNames = new Set(after.map(field => field.name));
  const beforeIndex = new Map(
    before.map((field, index) => [field.name, index]),
  );
  const renames = likelyRenames(before, after);
  const renamedFrom = new Map(renames.map(r => [r.after, r])); // after index → rename
  const renamedBefore = new Set(renames.map(r => r.before));

  const changes: ClassifiedContractChange[] = [];
  before.forEach((field, index) => {
    if (!afterNames.has(field.name) && !renamedBefore.has(index)) {
      changes.push(
        change(
          'field-removed',
          at(index),
          `field ${field.name} removed (was ${field.type})`,
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
          `field ${old.name} renamed to ${field.name} (likely rename: ${
            old.name
          } removed and ${field.name} added, both ${field.type}, ${
            renamed.sameDescription
              ? 'same description'
              : `names ${Math.floor(renamed.similarity * 100)}% similar`
          })`,
        ),
      );
      changes.push(...fieldChanges(old, field, index));
      return;
    }
    const previous = beforeIndex.get(field.name);
    if (previous === undefined) {
      changes.push(
        change(
          'field-added',
          at(index),
          `field ${field.name} added (${field.type})`,
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
  const name = now.name;
  if (!sameType(old.type, now.type)) {
    changes.push(
      change(
        'type-changed',
        `${at(index)}.type`,
        `field ${name} type changed: ${old.type} → ${now.type}`,
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
  if (oldKey !== newKey) {
    changes.push(
      change(
        'key-changed',
        `${at(index)}.key`,
        `field ${name} key changed: ${oldKey} → ${newKey}`,
      ),
    );
  }
  if ((old.description ?? '') !== (now.description ?? '')) {
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
  if (old.classification !== now.classification) {
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
