// The single file (dist/waymark.html): the whole guide opened from file:// with no network, from
// a server that sends every file as application/octet-stream, and from one that knows only HTML;
// its own Content-Security-Policy; and the build that makes it: deterministic, and loud about
// what it does not handle. Also what the multi-file page says when it cannot start that way.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildComponent, buildPage, bundle } from '../../scripts/single-file.mjs';
import { addEvent, answer, axe, guidance, screenshot, useBrowser } from './harness.mjs';
import { IIS_UNTOLD, NO_SCRIPTS, OCTET_STREAM, SINGLE_FILE, downloaded, fileContext, openFile, patchedSite, scratch, typedServer } from './dist-harness.mjs';

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

/** An ISO date some days before today, in this machine's time zone (as the page's clock). */
function daysAgo(days) {
  const now = new Date();
  const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() - days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/**
 * Walks the guide's five steps for a teenager missing three times with signs of county lines,
 * checking axe at each, and returns what the guidance says at the end.
 *
 * @param {import('playwright-core').Page} page
 */
async function completeCase(page) {
  const violations = [];
  const check = async (state) => violations.push(...(await axe(page)).map((v) => `${state}: ${v}`));
  await check('about the child');
  await page.check('#age-mode-years');
  await page.fill('#age-years', '15');
  await page.click('[data-continue="child"]');
  await page.waitForSelector('#step-worries:not([hidden])');
  await answer(page, 'county-lines', 'yes');
  for (const days of [3, 20, 40]) await addEvent(page, 'missing-episode', daysAgo(days));
  await check('worries');
  await page.click('[data-continue="worries"]');
  await page.waitForSelector('#step-so-far:not([hidden])');
  await page.check('#f-still-worried');
  await check('so far');
  await page.click('[data-continue="so-far"]');
  await page.waitForSelector('#step-view:not([hidden])');
  await page.click('[data-continue="view"]');
  await page.waitForSelector('#step-check:not([hidden])');
  await check('check your answers');
  return { seen: await guidance(page), violations };
}

/** The content of the page's own policy, and the hashes of its inline scripts and style. */
function policyOf(html) {
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
  const hash = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  const scripts = [...html.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)].map((m) => hash(m[1]));
  const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => hash(m[1]));
  return { policy, scripts, styles };
}

describe('the single file from file://', () => {
  it('completes a case offline with the network unreachable, and asks for nothing but itself', async () => {
    const { ctx, requests, refused, problems } = await fileContext(env.browser, { offline: true });
    await watchPolicy(ctx);
    const page = await openFile(ctx);
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-waymark-ready')), true, await page.evaluate(() => document.getElementById('failure-reason')?.textContent));
    await screenshot(page, 'single-file-start');
    const { seen, violations } = await completeCase(page);
    assert.equal(seen.level, 'child-protection');
    for (const route of ['childrens-social-care', 'nrm', 'exploitation-panel']) assert.ok(seen.routes.includes(route), `${route} in ${seen.routes}`);
    assert.match(await page.textContent('#footer-ruleset'), /with no local details set/);
    await screenshot(page, 'single-file-check');
    // The file itself, once; its icon is a data: URL inside it. Nothing else, and nothing refused.
    assert.deepEqual(requests.filter((url) => !url.startsWith('data:')), [new URL(`file://${SINGLE_FILE}`).href]);
    assert.deepEqual(refused, []);
    // @ts-ignore
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
    await ctx.close();
  });

  it('carries a strict policy of its own: hashes for its scripts and style, nothing inline beyond them, no other source', () => {
    const html = readFileSync(SINGLE_FILE, 'utf8');
    const { policy, scripts, styles } = policyOf(html);
    const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    assert.deepEqual(directives['default-src'], ["'none'"]);
    assert.deepEqual(directives['script-src'].sort(), [...scripts, "'wasm-unsafe-eval'"].sort());
    assert.deepEqual(directives['style-src'], styles);
    assert.ok(styles.length >= 3, 'a <style> for each stylesheet');
    assert.deepEqual(directives['img-src'], ['data:']);
    assert.deepEqual(directives['base-uri'], ["'none'"]);
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|https?:|\*|'self'/);
    assert.equal(scripts.length, 2, 'the fail-safe and the page’s modules');
    // Nothing in the file refers to anything outside it.
    assert.doesNotMatch(html.replace(/<!--[\s\S]*?-->/, ''), /\s(src|href)="(?!#|data:|")/);
    assert.doesNotMatch(html, /\sstyle="/);
  });

  it('offers the setup and trainer views inside it, each with its own page’s styles only, and their links lead back to the guide', async () => {
    const { ctx, refused, problems } = await fileContext(env.browser);
    // Which of the file's stylesheets apply, by the views that use them.
    const styles = (page) => page.evaluate(() => [...document.querySelectorAll('style[data-views]')].filter(($s) => $s.getAttribute('media') !== 'not all').map(($s) => $s.getAttribute('data-views')));
    const page = await openFile(ctx, '#setup');
    assert.equal(await page.title(), 'Set up your organisation’s copy: Waymark');
    assert.ok((await styles(page)).every((views) => views.split(' ').includes('setup')));
    assert.equal(await page.isVisible('#organisation'), true);
    await page.click('text=Back to the guide');
    await page.waitForSelector('html[data-waymark-ready] #step-child:not([hidden])', { state: 'attached' });
    assert.equal(await page.title(), 'About the child: Waymark');
    assert.ok((await styles(page)).every((views) => views.split(' ').includes('guide')));
    await page.goto(`${new URL(`file://${SINGLE_FILE}`).href}#trainer`);
    await page.waitForSelector('html[data-waymark-ready], html[data-waymark-failed]', { state: 'attached' });
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-waymark-ready')), true);
    assert.match(await page.title(), /trainer/i);
    const trainer = await styles(page);
    assert.ok(trainer.length >= 2 && trainer.every((views) => views.split(' ').includes('trainer')), trainer.join(' | '));
    assert.deepEqual(refused, []);
    assert.deepEqual(problems, []);
    await ctx.close();
  });
});

describe('the single file from a web server', () => {
  it('sent as application/octet-stream, it downloads, and the downloaded file works', async () => {
    const dir = scratch('octet');
    copyFileSync(SINGLE_FILE, join(dir, 'waymark.html'));
    const server = await typedServer(dir, OCTET_STREAM);
    try {
      const { ctx, problems } = await fileContext(env.browser);
      await ctx.unroute('**/*');
      const page = await ctx.newPage();
      // A browser saves a file sent as octet-stream rather than showing it: what SharePoint does.
      const file = await downloaded(page, () => page.goto(`${server.url}waymark.html`).then(() => undefined, () => undefined));
      assert.equal(file.name, 'waymark.html');
      assert.equal(file.text, readFileSync(SINGLE_FILE, 'utf8'));
      const opened = await openFile(ctx, '', file.path);
      assert.equal(await opened.evaluate(() => document.documentElement.hasAttribute('data-waymark-ready')), true);
      await opened.check('#age-mode-months');
      await opened.fill('#age-months', '4');
      await opened.goto(`${opened.url()}#worries`);
      await answer(opened, 'injury-non-mobile', 'yes');
      assert.equal((await guidance(opened)).level, 'child-protection');
      assert.deepEqual(problems, []);
      await ctx.close();
    } finally {
      await server.stop();
    }
  });

  it('from a server that knows no scripts, it works and asks for nothing more; the multi-file page says what is wrong', async () => {
    const site = patchedSite();
    copyFileSync(SINGLE_FILE, join(site, 'www/waymark.html'));
    const server = await typedServer(site, NO_SCRIPTS);
    try {
      const { ctx, requests, problems } = await fileContext(env.browser);
      await ctx.unroute('**/*');
      await ctx.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort()));
      const page = await ctx.newPage();
      await page.goto(`${server.url}www/waymark.html`);
      await page.waitForSelector('html[data-waymark-ready], html[data-waymark-failed]', { state: 'attached' });
      assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-waymark-ready')), true);
      await page.goto(`${server.url}www/waymark.html#worries`);
      await page.waitForSelector('html[data-waymark-ready]', { state: 'attached' });
      await answer(page, 'injury-non-mobile', 'yes');
      assert.notEqual((await guidance(page)).level, undefined);
      // The page, once: moving to a step is within the page.
      assert.deepEqual(
        requests.filter((url) => !url.startsWith('data:')),
        [`${server.url}www/waymark.html`],
      );
      assert.deepEqual(problems, []);

      // The multi-file page from the same server: with nosniff, no script of it may run, not even
      // the fail-safe; the page's own text still says what to do.
      const multi = await ctx.newPage();
      await multi.goto(`${server.url}www/index.html`);
      await multi.waitForTimeout(1500);
      assert.equal(await multi.isVisible('#app'), false);
      const text = await multi.innerText('main');
      assert.match(text, /If a child is in danger now, call 999/);
      assert.match(text, /If this stays, the guide cannot start here: open the single-file copy \(waymark\.html\) instead/);
      assert.match(text, /tell your designated safeguarding lead \(DSL\) today/);
      assert.deepEqual(await axe(multi), []);
      await ctx.close();
    } finally {
      await server.stop();
    }
  });
});

describe('the multi-file page from a server that does not send its scripts as JavaScript', () => {
  for (const [server, type, headers, says] of [
    ['sends them as application/octet-stream', NO_SCRIPTS, { 'X-Content-Type-Options': null }, /The web server sent app\.mjs as “application\/octet-stream”, not as JavaScript, so the browser refused to run it/],
    ['does not know .mjs (as IIS)', IIS_UNTOLD, {}, /The web server answered 404 for app\.mjs\. If the file is there, the server does not know \.mjs files/],
  ]) {
    it(`${server}: the fail-safe says what is wrong, offers the single file, and keeps the emergency steps`, async () => {
      const site = patchedSite();
      copyFileSync(SINGLE_FILE, join(site, 'www/waymark.html'));
      const running = await typedServer(site, type, headers);
      try {
        const ctx = await env.browser.newContext();
        const page = await ctx.newPage();
        await page.goto(`${running.url}www/index.html`);
        await page.waitForSelector('html[data-waymark-failed]', { state: 'attached', timeout: 10000 });
        await page.waitForFunction(() => /web server/.test(document.getElementById('failure-reason')?.textContent ?? ''));
        await page.waitForSelector('#failure a[href="waymark.html"]');
        const text = await page.innerText('#failure');
        assert.match(text, says);
        assert.match(text, /settings in deploy\/ \(see docs\/deploying\.md\)\. Use the single-file copy of the guide instead \(waymark\.html\)/);
        assert.match(text, /call 999[\s\S]*designated safeguarding lead[\s\S]*NSPCC Helpline on 0808 800 5000/);
        assert.deepEqual(await axe(page), []);
        await screenshot(page, `multi-file-${type === IIS_UNTOLD ? 'iis' : 'octet'}`);
        await page.click('#failure a[href="waymark.html"]');
        await page.waitForSelector('html[data-waymark-ready]', { state: 'attached' });
        await ctx.close();
      } finally {
        await running.stop();
      }
    });
  }
});

describe('the multi-file page opened from a file', () => {
  it('says plainly why it cannot start and offers the single file, with the emergency steps', async () => {
    const site = patchedSite();
    const { ctx } = await fileContext(env.browser);
    const page = await openFile(ctx, '', join(site, 'www/index.html'));
    const text = await page.innerText('#failure');
    assert.match(text, /opened from a file \(its address starts with file:\/\/\)/);
    assert.match(text, /single-file copy of the guide instead \(waymark\.html/);
    assert.match(text, /call 999[\s\S]*designated safeguarding lead[\s\S]*NSPCC Helpline on 0808 800 5000/);
    assert.deepEqual(await axe(page), []);
    await screenshot(page, 'multi-file-from-file');
    await ctx.close();
  });
});

describe('the build', () => {
  it('is deterministic, and what is in dist/ is what it builds', () => {
    const first = buildPage().html;
    assert.equal(buildPage().html, first);
    assert.equal(buildComponent(), buildComponent());
    assert.equal(readFileSync(SINGLE_FILE, 'utf8'), first, 'dist/waymark.html is stale: run scripts/build');
  });

  it('inlines modules each in its own scope, so top-level names cannot collide', () => {
    const { code, index } = bundle(['a.mjs'], {
      'a.mjs': "import { version } from './b.mjs';\nimport seven, { version as other } from './c.mjs';\nconst x = 1;\nexport const result = [version, other, seven, x];\n",
      'b.mjs': "const x = 2;\nexport function version() { return x; }\n",
      'c.mjs': "const x = 3;\nfunction version() { return x; }\nexport { version };\nconst seven = 7;\nexport default seven;\n",
    });
    const run = new Function(`${code}\nreturn __waymarkModule(${index('a.mjs')}).result;`);
    const [b, c, seven, x] = run();
    assert.deepEqual([b(), c(), seven, x], [2, 3, 7, 1]);
  });

  it('stops, naming the file and the reason, at what it does not handle', () => {
    const refuses = (modules, reason) => assert.throws(() => bundle(['a.mjs'], modules), reason);
    refuses({ 'a.mjs': 'export let n = 1;\n' }, /a\.mjs: this export or import is not a form the build handles/);
    refuses({ 'a.mjs': "import { n } from './b.mjs';\n", 'b.mjs': 'export const m = 1;\n' }, /a\.mjs imports “n” from b\.mjs, which does not export it/);
    refuses({ 'a.mjs': "import './b.mjs';\n", 'b.mjs': "import './a.mjs';\n" }, /import cycle: a\.mjs → b\.mjs → a\.mjs/);
    refuses({ 'a.mjs': "const m = await import('./b.mjs');\n" }, /a\.mjs: dynamic import\(\) is not handled/);
    refuses({ 'a.mjs': "export * from './b.mjs';\n", 'b.mjs': '' }, /not a form the build handles/);
    refuses({ 'a.mjs': "export { n } from './b.mjs';\n", 'b.mjs': 'export const n = 1;\n' }, /“export … from” is not handled/);
    refuses({ 'a.mjs': "import x from 'lodash';\n" }, /“lodash” is not a relative path/);
    refuses({ 'a.mjs': 'const here = import.meta.url;\n' }, /import\.meta is not handled/);
    refuses({ 'a.mjs': 'export default 1 + 1;\n' }, /not a form the build handles/);
  });
});
