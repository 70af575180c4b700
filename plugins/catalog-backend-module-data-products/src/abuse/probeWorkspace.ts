import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EntityProbe, OUTSIDE_FILE } from './EntityProbe';

/** Where each probe's catalog-info.yaml was written. */
export interface ProbeWorkspace {
  root: string;
  /** probe name → absolute path of its catalog-info.yaml */
  files: Map<string, string>;
  controlFile: string;
  remove(): void;
}

/**
 * Writes every probe into a folder of its own under a fresh temp dir, with
 * a host secret outside all of them (`outside/secret.txt`) for the
 * placeholders that try to escape.
 */
export function writeProbeWorkspace(
  probes: EntityProbe[],
  controlYaml: string,
): ProbeWorkspace {
  const root = fs.realpathSync(
    fs.mkdtempSync(path.join(os.tmpdir(), 'stockroom-entity-probes-')),
  );
  const write = (file: string, content: string | Buffer) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  };
  write(path.join(root, OUTSIDE_FILE), 'host secret\n');
  const files = new Map<string, string>();
  probes.forEach((probe, index) => {
    // one level below root/probes, so ../outside leaves the probe's folder
    const folder = path.join(root, 'probes', `probe-${index + 1}`);
    const file = path.join(folder, 'catalog-info.yaml');
    write(file, probe.yaml);
    for (const [name, content] of Object.entries(probe.files ?? {})) {
      write(path.join(folder, name), content);
    }
    for (const [name, target] of Object.entries(probe.symlinks ?? {})) {
      fs.symlinkSync(
        target.replace(/^\.\.\/outside\//, `${path.join(root, 'outside')}/`),
        path.join(folder, name),
      );
    }
    files.set(probe.name, file);
  });
  const controlFile = path.join(root, 'control', 'catalog-info.yaml');
  write(controlFile, controlYaml);
  return {
    root,
    files,
    controlFile,
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
