import { Caller } from './tokens';

/**
 * One malformed or refused request and what the plugin must answer. Every
 * probe expects a 4xx with a JSON error body, and no row of any table
 * added, changed in number or removed.
 */
export interface RequestProbe {
  /** Unique across the suite: `<endpoint> <field>: <kind of bad value>`. */
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Under the plugin's base, `/api/data-products`; already URL-encoded. */
  path: string;
  /**
   * Which backend answers (probeBackend.ts): the one whose catalog holds
   * the products (default), or the one on Backstage's real scheduler.
   */
  backend?: 'products' | 'scheduler';
  /** Who calls; the unrestricted pipeline token by default. */
  caller?: Caller;
  /** A body sent as JSON (`application/json`). */
  json?: unknown;
  /** A body sent as is, with these headers (Content-Type included). */
  raw?: { body: string | Buffer; headers: Record<string, string> };
  /** The status the plugin must answer, or one of them. */
  status: number | readonly number[];
  /**
   * Where the plugin must name what is wrong: in `error.message`, or for
   * ingestion in the entry of `problems` whose `path` is `problem` (a full
   * path such as `runs[0].finishedAt`), or whose path matches a RegExp.
   */
  problem?: string | RegExp;
  /** Must match that message. */
  message: RegExp;
  /**
   * The issue allows this value to be read with a warning instead (NUL
   * bytes stripped, a long message clipped): then the answer is 200 with a
   * warning at `problem`, and the one run it names is stored.
   */
  orStoredWithWarning?: boolean;
}

/** An error message as the plugin answers it. */
export interface ProbeReply {
  status: number;
  contentType: string | undefined;
  body: any;
}
