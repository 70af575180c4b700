/*
 * First render of the inventory page in headless Chromium (playwright-core
 * driving the system's Chromium, never a downloaded browser; the same
 * launch as e2e/support.mjs).
 *
 * The moment is recorded inside the page: an init script installs a
 * MutationObserver before any of the app's scripts run, and stamps
 * performance.now() (milliseconds since the navigation started) when a data
 * row of the table (a product link in the table) and the summary tiles (the
 * "Products" total) are both in the DOM; the Element Timing API then gives
 * the time both were painted. Playwright only waits for the stamps; it never
 * times anything.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  Browser,
  BrowserContext,
  Page,
  chromium as playwrightChromium,
} from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const VIEWPORT = { width: 1440, height: 1000 };

/** What the init script leaves on `window.__inventoryRender`. */
export interface RenderMarks {
  /** A product link in the table: the first data row. */
  row: number | null;
  /** The summary tiles' "Products" total. */
  tiles: number | null;
  /** Both in the DOM. */
  both: number | null;
  /** Paint times of the two (Element Timing), once both are reported. */
  rowPainted: number | null;
  tilesPainted: number | null;
  /** Both painted: the later of the two. */
  painted: number | null;
  /** Data rows in the table at `both`. */
  rows: number;
  /** What the tiles said: the total number of products. */
  total: string | null;
  /** Long tasks (over 50 ms) of the page: [start, duration]. */
  longTasks: Array<[number, number]>;
}

/**
 * Installed with addInitScript: runs before the app's first script. When
 * the first row's link and the tiles' total enter the DOM, they get an
 * `elementtiming` attribute (before they are painted: the observer runs in
 * the same task as the insertion), so the Element Timing API reports when
 * their text was painted.
 */
function installObserver() {
  const marks = {
    row: null as number | null,
    tiles: null as number | null,
    both: null as number | null,
    rowPainted: null as number | null,
    tilesPainted: null as number | null,
    painted: null as number | null,
    rows: 0,
    total: null as string | null,
    longTasks: [] as Array<[number, number]>,
  };
  (window as any).__inventoryRender = marks;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      marks.longTasks.push([entry.startTime, entry.duration]);
    }
  }).observe({ type: 'longtask', buffered: true });
  performance.setResourceTimingBufferSize(2000);
  const ROW = 'table a[href^="/catalog/default/dataproduct/"]';
  const TILES = '[data-testid="total-products"]';
  const settle = () => {
    if (marks.rowPainted !== null && marks.tilesPainted !== null) {
      marks.painted = Math.max(marks.rowPainted, marks.tilesPainted);
    }
  };
  new PerformanceObserver(list => {
    for (const entry of list.getEntries() as any[]) {
      // renderTime is 0 where paint times are withheld; loadTime is not
      const time = entry.renderTime || entry.loadTime || entry.startTime;
      if (entry.identifier === 'inventory-row' && marks.rowPainted === null) {
        marks.rowPainted = time;
      }
      if (
        entry.identifier === 'inventory-tiles' &&
        marks.tilesPainted === null
      ) {
        marks.tilesPainted = time;
      }
    }
    settle();
  }).observe({ type: 'element', buffered: true });
  const check = (_records: MutationRecord[], observer: MutationObserver) => {
    const now = performance.now();
    const row = marks.row === null ? document.querySelector(ROW) : null;
    if (row) {
      marks.row = now;
      row.setAttribute('elementtiming', 'inventory-row');
    }
    const tiles = marks.tiles === null ? document.querySelector(TILES) : null;
    if (tiles) {
      marks.tiles = now;
      tiles.setAttribute('elementtiming', 'inventory-tiles');
    }
    if (marks.row !== null && marks.tiles !== null) {
      marks.both = Math.max(marks.row, marks.tiles);
      marks.rows = new Set(
        Array.from(document.querySelectorAll(ROW)).map(a => a.closest('tr')),
      ).size;
      marks.total = document.querySelector(TILES)?.textContent ?? null;
      observer.disconnect();
    }
  };
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
  });
}

/** One measured load. All times are ms since its navigation started. */
export interface LoadFigures {
  /** The page with its data in the DOM (rows and tiles). */
  dataInDomMs: number;
  /** …and painted (Element Timing): the figure held against the target. */
  renderedMs: number;
  /** GET /api/data-products/products: when it was sent, how long it took. */
  api: {
    requests: number;
    startMs: number;
    /** Request sent to response complete, as Resource Timing saw it. */
    durationMs: number;
    /** Request sent to first byte: the backend's work. */
    waitMs: number;
    /** Over the wire (headers only when revalidated: 304 by ETag). */
    transferBytes: number;
    /** The JSON, unpacked. */
    jsonBytes: number;
  };
  /** From the API response's end to the paint: the page's render of it. */
  afterApiMs: number;
  /** Of that, time in long tasks (script, style, layout over 50 ms). */
  longTasksAfterApiMs: number;
  /** The document itself and the app's own start-up. */
  documentMs: number;
  domContentLoadedMs: number;
  /** JavaScript fetched before the render: files, over the wire, unpacked. */
  js: { files: number; transferBytes: number; decodedBytes: number };
  /**
   * Of that, the lazy chunks (`*.chunk.js`, loaded on demand by the app's
   * code rather than named in index.html): what the route's code splitting
   * decides.
   */
  lazyJs: { files: number; decodedBytes: number };
  /** Requests to /api/ before the render, and how many. */
  apiCallsBeforeRender: string[];
  rows: number;
  total: string | null;
}

async function figuresOf(page: Page): Promise<LoadFigures> {
  return page.evaluate(() => {
    const marks = (window as any).__inventoryRender as RenderMarks;
    const painted = marks.painted ?? NaN;
    const resources = performance.getEntriesByType(
      'resource',
    ) as PerformanceResourceTiming[];
    const before = resources.filter(r => r.startTime <= painted);
    const inventory = resources.filter(r =>
      new URL(r.name).pathname.endsWith('/api/data-products/products'),
    );
    const first = inventory[0];
    const scripts = before.filter(
      r =>
        r.initiatorType === 'script' ||
        new URL(r.name).pathname.endsWith('.js'),
    );
    const lazy = scripts.filter(r =>
      new URL(r.name).pathname.endsWith('.chunk.js'),
    );
    const [navigation] = performance.getEntriesByType(
      'navigation',
    ) as PerformanceNavigationTiming[];
    const sum = (
      list: PerformanceResourceTiming[],
      key: keyof PerformanceResourceTiming,
    ) => list.reduce((total, r) => total + Number(r[key] ?? 0), 0);
    return {
      dataInDomMs: marks.both ?? NaN,
      renderedMs: painted,
      api: first
        ? {
            requests: inventory.length,
            startMs: first.startTime,
            durationMs: first.responseEnd - first.startTime,
            waitMs: first.responseStart - first.requestStart,
            transferBytes: first.transferSize,
            jsonBytes: first.decodedBodySize,
          }
        : {
            requests: 0,
            startMs: NaN,
            durationMs: NaN,
            waitMs: NaN,
            transferBytes: 0,
            jsonBytes: 0,
          },
      afterApiMs: first ? painted - first.responseEnd : NaN,
      longTasksAfterApiMs: first
        ? marks.longTasks.reduce((total, [start, duration]) => {
            const from = Math.max(start, first.responseEnd);
            const to = Math.min(start + duration, painted);
            return total + Math.max(0, to - from);
          }, 0)
        : NaN,
      documentMs: navigation?.responseEnd ?? NaN,
      domContentLoadedMs: navigation?.domContentLoadedEventEnd ?? NaN,
      js: {
        files: scripts.length,
        transferBytes: sum(scripts, 'transferSize'),
        decodedBytes: sum(scripts, 'decodedBodySize'),
      },
      lazyJs: {
        files: lazy.length,
        decodedBytes: sum(lazy, 'decodedBodySize'),
      },
      apiCallsBeforeRender: before
        .filter(r => new URL(r.name).pathname.startsWith('/api/'))
        .map(r => {
          const url = new URL(r.name);
          return `${url.pathname}${url.search ? '?…' : ''}`;
        }),
      rows: marks.rows,
      total: marks.total,
    };
  });
}

export class InventoryBrowser {
  private constructor(
    private readonly browser: Browser,
    private readonly baseUrl: string,
    private readonly screenshots: string,
  ) {}

  static async launch(options: {
    baseUrl: string;
    executablePath: string;
    screenshots: string;
  }): Promise<InventoryBrowser> {
    if (!fs.existsSync(options.executablePath)) {
      throw new Error(
        `no Chromium at ${options.executablePath} (set CHROMIUM_PATH; Debian: apt-get install -y chromium)`,
      );
    }
    const browser = await playwrightChromium.launch({
      executablePath: options.executablePath,
      args: CHROMIUM_ARGS,
    });
    return new InventoryBrowser(browser, options.baseUrl, options.screenshots);
  }

  version(): string {
    return this.browser.version();
  }

  /**
   * Signs in as the guest the way the e2e suite does (the sign-in page's
   * "Enter", then the sidebar), and returns the context's storage state:
   * what a returning, signed-in user's browser holds.
   */
  async signIn(): Promise<Awaited<ReturnType<BrowserContext['storageState']>>> {
    const context = await this.newContext();
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      await page.goto('/data-products');
      const enter = page.getByRole('button', { name: /enter/i });
      const shell = page
        .getByRole('navigation', { name: 'sidebar nav' })
        .getByRole('link', { name: 'Settings' });
      await enter.or(shell).first().waitFor();
      if (await enter.isVisible()) await enter.click();
      await shell.waitFor();
      return await context.storageState();
    } catch (error) {
      throw new Error(`guest sign-in failed: ${(error as Error).message}`, {
        cause: error,
      });
    } finally {
      await context.close();
    }
  }

  async newContext(
    storageState?: Awaited<ReturnType<BrowserContext['storageState']>>,
  ): Promise<BrowserContext> {
    const context = await this.browser.newContext({
      baseURL: this.baseUrl,
      viewport: VIEWPORT,
      storageState,
    });
    await context.addInitScript(installObserver);
    return context;
  }

  /**
   * Waits for the page's own stamp and reads the figures; on a timeout,
   * saves a screenshot and says what the page showed.
   */
  async measured(page: Page, label: string): Promise<LoadFigures> {
    try {
      await page.waitForFunction(
        () => typeof (window as any).__inventoryRender?.painted === 'number',
        undefined,
        { timeout: 120_000, polling: 100 },
      );
    } catch (error) {
      fs.mkdirSync(this.screenshots, { recursive: true });
      const file = path.join(this.screenshots, `${label}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => {});
      const text = await page
        .locator('body')
        .innerText({ timeout: 2000 })
        .catch(() => '');
      throw new Error(
        `${label}: the inventory did not render with its data (screenshot ${file}); the page said: ${text
          .slice(0, 300)
          .replace(/\s+/g, ' ')}`,
        { cause: error },
      );
    }
    const figures = await figuresOf(page);
    if (figures.api.requests === 0) {
      throw new Error(`${label}: no GET /api/data-products/products was seen`);
    }
    return figures;
  }

  async close() {
    await this.browser.close();
  }
}
