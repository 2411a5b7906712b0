// The two views of one assessment, and the one owner of the hand-on's wording, in Node:
// `node --test tests/views.test.mjs` (after `cargo build`, for the command line).
//
// - The page's compact guidance (`engine.guidance`), with its wording looked up in
//   `engine.describe()` (www/js/words.mjs), says exactly what the self-contained assessment
//   (`engine.assess`, what the command line prints) says: same level, actions, routes, stages,
//   prompts, questions, reasons and trace, worded the same.
// - The hand-on's text is the command line's text: `waymark assess --format text` prints what the
//   page's "copy as text" (with sources) gives, byte for byte.
// - The page's own wording of an open question (guidance.mjs) is the hand-on's.
// Every scenario time point and every case in the case bank is checked.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { questionText, ruleFindings } from '../www/js/guidance.mjs';
import { Words } from '../www/js/words.mjs';

const root = new URL('..', import.meta.url);
const waymark = await import(new URL('pkg/waymark.js', root).href);
waymark.initSync({ module: fs.readFileSync(new URL('pkg/waymark_bg.wasm', root)) });

const RULESET_PATH = 'www/rulesets/england.json';
const read = (file) => JSON.parse(fs.readFileSync(new URL(file, root), 'utf8'));
const files = ['www/scenarios', 'tests/cases'].flatMap((dir) =>
  fs
    .readdirSync(new URL(dir, root))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => `${dir}/${name}`),
);
const points = files.flatMap((file) => read(file).timePoints.map((point) => ({ where: `${file} ${point.id}`, case: point.case })));
const engine = new waymark.Engine(read(RULESET_PATH));
const words = new Words(engine.describe());
/** A compact finding as the self-contained view writes it: an unanswered indicator comes as its id alone, or alone in a list when its test fails; an answered one whose test holds, as its id and the answer in a list. */
const written = (finding) =>
  typeof finding === 'string'
    ? { test: 'yes', indicator: finding, answer: null, holds: 'unknown' }
    : Array.isArray(finding)
      ? { test: 'yes', indicator: finding[0], answer: finding.length === 2 ? finding[1] : null, holds: finding.length === 2 ? 'true' : 'false' }
      : finding;

test('there are cases to compare', () => {
  assert.ok(points.length >= 300, `${points.length} time points`);
});

test('the compact guidance, worded from describe(), says what the self-contained assessment says', () => {
  let compared = 0;
  for (const { where, case: value } of points) {
    const compact = engine.guidance(value);
    const full = engine.assess(value, { trace: false });
    assert.equal(compact.level, full.level.id, where);
    assert.equal(words.level(compact.level).response, full.level.response, where);
    assert.equal(words.level(compact.engineLevel).name, full.engineLevel.name, where);
    assert.equal(compact.immediateDanger, full.immediateDanger, where);
    assert.deepEqual(
      compact.actions.map((a) => [a.id, words.action(a.id).text, a.urgency, a.dueBy]),
      full.actions.map((a) => [a.id, a.text, a.urgency, a.dueBy]),
      where,
    );
    assert.deepEqual(
      compact.referrals.map((r) => {
        const route = words.route(r.route);
        return [route.name, route.when, route.whoMaySubmit, r.consent ?? route.consent, route.contacts, r.urgency, r.dueBy, r.decisionBy, r.why.map((rule) => words.reason(rule).reason)];
      }),
      full.referrals.map((r) => [r.name, r.when, r.whoMaySubmit, r.consent, r.contacts, r.urgency, r.dueBy, r.decisionBy, r.why.map((why) => why.reason)]),
      where,
    );
    assert.deepEqual(compact.escalation?.stages.map((id) => words.stage(id)), full.escalation?.stages, where);
    assert.deepEqual(compact.escalation?.why.map((rule) => words.reason(rule).reason), full.escalation?.why.map((why) => why.reason), where);
    assert.deepEqual(
      compact.prompts.map((p) => words.prompt(p.id).text),
      full.prompts.map((p) => p.text),
      where,
    );
    assert.deepEqual(
      compact.reasons.map((r) => {
        const reason = words.reason(r.rule);
        return [reason.reason, reason.level?.name, reason.sources, r.evidence.map((f) => [words.subject(f), written(f)])];
      }),
      full.reasons.map((r) => [r.reason, r.level?.name, r.sources, r.evidence.map(({ text, ...finding }) => [text ?? '', finding])]),
      where,
    );
    assert.deepEqual(
      compact.questions.map((q) => [
        q.level ? words.level(q.level).name : undefined,
        q.routes.map((id) => words.route(id).name),
        q.about.map((f) => [words.subject(f), written(f)]),
        q.lead,
        q.ifAnswer,
        q.escalation,
      ]),
      full.questions.map((q) => [q.level?.name, q.routes.map((r) => r.name), q.about.map(({ text, ...finding }) => [text ?? '', finding]), q.lead, q.ifAnswer, q.escalation]),
      where,
    );
    const traced = engine.guidance(value, { trace: true }).trace;
    const fullTrace = engine.assess(value).trace;
    // The compact trace keeps what each test found once, named by position; written out, it is
    // the self-contained trace, finding for finding, less the wording.
    assert.deepEqual(
      traced.status.map((status, r) => [words.description.reasons[r].rule, status, ruleFindings(traced.because, r).map((i) => [words.subject(traced.findings[i]), written(traced.findings[i])])]),
      fullTrace.map((t) => [t.rule, t.status, t.because.map(({ text, ...finding }) => [text ?? '', finding])]),
      where,
    );
    assert.equal(traced.because.ends.length, traced.status.length, where);
    assert.equal(traced.because.ends.at(-1), traced.because.positions.length, where);
    const used = new Set(traced.because.positions);
    assert.equal(used.size, traced.findings.length, `${where}: every finding kept is one a rule names`);
    compared += 1;
  }
  assert.equal(compared, points.length);
});

test("the page's wording of what to find out is the hand-on's", () => {
  let questions = 0;
  for (const { where, case: value } of points) {
    const shown = engine.guidance(value).questions.map((q) => questionText(q, words));
    const section = engine.handOn(value, '', '', false).handOn.sections.find((s) => s.title === 'Worth finding out');
    const handed = (section?.items ?? []).map((item) => item.text).filter((text) => text.startsWith('Find out'));
    assert.deepEqual(handed, shown.slice(0, handed.length), where);
    assert.equal(handed.length, Math.min(shown.length, 4), where);
    questions += handed.length;
  }
  assert.ok(questions > 100, `${questions} questions compared`);
});

test('the command line prints the text the page copies, with its sources', () => {
  const cli = new URL('target/debug/waymark', root).pathname;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-views-'));
  // The first and last time point of every file: the command line starts a process for each.
  const chosen = files.flatMap((file) => {
    const all = read(file).timePoints;
    return [...new Set([all[0], all[all.length - 1]])].map((point) => ({ where: `${file} ${point.id}`, case: point.case }));
  });
  for (const { where, case: value } of chosen) {
    const casePath = path.join(dir, 'case.json');
    fs.writeFileSync(casePath, JSON.stringify(value));
    const printed = execFileSync(cli, ['assess', RULESET_PATH, casePath, '--format', 'text'], { cwd: root, encoding: 'utf8' });
    const copied = engine.handOn(value, '', '', true).text;
    assert.equal(printed, copied, where);
    assert.match(copied, /^Waymark guidance as at /, where);
    assert.match(copied, /\nFingerprint: ruleset /, where);
  }
  assert.ok(chosen.length >= 40, `${chosen.length} cases printed`);
  fs.rmSync(dir, { recursive: true });
});

test('the hand-on carries the notes, and leaves out sources and the fingerprint unless asked', () => {
  const value = points.find((p) => engine.guidance(p.case).reasons.length > 2).case;
  const plain = engine.handOn(value, 'Mum and her partner', 'Seen at the school gate', false).text;
  assert.match(plain, /Lives with: Mum and her partner/);
  assert.match(plain, /Practitioner's notes: Seen at the school gate/);
  assert.doesNotMatch(plain, /SOURCES|Fingerprint|\[\d+\]/);
  const cited = engine.handOn(value, '', '', true).text;
  assert.match(cited, /\nSOURCES\n\[1\] /);
  assert.match(cited, /Fingerprint: ruleset /);
});
