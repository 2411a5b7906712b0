// Rulesets compared interleaved in one Node process, through pkg/ as committed: the cost of a
// change to the guidance, apart from the engine. Every case of the scenarios and the case bank that
// every ruleset accepts is assessed with `guidance(case)`, one ruleset after another, 15 rounds.
//
//   node scripts/bench-rulesets.mjs RULESET... (files; `git show REV:www/rulesets/england.json > f`)

import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { initSync, Engine } from '../pkg/waymark.js';

const root = resolve(import.meta.dirname, '..');
initSync({ module: readFileSync(join(root, 'pkg/waymark_bg.wasm')) });
const paths = process.argv.slice(2);
if (paths.length === 0) {
  console.error('usage: node scripts/bench-rulesets.mjs RULESET...');
  process.exit(2);
}
const engines = paths.map((path) => new Engine(JSON.parse(readFileSync(path, 'utf8'))));
const all = ['www/scenarios', 'tests/cases']
  .flatMap((dir) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.json')).map((f) => join(root, dir, f)))
  .flatMap((file) => JSON.parse(readFileSync(file, 'utf8')).timePoints.map((/** @type {{case: unknown}} */ t) => t.case));
const accepts = (/** @type {Engine} */ engine, /** @type {unknown} */ value) => {
  try {
    engine.guidance(value);
    return true;
  } catch {
    return false;
  }
};
const cases = all.filter((value) => engines.every((engine) => accepts(engine, value)));
console.log(`${cases.length} of ${all.length} cases accepted by every ruleset; guidance(case), mean µs per case, median of 15 interleaved rounds`);
/** @type {number[][]} */
const times = engines.map(() => []);
for (let round = 0; round < 15; round++) {
  engines.forEach((engine, k) => {
    const start = performance.now();
    for (const value of cases) engine.guidance(value);
    times[k].push(((performance.now() - start) * 1000) / cases.length);
  });
}
times.forEach((t, k) => {
  t.sort((a, b) => a - b);
  console.log(`  ${paths[k].padEnd(48)} ${t[7].toFixed(1)}`);
});
