// Handing the guidance on: download the case and open it again (identical), refuse a bad or
// foreign file without touching the draft, copy as text, and print.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { addEvent, answer, axe, context, guidance, open, openGroupOf, useBrowser } from './harness.mjs';

const RULESET_VERSION = JSON.parse(readFileSync(new URL('../../www/rulesets/england.json', import.meta.url), 'utf8')).meta.version;

const env = useBrowser();

/** A case with something in every part of the form. */
async function fillCase(page) {
  await page.fill('#as-of-day', '20');
  await page.fill('#as-of-month', '11');
  await page.fill('#as-of-year', '2026');
  await page.check('#age-mode');
  await page.fill('#dob-day', '4');
  await page.fill('#dob-month', '6');
  await page.fill('#dob-year', '2012');
  await page.check('#f-looked-after-no');
  await page.check('#q-ehcp');
  await page.fill('#note-lives-with', 'Grandmother, since the summer');
  await page.goto(`${env.page}#worries`);
  await answer(page, 'self-harm', 'yes');
  await answer(page, 'not-seen-alone', 'not-known');
  await answer(page, 'bullying', 'no');
  await addEvent(page, 'missing-episode', '2026-10-02');
  await addEvent(page, 'missing-episode', '2026-11-14');
  await openGroupOf(page, '#e-police-callout-unknown');
  await page.check('#e-police-callout-unknown');
  await page.goto(`${env.page}#so-far`);
  await page.check('#f-still-worried');
  await page.check('#referral-not-accepted');
  await page.goto(`${env.page}#view`);
  await page.check('#judgement-level-child-protection');
  await page.fill('#judgement-reason', 'She said she would rather die than go home');
  await page.fill('#note-notes', 'Told form tutor on Monday. Mum not told.');
  await page.goto(`${env.page}#check`);
}

/** Downloads the case and returns the file's text. */
async function downloadCase(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  return readFileSync(await download.path(), 'utf8');
}

/**
 * Opens a file through the page's file input.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} name
 * @param {string} text
 */
async function openFile(page, name, text) {
  await page.click('.app-toolbar__open summary');
  await page.evaluate(() => document.getElementById('notice')?.remove());
  await page.setInputFiles('#open-file', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForSelector('#notice');
}

describe('download and open', () => {
  it('a downloaded case opens again exactly as it was, in a fresh tab', async () => {
    const { ctx, problems } = await context(env.browser, env.url);
    const page = await open(ctx, env.page);
    await fillCase(page);
    const before = await guidance(page);
    const file = await downloadCase(page);
    const saved = JSON.parse(file);
    assert.equal(saved.format, 'waymark-case-file/1');
    assert.equal(saved.ruleset, 'england-default');
    assert.deepEqual(saved.case.child, { dateOfBirth: '2012-06-04' });
    assert.deepEqual(saved.case.events, [
      { indicator: 'missing-episode', date: '2026-10-02' },
      { indicator: 'missing-episode', date: '2026-11-14' },
    ]);
    assert.equal(saved.case.answers['police-callout'], 'not-known');
    assert.equal(saved.notes.notes, 'Told form tutor on Monday. Mum not told.');

    const fresh = await open(ctx, env.page);
    await openFile(fresh, 'case.json', file);
    assert.match(await fresh.textContent('#notices'), /Opened case\.json/);
    assert.equal(await fresh.isVisible('#step-check'), true);
    assert.deepEqual(await guidance(fresh), before);
    assert.equal(await fresh.inputValue('#judgement-reason'), 'She said she would rather die than go home');
    assert.equal(await fresh.isChecked('#e-police-callout-unknown'), true);
    assert.equal(await downloadCase(fresh), file, 'the round trip is identical');
    assert.deepEqual(await axe(fresh), []);
    assert.deepEqual(problems, []);
    await ctx.close();
  });

  for (const [what, name, text, message] of [
    ['a file that is not JSON', 'notes.txt', 'Dear DSL, I am worried about', /it is not JSON/],
    ['JSON that is not a case', 'ruleset.json', JSON.stringify({ format: 'waymark-ruleset/1' }), /not a Waymark case/],
    ['a case for another ruleset', 'wales.json', JSON.stringify({ format: 'waymark-case-file/1', ruleset: 'wales-default', case: { asOf: '2026-11-22' } }), /written for the ruleset “wales-default”/],
    [
      'a case naming an indicator this ruleset lacks',
      'old.json',
      JSON.stringify({ format: 'waymark-case-file/1', ruleset: 'england-default', case: { asOf: '2026-11-22', answers: { 'self-harmm': 'yes' } } }),
      /answers\.self-harmm: unknown indicator "self-harmm"/,
    ],
  ]) {
    it(`${what} is refused with a clear error, and the draft is untouched`, async () => {
      const { ctx, problems } = await context(env.browser, env.url);
      const page = await open(ctx, `${env.page}#worries`);
      await answer(page, 'bullying', 'yes');
      await page.fill('#search', '');
      const draft = await page.evaluate(() => sessionStorage.getItem('waymark-draft'));
      const before = await guidance(page);
      await openFile(page, name, text);
      const notice = await page.textContent('#notices');
      assert.match(notice, new RegExp(`${name.replace('.', '\\.')} was not opened`));
      assert.match(notice, message);
      assert.match(notice, /Your answers have not changed/);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'notice');
      assert.equal(await page.evaluate(() => sessionStorage.getItem('waymark-draft')), draft);
      assert.equal(await page.isChecked('#q-bullying'), true);
      assert.deepEqual(await guidance(page), before);
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(problems, []);
      await ctx.close();
    });
  }

  it('a case with errors is not downloaded until they are fixed', async () => {
    const { ctx, problems } = await context(env.browser, env.url);
    const page = await open(ctx, env.page);
    await page.check('#age-mode-unborn');
    await page.fill('#due-day', '1');
    await page.fill('#due-month', '1');
    await page.fill('#due-year', '2020');
    await page.goto(`${env.page}#check`);
    let downloaded = false;
    page.on('download', () => {
      downloaded = true;
    });
    await page.click('#download');
    assert.match(await page.textContent('#step-check .govuk-error-summary'), /expected date of delivery must be after/);
    assert.equal(downloaded, false);
    assert.deepEqual(problems, []);
    await ctx.close();
  });
});

describe('copy and print', () => {
  it('copy as text gives what a referral form needs, answers first, with sources only when asked', async () => {
    const { ctx, problems } = await context(env.browser, env.url, { permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await open(ctx, env.page);
    await fillCase(page);
    await page.click('#copy-text');
    await page.waitForSelector('#copied-text');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(text, await page.inputValue('#copied-text'));
    const level = (await guidance(page)).levelName;
    for (const expected of [
      'Waymark guidance as at 20 November 2026',
      `Level of need: ${level}`,
      "Child's age: 14 years",
      'The child has self-harmed: yes',
      'Missing from home or care: 2 recorded (14 November 2026, 2 October 2026)',
      "Practitioner's view:",
      'She said she would rather die than go home',
      'Lives with: Grandmother, since the summer',
      'Told form tutor on Monday. Mum not told.',
      'WHO TO TELL',
      'IF YOU ARE STILL WORRIED: ESCALATE',
      `Waymark default ruleset for England, version ${RULESET_VERSION}`,
    ]) {
      assert.ok(text.includes(expected), `missing: ${expected}\n---\n${text}`);
    }
    // What was recorded comes before the guidance.
    assert.ok(text.indexOf('WHAT WAS RECORDED') < text.indexOf('WHAT TO DO'), text);
    // No line numbers, source notes or fingerprints in a referral form unless asked.
    for (const noise of [/\blines? \d/, /\[\d+\]/, /Fingerprint/, /SOURCES/]) assert.doesNotMatch(text, noise);
    assert.match(await page.textContent('#copy-result'), /Copied/);
    await page.check('#copy-sources');
    await page.click('#copy-text');
    await page.waitForFunction(() => /** @type {HTMLTextAreaElement} */ (document.querySelector('#copied-text'))?.value.includes('SOURCES'));
    const withSources = await page.inputValue('#copied-text');
    assert.match(withSources, /\nSOURCES\n\[1\] /);
    assert.match(withSources, /Fingerprint: ruleset england-default [0-9a-f]+/);
    assert.deepEqual(problems, []);
    await ctx.close();
  });

  it('without clipboard access the text is shown, selected, to copy by hand', async () => {
    const { ctx, problems } = await context(env.browser, env.url);
    const page = await open(ctx, `${env.page}#check`);
    await page.evaluate(() => {
      // A browser that refuses the clipboard (a page not served over HTTPS, say).
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
    });
    await page.click('#copy-text');
    assert.match(await page.textContent('#copy-result'), /did not allow copying/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'copied-text');
    assert.match(await page.inputValue('#copied-text'), /^Waymark guidance as at/);
    assert.deepEqual(problems, []);
    await ctx.close();
  });

  it('the print view shows the answers and the guidance without the controls', async () => {
    const { ctx, problems } = await context(env.browser, env.url);
    const page = await open(ctx, env.page);
    await fillCase(page);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('#print-summary'), true);
    const paper = (await page.textContent('#print-summary')) ?? '';
    assert.match(paper, /The child has self-harmed: yes/);
    // The answers come first, then the guidance, then the sources as numbered notes.
    assert.ok(paper.indexOf('What was recorded') < paper.indexOf('What to do'), paper);
    assert.ok(paper.indexOf('Why') < paper.indexOf('Sources'), paper);
    for (const hiddenOnPaper of ['#case-form', '#step-nav', '.app-toolbar', '#guidance-bar', '.app-footer', '#guidance']) {
      assert.equal(await page.isVisible(hiddenOnPaper), false, hiddenOnPaper);
    }
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const pdf = await page.pdf({ format: 'A4', path: 'target/screenshots/hand-on.pdf' });
    assert.ok(pdf.length > 10000, 'a PDF with content');
    // A typical case fits on two sides of A4.
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
    assert.deepEqual(problems, []);
    await ctx.close();
  });
});
