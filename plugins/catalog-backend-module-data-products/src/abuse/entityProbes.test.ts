import path from 'node:path';
import { CONTROL_YAML, ENTITY_PROBES } from './entityCases';
import { EntityProbe } from './EntityProbe';
import { FileError, startCatalogOn } from './__testUtils__/catalogVerdicts';
import { LintRun, lintFiles } from './__testUtils__/lintFiles';
import { ProbeWorkspace, writeProbeWorkspace } from './probeWorkspace';

jest.setTimeout(300_000);

/**
 * The entity half of the probe suite (issue #11): malformed DataProduct
 * files, each in a folder of its own, read by the real catalog backend
 * with our module from `file` locations and by `stockroom lint`. The
 * catalog must refuse each (a processing error naming the field, nothing
 * served from the file) and lint must report an error at the same field.
 * Expectations are written by hand in entityCases.ts.
 */
describe('entity probes', () => {
  let workspace: ProbeWorkspace;
  let catalog: Awaited<ReturnType<typeof startCatalogOn>>;
  let served: Map<string, string>;
  let lint: LintRun;

  it('holds at least 40 malformed entities, each named once', () => {
    const names = ENTITY_PROBES.map(p => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(ENTITY_PROBES.length).toBeGreaterThanOrEqual(40);
  });

  beforeAll(async () => {
    workspace = writeProbeWorkspace(ENTITY_PROBES, CONTROL_YAML);
    const files = [...workspace.files.values()];
    [catalog, lint] = await Promise.all([
      startCatalogOn([...files, workspace.controlFile]),
      lintFiles(files, workspace.root),
    ]);
    served = await processed(catalog, workspace);
  });

  afterAll(async () => {
    await catalog?.backend.stop();
    workspace?.remove();
  });

  it.each(ENTITY_PROBES.map(p => [p.name, p] as const))(
    '%s',
    async (_, probe) => {
      const file = workspace.files.get(probe.name)!;
      expect({
        catalog: probe.catalogDrops
          ? await droppedWrong(probe, file, catalog, served)
          : catalogWrong(probe, file, catalog.errors(), served),
        lint: lintWrong(probe, path.relative(workspace.root, file), lint),
      }).toEqual({ catalog: [], lint: [] });
    },
  );
});

/**
 * Waits until the catalog has served the control product and reported an
 * error for every probe file that should get one (or 150 s have passed),
 * then returns what it serves.
 */
async function processed(
  catalog: Awaited<ReturnType<typeof startCatalogOn>>,
  workspace: ProbeWorkspace,
): Promise<Map<string, string>> {
  const expectingErrors = ENTITY_PROBES.filter(p => p.document !== 'empty').map(
    p => workspace.files.get(p.name)!,
  );
  const deadline = Date.now() + 150_000;
  for (;;) {
    const served = await catalog.servedProducts();
    const failed = new Set(catalog.errors().map(e => e.file));
    const origins = new Set(served.values());
    // decided: refused with an error, or (wrongly) served
    const done =
      served.has('probe-control') &&
      expectingErrors.every(f => failed.has(f) || origins.has(f));
    if (done || Date.now() > deadline) return served;
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

function catalogWrong(
  probe: EntityProbe,
  file: string,
  errors: FileError[],
  served: Map<string, string>,
): string[] {
  const wrong: string[] = [];
  const fromFile = [...served].filter(([, origin]) => origin === file);
  if (fromFile.length > 0) {
    wrong.push(`serves ${fromFile.map(([name]) => name).join(', ')}`);
  }
  if (probe.document === 'empty') return wrong;
  const messages = errors.filter(e => e.file === file).map(e => e.message);
  if (messages.length === 0) {
    wrong.push('reported no processing error');
    return wrong;
  }
  const text = messages.join('\n');
  const named = probe.catalogNames ?? probe.field;
  if (!text.includes(named)) {
    wrong.push(`does not name ${named}: ${clip(text)}`);
  } else {
    const message = probe.catalogMessage ?? probe.message;
    if (message && !message.test(text)) {
      wrong.push(`does not match ${message}: ${clip(text)}`);
    }
  }
  return wrong;
}

/**
 * For a key the catalog drops before processing (`catalogDrops`): it serves
 * the entity, and no object of it holds the key or has a prototype other
 * than a plain object's (which a `__proto__` assigned as a key would give).
 */
async function droppedWrong(
  probe: EntityProbe,
  file: string,
  catalog: Awaited<ReturnType<typeof startCatalogOn>>,
  served: Map<string, string>,
): Promise<string[]> {
  const names = [...served].filter(([, origin]) => origin === file);
  if (names.length !== 1) return ['does not serve the entity'];
  const entity = await catalog.servedProduct(names[0][0]);
  const text = JSON.stringify(entity);
  const wrong: string[] = [];
  if (text.includes(`"${probe.catalogDrops}"`)) {
    wrong.push(`serves the key ${probe.catalogDrops}`);
  }
  if (entity?.spec?.category === 'convenience-view') {
    wrong.push('serves the category the dropped key held');
  }
  return wrong;
}

/** `file` is relative to where lint ran, as lint writes it on stderr. */
function lintWrong(probe: EntityProbe, file: string, lint: LintRun): string[] {
  const said = lint.stderr
    .split('\n')
    .filter(line => line.startsWith(`${file}:`));
  if (probe.document) {
    return said.some(line => probe.message!.test(line))
      ? []
      : [
          `says nothing matching ${probe.message} about the file: ${clip(
            said.join('\n'),
          )}`,
        ];
  }
  const findings = lint.findings.get(path.resolve(lint.cwd, file)) ?? [];
  const errors = findings.filter(f => f.severity === 'error');
  // at the field, or at its parent naming it (`spec.contract.freshness`
  // saying "spec.contract.freshness.p95 (2h) is above p99")
  const atField = errors.filter(
    f => f.path === probe.field || f.message.includes(probe.field),
  );
  if (atField.length === 0) {
    return [
      `reports no error at ${probe.field}: ${clip(
        JSON.stringify([...errors.map(f => [f.path, f.message]), ...said]),
      )}`,
    ];
  }
  if (probe.message && !atField.some(f => probe.message!.test(f.message))) {
    return [
      `error at ${probe.field} does not match ${probe.message}: ${clip(
        atField[0].message,
      )}`,
    ];
  }
  return [];
}

function clip(text: string): string {
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}
