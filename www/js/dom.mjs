// @ts-check
// Small DOM and wording helpers. Text always goes in as text nodes, never as HTML.

/** @import { CompactFinding, ContactDetails, Finding, SourceCitation, Urgency } from '../types/waymark' */
/**
 * An element's attributes for `h`: values are written as text, `true` as an empty attribute, and
 * `on…` functions become listeners; false, null and undefined are left out.
 *
 * @typedef {Record<string, string | number | boolean | null | undefined | EventListener>} Attributes
 */

/**
 * Creates an element. Attributes that are false, null or undefined are left out; `true` sets an
 * empty attribute; `on…` attributes add listeners. Children may be nodes, strings or nested
 * arrays; null and false are skipped.
 *
 * @param {string} tag
 * @param {Attributes} [attributes]
 * @param {...unknown} children  nodes, text, lists of them; null, undefined and false are skipped
 * @returns {HTMLElement}
 */
export function h(tag, attributes = {}, ...children) {
  const $element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      $element.addEventListener(name.slice(2), /** @type {EventListener} */ (value));
    } else {
      $element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  $element.append(...nodes(children));
  return $element;
}

/**
 * @param {unknown[]} children
 * @returns {(Node | string)[]}
 */
function nodes(children) {
  return children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false).map((child) => (child instanceof Node ? child : String(child)));
}

/**
 * Text for screen readers only.
 *
 * @param {string} text
 */
export function hidden(text) {
  return h('span', { class: 'govuk-visually-hidden' }, text);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "2026-11-22" as "22 November 2026".
 *
 * @param {string} iso
 */
export function longDate(iso) {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/**
 * An event as the draft keeps it, "2026-11-01" or "2026-11-01/2026-11-03" (ISO 8601's interval:
 * the day it began and the day it ended), in words.
 *
 * @param {string} span
 */
export function eventText(span) {
  const times = /^(\d+)@(\d{4})-(\d{2})/.exec(span);
  if (times) return `${times[1]} ${times[1] === '1' ? 'time' : 'times'} since ${MONTHS[Number(times[3]) - 1]} ${times[2]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(span);
  if (month) return `some day in ${MONTHS[Number(month[2]) - 1]} ${month[1]}`;
  const [from, until] = span.split('/');
  return until ? `${longDate(from)} to ${longDate(until)}` : longDate(from);
}

/**
 * An urgency from the engine ("now", "today" or { workingDays: n }) in words.
 *
 * @param {Urgency} urgency
 */
export function urgencyText(urgency) {
  if (urgency === 'now') return 'Now';
  if (urgency === 'today') return 'Today';
  const days = urgency.workingDays;
  return `Within ${days} working ${days === 1 ? 'day' : 'days'}`;
}

/** @param {string | null | undefined} answer */
export function answerText(answer) {
  return { yes: 'Yes', no: 'No', 'not-known': 'Not known' }[answer ?? ''] ?? 'Not answered';
}

/**
 * One test from the engine's explanation (a "finding") in plain words.
 *
 * @param {CompactFinding | Finding} finding
 * @param {import('./words.mjs').Words} words  the ruleset's wording, for what it tests
 * @returns {string}
 */
export function findingText(finding, words) {
  const text = words.subject(finding);
  // An indicator tested for yes comes as its id alone or alone in a list when nobody has
  // answered it, and in a list with the answer when the test holds.
  if (typeof finding === 'string') return `${text}: ${answerText(null).toLowerCase()}`;
  if (Array.isArray(finding)) return `${text}: ${answerText(finding.length === 2 ? finding[1] : null).toLowerCase()}`;
  switch (finding.test) {
    case 'yes':
    case 'not-known':
    case 'fact':
      return `${text}: ${answerText(finding.answer).toLowerCase()}`;
    case 'events': {
      const dates = finding.dates.map(longDate).join(', ');
      // The engine words "every recorded event" as a window of 65535 days.
      const window = finding.withinDays >= 65535 ? 'recorded' : `in the last ${finding.withinDays} days`;
      const rough = finding.approximate > 0 ? `; ${finding.approximate} of them with a date known only roughly, counted as in the window because ${finding.approximate === 1 ? 'it' : 'they'} could be` : '';
      return `${text}: ${finding.count} ${window}${dates ? ` (${dates})` : ''}${rough}`;
    }
    case 'referral':
      return finding.actual ? `Referral: ${text}` : `Whether ${lowerFirst(text)}`;
    case 'age':
      return ageText(finding);
    case 'judgement':
      return `Your own view of the level${finding.reason ? `: ${finding.reason}` : ''}`;
    default:
      return String(/** @type {{ test: unknown }} */ (finding).test);
  }
}

/**
 * @param {{ minMonths: number | null, maxMonths: number | null, ageMonths: { from: number, to: number } | null }} finding
 */
function ageText(finding) {
  const bound = (/** @type {number} */ months) => (months < 0 ? 'before birth' : months % 12 === 0 ? `${months / 12} years` : `${months} months`);
  const range =
    finding.minMonths !== null && finding.maxMonths !== null
      ? `between ${bound(finding.minMonths)} and ${bound(finding.maxMonths)}`
      : finding.minMonths !== null
        ? `at least ${bound(finding.minMonths)}`
        : `at most ${bound(finding.maxMonths ?? 0)}`;
  return `The child's age is ${range}${finding.ageMonths ? '' : ' (age not given)'}`;
}

/** @param {string} text */
function lowerFirst(text) {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * Where a rule's source is: "Working Together 2023, Chapter 3" or "Child V review, lines 12-20".
 *
 * @param {SourceCitation} source
 */
export function sourceText(source) {
  if (source.lines) return `${source.title}, ${source.lines.includes('-') || source.lines.includes(',') ? 'lines' : 'line'} ${source.lines}`;
  if (source.section) return `${source.title}, ${source.section}`;
  return source.title;
}

/**
 * A contact for the page: as contactText, with its phone number as a tel: link.
 *
 * @param {ContactDetails} contact
 * @returns {(Node | string)[]}
 */
export function contactNodes(contact) {
  if (!contact.phone) return [contactText(contact)];
  const text = contactText(contact);
  const at = text.indexOf(contact.phone);
  const [before, after] = [text.slice(0, at), text.slice(at + contact.phone.length)];
  // A number a phone can dial with one tap; the text around it is as contactText words it.
  return [before, h('a', { class: 'govuk-link app-tel', href: `tel:${contact.phone.replace(/[^\d+]/g, '')}` }, contact.phone), after];
}

/**
 * A contact in one line: its name, then the number and address, or "not set".
 *
 * @param {ContactDetails} contact
 */
export function contactText(contact) {
  if (!contact.set && !contact.phone && !contact.email) {
    // Never circular: where to find it, and a national line to use until it is set.
    const find = contact.findIt ?? "Your safeguarding lead or the local authority's website has it.";
    const meanwhile = contact.meanwhile ? ` Until it is set: ${contact.meanwhile.name}, ${contact.meanwhile.phone}.` : '';
    return `${contact.name}: not set. ${find}${meanwhile}`;
  }
  const parts = [contact.phone, contact.email, contact.hours, contact.outOfHours && `out of hours: ${contact.outOfHours}`].filter(Boolean);
  return `${contact.name}: ${parts.join(', ')}`;
}

/**
 * An element of the page that must be there.
 *
 * @param {string} id
 * @returns {HTMLElement}
 */
export function byId(id) {
  const $element = document.getElementById(id);
  if (!$element) throw new Error(`The page is missing #${id}`);
  return $element;
}

/**
 * Shows what to do in an emergency and why the page could not start: never a blank page. Each
 * page (the guide, setup, trainer) has the same #loading, #app and #failure parts.
 *
 * @param {unknown} error
 */
export function showFailure(error) {
  document.documentElement.setAttribute('data-waymark-failed', '');
  byId('loading').hidden = true;
  byId('app').hidden = true;
  byId('failure').hidden = false;
  byId('failure-reason').textContent = error instanceof Error ? error.message : String(error);
  byId('failure-summary').focus();
  console.error(error);
}
