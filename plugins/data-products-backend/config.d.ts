/**
 * App-config schema of the Stockroom backend plugin's own keys. The category
 * rules under `stockroom.categories` are declared by the common package
 * (plugins/data-products-common/config.d.ts), which reads them.
 */
export interface Config {
  stockroom?: {
    lifecycle?: {
      /**
       * The scheduled task `data-products-lifecycle-notifications`: tells the
       * owners of expiring and expired products, and the owners of entities
       * depending on deprecated products, through Backstage notifications.
       */
      notifications?: {
        /**
         * Set to false to not schedule the task at all, e.g. where the
         * notifications backend is not installed. Default: true.
         */
        enabled?: boolean;
        /**
         * How often the task runs: an object such as `{ minutes: 30 }`, an
         * ISO 8601 duration (`PT30M`) or a string such as `30m`. Each notice
         * is sent once however often it runs. Default: `{ hours: 1 }`.
         */
        frequency?:
          | string
          | {
              years?: number;
              months?: number;
              weeks?: number;
              days?: number;
              hours?: number;
              minutes?: number;
              seconds?: number;
              milliseconds?: number;
            };
      };
    };
    contracts?: {
      /**
       * The scheduled task `data-products-contract-history`: records each new
       * version of every DataProduct's contract and opens a drift incident
       * when a breaking change is published without the version bump it
       * needs.
       */
      history?: {
        /**
         * How often the task runs: an object such as `{ minutes: 10 }`, an
         * ISO 8601 duration (`PT10M`) or a string such as `10m`. Each
         * contract version is recorded, and each incident opened, once
         * however often it runs. Default: `{ minutes: 10 }`.
         */
        frequency?:
          | string
          | {
              years?: number;
              months?: number;
              weeks?: number;
              days?: number;
              hours?: number;
              minutes?: number;
              seconds?: number;
              milliseconds?: number;
            };
      };
    };
    /**
     * The scheduled task `data-products-scoring` and the scorecard API.
     */
    /** How reported runs are read. */
    runs?: {
      /**
       * Count an OpenLineage ABORT (a cancelled or skipped run) as a failed
       * run, hence an SLA breach. Default: false, an abort is neither
       * success nor failure.
       */
      abortCountsAsFailure?: boolean;
      /**
       * How long runs are kept: the scheduled task
       * `data-products-runs-retention` deletes runs that finished (or,
       * never finished, last changed) longer ago, with their OpenLineage
       * events, quality checks, observed schemas and liveness samples.
       * An object such as `{ days: 400 }`, an ISO 8601 duration (`P400D`)
       * or a string such as `400d`; a month counts 30.44 days, a year
       * 365.25. Must be at least `scoring.windowDays` +
       * `scoring.history.days` + 1 days (121 by default), or start-up
       * fails. Default: `{ days: 400 }`.
       */
      retention?:
        | string
        | {
            years?: number;
            months?: number;
            weeks?: number;
            days?: number;
            hours?: number;
            minutes?: number;
            seconds?: number;
            milliseconds?: number;
          };
      pruning?: {
        /**
         * How often the retention task runs. Same forms as the other
         * frequencies. Default: `{ hours: 1 }`.
         */
        frequency?:
          | string
          | {
              days?: number;
              hours?: number;
              minutes?: number;
              seconds?: number;
            };
      };
    };
    scoring?: {
      /** Set to false to not schedule recomputation. Default: true. */
      enabled?: boolean;
      /**
       * How often the daily scoring task looks for products due a snapshot:
       * every product once a day, and products with new runs the rescoring
       * task (`rescore`) has not rescored yet. Same forms as the other
       * frequencies. Default: `{ minutes: 10 }`.
       */
      frequency?:
        | string
        | {
            days?: number;
            hours?: number;
            minutes?: number;
            seconds?: number;
          };
      /** Days of runs a scorecard looks at. Default: 30. */
      windowDays?: number;
      /**
       * Least seconds between two manual refreshes of one product's
       * scorecard (`POST …/scorecard/refresh`); a refresh sooner is answered
       * 429 with `Retry-After`. Counted per backend instance. 0 turns the
       * limit off. Default: 60.
       */
      minRefreshIntervalSeconds?: number;
      /**
       * Run → score: the task `data-products-rescore` rescores the products
       * whose runs arrived since their latest snapshot, once per product
       * however many runs arrived, on one instance of a cluster.
       */
      rescore?: {
        /** Default: `{ seconds: 15 }`. Same forms as the other frequencies. */
        frequency?:
          | string
          | {
              days?: number;
              hours?: number;
              minutes?: number;
              seconds?: number;
            };
      };
      /**
       * History from the start: daily snapshots of past days computed from
       * the runs already stored (first start, a replay, late runs), so
       * trends show at once. The task `data-products-history` looks for
       * what changed every `frequency`.
       */
      history?: {
        /** How many past days are computed; 0 computes none. Default: 90. */
        days?: number;
        /** Default: `{ minutes: 2 }`. Same forms as the other frequencies. */
        frequency?:
          | string
          | {
              days?: number;
              hours?: number;
              minutes?: number;
              seconds?: number;
            };
      };
    };
    /** Run ingestion (`POST /openlineage`, `POST /runs`). */
    /**
     * The inventory's read model (docs/inventory.md "Read model"): the task
     * `data-products-inventory-sync` keeps every DataProduct's inventory row
     * in the plugin's tables, so any replica answers `GET /products` from
     * its database.
     */
    inventory?: {
      sync?: {
        /**
         * How often a pass reads the catalog's etags and rewrites the
         * products that changed. Default: `{ seconds: 15 }`. Same forms as
         * the other frequencies.
         */
        frequency?:
          | string
          | {
              days?: number;
              hours?: number;
              minutes?: number;
              seconds?: number;
            };
        /**
         * After how long a pass reads every product again, changed or not
         * (a consumer's new owner does not change the product's etag).
         * Default: `{ hours: 1 }`. A new day always starts with one.
         */
        fullPass?:
          | string
          | {
              days?: number;
              hours?: number;
              minutes?: number;
              seconds?: number;
            };
      };
    };
    ingestion?: {
      /** Largest accepted request body, e.g. `5mb`. Default: `5mb`. */
      bodyLimit?: string;
    };
  };
}
