// Setting up an organisation's copy, as a designated safeguarding lead would, with no JSON and
// no command line: the setup view inside the single file makes a copy whose guidance shows the
// contacts entered, which opens again for editing with them intact; bad input is refused at its
// field with no download. Also the multi-file setup page, which makes its copy from the single
// file beside it. axe on every state; screenshots at 390 and 1280 pixels.

import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { answer, axe, guidance, screenshot, useBrowser } from './harness.mjs';
import { RIGHT_TYPES, SINGLE_FILE, downloaded, fileContext, openContact, openFile, patchedSite, saved, typedServer } from './dist-harness.mjs';

const env = useBrowser();

/** What the DSL of an example school enters. */
const SCHOOL = {
  organisation: 'Northfield Primary School',
  dsl: { name: 'Ms A Patel, head teacher (DSL)', phone: '020 7946 0001', hours: 'School days, 8am to 5pm' },
  mash: { phone: '020 7946 0002', hours: 'Monday to Friday, 9am to 5pm' },
  outOfHours: { phone: '020 7946 0003' },
  level: 'Level 4: child protection',
  days: '2',
};

/**
 * Fills the setup form for the example school.
 *
 * @param {import('playwright-core').Page} page
 */
async function fillSchool(page) {
  await page.fill('#organisation', SCHOOL.organisation);
  await openContact(page, 'dsl');
  await page.fill('#contact-dsl-name', SCHOOL.dsl.name);
  await page.fill('#contact-dsl-phone', SCHOOL.dsl.phone);
  await page.fill('#contact-dsl-hours', SCHOOL.dsl.hours);
  await openContact(page, 'mash');
  await page.fill('#contact-mash-phone', SCHOOL.mash.phone);
  await page.fill('#contact-mash-hours', SCHOOL.mash.hours);
  await openContact(page, 'emergency-duty-team');
  await page.fill('#contact-emergency-duty-team-phone', SCHOOL.outOfHours.phone);
  await page.fill('#level-child-protection-name', SCHOOL.level);
  await page.fill('#stage-practitioner-days', SCHOOL.days);
}

/** What the form shows: every field's value, by id. */
async function values(page) {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-setup-field]')].map(($input) => [$input.id, /** @type {HTMLInputElement} */ ($input).value])));
}

/** The error summary's items and the messages at fields. */
async function errors(page) {
  return page.evaluate(() => ({
    summary: [...document.querySelectorAll('#setup-summary .govuk-error-summary__list a')].map(($a) => [$a.getAttribute('href'), $a.textContent]),
    fields: [...document.querySelectorAll('#setup-fields .govuk-error-message')].map(($m) => [$m.closest('[data-field]')?.getAttribute('data-field'), $m.textContent]),
    focused: document.activeElement?.closest('.govuk-error-summary') ? 'summary' : document.activeElement?.id,
  }));
}

/**
 * Tries to download, and says whether anything was downloaded within a second.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} button
 */
async function triesDownload(page, button) {
  const waiting = page.waitForEvent('download', { timeout: 1500 }).then(
    () => true,
    () => false,
  );
  await page.click(button);
  return waiting;
}

describe('setting up a copy in the single file', () => {
  it('makes a copy whose guidance shows the contacts entered, which reopens for editing with them intact', async () => {
    const { ctx, refused, problems } = await fileContext(env.browser);
    const page = await openFile(ctx, '#setup');
    const violations = [];
    const check = async (state) => violations.push(...(await axe(page)).map((v) => `${state}: ${v}`));
    await check('empty');
    await screenshot(page, 'setup-empty');
    await fillSchool(page);

    // The preview follows what is typed, in the guide's words.
    assert.match(await page.textContent('#preview-organisation'), /Northfield Primary School/);
    assert.match(await page.textContent('#preview-contacts [data-contact="dsl"]'), /^Ms A Patel, head teacher \(DSL\): 020 7946 0001, School days, 8am to 5pm$/);
    assert.match(await page.textContent('#preview-levels [data-level="child-protection"]'), /Level 4: child protection/);
    assert.match(await page.textContent('#preview-stages [data-stage="practitioner"]'), /Within 2 working days\.$/);
    assert.match(await page.textContent('#preview-status'), /What your staff will see/);
    assert.deepEqual((await errors(page)).fields, []);
    await check('filled');
    await screenshot(page, 'setup-filled');

    const copy = await downloaded(page, () => page.click('#download-copy'));
    assert.equal(copy.name, 'waymark-northfield-primary-school.html');
    assert.match(await page.textContent('#setup-notice'), /Your copy has been downloaded as waymark-northfield-primary-school\.html/);
    const profile = await downloaded(page, () => page.click('#download-profile'));
    assert.equal(profile.name, 'northfield-primary-school.json');
    assert.deepEqual(JSON.parse(profile.text), {
      format: 'waymark-profile/1',
      id: 'northfield-primary-school',
      organisation: 'Northfield Primary School',
      ruleset: 'england-default',
      levels: { 'child-protection': { name: SCHOOL.level } },
      contacts: {
        dsl: SCHOOL.dsl,
        mash: { phone: SCHOOL.mash.phone, hours: SCHOOL.mash.hours },
        'emergency-duty-team': { phone: SCHOOL.outOfHours.phone },
      },
      escalation: { practitioner: { timescale: { workingDays: 2 } } },
    });
    await check('downloaded');

    // The copy is the guide, with the school's details in its guidance.
    const guide = await openFile(ctx, '', copy.path);
    assert.match(await guide.textContent('#footer-ruleset'), /with local details for Northfield Primary School/);
    await guide.check('#age-mode-months');
    await guide.fill('#age-months', '4');
    await guide.goto(`${guide.url()}#worries`);
    await answer(guide, 'injury-non-mobile', 'yes');
    const seen = await guidance(guide);
    assert.equal(seen.level, 'child-protection');
    assert.equal(await guide.textContent('#level-name'), SCHOOL.level);
    const said = await guide.textContent('#guidance');
    assert.match(said, /Ms A Patel, head teacher \(DSL\): 020 7946 0001, School days, 8am to 5pm/);
    assert.match(said, /020 7946 0002, Monday to Friday, 9am to 5pm/);
    assert.match(said, /020 7946 0003/);
    await screenshot(guide, 'setup-copy-guidance');

    // It opens again for editing, with everything intact, and makes the same copy again.
    const again = await openFile(ctx, '#setup', copy.path);
    const shown = await values(again);
    assert.equal(shown.organisation, SCHOOL.organisation);
    assert.equal(shown['contact-dsl-name'], SCHOOL.dsl.name);
    assert.equal(shown['contact-dsl-phone'], SCHOOL.dsl.phone);
    assert.equal(shown['contact-mash-phone'], SCHOOL.mash.phone);
    assert.equal(shown['contact-emergency-duty-team-phone'], SCHOOL.outOfHours.phone);
    assert.equal(shown['level-child-protection-name'], SCHOOL.level);
    assert.equal(shown['stage-practitioner-days'], SCHOOL.days);
    assert.equal(await again.isVisible('#contact-dsl-phone'), true, 'a contact with details opens');
    const second = await downloaded(again, () => again.click('#download-copy'));
    const third = await openFile(ctx, '#setup', second.path).then((p) => downloaded(p, () => p.click('#download-copy')));
    assert.equal(third.text, second.text, 'a copy of a copy is the same file');

    // Changed and saved again: the new copy carries the change.
    await openContact(again, 'dsl');
    await again.fill('#contact-dsl-phone', '020 7946 0009');
    const changed = await downloaded(again, () => again.click('#download-copy'));
    const reopened = await openFile(ctx, '#setup', changed.path);
    assert.equal((await values(reopened))['contact-dsl-phone'], '020 7946 0009');

    assert.deepEqual(refused, [], 'nothing leaves the device');
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
    await ctx.close();
  });

  it('refuses bad input at its field, says why, and downloads nothing', async () => {
    const { ctx, problems } = await fileContext(env.browser);
    const page = await openFile(ctx, '#setup');
    const violations = [];
    const check = async (state) => violations.push(...(await axe(page)).map((v) => `${state}: ${v}`));

    // A blank organisation name.
    assert.equal(await triesDownload(page, '#download-copy'), false);
    let shown = await errors(page);
    assert.deepEqual(shown.summary, [['#organisation', 'Enter the name of your school or organisation']]);
    assert.deepEqual(shown.fields, [['organisation', 'Error: Enter the name of your school or organisation']]);
    assert.equal(shown.focused, 'summary');
    await check('blank name');
    await screenshot(page, 'setup-error-blank');
    await page.click('#setup-summary a[href="#organisation"]');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'organisation');

    // An over-long number, with the limit said; the profile cannot be downloaded either.
    await page.fill('#organisation', 'Northfield Primary School');
    await openContact(page, 'deputy-dsl');
    await page.fill('#contact-deputy-dsl-phone', '020 7946 0000 extension 1234 or ask reception');
    shown = await errors(page);
    assert.deepEqual(shown.fields, [['contact-deputy-dsl-phone', 'Error: Deputy designated safeguarding lead: the phone number must be 40 characters or fewer (it has 45). Put anything more in the notes']]);
    assert.equal(await triesDownload(page, '#download-profile'), false);
    assert.deepEqual((await errors(page)).summary.map(([href]) => href), ['#contact-deputy-dsl-phone']);
    await check('long number');
    await screenshot(page, 'setup-error-long-number');
    await page.fill('#contact-deputy-dsl-phone', '020 7946 0000 ext 1234');
    assert.deepEqual(await errors(page), { summary: [], fields: [], focused: 'contact-deputy-dsl-phone' });

    // An imported profile naming a contact the ruleset lacks: the problem at its own row.
    const file = saved('imported.json', JSON.stringify({
      format: 'waymark-profile/1',
      id: 'riverside-academy',
      organisation: 'Riverside Academy',
      ruleset: 'england-default',
      contacts: { dsl: { phone: '01632 960001' }, 'school-nurse': { phone: '01632 960002' } },
    }));
    await page.setInputFiles('#import-file', file);
    await page.waitForSelector('#setup-summary .govuk-error-summary');
    shown = await errors(page);
    assert.deepEqual(shown.summary.map(([href]) => href), ['#extra-contacts-school-nurse']);
    assert.match(shown.summary[0][1], /This ruleset has no contact “school-nurse”/);
    assert.deepEqual(shown.fields.map(([field]) => field), ['extra-contacts-school-nurse']);
    assert.equal(shown.focused, 'summary');
    assert.equal((await values(page))['contact-dsl-phone'], '01632 960001', 'the rest of the profile is read');
    assert.equal(await triesDownload(page, '#download-copy'), false);
    await check('unknown contact');
    await screenshot(page, 'setup-error-unknown-contact');
    await page.click('#extra-contacts-school-nurse');
    assert.deepEqual((await errors(page)).summary, []);
    const copy = await downloaded(page, () => page.click('#download-copy'));
    assert.equal(copy.name, 'waymark-riverside-academy.html');

    // A profile for another ruleset is not opened at all, and nothing changes.
    const other = saved('other.json', JSON.stringify({ format: 'waymark-profile/1', id: 'x', organisation: 'X', ruleset: 'wales-default' }));
    await page.setInputFiles('#import-file', other);
    await page.waitForSelector('#setup-summary .govuk-error-summary');
    shown = await errors(page);
    assert.deepEqual(shown.summary.map(([href]) => href), ['#import-file']);
    assert.match(shown.summary[0][1], /other\.json was not opened\. The profile was written for the ruleset “wales-default”/);
    assert.equal((await values(page)).organisation, 'Riverside Academy');
    await check('other ruleset');

    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
    await ctx.close();
  });

  it('moves a copy’s details into a newer guide by opening the copy', async () => {
    const { ctx, problems } = await fileContext(env.browser);
    const first = await openFile(ctx, '#setup');
    await fillSchool(first);
    const copy = await downloaded(first, () => first.click('#download-copy'));
    const fresh = await openFile(ctx, '#setup');
    await fresh.setInputFiles('#import-file', copy.path);
    await fresh.waitForSelector('#setup-done');
    const shown = await values(fresh);
    assert.equal(shown.organisation, SCHOOL.organisation);
    assert.equal(shown['contact-mash-phone'], SCHOOL.mash.phone);
    assert.deepEqual(await axe(fresh), []);
    assert.deepEqual(problems, []);
    await ctx.close();
  });

  for (const width of [390, 1280]) {
    it(`looks right at ${width} pixels`, async () => {
      const { ctx, problems } = await fileContext(env.browser, { viewport: { width, height: 900 } });
      const page = await openFile(ctx, '#setup');
      await screenshot(page, 'setup-top');
      await fillSchool(page);
      await page.locator('#section-contacts-title').scrollIntoViewIfNeeded();
      await screenshot(page, 'setup-contacts');
      await page.locator('#section-download-title').scrollIntoViewIfNeeded();
      await screenshot(page, 'setup-download');
      await page.locator('#preview-title').scrollIntoViewIfNeeded();
      await screenshot(page, 'setup-preview');
      // Nothing wider than the screen.
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(problems, []);
      await ctx.close();
    });
  }
});

describe('the multi-file setup page', () => {
  it('checks as the single file does, and makes its copy from the single file beside it', async () => {
    const site = patchedSite();
    copyFileSync(SINGLE_FILE, join(site, 'www/waymark.html'));
    const server = await typedServer(site, RIGHT_TYPES);
    try {
      const { ctx, problems } = await fileContext(env.browser);
      await ctx.unroute('**/*');
      await ctx.route('**/*', (route) => (/^(file|data|blob):/.test(route.request().url()) || route.request().url().startsWith(server.url) ? route.continue() : route.abort()));
      const page = await ctx.newPage();
      await page.goto(`${server.url}www/setup.html?profile=school-example`);
      await page.waitForSelector('html[data-waymark-ready], html[data-waymark-failed]', { state: 'attached' });
      assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-waymark-ready')), true, await page.textContent('#failure-reason'));
      assert.equal((await values(page)).organisation, 'Example Primary School (example profile)');
      await page.fill('#organisation', '');
      assert.equal(await triesDownload(page, '#download-copy'), false);
      assert.deepEqual((await errors(page)).summary.map(([href]) => href), ['#organisation']);
      await page.fill('#organisation', SCHOOL.organisation);
      await openContact(page, 'dsl');
      await page.fill('#contact-dsl-phone', SCHOOL.dsl.phone);
      const copy = await downloaded(page, () => page.click('#download-copy'));
      assert.equal(copy.name, 'waymark-school-example.html');
      const guide = await openFile(ctx, '', copy.path);
      assert.match(await guide.textContent('#footer-ruleset'), /with local details for Northfield Primary School/);
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(problems, []);
      await ctx.close();
    } finally {
      await server.stop();
    }
  });
});
