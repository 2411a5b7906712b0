// Page benchmark (not a test): the page served from loopback by scripts/serve.mjs (gzip on)
// and loaded in Debian's chromium with an empty cache each time.
//   - time from navigation to a usable form (the app's "waymark-ready" mark), median of 15;
//   - bytes transferred for that load, compressed and not;
//   - time from an answer to the redrawn guidance: the click's handler (assess + redraw), and
//     to the start of the next frame (the one that paints it), medians over 120 answers.
// Usage: node scripts/bench-page.mjs   (scripts/bench runs it after the engine benchmarks)
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const { server, url } = await serve({ port: 0 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
const page = `${url}www/`;

const loads = [];
let bytes = null;
for (let run = 0; run < 15; run++) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  const tab = await context.newPage();
  await tab.goto(page);
  await tab.waitForSelector('html[data-waymark-ready]', { state: 'attached' });
  const measured = await tab.evaluate(() => {
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    return {
      ready: performance.getEntriesByName('waymark-ready')[0].startTime,
      files: entries.length,
      transferred: entries.reduce((sum, e) => sum + e.transferSize, 0),
      compressed: entries.reduce((sum, e) => sum + e.encodedBodySize, 0),
      uncompressed: entries.reduce((sum, e) => sum + e.decodedBodySize, 0),
    };
  });
  loads.push(measured.ready);
  bytes ??= measured;
  await context.close();
}

const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
const tab = await context.newPage();
await tab.goto(`${page}#worries`);
await tab.waitForSelector('html[data-waymark-ready]', { state: 'attached' });
const answers = await tab.evaluate(async () => {
  const radios = [...document.querySelectorAll('#step-worries input[type="radio"]')];
  const handler = [];
  const frame = [];
  for (let i = 0; i < 120; i++) {
    const radio = /** @type {HTMLInputElement} */ (radios[(i * 7) % radios.length]);
    const start = performance.now();
    radio.click();
    handler.push(performance.now() - start);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    frame.push(performance.now() - start);
  }
  return { handler, frame, answered: document.querySelectorAll('#step-worries input[type="radio"]:checked').length };
});
await browser.close();
server.close();

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`page in chromium ${browser.version()} from ${url} (gzip on, empty cache, service worker off)`);
console.log(`  navigation to usable form (median of ${loads.length})  ${median(loads).toFixed(0).padStart(6)} ms   (min ${Math.min(...loads).toFixed(0)}, max ${Math.max(...loads).toFixed(0)})`);
console.log(`  transferred: ${bytes.files} files, ${kb(bytes.transferred)} with headers; bodies ${kb(bytes.compressed)} compressed, ${kb(bytes.uncompressed)} uncompressed`);
console.log(`  answer to guidance, handler (median of ${answers.handler.length})  ${median(answers.handler).toFixed(2).padStart(6)} ms   (max ${Math.max(...answers.handler).toFixed(2)})`);
console.log(`  answer to the frame that paints it (median)  ${median(answers.frame).toFixed(2).padStart(6)} ms`);
