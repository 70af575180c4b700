import path from 'node:path';
import { ConfigSources } from '@backstage/config-loader';
import { parseIsoDate } from '@stockroom/plugin-data-products-common';
import { CatalogLocation, examplesLocations } from './examplesLocations';
import { RenderedExamples, renderExamples } from './renderExamples';

export interface DemoExamples {
  /**
   * Environment for the portal: `APP_CONFIG_catalog_locations` pointing the
   * example locations at the rendered copy (empty when nothing reads
   * examples/). Config from the environment overrides every config file and,
   * unlike an extra `--config`, keeps Backstage's default file lookup.
   */
  env: Record<string, string>;
  /** What was rendered, or undefined when no location reads examples/. */
  rendered?: RenderedExamples;
}

/** `--config` arguments as the backend reads them: relative to its folder. */
function configArgs(argv: string[], backendDir: string): string[] {
  const resolve = (target: string) =>
    /^https?:\/\//.test(target) ? target : path.resolve(backendDir, target);
  return argv.map((arg, i) => {
    if (arg.startsWith('--config=')) {
      return `--config=${resolve(arg.slice('--config='.length))}`;
    }
    return argv[i - 1] === '--config' ? resolve(arg) : arg;
  });
}

/**
 * What `yarn start` does before it starts the portal (scripts/start.mjs):
 * reads `catalog.locations` from the config the portal will load (the same
 * `--config` arguments, app-config.local.yaml, APP_CONFIG_* variables),
 * renders examples/ for `today` into `renderedDir`, and returns the
 * environment that makes the portal read the rendered copy.
 *
 * @param options.today - `YYYY-MM-DD`; defaults to the current UTC date
 */
export async function prepareDemoExamples(options: {
  root: string;
  argv: string[];
  env: NodeJS.ProcessEnv;
  renderedDir: string;
  today?: string;
}): Promise<DemoExamples> {
  const today =
    options.today === undefined ? new Date() : parseIsoDate(options.today);
  if (!today) {
    throw new Error(
      `STOCKROOM_DEMO_TODAY must be a calendar date YYYY-MM-DD, got ${JSON.stringify(
        options.today,
      )}`,
    );
  }
  const backendDir = path.join(options.root, 'packages', 'backend');
  const config = await ConfigSources.toConfig(
    ConfigSources.default({
      rootDir: options.root,
      argv: configArgs(options.argv, backendDir),
      env: options.env,
    }),
  );
  let locations: CatalogLocation[];
  try {
    locations = (config.getOptionalConfigArray('catalog.locations') ?? []).map(
      location => location.get<CatalogLocation>(),
    );
  } finally {
    config.close();
  }

  const redirected = examplesLocations(locations, {
    backendDir,
    examplesDir: path.join(options.root, 'examples'),
    renderedDir: options.renderedDir,
  });
  if (!redirected) return { env: {} };
  const rendered = renderExamples({
    from: path.join(options.root, 'examples'),
    to: options.renderedDir,
    today,
  });
  return {
    env: { APP_CONFIG_catalog_locations: JSON.stringify(redirected) },
    rendered,
  };
}
