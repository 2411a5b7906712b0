// The ruleset, the cases and Waymark itself, loaded as the page loads them (pkg/ through initSync),
// with no network and no build step.

import { readFileSync, readdirSync } from 'node:fs';
import { initSync, Engine } from '../../pkg/waymark.js';

const root = new URL('../../', import.meta.url);

/** Where the cases come from: every time point of every scenario, then every case in the bank. */
export const CASE_DIRS = ['www/scenarios', 'tests/cases'];

/** @param {string} path relative to the repository root */
const readJson = (path) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));

/** The default ruleset, as parsed JSON. */
export const loadRuleset = () => readJson('www/rulesets/england.json');

/**
 * Every time point's case, with where it came from.
 * @returns {{ dir: string, file: string, id: string, case: any }[]}
 */
export function loadCases() {
  return CASE_DIRS.flatMap((dir) =>
    readdirSync(new URL(dir, root))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .flatMap((f) => readJson(`${dir}/${f}`).timePoints.map((t) => ({ dir, file: `${dir}/${f}`, id: t.id, case: t.case }))),
  );
}

/**
 * Cases for the agreement check only, on edges of the case semantics the project's cases do not
 * reach (benches/peers/edge-cases.json says which). They are not timed.
 * @returns {{ dir: string, file: string, id: string, case: any }[]}
 */
export function loadEdgeCases() {
  const file = 'benches/peers/edge-cases.json';
  return readJson(file).timePoints.map((t) => ({ dir: 'benches/peers', file, id: t.id, case: t.case }));
}

/**
 * A Waymark engine for the ruleset, from the committed pkg/.
 * @param {any} ruleset
 */
export function waymarkEngine(ruleset) {
  initSync({ module: readFileSync(new URL('pkg/waymark_bg.wasm', root)) });
  return new Engine(ruleset);
}

/**
 * What the page asks for after each answer. This is the one call to change if the page moves
 * to a faster entry point: the timing's "Waymark page path" row is this function.
 * @param {Engine} engine
 * @param {any} c a case
 */
export const assessPagePath = (engine, c) => engine.guidance(c);

/**
 * The full assessment with the trace of every rule: the check reads each rule's verdict from it.
 * @param {Engine} engine
 * @param {any} c a case
 */
export const assessFull = (engine, c) => engine.assess(c);
