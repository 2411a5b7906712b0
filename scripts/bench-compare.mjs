// Two builds of the engine, timed interleaved in one Node process: the way to measure a change on
// a machine too noisy for figures from separate runs to be compared.
//
//   node scripts/bench-compare.mjs BEFORE AFTER [--trace]
//
// BEFORE and AFTER are each a pkg/ directory or a git revision (whose committed pkg/ is used).
// Each round times `guidance(case)` (or `guidance(case, {trace: true})`) on every case of the
// case bank, then of the scenarios, once per build in turn; the medians of 21 rounds are printed.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const trace = args.includes('--trace');
const builds = args.filter((arg) => arg !== '--trace');
if (builds.length !== 2) {
  console.error('usage: node scripts/bench-compare.mjs BEFORE AFTER [--trace]   (each a pkg/ directory or a git revision)');
  process.exit(2);
}

/** @type {string[]} */
const extracted = [];
process.on('exit', () => extracted.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A pkg/ directory: the one given, or the one committed at a revision. */
function pkgOf(/** @type {string} */ build) {
  if (existsSync(join(build, 'waymark_bg.wasm'))) return resolve(build);
  const dir = mkdtempSync(join(tmpdir(), 'waymark-pkg-'));
  extracted.push(dir);
  const archive = execFileSync('git', ['-C', root, 'archive', build, 'pkg']);
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  return join(dir, 'pkg');
}

const ruleset = JSON.parse(readFileSync(join(root, 'www/rulesets/england.json'), 'utf8'));
const casesIn = (/** @type {string} */ dir) =>
  readdirSync(join(root, dir))
    .filter((file) => file.endsWith('.json'))
    .sort()
    .flatMap((file) => JSON.parse(readFileSync(join(root, dir, file), 'utf8')).timePoints.map((/** @type {{ case: unknown }} */ point) => point.case));
const sets = { 'tests/cases': casesIn('tests/cases'), 'www/scenarios': casesIn('www/scenarios') };

const engines = [];
for (const build of builds) {
  const pkg = pkgOf(build);
  const waymark = await import(pathToFileURL(join(pkg, 'waymark.js')).href);
  waymark.initSync({ module: readFileSync(join(pkg, 'waymark_bg.wasm')) });
  engines.push(new waymark.Engine(ruleset));
}
const options = trace ? { trace: true } : undefined;

/** µs per call over one batch of about 15 ms. */
function batch(/** @type {any} */ engine, /** @type {unknown[]} */ cases) {
  const start = performance.now();
  let rounds = 0;
  while (performance.now() - start < 15) {
    for (const c of cases) engine.guidance(c, options);
    rounds++;
  }
  return ((performance.now() - start) * 1000) / cases.length / rounds;
}

for (const engine of engines) for (const c of sets['tests/cases']) engine.guidance(c, options);
console.log(`guidance(case${trace ? ', {trace: true}' : ''}), median µs of 21 interleaved rounds`);
for (const [name, cases] of Object.entries(sets)) {
  const times = engines.map(() => /** @type {number[]} */ ([]));
  for (let round = 0; round < 21; round++) engines.forEach((engine, i) => times[i].push(batch(engine, cases)));
  const [before, after] = times.map((t) => t.sort((a, b) => a - b)[10]);
  console.log(`  ${name.padEnd(14)} ${builds[0]}: ${before.toFixed(1)}   ${builds[1]}: ${after.toFixed(1)}   (${(after / before).toFixed(2)}×)`);
}
