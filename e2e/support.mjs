// Shared plumbing of the end-to-end suite: one headless Chromium per test
// file (playwright-core, the system's Chromium; never a downloaded browser),
// a fresh browser context per test, guest sign-in, polling assertions and a
// screenshot of every test in e2e/output/<name>.png, pass or fail.
//
// The tests run against a portal that is already up with the demo replay
// done: `yarn test:e2e` (scripts/e2e.mjs) arranges that. Against your own
// `yarn start`: `node --test --test-concurrency=1 e2e/`.
import { after, test } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE_URL =
  process.env.STOCKROOM_E2E_BASE_URL ?? 'http://localhost:3000';
export const OUTPUT_DIR = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'output',
);

/** How long one UI expectation may take (the dev bundle is slow on 2 cores). */
export const UI_TIMEOUT = Number(
  process.env.STOCKROOM_E2E_UI_TIMEOUT ?? 30_000,
);

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

let browserPromise;
function sharedBrowser() {
  browserPromise ??= chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return browserPromise;
}
after(async () => {
  if (browserPromise) await (await browserPromise).close();
});

/**
 * One end-to-end test: a fresh, signed-out browser context and page; the
 * page's screenshot goes to e2e/output/<screenshot>.png whatever the outcome.
 * Page errors and failed API calls are printed as diagnostics on failure.
 */
export function e2e(title, screenshot, fn, options = {}) {
  test(title, { timeout: 180_000, ...options }, async t => {
    const browser = await sharedBrowser();
    const context = await browser.newContext({
      baseURL: BASE_URL,
      viewport: { width: 1440, height: 1000 },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
    const problems = [];
    page.on('pageerror', error =>
      problems.push(`page error: ${error.message}`),
    );
    page.on('response', response => {
      if (response.status() >= 400 && response.url().includes('/api/')) {
        problems.push(`${response.status()} from ${response.url()}`);
      }
    });
    const file = path.join(OUTPUT_DIR, `${screenshot}.png`);
    try {
      await fn(page, t);
    } catch (error) {
      for (const problem of problems.slice(0, 20)) t.diagnostic(problem);
      t.diagnostic(`screenshot: ${path.relative(process.cwd(), file)}`);
      throw error;
    } finally {
      fs.mkdirSync(OUTPUT_DIR, { recursive: true });
      // let late cards (scores, graphs) settle so the picture is complete
      await page
        .waitForLoadState('networkidle', { timeout: 5000 })
        .catch(() => undefined);
      await page
        .screenshot({ path: file, fullPage: true, timeout: 15_000 })
        .catch(e => t.diagnostic(`no screenshot: ${e.message}`));
      await context.close();
    }
  });
}

/** An extra screenshot in the middle of a test: e2e/output/<name>.png. */
export async function screenshot(page, name) {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  await page.screenshot({
    path: path.join(OUTPUT_DIR, `${name}.png`),
    fullPage: true,
  });
}

/**
 * Opens a path of the app, signing in as the guest when the sign-in page
 * shows instead (a deep link in a fresh context always asks). Resolves once
 * the app shell (the sidebar) is there.
 */
export async function open(page, urlPath) {
  await page.goto(urlPath);
  await signInIfAsked(page);
}

export async function signInIfAsked(page) {
  const enter = page.getByRole('button', { name: /enter/i });
  // the sidebar's <nav> itself has no box (its drawer is fixed): its links do
  const shell = page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Settings' });
  // a backend restart (dev mode reloads on file changes) makes one guest
  // sign-in fail with "You cannot sign in as a guest…": try again, briefly
  for (let attempt = 1; ; attempt++) {
    const seen = await eventually(
      async () =>
        ((await shell.isVisible()) && 'app') ||
        ((await enter.isVisible()) && 'sign-in'),
      'neither the sign-in page nor the app showed up',
      60_000,
    );
    if (seen === 'app') return;
    await enter.click({ timeout: UI_TIMEOUT });
    try {
      await shell.waitFor({ timeout: 15_000 });
      return;
    } catch (error) {
      if (attempt >= 3) {
        const alert = await page
          .getByRole('alertdialog')
          .first()
          .textContent({ timeout: 1000 })
          .catch(() => undefined);
        throw new Error(
          `guest sign-in did not get past the sign-in page${
            alert ? `: ${alert}` : ''
          }`,
          { cause: error },
        );
      }
      await page.waitForTimeout(3000);
      await page.reload();
    }
  }
}

/**
 * Polls `fn` until it returns a truthy value (which it resolves to) or the
 * time is up; then throws with `message` and the last value or error seen.
 */
export async function eventually(fn, message, timeout = UI_TIMEOUT) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const detail =
        last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`${message} (after ${timeout} ms; last: ${detail})`);
    }
    await new Promise(r => setTimeout(r, 250));
  }
}

/** The sorted, trimmed texts of all elements a locator matches. */
export async function textsOf(locator) {
  return (await locator.allInnerTexts()).map(s => s.trim()).sort();
}
