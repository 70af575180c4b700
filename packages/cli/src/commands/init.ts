import fs from 'node:fs';
import path from 'node:path';
import { formatIsoDate } from '@stockroom/plugin-data-products-common';
import { describeFsError } from '../fsErrors';
import { CliIo, EXIT_OK, UsageError } from '../io';
import { lintFile } from '../lint/lintFile';
import { loadPolicy } from '../policy';
import { gatherAnswers, GivenAnswers } from '../init/gatherAnswers';
import { createPrompter } from '../init/prompter';
import type { Question } from '../init/questions';
import { renderDataProduct } from '../init/renderDataProduct';
import { todayUtc } from '../today';

export interface InitOptions
  extends Partial<
    Record<Exclude<Question['key'], 'escalationChannel' | 'version'>, string>
  > {
  /** `--escalation`: the channel. */
  escalation?: string;
  /** `--contract-version` (`--version` is the CLI's own). */
  contractVersion?: string;
  field?: string[];
  out: string;
  force?: boolean;
  /** false with `--no-input`: never ask, even at a terminal. */
  input?: boolean;
  config?: string[];
}

/**
 * `stockroom init`: writes the catalog-info.yaml of a new data product, as
 * the "New data product" software template does, from flags and, at a
 * terminal, questions for what the flags left out. The file is linted
 * before it is written and not written when the catalog would reject it;
 * an existing file is kept unless `--force`. Exit 0 when written, 2 on
 * usage or input errors (nothing written).
 */
export async function initCommand(
  options: InitOptions,
  io: CliIo,
): Promise<number> {
  const policy = await loadPolicy(options.config, io.cwd);
  const target = path.resolve(io.cwd, options.out);
  if (!options.force && fs.existsSync(target)) {
    throw new UsageError(`${options.out} exists; pass --force to overwrite it`);
  }
  const today = todayUtc(io.now);
  const interactive = options.input !== false && io.interactive && io.stdin;
  const prompter = interactive
    ? createPrompter(io.stdin!, text => io.stdout(text))
    : undefined;
  let answers;
  try {
    answers = await gatherAnswers(givenAnswers(options), {
      today: formatIsoDate(today),
      prompter,
      warn: text => io.stderr(text),
    });
  } finally {
    prompter?.close();
  }

  const yaml = renderDataProduct(answers);
  const { results, problems } = await lintFile(target, yaml, {
    policy,
    now: today,
    display: () => options.out,
  });
  const findings = results.flatMap(r => r.findings);
  const errors = [
    ...problems.map(p => p.message),
    ...findings
      .filter(f => f.severity === 'error')
      .map(f => `${f.path}: ${f.message}`),
  ];
  if (errors.length > 0) {
    throw new UsageError(
      `not written, the catalog would reject it:\n  ${errors.join('\n  ')}`,
    );
  }
  for (const finding of findings) {
    io.stderr(`${finding.severity}: ${finding.path}: ${finding.message}\n`);
  }

  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // 'wx' refuses a file created since the check above.
    fs.writeFileSync(target, yaml, { flag: options.force ? 'w' : 'wx' });
  } catch (error) {
    throw new UsageError(
      `cannot write ${options.out}: ${describeFsError(error)}`,
    );
  }
  io.stdout(
    `Wrote ${options.out}: dataproduct:default/${answers.name}, a ${answers.category}. Check it any time with \`stockroom lint ${options.out}\`.\n`,
  );
  return EXIT_OK;
}

function givenAnswers(options: InitOptions): GivenAnswers {
  const {
    escalation,
    contractVersion,
    field,
    out,
    force,
    input,
    config,
    ...values
  } = options;
  return {
    values: {
      ...values,
      escalationChannel: escalation,
      version: contractVersion,
    },
    fields: field ?? [],
  };
}
