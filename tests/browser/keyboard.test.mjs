// The whole flow by keyboard alone, with the focus visible at every stop.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { axe, context, guidance, open, useBrowser } from './harness.mjs';
import { description } from './node-engine.mjs';

const env = useBrowser();

/**
 * Presses Tab until the focus reaches `selector`, checking on the way that every focused
 * element shows it has the focus. Fails if it takes more than `limit` presses.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} selector
 */
async function tabTo(page, selector, limit = 400) {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    const state = await page.evaluate((wanted) => {
      const element = document.activeElement;
      if (!element || element === document.body) return { reached: false, visible: true, name: 'body' };
      const style = getComputedStyle(element);
      // GOV.UK Frontend's focus state: a yellow outline or background, or a thick box-shadow.
      const visible = style.outlineStyle !== 'none' || style.boxShadow !== 'none' || style.backgroundColor === 'rgb(255, 221, 0)';
      return { reached: element.matches(wanted), visible, name: `${element.tagName.toLowerCase()}#${element.id}` };
    }, selector);
    assert.ok(state.visible, `the focus on ${state.name} is not visible`);
    if (state.reached) return;
  }
  assert.fail(`Tab never reached ${selector}`);
}

describe('keyboard only', () => {
  it('completes the flow and hands it on without a mouse', async () => {
    const { ctx, problems } = await context(env.browser, env.url, { permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await open(ctx, env.page);

    // The skip link is the first stop and takes you to the content.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to main content');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main-content');

    // About the child: arrow keys choose within a group of radios.
    await tabTo(page, '#age-mode');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.isChecked('#age-mode-years'), true);
    await tabTo(page, '#age-years');
    await page.keyboard.type('10');
    await tabTo(page, '[data-continue="child"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#step-worries:not([hidden])');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'step-worries-title');

    // Worries: search, then answer with the space bar.
    await tabTo(page, '#search');
    await page.keyboard.type('self-harmed');
    await tabTo(page, '#q-self-harm');
    await page.keyboard.press('Space');
    assert.equal(await page.isChecked('#q-self-harm'), true);
    // Dates for a repeated event, added with Enter.
    await page.fill('#search', 'police called');
    await tabTo(page, '#e-police-callout-day');
    await page.keyboard.type('2');
    await page.keyboard.press('Tab');
    await page.keyboard.type('11');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2026');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#e-police-callout-dates li').count(), 1);
    await tabTo(page, '[data-continue="worries"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#step-so-far:not([hidden])');

    // What has happened so far.
    await tabTo(page, '#f-still-worried');
    await page.keyboard.press('Space');
    await tabTo(page, '[data-continue="so-far"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#step-view:not([hidden])');

    // Your view: a higher level, with its reason.
    await tabTo(page, '#judgement-level');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    assert.equal(await page.isChecked('#judgement-level-child-protection'), true);
    await tabTo(page, '#judgement-reason');
    await page.keyboard.type('She is frightened of her brother’s friends');
    await tabTo(page, '[data-continue="view"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#step-check:not([hidden])');

    const seen = await guidance(page);
    assert.equal(seen.level, 'child-protection');
    assert.match(await page.textContent('#check-answers'), /The child has self-harmed\s*Yes/);

    // Hand it on, and open the trace, by keyboard.
    await tabTo(page, '#copy-text');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#copied-text');
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), /Level of need: Acute need/);
    await tabTo(page, '#guidance details[data-key="trace"] summary');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#trace table');
    // One row for every rule the ruleset describes; a rule that fired on the self-harm answer
    // says so, in the indicator's words (the trace sends what each test found once, by position).
    const rows = await page.$$eval('#trace tbody tr', (trs) => trs.map((tr) => ({ status: tr.className, cells: [...tr.children].map((c) => c.textContent) })));
    assert.deepEqual(rows.map((row) => row.cells[0]), description.reasons.map((reason) => reason.rule));
    assert.ok(rows.some((row) => row.status.includes('app-trace__row--fired') && row.cells[1] === 'Applies' && row.cells[2].includes('The child has self-harmed: yes')));
    assert.ok(rows.some((row) => row.status.includes('app-trace__row--not-fired') && row.cells[1] === 'Does not apply'));
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, []);
    await ctx.close();
  });
});
