// Offline and installable: the service worker keeps the app's own files, within its folder, and
// the web manifest describes an installable app.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answer, context, guidance, open, useBrowser } from './harness.mjs';

const env = useBrowser();

describe('offline', () => {
  it('once loaded, the guide works with the network gone', async () => {
    const { ctx, problems } = await context(env.browser, env.url, { serviceWorkers: 'allow' });
    const page = await open(ctx, env.page);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, env.page, 'the worker’s scope is the page’s own folder');
    await ctx.setOffline(true);
    await page.reload();
    await page.waitForSelector('html[data-waymark-ready], html[data-waymark-failed]', { state: 'attached' });
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-waymark-ready')), true);
    await page.goto(`${env.page}#worries`);
    // A level that does not depend on the child's age, which this page has not been given.
    await answer(page, 'suicidal-thoughts', 'yes');
    assert.equal((await guidance(page)).level, 'child-in-need');
    await ctx.setOffline(false);
    assert.deepEqual(problems, []);
    await ctx.close();
  });

  it('the worker keeps only the app’s files, and every one of them exists', async () => {
    const source = await (await fetch(`${env.page}sw.js`)).text();
    const files = JSON.parse(source.match(/const FILES = (\[[^\]]*\])/)?.[1].replace(/'/g, '"').replace(/,\s*\]/, ']') ?? '[]');
    assert.ok(files.length > 10);
    for (const file of files) {
      const response = await fetch(new URL(file, env.page));
      assert.equal(response.status, 200, file);
    }
    // Every module the page loads is kept, so none is missing offline.
    const modules = [...(await (await fetch(env.page)).text()).matchAll(/src="([^"]+)"/g)].map((m) => m[1]);
    for (const module of modules) assert.ok(files.includes(module), `${module} is kept`);
  });
});

describe('installable', () => {
  it('has a web manifest with a name, a start URL in its scope, and icons that exist', async () => {
    const html = await (await fetch(env.page)).text();
    const href = html.match(/<link rel="manifest" href="([^"]+)"/)?.[1];
    assert.equal(href, 'manifest.webmanifest');
    const response = await fetch(new URL(href, env.page));
    assert.match(response.headers.get('content-type') ?? '', /application\/manifest\+json/);
    const manifest = await response.json();
    assert.equal(manifest.name, 'Waymark: safeguarding guidance');
    assert.equal(manifest.display, 'standalone');
    assert.equal(new URL(manifest.start_url, env.page).href, env.page);
    assert.equal(new URL(manifest.scope, env.page).href, env.page);
    const sizes = [];
    for (const icon of manifest.icons) {
      const file = await fetch(new URL(icon.src, env.page));
      assert.equal(file.status, 200, icon.src);
      assert.equal(file.headers.get('content-type'), icon.type);
      sizes.push(icon.sizes);
    }
    assert.deepEqual(sizes, ['any', '192x192', '512x512']);
  });
});
