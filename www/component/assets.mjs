// @ts-check
// What <waymark-guide> carries inside it: the engine, the default ruleset and its stylesheet.
// scripts/single-file.mjs replaces this module with one that holds them (dist/waymark-guide.mjs),
// so the built element fetches nothing. This version fetches them, for trying the element from
// www/component/ unbuilt.

const FILES = {
  wasm: '../../pkg/waymark_bg.wasm',
  ruleset: '../rulesets/england.json',
  css: ['../vendor/govuk-frontend/govuk-frontend.min.css', '../app.css', 'waymark-guide.css'],
};

/** @returns {Promise<{ wasm: Uint8Array, ruleset: unknown, css: string }>}  the ruleset for the engine to check */
export async function loadAssets() {
  const url = (/** @type {string} */ path) => new URL(path, import.meta.url);
  const [wasm, ruleset, ...css] = await Promise.all([
    fetch(url(FILES.wasm)).then((response) => response.arrayBuffer()),
    fetch(url(FILES.ruleset)).then((response) => response.json()),
    ...FILES.css.map((path) => fetch(url(path)).then((response) => response.text())),
  ]);
  // The built element fits the page's styles to its shadow root the same way.
  const fitted = css.join('\n').replace(/:root\b/g, ':host');
  return { wasm: new Uint8Array(wasm), ruleset, css: fitted };
}
