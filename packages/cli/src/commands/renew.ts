import fs from 'node:fs';
import path from 'node:path';
import {
  DataProductEntityV1alpha1,
  judgeDataProduct,
  formatIsoDate,
  isDataProductEntity,
  validateDataProduct,
} from '@stockroom/plugin-data-products-common';
import { LineCounter, parseAllDocuments } from 'yaml';
import { describeFsError } from '../fsErrors';
import { CliIo, EXIT_BLOCKED, EXIT_OK, UsageError } from '../io';
import { entityRefOf } from '../documents/entityRef';
import { loadPolicy } from '../policy';
import { RenewError, setRenewedOn } from '../renew/setRenewedOn';
import { parseDateOption, todayUtc } from '../today';

export interface RenewOptions {
  on?: string;
  name?: string;
  config?: string[];
}

interface Candidate {
  /** Its place among the file's documents, counting from 0. */
  documentIndex: number;
  entity: DataProductEntityV1alpha1;
}

/**
 * `stockroom renew <file>`: sets spec.lifecycle.renewedOn of the file's
 * DataProduct (default today, UTC) with a surgical text edit, and prints the
 * expiry the engine computes from it. Exit 0 when written (or already
 * current), 1 when the product cannot be renewed, 2 on usage or I/O errors.
 */
export async function renewCommand(
  file: string,
  options: RenewOptions,
  io: CliIo,
): Promise<number> {
  const today = todayUtc(io.now);
  const on = options.on ? parseDateOption('--on', options.on) : today;
  const date = formatIsoDate(on);
  const policy = await loadPolicy(options.config, io.cwd);
  const absolute = path.resolve(io.cwd, file);
  const text = readText(absolute, file);
  const target = pickProduct(parse(text, file), options.name, file);
  const name = entityRefOf(target.entity as any);
  const category = target.entity.spec?.category;
  // Whether renewal moves an expiry is the policy's auto-expiry rule (on for
  // convenience views by default), not the category's name.
  const categoryPolicy = Object.hasOwn(policy.categories, String(category))
    ? policy.categories[category]
    : undefined;
  if (!categoryPolicy || categoryPolicy.rules['auto-expiry'] === 'off') {
    io.stderr(
      `warning: ${name} is a ${String(
        category,
      )}, which does not expire (rule auto-expiry is off for it); writing renewedOn anyway\n`,
    );
  }
  const current = target.entity.spec?.lifecycle?.renewedOn as unknown;
  if (current === date) {
    io.stdout(
      `${name} in ${file}: renewedOn is already ${date}; nothing to change.\n`,
    );
    printExpiry(target.entity, policy, today, io);
    return EXIT_OK;
  }

  let edit;
  try {
    edit = setRenewedOn(text, target.documentIndex, date);
  } catch (error) {
    if (error instanceof RenewError) {
      io.stderr(`stockroom renew: ${file}: ${name}: ${error.message}\n`);
      return EXIT_BLOCKED;
    }
    throw error;
  }
  const renewed = verifyEdit(edit.text, target, date, file);
  try {
    fs.writeFileSync(absolute, edit.text);
  } catch (error) {
    throw new UsageError(`cannot write ${file}: ${describeFsError(error)}`);
  }
  io.stdout(
    `Renewed ${name} in ${file}: spec.lifecycle.renewedOn ${
      edit.previous ? `${edit.previous} → ${date}` : `set to ${date}`
    }.\n`,
  );
  printExpiry(renewed, policy, today, io);
  const problems = validateDataProduct(renewed);
  if (problems.length > 0) {
    io.stderr(
      `note: ${name} has ${problems.length} schema problem${
        problems.length === 1 ? '' : 's'
      }; run \`stockroom lint ${file}\` to see them\n`,
    );
  }
  return EXIT_OK;
}

function printExpiry(
  entity: DataProductEntityV1alpha1,
  policy: Awaited<ReturnType<typeof loadPolicy>>,
  today: Date,
  io: CliIo,
) {
  const evaluation = judgeDataProduct(entity, policy, today);
  if (evaluation.state === null) {
    return; // schema problems: the note after the edit says to lint
  }
  io.stdout(
    evaluation.expiresOn
      ? `Expires on ${evaluation.expiresOn}; state on ${formatIsoDate(
          today,
        )}: ${evaluation.state}.\n`
      : `It does not expire (auto-expiry is off for its category); state on ${formatIsoDate(
          today,
        )}: ${evaluation.state}.\n`,
  );
}

function readText(absolute: string, file: string): string {
  try {
    return fs.readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${describeFsError(error)}`);
  }
}

function parse(text: string, file: string): Candidate[] {
  const lineCounter = new LineCounter();
  const candidates: Candidate[] = [];
  const documents = parseAllDocuments(text, { lineCounter, merge: false });
  for (const [documentIndex, document] of documents.entries()) {
    if (document.errors.length > 0) {
      // Editing a file the catalog cannot read would hide the real problem.
      const [error] = document.errors;
      const at = error.linePos?.[0];
      throw new UsageError(
        `${file}${
          at ? `:${at.line}:${at.col}` : ''
        }: invalid YAML: ${error.message
          .split('\n')[0]
          .replace(/ at line.*$/, '')}; fix it before renewing`,
      );
    }
    const value = document.toJSON();
    if (value && typeof value === 'object' && isDataProductEntity(value)) {
      candidates.push({ documentIndex, entity: value });
    }
  }
  return candidates;
}

function pickProduct(
  candidates: Candidate[],
  name: string | undefined,
  file: string,
): Candidate {
  const names = candidates.map(c => String(c.entity.metadata?.name));
  if (candidates.length === 0) {
    throw new UsageError(`${file} has no DataProduct document to renew`);
  }
  if (name !== undefined) {
    const match = candidates.find(c => c.entity.metadata?.name === name);
    if (!match) {
      throw new UsageError(
        `${file} has no DataProduct named ${JSON.stringify(
          name,
        )}; it has: ${names.join(', ')}`,
      );
    }
    return match;
  }
  if (candidates.length > 1) {
    throw new UsageError(
      `${file} has ${
        candidates.length
      } DataProducts; pick one with --name: ${names.join(', ')}`,
    );
  }
  return candidates[0];
}

/**
 * Re-reads the edited text: the product must now say `renewedOn: date` and
 * the file must still parse, or nothing is written.
 */
function verifyEdit(
  text: string,
  target: Candidate,
  date: string,
  file: string,
): DataProductEntityV1alpha1 {
  const name = target.entity.metadata?.name;
  for (const document of parseAllDocuments(text, { merge: false })) {
    const value = document.toJSON();
    if (
      document.errors.length === 0 &&
      value &&
      isDataProductEntity(value) &&
      value.metadata?.name === name &&
      value.spec?.lifecycle?.renewedOn === date
    ) {
      return value;
    }
  }
  throw new Error(
    `the edit of ${file} did not produce renewedOn: ${date}; the file was left unchanged (please report this)`,
  );
}
