// @ts-check
// The engine's module compiled once, and fresh copies of it with instances of their own, for
// engine-guard.mjs's spare.
//
// wasm-bindgen's glue (pkg/waymark.js) holds one instance per copy of the module and `init()`
// returns the same one every time, so a new instance needs a new copy of the module: it is
// imported again under its own query string (the service worker answers it from its cache when
// offline) and initialised with its own `init()`. The single file cannot do this (its
// Content-Security-Policy allows only its own inline code): scripts/single-file.mjs puts a
// module that refuses in this one's place.

const PKG = new URL('../../pkg/waymark.js', import.meta.url).href;
const WASM = new URL('../../pkg/waymark_bg.wasm', import.meta.url).href;
let copies = 0;

/**
 * pkg/waymark_bg.wasm, compiled once: the page's own instance and every spare are made from it.
 *
 * @returns {Promise<WebAssembly.Module>}
 */
export async function compileEngine() {
  const response = await fetch(WASM, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`pkg/waymark_bg.wasm could not be fetched (${response.status})`);
  // Compiled from the bytes, not streamed: a server that sends .wasm with another type still works.
  return WebAssembly.compile(await response.arrayBuffer());
}

/**
 * A fresh, initialised copy of pkg/waymark.js with an instance of its own.
 *
 * @param {import('../../pkg/waymark.js').InitInput} [wasm] What to give `init()`: the page gives
 *   the module it has already compiled, so a spare costs no download; by default it fetches
 *   pkg/waymark_bg.wasm.
 * @returns {Promise<typeof import('../../pkg/waymark.js')>}
 */
export async function loadFresh(wasm) {
  copies += 1;
  /** @type {typeof import('../../pkg/waymark.js')} */
  const module = await import(`${PKG}?instance=${copies}`);
  await module.default(wasm === undefined ? undefined : { module_or_path: wasm });
  return module;
}
