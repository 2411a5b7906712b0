// A stopped engine never silently stops the guidance: the page keeps a spare instance (made with
// the page from the module it has already compiled, so no request follows and the wasm is
// downloaded once), swaps it in when a call traps, and says so.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answer, context, guidance, open, useBrowser } from './harness.mjs';

const env = useBrowser();

/** Makes the page's engine throw what a trapped instance throws, on its next `guidance` call. */
async function trapNextCall(page) {
  await page.evaluate(async () => {
    const pkg = await import(new URL('../pkg/waymark.js', location.href).href);
    const original = pkg.Engine.prototype.guidance;
    pkg.Engine.prototype.guidance = function () {
      pkg.Engine.prototype.guidance = original;
      throw new WebAssembly.RuntimeError('unreachable');
    };
  });
}

describe('a stopped engine', () => {
  it('is restarted on its spare, the answer is worked out again, and the page says so', async () => {
    const { ctx, requests, problems } = await context(env.browser, env.url);
    const page = await open(ctx, env.page);
    const atReady = requests.length;
    assert.ok(
      requests.some((url) => /pkg\/waymark\.js\?instance=1$/.test(url)),
      `the spare instance is loaded with the page: ${requests.join('\n')}`,
    );
    assert.equal(requests.filter((url) => /waymark_bg\.wasm/.test(url)).length, 1, 'the wasm is downloaded once');
    await page.goto(`${env.page}#worries`);
    await trapNextCall(page);
    // A level that does not depend on the child's age, which this page has not been given.
    await answer(page, 'suicidal-thoughts', 'yes');
    assert.equal((await guidance(page)).level, 'child-in-need', 'the same guidance, from the spare');
    const notice = await page.textContent('#notice');
    assert.match(notice ?? '', /The guidance engine stopped after an internal error and was restarted/);
    // A new spare is made ready for the next time: the only requests after load are its own.
    await page.waitForTimeout(200);
    assert.deepEqual(
      requests.slice(atReady).filter((url) => !/pkg\/waymark\.js\?instance=2$|icons\/icon\.svg$/.test(url)),
      [],
    );
    assert.deepEqual(problems, []);
    await ctx.close();
  });
});
