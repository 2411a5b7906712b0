// The trainer view in chromium: Child N played from start to debrief with the room's decisions
// recorded and every reveal checked against the engine run here in Node; the audience window
// kept in step and free of spoilers; a reload that resumes; a malformed file refused with its
// path while the run goes on; the debrief printed as one A4 handout with no controls; axe in
// every state; and no request leaving the page's own origin.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import init, { Engine } from '../../pkg/waymark.js';
import { DESKTOP, SCREENSHOTS, axe, context, open, useBrowser } from './harness.mjs';

const env = useBrowser();

/** @param {string} path  from the repository's root */
const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

const PROJECTOR = { width: 1920, height: 1080 };
const CHILD_N = JSON.parse(read('www/scenarios/child-n.json'));

// The same engine the page runs, here in Node, so the test checks the page shows the engine's own
// guidance rather than a copy of today's answers.
await init({ module_or_path: readFileSync(new URL('../../pkg/waymark_bg.wasm', import.meta.url)) });
const engine = new Engine(JSON.parse(read('www/rulesets/england.json')), undefined);
const description = engine.describe();
const GUIDANCE = CHILD_N.timePoints.map((/** @type {any} */ point) => engine.assess(point.case, { trace: false }));

/** @param {string} id */
const levelName = (id) => description.levels.find((/** @type {any} */ level) => level.id === id).name;
/** @param {string} id */
const routeName = (id) => description.routes.find((/** @type {any} */ route) => route.id === id).name;
/** A scenario's citations as the page words them, one line a document: "Title, lines 65-66; line 48". */
const citations = (/** @type {any[]} */ sources) => {
  /** @type {Map<string, string[]>} */
  const byDocument = new Map();
  for (const source of sources) {
    const title = description.sources.find((/** @type {any} */ s) => s.id === source.source).title;
    byDocument.set(title, [...(byDocument.get(title) ?? []), `${/[-,]/.test(source.lines) ? 'lines' : 'line'} ${source.lines}`]);
  }
  return [...byDocument].map(([title, places]) => `${title}, ${places.join('; ')}`);
};

/** What the room decides at each of Child N's time points. */
const ROOM = [
  { level: 'early-help', routes: ['early-help'], escalation: 'no', note: 'Most of the room would step down' },
  { level: 'child-protection', routes: ['childrens-social-care', 'missing-report'], escalation: 'yes', note: '' },
  { level: 'child-in-need', routes: ['childrens-social-care', 'youth-justice'], escalation: 'no', note: 'Ask how he pays for the drugs' },
  { level: 'universal', routes: [], escalation: 'no', note: 'The room agreed with the closure' },
  { level: 'early-help', routes: ['youth-justice'], escalation: 'no', note: '' },
  { level: 'child-in-need', routes: ['childrens-social-care', 'police-non-emergency'], escalation: 'yes', note: 'Escalate to the front door manager' },
];

/** Records Content-Security-Policy violations from the start of every page. */
async function watchPolicy(/** @type {import('playwright-core').BrowserContext} */ ctx) {
  await ctx.addInitScript(() => {
    // @ts-ignore a test-only global
    window.cspViolations = [];
    // @ts-ignore
    document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
}

/**
 * Opens the trainer's window and waits for the bundled case reviews.
 *
 * @param {import('playwright-core').BrowserContext} ctx
 */
async function openTrainer(ctx) {
  const page = await open(ctx, `${env.page}trainer.html`);
  await page.waitForSelector('#scenario-child-n');
  return page;
}

/**
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
async function startScenario(page, name) {
  await page.check(`#scenario-${name}`);
  await page.waitForSelector('#chosen-title');
  await page.click('#start');
  await page.waitForSelector('#point-title');
}

/**
 * Records the room's decision with the quick choices.
 *
 * @param {import('playwright-core').Page} page
 * @param {typeof ROOM[number]} room
 */
async function decide(page, room) {
  await page.check(`#room-level-${room.level}`);
  for (const route of room.routes) {
    if (!(await page.isVisible(`#room-route-${route}`))) await page.click('.app-more-routes summary');
    await page.check(`#room-route-${route}`);
  }
  await page.check(`#room-escalation-${room.escalation}`);
  if (room.note) await page.fill('#room-note', room.note);
}

/**
 * @param {import('playwright-core').Page} page
 * @param {string} state
 */
async function accessible(page, state) {
  assert.deepEqual(await axe(page), [], `axe: ${state}`);
}

/** @param {import('playwright-core').Page} page */
async function stageNow(page) {
  return page.getAttribute('.app-stages [aria-current="step"]', 'data-stage-step');
}

/** @param {import('playwright-core').Page} page */
async function text(page, selector = 'body') {
  return (await page.textContent(selector)) ?? '';
}

/** The cell of the side-by-side table for one row and one point of view. */
const cell = (/** @type {string} */ row, /** @type {string} */ column) => `#compare tr[data-row="${row}"] td[data-column="${column}"]`;

describe('trainer: a whole course', () => {
  it('plays Child N to the debrief with the room’s decisions, each reveal, the handout and the file', async () => {
    const { ctx, requests, problems } = await context(env.browser, env.url);
    await watchPolicy(ctx);
    const page = await openTrainer(ctx);
    await accessible(page, 'choosing');
    await page.check('#scenario-child-n');
    assert.equal(await text(page, '#chosen-title'), CHILD_N.title);
    assert.equal(await text(page, '#chosen-summary'), CHILD_N.summary);
    assert.deepEqual(await page.$$eval('#chosen-sources li', (items) => items.map((item) => item.textContent)), citations(CHILD_N.sources));
    await accessible(page, 'chosen');
    await page.click('#start');

    for (const [i, point] of CHILD_N.timePoints.entries()) {
      const room = ROOM[i];
      const guidance = GUIDANCE[i];
      const state = (/** @type {string} */ stage) => `time point ${i + 1}, ${stage}`;

      // (a) What was known: the narrative, nothing more.
      await page.waitForSelector(`#point-title[data-point="${point.id}"]`);
      assert.equal(await stageNow(page), 'known');
      assert.equal(await text(page, '#narrative'), point.narrative);
      assert.match(await text(page, '#announcer'), new RegExp(`Time point ${i + 1} of 6: .*What was known`));
      for (const spoiler of ['#what-happened', '#engine-level', '#review-says', '#compare', '#room-form']) assert.equal(await page.$(spoiler), null, `${spoiler} at ${state('known')}`);
      assert.ok(!(await text(page, '.app-trainer-main')).includes(point.whatHappened), 'what happened is not shown yet');
      // The chronology builds up beside it.
      assert.equal(await page.locator('#chronology li').count(), i + 1);
      await accessible(page, state('known'));

      // (b) The room decides, with the keyboard to get there.
      await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'PageDown');
      await page.waitForSelector('#room-form');
      assert.equal(await stageNow(page), 'decide');
      assert.match(await text(page, '#announcer'), /The room decides/);
      await decide(page, room);
      await accessible(page, state('decide'));

      // (c) What happened.
      await page.click('#next');
      await page.waitForSelector('#what-happened');
      assert.equal(await text(page, '#what-happened'), point.whatHappened);
      assert.match(await text(page, cell('level', 'room')), new RegExp(escape(levelName(room.level))));
      if (point.actual?.level) assert.match(await text(page, cell('level', 'happened')), new RegExp(escape(levelName(point.actual.level))));
      assert.equal(await page.$(cell('level', 'engine')), null, 'the engine is not shown yet');
      assert.equal(await page.getAttribute(cell('level', 'room'), 'data-differs'), point.actual?.level && point.actual.level !== room.level ? 'yes' : 'no');
      assert.equal(await page.$('#engine-level'), null);
      await accessible(page, state('happened'));

      // (d) The engine's guidance, with its reasons and sources.
      await page.keyboard.press('PageDown');
      await page.waitForSelector('#engine-level');
      assert.equal(await text(page, '#engine-level'), guidance.level.name);
      assert.deepEqual(
        await page.$$eval('.app-engine__routes [data-route]', (items) => items.map((item) => item.getAttribute('data-route'))),
        guidance.referrals.map((/** @type {any} */ referral) => referral.route),
      );
      assert.equal(await page.getAttribute('#engine-escalation', 'data-escalation'), guidance.escalation ? 'yes' : 'no');
      assert.deepEqual(
        await page.$$eval('#engine-reasons [data-rule]', (items) => items.map((item) => item.getAttribute('data-rule'))),
        guidance.reasons.map((/** @type {any} */ reason) => reason.rule),
      );
      const sourced = guidance.reasons.filter((/** @type {any} */ reason) => reason.sources.length > 0).length;
      assert.equal(await page.locator('#engine-reasons .app-reason__sources').count(), sourced);
      assert.ok(sourced > 0, 'the engine’s reasons carry their sources');
      assert.equal(await page.getAttribute(cell('level', 'room'), 'data-differs'), room.level !== guidance.level.id || (point.actual?.level && point.actual.level !== room.level) ? 'yes' : 'no');
      assert.equal(await page.$('#review-says'), null);
      await accessible(page, state('engine'));

      // (e) What the review says, with its citation; every difference marked.
      await page.keyboard.press('ArrowRight');
      await page.waitForSelector('#review-says');
      assert.equal(await text(page, '#review-says'), point.reviewSays.text);
      const cited = await page.$$eval('#review-sources li', (items) => items.map((item) => item.textContent));
      assert.deepEqual(cited, citations(point.reviewSays.sources));
      assert.match(await text(page, '#announcer'), /What the review says/);
      const differs = await page.$$eval('#compare [data-differs="yes"]', (cells) => cells.length);
      const said = await page.locator('#compare .app-differences__list li').count();
      assert.equal(differs > 0, said > 0, 'a marked cell has its difference said in words');
      if (room.level !== guidance.level.id) assert.match(await text(page, '#compare .app-differences__list'), new RegExp(`the room chose ${escape(levelName(room.level))}, but the engine gives ${escape(guidance.level.name)}`));
      await accessible(page, state('review'));
      await page.keyboard.press('ArrowRight');
    }

    // The debrief: every time point, the room, what happened, the engine and the review.
    await page.waitForSelector('#debrief-table');
    assert.match(await text(page, '#announcer'), /Debrief/);
    const rows = page.locator('#debrief-table tbody tr');
    assert.equal(await rows.count(), CHILD_N.timePoints.length);
    for (const [i, point] of CHILD_N.timePoints.entries()) {
      const room = ROOM[i];
      const row = `#debrief-table tr[data-point="${point.id}"]`;
      const roomCell = await text(page, `${row} td[data-column="room"]`);
      assert.match(roomCell, new RegExp(`Level of need: ${escape(levelName(room.level))}`));
      const inOrder = description.routes.map((/** @type {any} */ r) => r.id).filter((/** @type {string} */ id) => room.routes.includes(id));
      assert.match(roomCell, new RegExp(`Who to tell: ${inOrder.length > 0 ? inOrder.map((id) => escape(routeName(id))).join('; ') : 'Nobody'}`));
      assert.match(roomCell, new RegExp(`Escalate: ${room.escalation === 'yes' ? 'Yes' : 'No'}`));
      if (room.note) assert.match(roomCell, new RegExp(`Note: ${room.note}`));
      assert.match(await text(page, `${row} td[data-column="engine"]`), new RegExp(`Level of need: ${escape(GUIDANCE[i].level.name)}`));
      const reviewCell = await text(page, `${row} td[data-column="review"]`);
      for (const line of citations(point.reviewSays.sources)) assert.ok(reviewCell.includes(line), `${point.id}: ${line}`);
      // The room's level is marked where it differs from the engine's.
      assert.equal(await page.getAttribute(`${row} td[data-column="room"] [data-row="level"]`, 'data-differs'), room.level !== GUIDANCE[i].level.id || (point.actual?.level && point.actual.level !== room.level) ? 'yes' : 'no');
      assert.ok((await text(page, `#learning-points [data-point="${point.id}"]`)).includes(point.reviewSays.text));
    }
    await accessible(page, 'debrief');

    // Downloaded, it is the whole run; opened again after clearing, it resumes at the debrief and
    // downloads to the same bytes.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    assert.equal(download.suggestedFilename(), 'waymark-training-child-n.json');
    const file = readFileSync(/** @type {string} */ (await download.path()), 'utf8');
    const saved = JSON.parse(file);
    assert.equal(saved.format, 'waymark-training-run/1');
    assert.equal(saved.at, 'debrief');
    assert.deepEqual(saved.scenario, CHILD_N);
    for (const [i, point] of CHILD_N.timePoints.entries()) {
      assert.deepEqual(saved.decisions[point.id], { ...ROOM[i], routes: description.routes.map((/** @type {any} */ r) => r.id).filter((/** @type {string} */ id) => ROOM[i].routes.includes(id)) });
    }

    // The handout: emulate print, one A4 document, no navigation and no controls.
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.app-trainer-nav', '.app-trainer-tools', '.app-trainer-bar', '#print', '#download', '#previous', '#clear', 'footer', '.govuk-skip-link']) {
      assert.equal(await page.isVisible(hidden), false, `${hidden} is not printed`);
    }
    assert.equal(await page.isVisible('#debrief-table'), true);
    assert.equal(await page.isVisible('#learning-points'), true);
    assert.deepEqual(await page.$$eval('button', (buttons) => buttons.filter((b) => b.checkVisibility()).map((b) => b.textContent)), []);
    assert.equal(await page.$$eval('h1', (headings) => headings.filter((h) => h.checkVisibility()).length), 1);
    await accessible(page, 'print');
    await page.screenshot({ path: `${SCREENSHOTS}trainer-handout-print.png`, fullPage: true });
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    assert.ok(boxes.length >= 1);
    for (const box of boxes) assert.deepEqual(box, [595, 842], 'every page is A4');
    await page.emulateMedia({ media: 'screen' });

    await page.click('#clear');
    await page.click('#clear-confirm');
    await page.waitForSelector('#chooser-title');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('waymark-training-run')), null);
    await page.setInputFiles('#open-file', { name: 'course.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await page.waitForSelector('#chosen-title');
    assert.match(await text(page, '#chosen'), /Saved run\s*at the debrief/);
    await page.click('#start');
    await page.waitForSelector('#debrief-table');
    const [again] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    assert.equal(readFileSync(/** @type {string} */ (await again.path()), 'utf8'), file);

    for (const url of requests) assert.ok(url.startsWith(env.url), `outside the origin: ${url}`);
    // @ts-ignore
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
    assert.deepEqual(problems, []);
    await ctx.close();
  });
});

describe('trainer: two screens', () => {
  it('the audience window follows the trainer’s, without spoilers or controls, and passes keys back', async () => {
    const { ctx, requests, problems } = await context(env.browser, env.url);
    const audience = await open(ctx, `${env.page}trainer.html?audience`);
    await audience.setViewportSize(PROJECTOR);
    await audience.waitForSelector('#waiting');
    await accessible(audience, 'audience waiting');
    const trainer = await openTrainer(ctx);

    await trainer.check('#scenario-child-n');
    await audience.waitForSelector('#intro-title');
    assert.equal(await text(audience, '#intro-title'), CHILD_N.title);
    await accessible(audience, 'audience intro');

    await trainer.click('#start');
    await audience.waitForSelector(`#point-title[data-point="${CHILD_N.timePoints[0].id}"]`);
    assert.match(await text(trainer, '#audience-status'), /open and in step/);
    /** Nothing the trainer has not revealed, and none of the trainer's own things, reach the audience. */
    const spoilerFree = async (/** @type {number} */ index, /** @type {string} */ stage) => {
      const shown = await text(audience);
      const point = CHILD_N.timePoints[index];
      const order = ['known', 'decide', 'happened', 'engine', 'review'];
      if (order.indexOf(stage) < 2) assert.ok(!shown.includes(point.whatHappened), `what happened at ${stage}`);
      if (order.indexOf(stage) < 4) assert.ok(!shown.includes(point.reviewSays.text), `the review at ${stage}`);
      if (order.indexOf(stage) < 3) assert.equal(await audience.$('#engine-level'), null);
      for (const later of CHILD_N.timePoints.slice(index + 1)) assert.ok(!shown.includes(later.title) && !shown.includes(later.narrative), `a later time point at ${stage}`);
      assert.ok(!shown.includes('Presenter notes'));
      assert.equal(await audience.locator('button, input, textarea').count(), 0, 'no controls');
      assert.equal(await audience.$('#room-form'), null);
    };
    await spoilerFree(0, 'known');
    assert.equal(await text(audience, '#narrative'), CHILD_N.timePoints[0].narrative);
    await accessible(audience, 'audience known');
    await audience.screenshot({ path: `${SCREENSHOTS}trainer-audience-known-1920.png` });

    // The room's decision appears there as the trainer records it.
    await trainer.click('#next');
    await audience.waitForSelector('#stage-decide-title');
    await spoilerFree(0, 'decide');
    await trainer.check('#room-level-child-in-need');
    await audience.waitForFunction((name) => document.getElementById('room-summary')?.textContent?.includes(name), levelName('child-in-need'));
    await accessible(audience, 'audience decide');

    await trainer.click('#next');
    await audience.waitForSelector('#what-happened');
    await spoilerFree(0, 'happened');
    assert.equal(await text(audience, '#what-happened'), CHILD_N.timePoints[0].whatHappened);

    // A key pressed in the audience window (a clicker aimed at the projector) moves the trainer on.
    await audience.keyboard.press('ArrowRight');
    await trainer.waitForSelector('#engine-level');
    await audience.waitForSelector('#engine-level');
    assert.equal(await text(audience, '#engine-level'), GUIDANCE[0].level.name);
    await spoilerFree(0, 'engine');
    await accessible(audience, 'audience engine');
    await audience.screenshot({ path: `${SCREENSHOTS}trainer-audience-engine-1920.png` });

    // A window opened late catches up at once.
    const late = await open(ctx, `${env.page}trainer.html?audience`);
    await late.waitForSelector('#engine-level');
    await late.close();

    await trainer.keyboard.press('ArrowRight');
    await audience.waitForSelector('#review-says');
    await spoilerFree(0, 'review');
    await accessible(audience, 'audience review');
    await audience.screenshot({ path: `${SCREENSHOTS}trainer-audience-review-1920.png` });
    await trainer.keyboard.press('ArrowRight');
    await audience.waitForSelector(`#point-title[data-point="${CHILD_N.timePoints[1].id}"]`);
    await spoilerFree(1, 'known');
    assert.equal(await audience.locator('#chronology li').count(), 2);

    // Back in the trainer's window goes back there too.
    await trainer.keyboard.press('ArrowLeft');
    await audience.waitForSelector(`#point-title[data-point="${CHILD_N.timePoints[0].id}"]`);
    assert.equal(await stageNow(audience), 'review');

    // One screen: the notes hide, and nothing else changes.
    assert.equal(await trainer.isVisible('#notes'), true);
    await trainer.click('#toggle-notes');
    assert.equal(await trainer.isVisible('#notes'), false);
    assert.equal(await trainer.getAttribute('#toggle-notes', 'aria-pressed'), 'true');
    await accessible(trainer, 'one screen');

    for (const url of requests) assert.ok(url.startsWith(env.url), `outside the origin: ${url}`);
    assert.deepEqual(problems, []);
    await ctx.close();
  });
});

describe('trainer: keeping the run', () => {
  it('a reload mid-course resumes where it was, and ending the run clears it', async () => {
    const { ctx, problems } = await context(env.browser, env.url);
    const page = await openTrainer(ctx);
    await startScenario(page, 'child-n');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#room-form');
    assert.equal(await text(page, '#point-title .app-trainer-head__name'), CHILD_N.timePoints[1].title);
    await decide(page, ROOM[1]);

    await page.reload();
    await page.waitForSelector('html[data-waymark-ready]', { state: 'attached' });
    await page.waitForSelector('#room-form');
    assert.match(await text(page, '#notices'), /restored/);
    assert.equal(await text(page, '#point-title .app-trainer-head__name'), CHILD_N.timePoints[1].title);
    assert.equal(await stageNow(page), 'decide');
    assert.equal(await page.isChecked('#room-level-child-protection'), true);
    assert.equal(await page.isChecked('#room-route-missing-report'), true);
    assert.equal(await page.isChecked('#room-escalation-yes'), true);
    await accessible(page, 'restored');
    await page.screenshot({ path: `${SCREENSHOTS}trainer-restored-1280.png` });
    // Only this tab's run is kept: no cookies, no local storage.
    const stored = await page.evaluate(() => ({ cookie: document.cookie, local: localStorage.length, session: Object.keys(sessionStorage) }));
    assert.deepEqual(stored, { cookie: '', local: 0, session: ['waymark-training-run'] });

    await page.click('#clear');
    await accessible(page, 'asking to clear');
    await page.click('#clear-confirm');
    await page.waitForSelector('#chooser-title');
    assert.match(await text(page, '#notices'), /cleared/);
    await page.reload();
    await page.waitForSelector('#scenario-child-n');
    assert.equal(await page.$('#in-progress'), null);
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    assert.deepEqual(problems, []);
    await ctx.close();
  });

  it('a kept run the page can no longer use is reported with its path, and kept until discarded', async () => {
    const { ctx, problems } = await context(env.browser, env.url);
    const page = await openTrainer(ctx);
    const retired = structuredClone(CHILD_N);
    retired.timePoints[0].case.answers['a-retired-indicator'] = 'yes';
    const kept = JSON.stringify({ format: 'waymark-training-run/1', ruleset: 'england-default', origin: 'scenarios/child-n.json', at: { point: 0, stage: 'known' }, decisions: {}, scenario: retired });
    await page.evaluate((value) => sessionStorage.setItem('waymark-training-run', value), kept);
    await page.reload();
    await page.waitForSelector('#discard-kept');
    assert.match(await text(page, '#notices'), /could not be restored/);
    assert.match(await text(page, '#notices'), /scenario\.timePoints\[0\]\.case\.answers\.a-retired-indicator: unknown indicator/);
    await page.waitForSelector('#scenario-child-n');
    await accessible(page, 'a kept run that cannot be used');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-kept')]);
    assert.equal(readFileSync(/** @type {string} */ (await download.path()), 'utf8'), kept);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('waymark-training-run')), kept);
    await page.click('#discard-kept');
    assert.match(await text(page, '#notices'), /discarded/);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('waymark-training-run')), null);
    assert.deepEqual(problems, []);
    await ctx.close();
  });

  it('a malformed file is refused with the path of each problem, and the run goes on', async () => {
    const { ctx, problems } = await context(env.browser, env.url);
    const page = await openTrainer(ctx);
    await startScenario(page, 'child-n');
    await page.keyboard.press('ArrowRight');
    await decide(page, ROOM[0]);
    await page.click('#choose');
    await page.waitForSelector('#in-progress');
    await accessible(page, 'choosing with a run in progress');

    /** Opens a file and returns the problems listed, each "path: message". */
    const refused = async (/** @type {string} */ name, /** @type {string} */ content) => {
      await page.setInputFiles('#open-file', { name, mimeType: 'application/json', buffer: Buffer.from(content) });
      await page.waitForSelector('#file-error-summary');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'file-error-summary');
      assert.match(await text(page, '#file-error-summary'), new RegExp(`${name} could not be opened`));
      assert.match(await text(page, '#file-error-summary'), /The training run in progress \(Child N.*\) has not changed/);
      await accessible(page, `refused ${name}`);
      return page.$$eval('#file-problems li', (items) => items.map((item) => item.textContent));
    };

    const badDate = structuredClone(CHILD_N);
    badDate.timePoints[1].case.asOf = '2019-02-30';
    assert.deepEqual(await refused('bad-date.json', JSON.stringify(badDate)), ['timePoints[1].case.asOf: "2019-02-30" is not a date: expected YYYY-MM-DD']);

    const unknown = structuredClone(CHILD_N);
    unknown.timePoints[2].case.answers['not-an-indicator'] = 'yes';
    unknown.timePoints[4].case.answers['not-an-indicator-either'] = 'yes';
    const listed = await refused('unknown.json', JSON.stringify(unknown));
    assert.ok(listed.some((line) => line?.startsWith('timePoints[2].case.answers.not-an-indicator: ')), listed.join('\n'));
    assert.ok(listed.some((line) => line?.startsWith('timePoints[4].case.answers.not-an-indicator-either: ')), listed.join('\n'));

    // A time point id given twice is refused when the engine reads the file, before the cases are tried.
    const repeated = structuredClone(CHILD_N);
    repeated.timePoints[0].id = repeated.timePoints[3].id;
    assert.deepEqual(await refused('repeated.json', JSON.stringify(repeated)), [`timePoints[3].id: "${CHILD_N.timePoints[3].id}" is already the id of timePoints[0]`]);

    assert.match((await refused('notes.json', '{"format": "waymark-scenario/1", '))[0] ?? '', /^\(the whole file\): not valid JSON/);
    // Files of shapes nothing expects, or not text at all, get the page's words, never a script's.
    const oddRun = { format: 'waymark-training-run/1', ruleset: { toString: 'x' }, origin: 'x', at: { point: 0, stage: 'decide' }, decisions: [], scenario: CHILD_N };
    const odd = await refused('odd-run.json', JSON.stringify(oddRun));
    assert.ok(odd.some((line) => line?.startsWith('ruleset: played with the ruleset {"toString":"x"}')), odd.join('\n'));
    for (const line of odd) assert.doesNotMatch(line ?? '', /TypeError|Cannot convert|undefined|\[object/);
    const latin1 = Buffer.from('{"format": "waymark-scenario/1", "title": "caf\xe9"}', 'latin1');
    await page.setInputFiles('#open-file', { name: 'latin1.json', mimeType: 'application/json', buffer: latin1 });
    await page.waitForFunction(() => document.querySelector('#file-problems')?.textContent?.includes('not UTF-8 text'));
    await refused('unknown.json', JSON.stringify(unknown));
    await page.screenshot({ path: `${SCREENSHOTS}trainer-refused-1280.png` });

    // The run is as it was, in this tab and on the screen.
    const kept = JSON.parse((await page.evaluate(() => sessionStorage.getItem('waymark-training-run'))) ?? '{}');
    assert.equal(kept.scenario.id, 'child-n');
    assert.deepEqual(kept.at, { point: 0, stage: 'decide' });
    await page.click('#resume');
    await page.waitForSelector('#room-form');
    assert.equal(await page.isChecked('#room-level-early-help'), true);

    // A valid scenario of one's own opens with its summary and sources, and starts only when asked.
    await page.click('#choose');
    const own = structuredClone(CHILD_N);
    own.id = 'our-review';
    own.title = 'Our own review';
    await page.setInputFiles('#open-file', { name: 'ours.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(own)) });
    await page.waitForSelector('#chosen-title');
    assert.equal(await text(page, '#chosen-title'), 'Our own review');
    assert.match(await text(page, '#replaces-run'), /ends the run in progress/);
    assert.equal(JSON.parse((await page.evaluate(() => sessionStorage.getItem('waymark-training-run'))) ?? '{}').scenario.id, 'child-n');
    await accessible(page, 'own scenario chosen');
    assert.deepEqual(problems, []);
    await ctx.close();
  });
});

describe('trainer: screens', () => {
  for (const [name, viewport] of [
    ['laptop', DESKTOP],
    ['projector', PROJECTOR],
  ]) {
    it(`every stage fits the ${name} (${viewport.width} wide), and the new scenario plays`, async () => {
      const { ctx, problems } = await context(env.browser, env.url, { viewport });
      const page = await openTrainer(ctx);
      await startScenario(page, 'sutton-escalation');
      const points = JSON.parse(read('www/scenarios/sutton-escalation.json')).timePoints.length;
      for (let step = 0; step <= points * 5; step++) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${overflow}px wider than the screen at step ${step}`);
        if (step < 5 || step === points * 5) {
          await accessible(page, `step ${step} at ${viewport.width}`);
          await page.screenshot({ path: `${SCREENSHOTS}trainer-${step === points * 5 ? 'debrief' : `stage-${step}`}-${viewport.width}.png` });
        }
        if (step === 1) await decide(page, { level: 'early-help', routes: ['early-help'], escalation: 'no', note: '' });
        if (step < points * 5) await page.click('#next');
      }
      await page.waitForSelector('#debrief-table');
      assert.equal(await page.locator('#debrief-table tbody tr').count(), points);
      assert.deepEqual(problems, []);
      await ctx.close();
    });
  }
});

describe('trainer: every case review', () => {
  it('each bundled case review is offered, checks clean, and plays to its debrief', async () => {
    const bundled = [...read('www/js/trainer/presenter.mjs').matchAll(/^  '([a-z0-9-]+)',$/gm)].map((m) => m[1]);
    assert.ok(bundled.includes('sutton-escalation') && bundled.includes('child-n'), bundled.join(', '));
    const { ctx, problems } = await context(env.browser, env.url);
    const page = await openTrainer(ctx);
    assert.deepEqual(await page.$$eval('#bundled input', (inputs) => inputs.map((input) => /** @type {HTMLInputElement} */ (input).value)), bundled);
    for (const name of bundled) {
      const scenario = JSON.parse(read(`www/scenarios/${name}.json`));
      await page.check(`#scenario-${name}`);
      await page.waitForSelector(`#chosen-title`);
      assert.equal(await text(page, '#chosen-title'), scenario.title);
      assert.equal(await page.$('#chosen-warnings'), null, `${name}: the engine meets every expectation`);
      await page.click('#start');
      for (let step = 0; step < scenario.timePoints.length * 5; step++) await page.keyboard.press('PageDown');
      await page.waitForSelector('#debrief-table');
      assert.equal(await page.locator('#debrief-table tbody tr').count(), scenario.timePoints.length, name);
      await accessible(page, `${name} debrief`);
      await page.click('#choose');
      await page.waitForSelector('#scenario-child-n');
    }
    assert.deepEqual(problems, []);
    await ctx.close();
  });
});

describe('trainer: the page', () => {
  it('has the same Content-Security-Policy as the guide, and nothing inline or from elsewhere', async () => {
    const policy = (/** @type {string} */ html) => html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
    const html = read('www/trainer.html');
    assert.equal(policy(html), policy(read('www/index.html')));
    const response = await fetch(`${env.page}trainer.html`);
    assert.equal(response.status, 200);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/);
    assert.doesNotMatch(html, /\sstyle=|<style/);
    for (const file of ['www/trainer.html', 'www/trainer.mjs', 'www/trainer.css', ...['audience', 'channel', 'presenter', 'render', 'run', 'view'].map((m) => `www/js/trainer/${m}.mjs`)]) {
      assert.doesNotMatch(read(file), /https?:\/\/(?!www\.w3\.org)/, file);
      assert.doesNotMatch(read(file), /innerHTML|outerHTML|insertAdjacentHTML|document\.write/, file);
    }
  });
});

/** @param {string} text */
function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
