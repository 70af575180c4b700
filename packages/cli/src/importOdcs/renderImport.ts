import type { Entity } from '@backstage/catalog-model';
import type {
  Finding,
  ImportedDataProduct,
} from '@stockroom/plugin-data-products-common';
import { Document } from 'yaml';

/** A file `import-odcs` writes: its name in the output folder and its text. */
export interface RenderedFile {
  name: string;
  text: string;
  /** The product it holds, for the report; undefined for the System. */
  product?: ImportedDataProduct;
}

export interface RenderContext {
  /** The contract as the products reference it, e.g. `./adventureworks.odcs.yaml`. */
  contractRef: string;
  /** The day of the import, YYYY-MM-DD. */
  today: string;
}

/**
 * One YAML file per product, `<name>.yaml`, and the System as
 * `<name>.system.yaml`. The comments at the top are for the owner who
 * opens the file next: where it came from, what the contract gave it
 * (`mapped`) and what Stockroom still asks for (`findings`, as
 * `stockroom lint` reports them).
 */
export function renderImport(
  products: ImportedDataProduct[],
  system: Entity,
  context: RenderContext,
): RenderedFile[] {
  const files: RenderedFile[] = products.map(product => ({
    name: `${product.entity.metadata.name}.yaml`,
    text: yamlWithComment(product.entity, productComment(product, context)),
    product,
  }));
  files.push({
    name: `${system.metadata.name}.system.yaml`,
    text: yamlWithComment(system, systemComment(system, products, context)),
  });
  return files;
}

function productComment(
  product: ImportedDataProduct,
  context: RenderContext,
): string[] {
  const what = product.schemaObject
    ? `schema object \`${product.schemaObject}\``
    : 'the terms (it has no schema object)';
  const lines = [
    `${product.entity.metadata.name}: ${what} of the ODCS contract ${context.contractRef},`,
    `imported by \`stockroom import-odcs\` on ${context.today}.`,
    '',
    'The contract stays the source of truth: the catalog reads this product’s',
    'schema, SLA, quality and terms from it (spec.contract.odcs with $yaml,',
    'spec.contract.odcsSchema picks the object). Change the contract, not a copy;',
    'a field written under spec.contract here wins over the contract’s.',
    '',
    'Mapped from the contract:',
    ...product.mapped.map(note => `- ${oneLine(note)}`),
    '',
  ];
  const open = product.findings;
  if (open.length === 0) {
    lines.push(
      'Nothing left to add: `stockroom lint` has no finding on it today.',
    );
  } else {
    lines.push(
      `Still to add (${open.length} \`stockroom lint\` finding${
        open.length === 1 ? '' : 's'
      } today; none blocks):`,
      ...open.map(finding => `- ${findingLine(finding)}`),
    );
  }
  return lines;
}

function systemComment(
  system: Entity,
  products: ImportedDataProduct[],
  context: RenderContext,
): string[] {
  const owner = (system.spec as { owner?: unknown } | undefined)?.owner;
  return [
    `The System grouping the ${products.length} data product${
      products.length === 1 ? '' : 's'
    } imported by \`stockroom import-odcs\``,
    `on ${context.today} from ${context.contractRef}, one per schema object.`,
    '',
    `\`stockroom export-odcs --system ${system.metadata.name} <this folder>\` merges`,
    'them back into one ODCS document.',
    ...(owner ? [] : ['', 'Still to add: spec.owner, the owning Group.']),
  ];
}

function findingLine(finding: Finding): string {
  return oneLine(
    `${finding.severity} ${finding.ruleId} at ${finding.path}: ${finding.message}`,
  );
}

/** Comments are one line per entry: a newline in a message would end the comment. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

function yamlWithComment(value: unknown, comment: string[]): string {
  const document = new Document(value);
  document.commentBefore = comment
    .map(line => (line === '' ? '' : ` ${line}`))
    .join('\n');
  return document.toString({ lineWidth: 0 });
}
