// <waymark-guide> (dist/waymark-guide.mjs) on an intranet page of someone else's making: a strict
// Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval', style-src 'self'), aggressive
// global styles, one script tag and one element. The host's styles must not change and must not
// reach in; the guide must work, say what it says on the page, and tell the host when the
// guidance changes. Also the iframe route, which frame-ancestors allows on purpose.

import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { axe, screenshot, useBrowser } from './harness.mjs';
import { COMPONENT, RIGHT_TYPES, SINGLE_FILE, scratch, typedServer } from './dist-harness.mjs';

const env = useBrowser();

/** The host's policy: what a careful intranet sends, with nothing added for the guide but wasm. */
const HOST_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'";

const PROFILE = {
  format: 'waymark-profile/1',
  id: 'northfield-primary-school',
  organisation: 'Northfield Primary School',
  ruleset: 'england-default',
  contacts: {
    dsl: { name: 'Ms A Patel, DSL', phone: '020 7946 0001', hours: 'School days, 8am to 5pm' },
    mash: { phone: '020 7946 0002' },
  },
};

/** Styles that would wreck an unprotected widget: every one is inherited or global. */
const HOST_CSS = `html { font-size: 62.5%; overflow-y: scroll; }
* { box-sizing: content-box; }
body { margin: 0; font: 14px/2 Georgia, serif; color: #333; background: #fafafa; text-align: center; letter-spacing: 0.05em; }
h1, h2, h3 { color: #5a2a82; font-family: Georgia, serif; text-transform: uppercase; }
p, li, label, legend { color: #a00000; font-size: 2.2rem; }
a { color: #0a5a0a; }
button, input { background: hotpink; border: 4px dashed blue; font-size: 3rem; }
header, footer, section { padding: 1rem 2rem; }
`;

/**
 * The host page: its own header, content and footer around one <waymark-guide>.
 *
 * @param {string} element  the element's markup
 */
function hostPage(element) {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Northfield staff intranet: safeguarding</title>
  <link rel="stylesheet" href="host.css">
  <script type="module" src="waymark-guide.mjs"></script>
</head>
<body>
  <header id="host-header"><h1>Northfield staff intranet</h1><p>Policies, people and procedures.</p><a href="#host-content">Safeguarding</a></header>
  <main>
    <section id="host-content"><h2>Safeguarding</h2><p>If you are worried about a child, use the guide below.</p><ul><li>Read the policy first.</li></ul><button type="button">A host button</button></section>
    <section id="host-guide">${element}</section>
  </main>
  <footer id="host-footer"><p>Northfield Primary School intranet</p></footer>
</body>
</html>
`;
}

/** A host site in a scratch folder, served with the host's policy. */
async function hostSite(pages) {
  const dir = scratch('host');
  copyFileSync(COMPONENT, join(dir, 'waymark-guide.mjs'));
  writeFileSync(join(dir, 'host.css'), HOST_CSS);
  writeFileSync(join(dir, 'profile.json'), JSON.stringify(PROFILE));
  for (const [name, html] of Object.entries(pages)) writeFileSync(join(dir, name), html);
  return typedServer(dir, RIGHT_TYPES, { 'Content-Security-Policy': HOST_POLICY, 'Referrer-Policy': 'no-referrer' });
}

/** A context that reaches only `origin`, recording requests, problems and policy violations. */
async function hostContext(origin) {
  const ctx = await env.browser.newContext({ viewport: { width: 1000, height: 900 }, acceptDownloads: true });
  const requests = [];
  const problems = [];
  ctx.on('request', (request) => requests.push(request.url()));
  await ctx.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort('blockedbyclient')));
  ctx.on('page', (page) => {
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  });
  await ctx.addInitScript(() => {
    // @ts-ignore test-only globals
    window.cspViolations = [];
    // @ts-ignore
    window.guidanceEvents = [];
    // @ts-ignore
    document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
    // @ts-ignore
    document.addEventListener('waymark-guidance', (event) => window.guidanceEvents.push(/** @type {CustomEvent} */ (event).detail));
  });
  return { ctx, requests, problems };
}

/** @param {import('playwright-core').Page} page */
async function ready(page) {
  await page.waitForSelector('waymark-guide[data-waymark-ready], waymark-guide[data-waymark-failed]', { state: 'attached' });
}

/** How the host's own elements look, as computed styles and as pixels. */
async function hostLook(page) {
  const styles = await page.evaluate(() =>
    ['html', 'body', '#host-header h1', '#host-header p', '#host-header a', '#host-content h2', '#host-content li', '#host-content button', '#host-footer p'].map((selector) => {
      const style = getComputedStyle(/** @type {Element} */ (document.querySelector(selector)));
      return [selector, style.color, style.fontFamily, style.fontSize, style.lineHeight, style.backgroundColor, style.textAlign, style.letterSpacing, style.textTransform, style.boxSizing, style.borderTopStyle].join(' | ');
    }),
  );
  const pixels = [];
  for (const selector of ['#host-header', '#host-content', '#host-footer']) pixels.push((await page.locator(selector).screenshot()).toString('base64'));
  return { styles, pixels };
}

/**
 * Answers on the guide's first two steps, inside the element: a baby of four months with an
 * injury.
 *
 * @param {import('playwright-core').Page} page
 */
async function injuredBaby(page) {
  await page.check('waymark-guide #age-mode-months');
  await page.fill('waymark-guide #age-months', '4');
  await page.click('waymark-guide [data-continue="child"]');
  await page.waitForSelector('waymark-guide #step-worries:not([hidden])');
  const closed = await page.evaluate(() => {
    const $details = document.querySelector('waymark-guide')?.shadowRoot?.querySelector('#q-injury-non-mobile')?.closest('details[data-domain]');
    return $details && !(/** @type {HTMLDetailsElement} */ ($details).open) ? $details.getAttribute('data-domain') : null;
  });
  if (closed) await page.click(`waymark-guide details[data-domain="${closed}"] > summary`);
  await page.check('waymark-guide #q-injury-non-mobile');
}

/** What the element's guidance says. */
async function shown(page) {
  return page.evaluate(() => {
    const root = /** @type {ShadowRoot} */ (document.querySelector('waymark-guide')?.shadowRoot);
    return {
      level: root.querySelector('#guidance [data-level]')?.getAttribute('data-level'),
      routes: [...root.querySelectorAll('#guidance [data-route]')].map((e) => e.getAttribute('data-route')),
      text: /** @type {HTMLElement} */ (root.querySelector('#guidance')).innerText,
      emergencyLine: /** @type {HTMLElement} */ (root.querySelector('.app-emergency-line')).innerText,
      about: root.querySelector('#about')?.textContent ?? '',
    };
  });
}

describe('<waymark-guide> on a host page with a strict policy', () => {
  it('works with one script and one element, keeps the host’s styles as they were, and tells the host what changed', async () => {
    const element = `<waymark-guide><script type="application/json" data-profile>${JSON.stringify(PROFILE)}</script></waymark-guide>`;
    const server = await hostSite({ 'with.html': hostPage(element) });
    try {
      // Before: the same page with the element's module refused, so the element never starts.
      const before = await hostContext(server.url);
      await before.ctx.route('**/waymark-guide.mjs', (route) => route.abort());
      const plain = await before.ctx.newPage();
      await plain.goto(`${server.url}with.html`);
      await plain.waitForLoadState('load');
      const look = await hostLook(plain);
      await before.ctx.close();

      const { ctx, requests, problems } = await hostContext(server.url);
      const page = await ctx.newPage();
      await page.goto(`${server.url}with.html`);
      await ready(page);
      assert.equal(await page.getAttribute('waymark-guide', 'data-waymark-ready'), '');
      await screenshot(page, 'component-start');

      // The host looks exactly as it did, in its computed styles and its pixels.
      const after = await hostLook(page);
      assert.deepEqual(after.styles, look.styles);
      assert.ok(after.pixels.every((png, i) => png === look.pixels[i]), 'the host’s header, content and footer look the same');

      // The host's styles do not reach in: GOV.UK sizes in pixels, its own font and colours.
      const inside = await page.evaluate(() => {
        const root = /** @type {ShadowRoot} */ (document.querySelector('waymark-guide')?.shadowRoot);
        const style = (selector) => getComputedStyle(/** @type {Element} */ (root.querySelector(selector)));
        return {
          body: [style('.govuk-body').color, style('.govuk-body').fontSize, style('.govuk-body').textAlign, style('.govuk-body').fontFamily.split(',')[0]],
          heading: [style('h1').color, style('h1').textTransform],
          button: [style('.govuk-button').backgroundColor, style('.govuk-button').borderTopStyle],
          sheets: root.adoptedStyleSheets.length,
          styleElements: root.querySelectorAll('style, link').length,
        };
      });
      assert.deepEqual(inside.body, ['rgb(11, 12, 12)', '19px', 'start', 'system-ui']);
      assert.deepEqual(inside.heading, ['rgb(11, 12, 12)', 'none']);
      assert.deepEqual(inside.button, ['rgb(15, 122, 82)', 'solid']);
      assert.deepEqual([inside.sheets, inside.styleElements], [1, 0]);

      const violations = [...(await axe(page)).map((v) => `start: ${v}`)];
      await injuredBaby(page);
      const seen = await shown(page);
      assert.equal(seen.level, 'child-protection');
      assert.ok(seen.routes.includes('childrens-social-care'), seen.routes.join());
      assert.match(seen.text, /Ms A Patel, DSL: 020 7946 0001, School days, 8am to 5pm/);
      assert.match(seen.text, /020 7946 0002/);
      assert.match(seen.emergencyLine, /If a child is in danger now, call 999/);
      assert.match(seen.about, /with local details for Northfield Primary School/);
      violations.push(...(await axe(page)).map((v) => `worries: ${v}`));
      await screenshot(page, 'component-guidance');

      // The host hears when the guidance changes: the level and what applies, never the answers.
      // @ts-ignore
      const events = await page.evaluate(() => window.guidanceEvents);
      assert.ok(events.length >= 2, JSON.stringify(events));
      assert.equal(events[0].level, 'universal');
      const last = events.at(-1);
      assert.equal(last.level, 'child-protection');
      assert.ok(last.routes.includes('childrens-social-care'));
      assert.deepEqual(Object.keys(last).sort(), ['actions', 'escalation', 'immediateDanger', 'level', 'levelName', 'routes']);

      // The steps move inside the element; the host's address is left alone.
      assert.equal(new URL(page.url()).hash, '');
      // @ts-ignore
      assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
      assert.deepEqual(requests, ['with.html', 'host.css', 'waymark-guide.mjs'].map((name) => `${server.url}${name}`));
      assert.deepEqual(violations, []);
      assert.deepEqual(problems, []);
      await ctx.close();
    } finally {
      await server.stop();
    }
  });

  it('takes its profile from a URL, and says what to do when the profile cannot be had', async () => {
    const server = await hostSite({
      'url.html': hostPage('<waymark-guide profile="profile.json"></waymark-guide>'),
      'missing.html': hostPage('<waymark-guide profile="nowhere.json"></waymark-guide>'),
    });
    try {
      const { ctx, problems } = await hostContext(server.url);
      const page = await ctx.newPage();
      await page.goto(`${server.url}url.html`);
      await ready(page);
      await injuredBaby(page);
      assert.match((await shown(page)).text, /Ms A Patel, DSL: 020 7946 0001/);
      assert.deepEqual(problems, []);

      const failing = await ctx.newPage();
      await failing.goto(`${server.url}missing.html`);
      await ready(failing);
      assert.equal(await failing.getAttribute('waymark-guide', 'data-waymark-failed'), '');
      const text = await failing.evaluate(() => /** @type {HTMLElement} */ (document.querySelector('waymark-guide')?.shadowRoot?.querySelector('.app-component')).innerText);
      assert.match(text, /If a child is in danger now, call 999/);
      assert.match(text, /The profile \(nowhere\.json\) could not be fetched \(404\)/);
      assert.match(text, /designated safeguarding lead[\s\S]*NSPCC Helpline on 0808 800 5000/);
      assert.deepEqual(await axe(failing), []);
      await ctx.close();
    } finally {
      await server.stop();
    }
  });
});

describe('the guide in an iframe from another origin', () => {
  it('shows when the guide’s server names the host in frame-ancestors, and is refused when it does not', async () => {
    // The guide on one origin, sending the headers docs/deploying.md gives for an iframe.
    const guideDir = scratch('guide');
    copyFileSync(SINGLE_FILE, join(guideDir, 'waymark.html'));
    const hostDir = scratch('framing-host');
    const allowed = await typedServer(hostDir, RIGHT_TYPES, {}, 'localhost');
    const guide = await typedServer(guideDir, RIGHT_TYPES, { 'Content-Security-Policy': `frame-ancestors 'self' ${allowed.url.replace(/\/$/, '')}`, 'Referrer-Policy': 'no-referrer' });
    const iframe = `<iframe src="${guide.url}waymark.html" title="Waymark: safeguarding guidance" width="100%" height="800"></iframe>`;
    writeFileSync(join(hostDir, 'frame.html'), `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Intranet</title></head><body><h1>Intranet</h1>${iframe}</body></html>`);
    const other = await typedServer(hostDir, RIGHT_TYPES);
    try {
      const ctx = await env.browser.newContext();
      const page = await ctx.newPage();
      await page.goto(`${allowed.url}frame.html`);
      const frame = page.frameLocator('iframe');
      await frame.locator('html[data-waymark-ready]').waitFor({ state: 'attached' });
      assert.equal(await frame.locator('#step-child-title').textContent(), 'About the child');

      const refused = await ctx.newPage();
      await refused.goto(`${other.url}frame.html`);
      await refused.waitForTimeout(1500);
      const inner = refused.frames().find((f) => f !== refused.mainFrame());
      const loaded = inner ? await inner.evaluate(() => document.documentElement.hasAttribute('data-waymark-ready')).catch(() => false) : false;
      assert.equal(loaded, false, 'a host the guide does not name cannot frame it');
      await ctx.close();
    } finally {
      await Promise.all([allowed.stop(), guide.stop(), other.stop()]);
    }
  });
});
