import type { DataProductCategory } from '@stockroom/plugin-data-products-common';
import { UsageError } from '../io';
import { CATEGORY_NEEDS, DataProductAnswers, FieldAnswer } from './answers';
import { CHECKS } from './checkAnswer';
import type { Prompter } from './prompter';
import { ABOUT, CONTRACT, Question, isAsked, isRequired } from './questions';

/** Answers given as flags: by answer key, and `--field` values. */
export interface GivenAnswers {
  values: Partial<Record<Question['key'], string>>;
  fields: string[];
}

export interface GatherOptions {
  today: string;
  /** Asks for what the flags left out; absent: nothing is asked. */
  prompter?: Prompter;
  /** Where prompts' complaints go (a bad answer is asked again). */
  warn: (text: string) => void;
}

/**
 * The answers of `stockroom init`: flags first, each checked (a bad flag
 * is a usage error naming it); then, at a terminal, a question for each
 * one the flags left out; without one, defaults, and a usage error listing
 * every flag a required answer still needs.
 */
export async function gatherAnswers(
  given: GivenAnswers,
  options: GatherOptions,
): Promise<DataProductAnswers> {
  const answers: Partial<Record<Question['key'], string>> = {};
  const missing: string[] = [];

  const answer = async (
    question: Question,
    category: DataProductCategory | undefined,
  ) => {
    const value = given.values[question.key];
    const required = isRequired(question, category);
    if (value !== undefined) {
      const problem = question.check(value);
      if (problem) {
        throw new UsageError(
          `${question.flag} ${JSON.stringify(value)}: ${problem}`,
        );
      }
      answers[question.key] = value;
      return;
    }
    const fallback = question.default?.(options.today);
    if (options.prompter) {
      answers[question.key] = await ask(question, required, fallback, options);
    } else if (fallback !== undefined) {
      answers[question.key] = fallback;
    } else if (required) {
      missing.push(question.flag);
    }
  };

  for (const question of ABOUT) {
    await answer(question, undefined);
  }
  const category = answers.category as DataProductCategory | undefined;
  if (category) {
    for (const question of CONTRACT) {
      if (isAsked(question, category) || given.values[question.key]) {
        await answer(question, category);
      }
    }
  }
  const describe = category
    ? CATEGORY_NEEDS[category].fieldDescriptions
    : false;
  const fields = given.fields.map(text => parseFieldFlag(text, describe));
  if (fields.length === 0) {
    if (options.prompter) {
      fields.push(...(await askFields(options.prompter, describe, options)));
    } else {
      missing.push('--field');
    }
  }
  if (missing.length > 0) {
    throw new UsageError(
      `missing ${missing.join(', ')}${
        category
          ? ` (a ${category} needs ${missing.length > 1 ? 'them' : 'it'})`
          : ''
      }; pass ${
        missing.length > 1 ? 'them' : 'it'
      } or run in a terminal to be asked`,
    );
  }
  return { ...(answers as any), category, fields };
}

async function ask(
  question: Question,
  required: boolean,
  fallback: string | undefined,
  options: GatherOptions,
): Promise<string | undefined> {
  const prompter = options.prompter!;
  for (;;) {
    const reply = await prompter.ask(
      `${question.label}${fallback ? ` [${fallback}]` : ''}: `,
    );
    if (reply === undefined) {
      throw new UsageError(`input ended before ${question.flag} was answered`);
    }
    if (reply === '') {
      if (fallback !== undefined || !required) {
        return fallback;
      }
      options.warn('  required\n');
      continue;
    }
    const problem = question.check(reply);
    if (!problem) {
      return reply;
    }
    options.warn(`  ${problem}\n`);
  }
}

/**
 * `name:type[:description]`; the description may hold colons. Core
 * entities need it (rule field-semantics).
 */
export function parseFieldFlag(text: string, describe: boolean): FieldAnswer {
  const [name, type, ...rest] = text.split(':');
  const description = rest.join(':').trim();
  if (!name?.trim() || !type?.trim()) {
    throw new UsageError(
      `--field ${JSON.stringify(
        text,
      )}: expected name:type[:description], e.g. amount_cents:integer:Signed amount in cents`,
    );
  }
  if (describe && !description) {
    throw new UsageError(
      `--field ${JSON.stringify(
        text,
      )}: a core entity describes every field (rule field-semantics): ${name.trim()}:${type.trim()}:<what it means>`,
    );
  }
  return {
    name: name.trim(),
    type: type.trim(),
    ...(description ? { description } : {}),
  };
}

async function askFields(
  prompter: Prompter,
  describe: boolean,
  options: GatherOptions,
): Promise<FieldAnswer[]> {
  const fields: FieldAnswer[] = [];
  for (;;) {
    const name = await prompter.ask(
      fields.length === 0
        ? 'First field name: '
        : 'Next field name (empty when done): ',
    );
    if (name === undefined) {
      if (fields.length > 0) {
        return fields;
      }
      throw new UsageError('input ended before a field was given');
    }
    if (name === '') {
      if (fields.length > 0) {
        return fields;
      }
      options.warn('  a data product has at least one field\n');
      continue;
    }
    const type = await askText(prompter, `Type of ${name}: `, true, options);
    const description = await askText(
      prompter,
      `Description of ${name}${describe ? '' : ' (optional)'}: `,
      describe,
      options,
    );
    fields.push({ name, type: type!, ...(description ? { description } : {}) });
  }
}

async function askText(
  prompter: Prompter,
  question: string,
  required: boolean,
  options: GatherOptions,
): Promise<string | undefined> {
  for (;;) {
    const reply = await prompter.ask(question);
    if (reply === undefined) {
      throw new UsageError(
        `input ended before "${question.trim()}" was answered`,
      );
    }
    if (reply || !required) {
      return reply || undefined;
    }
    options.warn(`  ${CHECKS.text('')}\n`);
  }
}
