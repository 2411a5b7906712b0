// The whole flow in a real browser, for three cases, with axe run on every state reached.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addEvent, answer, axe, context, guidance, open, useBrowser } from './harness.mjs';

const env = useBrowser();

/**
 * Steps through the form. `worries` and `soFar` fill their steps; every state is checked with
 * axe on the way, and the page must report no errors.
 */
async function walk({ age, worries = async () => {}, soFar = async () => {}, view = async () => {} }) {
  const { ctx, problems } = await context(env.browser, env.url);
  const page = await open(ctx, env.page);
  const violations = [];
  const check = async (state) => violations.push(...(await axe(page)).map((v) => `${state}: ${v}`));
  await check('about the child');
  await age(page);
  await page.click('[data-continue="child"]');
  await page.waitForSelector('#step-worries:not([hidden])');
  await worries(page);
  await check('worries');
  await page.click('[data-continue="worries"]');
  await page.waitForSelector('#step-so-far:not([hidden])');
  await soFar(page);
  await check('so far');
  await page.click('[data-continue="so-far"]');
  await page.waitForSelector('#step-view:not([hidden])');
  await view(page);
  await check('your view');
  await page.click('[data-continue="view"]');
  await page.waitForSelector('#step-check:not([hidden])');
  await check('check your answers');
  return { page, ctx, violations, problems };
}

describe('the whole flow', () => {
  it('a baby with an injury reaches child protection and the referral to social care', async () => {
    const { page, ctx, violations, problems } = await walk({
      age: async (page) => {
        await page.check('#age-mode-months');
        await page.fill('#age-months', '4');
      },
      worries: async (page) => answer(page, 'injury-non-mobile', 'yes'),
    });
    const seen = await guidance(page);
    assert.equal(seen.level, 'child-protection');
    assert.equal(seen.emergency, false);
    assert.ok(seen.routes.includes('childrens-social-care'), seen.routes.join());
    assert.ok(seen.reasons.includes('injury-non-mobile'), seen.reasons.join());
    // Check your answers lists the answer and the age, each with a way to change it.
    const summary = await page.textContent('#check-answers');
    assert.match(summary, /A baby who is not yet mobile has a bruise or any other injury\s*Yes/);
    assert.match(summary, /4 months/);
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
    await ctx.close();
  });

  it('a teenager missing three times with signs of county lines gets the NRM and the exploitation panel', async () => {
    const { page, ctx, violations, problems } = await walk({
      age: async (page) => {
        await page.check('#age-mode-years');
        await page.fill('#age-years', '15');
      },
      worries: async (page) => {
        await answer(page, 'county-lines', 'yes');
        const today = new Date();
        for (const daysAgo of [3, 20, 40]) {
          const date = new Date(today.getFullYear(), today.getMonth(), today.getDate() - daysAgo);
          await addEvent(page, 'missing-episode', `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`);
        }
        assert.equal(await page.locator('#e-missing-episode-dates li').count(), 3);
      },
    });
    const seen = await guidance(page);
    assert.equal(seen.level, 'child-protection');
    for (const route of ['childrens-social-care', 'nrm', 'exploitation-panel']) assert.ok(seen.routes.includes(route), `${route} in ${seen.routes}`);
    assert.ok(seen.reasons.includes('missing-repeatedly'), seen.reasons.join());
    // The NRM says who may refer: only a First Responder.
    assert.match(await page.textContent('#guidance [data-route="nrm"]'), /First Responder/);
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
    await ctx.close();
  });

  it('a closed referral with a persisting worry escalates, and a lower view is kept beside the rules', async () => {
    const { page, ctx, violations, problems } = await walk({
      age: async (page) => {
        await page.check('#age-mode-years');
        await page.fill('#age-years', '9');
      },
      worries: async (page) => {
        await answer(page, 'neglect-basic-care', 'yes');
        await answer(page, 'home-conditions', 'yes');
      },
      soFar: async (page) => {
        await page.check('#referral-closed-no-further-action');
        await page.check('#f-still-worried');
      },
      view: async (page) => {
        await page.check('#judgement-level');
        await page.fill('#judgement-reason', 'Things seem better at home this week');
      },
    });
    const seen = await guidance(page);
    assert.notEqual(seen.level, 'universal', 'the lower view does not replace the rules');
    assert.deepEqual(seen.stages, ['practitioner', 'managers', 'senior-managers', 'partnership']);
    assert.ok(seen.actions.includes('escalate-in-writing'), seen.actions.join());
    assert.ok(seen.actions.includes('discuss-your-view'), seen.actions.join());
    assert.match(await page.textContent('#guidance .app-judgement'), /lower than the rules reach/);
    // Local timescales are not set, so each is marked as a default.
    assert.match(await page.textContent('#escalation'), /a default: check your local procedure/);
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
    await ctx.close();
  });

  it('a child in danger now shows "Call 999 now" at once, and it is announced', async () => {
    const { ctx, problems } = await context(env.browser, env.url);
    const page = await open(ctx, `${env.page}#worries`);
    const announcer = page.locator('#announcer');
    assert.equal(await announcer.getAttribute('aria-live'), 'polite');
    await answer(page, 'danger-now', 'yes');
    assert.match(await announcer.textContent(), /^Emergency: call 999 now\. Level of need: Immediate danger\./);
    // The banner interrupts once, when the danger appears; later redraws do not repeat it.
    assert.equal(await page.getAttribute('#guidance [data-testid="emergency"]', 'role'), 'alert');
    await answer(page, 'bullying', 'yes');
    assert.equal(await page.getAttribute('#guidance [data-testid="emergency"]', 'role'), 'region');
    const seen = await guidance(page);
    assert.equal(seen.emergency, true);
    assert.equal(seen.level, 'immediate-danger');
    assert.equal(seen.routes[0], 'police-emergency');
    assert.match(await page.textContent('#guidance [data-testid="emergency"]'), /Call 999 now/);
    assert.match(await page.textContent('#guidance-bar'), /Call 999 now/);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, []);
    await ctx.close();
  });
});

describe('open questions', () => {
  it('a question the answers decide together names what to find out first and folds the rest away', async () => {
    const { ctx, problems } = await context(env.browser, env.url);
    const page = await open(ctx, env.page);
    await page.check('#age-mode-years');
    await page.fill('#age-years', '9');
    await page.click('[data-continue="child"]');
    await page.waitForSelector('#step-worries:not([hidden])');
    await answer(page, 'bereaved-by-suicide', 'not-known');
    const item = page.locator('#questions > li', { hasText: 'other things' });
    assert.equal(await item.count(), 1);
    assert.match(
      await item.textContent(),
      /^Find out whether someone close to the child \(a parent, brother or sister, friend or classmate\) has died by suicide, and then 4 other things: together they decide whether the level rises to Complex needs/,
    );
    // The rest are there, folded: none alone would change the guidance.
    const others = item.locator('details');
    assert.equal(await others.getAttribute('open'), null);
    assert.equal((await others.locator('summary').textContent())?.trim(), 'The 4 other things to find out');
    await others.locator('summary').click();
    assert.equal(await others.locator('.govuk-details__text li').count(), 4);
    assert.match((await others.locator('.govuk-details__text li').first().textContent()) ?? '', /^whether /);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, []);
    await ctx.close();
  });
});

describe('errors', () => {
  it('a bad date is named in an error summary linked to its field, and nothing typed is lost', async () => {
    const { ctx, problems } = await context(env.browser, env.url);
    const page = await open(ctx, env.page);
    await page.check('#age-mode');
    await page.fill('#dob-day', '31');
    await page.fill('#dob-month', '2');
    await page.fill('#dob-year', '2015');
    await page.click('[data-continue="child"]');
    // Still on the first step, with the summary focused and the field marked.
    assert.equal(await page.isVisible('#step-child'), true);
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')), true);
    assert.match(await page.textContent('#steps .govuk-error-summary'), /The date of birth must be a real date/);
    assert.match(await page.textContent('#dob-error'), /Error: The date of birth must be a real date/);
    assert.equal(await page.inputValue('#dob-day'), '31');
    assert.deepEqual(await axe(page), []);
    // The link takes the cursor to the field.
    await page.click('#steps .govuk-error-summary a');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'dob-day');
    // Fixed, the step lets you on.
    await page.fill('#dob-day', '28');
    await page.click('[data-continue="child"]');
    // The step changes once the corrected date is read back, as the other steps here do.
    await page.waitForSelector('#step-worries:not([hidden])');
    assert.equal(await page.isVisible('#step-worries'), true);
    assert.equal(await page.locator('#steps .govuk-error-summary').count(), 0);
    assert.deepEqual(problems, []);
    await ctx.close();
  });

  it('a level without a reason is an error, and the rest of the guidance still updates', async () => {
    const { ctx, problems } = await context(env.browser, env.url);
    const page = await open(ctx, `${env.page}#view`);
    await page.check('#judgement-level-child-protection');
    // No reason yet: the view is not used, and continuing says why.
    assert.equal((await guidance(page)).level, 'universal');
    await page.click('[data-continue="view"]');
    assert.match(await page.textContent('#steps .govuk-error-summary'), /Give the reason for your view of the level/);
    await page.fill('#judgement-reason', 'He told me his stepfather hits him');
    assert.equal((await guidance(page)).level, 'child-protection');
    assert.deepEqual(problems, []);
    await ctx.close();
  });

  it('check your answers lists what still needs fixing, and Change goes to the field', async () => {
    const { ctx, problems } = await context(env.browser, env.url);
    const page = await open(ctx, env.page);
    await page.check('#age-mode-years');
    await page.fill('#age-years', 'fourteen');
    await page.goto(`${env.page}#check`);
    assert.match(await page.textContent('#step-check .govuk-error-summary'), /Enter the age in whole years/);
    assert.deepEqual(await axe(page), []);
    await page.click('#check-answers a[data-focus="age-mode"]');
    assert.equal(await page.isVisible('#step-child'), true);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'age-mode');
    assert.deepEqual(problems, []);
    await ctx.close();
  });
});

describe('finding the questions', () => {
  it('search narrows the questions and the age hides those for other ages, unless asked', async () => {
    const { ctx, problems } = await context(env.browser, env.url);
    const page = await open(ctx, env.page);
    await page.check('#age-mode-months');
    await page.fill('#age-months', '3');
    await page.goto(`${env.page}#worries`);
    // Whether a question is offered (its group may be folded away until opened).
    const offered = (id) => page.evaluate((id) => !document.querySelector(`[data-indicator="${id}"]`)?.hidden, id);
    // A 3-month-old is not asked about school exclusion; a baby's injury is asked.
    assert.equal(await offered('injury-non-mobile'), true);
    assert.equal(await offered('permanent-exclusion'), false);
    assert.match(await page.textContent('#age-filter-text'), /hidden because/);
    await page.click('#age-filter-toggle');
    assert.equal(await offered('permanent-exclusion'), true);
    // Searching by another word for it ("DNA") finds "not brought", at the top, unfolded.
    await page.fill('#search', 'dna');
    assert.equal(await page.isVisible('#e-not-brought-day'), true);
    assert.equal(await page.isVisible('#q-injury-non-mobile'), false);
    assert.equal(await page.getAttribute('#search-results [data-indicator]', 'data-indicator'), 'not-brought');
    assert.match(await page.textContent('#search-count'), /questions? match(es)? “dna”/);
    // Everyday words find the questions they mean, best first.
    await page.fill('#search', 'grabbed');
    assert.match(await page.textContent('#search-results'), /bruises shaped like a hand/);
    await page.fill('#search', 'brusies');
    assert.match(await page.textContent('#search-count'), /Showing results for “bruises”/);
    // A word nobody uses for anything says so, and offers the groups to browse.
    await page.fill('#search', 'zzxqv');
    assert.match(await page.textContent('#search-count'), /No question matches “zzxqv”/);
    // A group from the list clears the search and opens it.
    await page.click('#search-count a[data-clear-search="infants"]');
    assert.equal(await page.inputValue('#search'), '');
    assert.equal(await page.isVisible('#q-injury-non-mobile'), true);
    assert.deepEqual(problems, []);
    await ctx.close();
  });
});
