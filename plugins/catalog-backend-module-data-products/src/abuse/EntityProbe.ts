/**
 * One malformed catalog file and what the catalog and `stockroom lint` must
 * both say about it. Each probe is a folder of its own holding
 * `catalog-info.yaml` (and any files its placeholders read).
 */
export interface EntityProbe {
  /** Unique: what is wrong. */
  name: string;
  /** The text of catalog-info.yaml. */
  yaml: string;
  /** Other files of the probe's folder, relative path → content. */
  files?: Record<string, string | Buffer>;
  /** Symlinks in the probe's folder, relative path → target (absolute or relative). */
  symlinks?: Record<string, string>;
  /**
   * The field at fault, as Stockroom writes paths: lint must report an
   * error finding at this path (or naming it), and the catalog's
   * processing error must contain it.
   */
  field: string;
  /**
   * What the catalog's error contains instead of `field`, where the error is
   * Backstage's own and written its way: its entity envelope checks name
   * fields as JSON pointers (`/metadata/name`), and a placeholder's
   * resolver is never told which field it is in, so it names the path it
   * refused.
   */
  catalogNames?: string;
  /**
   * A key the catalog drops before any processor sees it, so it serves the
   * entity without it (nothing of the key remains) while lint refuses it.
   * Only where Backstage's own processing drops it; say where in the probe.
   */
  catalogDrops?: string;
  /** Also contained in both messages when given (the catalog's and lint's). */
  message?: RegExp;
  /**
   * What the catalog's error matches instead of `message`, where the error
   * is Backstage's own and this module cannot change it (say why).
   */
  catalogMessage?: RegExp;
  /**
   * A file that holds no entity the catalog could take: the catalog fails
   * the file's Location (`list`, `scalar`) or reads nothing (`empty`), and
   * lint says so on stderr, matching `message`.
   */
  document?: 'list' | 'scalar' | 'empty';
}

/** The Location folder all probe folders sit in; files outside it are "outside". */
export const OUTSIDE_FILE = 'outside/secret.txt';
