// @ts-check
// Handing the guidance on: plain text for pasting into a referral form, the summary for paper,
// and the case as a file. The wording is the engine's (`engine.handOn`); this file draws it.

import { h } from './dom.mjs';

/** @import { Case, HandedOn } from '../types/waymark' */
/** @typedef {Pick<import('../../pkg/waymark.js').Engine, 'handOn'>} HandsOn  an engine, or anything that hands on as one */

/**
 * What is handed on, worded once by the engine (the command line's `--format text` prints the
 * same): the answers first, then the guidance, with the practitioner's own notes.
 *
 * @param {HandsOn} engine
 * @param {Case} case_
 * @param {import('./draft.mjs').Draft} draft
 * @param {{ sources?: boolean }} [options]
 * @returns {HandedOn}
 */
function handedOn(engine, case_, draft, { sources = false } = {}) {
  return engine.handOn(case_, draft.notes.livesWith, draft.notes.notes, sources);
}

/**
 * The hand-on as plain text, for pasting into a referral form. Sources (as numbered notes) and
 * the ruleset's fingerprint are left out unless asked for: a referral form needs the facts.
 *
 * @param {HandsOn} engine
 * @param {Case} case_
 * @param {import('./draft.mjs').Draft} draft
 * @param {{ sources?: boolean }} [options]
 */
export function caseText(engine, case_, draft, options = {}) {
  return handedOn(engine, case_, draft, options).text;
}

/**
 * The hand-on for paper: the same sections, with the sources as short numbered notes at the end.
 *
 * @param {HandsOn} engine
 * @param {Case} case_
 * @param {import('./draft.mjs').Draft} draft
 * @returns {HTMLElement[]}
 */
export function printView(engine, case_, draft) {
  const doc = handedOn(engine, case_, draft).handOn;
  /**
   * @param {boolean} numbered
   * @param {HTMLElement[]} items
   */
  const list = (numbered, items) => h(numbered ? 'ol' : 'ul', { class: `govuk-list govuk-body-s ${numbered ? 'govuk-list--number' : 'govuk-list--bullet'}` }, items);
  const sections = doc.sections.map((section) =>
    h(
      'section',
      { class: 'app-print__section' },
      h('h2', { class: 'govuk-heading-s' }, section.title),
      list(
        section.numbered,
        section.items.map((item) =>
          h(
            'li',
            {},
            item.text,
            item.refs.length ? h('sup', { class: 'app-print__ref' }, ` ${item.refs.join(',')}`) : null,
            item.sub.length ? h('ul', { class: 'govuk-list govuk-body-s app-print__sub' }, item.sub.map((line) => h('li', {}, line))) : null,
          ),
        ),
      ),
    ),
  );
  const notes = doc.sources.length > 0 && h('section', { class: 'app-print__section app-print__notes' }, h('h2', { class: 'govuk-heading-s' }, 'Sources'), list(true, doc.sources.map((text) => h('li', {}, text))));
  return [
    h('h1', { class: 'govuk-heading-m' }, doc.heading),
    ...doc.lead.map((line) => h('p', { class: 'govuk-body-s app-print__lead' }, line)),
    h('div', { class: 'app-print__body' }, sections, notes),
    ...doc.closing.map((line) => h('p', { class: 'govuk-body-s app-print__closing' }, line)),
  ];
}

/**
 * Copies text to the clipboard. Resolves false when the browser will not allow it (an
 * intranet page not served over HTTPS, for example), so the page can show the text instead.
 *
 * @param {string} text
 */
export async function copyToClipboard(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Saves text as a file where the practitioner chooses. Nothing is uploaded: the file is made
 * in the page.
 *
 * @param {string} text
 * @param {string} name
 */
export function download(text, name) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const $link = document.createElement('a');
  $link.href = url;
  $link.download = name;
  document.body.append($link);
  $link.click();
  $link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
