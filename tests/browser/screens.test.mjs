// The main states at phone, tablet and desktop widths: nothing overflows sideways, the level stays in
// view, axe finds nothing, and a screenshot of each goes to target/screenshots/ for a person to
// look at.

import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DESKTOP, PHONE, SCREENSHOTS, TABLET, addEvent, answer, axe, context, open, screenshot, useBrowser } from './harness.mjs';

const env = useBrowser();

/** The states worth looking at, each reached from a fresh page. */
const STATES = {
  start: async () => {},
  worries: async (page) => {
    await page.goto(`${env.page}#worries`);
    await answer(page, 'self-harm', 'yes');
    await answer(page, 'not-seen-alone', 'not-known');
    await page.fill('#search', 'missing');
    await addEvent(page, 'missing-episode', '2026-11-01');
  },
  emergency: async (page) => {
    await page.goto(`${env.page}#worries`);
    await answer(page, 'danger-now', 'yes');
  },
  escalation: async (page) => {
    await page.goto(`${env.page}#so-far`);
    await page.check('#referral-closed-no-further-action');
    await page.check('#f-still-worried');
    await page.goto(`${env.page}#check`);
  },
  errors: async (page) => {
    await page.check('#age-mode-years');
    await page.fill('#age-years', 'nine');
    await page.click('[data-continue="child"]');
  },
};

describe('screens', () => {
  for (const [width, viewport] of [
    ['small phone', { width: 320, height: 640 }],
    ['phone', PHONE],
    ['larger phone', { width: 390, height: 844 }],
    ['tablet', TABLET],
    ['desktop', DESKTOP],
  ]) {
    for (const [name, reach] of Object.entries(STATES)) {
      it(`${name} at ${width} width`, async () => {
        const { ctx, problems } = await context(env.browser, env.url, { viewport });
        const page = await open(ctx, env.page);
        await reach(page);
        const layout = await page.evaluate(() => {
          const bar = document.getElementById('guidance-bar');
          const guidance = document.getElementById('guidance');
          return {
            overflow: document.documentElement.scrollWidth - window.innerWidth,
            bar: bar ? getComputedStyle(bar).display !== 'none' && getComputedStyle(bar).visibility === 'visible' : false,
            guidanceInView: guidance ? guidance.getBoundingClientRect().top < window.innerHeight : false,
          };
        });
        assert.ok(layout.overflow <= 0, `${layout.overflow}px wider than the screen`);
        // Below GOV.UK's tablet breakpoint (40.0625em) the guidance sits below the form.
        if (viewport.width < 641) assert.equal(layout.bar, true, 'the level bar shows on a phone');
        else assert.equal(layout.guidanceInView, true, 'the guidance is beside the form on a desktop');
        assert.deepEqual(await axe(page), []);
        await screenshot(page, name);
        assert.ok(statSync(`${SCREENSHOTS}${name}-${viewport.width}.png`).size > 5000);
        assert.deepEqual(problems, []);
        await ctx.close();
      });
    }
  }

  it('at 320 px with every fold and disclosure opened, nothing is wider than the screen', async () => {
    const { ctx, problems } = await context(env.browser, env.url, { viewport: { width: 320, height: 640 } });
    const page = await open(ctx, env.page);
    await STATES.worries(page);
    for (const step of ['child', 'worries', 'so-far', 'view', 'check']) {
      await page.goto(`${env.page}#${step}`);
      await page.evaluate(() => {
        for (const $details of document.querySelectorAll('details')) $details.open = true;
      });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${step}: ${overflow}px wider than the screen`);
    }
    await screenshot(page, 'all-open');
    assert.deepEqual(problems, []);
    await ctx.close();
  });

  it('the fail-safe at phone width', async () => {
    const { ctx } = await context(env.browser, env.url, { viewport: PHONE });
    await ctx.route('**/*.wasm', (route) => route.abort());
    const page = await open(ctx, env.page);
    assert.deepEqual(await axe(page), []);
    await screenshot(page, 'failure');
    await ctx.close();
  });
});
