// The safety semantics as a practitioner meets them on the page: a worry is never "no
// additional needs", danger now is asked first, a missing episode has a start and an end, and
// consent advice never reaches the family of a risky adult.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answer, axe, context, guidance, open, openGroupOf, useBrowser } from './harness.mjs';

const env = useBrowser();

/** The date `days` before today, as the page's day, month and year inputs take it. */
function daysAgo(days) {
  const today = new Date();
  const date = new Date(today.getFullYear(), today.getMonth(), today.getDate() - days);
  return { day: String(date.getDate()), month: String(date.getMonth() + 1), year: String(date.getFullYear()) };
}

/** @param {import('playwright-core').Page} page */
async function age(page, years) {
  await page.check('#age-mode-years');
  await page.fill('#age-years', String(years));
}

describe('safety on the page', () => {
  it('a missing episode is recorded from the day they went until the day they came back, and the return home interview is due 72 hours after the return', async () => {
    const { ctx, problems } = await context(env.browser, env.url);
    const page = await open(ctx, env.page);
    await age(page, 14);
    await page.click('[data-continue="child"]');
    await page.waitForSelector('#step-worries:not([hidden])');
    const went = daysAgo(10);
    const back = daysAgo(1);
    await openGroupOf(page, '#e-missing-episode-day');
    for (const [prefix, date] of [['#e-missing-episode', went], ['#e-missing-episode-until', back]]) {
      await page.fill(`${prefix}-day`, date.day);
      await page.fill(`${prefix}-month`, date.month);
      await page.fill(`${prefix}-year`, date.year);
    }
    await page.click('[data-add-event="missing-episode"]:not([data-times])');
    const listed = await page.textContent('#e-missing-episode-dates');
    assert.match(listed ?? '', / to /, 'the episode is listed with its end');
    const seen = await guidance(page);
    assert.ok(seen.actions.includes('return-home-interview'), seen.actions.join());
    assert.notEqual(seen.level, 'universal');
    // Due three days after the return, whatever day it is today.
    const due = await page.textContent('#guidance [data-action="return-home-interview"] .app-due');
    const expected = new Date();
    expected.setDate(expected.getDate() - 1 + 3);
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    assert.equal(due, `(by ${expected.getDate()} ${months[expected.getMonth()]} ${expected.getFullYear()})`);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, []);
    await ctx.close();
  });

  it('a last day before the first day is refused at its field, and what was typed stays', async () => {
    const { ctx, problems } = await context(env.browser, env.url);
    const page = await open(ctx, `${env.page}#worries`);
    const went = daysAgo(3);
    const back = daysAgo(5);
    await openGroupOf(page, '#e-missing-episode-day');
    for (const [prefix, date] of [['#e-missing-episode', went], ['#e-missing-episode-until', back]]) {
      await page.fill(`${prefix}-day`, date.day);
      await page.fill(`${prefix}-month`, date.month);
      await page.fill(`${prefix}-year`, date.year);
    }
    await page.click('[data-add-event="missing-episode"]:not([data-times])');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'e-missing-episode-until-day');
    assert.match((await page.textContent('[data-field="e-missing-episode"]')) ?? '', /on or after the day it began/);
    assert.equal(await page.inputValue('#e-missing-episode-until-day'), back.day);
    assert.equal(await page.locator('#e-missing-episode-dates li').count(), 0);
    assert.deepEqual(problems, []);
    await ctx.close();
  });

  it('a worry the rules do not rate is not headed "no additional needs", and the lowest level still says what to do', async () => {
    const { ctx, problems } = await context(env.browser, env.url);
    const page = await open(ctx, `${env.page}#worries`);
    const before = await guidance(page);
    assert.equal(before.level, 'universal');
    assert.ok(before.actions.includes('record-and-watch'), before.actions.join());
    await answer(page, 'behaviour-change', 'yes');
    const after = await guidance(page);
    assert.notEqual(after.level, 'universal');
    assert.ok(after.actions.includes('tell-safeguarding-lead'), after.actions.join());
    assert.deepEqual(problems, []);
    await ctx.close();
  });

  it('a parent at risk of ending their life: the first thing to find out is whether anyone is in danger now, and a yes puts 999 first', async () => {
    const { ctx, problems } = await context(env.browser, env.url);
    const page = await open(ctx, `${env.page}#worries`);
    await answer(page, 'adult-suicide-risk', 'yes');
    let seen = await guidance(page);
    assert.equal(seen.actions[0], 'check-danger-now', seen.actions.join());
    assert.ok(seen.routes.includes('adult-mental-health-crisis'), seen.routes.join());
    assert.match((await page.textContent('#guidance')) ?? '', /in danger now/);
    await answer(page, 'danger-now', 'yes');
    seen = await guidance(page);
    assert.equal(seen.level, 'immediate-danger');
    assert.equal(seen.actions[0], 'call-999');
    assert.equal(seen.routes[0], 'police-emergency');
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, []);
    await ctx.close();
  });

  it('with a violent adult in the household the page never advises asking the family for consent', async () => {
    const { ctx, problems } = await context(env.browser, env.url);
    const page = await open(ctx, `${env.page}#worries`);
    await answer(page, 'adult-violent-record', 'yes');
    const seen = await guidance(page);
    assert.ok(!seen.actions.includes('seek-consent'), seen.actions.join());
    assert.ok(seen.actions.includes('no-consent-if-risk'), seen.actions.join());
    const social = (await page.textContent('#guidance [data-route="childrens-social-care"]')) ?? '';
    assert.match(social, /Do not seek consent/);
    assert.doesNotMatch(social, /Seek the family's consent/);
    assert.deepEqual(problems, []);
    await ctx.close();
  });
});

describe('after a referral, and when a number is not set', () => {
  it('a referral says when to expect a decision and what to do if none comes, and an unset number says where to find it and what to use meanwhile', async () => {
    const { ctx, problems } = await context(env.browser, env.url);
    const page = await open(ctx, `${env.page}#worries`);
    await answer(page, 'domestic-abuse', 'yes');
    const social = (await page.textContent('#guidance [data-route="childrens-social-care"]')) ?? '';
    assert.match(social, /Expect a decision by \d+ \w+ \d{4}\. If you have heard nothing by then, chase it\. If you disagree with the decision and are still worried, escalate, starting with practitioner to practitioner/);
    // Not circular: where to find the number, and a national line until it is set.
    assert.match(social, /front door \(MASH\): not set\. Your local authority's website lists it/);
    assert.match(social, /Until it is set: NSPCC Helpline[^,]*, 0808 800 5000/);
    assert.doesNotMatch(social, /Ask your safeguarding lead for this contact/);
    assert.deepEqual(problems, []);
    await ctx.close();
  });
});

describe('events as people know them', () => {
  it('a month without a day, and "so many times since", are recorded, listed and counted', async () => {
    const { ctx, problems } = await context(env.browser, env.url);
    const page = await open(ctx, `${env.page}#worries`);
    const today = new Date();
    await openGroupOf(page, '#e-police-callout-day');
    // The day left blank: some day this month.
    await page.fill('#e-police-callout-month', String(today.getMonth() + 1));
    await page.fill('#e-police-callout-year', String(today.getFullYear()));
    await page.click('[data-add-event="police-callout"]:not([data-times])');
    // "Three times since January" of this year.
    await page.click('[data-field="e-police-callout"] .app-event__times summary');
    await page.fill('#e-police-callout-times-count', '3');
    await page.fill('#e-police-callout-times-month', '1');
    await page.fill('#e-police-callout-times-year', String(today.getFullYear()));
    await page.click('[data-add-event="police-callout"][data-times]');
    const listed = (await page.textContent('#e-police-callout-dates')) ?? '';
    assert.match(listed, /some day in \w+ \d{4}/);
    assert.match(listed, /3 times since January \d{4}/);
    // Four call-outs in a year, counted conservatively: the repeated call-outs rule applies.
    const seen = await guidance(page);
    assert.ok(seen.reasons.includes('police-callouts-repeated'), seen.reasons.join());
    assert.match((await page.textContent('#guidance')) ?? '', /known only roughly/);
    assert.deepEqual(problems, []);
    await ctx.close();
  });
});
