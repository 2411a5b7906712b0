// Finding a question in a practitioner's own words, measured in the page: for each everyday
// phrase in tests/search-phrases.json (written by someone who had not seen the search code, each
// with the questions a practitioner means), at least one of those questions must be among the
// first five results, for at least 95% of the phrases.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { context, open, useBrowser } from './harness.mjs';

const env = useBrowser();
const PHRASES = JSON.parse(readFileSync(new URL('../search-phrases.json', import.meta.url), 'utf8'));

describe('search in a practitioner’s own words', () => {
  it(`finds what is meant in the first five results for at least 95% of ${PHRASES.length} everyday phrases`, async () => {
    assert.ok(PHRASES.length >= 150, 'at least 150 phrases');
    const { ctx, problems } = await context(env.browser, env.url);
    const page = await open(ctx, `${env.page}#worries`);
    const misses = [];
    for (const { phrase, means } of PHRASES) {
      await page.fill('#search', phrase);
      const top = await page.evaluate(() => [...document.querySelectorAll('#search-results [data-indicator]')].slice(0, 5).map(($q) => $q.getAttribute('data-indicator')));
      if (!means.some((id) => top.includes(id))) misses.push(`“${phrase}”: wanted ${means.join(' or ')}, got ${top.join(', ') || 'nothing'}`);
    }
    const rate = (PHRASES.length - misses.length) / PHRASES.length;
    console.log(`search: ${PHRASES.length - misses.length} of ${PHRASES.length} phrases (${(rate * 100).toFixed(1)}%) find what is meant in the top five`);
    assert.ok(rate >= 0.95, `only ${(rate * 100).toFixed(1)}% found:\n${misses.join('\n')}`);
    assert.deepEqual(problems, []);
    await ctx.close();
  });

  it('a query word that matches nothing is read as the nearest known word, and the page says so', async () => {
    const { ctx } = await context(env.browser, env.url);
    const page = await open(ctx, `${env.page}#worries`);
    await page.fill('#search', 'neglet');
    assert.match(await page.textContent('#search-count'), /Showing results for “neglect”/);
    const top = await page.evaluate(() => [...document.querySelectorAll('#search-results [data-indicator]')].slice(0, 5).map(($q) => $q.getAttribute('data-indicator')));
    assert.ok(top.includes('neglect-basic-care'), top.join());
    // Substrings are not matches: "cce" is a word of its own, not part of "access".
    await page.fill('#search', 'cce');
    const cce = await page.evaluate(() => [...document.querySelectorAll('#search-results [data-indicator]')].map(($q) => $q.getAttribute('data-indicator')));
    assert.ok(!cce.includes('refused-access'), cce.join());
    assert.ok(cce.includes('county-lines'), cce.join());
    await ctx.close();
  });
});
