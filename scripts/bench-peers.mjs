// Waymark beside three peer rules engines, on the default ruleset and every case the project has
// (each time point of www/scenarios/*.json and tests/cases/*.json).
//
//   node scripts/bench-peers.mjs --check   the agreement check only: every peer must give every
//                                          translated rule Waymark's verdict on every case (exit 0/1)
//   node scripts/bench-peers.mjs           the check, then the timing table (medians in µs)
//       [--rounds N]                       timed rounds over every case (default 15)
//       [--batch-us N]                     about how long each timed batch lasts (default 500)
//
// The peers are json-rules-engine, json-logic-js and GoRules ZEN (@gorules/zen-engine), pinned
// in package.json. benches/peers/translate.mjs turns the ruleset into their rules, and
// benches/peers/RESULTS.md records the figures and how they were made. No network is used.

import os from 'node:os';
import { loadRuleset, loadCases, loadEdgeCases, waymarkEngine, assessPagePath, assessFull, CASE_DIRS } from '../benches/peers/corpus.mjs';
import { plan } from '../benches/peers/translate.mjs';
import { makePrepare } from '../benches/peers/prepare.mjs';
import { jsonRulesEnginePeer } from '../benches/peers/json-rules-engine.mjs';
import { jsonLogicPeer } from '../benches/peers/json-logic.mjs';
import { zenPeer } from '../benches/peers/zen.mjs';
import { compare, vacuous, waymarkVerdicts, misreadNotKnown } from '../benches/peers/agreement.mjs';
import { timeInterleaved, median } from '../benches/peers/timing.mjs';

const args = process.argv.slice(2);
/** @param {string} name @param {number} fallback */
function option(name, fallback) {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a whole number above 0`);
  return value;
}
const checkOnly = args.includes('--check');
const rounds = option('--rounds', 15);
const targetMicros = option('--batch-us', 500);

const ruleset = loadRuleset();
const cases = loadCases();
const engine = waymarkEngine(ruleset);
const whenTrue = plan(ruleset, 'true');
const whenFalse = plan(ruleset, 'false');
const prepare = makePrepare(ruleset, whenTrue);
const prepareFalse = makePrepare(ruleset, whenFalse);
const makers = [jsonRulesEnginePeer, jsonLogicPeer, zenPeer];
const peers = makers.map((make) => ({ whenTrue: make(whenTrue, prepare), whenFalse: make(whenFalse, prepareFalse) }));

// --- The agreement check --------------------------------------------------------------------

// The project's cases, and a few more on edges of the case semantics that they do not reach.
const edgeCases = loadEdgeCases();
const checked = [...cases, ...edgeCases];
const verdicts = waymarkVerdicts(checked, (c) => assessFull(engine, c));
const result = await compare({ cases: checked, verdicts, prepare, plan: whenTrue, peers });
const canary = await compare({
  cases: checked,
  verdicts,
  prepare,
  plan: whenTrue,
  peers: [{ whenTrue: jsonLogicPeer(misreadNotKnown(whenTrue), prepare), whenFalse: jsonLogicPeer(whenFalse, prepareFalse) }],
});
const problems = vacuous(result);
if (canary.disagreements.length === 0) problems.push('a translation that reads notKnown as "answered not known" only was not caught');

const n = (x) => x.toLocaleString('en-GB');
const per = result.counts[result.names[0]];
const same = result.names.every((name) => JSON.stringify(result.counts[name]) === JSON.stringify(per));
console.log(
  `peers agree with Waymark: ${result.rules} rules × ${result.cases} cases (${cases.length} + ${edgeCases.length} edge cases) × ${result.names.length} peers (${result.names.join(', ')}); ` +
    `verdicts compared ${same ? 'per peer' : '(first peer)'}: ${n(per.fired)} fired, ${n(per['not-fired'])} not fired, ${n(per.undetermined)} undetermined; ` +
    `${result.disagreements.length} disagreements; ${result.worryFromSuspicion} (case, rule) pairs not compared (worry from suspicion only); ` +
    `not translated: ${whenTrue.untranslated.join(', ')}; canary caught ${canary.disagreements.length}`,
);
for (const d of result.disagreements.slice(0, 20)) {
  console.error(`  DISAGREE ${d.case}: rule ${d.rule}: Waymark ${d.waymark}, ${d.peer} ${d.got}`);
}
if (result.disagreements.length > 20) console.error(`  … and ${result.disagreements.length - 20} more`);
for (const p of problems) console.error(`  VACUOUS ${p}`);
const failed = result.disagreements.length > 0 || problems.length > 0;
if (checkOnly || failed) {
  for (const p of peers) p.whenTrue.dispose?.(), p.whenFalse.dispose?.();
  process.exit(failed ? 1 : 0);
}

// --- The timing -----------------------------------------------------------------------------

const [jre, jl, zen] = peers.map((p) => p.whenTrue);
const contenders = [
  { name: 'Waymark page path: guidance(case)', run: (c) => assessPagePath(engine, c) },
  { name: "Waymark page's trace: guidance(case, {trace: true})", run: (c) => engine.guidance(c, { trace: true }) },
  { name: 'Waymark full trace: assess(case)', run: (c) => assessFull(engine, c) },
  { name: 'json-rules-engine 7.3.1 (await engine.run)', run: jre.run, async: true },
  { name: 'json-logic-js 2.0.5 (apply per rule)', run: jl.run },
  { name: 'GoRules ZEN 0.54.0 (await decision.evaluate)', run: zen.run, async: true },
  { name: '(peer input alone: prepare(case))', run: prepare },
];
const caseList = cases.map((c) => c.case);
const started = performance.now();
const timings = await timeInterleaved(contenders, caseList, { rounds, targetMicros });
const seconds = (performance.now() - started) / 1000;

const cpu = os.cpus();
console.log(
  `\n${cpu[0].model}, ${cpu.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version} (V8 ${process.versions.v8})`,
);
console.log(`${rounds} rounds × ${cases.length} cases, interleaved, each batch about ${targetMicros} µs; ${seconds.toFixed(0)} s\n`);
const page = timings[0].perCase;
const inDir = (dir, perCase) => perCase.filter((_, i) => cases[i].dir === dir);
const fmt = (x) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const counts = CASE_DIRS.map((dir) => `${dir} (${cases.filter((c) => c.dir === dir).length})`);
console.log(`| engine | median µs, all ${cases.length} cases | ${counts.join(' | ')} | mean µs | × page path (medians) | × page path (per case, median) |`);
console.log(`|---|--:|${CASE_DIRS.map(() => '--:').join('|')}|--:|--:|--:|`);
for (const t of timings) {
  const m = median(t.perCase);
  const dirs = CASE_DIRS.map((dir) => fmt(median(inDir(dir, t.perCase))));
  const mean = t.perCase.reduce((a, b) => a + b, 0) / t.perCase.length;
  const ratio = m / median(page);
  const perCaseRatio = median(t.perCase.map((x, i) => x / page[i]));
  console.log(`| ${t.name} | ${fmt(m)} | ${dirs.join(' | ')} | ${fmt(mean)} | ${ratio.toFixed(2)} | ${perCaseRatio.toFixed(2)} |`);
}
for (const p of peers) p.whenTrue.dispose?.(), p.whenFalse.dispose?.();
