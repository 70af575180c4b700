import { DATA_PRODUCT_CATEGORIES } from '@stockroom/plugin-data-products-common';
import { Command, CommanderError, Option } from 'commander';
import { diffCommand } from './commands/diff';
import { exportOdcsCommand } from './commands/exportOdcs';
import { importOdcsCommand } from './commands/importOdcs';
import { initCommand } from './commands/init';
import { lintCommand } from './commands/lint';
import { renewCommand } from './commands/renew';
import { FORMATS } from './format';
import { CliIo, EXIT_OK, EXIT_USAGE, UsageError, processIo } from './io';
import packageJson from '../package.json';

/**
 * Runs the `stockroom` CLI in-process and resolves to its exit code; the bin
 * sets the process exit code from it. Errors never escape as stacks: usage
 * and input errors print one line (exit 2). `argv` excludes node and the
 * script (`process.argv.slice(2)`).
 */
export async function main(
  argv: string[],
  io: Partial<CliIo> = {},
): Promise<number> {
  const cli: CliIo = { ...processIo(), ...io };
  let exitCode = EXIT_OK;
  const program = buildProgram(cli, code => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; commander already printed its message.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      cli.stderr(`stockroom: ${error.message}\n`);
      return EXIT_USAGE;
    }
    cli.stderr(
      `stockroom: unexpected error: ${
        process.env.STOCKROOM_DEBUG
          ? (error as Error)?.stack
          : (error as Error)?.message ?? String(error)
      }\n`,
    );
    return EXIT_USAGE;
  }
}

function buildProgram(io: CliIo, setExitCode: (code: number) => void) {
  // Settings made before `.command()` are inherited by every subcommand.
  const program = new Command('stockroom')
    .description(
      'Stockroom: start a DataProduct, lint DataProduct YAML with the catalog’s own rules, diff contracts against a git ref or the version they supersede, renew convenience views, import and export ODCS contracts.',
    )
    .version(packageJson.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .configureOutput({
      writeOut: text => io.stdout(text),
      writeErr: text => io.stderr(text),
    })
    .showHelpAfterError('(run with --help for usage)')
    .allowExcessArguments(false);

  program
    .command('lint')
    .description(
      'Check DataProduct entities as the catalog would: same schema, same rules, same states.',
    )
    .argument(
      '[inputs...]',
      'YAML files, directories (walked for *.yaml/*.yml) or quoted globs; default: the current directory',
    )
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices([...FORMATS])
        .default('text'),
    )
    .option(
      '--now <date>',
      'evaluate as of this UTC date, YYYY-MM-DD (default: today)',
    )
    .option(
      '-c, --config <file>',
      'app-config YAML whose `stockroom:` section sets the policy; repeat to merge several as the backend does (default: built-in defaults)',
      collect,
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 nothing blocks, 1 something blocks (schema problem or blocking rule), 2 usage or input error.',
    )
    .action(async (inputs: string[], options) => {
      setExitCode(await lintCommand(inputs, options, io));
    });

  program
    .command('renew')
    .description(
      'Set spec.lifecycle.renewedOn of a DataProduct, editing only that line, and print its new expiry.',
    )
    .argument('<file>', 'the YAML file holding the DataProduct')
    .option('--on <date>', 'renewal date, YYYY-MM-DD (default: today, UTC)')
    .option(
      '-n, --name <name>',
      'metadata.name of the DataProduct, when the file holds several',
    )
    .option(
      '-c, --config <file>',
      'app-config YAML whose `stockroom:` section sets the expiry policy; repeatable',
      collect,
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 renewed (or already current), 1 the product cannot be renewed, 2 usage or input error.',
    )
    .action(async (file: string, options) => {
      setExitCode(await renewCommand(file, options, io));
    });

  program
    .command('diff')
    .description(
      'Compare DataProduct contracts with a git ref: classify every change (breaking, non-breaking, notice) and say whether the version bump is enough.',
    )
    .argument(
      '[files...]',
      'YAML files, directories or quoted globs; default: every changed or untracked *.yaml/*.yml holding a DataProduct (and DataProducts whose $yaml contract file changed)',
    )
    .option(
      '-b, --base <ref>',
      'the git ref to compare with, e.g. origin/main, HEAD~1, a tag or a commit; without it, only products that supersede another are checked (against the given files)',
    )
    .option(
      '--against <file>',
      'a file (directory, glob) holding the product a v2 supersedes, when it is not among the compared files; repeatable',
      collect,
    )
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices([...FORMATS])
        .default('text'),
    )
    .option(
      '--now <date>',
      'evaluate as of this UTC date, YYYY-MM-DD (default: today); contract verdicts do not depend on the date',
    )
    .option(
      '-c, --config <file>',
      'app-config YAML whose `stockroom:` section sets where rule breaking-change-needs-major blocks (default: core entities and shared marts); repeatable',
      collect,
    )
    .addHelpText(
      'after',
      '\nA product that supersedes another (lifecycle.supersedes / migration.from) held by the given or --against files is also compared with it: rule migration-mapping (every dropped field mapped, every target a field) and the entities of those files still depending on the old one.\n\nExit codes: 0 every verdict ok (or its rule not at block), 1 a breaking change needs a major version or a new entity, or a field mapping is incomplete where migration-mapping blocks, 2 usage or input error (not a git repository, unknown ref, unreadable file).',
    )
    .action(async (files: string[], options) => {
      setExitCode(await diffCommand(files, options, io));
    });

  program
    .command('init')
    .description(
      'Write the catalog-info.yaml of a new data product, as the "New data product" software template does: asks for what the flags leave out when run in a terminal.',
    )
    .option('--name <name>', 'metadata.name, e.g. payments-ledger')
    .option('--title <title>', 'a human-readable name')
    .option('--description <text>', 'what consumers get, one sentence')
    .option('--owner <group>', 'owning group, e.g. group:default/payments-eng')
    .option('--system <ref>', 'System entity it belongs to')
    .option('--type <type>', 'free-form spec.type (default: table)')
    .addOption(
      new Option('--category <category>', 'how strictly it is managed').choices(
        [...DATA_PRODUCT_CATEGORIES],
      ),
    )
    .option(
      '--created-on <date>',
      'spec.lifecycle.createdOn, YYYY-MM-DD (default: today, UTC)',
    )
    .option(
      '--contract-version <semver>',
      'spec.version, core entities and shared marts (default: 0.1.0)',
    )
    .option(
      '--field <name:type[:description]>',
      'a schema field; repeat for each (core entities describe every field)',
      collect,
    )
    .option('--p95 <duration>', 'freshness P95, e.g. 30m (core, shared marts)')
    .option('--p99 <duration>', 'freshness P99, at least P95 (core entities)')
    .option('--tier <tier>', 'freshness tier: streaming, micro-batch, daily')
    .option(
      '--escalation <channel>',
      'escalation channel, e.g. "#payments-data" (core, shared marts)',
    )
    .option(
      '--on-call <ref>',
      'who gets paged, e.g. pagerduty:payments-primary (core entities)',
    )
    .option('-o, --out <file>', 'the file to write', 'catalog-info.yaml')
    .option('--force', 'overwrite the file when it exists')
    .option('--no-input', 'never ask; a missing required flag is an error')
    .option(
      '-c, --config <file>',
      'app-config YAML whose `stockroom:` policy the new file is checked against; repeatable',
      collect,
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 written, 2 usage or input error (nothing written).',
    )
    .action(async options => {
      setExitCode(await initCommand(options, io));
    });

  program
    .command('export-odcs')
    .description(
      'Print (or write) the contract of a DataProduct as an ODCS v3.1.0 DataContract YAML; with --system, the products of a System merged into one.',
    )
    .argument(
      '[inputs...]',
      'the YAML file holding the DataProduct; with --system, files, directories or quoted globs to read the System’s products from (default: the current directory)',
    )
    .option(
      '-n, --name <name>',
      'metadata.name of the DataProduct, when the file holds several',
    )
    .option(
      '-s, --system <ref>',
      'merge every DataProduct whose spec.system is this System (e.g. adventureworks) into one document, one schema object each',
    )
    .option(
      '-o, --output <file>',
      'write the YAML to this file instead of stdout',
    )
    .addOption(new Option('--out <file>', 'same as --output').hideHelp())
    .addHelpText('after', '\nExit codes: 0 exported, 2 usage or input error.')
    .action(async (inputs: string[], options) => {
      setExitCode(await exportOdcsCommand(inputs, options, io));
    });

  program
    .command('import-odcs')
    .description(
      'Turn an ODCS data contract into one DataProduct YAML per schema object (each referencing the contract with $yaml and odcsSchema) plus a System YAML; every file written passes `stockroom lint`, and its comments say what was mapped and what is still to add.',
    )
    .argument('<contract>', 'the ODCS YAML (or JSON) document')
    .option(
      '--system <name>',
      'the System grouping the products (default: the contract’s dataProduct, name or domain, else its file name)',
    )
    .option(
      '--owner <group>',
      'the owning Group, e.g. group:sales-data (default: group:<team.name> of the contract)',
    )
    .addOption(
      new Option('--category <category>', 'how strictly the products are managed')
        .choices([...DATA_PRODUCT_CATEGORIES])
        .default('shared-mart'),
    )
    .option(
      '--name-prefix <prefix>',
      'put before every product name, e.g. adventureworks- (names are catalog-wide)',
    )
    .option(
      '-o, --out <dir>',
      'the folder to write into, created if missing (default: the contract’s folder; the contract is copied in when it is elsewhere, since $yaml only reads files in or below the entity file’s folder)',
    )
    .option('--force', 'overwrite files that exist')
    .option(
      '--progress',
      'report progress on stderr (default: when stderr is a terminal)',
    )
    .option(
      '--now <date>',
      'the day the products are created and judged on, YYYY-MM-DD (default: today, UTC; contractCreatedTs wins for createdOn)',
    )
    .option(
      '-c, --config <file>',
      'app-config YAML whose `stockroom:` policy the files are checked against; repeatable',
      collect,
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 written, 1 nothing written: a product would not pass `stockroom lint` in this category (its blocking findings are listed), 2 nothing written: usage or input error (unreadable or invalid contract, a file exists without --force).',
    )
    .action(async (contract: string, options) => {
      setExitCode(await importOdcsCommand(contract, options, io));
    });

  return program;
}

/** Commander's accumulator for a repeatable option. */
function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
