import { DATA_PRODUCT_CATEGORIES } from '@stockroom/plugin-data-products-common';
import { Command, CommanderError, Option } from 'commander';
import { diffCommand } from './commands/diff';
import { exportOdcsCommand } from './commands/exportOdcs';
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
      'Stockroom: start a DataProduct, lint DataProduct YAML with the catalog’s own rules, diff contracts against a git ref, renew convenience views, export contracts to ODCS.',
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
    .requiredOption(
      '-b, --base <ref>',
      'the git ref to compare with, e.g. origin/main, HEAD~1, a tag or a commit',
    )
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices([...FORMATS])
        .default('text'),
    )
    .option(
      '--now <date>',
      'accepted like lint’s, YYYY-MM-DD; contract verdicts do not depend on the date',
    )
    .option(
      '-c, --config <file>',
      'app-config YAML whose `stockroom:` section sets where rule breaking-change-needs-major blocks (default: core entities and shared marts); repeatable',
      collect,
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 every verdict ok (or its rule not at block), 1 a breaking change needs a major version or a new entity, 2 usage or input error (not a git repository, unknown ref, unreadable file).',
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
      'Print (or write) the contract of a DataProduct as an ODCS v3.1.0 DataContract YAML.',
    )
    .argument('<file>', 'the YAML file holding the DataProduct')
    .option(
      '-n, --name <name>',
      'metadata.name of the DataProduct, when the file holds several',
    )
    .option(
      '-o, --output <file>',
      'write the YAML to this file instead of stdout',
    )
    .addHelpText('after', '\nExit codes: 0 exported, 2 usage or input error.')
    .action(async (file: string, options) => {
      setExitCode(await exportOdcsCommand(file, options, io));
    });

  return program;
}

/** Commander's accumulator for a repeatable option. */
function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
