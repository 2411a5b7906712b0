// Privacy by construction: every request stays on the page's own origin and none is made after
// load; the Content-Security-Policy holds; nothing is stored but the tab's own draft, which a
// reload keeps and "Clear everything" erases.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CONTENT_SECURITY_POLICY } from '../../scripts/serve.mjs';
import { addEvent, answer, axe, context, guidance, open, openGroupOf, useBrowser } from './harness.mjs';

const env = useBrowser();

/** Records Content-Security-Policy violations from the start of every page. */
async function watchPolicy(ctx) {
  await ctx.addInitScript(() => {
    // @ts-ignore a test-only global
    window.cspViolations = [];
    // @ts-ignore
    document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
}

describe('network', () => {
  it('every request is to the page’s own origin, and the whole flow makes none after load', async () => {
    // Service workers allowed, so their requests are recorded too.
    const { ctx, requests, problems } = await context(env.browser, env.url, { serviceWorkers: 'allow' });
    await watchPolicy(ctx);
    const page = await open(ctx, env.page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    // The service worker fetches what it keeps while installing, before it is ready.
    const atLoad = requests.length;
    assert.ok(atLoad >= 10, `the page, its modules, the wasm and the ruleset: ${requests.join('\n')}`);
    for (const url of requests) assert.ok(url.startsWith(env.url), `outside the origin: ${url}`);

    await page.check('#age-mode-years');
    await page.fill('#age-years', '13');
    await page.goto(`${env.page}#worries`);
    await answer(page, 'self-harm', 'yes');
    await answer(page, 'online-grooming', 'not-known');
    await addEvent(page, 'missing-episode', '2026-01-05');
    await page.click('[data-continue="worries"]');
    await page.check('#f-still-worried');
    await page.click('[data-continue="so-far"]');
    await page.fill('#note-notes', 'Seen in the corridor, upset');
    await page.click('[data-continue="view"]');
    await page.click('#guidance details[data-key="trace"] summary');
    await page.waitForSelector('#trace table');
    // Chromium itself re-reads the page's icon for the tab on each step (a same-document
    // navigation); that is the browser, with nothing from the page. Nothing else may appear.
    const icon = `${env.page}icons/icon.svg`;
    assert.deepEqual(
      requests.slice(atLoad).filter((url) => url !== icon),
      [],
      'requests after load',
    );
    // @ts-ignore
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
    assert.deepEqual(problems, []);
    await ctx.close();
  });

  it('the server sends the page’s own Content-Security-Policy, and the page allows no inline code', async () => {
    const response = await fetch(env.page);
    const html = await response.text();
    const meta = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
    assert.equal(`${meta}; frame-ancestors 'self'`, CONTENT_SECURITY_POLICY);
    assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    assert.match(meta ?? '', /script-src 'self' 'wasm-unsafe-eval';/);
    assert.doesNotMatch(meta ?? '', /unsafe-inline|https?:/);
    // No inline script or style, and nothing fetched from elsewhere, in any file the page serves.
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/);
    assert.doesNotMatch(html, /\sstyle=|<style/);
    for (const file of ['www/index.html', 'www/app.mjs', 'www/sw.js', 'www/manifest.webmanifest', 'www/js/load.mjs']) {
      assert.doesNotMatch(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'), /https?:\/\/(?!www\.w3\.org)/, file);
    }
  });

  it('a page trying to reach another host is stopped by the browser itself', async () => {
    // --host-resolver-rules leaves no name to resolve but loopback, whatever a page asks for.
    const { ctx } = await context(env.browser, env.url);
    await ctx.unrouteAll();
    const page = await ctx.newPage();
    const error = await page.goto('http://example.org/').then(
      () => null,
      (e) => e.message,
    );
    assert.match(error ?? 'loaded', /ERR_NAME_NOT_RESOLVED/);
    await ctx.close();
  });
});

describe('storage', () => {
  it('stores nothing but this tab’s draft: no cookies, no local storage, no databases', async () => {
    const { ctx, problems } = await context(env.browser, env.url);
    const page = await open(ctx, `${env.page}#worries`);
    await answer(page, 'bullying', 'yes');
    await page.fill('#search', 'anything typed here');
    const stored = await page.evaluate(async () => ({
      cookie: document.cookie,
      local: localStorage.length,
      session: Object.keys(sessionStorage),
      databases: (await indexedDB.databases()).length,
    }));
    assert.deepEqual(stored, { cookie: '', local: 0, session: ['waymark-draft'], databases: 0 });
    assert.deepEqual((await ctx.cookies()).length, 0);
    assert.deepEqual(problems, []);
    await ctx.close();
  });

  it('a reload keeps the draft, a new tab starts empty, and Clear everything erases it', async () => {
    const { ctx, problems } = await context(env.browser, env.url);
    const page = await open(ctx, env.page);
    await page.check('#age-mode-years');
    await page.fill('#age-years', '15');
    await page.fill('#note-lives-with', 'Mum and her partner');
    await page.goto(`${env.page}#worries`);
    await answer(page, 'carrying-weapon', 'yes');
    await openGroupOf(page, '#e-police-callout-day');
    await page.fill('#e-police-callout-day', '3');
    const before = await guidance(page);
    assert.equal(before.level, 'child-in-need');

    await page.reload();
    await page.waitForSelector('html[data-waymark-ready]', { state: 'attached' });
    assert.equal(await page.isChecked('#q-carrying-weapon'), true);
    assert.equal(await page.inputValue('#age-years'), '15');
    assert.equal(await page.inputValue('#note-lives-with'), 'Mum and her partner');
    // Even the half-typed date survives.
    assert.equal(await page.inputValue('#e-police-callout-day'), '3');
    assert.deepEqual(await guidance(page), before);

    // sessionStorage belongs to the tab: another tab has nothing.
    const other = await open(ctx, env.page);
    assert.equal(await other.evaluate(() => sessionStorage.length), 0);
    assert.equal((await guidance(other)).level, 'universal');
    await other.close();

    await page.click('#clear');
    assert.deepEqual(await axe(page), []);
    await page.click('#clear-confirm');
    assert.match(await page.textContent('#notices'), /Everything you entered has been cleared/);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('waymark-draft')), null);
    assert.equal(await page.isChecked('#q-carrying-weapon'), false);
    assert.equal(await page.inputValue('#note-lives-with'), '');
    assert.equal((await guidance(page)).level, 'universal');
    await page.reload();
    await page.waitForSelector('html[data-waymark-ready]', { state: 'attached' });
    assert.equal(await page.isChecked('#q-carrying-weapon'), false);
    assert.deepEqual(problems, []);
    await ctx.close();
  });

  it('choosing not to keep answers erases them and keeps nothing more', async () => {
    const { ctx, problems } = await context(env.browser, env.url);
    const page = await open(ctx, `${env.page}#worries`);
    await answer(page, 'bullying', 'yes');
    assert.notEqual(await page.evaluate(() => sessionStorage.getItem('waymark-draft')), null);
    await page.uncheck('#keep-draft');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('waymark-draft')), null);
    await answer(page, 'self-harm', 'yes');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('waymark-draft')), null);
    await page.reload();
    await page.waitForSelector('html[data-waymark-ready]', { state: 'attached' });
    assert.equal(await page.isChecked('#q-self-harm'), false);
    assert.equal(await page.isChecked('#keep-draft'), false);
    assert.deepEqual(problems, []);
    await ctx.close();
  });
});
