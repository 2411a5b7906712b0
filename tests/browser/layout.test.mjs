// Layout (issue 11, items 4 and 9) at 320, 390, 768 and 1280 px: nothing scrolls sideways in any
// state with every <details> opened; the page is no taller than its content; the level of need
// is in view after an answer, on a short form and a long one; on a phone the guidance in an
// emergency reads in order of urgency. A screenshot of each state at each width is saved in a
// directory under the OS temp dir, printed when the tests start, for a person to look at.

import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { addEvent, answer, context, open, openGroupOf, useBrowser } from './harness.mjs';
import { assess } from './node-engine.mjs';

const env = useBrowser();

const SHOTS = mkdtempSync(join(tmpdir(), 'waymark-layout-'));
console.log(`Screenshots: ${SHOTS}`);

const WIDTHS = [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1280, height: 900 },
];
const PHONE = WIDTHS[1];
const DESKTOP = WIDTHS[3];

/** @typedef {import('playwright-core').Page} Page */

/** Lets the browser lay out and run scroll-driven animations before anything is measured. */
async function settle(/** @type {Page} */ page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** @param {Page} page */
async function openEveryDetails(page) {
  await page.evaluate(() => {
    for (const $details of document.querySelectorAll('details')) /** @type {HTMLDetailsElement} */ ($details).open = true;
  });
  await settle(page);
}

/**
 * A screenshot of what is on the screen, named for the state and the width.
 *
 * @param {Page} page
 * @param {string} name
 */
async function shot(page, name) {
  await settle(page);
  await page.screenshot({ path: join(SHOTS, `${name}-${page.viewportSize()?.width}.png`) });
}

/** An emergency with a closed referral and a worry that persists: banner, level, actions, who to tell and escalation all show. */
async function emergencyWithEscalation(/** @type {Page} */ page) {
  await page.goto(`${env.page}#worries`);
  await answer(page, 'danger-now', 'yes');
  await page.fill('#search', '');
  await page.goto(`${env.page}#so-far`);
  await page.check('#referral-closed-no-further-action');
  await page.check('#f-still-worried');
}

/** The states worth looking at, each reached from a fresh page. */
const STATES = {
  start: async () => {},
  worries: async (/** @type {Page} */ page) => {
    await page.goto(`${env.page}#worries`);
    await answer(page, 'self-harm', 'yes');
    await answer(page, 'not-seen-alone', 'not-known');
    await page.fill('#search', 'missing');
    await addEvent(page, 'missing-episode', '2026-11-01');
  },
  emergency: async (/** @type {Page} */ page) => {
    await emergencyWithEscalation(page);
    await page.goto(`${env.page}#worries`);
  },
  check: async (/** @type {Page} */ page) => {
    await emergencyWithEscalation(page);
    await page.goto(`${env.page}#check`);
  },
  errors: async (/** @type {Page} */ page) => {
    await page.check('#age-mode-years');
    await page.fill('#age-years', 'nine');
    await page.click('[data-continue="child"]');
  },
  'file-refused': async (/** @type {Page} */ page) => {
    await page.click('.app-toolbar__open summary');
    await page.setInputFiles('#open-file', { name: 'a-file-with-a-long-name-that-could-widen-a-small-screen.json', mimeType: 'application/json', buffer: Buffer.from('{"ruleset": {"toString": "x"}}') });
    await page.waitForSelector('#notice');
  },
};

/**
 * How far the page and the guidance panel scroll sideways, and the widest element.
 *
 * @param {Page} page
 */
async function sideways(page) {
  return page.evaluate(() => {
    const $panel = /** @type {HTMLElement} */ (document.getElementById('guidance'));
    let widest = '';
    for (const $element of document.querySelectorAll('body *')) {
      const box = $element.getBoundingClientRect();
      if (box.width > 0 && box.right > window.innerWidth + 0.5 && !$element.closest('.govuk-visually-hidden, .govuk-skip-link')) {
        widest = `${$element.tagName.toLowerCase()}${$element.id ? `#${$element.id}` : ''}.${[...$element.classList].join('.')} reaches ${Math.round(box.right)}px`;
        break;
      }
    }
    return { page: document.documentElement.scrollWidth - window.innerWidth, panel: $panel.scrollWidth - $panel.clientWidth, widest };
  });
}

describe('layout: nothing scrolls sideways', () => {
  for (const viewport of WIDTHS) {
    it(`at ${viewport.width} px, in every state and on every step, with every <details> opened`, async () => {
      for (const [name, reach] of Object.entries(STATES)) {
        const { ctx, problems } = await context(env.browser, env.url, { viewport });
        const page = await open(ctx, env.page);
        await reach(page);
        await shot(page, name);
        const here = new URL(page.url()).hash || '#child';
        for (const step of ['child', 'worries', 'so-far', 'view', 'check']) {
          await page.goto(`${env.page}#${step}`);
          await openEveryDetails(page);
          const { page: overflow, panel, widest } = await sideways(page);
          assert.ok(overflow <= 0, `${name}, step ${step}: the page is ${overflow}px wider than the screen (${widest})`);
          assert.ok(panel <= 0, `${name}, step ${step}: the guidance panel scrolls ${panel}px sideways`);
        }
        await page.goto(`${env.page}${here}`);
        await openEveryDetails(page);
        await shot(page, `${name}-all-open`);
        assert.deepEqual(problems, [], name);
        await ctx.close();
      }
    });
  }
});

/**
 * How far the page scrolls past the bottom of the footer, the last thing on it.
 *
 * @param {Page} page
 */
async function blankScroll(page) {
  await settle(page);
  return page.evaluate(() => {
    const footer = /** @type {HTMLElement} */ (document.querySelector('.app-footer')).getBoundingClientRect();
    return Math.round(document.documentElement.scrollHeight - (footer.bottom + window.scrollY));
  });
}

describe('layout: no blank scroll', () => {
  for (const viewport of WIDTHS) {
    it(`at ${viewport.width} px the page ends at its footer, on a short form and a long one`, async () => {
      const { ctx, problems } = await context(env.browser, env.url, { viewport });
      const page = await open(ctx, env.page);
      await emergencyWithEscalation(page);
      // Short: the last steps. Long: every question, every group open, and the guidance opened out.
      for (const [what, step] of [
        ['short', 'view'],
        ['short', 'check'],
        ['long', 'worries'],
      ]) {
        await page.goto(`${env.page}#${step}`);
        if (what === 'long') await openEveryDetails(page);
        const blank = await blankScroll(page);
        assert.ok(blank <= 1, `${what} form (${step}): ${blank}px of blank scroll below the footer`);
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await shot(page, `${what}-${step}-end`);
      }
      // The very case of issue 11: the guidance's own folds opened on a desktop, where the panel scrolls.
      await page.goto(`${env.page}#check`);
      await page.evaluate(() => {
        for (const $details of document.querySelectorAll('#guidance details')) /** @type {HTMLDetailsElement} */ ($details).open = true;
      });
      assert.ok((await blankScroll(page)) <= 1, 'the guidance opened out leaves no blank scroll');
      assert.deepEqual(problems, []);
      await ctx.close();
    });
  }
});

/**
 * Whether the level is in view: its heading and name on the screen and inside the panel's
 * visible part, not covered; or else the level bar on the screen, naming the same level.
 *
 * @param {Page} page
 */
async function levelInView(page) {
  await settle(page);
  return page.evaluate(() => {
    const $panel = /** @type {HTMLElement} */ (document.getElementById('guidance'));
    const panel = $panel.getBoundingClientRect();
    const top = Math.max(0, panel.top);
    const bottom = Math.min(window.innerHeight, panel.bottom);
    const shown = (/** @type {string} */ id) => {
      const $element = /** @type {HTMLElement} */ (document.getElementById(id));
      const box = $element.getBoundingClientRect();
      const inside = box.height > 0 && box.top >= top - 0.5 && box.bottom <= bottom + 0.5;
      const $hit = inside ? document.elementFromPoint(box.left + Math.min(10, box.width / 2), box.top + box.height / 2) : null;
      return inside && Boolean($hit && $element.contains($hit));
    };
    const $bar = /** @type {HTMLElement} */ (document.getElementById('guidance-bar'));
    const style = getComputedStyle($bar);
    const bar = $bar.getBoundingClientRect();
    return {
      level: document.querySelector('#guidance [data-level]')?.getAttribute('data-level'),
      name: document.getElementById('level-name')?.textContent ?? '',
      heading: shown('level-heading') && shown('level-name'),
      bar: style.display !== 'none' && style.visibility === 'visible' && bar.height > 0 && bar.top >= -0.5 && bar.bottom <= window.innerHeight + 0.5,
      barText: document.getElementById('guidance-bar-link')?.textContent ?? '',
      where: `panel ${Math.round(panel.top)} to ${Math.round(panel.bottom)}, scrolled ${$panel.scrollTop}; page scrolled ${Math.round(window.scrollY)}`,
    };
  });
}

/**
 * @param {Awaited<ReturnType<typeof levelInView>>} seen
 * @param {string} level  the level id the answer sets
 * @param {string} what
 */
function assertLevelInView(seen, level, what) {
  assert.equal(seen.level, level, `${what}: the level`);
  assert.ok(seen.heading || (seen.bar && seen.barText.startsWith(`Level of need: ${seen.name}`)), `${what}: the level is out of sight (${seen.where}; bar ${seen.bar ? `"${seen.barText}"` : 'hidden'})`);
}

/**
 * The question lowest on the long worries step whose "yes" alone sets a level above universal.
 *
 * @param {Page} page
 */
async function lowestLevelQuestion(page) {
  const ids = await page.evaluate(() => [...document.querySelectorAll('#step-worries [data-indicator]')].filter(($q) => $q.querySelector('input[type="radio"]')).map(($q) => /** @type {HTMLElement} */ ($q).dataset.indicator ?? ''));
  for (const id of ids.reverse()) {
    const level = assess({ asOf: '2026-11-22', answers: { [id]: 'yes' } }).level.id;
    if (level !== 'universal') return { id, level };
  }
  throw new Error('no question sets a level');
}

describe('layout: the level is never hidden', () => {
  for (const viewport of [DESKTOP, WIDTHS[2], PHONE, WIDTHS[0]]) {
    it(`at ${viewport.width} px, after an answer that sets a level, on a short form and a long one`, async () => {
      const { ctx, problems } = await context(env.browser, env.url, { viewport });

      // Short: "Your own view", where a view higher than the rules sets the level.
      let page = await open(ctx, `${env.page}#view`);
      await page.check('#judgement-level-child-protection');
      await page.fill('#judgement-reason', 'She told me she is scared to go home');
      assertLevelInView(await levelInView(page), 'child-protection', 'short form, after the answer');
      await shot(page, 'level-short');
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      assertLevelInView(await levelInView(page), 'child-protection', 'short form, scrolled to the end');
      await shot(page, 'level-short-end');
      await page.close();

      // Long: every group of worries open, the lowest question that sets a level answered.
      // (A new tab, so a new sessionStorage: nothing carried over from the short form.)
      page = await open(ctx, `${env.page}#worries`);
      await openEveryDetails(page);
      const lowest = await lowestLevelQuestion(page);
      await page.check(`#q-${lowest.id}`);
      assertLevelInView(await levelInView(page), lowest.level, `long form, after answering ${lowest.id}`);
      await shot(page, 'level-long');
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      assertLevelInView(await levelInView(page), lowest.level, 'long form, scrolled to the end');
      await shot(page, 'level-long-end');

      // The guidance panel scrolled to its end (on a tablet or desktop it scrolls on its own), then
      // an answer that raises the level.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.evaluate(() => {
        const $panel = /** @type {HTMLElement} */ (document.getElementById('guidance'));
        $panel.scrollTop = $panel.scrollHeight;
      });
      await openGroupOf(page, '#q-danger-now');
      await page.check('#q-danger-now');
      assertLevelInView(await levelInView(page), 'immediate-danger', 'the panel scrolled to its end, then an answer');
      await shot(page, 'level-panel-scrolled');
      assert.deepEqual(problems, []);
      await ctx.close();
    });
  }
});

describe('layout: on a phone the guidance reads in order of urgency', () => {
  it('in an emergency: the 999 banner first, then the level, the actions, who to tell and escalation', async () => {
    const { ctx, problems } = await context(env.browser, env.url, { viewport: PHONE });
    const page = await open(ctx, env.page);
    await emergencyWithEscalation(page);
    await settle(page);
    const order = await page.evaluate(() => {
      const parts = {
        emergency: document.querySelector('#guidance [data-testid="emergency"]'),
        level: document.getElementById('level-heading')?.closest('section') ?? null,
        actions: document.getElementById('actions-heading')?.closest('section') ?? null,
        'who to tell': document.getElementById('referrals-heading')?.closest('section') ?? null,
        escalation: document.getElementById('escalation-heading')?.closest('section') ?? null,
      };
      const $body = /** @type {HTMLElement} */ (document.getElementById('guidance-body'));
      return {
        missing: Object.entries(parts).filter(([, $part]) => !$part).map(([name]) => name),
        domOrder: Object.entries(parts)
          .filter(([, $part]) => $part)
          .sort(([, a], [, b]) => (/** @type {Node} */ (a).compareDocumentPosition(/** @type {Node} */ (b)) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
          .map(([name]) => name),
        tops: Object.fromEntries(Object.entries(parts).map(([name, $part]) => [name, $part ? Math.round($part.getBoundingClientRect().top + window.scrollY) : null])),
        bottoms: Object.fromEntries(Object.entries(parts).map(([name, $part]) => [name, $part ? Math.round($part.getBoundingClientRect().bottom + window.scrollY) : null])),
        firstInPanel: $body.firstElementChild === parts.emergency,
        afterTitle: document.getElementById('guidance-title')?.nextElementSibling === $body,
        bar: document.getElementById('guidance-bar-link')?.textContent ?? '',
        barEmergency: document.getElementById('guidance-bar')?.classList.contains('app-guidance-bar--emergency'),
      };
    });
    const expected = ['emergency', 'level', 'actions', 'who to tell', 'escalation'];
    assert.deepEqual(order.missing, []);
    assert.deepEqual(order.domOrder, expected, 'the order on the page');
    for (let i = 1; i < expected.length; i += 1) {
      assert.ok(order.tops[expected[i]] >= order.bottoms[expected[i - 1]], `on the screen, ${expected[i]} (from ${order.tops[expected[i]]}px) comes below ${expected[i - 1]} (to ${order.bottoms[expected[i - 1]]}px)`);
    }
    assert.ok(order.firstInPanel && order.afterTitle, 'nothing in the guidance comes before the 999 banner');
    assert.match(order.bar, /^Level of need: .*\. Call 999 now$/);
    assert.equal(order.barEmergency, true);
    await page.goto(`${env.page}#guidance`);
    await shot(page, 'emergency-guidance');
    assert.deepEqual(problems, []);
    await ctx.close();
  });
});
