import fs from 'node:fs';
import path from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import {
  type DataProductEntityV1alpha1,
  dataProductsToOdcs,
  isDataProductEntity,
} from '@stockroom/plugin-data-products-common';
import type { JsonObject } from '@backstage/config';
import { normalizeRef } from '../documents/entityIndex';
import { entityRefOf } from '../documents/entityRef';
import { expandInputs } from '../documents/expandInputs';
import { loadDocuments } from '../documents/loadDocuments';
import { resolvePlaceholders } from '../documents/resolvePlaceholders';
import { formatInputProblem } from '../format/problems';
import { describeFsError } from '../fsErrors';
import { CliIo, UsageError } from '../io';

export interface SystemExport {
  odcs: JsonObject;
  /** `system:<namespace>/<name>`, as found. */
  systemRef: string;
  /** The merged products' refs, in file order. */
  products: string[];
}

/**
 * The DataProducts of one System, read from the inputs as `stockroom lint`
 * reads them (files, directories, globs; default the working directory),
 * merged into one ODCS v3.1.0 document by the engine's
 * `dataProductsToOdcs` — the document the backend serves at
 * `…/systems/:namespace/:name/contract?format=odcs`. A product belongs to
 * the System its `spec.system` names (default namespace its own). Without
 * the System's own document among the inputs, a System of that name is
 * assumed, with a warning: its title, description and owner are then
 * missing from the document.
 *
 * @throws UsageError for unreadable inputs, no such System's products, or a
 *   product whose placeholders do not resolve — nothing is printed then.
 */
export function exportSystemOdcs(
  systemOption: string,
  inputs: string[],
  io: CliIo,
): SystemExport {
  const systemRef = normalizeRef(systemOption, 'System', 'default');
  if (!systemRef || !systemRef.startsWith('system:')) {
    throw new UsageError(
      `--system must name a System, e.g. adventureworks or system:default/adventureworks; got ${JSON.stringify(
        systemOption,
      )}`,
    );
  }
  const display = (absolute: string) =>
    path.relative(io.cwd, absolute).split(path.sep).join('/') || '.';
  const expanded = expandInputs(inputs.length > 0 ? inputs : ['.'], io.cwd);
  const errors = expanded.problems.filter(p => p.severity === 'error');
  if (errors.length > 0 || expanded.files.length === 0) {
    throw new UsageError(
      errors.length > 0
        ? errors.map(p => formatInputProblem(p).trimEnd()).join('; ')
        : 'no files to read',
    );
  }

  let system: Entity | undefined;
  const products: Array<{ absolute: string; value: Record<string, unknown> }> =
    [];
  for (const { absolute } of expanded.files) {
    let text: string;
    try {
      text = fs.readFileSync(absolute, 'utf8');
    } catch (error) {
      throw new UsageError(
        `cannot read ${display(absolute)}: ${describeFsError(error)}`,
      );
    }
    const loaded = loadDocuments(display(absolute), text);
    for (const { value } of loaded.documents) {
      const namespace = namespaceOf(value);
      if (
        value.kind === 'System' &&
        normalizeRef(`system:${namespace}/${nameOf(value)}`, 'System', 'default') ===
          systemRef
      ) {
        system ??= value as unknown as Entity;
      } else if (
        isDataProductEntity(value as any) &&
        normalizeRef(specOf(value).system, 'System', namespace) === systemRef
      ) {
        products.push({ absolute, value });
      }
    }
  }
  if (products.length === 0) {
    throw new UsageError(
      `no DataProduct in ${inputs.length > 0 ? inputs.join(', ') : '.'} has spec.system ${systemRef}`,
    );
  }
  if (!system) {
    io.stderr(
      `warning: the System ${systemRef} itself is not in the given files: the document has no title, description or owner (team) from it\n`,
    );
    const [, namespace, name] = /^system:([^/]+)\/(.+)$/.exec(systemRef)!;
    system = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name, namespace },
      spec: {},
    };
  }

  const resolved = products.map(({ absolute, value }) => {
    const entityRef = entityRefOf(value);
    const result = resolvePlaceholders(value, absolute, display);
    const unresolved = result.findings.find(f => f.severity === 'error');
    if (unresolved) {
      throw new UsageError(
        `${display(absolute)}: ${entityRef}: ${unresolved.message}`,
      );
    }
    return result.entity as unknown as DataProductEntityV1alpha1;
  });
  let odcs: JsonObject;
  try {
    odcs = dataProductsToOdcs(resolved, system);
  } catch (error) {
    throw new UsageError(
      `cannot export ${systemRef} (${
        (error as Error)?.message ?? String(error)
      }); run \`stockroom lint\` on its products`,
    );
  }
  return {
    odcs,
    systemRef,
    products: products.map(({ value }) => entityRefOf(value)),
  };
}

function specOf(value: Record<string, unknown>): Record<string, unknown> {
  const spec = value.spec;
  return spec && typeof spec === 'object' ? (spec as Record<string, unknown>) : {};
}

function nameOf(value: Record<string, unknown>): string {
  return String((value.metadata as { name?: unknown } | undefined)?.name);
}

function namespaceOf(value: Record<string, unknown>): string {
  const namespace = (value.metadata as { namespace?: unknown } | undefined)
    ?.namespace;
  return typeof namespace === 'string' && namespace !== ''
    ? namespace
    : 'default';
}
