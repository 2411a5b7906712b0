// Shared set-up for the browser tests: the page's own server on 127.0.0.1, Debian's chromium
// kept off the network, every request recorded, and helpers for the form and for axe.

import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Where screenshots go: target/ is ignored by git. */
export const SCREENSHOTS = new URL('../../target/screenshots/', import.meta.url).pathname;

/** Chromium as toolchain.md verified it: no background traffic, and no name resolution except loopback. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--disable-quic',
  '--disable-domain-reliability',
  '--no-pings',
  '--disable-client-side-phishing-detection',
  '--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

export const PHONE = { width: 375, height: 740 };
export const TABLET = { width: 768, height: 1024 };
export const DESKTOP = { width: 1280, height: 900 };

/**
 * The server and browser for one test file: started before its tests, stopped after them.
 * The returned object is filled in once they have started.
 */
export function useBrowser() {
  const env = /** @type {Awaited<ReturnType<typeof start>>} */ ({});
  before(async () => {
    Object.assign(env, await start());
  });
  after(async () => {
    await env.stop();
  });
  return env;
}

/**
 * Starts the server and the browser. Call `stop()` when done.
 */
export async function start() {
  const { server, url } = await serve({ port: 0 });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    url,
    page: `${url}www/`,
    browser,
    async stop() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * A fresh browser context that records every request (the page's and its service worker's) and
 * refuses any that is not to the test server. Problems the page reports (uncaught errors,
 * console errors, Content-Security-Policy violations) are collected too.
 *
 * @param {import('playwright-core').Browser} browser
 * @param {string} origin  the server's URL
 * @param {import('playwright-core').BrowserContextOptions} [options]
 */
export async function context(browser, origin, options = {}) {
  const ctx = await browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block', ...options });
  const requests = [];
  const problems = [];
  ctx.on('request', (request) => requests.push(request.url()));
  await ctx.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort('blockedbyclient')));
  ctx.on('page', (page) => watch(page, problems));
  return { ctx, requests, problems };
}

/**
 * @param {import('playwright-core').Page} page
 * @param {string[]} problems
 */
function watch(page, problems) {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
}

/**
 * Opens the page and waits until the guide is ready (or has failed).
 *
 * @param {import('playwright-core').BrowserContext} ctx
 * @param {string} url
 */
export async function open(ctx, url) {
  const page = await ctx.newPage();
  await page.goto(url);
  await page.waitForSelector('html[data-waymark-ready], html[data-waymark-failed]', { state: 'attached' });
  return page;
}

/**
 * Runs axe (WCAG 2.0, 2.1 and 2.2, A and AA) on the page as it is, and returns the violations,
 * each as "rule: target". axe is evaluated through the DevTools protocol, so the page's
 * Content-Security-Policy stays in force.
 *
 * @param {import('playwright-core').Page} page
 */
export async function axe(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    // @ts-ignore axe is defined by the script above
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }),
  );
  return result.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

/**
 * Answers one question on the worries step, finding it with the search box as a practitioner
 * would.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} id  indicator id
 * @param {'yes' | 'no' | 'not-known'} answer
 */
export async function answer(page, id, answer) {
  await page.fill('#search', '');
  await openGroupOf(page, `#q-${id}`);
  await page.check(answer === 'yes' ? `#q-${id}` : `#q-${id}-${answer}`);
}

/**
 * Opens the folded group of questions that holds `selector`, as a practitioner would by choosing
 * its heading.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} selector
 */
export async function openGroupOf(page, selector) {
  const closed = await page.evaluate((s) => {
    const $details = document.querySelector(s)?.closest('details[data-domain]');
    return $details && !$details.open ? $details.getAttribute('data-domain') : null;
  }, selector);
  if (closed) await page.click(`details[data-domain="${closed}"] > summary`);
}

/**
 * Records a dated event.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} id  event indicator id
 * @param {string} date  ISO date
 */
export async function addEvent(page, id, date) {
  await openGroupOf(page, `#e-${id}-day`);
  const [year, month, day] = date.split('-');
  await page.fill(`#e-${id}-day`, String(Number(day)));
  await page.fill(`#e-${id}-month`, String(Number(month)));
  await page.fill(`#e-${id}-year`, year);
  await page.click(`[data-add-event="${id}"]:not([data-times])`);
}

/**
 * What the guidance panel says: the level, the emergency flag, routes, prompts, escalation.
 *
 * @param {import('playwright-core').Page} page
 */
export async function guidance(page) {
  return page.evaluate(() => ({
    level: document.querySelector('#guidance [data-level]')?.getAttribute('data-level'),
    levelName: document.querySelector('#level-name')?.textContent,
    emergency: Boolean(document.querySelector('#guidance [data-testid="emergency"]')),
    routes: [...document.querySelectorAll('#guidance [data-route]')].map((element) => element.getAttribute('data-route')),
    actions: [...document.querySelectorAll('#guidance [data-action]')].map((element) => element.getAttribute('data-action')),
    prompts: [...document.querySelectorAll('#guidance [data-prompt]')].map((element) => element.getAttribute('data-prompt')),
    stages: [...document.querySelectorAll('#guidance [data-stage]')].map((element) => element.getAttribute('data-stage')),
    reasons: [...document.querySelectorAll('#guidance [data-rule]')].map((element) => element.getAttribute('data-rule')),
  }));
}

/**
 * A screenshot of the viewport, named for the state and the width.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
export async function screenshot(page, name) {
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: `${SCREENSHOTS}${name}-${width}.png` });
}
