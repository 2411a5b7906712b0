// @ts-check
// A fresh copy of the engine, with an instance of its own, for engine-guard.mjs's spare.
//
// wasm-bindgen's glue (pkg/waymark.js) holds one instance per copy of the module and `init()`
// returns the same one every time, so a new instance needs a new copy of the module: it is
// imported again under its own query string (the service worker answers it from its cache when
// offline) and initialised with its own `init()`. The single file cannot do this (its
// Content-Security-Policy allows only its own inline code): scripts/single-file.mjs puts a
// module that refuses in this one's place.

const PKG = new URL('../../pkg/waymark.js', import.meta.url).href;
let copies = 0;

/**
 * A fresh, initialised copy of pkg/waymark.js with an instance of its own.
 *
 * @param {import('../../pkg/waymark.js').InitInput} [wasm] What to give `init()`, as the page gave it the first time (such as the
 *   embedded bytes of a single-file build); by default it fetches pkg/waymark_bg.wasm.
 * @returns {Promise<typeof import('../../pkg/waymark.js')>}
 */
export async function loadFresh(wasm) {
  copies += 1;
  /** @type {typeof import('../../pkg/waymark.js')} */
  const module = await import(`${PKG}?instance=${copies}`);
  await module.default(wasm === undefined ? undefined : { module_or_path: wasm });
  return module;
}
