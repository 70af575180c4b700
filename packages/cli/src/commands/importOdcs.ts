import fs from 'node:fs';
import path from 'node:path';
import {
  type DataProductCategory,
  type Finding,
  formatIsoDate,
  isInsideFolder,
  odcsToDataProducts,
} from '@stockroom/plugin-data-products-common';
import { describeFsError } from '../fsErrors';
import { readContract } from '../importOdcs/readContract';
import { RenderedFile, renderImport } from '../importOdcs/renderImport';
import {
  FileToWrite,
  writeAllOrNothing,
} from '../importOdcs/writeAllOrNothing';
import { CliIo, EXIT_BLOCKED, EXIT_OK, EXIT_USAGE, UsageError } from '../io';
import { lintFile } from '../lint/lintFile';
import type { EntityResult } from '../lint/types';
import { loadPolicy } from '../policy';
import { dayOption } from '../today';

export interface ImportOdcsOptions {
  system?: string;
  owner?: string;
  category: DataProductCategory;
  namePrefix?: string;
  out?: string;
  force?: boolean;
  progress?: boolean;
  now?: string;
  config?: string[];
}

/** The option that answers an import finding at this path. */
const OPTION_FOR: Record<string, string> = {
  'spec.owner': 'pass --owner <group>',
  'spec.system': 'pass --system <name>',
};

/** Progress every this many objects (and at the end). */
const PROGRESS_EVERY = 10;
/** Blocked products listed with their findings when the import is refused; the rest are counted. */
const BLOCKED_SHOWN = 5;

/**
 * `stockroom import-odcs <contract>`: the engine's `odcsToDataProducts`
 * written as files — one DataProduct per schema object and the System —
 * checked with `stockroom lint`'s own code before anything lands.
 *
 * Every file it writes passes `stockroom lint`. In a category where the
 * imported products have blocking findings (a core entity needs P99
 * freshness, an on-call rotation, a description on every field, …) it
 * writes nothing and lists them, exit 1: the owner adds what is missing to
 * the contract (or picks the category the contract supports) and imports
 * again, rather than committing files the catalog would reject.
 *
 * Exit 0 written; 1 refused, a product would be blocked; 2 usage or input
 * error (unreadable or invalid contract, existing files without --force).
 * Nothing is written unless everything is.
 */
export async function importOdcsCommand(
  contract: string,
  options: ImportOdcsOptions,
  io: CliIo,
): Promise<number> {
  try {
    return await importOdcs(contract, options, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`error: ${error.message}\n`);
    return EXIT_USAGE;
  }
}

async function importOdcs(
  contract: string,
  options: ImportOdcsOptions,
  io: CliIo,
): Promise<number> {
  const now = dayOption('--now', options.now, io.now);
  const policy = await loadPolicy(options.config, io.cwd);
  const display = (absolute: string) =>
    path.relative(io.cwd, absolute).split(path.sep).join('/') || '.';
  const contractFile = path.resolve(io.cwd, contract);
  const document = readContract(contract, io.cwd);

  // $yaml reads only files in or below the entity file's folder: a contract
  // elsewhere is copied next to the products.
  const outDir = path.resolve(
    io.cwd,
    options.out ?? path.dirname(contractFile),
  );
  const inPlace = isInsideFolder(outDir, contractFile);
  const contractName = inPlace
    ? path.relative(outDir, contractFile).split(path.sep).join('/')
    : path.basename(contractFile);
  const contractRef = `./${contractName}`;

  const progress = progressReporter(options, io);
  const imported = odcsToDataProducts(document, {
    contractRef,
    now,
    owner: options.owner,
    system: options.system,
    category: options.category,
    namePrefix: options.namePrefix,
    policy,
    onProgress: progress?.('mapped schema objects'),
  });
  for (const finding of imported.findings) {
    io.stderr(
      `${contract}: ${finding.severity}: ${finding.message}${
        OPTION_FOR[finding.path] ? ` (${OPTION_FOR[finding.path]})` : ''
      }\n`,
    );
  }
  if (!imported.system || imported.findings.some(isError)) {
    io.stderr(`nothing written: ${contract} cannot be imported as it is\n`);
    return EXIT_USAGE;
  }

  const rendered = renderImport(imported.products, imported.system, {
    contractRef,
    today: formatIsoDate(now),
  });
  const files: FileToWrite[] = [...rendered];
  if (!inPlace) {
    files.push({ name: contractName, text: readText(contractFile, contract) });
  }
  const taken = new Set<string>();
  for (const file of files) {
    if (taken.has(file.name)) {
      throw new UsageError(
        `two files would be named ${file.name} in ${display(
          outDir,
        )}; choose a --system or --name-prefix that differs from the products' names`,
      );
    }
    taken.add(file.name);
  }

  let blocked: EntityResult[] = [];
  let warnings = 0;
  const written = await writeAllOrNothing(outDir, files, {
    force: Boolean(options.force),
    display,
    extra: inPlace ? [{ name: contractName, from: contractFile }] : [],
    check: async staged => {
      // `stockroom lint`'s own code on the staged files, shown under their final names.
      const checked = await lintStaged(rendered, staged, outDir, {
        policy,
        now,
        progress: progress?.('checked with stockroom lint'),
      });
      blocked = checked.results.filter(result => result.blocked);
      warnings = checked.results.reduce(
        (n, r) => n + r.findings.filter(f => f.severity === 'warning').length,
        0,
      );
      return blocked.length === 0 && checked.problems.length === 0;
    },
  });
  if (!written) {
    reportBlocked(blocked, options.category, io);
    return EXIT_BLOCKED;
  }

  const products = rendered.filter(file => file.product);
  io.stdout(
    `Imported ${products.length} data product${
      products.length === 1 ? '' : 's'
    } (${options.category}) of system ${
      imported.system.metadata.name
    } from ${contract} into ${display(outDir)}/:\n`,
  );
  for (const file of rendered) {
    io.stdout(`  ${file.name}${describeFile(file)}\n`);
  }
  if (!inPlace) {
    io.stdout(
      `  ${contractName}  (a copy of ${contract}, which they reference)\n`,
    );
  }
  io.stdout(
    `Every file passes \`stockroom lint\` (0 errors, ${warnings} warning${
      warnings === 1 ? '' : 's'
    }); the comments at the top of each say what was mapped and what is still to add.\n`,
  );
  return EXIT_OK;
}

async function lintStaged(
  rendered: RenderedFile[],
  staged: (name: string) => string,
  outDir: string,
  options: {
    policy: Awaited<ReturnType<typeof loadPolicy>>;
    now: Date;
    progress?: (done: number, total: number) => void;
  },
) {
  const results: EntityResult[] = [];
  const problems: string[] = [];
  const products = rendered.filter(file => file.product);
  for (const [index, file] of products.entries()) {
    const linted = await lintFile(staged(file.name), file.text, {
      policy: options.policy,
      now: options.now,
      // named as they will be, not as staged
      display: () => path.join(outDir, file.name),
    });
    results.push(...linted.results);
    problems.push(
      ...linted.problems
        .filter(problem => problem.severity === 'error')
        .map(problem => problem.message),
    );
    options.progress?.(index + 1, products.length);
  }
  return { results, problems };
}

function describeFile(file: RenderedFile): string {
  if (!file.product) return '  (the System)';
  const warnings = file.product.findings.filter(f => f.severity === 'warning');
  const object = file.product.schemaObject
    ? `schema object ${file.product.schemaObject}`
    : 'no schema object';
  return `  ${object}${
    warnings.length > 0
      ? `; ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`
      : ''
  }`;
}

function reportBlocked(blocked: EntityResult[], category: string, io: CliIo) {
  io.stderr(
    `nothing written: ${blocked.length} imported product${
      blocked.length === 1 ? '' : 's'
    } would not pass \`stockroom lint\` as ${category}:\n`,
  );
  for (const result of blocked.slice(0, BLOCKED_SHOWN)) {
    io.stderr(`  ${result.entityRef}\n`);
    for (const finding of result.findings.filter(isError)) {
      io.stderr(
        `    error ${finding.ruleId} at ${finding.path}: ${finding.message}\n`,
      );
    }
  }
  if (blocked.length > BLOCKED_SHOWN) {
    io.stderr(`  … and ${blocked.length - BLOCKED_SHOWN} more\n`);
  }
  io.stderr(
    'Add what is missing to the contract (it is what the products read), or import with a --category whose rules the contract meets (e.g. shared-mart), then import again.\n',
  );
}

function progressReporter(options: ImportOdcsOptions, io: CliIo) {
  if (!(options.progress ?? io.stderrIsTTY)) return undefined;
  return (what: string) => (done: number, total: number) => {
    if (done % PROGRESS_EVERY === 0 || done === total) {
      io.stderr(`${done}/${total} ${what}\n`);
    }
  };
}

function readText(absolute: string, shown: string): string {
  try {
    return fs.readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${shown}: ${describeFsError(error)}`);
  }
}

function isError(finding: Pick<Finding, 'severity'>): boolean {
  return finding.severity === 'error';
}
