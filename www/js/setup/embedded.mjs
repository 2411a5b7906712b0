// @ts-check
// The single file's seam. dist/waymark.html (built by scripts/single-file.mjs) carries in itself
// every file the page would otherwise fetch: each JSON file in a <script type="application/json">
// and the engine, base64, in a <script type="application/wasm">, with `data-waymark-src` naming
// the file it stands for ("rulesets/england.json", "profiles/school-example.json"). Outside the
// single file there are none, these return undefined, and the page fetches as it always has.

/**
 * The data block standing for a file, if this page carries one.
 *
 * @param {string} path  as the page would fetch it, relative to the page
 * @returns {HTMLScriptElement | null}
 */
function block(path) {
  return document.querySelector(`script[data-waymark-src="${CSS.escape(path)}"]`);
}

/**
 * A JSON file carried in the page, parsed; undefined when the page does not carry it.
 *
 * @param {string} path
 * @returns {unknown}
 */
export function embeddedJson(path) {
  const $block = block(path);
  if (!$block) return undefined;
  try {
    return JSON.parse($block.textContent ?? '');
  } catch {
    throw new Error(`The copy of ${path} inside this file is damaged (it is not valid JSON).`);
  }
}

/**
 * The engine carried in the page, as the argument `init()` takes; undefined when the page does
 * not carry it, so `init(embeddedWasm())` fetches the engine as before.
 *
 * @returns {{ module_or_path: Uint8Array } | undefined}
 */
export function embeddedWasm() {
  const $block = document.querySelector('script[type="application/wasm"][data-waymark-src]');
  return $block ? { module_or_path: fromBase64($block.textContent ?? '') } : undefined;
}

/** Whether this page is the single file (or a copy made from it). */
export function isSingleFile() {
  return document.querySelector('script[type="application/wasm"][data-waymark-src]') !== null;
}

/**
 * The paths of the JSON files carried in the page that start with `prefix`, in the page's order.
 *
 * @param {string} prefix  such as "profiles/"
 */
export function embeddedPaths(prefix) {
  return [...document.querySelectorAll('script[type="application/json"][data-waymark-src]')]
    .map(($block) => $block.getAttribute('data-waymark-src') ?? '')
    .filter((path) => path.startsWith(prefix));
}

/**
 * Bytes from base64 text (whitespace ignored).
 *
 * @param {string} text
 */
export function fromBase64(text) {
  const binary = atob(text.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The document as it was parsed, before any view was drawn: what a downloaded copy is made from. */
let pristine = /** @type {Element | null} */ (null);

/**
 * Keeps a copy of the document as parsed. The single file's start-up calls it before it draws
 * anything; the setup view makes its downloads from this copy.
 *
 * @param {Document} document
 */
export function keepPristine(document) {
  pristine ??= /** @type {Element} */ (document.documentElement.cloneNode(true));
}

/** The document as parsed, or null outside the single file. */
export function pristineDocument() {
  return pristine;
}

/**
 * The address of another view of the guide: its file in the multi-file page
 * ("trainer.html?audience"); in the single file, this file with that view's fragment
 * ("?audience#trainer"), since every view is inside it.
 *
 * @param {string} href  a page of www/, with an optional query
 */
export function viewUrl(href) {
  if (!isSingleFile()) return href;
  const [file, query] = href.split('?');
  const view = file.replace(/\.html$/, '');
  const search = query === undefined ? '' : `?${query}`;
  return view === 'index' || view === '' || view === './' ? `${location.pathname}${search}` : `${search}#${view}`;
}
