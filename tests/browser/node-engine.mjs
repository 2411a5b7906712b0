// The engine in Node, as the page loads it (pkg/ with the default ruleset and no profile), for
// tests that compare what the page shows with what the engine says.

import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const waymark = await import(new URL('pkg/waymark.js', root).href);
waymark.initSync({ module: readFileSync(new URL('pkg/waymark_bg.wasm', root)) });

export const engine = new waymark.Engine(JSON.parse(readFileSync(new URL('www/rulesets/england.json', root), 'utf8')), null);
export const description = engine.describe();

/**
 * The page's assessment of a case (no trace).
 *
 * @param {any} value
 */
export function assess(value) {
  return engine.assess(value, { trace: false });
}
