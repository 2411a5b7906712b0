// @ts-check
// Handing the guidance on: plain text for pasting into a referral form, and the case as a file.
// The text carries the practitioner's own notes, which the engine never sees.

import { contactText, findingText, h, longDate, urgencyText } from './dom.mjs';
import { decisionText, questionText } from './guidance.mjs';

/**
 * @typedef {{ text: string, sub?: string[], refs?: number[] }} Item
 * @typedef {{ title: string, items: Item[], numbered?: boolean }} Section
 * @typedef {{ heading: string, lead: string[], sections: Section[], sources: string[], closing: string[] }} HandOn
 */

/** How many open questions and prompts a hand-on lists; the guide itself has them all. */
const QUESTIONS_HANDED_ON = 4;
const PROMPTS_HANDED_ON = 4;

/**
 * What is handed on, once: the answers first (what a referral form asks for), then the guidance.
 * Copy as text and print both draw from this, so they cannot word the same thing differently.
 * Sources become numbered notes, listed once at the end.
 *
 * @param {any} assessment  with or without the trace
 * @param {import('./draft.mjs').Draft} draft
 * @returns {HandOn}
 */
export function handOn(assessment, draft) {
  // One note per document, listing every place in it that a reason cites.
  /** @type {{ title: string, places: string[] }[]} */
  const notes = [];
  const ref = (source) => {
    let at = notes.findIndex((note) => note.title === source.title);
    if (at < 0) at = notes.push({ title: source.title, places: [] }) - 1;
    const place = source.lines ?? source.section;
    if (place && !notes[at].places.includes(place)) notes[at].places.push(place);
    return at + 1;
  };
  const level = assessment.level;
  const age = assessment.childAge;
  const lead = [
    ...(assessment.immediateDanger ? ['EMERGENCY: CALL 999 NOW.'] : []),
    `Level of need: ${level.name}. ${level.response}`,
  ];
  const judgement = assessment.judgement;
  if (judgement) {
    const effect = { raised: 'higher than the rules; the guidance follows it', agrees: 'the same as the rules', lower: 'lower than the rules; to be discussed with the safeguarding lead' }[judgement.effect];
    lead.push(`Practitioner's view: ${judgement.level.name} (${effect}). Reason: ${judgement.reason}`);
  }
  /** @type {Section[]} */
  const sections = [
    {
      title: 'What was recorded',
      items: [
        { text: age ? `Child's age: ${ageText(age)}` : "Child's age: not given" },
        ...(draft.notes.livesWith.trim() ? [{ text: `Lives with: ${draft.notes.livesWith.trim()}` }] : []),
        ...assessment.answered.map((finding) => ({ text: findingText(finding) })),
        ...(draft.notes.notes.trim() ? [{ text: `Practitioner's notes: ${draft.notes.notes.trim()}` }] : []),
      ],
    },
    { title: 'What to do', numbered: true, items: assessment.actions.map((action) => ({ text: `${urgencyText(action.urgency)}: ${action.text} (by ${longDate(action.dueBy)})` })) },
    {
      title: 'Who to tell',
      items: assessment.referrals.map((referral) => {
        const set = referral.contacts.filter((contact) => contact.set || contact.phone);
        const unset = referral.contacts.filter((contact) => !(contact.set || contact.phone));
        return {
          text: `${referral.name}: ${urgencyText(referral.urgency).toLowerCase()}, by ${longDate(referral.dueBy)}. Who can refer: ${referral.whoMaySubmit}${referral.decisionBy ? ` ${decisionText(referral, null)}` : ''}`,
          sub: [
            ...set.map((contact) => contactText(contact)),
            ...(unset.length > 0 ? [notSetText(unset)] : []),
            `Consent: ${referral.consent}`,
          ],
        };
      }),
    },
    ...(assessment.escalation
      ? [
          {
            title: 'If you are still worried: escalate',
            numbered: true,
            items: assessment.escalation.stages.map((stage) => ({
              text: `${stage.name}: ${stage.who}. ${stage.what} ${urgencyText(stage.timescale)}${stage.timescaleIsDefault ? ' (a default: check your local procedure)' : ''}.`,
            })),
          },
        ]
      : []),
    // The questions that could change the most come first; a hand-on keeps the first few.
    {
      title: 'Worth finding out',
      items: [
        ...assessment.questions.slice(0, QUESTIONS_HANDED_ON).map((question) => ({ text: questionText(question) })),
        ...(assessment.questions.length > QUESTIONS_HANDED_ON ? [{ text: `And ${assessment.questions.length - QUESTIONS_HANDED_ON} more in the guide.` }] : []),
      ],
    },
    {
      title: 'Think about',
      items: [
        ...assessment.prompts.slice(0, PROMPTS_HANDED_ON).map((prompt) => ({ text: prompt.text })),
        ...(assessment.prompts.length > PROMPTS_HANDED_ON ? [{ text: `And ${assessment.prompts.length - PROMPTS_HANDED_ON} more in the guide.` }] : []),
      ],
    },
    { title: 'Why', items: assessment.reasons.map((reason) => ({ text: `${reason.reason}${reason.level ? ` (at least ${reason.level.name})` : ''}`, refs: [...new Set(reason.sources.map(ref))] })) },
  ].filter((section) => section.items.length > 0);
  const ruleset = assessment.ruleset;
  return {
    heading: `Waymark guidance as at ${longDate(assessment.asOf)}`,
    lead,
    sections,
    sources: notes.map((note) => {
      const lines = note.places.filter((place) => /^\d/.test(place));
      const sections = note.places.filter((place) => !/^\d/.test(place));
      const where = [lines.length > 0 && `lines ${lines.join(', ')}`, ...sections].filter(Boolean);
      return where.length > 0 ? `${note.title}: ${where.join('; ')}` : note.title;
    }),
    closing: [
      `Ruleset: ${ruleset.title}, version ${ruleset.version}, due for review ${longDate(ruleset.reviewDate)}${assessment.profile ? `; local details: ${assessment.profile.organisation}` : ''}.`,
      assessment.notice,
    ],
  };
}

/**
 * The hand-on as plain text, for pasting into a referral form. Sources (as numbered notes) and
 * the ruleset's fingerprint are left out unless asked for: a referral form needs the facts.
 *
 * @param {any} assessment
 * @param {import('./draft.mjs').Draft} draft
 * @param {{ sources?: boolean }} [options]
 */
export function caseText(assessment, draft, { sources = false } = {}) {
  const doc = handOn(assessment, draft);
  const lines = [doc.heading, '', ...doc.lead];
  for (const section of doc.sections) {
    lines.push('', section.title.toUpperCase());
    section.items.forEach((item, i) => {
      const marks = sources && item.refs?.length ? ` [${item.refs.join(', ')}]` : '';
      lines.push(`${section.numbered ? `${i + 1}.` : '-'} ${item.text}${marks}`, ...(item.sub ?? []).map((line) => `  ${line}`));
    });
  }
  if (sources && doc.sources.length > 0) lines.push('', 'SOURCES', ...doc.sources.map((text, i) => `[${i + 1}] ${text}`));
  lines.push('', ...doc.closing);
  if (sources) lines.push(`Fingerprint: ruleset ${assessment.ruleset.id} ${assessment.ruleset.hash}, engine ${assessment.engineVersion}.`);
  return `${lines.join('\n')}\n`;
}

/**
 * The hand-on for paper: the same sections, with the sources as short numbered notes at the end.
 *
 * @param {any} assessment
 * @param {import('./draft.mjs').Draft} draft
 * @returns {HTMLElement[]}
 */
export function printView(assessment, draft) {
  const doc = handOn(assessment, draft);
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
            item.refs?.length ? h('sup', { class: 'app-print__ref' }, ` ${item.refs.join(',')}`) : null,
            item.sub?.length ? h('ul', { class: 'govuk-list govuk-body-s app-print__sub' }, item.sub.map((line) => h('li', {}, line))) : null,
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
 * Contacts not set yet, in one line for paper: their names, and the national lines to use until
 * they are (the guide itself says where to find each number).
 *
 * @param {any[]} contacts
 */
function notSetText(contacts) {
  const lines = [...new Set(contacts.filter((contact) => contact.meanwhile).map((contact) => `${contact.meanwhile.name}, ${contact.meanwhile.phone}`))];
  return `Not set yet: ${contacts.map((contact) => contact.name).join('; ')}.${lines.length > 0 ? ` Until they are: ${lines.join('; ')}.` : ''}`;
}

/** @param {{ from: number, to: number }} age */
function ageText(age) {
  if (age.to < 0) return 'not born yet';
  if (age.to - age.from === 11 && age.from % 12 === 0) return `${age.from / 12} years`;
  return age.from >= 24 ? `${Math.floor(age.from / 12)} years (${age.from} months)` : `${age.from} months`;
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
