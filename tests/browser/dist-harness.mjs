// Helpers for the tests of what scripts/single-file.mjs builds (dist/): the single file opened
// from file:// with nothing else reachable, tiny servers that send the wrong content types, a
// host page for the web component, and downloads read back. The browser is harness.mjs's.

import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PATCHES, patched } from '../../scripts/single-file.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The single file, as the build wrote it. */
export const SINGLE_FILE = join(ROOT, 'dist/waymark.html');
export const COMPONENT = join(ROOT, 'dist/waymark-guide.mjs');

/** A folder of its own for one test's files, under target/ (ignored by git). */
export function scratch(name) {
  const base = join(ROOT, 'target/tmp');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, `${name}-`));
}

/**
 * A browser context that may load only file: URLs (and the page's own data: and blob: URLs):
 * every other request is refused and recorded. Problems the page reports are collected.
 *
 * @param {import('playwright-core').Browser} browser
 * @param {import('playwright-core').BrowserContextOptions} [options]
 */
export async function fileContext(browser, options = {}) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  const requests = [];
  const refused = [];
  const problems = [];
  ctx.on('request', (request) => requests.push(request.url()));
  await ctx.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(file|data|blob):/.test(url)) return route.continue();
    refused.push(url);
    return route.abort('blockedbyclient');
  });
  ctx.on('page', (page) => {
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
  });
  return { ctx, requests, refused, problems };
}

/**
 * Opens a file (the single file unless said otherwise) and waits until its view is ready or has
 * failed.
 *
 * @param {import('playwright-core').BrowserContext} ctx
 * @param {string} [suffix]  a query and fragment, such as "#setup"
 * @param {string} [file]
 */
export async function openFile(ctx, suffix = '', file = SINGLE_FILE) {
  const page = await ctx.newPage();
  await page.goto(`${pathToFileURL(file).href}${suffix}`);
  await page.waitForSelector('html[data-waymark-ready], html[data-waymark-failed]', { state: 'attached' });
  return page;
}

/**
 * A server on 127.0.0.1 that sends files from `dir`, every one with the content type `type` says
 * (a 404 when it says null, as IIS does for types it does not know), with nosniff (so the browser
 * may not guess) unless `headers` sets it to null, and any other headers given. Resolves with its
 * URL and a way to stop it.
 *
 * @param {string} dir
 * @param {(path: string) => string | null} type
 * @param {Record<string, string | null>} [headers]
 * @param {string} [host]
 */
export function typedServer(dir, type, headers = {}, host = '127.0.0.1') {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)).replace(/^[/\\]+/, '');
    let body;
    try {
      body = readFileSync(join(dir, path));
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('Not found');
      return;
    }
    const contentType = type(path);
    if (contentType === null) {
      // As IIS does for a type it has not been told about.
      response.writeHead(404, { 'Content-Type': 'text/html' });
      response.end('<!DOCTYPE html><title>404.3</title><p>The page you are requesting cannot be served because of the extension configuration.</p>');
      return;
    }
    const all = Object.entries({ 'X-Content-Type-Options': 'nosniff', ...headers, 'Content-Type': contentType, 'Content-Length': String(body.length) }).filter(([, value]) => value !== null);
    response.writeHead(200, Object.fromEntries(all));
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({ url: `http://${host}:${address.port}/`, stop: () => new Promise((done) => server.close(done)) });
    });
  });
}

/** Every file as application/octet-stream: a server that knows no types at all. */
export const OCTET_STREAM = () => 'application/octet-stream';

/** The right type for each file, as a well-configured server sends it. */
export const RIGHT_TYPES = (path) =>
  ({ '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm' })[extname(path)] ??
  'application/octet-stream';

/** Pages and stylesheets as themselves, everything else as application/octet-stream: a server that knows no scripts. */
export const NO_SCRIPTS = (path) => (['.html', '.css'].includes(extname(path)) ? RIGHT_TYPES(path) : 'application/octet-stream');

/** What IIS does out of the box: the types it knows, and a 404 for .mjs, .wasm and .webmanifest. */
export const IIS_UNTOLD = (path) => (['.mjs', '.wasm', '.webmanifest'].includes(extname(path)) ? null : RIGHT_TYPES(path));

/**
 * www/ and pkg/ copied into a scratch folder, with every change scripts/single-file.mjs lists
 * made to them, so the multi-file page can be tested as it will be once those changes are in
 * www/ (a change already made is left as it is).
 */
export function patchedSite() {
  const dir = scratch('site');
  cpSync(join(ROOT, 'www'), join(dir, 'www'), { recursive: true });
  cpSync(join(ROOT, 'pkg'), join(dir, 'pkg'), { recursive: true });
  for (const file of new Set(PATCHES.map((patch) => patch.file))) writeFileSync(join(dir, file), patched(file, { all: true }));
  return dir;
}

/**
 * Does something that makes the page download a file, and returns the file's name and text.
 *
 * @param {import('playwright-core').Page} page
 * @param {() => Promise<void>} action
 */
export async function downloaded(page, action) {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  const name = download.suggestedFilename();
  const path = join(scratch('download'), name);
  await download.saveAs(path);
  return { name, path, text: readFileSync(path, 'utf8') };
}

/**
 * Saves text as a file in a scratch folder and returns its path.
 *
 * @param {string} name
 * @param {string} text
 */
export function saved(name, text) {
  const file = join(scratch('file'), name);
  writeFileSync(file, text);
  return file;
}

/**
 * Opens a contact on the setup view (each is folded to one line until opened).
 *
 * @param {import('playwright-core').Page} page
 * @param {string} id
 */
export async function openContact(page, id) {
  if (!(await page.$eval(`#contact-${id}`, (details) => /** @type {HTMLDetailsElement} */ (details).open))) await page.click(`#contact-${id} > summary`);
}
