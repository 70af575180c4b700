import fs from 'node:fs';
import path from 'node:path';
import {
  DataProductEntityV1alpha1,
  contractToOdcs,
  isDataProductEntity,
  validateDataProduct,
} from '@stockroom/plugin-data-products-common';
import { Document } from 'yaml';
import { describeFsError } from '../fsErrors';
import { formatInputProblem } from '../format/problems';
import { CliIo, EXIT_OK, EXIT_USAGE, UsageError } from '../io';
import { entityRefOf } from '../documents/entityRef';
import { loadDocuments } from '../documents/loadDocuments';
import { resolvePlaceholders } from '../documents/resolvePlaceholders';
import { exportSystemOdcs } from './exportSystemOdcs';

export interface ExportOdcsOptions {
  name?: string;
  output?: string;
  /** Same as `output` (`--out`, the spelling `import-odcs` uses). */
  out?: string;
  /** Merge this System's products into one document instead. */
  system?: string;
}

/**
 * `stockroom export-odcs <file>`: the DataProduct's contract as an ODCS
 * v3.1.0 DataContract (the engine's `contractToOdcs`, the same document the
 * backend serves at `…/contract?format=odcs`), printed or written to
 * `--output`. Exit 0 when exported, 2 on usage or input errors.
 */
export async function exportOdcsCommand(
  inputs: string[],
  options: ExportOdcsOptions,
  io: CliIo,
): Promise<number> {
  try {
    const output = options.output ?? options.out;
    if (options.system !== undefined) {
      if (options.name !== undefined) {
        throw new UsageError('--name picks one product; with --system every product of the System is exported');
      }
      const exported = exportSystemOdcs(options.system, inputs, io);
      return writeOdcs(
        exported.odcs,
        ` ODCS ${String(exported.odcs.apiVersion ?? '')} data contract of ${
          exported.systemRef
        } (${exported.products.length} data product${
          exported.products.length === 1 ? '' : 's'
        }), exported by \`stockroom export-odcs --system\`.`,
        output,
        `Wrote the ODCS contract of ${exported.systemRef} (${exported.products.join(', ')})`,
        io,
      );
    }
    if (inputs.length !== 1) {
      throw new UsageError(
        inputs.length === 0
          ? 'give the file of one DataProduct, or --system <ref> to merge a System’s products'
          : `give one file (got ${inputs.length}); to merge several products into one document, use --system <ref>`,
      );
    }
    return exportOdcs(inputs[0], { ...options, output }, io);
  } catch (error) {
    if (!(error instanceof UsageError)) {
      throw error;
    }
    io.stderr(`error: ${error.message}\n`);
    return EXIT_USAGE;
  }
}

function exportOdcs(
  file: string,
  options: ExportOdcsOptions,
  io: CliIo,
): number {
  const absolute = path.resolve(io.cwd, file);
  const display = (target: string) =>
    path.relative(io.cwd, target).split(path.sep).join('/') || '.';
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${describeFsError(error)}`);
  }
  const loaded = loadDocuments(file, text);
  const invalid = loaded.problems.find(p => p.severity === 'error');
  if (invalid) {
    throw new UsageError(formatInputProblem(invalid).trimEnd());
  }
  const value = pickProduct(
    loaded.documents.map(d => d.value),
    options.name,
    file,
  );
  const entityRef = entityRefOf(value);

  // The catalog resolves `odcs: { $yaml: … }` before anything reads the contract.
  const resolved = resolvePlaceholders(value, absolute, display);
  const unresolved = resolved.findings.find(f => f.severity === 'error');
  if (unresolved) {
    throw new UsageError(`${file}: ${entityRef}: ${unresolved.message}`);
  }
  for (const warning of resolved.findings) {
    io.stderr(`warning: ${file}: ${entityRef}: ${warning.message}\n`);
  }
  const problems = validateDataProduct(resolved.entity);
  if (problems.length > 0) {
    io.stderr(
      `warning: ${entityRef} has ${problems.length} schema problem${
        problems.length === 1 ? '' : 's'
      } (the catalog would reject it); run \`stockroom lint ${file}\` to see them\n`,
    );
  }

  let odcs;
  try {
    odcs = contractToOdcs(
      resolved.entity as unknown as DataProductEntityV1alpha1,
    );
  } catch (error) {
    throw new UsageError(
      `${file}: ${entityRef}: cannot export its contract (${
        (error as Error)?.message ?? String(error)
      }); run \`stockroom lint ${file}\``,
    );
  }
  return writeOdcs(
    odcs,
    ` ODCS ${String(
      odcs.apiVersion ?? '',
    )} data contract of ${entityRef}, exported by \`stockroom export-odcs\` from ${display(
      absolute,
    )}.`,
    options.output,
    `Wrote the ODCS contract of ${entityRef}`,
    io,
  );
}

/** The document as YAML with a header comment, on stdout or in `output`. */
function writeOdcs(
  odcs: Record<string, unknown>,
  header: string,
  output: string | undefined,
  wrote: string,
  io: CliIo,
): number {
  const document = new Document(odcs);
  document.commentBefore = header;
  const yaml = document.toString({ lineWidth: 0 });
  if (output === undefined) {
    io.stdout(yaml);
    return EXIT_OK;
  }
  const outputFile = path.resolve(io.cwd, output);
  try {
    fs.writeFileSync(outputFile, yaml);
  } catch (error) {
    throw new UsageError(`cannot write ${output}: ${describeFsError(error)}`);
  }
  io.stdout(`${wrote} to ${output}.\n`);
  return EXIT_OK;
}

function pickProduct(
  documents: Record<string, unknown>[],
  name: string | undefined,
  file: string,
): Record<string, unknown> {
  const products = documents.filter(value => isDataProductEntity(value as any));
  const nameOf = (value: Record<string, unknown>) =>
    String((value.metadata as { name?: unknown } | undefined)?.name);
  if (products.length === 0) {
    throw new UsageError(`${file} has no DataProduct document to export`);
  }
  if (name !== undefined) {
    const match = products.find(value => nameOf(value) === name);
    if (!match) {
      throw new UsageError(
        `${file} has no DataProduct named ${JSON.stringify(
          name,
        )}; it has: ${products.map(nameOf).join(', ')}`,
      );
    }
    return match;
  }
  if (products.length > 1) {
    throw new UsageError(
      `${file} has ${
        products.length
      } DataProducts; pick one with --name: ${products.map(nameOf).join(', ')}`,
    );
  }
  return products[0];
}
