import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { SCORE_DIMENSIONS } from '@stockroom/plugin-data-products-common';
import { scorecardResponse } from '../service/runs/responses';
import { ActionDeps, READ_ONLY, Zod } from './ActionDeps';
import { TREND_DAYS, scoreTrend } from './scoreTrend';
import { findProduct, productRefOf } from './productRef';

const input = (z: Zod) =>
  z.object({
    entityRef: z
      .string()
      .min(1)
      .describe('The data product, e.g. "orders-core".'),
  });

const dimension = (z: Zod) =>
  z.object({
    score: z
      .number()
      .nullable()
      .describe('1 (poor) to 5 (good); null when unknown.'),
    summary: z.string().nullable(),
    evidence: z.record(z.string(), z.unknown()).nullable(),
  });

const output = (z: Zod) =>
  z.object({
    entityRef: z.string(),
    scored: z
      .boolean()
      .describe(
        'false until the scoring task (or a refresh) has scored the product.',
      ),
    overall: z.number().nullable(),
    computedAt: z.string().nullable(),
    dimensions: z.object(
      Object.fromEntries(
        SCORE_DIMENSIONS.map(name => [name, dimension(z)]),
      ) as {
        [K in (typeof SCORE_DIMENSIONS)[number]]: ReturnType<typeof dimension>;
      },
    ),
    trend: z
      .object({
        since: z.string(),
        snapshots: z.number(),
        overallThen: z.number().nullable(),
        overallNow: z.number().nullable(),
        direction: z.enum(['improving', 'steady', 'declining', 'unknown']),
        changed: z.array(
          z.object({
            dimension: z.string(),
            from: z.number().nullable(),
            to: z.number().nullable(),
          }),
        ),
      })
      .nullable()
      .describe(
        `The oldest stored scorecard of the last ${TREND_DAYS} days against the latest; null when not scored.`,
      ),
    weakest: z
      .array(z.string())
      .describe(
        'The dimensions sharing the lowest known score: where to look first.',
      ),
  });

/**
 * `get-scorecard`: the latest stored scorecard of a product, as
 * `GET /products/:namespace/:name/scorecard` serves it. Never scores: an
 * unscored product says so (the HTTP API would score and store it, a write).
 */
export function registerGetScorecard(
  actions: ActionsRegistryService,
  deps: ActionDeps,
): void {
  actions.register({
    name: 'get-scorecard',
    title: 'Get the scorecard of a data product',
    description: [
      'Call this to judge how reliable a data product has been: freshness, reliability, quality, stability,',
      'contract, ownership and reuse, each scored 1 (poor) to 5 (good) with a one-line summary and the evidence',
      '(measured lags, failed runs, checks, incidents, consumers), plus the overall score, the weakest dimensions and the trend over the last 30 days.',
      'It is the latest stored scorecard; "scored: false" means it has not been scored yet.',
      'A product the user may not see is reported as not found.',
    ].join(' '),
    attributes: READ_ONLY,
    schema: { input, output },
    action: async ({ input: { entityRef }, credentials }) => {
      const ref = productRefOf('entityRef', entityRef);
      const { product } = await findProduct(
        deps.inventory,
        credentials,
        ref,
        deps.clock(),
      );
      const snapshot = await deps.snapshots.latestSnapshot(product.entityRef);
      if (!snapshot) {
        const unknown = { score: null, summary: null, evidence: null };
        return {
          output: {
            entityRef: product.entityRef,
            scored: false,
            overall: null,
            computedAt: null,
            dimensions: Object.fromEntries(
              SCORE_DIMENSIONS.map(name => [name, unknown]),
            ) as any,
            trend: null,
            weakest: [],
          },
        };
      }
      const card = scorecardResponse(snapshot, deps.scorecards.thresholds);
      const now = deps.clock();
      const history = await deps.snapshots.snapshotHistory(
        product.entityRef,
        new Date(now.getTime() - TREND_DAYS * 24 * 60 * 60 * 1000),
        now,
      );
      const known = SCORE_DIMENSIONS.filter(
        name => card.dimensions[name].score !== null,
      );
      const lowest = Math.min(
        ...known.map(name => card.dimensions[name].score as number),
      );
      return {
        output: {
          entityRef: card.entityRef,
          scored: true,
          overall: card.overall,
          computedAt: card.computedAt,
          dimensions: card.dimensions as any,
          trend: scoreTrend(history),
          weakest: known.filter(name => card.dimensions[name].score === lowest),
        },
      };
    },
  });
}
