// Node benchmark of the browser engine, through pkg/ as the page loads it: the time to build an
// Engine from a ruleset object, and each call the page makes for one case (object in, plain
// object out).
// Usage: node scripts/bench.mjs [RULESET [SCENARIO...]]; defaults to the shipped ruleset.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { initSync, Engine } from '../pkg/waymark.js';

const wasm = readFileSync(new URL('../pkg/waymark_bg.wasm', import.meta.url));
initSync({ module: wasm });

const [rulesetPath = 'www/rulesets/england.json', ...given] = process.argv.slice(2);
const inDir = (dir) => readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => `${dir}/${f}`);
const casesOf = (paths) => paths.flatMap((p) => JSON.parse(readFileSync(p, 'utf8')).timePoints.map((t) => t.case));
const ruleset = JSON.parse(readFileSync(rulesetPath, 'utf8'));
// The scenario cases and, unless scenarios are named, the case bank too: both are what the page sees.
const sets = given.length > 0 ? [['the scenarios given', casesOf(given)]] : [['www/scenarios', casesOf(inDir('www/scenarios'))], ['tests/cases', casesOf(inDir('tests/cases'))]];

/** Median over `samples` of the mean time per call, in microseconds. */
function medianMicros(samples, f) {
  // Warm up first (the first calls compile JS and send the engine's strings), so that the batch
  // is sized by a typical call, not the first.
  let calls = 0;
  const warm = performance.now();
  while (performance.now() - warm < 50 || calls < 20) {
    f();
    calls++;
  }
  const once = (performance.now() - warm) / calls;
  const batch = Math.min(100000, Math.max(1, Math.floor(2 / Math.max(once, 1e-6))));
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
const fmt = (n) => n.toFixed(n < 100 ? 2 : 1).padStart(9);
const compile = medianMicros(51, () => new Engine(ruleset).free());
console.log(`wasm engine in Node ${process.version}`);
console.log(`  new Engine(ruleset)             ${fmt(compile)} µs`);
for (const [name, cases] of sets) {
  let i = 0;
  const next = () => cases[i++ % cases.length];
  const guidance = medianMicros(201, () => engine.guidance(next()));
  const worded = medianMicros(201, () => engine.assess(next(), { trace: false }));
  const traced = medianMicros(101, () => engine.guidance(next(), { trace: true }));
  const full = medianMicros(101, () => engine.assess(next()));
  const handOn = medianMicros(101, () => engine.handOn(next(), '', '', false));
  const bytes = (f) => Math.round(cases.reduce((sum, c) => sum + JSON.stringify(f(c)).length, 0) / cases.length);
  console.log(`  ${name} (${cases.length} cases), medians:`);
  console.log(`    guidance(case)                ${fmt(guidance)} µs   (the page, after each answer; ${bytes((c) => engine.guidance(c))} bytes as JSON)`);
  console.log(`    assess(case, {trace: false})  ${fmt(worded)} µs   (self-contained, without the trace; ${bytes((c) => engine.assess(c, { trace: false }))} bytes)`);
  console.log(`    guidance(case, {trace: true}) ${fmt(traced)} µs   (the page, while "how every rule was decided" is open)`);
  console.log(`    assess(case)                  ${fmt(full)} µs   (self-contained, with the trace: the CLI's JSON)`);
  console.log(`    handOn(case, '', '', false)   ${fmt(handOn)} µs   (copy as text and print)`);
}
console.log(`  pkg/waymark_bg.wasm             ${String(wasm.length).padStart(9)} bytes, ${gzipSync(wasm, { level: 9 }).length} gzipped`);
