import {
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ApiIngestionCounts,
  ApiRunsPage,
  ApiScorecardHistory,
  DATA_PRODUCT_KIND,
  DataProductEntityV1alpha1,
  RunProblem,
  eventFacts,
  normalizeContract,
  runReportPermission,
  scorecardRefreshPermission,
} from '@stockroom/plugin-data-products-common';
import express, { Request, Response } from 'express';
import Router from 'express-promise-router';
import { RunStore } from '../../database/RunStore';
import {
  ScorecardSnapshot,
  ScorecardSnapshotStore,
} from '../../database/ScorecardSnapshotStore';
import { authenticated } from '../authenticated';
import { requirePermission } from '../requirePermission';
import { OpenApiRequestValidator } from '../openapi';
import {
  Intake,
  parseNativeBody,
  parseOpenLineageBody,
  recordOfNativeRun,
  refuseItems,
  unknownProductProblems,
} from './ingestion';
import { EventOutcome } from '../../database/RunStore';
import { ProductIndex } from './ProductIndex';
import {
  historyItem,
  needsPreviousSuccess,
  parseHistoryQuery,
  parseRunsQuery,
  runItems,
  runningRunItems,
  runsPage,
  scorecardResponse,
} from './responses';
import { RefreshLimiter } from './RefreshLimiter';
import { ScorecardService, ScoringOptions } from './ScorecardService';
import { asRunProblems } from './asRunProblems';
import { withReadableProducts } from './readableProducts';
import { requireUtf8 } from './requireUtf8';

/** Default limit of an ingestion request body. */
export const DEFAULT_BODY_LIMIT = '5mb';
/** An unknown product makes ingestion re-read the catalog at most this often. */
const UNKNOWN_PRODUCT_REREAD_MS = 5_000;
/** Running runs shown above a product's run list. */
const MAX_RUNNING_SHOWN = 20;
/** At most this many problems in a 400: enough to fix a producer, not a flood. */
const MAX_PROBLEMS = 500;
/** Default least time between two manual refreshes of one scorecard. */
export const DEFAULT_MIN_REFRESH_INTERVAL_SECONDS = 60;

export interface RunsRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  auth: AuthService;
  store: RunStore;
  /** The scorecard snapshots the API serves (and the default scorer stores). */
  snapshots: ScorecardSnapshotStore;
  logger: LoggerService;
  /** The request-time "now". */
  clock?: () => Date;
  /** Largest ingestion body, as `express.json` reads it (`'5mb'`, bytes). */
  bodyLimit?: string | number;
  /** How long a read of the catalog's datasets serves ingestion. */
  productCacheTtlMs?: number;
  /** Scoring window and thresholds; the spec's defaults otherwise. */
  scoring?: ScoringOptions;
  /** Shared with the scheduled task, so both score alike. */
  scorecards?: ScorecardService;
  /** Checks requests against the API document; the published one by default. */
  validator?: OpenApiRequestValidator;
  /**
   * Least time between two manual refreshes of one product's scorecard
   * (`stockroom.scoring.minRefreshIntervalSeconds`); 0 for no limit.
   */
  minRefreshIntervalSeconds?: number;
}

/**
 * Run ingestion (OpenLineage and native) and the scorecard API:
 *
 * - `POST /openlineage` (also `/api/v1/lineage`, the OpenLineage HTTP
 *   transport's default endpoint) and `POST /runs`: report runs.
 * - `GET /products/:namespace/:name/scorecard`, `…/scorecard/history`,
 *   `…/runs`; `POST …/scorecard/refresh`.
 *
 * The request and response shapes are in src/schema/openapi.yaml, and
 * every request is checked against it after authentication. Ingestion
 * bodies go through -common's parsers first, whose problem lists (index,
 * field path) are finer, then through the document's schemas.
 */
export function createRunsRouter(options: RunsRouterOptions): express.Router {
  const {
    httpAuth,
    permissions,
    catalog,
    auth,
    store,
    snapshots,
    logger,
    clock = () => new Date(),
  } = options;
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const products = new ProductIndex({
    catalog,
    auth,
    logger,
    clock,
    ttlMs: options.productCacheTtlMs,
  });
  const scorecards =
    options.scorecards ??
    new ScorecardService({
      catalog,
      auth,
      store,
      snapshots,
      ...options.scoring,
    });
  const refreshInterval =
    options.minRefreshIntervalSeconds ?? DEFAULT_MIN_REFRESH_INTERVAL_SECONDS;
  const refreshes = new RefreshLimiter(refreshInterval * 1000, clock);

  const validator = options.validator ?? OpenApiRequestValidator.fromDocument();
  const validRequest = validator.middleware();
  const router = Router();

  /** Authentication and the report permission come before the body is read. */
  async function reporter(req: Request) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['service', 'user'],
    });
    await requirePermission(
      permissions,
      credentials,
      { permission: runReportPermission },
      'report runs',
    );
  }

  const parseJson = express.json({ limit: bodyLimit });
  const jsonBody: express.RequestHandler = (req, res, next) =>
    requireUtf8(req, res, () => parseJson(req, res, next));

  /**
   * What the API document refuses among the items the parser accepted (the
   * parser's own problems are finer and already listed), each named by its
   * item index and full path. For a batch, a problem naming no item comes
   * from the body's other `oneOf` branch (a lone event) and is not one.
   */
  function documentProblems<T>(
    req: Request,
    intake: Intake<T>,
    itemPath: (index: number) => string,
  ): RunProblem[] {
    // Nothing accepted, nothing to add: the document's check would only
    // re-walk a body already refused (perhaps one nested 20,000 deep).
    if (intake.items.length === 0) return [];
    const accepted = new Set(intake.items.map(item => item.index));
    const batch = Array.isArray(req.body) || 'runs' in (req.body ?? {});
    const problems: RunProblem[] = [];
    for (const problem of asRunProblems(validator.bodyProblems(req))) {
      if (problem.index === undefined && batch) continue;
      const index = problem.index ?? 0;
      if (!accepted.has(index)) continue;
      const base = batch ? itemPath(index) : '';
      const path = [base, problem.path].filter(Boolean).join('.');
      problems.push({
        ...(batch ? { index } : {}),
        path: path.replace(/\.\[/g, '['),
        message: problem.message,
      });
    }
    return problems;
  }

  /**
   * The reply to an ingestion request (standards.md "Intake is per event"):
   * counts per outcome, every problem with its index and path, and the
   * quirks read anyway. 400 only when nothing in the request was valid.
   */
  function reply<T>(
    res: Response,
    intake: Intake<T>,
    outcomes: readonly EventOutcome[],
  ) {
    const count = (outcome: EventOutcome) =>
      outcomes.filter(o => o === outcome).length;
    const refused = intake.total - intake.items.length;
    const body: ApiIngestionCounts = {
      accepted: count('accepted'),
      updated: count('updated'),
      ignored: count('ignored'),
      duplicates: count('duplicate'),
      refused,
      problems: intake.problems.slice(0, MAX_PROBLEMS),
      warnings: intake.warnings.slice(0, MAX_PROBLEMS),
      ...(intake.problems.length > MAX_PROBLEMS
        ? { omittedProblems: intake.problems.length - MAX_PROBLEMS }
        : {}),
    };
    if (intake.items.length > 0) {
      res.json(body);
      return;
    }
    const message =
      intake.bodyProblem ??
      (intake.total === 1
        ? 'The request is invalid; nothing was stored'
        : `All ${intake.total} items of the request are invalid; nothing was stored`);
    res.status(400).json({ error: { name: 'InputError', message }, ...body });
  }

  const openLineage = async (req: Request, res: Response) => {
    const now = clock();
    const intake = await parseOpenLineageBody(req.body, now);
    if (!intake.bodyProblem) {
      refuseItems(
        intake,
        documentProblems(req, intake, i => `[${i}]`),
      );
    }
    let outcomes: EventOutcome[] = [];
    if (intake.items.length > 0) {
      const lookup = await products.get();
      outcomes = await store.ingestEvents(
        intake.items.map(item => eventFacts(item.value)),
        lookup.productsOfDataset,
        now,
      );
    }
    reply(res, intake, outcomes);
  };

  for (const path of ['/openlineage', '/api/v1/lineage']) {
    router.post(
      path,
      async (req, _res, next) => {
        await reporter(req);
        next();
      },
      jsonBody,
      requireJson,
      validator.middleware({ body: false }),
      openLineage,
    );
  }

  router.post(
    '/runs',
    async (req, _res, next) => {
      await reporter(req);
      next();
    },
    jsonBody,
    requireJson,
    validator.middleware({ body: false }),
    async (req, res) => {
      const now = clock();
      const intake = parseNativeBody(req.body, now);
      if (!intake.bodyProblem) {
        refuseItems(
          intake,
          documentProblems(req, intake, i => `runs[${i}]`),
        );
      }
      let outcomes: EventOutcome[] = [];
      if (intake.items.length > 0) {
        let lookup = await products.get();
        if (unknownProductProblems(intake, lookup).length > 0) {
          // Perhaps a product registered since the last read: look once
          // more, unless the map was read a moment ago.
          lookup = await products.refresh({
            minAgeMs: UNKNOWN_PRODUCT_REREAD_MS,
          });
          refuseItems(intake, unknownProductProblems(intake, lookup));
        }
        const { outcomes: stored } = await store.insertRuns(
          intake.items.map(item => recordOfNativeRun(item.value, lookup)),
          now,
        );
        outcomes = stored;
      }
      reply(res, intake, outcomes);
    },
  );

  /** The product the path names, as the caller may see it, or a 404. */
  async function productOf(
    req: Request,
  ): Promise<{ credentials: BackstageCredentials; product: Entity }> {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { namespace, name } = req.params;
    const product = await catalog.getEntityByRef(
      { kind: DATA_PRODUCT_KIND, namespace, name },
      { credentials },
    );
    if (!product) {
      throw new NotFoundError(
        `There is no DataProduct dataproduct:${namespace}/${name} in the catalog`,
      );
    }
    return { credentials, product };
  }

  /** The scorecard as the caller may read it: see withReadableProducts. */
  async function readableScorecard(
    snapshot: ScorecardSnapshot,
    credentials: BackstageCredentials,
  ) {
    const card = scorecardResponse(snapshot, scorecards.thresholds);
    return {
      ...card,
      supplyChain: await withReadableProducts(
        card.supplyChain,
        catalog,
        credentials,
      ),
    };
  }

  const productPath = '/products/:namespace/:name';

  router.get(
    `${productPath}/scorecard`,
    authenticated(httpAuth),
    validRequest,
    async (req, res) => {
      const { credentials, product } = await productOf(req);
      const entityRef = stringifyEntityRef(product);
      // A product without a snapshot yet (new, or before the first task run)
      // gets one now rather than an empty answer.
      const snapshot =
        (await snapshots.latestSnapshot(entityRef)) ??
        (await scorecards.snapshot(product, clock()));
      res.json(await readableScorecard(snapshot, credentials));
    },
  );

  router.get(
    `${productPath}/scorecard/history`,
    authenticated(httpAuth),
    validRequest,
    async (req, res) => {
      const { product } = await productOf(req);
      const { from, to } = parseHistoryQuery(
        validator.queryValues(req),
        clock(),
      );
      const entityRef = stringifyEntityRef(product);
      const history = await snapshots.snapshotHistory(entityRef, from, to);
      res.json({
        entityRef,
        from: from.toISOString(),
        to: to.toISOString(),
        items: history.map(historyItem),
      } satisfies ApiScorecardHistory);
    },
  );

  router.post(
    `${productPath}/scorecard/refresh`,
    authenticated(httpAuth),
    validRequest,
    async (req, res) => {
      const { credentials, product } = await productOf(req);
      const entityRef = stringifyEntityRef(product);
      await requirePermission(
        permissions,
        credentials,
        { permission: scorecardRefreshPermission, resourceRef: entityRef },
        `refresh the scorecard of ${entityRef}`,
      );
      const claim = refreshes.claim(entityRef);
      if (!claim.allowed) {
        const wait = Math.ceil(claim.retryAfterMs / 1000);
        res
          .status(429)
          .set('Retry-After', String(wait))
          .json({
            error: {
              name: 'TooManyRequestsError',
              message: `The scorecard of ${entityRef} was refreshed ${Math.floor(
                claim.sinceMs / 1000,
              )} s ago, and a scorecard can be refreshed once every ${refreshInterval} s: try again in ${wait} s. Until then GET …/scorecard serves that refresh.`,
            },
          });
        return;
      }
      try {
        const snapshot = await scorecards.snapshot(product, clock());
        res.json(await readableScorecard(snapshot, credentials));
      } catch (error) {
        // A refresh that failed refreshed nothing: let it be retried now.
        claim.release();
        throw error;
      }
    },
  );

  router.get(
    `${productPath}/runs`,
    authenticated(httpAuth),
    validRequest,
    async (req, res) => {
      const { product } = await productOf(req);
      const { limit, before } = parseRunsQuery(validator.queryValues(req));
      const entityRef = stringifyEntityRef(product);
      const runs = await store.listRuns(entityRef, { limit, before });
      // A lag without a watermark counts from the previous successful run,
      // which for the page's oldest may be on the next page.
      const first = needsPreviousSuccess(runs);
      const [previousSuccess] = first?.finishedAt
        ? await store.listRuns(entityRef, {
            before: first.finishedAt,
            status: 'success',
            limit: 1,
          })
        : [];
      const { contract } = normalizeContract(
        product as DataProductEntityV1alpha1,
      );
      // Runs still running (streams) head the first page.
      const running = before
        ? []
        : await store.listRunningRuns(entityRef, MAX_RUNNING_SHOWN);
      // Within a byte budget too; `nextBefore` (null on the last page) is
      // what to pass as `before` for the next.
      const page = runsPage({
        running: runningRunItems(running, clock()),
        runs,
        items: runItems(runs, contract.freshness, previousSuccess),
        full: runs.length === limit,
      });
      res.json({ entityRef, ...page } satisfies ApiRunsPage);
    },
  );

  router.use(bodyErrors);
  return router;
}

/** express.json skips bodies of other types, which would read as empty. */
function requireJson(req: Request, res: Response, next: express.NextFunction) {
  if (!req.is('application/json')) {
    res.status(415).json({
      error: {
        name: 'UnsupportedMediaTypeError',
        message: `The request body must be JSON, sent with Content-Type: application/json (got ${
          req.get('content-type') ?? 'no Content-Type'
        })`,
      },
    });
    return;
  }
  next();
}

/** Clear answers for what express.json refuses; anything else passes on. */
function bodyErrors(
  error: unknown,
  req: Request,
  res: Response,
  next: express.NextFunction,
) {
  const type = (error as { type?: string })?.type;
  if (type === 'entity.too.large') {
    const { limit } = error as { limit?: number };
    res.status(413).json({
      error: {
        name: 'PayloadTooLargeError',
        message: `The request body is larger than the limit of ${
          limit ? formatBytes(limit) : 'this endpoint'
        }: send the events in smaller batches`,
      },
    });
    return;
  }
  if (type === 'entity.parse.failed') {
    res.status(400).json({
      error: {
        name: 'InputError',
        message: `The request body is not valid JSON: ${
          (error as Error).message
        }`,
      },
      problems: [],
    });
    return;
  }
  if (isUndecodableBody(error)) {
    const encoding = req.get('content-encoding') ?? 'compressed';
    res.status(400).json({
      error: {
        name: 'InputError',
        message: `The request body is not ${encoding} data, though its Content-Encoding header says ${encoding}: compress the body, or send it without the header`,
      },
      problems: [],
    });
    return;
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    res.status(415).json({
      error: {
        name: 'UnsupportedMediaTypeError',
        message: (error as Error).message,
      },
    });
    return;
  }
  next(error);
}

/**
 * express.json inflates a body sent with Content-Encoding gzip or deflate;
 * when it is not compressed at all, zlib's error (Z_DATA_ERROR, a bare
 * "Bad Request") is all the caller would see.
 */
function isUndecodableBody(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} kB`;
  return `${bytes} bytes`;
}
