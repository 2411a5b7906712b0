// The fail-safe: whatever fails to load, the page still says what to do in an emergency and why
// the guidance is missing, never a blank page.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { axe, context, open, useBrowser } from './harness.mjs';

const env = useBrowser();

/**
 * Opens the page with some requests failing, and returns what the fail-safe shows.
 *
 * @param {(ctx: import('playwright-core').BrowserContext) => Promise<void>} sabotage
 */
async function failing(sabotage) {
  const { ctx } = await context(env.browser, env.url);
  await sabotage(ctx);
  const page = await open(ctx, env.page);
  const shown = await page.evaluate(() => ({
    failed: document.documentElement.hasAttribute('data-waymark-failed'),
    failure: !(/** @type {HTMLElement} */ (document.getElementById('failure')).hidden),
    app: !(/** @type {HTMLElement} */ (document.getElementById('app')).hidden),
    loading: !(/** @type {HTMLElement} */ (document.getElementById('loading')).hidden),
    text: document.getElementById('failure')?.innerText ?? '',
    reason: document.getElementById('failure-reason')?.textContent ?? '',
  }));
  const violations = await axe(page);
  await ctx.close();
  return { ...shown, violations };
}

/** What every failure must still tell a practitioner. */
function assertEmergencySteps(shown) {
  assert.equal(shown.failed, true);
  assert.equal(shown.failure, true);
  assert.equal(shown.app, false);
  assert.equal(shown.loading, false);
  assert.match(shown.text, /The guidance could not load/);
  assert.match(shown.text, /call 999/);
  assert.match(shown.text, /designated safeguarding lead/);
  assert.match(shown.text, /NSPCC Helpline on 0808 800 5000/);
  assert.deepEqual(shown.violations, []);
}

describe('fail-safe', () => {
  it('the WebAssembly engine blocked', async () => {
    const shown = await failing((ctx) => ctx.route('**/*.wasm', (route) => route.abort()));
    assertEmergencySteps(shown);
    assert.match(shown.reason, /guidance engine \(WebAssembly\) could not start/);
  });

  it('the ruleset missing', async () => {
    const shown = await failing((ctx) => ctx.route('**/rulesets/england.json', (route) => route.fulfill({ status: 404, body: 'Not found' })));
    assertEmergencySteps(shown);
    assert.match(shown.reason, /The ruleset could not be fetched \(404\)/);
  });

  it('a ruleset with a mistake in it', async () => {
    const shown = await failing((ctx) =>
      ctx.route('**/rulesets/england.json', async (route) => {
        const response = await route.fetch();
        const ruleset = await response.json();
        ruleset.rules[3].when = { yes: 'no-such-indicator' };
        await route.fulfill({ response, json: ruleset });
      }),
    );
    assertEmergencySteps(shown);
    assert.match(shown.reason, /rules\[3\]\.when\.yes: unknown indicator "no-such-indicator"/);
  });

  it('a profile that does not exist', async () => {
    const { ctx } = await context(env.browser, env.url);
    const page = await open(ctx, `${env.page}?profile=nowhere`);
    assert.match(await page.textContent('#failure-reason'), /local profile “nowhere” could not be fetched \(404\)/);
    await ctx.close();
  });

  it('the page’s own script missing', async () => {
    const shown = await failing((ctx) => ctx.route('**/js/guidance.mjs', (route) => route.abort()));
    assertEmergencySteps(shown);
    assert.match(shown.reason, /could not be loaded/);
  });

  it('opened from a file, where browsers refuse modules: the fail-safe shows at once', async () => {
    const ctx = await env.browser.newContext();
    const page = await ctx.newPage();
    await page.goto(new URL('../../www/index.html', import.meta.url).href);
    await page.waitForSelector('html[data-waymark-failed]', { state: 'attached', timeout: 5000 });
    assert.match(await page.innerText('#failure'), /call 999[\s\S]*NSPCC Helpline on 0808 800 5000/);
    await ctx.close();
  });

  it('JavaScript turned off: the noscript message says the same', async () => {
    const { ctx } = await context(env.browser, env.url, { javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(env.page);
    const text = await page.innerText('main');
    assert.match(text, /This guide needs JavaScript/);
    assert.match(text, /call 999/);
    assert.match(text, /designated safeguarding lead/);
    assert.match(text, /0808 800 5000/);
    await ctx.close();
  });
});

describe('a working profile', () => {
  it('?profile= names a local profile, whose names and timescales the guidance uses', async () => {
    const { ctx, problems } = await context(env.browser, env.url);
    const page = await open(ctx, `${env.page}?profile=sutton-example#view`);
    assert.match(await page.textContent('#step-view'), /Tier 3: complex multiple needs/);
    assert.match(await page.textContent('#footer-ruleset'), /with local details for/);
    await page.goto(`${env.page}?profile=sutton-example#so-far`);
    await page.check('#referral-closed-no-further-action');
    await page.check('#f-still-worried');
    const escalation = await page.textContent('#escalation');
    assert.match(escalation, /independent scrutineer, who mediates/);
    // The profile set every timescale, so none is marked as a default to localise.
    assert.doesNotMatch(escalation, /a default/);
    assert.deepEqual(problems, []);
    await ctx.close();
  });
});
