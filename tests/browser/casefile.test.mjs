// "Open a saved case" (issue 12, item 8). A file that is not a case the form can hold exactly is
// refused with the page's own message, whatever its shape, and what the practitioner had entered
// stays as it was. A case that opens gives back the same case, so the same guidance: every time
// point in the scenarios and the case bank is written as the page's download writes it, opened,
// and assessed again (in Node, through pkg/ and draft.mjs as the page uses them, then a sample
// through the page itself in chromium).

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CaseFileError, FILE_FORMAT, MAX_FILE_BYTES, emptyDraft, fileText, openCaseFile, toCase } from '../../www/js/draft.mjs';
import { answer, axe, context, open, openGroupOf, useBrowser } from './harness.mjs';
import { assess, description } from './node-engine.mjs';

const root = new URL('../../', import.meta.url);
const RULESET = description.ruleset.id;

/** Every time point's case, from the scenarios the page ships and the case bank. */
const TIME_POINTS = ['www/scenarios/', 'tests/cases/'].flatMap((dir) =>
  readdirSync(new URL(dir, root))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => {
      const scenario = JSON.parse(readFileSync(new URL(`${dir}${name}`, root), 'utf8'));
      return scenario.timePoints.map((/** @type {any} */ point) => ({ name: `${dir}${name}#${point.id}`, case: point.case }));
    }),
);

/** A case file as "Download the case" writes it. */
function caseFile(value, notes = { livesWith: '', notes: '' }) {
  return fileText(value, { ...emptyDraft(value.asOf ?? '2026-11-22'), notes }, RULESET);
}

/** What must agree between the file's case and the reopened one. */
function verdict(assessment) {
  return {
    level: assessment.level,
    immediateDanger: assessment.immediateDanger,
    referrals: assessment.referrals,
    escalation: assessment.escalation,
    actions: assessment.actions,
  };
}

/** Text a script writes, never the page: none of it may reach a practitioner. */
const RAW = /TypeError|SyntaxError|RangeError|ReferenceError|Cannot read|Cannot convert|is not a function|is not iterable|undefined|\[object |JSON\.parse|Unexpected token|unreachable|null is not/;

const file = (value) => JSON.stringify(value);
const withCase = (value, extra = {}) => file({ format: FILE_FORMAT, ruleset: RULESET, case: value, ...extra });
const asOf = '2026-11-22';
const nested = (depth, open, inner, close) => open.repeat(depth) + inner + close.repeat(depth);

/**
 * Malformed files: [what, file name, content (text or bytes), the page's message for it].
 *
 * @type {[string, string, string | Buffer, RegExp][]}
 */
const MALFORMED = [
  // Not a case file at all.
  ['prose', 'letter.txt', 'Dear DSL, I am worried about', /it is not JSON/],
  ['an empty file', 'empty.json', '', /it is not JSON/],
  ['JSON cut short', 'cut.json', withCase({ asOf }).slice(0, 40), /it is not JSON/],
  ['bytes that are not UTF-8', 'latin1.json', Buffer.concat([Buffer.from(withCase({ asOf }, { notes: { notes: 'caf' } }).replace('"caf"', '"caf')), Buffer.from([0xe9, 0x22, 0x7d, 0x7d])]), /not UTF-8 text/],
  ['UTF-16 text', 'utf16.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(withCase({ asOf }), 'utf16le')]), /not UTF-8 text/],
  ['a list', 'list.json', '[]', /not a Waymark case\. Choose a file you downloaded/],
  ['null', 'null.json', 'null', /not a Waymark case\. Choose a file/],
  ['a number', 'number.json', '42', /not a Waymark case\. Choose a file/],
  ['a string', 'string.json', '"waymark-case-file/1"', /not a Waymark case\. Choose a file/],
  ['true', 'true.json', 'true', /not a Waymark case\. Choose a file/],
  ['a ruleset whose toString is not a function', 'tostring.json', file({ ruleset: { toString: 'x' } }), /not a Waymark case\. Choose a file/],
  ['the same, with the format', 'tostring2.json', file({ format: FILE_FORMAT, ruleset: { toString: 'x' }, case: { asOf } }), /its “ruleset” is an object, not a name/],
  ['a ruleset that is a number', 'ruleset-number.json', file({ format: FILE_FORMAT, ruleset: 7, case: { asOf } }), /its “ruleset” is “7”, not a name/],
  ['a ruleset that is a list', 'ruleset-list.json', file({ format: FILE_FORMAT, ruleset: [RULESET], case: { asOf } }), /its “ruleset” is a list, not a name/],
  ['a ruleset that is null', 'ruleset-null.json', file({ format: FILE_FORMAT, ruleset: null, case: { asOf } }), /its “ruleset” is empty \(null\), not a name/],
  ['no ruleset', 'ruleset-missing.json', file({ format: FILE_FORMAT, case: { asOf } }), /its “ruleset” is missing/],
  ['another ruleset', 'wales.json', file({ format: FILE_FORMAT, ruleset: 'wales-default', case: { asOf } }), /written for the ruleset “wales-default”/],
  ['a ruleset name with control characters', 'ansi.json', file({ format: FILE_FORMAT, ruleset: '\u001b[31mred\u202e', case: { asOf } }), /ruleset “\\u001b\[31mred\\u202e”/],
  ['a format that is a number', 'format.json', file({ format: 1, ruleset: RULESET, case: { asOf } }), /not a Waymark case\. Choose a file/],
  ['a "__proto__" key in the file', 'proto.json', `{"__proto__":{"format":"${FILE_FORMAT}"},"format":"${FILE_FORMAT}","ruleset":"${RULESET}","case":{"asOf":"${asOf}"}}`, /it has “__proto__”, which a case file does not/],
  ['a "constructor" key in the file', 'constructor.json', withCase({ asOf }, { constructor: 1 }), /it has “constructor”/],
  // The notes.
  ['notes that are a list', 'notes-list.json', withCase({ asOf }, { notes: ['x'] }), /notes in the file are not in the form Waymark writes/],
  ['notes that are text', 'notes-text.json', withCase({ asOf }, { notes: 'x' }), /notes in the file are not in the form/],
  ['a note that is a number', 'notes-number.json', withCase({ asOf }, { notes: { livesWith: 5 } }), /notes in the file are not in the form/],
  ['a note the page has no place for', 'notes-extra.json', withCase({ asOf }, { notes: { diary: 'x' } }), /notes in the file are not in the form/],
  ['a "__proto__" note', 'notes-proto.json', `{"format":"${FILE_FORMAT}","ruleset":"${RULESET}","case":{"asOf":"${asOf}"},"notes":{"__proto__":"x"}}`, /notes in the file are not in the form/],
  ['a note with half a surrogate pair', 'notes-surrogate.json', `{"format":"${FILE_FORMAT}","ruleset":"${RULESET}","case":{"asOf":"${asOf}"},"notes":{"notes":"\\ud800"}}`, /broken character/],
  // The case as a whole.
  ['no case', 'no-case.json', file({ format: FILE_FORMAT, ruleset: RULESET }), /no case in it/],
  ['a case that is null', 'case-null.json', withCase(null), /no case in it/],
  ['a case that is a list', 'case-list.json', withCase([{ asOf }]), /no case in it/],
  ['a case that is text', 'case-text.json', withCase('self-harm'), /no case in it/],
  ['a case with no date', 'no-date.json', withCase({ answers: { 'self-harm': 'yes' } }), /has a problem: missing field "asOf"/],
  ['a date that is a number', 'date-number.json', withCase({ asOf: 20261122 }), /has a problem: asOf: /],
  ['a date that does not exist', 'date-bad.json', withCase({ asOf: '2026-13-01' }), /has a problem: asOf: "2026-13-01" is not a date/],
  ['a date of null', 'date-null.json', withCase({ asOf: null }), /has a problem: missing field "asOf"/],
  ['a date before the year 100', 'date-early.json', withCase({ asOf: '0050-11-22' }), /cannot hold the case's asOf/],
  ['a field a case does not have', 'case-extra.json', withCase({ asOf, name: 'Child A' }), /has a problem: name: unknown field "name"/],
  ['a "__proto__" field in the case', 'case-proto.json', `{"format":"${FILE_FORMAT}","ruleset":"${RULESET}","case":{"asOf":"${asOf}","__proto__":{"answers":{"danger-now":"yes"}}}}`, /has a problem: __proto__: unknown field "__proto__"/],
  // The child.
  ['a child that is a list', 'child-list.json', withCase({ asOf, child: [] }), /has a problem: child: /],
  ['a child that is text', 'child-text.json', withCase({ asOf, child: '7' }), /has a problem: child: /],
  ['a child of null', 'child-null.json', withCase({ asOf, child: null }), /leaves child empty \(null\)/],
  ['an age of null', 'age-null.json', withCase({ asOf, child: { ageYears: null } }), /leaves child\.ageYears empty \(null\)/],
  ['an age in months of null', 'months-null.json', withCase({ asOf, child: { ageMonths: null } }), /leaves child\.ageMonths empty \(null\)/],
  ['an age as text', 'age-text.json', withCase({ asOf, child: { ageYears: '7' } }), /has a problem: child\.ageYears: expected a number/],
  ['a negative age', 'age-negative.json', withCase({ asOf, child: { ageYears: -1 } }), /has a problem: child\.ageYears: /],
  ['an age with a fraction', 'age-fraction.json', withCase({ asOf, child: { ageYears: 7.5 } }), /has a problem: child\.ageYears: /],
  ['an age over 25 years', 'age-30.json', withCase({ asOf, child: { ageYears: 30 } }), /age as 30 years \(child\.ageYears\), but this page takes ages from 0 to 25 years/],
  ['an age over 300 months', 'months-400.json', withCase({ asOf, child: { ageMonths: 400 } }), /age as 400 months \(child\.ageMonths\)/],
  ['two ages', 'two-ages.json', withCase({ asOf, child: { ageYears: 7, ageMonths: 3 } }), /has a problem: child: give one of dateOfBirth, ageYears or ageMonths/],
  ['a name for the child', 'child-name.json', withCase({ asOf, child: { name: 'A' } }), /has a problem: child\.name: unknown field "name"/],
  ['a date of birth that is a number', 'dob-number.json', withCase({ asOf, child: { dateOfBirth: 2012 } }), /has a problem: child\.dateOfBirth: /],
  // Answers.
  ['answers that are a list', 'answers-list.json', withCase({ asOf, answers: ['self-harm'] }), /has a problem: answers: /],
  ['answers that are text', 'answers-text.json', withCase({ asOf, answers: 'yes' }), /has a problem: answers: /],
  ['answers of null', 'answers-null.json', withCase({ asOf, answers: null }), /leaves answers empty \(null\)/],
  ['an answer of null', 'answer-null.json', withCase({ asOf, answers: { 'self-harm': null } }), /answers\.self-harm/],
  ['an answer of true', 'answer-true.json', withCase({ asOf, answers: { 'self-harm': true } }), /has a problem: answers\.self-harm: /],
  ['an answer the form cannot show', 'answer-maybe.json', withCase({ asOf, answers: { 'self-harm': 'maybe' } }), /has a problem: answers\.self-harm: unknown value "maybe"/],
  ['an indicator this ruleset lacks', 'old.json', withCase({ asOf, answers: { 'self-harmm': 'yes' } }), /answers\.self-harmm: unknown indicator "self-harmm"/],
  ['a "__proto__" answer', 'answer-proto.json', `{"format":"${FILE_FORMAT}","ruleset":"${RULESET}","case":{"asOf":"${asOf}","answers":{"__proto__":"yes"}}}`, /answers\.__proto__: unknown indicator "__proto__"/],
  ['a "toString" answer', 'answer-tostring.json', withCase({ asOf, answers: { toString: 'yes' } }), /answers\.toString: unknown indicator "toString"/],
  ['"no" for a dated event', 'event-no.json', withCase({ asOf, answers: { 'missing-episode': 'no' } }), /answers\.missing-episode\)\. The form records each time it happened, or “not known”/],
  ['"yes" for a dated event', 'event-yes.json', withCase({ asOf, answers: { 'missing-episode': 'yes' } }), /answers\.missing-episode: "missing-episode" is counted from dated events/],
  // Events.
  ['events that are an object', 'events-object.json', withCase({ asOf, events: { 'missing-episode': '2026-11-01' } }), /has a problem: events: /],
  ['events that are text', 'events-text.json', withCase({ asOf, events: '2026-11-01' }), /has a problem: events: /],
  ['an event that is a number', 'event-number.json', withCase({ asOf, events: [5] }), /has a problem: events\[0\]: /],
  ['an event of null', 'event-null.json', withCase({ asOf, events: [null] }), /events\[0\]/],
  ['an event whose indicator is a number', 'event-indicator.json', withCase({ asOf, events: [{ indicator: 5, date: '2026-11-01' }] }), /has a problem: events\[0\]\.indicator: /],
  ['an event with no date', 'event-undated.json', withCase({ asOf, events: [{ indicator: 'missing-episode' }] }), /has a problem: events\[0\]/],
  ['an event dated in words', 'event-words.json', withCase({ asOf, events: [{ indicator: 'missing-episode', date: 'yesterday' }] }), /has a problem: events\[0\]\.date: /],
  ['an event that happened no times', 'event-zero.json', withCase({ asOf, events: [{ indicator: 'missing-episode', times: 0, since: '2026-01-01' }] }), /has a problem: events\[0\]\.times: /],
  ['times since a day in the middle of a month', 'event-since.json', withCase({ asOf, events: [{ indicator: 'missing-episode', times: 3, since: '2026-10-05' }] }), /events\[0\]\.since\)\. The form counts “so many times since” from the start of a month/],
  ['an event for a yes-or-no question', 'event-kind.json', withCase({ asOf, events: [{ indicator: 'self-harm', date: '2026-11-01' }] }), /has a problem: events\[0\]\.indicator: "self-harm" is answered yes or no/],
  ['an event with a note', 'event-note.json', withCase({ asOf, events: [{ indicator: 'missing-episode', date: '2026-11-01', note: 'x' }] }), /has a problem: events\[0\]\.note: unknown field/],
  ['an event with an end of null', 'event-until-null.json', withCase({ asOf, events: [{ indicator: 'missing-episode', date: '2026-11-01', until: null }] }), /events\[0\]\.until/],
  // Facts, referral, judgement.
  ['facts that are a list', 'facts-list.json', withCase({ asOf, facts: ['cp-plan'] }), /has a problem: facts: /],
  ['a fact the form cannot show', 'fact-maybe.json', withCase({ asOf, facts: { 'cp-plan': 'maybe' } }), /has a problem: facts\.cp-plan: unknown value "maybe"/],
  ['a fact this ruleset lacks', 'fact-unknown.json', withCase({ asOf, facts: { 'on-a-list': 'yes' } }), /has a problem: facts\.on-a-list: unknown context fact/],
  ['a fact of null', 'fact-null.json', withCase({ asOf, facts: { 'cp-plan': null } }), /facts\.cp-plan/],
  ['a referral that is a number', 'referral-number.json', withCase({ asOf, referral: 5 }), /has a problem: referral: /],
  ['a referral of null', 'referral-null.json', withCase({ asOf, referral: null }), /leaves referral empty \(null\)/],
  ['a referral not known', 'referral-unknown.json', withCase({ asOf, referral: 'not-known' }), /has a problem: referral: unknown value "not-known"/],
  ['a judgement that is text', 'judgement-text.json', withCase({ asOf, judgement: 'child-protection' }), /has a problem: judgement: /],
  ['a judgement of null', 'judgement-null.json', withCase({ asOf, judgement: null }), /leaves judgement empty \(null\)/],
  ['a judgement whose level is a number', 'judgement-number.json', withCase({ asOf, judgement: { level: 4, reason: 'x' } }), /has a problem: judgement\.level: /],
  ['a judgement of no view', 'judgement-none.json', withCase({ asOf, judgement: { level: 'none', reason: 'x' } }), /has a problem: judgement\.level: unknown level "none"/],
  ['a judgement with no reason', 'judgement-no-reason.json', withCase({ asOf, judgement: { level: 'early-help' } }), /has a problem: judgement/],
  ['a judgement with a blank reason', 'judgement-blank.json', withCase({ asOf, judgement: { level: 'early-help', reason: '   ' } }), /has a problem: judgement\.reason: /],
  ['a reason with spaces around it', 'judgement-padded.json', withCase({ asOf, judgement: { level: 'early-help', reason: ' padded ' } }), /cannot hold the case exactly: its judgement\.reason would change/],
  // Size and depth.
  ['lists nested 100,000 deep', 'deep-list.json', `{"format":"${FILE_FORMAT}","ruleset":"${RULESET}","case":{"asOf":"${asOf}","events":${nested(100000, '[', '', ']')}}}`, /has a problem: events.*nested more than 100 deep/],
  ['objects nested 100,000 deep', 'deep-object.json', `{"format":"${FILE_FORMAT}","ruleset":"${RULESET}","case":{"asOf":"${asOf}","child":${nested(100000, '{"a":', '1', '}')}}}`, /has a problem: child\.a\.a.*…: lists and objects are nested more than 100 deep/],
  ['a whole file nested 100,000 deep', 'deep-file.json', nested(100000, '[', '', ']'), /not a Waymark case\. Choose a file/],
  ['a file larger than a case can be', 'huge.json', withCase({ asOf }, { notes: { livesWith: '', notes: 'x'.repeat(MAX_FILE_BYTES + 1024 * 1024) } }), /it is 6\.00 MB, larger than any case file \(they are a few kilobytes; the page opens up to 5 MB\)/],
];

describe('case files in Node, through pkg/ and draft.mjs as the page uses them', () => {
  it(`every time point (${TIME_POINTS.length}) written as the page writes it opens again to the same case and the same guidance`, () => {
    assert.ok(TIME_POINTS.length > 300, `${TIME_POINTS.length} time points`);
    // A case the form cannot hold would be refused, never changed: list it here, with why.
    /** @type {Record<string, RegExp>} */
    const REFUSED = {};
    const refused = [];
    for (const point of TIME_POINTS) {
      const before = assess(point.case);
      let draft;
      try {
        draft = openCaseFile(Buffer.from(caseFile(point.case)), description, assess);
      } catch (error) {
        assert.ok(error instanceof CaseFileError, `${point.name}: ${error}`);
        assert.doesNotMatch(error.message, RAW, point.name);
        refused.push(point.name);
        assert.ok(REFUSED[point.name]?.test(error.message), `${point.name} was refused: ${error.message}`);
        continue;
      }
      const { case: again, errors } = toCase(draft, '2000-01-01');
      assert.deepEqual(errors, [], point.name);
      const after = assess(again);
      assert.deepEqual(verdict(after), verdict(before), point.name);
      assert.deepEqual(after, before, `${point.name}: the whole assessment`);
    }
    assert.deepEqual(refused, Object.keys(REFUSED));
  });

  it('cases the form holds though the page would not write them so open unchanged', () => {
    for (const value of [
      { asOf, child: {}, answers: {}, events: [], facts: {} },
      { asOf, child: { dateOfBirth: asOf } },
      { asOf, child: { dateOfBirth: '2027-03-01' }, answers: { 'substance-pregnancy': 'yes' } },
      { asOf, child: { dateOfBirth: '1990-01-01' } },
      { asOf, child: { ageYears: 25 } },
      { asOf, child: { ageMonths: 300 } },
      { asOf, events: [{ indicator: 'missing-episode', date: '2026-11-01', until: '2026-11-01' }] },
      { asOf, events: [{ indicator: 'missing-episode', times: 1000, since: '2026-01-01' }] },
      { asOf, events: [{ indicator: 'missing-episode', month: '2026-10' }, { indicator: 'missing-episode', month: '2026-10' }] },
      { asOf, events: [{ indicator: 'missing-episode', date: '2027-01-01' }] },
      { asOf, events: [{ indicator: 'police-callout', date: '2026-11-01' }, { indicator: 'missing-episode', date: '2026-10-01' }, { indicator: 'missing-episode', date: '2026-09-01' }] },
      { asOf, answers: { 'missing-episode': 'not-known' }, events: [{ indicator: 'missing-episode', date: '2026-11-01' }] },
      { asOf: '0999-11-22', answers: { 'self-harm': 'yes' } },
    ]) {
      const draft = openCaseFile(Buffer.from(caseFile(value)), description, assess);
      assert.deepEqual(assess(toCase(draft, asOf).case), assess(value), JSON.stringify(value));
    }
  });

  it('the malformed files are refused in Node too, each with its message', () => {
    for (const [what, , content, message] of MALFORMED) {
      assert.throws(
        () => openCaseFile(Buffer.from(content), description, assess),
        (error) => error instanceof CaseFileError && message.test(error.message) && !RAW.test(error.message),
        what,
      );
    }
  });

  it('an engine that fails in a way of its own is reported in the page’s words', () => {
    const broken = () => {
      throw new WebAssembly.RuntimeError('unreachable');
    };
    assert.throws(() => openCaseFile(Buffer.from(caseFile({ asOf })), description, broken), { message: 'The guidance engine could not check the case in the file, so it was not opened.' });
    const lying = () => ({ get level() { throw new TypeError('Cannot read properties of undefined'); } });
    assert.throws(() => openCaseFile(Buffer.from(caseFile({ asOf })), description, lying), { message: 'The file could not be read as a Waymark case.' });
  });
});

const env = useBrowser();

/**
 * Chooses a file in "Open a saved case" and waits for the page to say what became of it.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} name
 * @param {string | Buffer} content
 */
async function openFile(page, name, content) {
  await page.evaluate(() => {
    document.getElementById('notice')?.remove();
    /** @type {HTMLDetailsElement} */ (document.querySelector('.app-toolbar__open')).open = true;
  });
  await page.setInputFiles('#open-file', { name, mimeType: 'application/json', buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
  await page.waitForSelector('#notice');
  return (await page.textContent('#notices')) ?? '';
}

/** Everything the practitioner has entered, as the page shows it and keeps it. */
async function entered(page) {
  return page.evaluate(() => ({
    stored: sessionStorage.getItem('waymark-draft'),
    inputs: [...document.querySelectorAll('#case-form input, #case-form textarea')]
      .filter(($input) => /** @type {HTMLInputElement} */ ($input).type !== 'search')
      .map(($input) => {
        const input = /** @type {HTMLInputElement} */ ($input);
        return `${input.id}=${input.type === 'radio' || input.type === 'checkbox' ? input.checked : input.value}`;
      }),
    level: document.querySelector('#guidance [data-level]')?.getAttribute('data-level'),
    bar: document.getElementById('guidance-bar-link')?.textContent,
  }));
}

describe('case files in the page', () => {
  it('every malformed file is refused with the page’s message, and what was entered stays', async () => {
    const { ctx, problems } = await context(env.browser, env.url);
    const page = await open(ctx, `${env.page}#worries`);
    await answer(page, 'bullying', 'yes');
    await answer(page, 'self-harm', 'not-known');
    // A date half typed, and notes: entered, not yet part of any case.
    await openGroupOf(page, '#e-missing-episode-day');
    await page.fill('#e-missing-episode-day', '3');
    await page.fill('#e-missing-episode-month', '11');
    await page.fill('#search', '');
    await page.goto(`${env.page}#view`);
    await page.fill('#note-notes', 'Told the form tutor on Monday.');
    const before = await entered(page);
    assert.equal(before.level, 'early-help');
    assert.ok(before.inputs.includes('q-bullying=true') && before.inputs.includes('e-missing-episode-day=3'), before.inputs.join(' '));
    for (const [what, name, content, message] of MALFORMED) {
      const notice = await openFile(page, name, content);
      assert.match(notice, /The file could not be opened/, what);
      assert.ok(notice.includes(`${name} was not opened.`), `${what}: ${notice}`);
      assert.match(notice, message, what);
      assert.match(notice, /Your answers have not changed\.$/, what);
      assert.doesNotMatch(notice, RAW, what);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'notice', what);
      assert.deepEqual(await entered(page), before, `${what}: what was entered is unchanged`);
    }
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, []);
    await ctx.close();
  });

  it('time points opened through the page give the draft and the guidance of the file’s case', async () => {
    const { ctx, problems } = await context(env.browser, env.url);
    const page = await open(ctx, env.page);
    // The first and the last time point of each scenario and case file.
    const sample = TIME_POINTS.filter((point, i) => i === 0 || i === TIME_POINTS.length - 1 || point.name.split('#')[0] !== TIME_POINTS[i - 1].name.split('#')[0] || point.name.split('#')[0] !== TIME_POINTS[i + 1].name.split('#')[0]);
    for (const point of sample) {
      const notice = await openFile(page, 'case.json', caseFile(point.case, { livesWith: 'Mother', notes: point.name }));
      assert.match(notice, /Opened case\.json/, `${point.name}: ${notice}`);
      const draft = JSON.parse((await page.evaluate(() => sessionStorage.getItem('waymark-draft'))) ?? 'null');
      assert.equal(draft.notes.notes, point.name);
      const expected = assess(point.case);
      assert.deepEqual(verdict(assess(toCase(draft, '2000-01-01').case)), verdict(expected), point.name);
      assert.equal(await page.getAttribute('#guidance [data-level]', 'data-level'), expected.level.id, point.name);
      assert.equal(await page.textContent('#guidance-bar-link'), `Level of need: ${expected.level.name}${expected.immediateDanger ? '. Call 999 now' : ''}`, point.name);
    }
    assert.deepEqual(problems, []);
    await ctx.close();
  });
});
