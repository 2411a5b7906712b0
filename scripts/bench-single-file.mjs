// Single-file benchmark (not a test): dist/waymark.html and dist/waymark-guide.mjs as built.
//   - size of each, raw and gzipped (gzip -9, as a web server or a zip of the shared drive would);
//   - time from opening the single file from file:// (a shared drive) to a usable form: the
//     navigation's start to the page's "waymark-ready" mark, in Debian's chromium, each load in a
//     fresh context with nothing cached, median of 15; the same for its setup view (#setup);
//   - time from an answer to the redrawn guidance in the single file, median of 60 answers.
// Usage: node scripts/bench-single-file.mjs   (after scripts/build; scripts/bench may run it)
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const ROOT = new URL('..', import.meta.url);
const FILES = ['dist/waymark.html', 'dist/waymark-guide.mjs'];
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND'];
const RUNS = 15;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const sizes = FILES.map((file) => {
  const bytes = readFileSync(new URL(file, ROOT));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
const url = pathToFileURL(new URL(FILES[0], ROOT).pathname).href;

/**
 * Opens the file in a fresh context and returns how long it took to be usable.
 *
 * @param {string} suffix
 */
async function load(suffix) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const tab = await context.newPage();
  await tab.goto(`${url}${suffix}`);
  await tab.waitForSelector('html[data-waymark-ready]', { state: 'attached' });
  // The guide marks "waymark-ready"; the setup view only sets the attribute, so its time is
  // measured to the first check after it.
  const ready = await tab.evaluate(() => performance.getEntriesByName('waymark-ready')[0]?.startTime ?? performance.now());
  await context.close();
  return ready;
}

// One load first, so the first figure is not the browser's own start.
await load('');
const guide = [];
const setup = [];
for (let run = 0; run < RUNS; run++) {
  guide.push(await load(''));
  setup.push(await load('#setup'));
}

const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const tab = await context.newPage();
await tab.goto(`${url}#worries`);
await tab.waitForSelector('html[data-waymark-ready]', { state: 'attached' });
const answers = await tab.evaluate(async () => {
  for (const $details of document.querySelectorAll('details[data-domain]')) /** @type {HTMLDetailsElement} */ ($details).open = true;
  const radios = [...document.querySelectorAll('#step-worries input[type="radio"]')];
  const frame = [];
  for (let i = 0; i < 60; i++) {
    const radio = /** @type {HTMLInputElement} */ (radios[(i * 7) % radios.length]);
    const start = performance.now();
    radio.click();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    frame.push(performance.now() - start);
  }
  return frame;
});
await browser.close();

console.log(`single file in chromium ${browser.version()} from ${url}`);
for (const { file, raw, gzip } of sizes) console.log(`  ${file.padEnd(24)} ${String(raw).padStart(9)} bytes (${kb(raw)}), ${String(gzip).padStart(8)} gzipped (${kb(gzip)})`);
console.log(`  opening to usable form, the guide (median of ${RUNS})   ${median(guide).toFixed(0).padStart(5)} ms   (min ${Math.min(...guide).toFixed(0)}, max ${Math.max(...guide).toFixed(0)})`);
console.log(`  opening to usable form, #setup (median of ${RUNS})      ${median(setup).toFixed(0).padStart(5)} ms   (min ${Math.min(...setup).toFixed(0)}, max ${Math.max(...setup).toFixed(0)})`);
console.log(`  answer to the frame that paints the guidance (median of ${answers.length})  ${median(answers).toFixed(1)} ms`);
