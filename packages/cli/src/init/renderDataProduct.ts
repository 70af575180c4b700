import {
  DATA_PRODUCT_API_VERSION,
  DATA_PRODUCT_KIND,
} from '@stockroom/plugin-data-products-common';
import { stringify } from 'yaml';
import type { DataProductAnswers, FieldAnswer } from './answers';

const HEADER =
  '# A new data product. Check it with `stockroom lint`; the YAML reference\n' +
  '# is docs/dataproduct-yaml.md in the Stockroom repository.\n';

/**
 * The catalog-info.yaml of a new data product, as the software template's
 * skeleton writes it (examples/templates/data-product/skeleton/): a draft
 * with the contract the answers give. Optional answers left empty are left
 * out rather than written blank, so the file only states what the owner
 * decided. Shared marts start reviewed on their creation day
 * (`quarterly-review`).
 */
export function renderDataProduct(answers: DataProductAnswers): string {
  const entity = {
    apiVersion: DATA_PRODUCT_API_VERSION,
    kind: DATA_PRODUCT_KIND,
    metadata: compact({
      name: answers.name,
      title: answers.title,
      description: answers.description,
    }),
    spec: compact({
      type: answers.type,
      category: answers.category,
      owner: answers.owner,
      system: answers.system,
      version: answers.version,
      lifecycle: compact({
        stage: 'draft',
        createdOn: answers.createdOn,
        reviewedOn:
          answers.category === 'shared-mart' ? answers.createdOn : undefined,
      }),
      contract: compact({
        schema: answers.fields.map(renderField),
        freshness: orUndefined(
          compact({ p95: answers.p95, p99: answers.p99, tier: answers.tier }),
        ),
        escalation: orUndefined(
          compact({
            channel: answers.escalationChannel,
            onCall: answers.onCall,
          }),
        ),
      }),
    }),
  };
  return `${HEADER}${stringify(entity, { lineWidth: 0 })}`;
}

function renderField(field: FieldAnswer) {
  return compact({
    name: field.name,
    type: field.type,
    description: field.description,
    key: field.key,
    required: field.required ? true : undefined,
    classification: field.classification,
  });
}

/** Drops keys whose value is undefined or blank text. */
function compact<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(object).filter(
      ([, value]) =>
        value !== undefined &&
        !(typeof value === 'string' && value.trim() === ''),
    ),
  ) as Partial<T>;
}

function orUndefined<T extends object>(object: T): T | undefined {
  return Object.keys(object).length > 0 ? object : undefined;
}
