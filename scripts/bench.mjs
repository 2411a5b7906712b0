// Node benchmark of the browser engine, through pkg/ as the page loads it: the time to build an
// Engine from a ruleset object, and to assess one case (object in, plain object out).
// Usage: node scripts/bench.mjs [RULESET [SCENARIO...]]; defaults to the shipped ruleset.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { initSync, Engine } from '../pkg/waymark.js';

const wasm = readFileSync(new URL('../pkg/waymark_bg.wasm', import.meta.url));
initSync({ module: wasm });

const [rulesetPath = 'www/rulesets/england.json', ...given] = process.argv.slice(2);
const scenarioPaths = given.length > 0 ? given : readdirSync('www/scenarios').filter((f) => f.endsWith('.json')).sort().map((f) => `www/scenarios/${f}`);
const ruleset = JSON.parse(readFileSync(rulesetPath, 'utf8'));
const cases = scenarioPaths.flatMap((p) => JSON.parse(readFileSync(p, 'utf8')).timePoints.map((t) => t.case));

/** Median over `samples` of the mean time per call, in microseconds. */
function medianMicros(samples, f) {
  const once = performance.now();
  f();
  const batch = Math.min(100000, Math.max(1, Math.floor(2 / Math.max(performance.now() - once, 1e-6))));
  const times = [];
  for (let s = 0; s < samples; s++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) f();
    times.push(((performance.now() - start) * 1000) / batch);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const engine = new Engine(ruleset);
let i = 0;
const compile = medianMicros(51, () => new Engine(ruleset).free());
const guidance = medianMicros(201, () => engine.assess(cases[i++ % cases.length], { trace: false }));
const full = medianMicros(201, () => engine.assess(cases[i++ % cases.length]));
const fmt = (n) => n.toFixed(n < 100 ? 2 : 1).padStart(9);
console.log(`wasm engine in Node ${process.version} (${cases.length} cases from ${scenarioPaths.length} scenario files)`);
console.log(`  new Engine(ruleset)          ${fmt(compile)} µs`);
console.log(`  assess(case, {trace: false})${fmt(guidance)} µs   (median; what the page asks for after each answer)`);
console.log(`  assess(case)                 ${fmt(full)} µs   (median; with the trace of every rule)`);
console.log(`  pkg/waymark_bg.wasm          ${String(wasm.length).padStart(9)} bytes, ${gzipSync(wasm, { level: 9 }).length} gzipped`);
