// @ts-check
// The steps of the form, built from the engine's description of the ruleset: nothing here knows
// a particular indicator, level or route. Inputs are named after the part of the draft they
// fill, so one listener keeps the draft up to date.

import { ErrorSummary } from '../vendor/govuk-frontend/govuk-frontend.min.js';
import { answerText, eventText, h, hidden, longDate } from './dom.mjs';
import { buildIndex, nearestWords, searchWithCorrections } from './search.mjs';
import { isoDate } from './draft.mjs';

/** @typedef {import('./draft.mjs').Draft} Draft */
/** @import { Answer, AgeSpan, CompactAssessment, Description, Fact, FactItem, IndicatorInfo, LevelRef, ReferralItem, ReferralOutcome, Step } from '../types/waymark' */
/** @typedef {import('./draft.mjs').FieldError} FieldError */

export const STEPS = [
  { id: 'child', title: 'About the child' },
  { id: 'worries', title: 'What you are worried about' },
  { id: 'so-far', title: 'What has happened so far' },
  { id: 'view', title: 'Your own view' },
  { id: 'check', title: 'Check your answers' },
];

const ANSWERS = [
  ['yes', 'Yes'],
  ['no', 'No'],
  ['not-known', 'Not known'],
];

/**
 * Builds every step into `$steps` and the step links into `$nav`.
 *
 * @param {Description} description  from `engine.describe()`
 * @param {HTMLElement} $steps
 * @param {HTMLElement} $nav
 */
export function buildForm(description, $steps, $nav) {
  const byStep = (/** @type {Step} */ step) => description.indicators.filter((indicator) => indicator.step === step);
  const looked = description.facts.find((fact) => fact.fact === 'looked-after');
  const otherFacts = description.facts.filter((fact) => fact.fact !== 'looked-after');

  $nav.replaceChildren(
    ...STEPS.map((step, i) =>
      h('li', { class: 'app-step-nav__item' }, h('a', { class: 'govuk-link app-step-nav__link', href: `#${step.id}`, 'data-step-link': step.id }, `${i + 1}. ${step.title}`)),
    ),
  );

  const sections = {
    child: [
      dateGroup('as-of', 'asOf', 'Date of this assessment', 'Usually today. Change it to see the guidance as it stood on another day.'),
      ageGroup(),
      looked && answerGroup(`fact:${looked.fact}`, `f-${looked.fact}`, looked.text, looked.help),
      byStep('child').map(indicatorGroup),
      textGroup('note-lives-with', 'note:livesWith', 'Who does the child live with? (optional)', 'For your own notes and the text you copy into a referral. The rules do not use it, and it never leaves this page.'),
    ],
    worries: [
      h('p', { class: 'govuk-body' }, 'Answer what you know. Choose “Not known” when a question matters here and you do not know the answer, whether or not you have asked yet; leave out questions that do not apply. The guidance says what to find out first.'),
      h(
        'div',
        { class: 'govuk-form-group app-search' },
        h('label', { class: 'govuk-label govuk-label--s', for: 'search' }, 'Search the questions'),
        h('div', { class: 'govuk-hint', id: 'search-hint' }, 'In your own words, for example: bruises, grabbed, dad, ran away, not brought, sexting'),
        h('input', { class: 'govuk-input', id: 'search', type: 'search', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'search-hint search-count', 'aria-controls': 'search-results', 'data-search': true }),
        h('div', { class: 'govuk-body-s app-search__count', id: 'search-count', 'aria-live': 'polite' }),
      ),
      h('div', { class: 'app-search__results', id: 'search-results', hidden: true }),
      domainJumps(description, 'worries'),
      h('div', { class: 'app-age-filter', id: 'age-filter', hidden: true }, h('p', { class: 'govuk-body-s', id: 'age-filter-text' }), h('button', { type: 'button', class: 'govuk-button govuk-button--secondary app-button--small', id: 'age-filter-toggle', 'aria-controls': 'steps' })),
      domainSections(description, 'worries'),
    ],
    'so-far': [
      otherFacts.map((fact) => answerGroup(`fact:${fact.fact}`, `f-${fact.fact}`, fact.text, fact.help)),
      referralGroup(description.referralOutcomes),
      domainSections(description, 'so-far'),
    ],
    view: [
      judgementGroup(description.levels),
      textGroup('note-notes', 'note:notes', 'Your notes (optional)', 'Anything you want to remember or pass on. They stay on this page: the rules do not use them, but “Copy as text” and “Download the case” include them.'),
    ],
    check: [h('div', { id: 'check-answers' }), handOn()],
  };

  $steps.replaceChildren(
    ...STEPS.map((step, i) =>
      h(
        'section',
        { class: 'app-step', id: `step-${step.id}`, 'aria-labelledby': `step-${step.id}-title`, hidden: true },
        i > 0 && h('a', { href: `#${STEPS[i - 1].id}`, class: 'govuk-back-link' }, 'Back'),
        h('div', { 'data-error-summary': step.id }),
        h('span', { class: 'govuk-caption-l' }, `Step ${i + 1} of ${STEPS.length}`),
        h('h1', { class: 'govuk-heading-l', id: `step-${step.id}-title`, tabindex: '-1' }, step.title),
        sections[/** @type {keyof typeof sections} */ (step.id)],
        i < STEPS.length - 1 && h('div', { class: 'govuk-button-group' }, h('button', { type: 'button', class: 'govuk-button', 'data-continue': step.id }, 'Continue')),
      ),
    ),
  );
  return new Form(description, $steps, $nav);
}

class Form {
  /**
   * @param {Description} description
   * @param {HTMLElement} $steps
   * @param {HTMLElement} $nav
   */
  constructor(description, $steps, $nav) {
    this.description = description;
    this.$steps = $steps;
    this.$nav = $nav;
    this.showAllAges = false;
    /** @type {{ from: number, to: number } | null} */
    this.childAge = null;
    /** @type {Draft | null} */
    this.draft = null;
    this.index = buildIndex(description.indicators.filter((indicator) => indicator.step === 'worries'), description);
    /** Where each question moved into the search results came from. */
    /** @type {Map<HTMLElement, Comment>} */
    this.moved = new Map();
  }

  /**
   * Shows one step and marks it in the step links.
   *
   * @param {string} stepId
   */
  show(stepId) {
    for (const $section of this.$steps.querySelectorAll('.app-step')) {
      /** @type {HTMLElement} */ ($section).hidden = $section.id !== `step-${stepId}`;
    }
    for (const $link of this.$nav.querySelectorAll('[data-step-link]')) {
      if ($link.getAttribute('data-step-link') === stepId) $link.setAttribute('aria-current', 'step');
      else $link.removeAttribute('aria-current');
    }
  }

  /**
   * Sets every input from the draft.
   *
   * @param {Draft} draft
   */
  fill(draft) {
    this.draft = draft;
    for (const $input of this.$steps.querySelectorAll('input, textarea')) {
      const input = /** @type {HTMLInputElement} */ ($input);
      const value = readDraft(draft, input.name);
      if (input.type === 'radio') input.checked = value === input.value;
      else if (input.type === 'checkbox') input.checked = value === input.value;
      else if (input.type !== 'search' && input.type !== 'file') input.value = value ?? '';
    }
    for (const indicator of this.description.indicators) {
      if (indicator.kind === 'event') this.renderEvents(indicator.id, draft.events[indicator.id] ?? []);
    }
    this.openAnswered(draft);
    this.showAgeDetail(draft.age.mode);
    this.filter();
  }

  /**
   * Opens every group that holds an answer, so nothing recorded is folded out of sight, and
   * says how many of each group's questions are answered.
   *
   * @param {Draft} draft
   */
  openAnswered(draft) {
    for (const $domain of this.$steps.querySelectorAll('details[data-domain]')) {
      const ids = [...$domain.querySelectorAll('[data-indicator]')].map(($q) => /** @type {HTMLElement} */ ($q).dataset.indicator ?? '');
      const answered = ids.filter((id) => draft.answers[id] || draft.events[id]?.length).length;
      // A date half typed is kept in view too: nothing entered is folded out of sight.
      const typing = ids.some((id) => Object.values({ ...draft.pending[id], ...draft.pending[`${id}/until`] }).some((part) => String(part).trim()));
      if (answered > 0 || typing) /** @type {HTMLDetailsElement} */ ($domain).open = true;
      const $count = $domain.querySelector('[data-domain-count]');
      if ($count) $count.textContent = `${ids.length} ${ids.length === 1 ? 'question' : 'questions'}${answered > 0 ? `, ${answered} answered` : ''}`;
    }
  }

  /**
   * Shows the input for the way the child's age is known.
   *
   * @param {string} mode
   */
  showAgeDetail(mode) {
    for (const $detail of this.$steps.querySelectorAll('[data-age-mode]')) {
      /** @type {HTMLElement} */ ($detail).hidden = $detail.getAttribute('data-age-mode') !== mode;
    }
  }

  /**
   * Lists the dates recorded for an event indicator, each with a Remove button.
   *
   * @param {string} id
   * @param {string[]} dates
   */
  renderEvents(id, dates) {
    const $list = this.$steps.querySelector(`#e-${id}-dates`);
    if (!$list) return;
    const text = this.description.indicators.find((indicator) => indicator.id === id)?.text ?? id;
    $list.replaceChildren(
      ...dates.map((date) =>
        h(
          'li',
          { class: 'app-event__date' },
          h('span', {}, eventText(date)),
          ' ',
          h('button', { type: 'button', class: 'govuk-button govuk-button--secondary app-button--small', 'data-remove-event': id, 'data-date': date, 'aria-label': `Remove ${eventText(date)}: ${text}` }, 'Remove'),
        ),
      ),
    );
    const $count = this.$steps.querySelector(`#e-${id}-count`);
    if ($count) $count.textContent = dates.length === 0 ? 'None recorded.' : `${dates.length} recorded:`;
  }

  /**
   * Hides the questions that are not for this child's age (unless answered, or all are shown).
   *
   * @param {{ from: number, to: number } | null} childAge  from the assessment
   */
  setChildAge(childAge) {
    if (JSON.stringify(childAge) === JSON.stringify(this.childAge)) return;
    this.childAge = childAge;
    this.filter();
  }

  /** Applies the search and the age filter to the questions. */
  filter() {
    const $search = /** @type {HTMLInputElement | null} */ (this.$steps.querySelector('#search'));
    const query = ($search?.value ?? '').trim();
    const age = this.childAge;
    // Questions moved into the results go back to their places before each search.
    for (const [$question, $placeholder] of this.moved) $placeholder.replaceWith($question);
    this.moved.clear();
    const { matches: ranked, corrected } = query ? searchWithCorrections(this.index, query) : { matches: [], corrected: [] };
    const matching = new Set(ranked.map((match) => match.id));
    let otherAges = 0;
    for (const indicator of this.description.indicators) {
      const $question = /** @type {HTMLElement | null} */ (this.$steps.querySelector(`[data-indicator="${indicator.id}"]`));
      if (!$question) continue;
      const answered = Boolean(this.draft?.answers[indicator.id] || this.draft?.events[indicator.id]?.length);
      const min = indicator.ages.minMonths ?? -Infinity;
      const max = indicator.ages.maxMonths ?? Infinity;
      const forThisAge = !age || (age.to >= min && age.from <= max);
      if (!forThisAge && !answered) otherAges += 1;
      const matches = indicator.step !== 'worries' || !query || matching.has(indicator.id);
      $question.hidden = !matches || (!forThisAge && !answered && !this.showAllAges);
    }
    const $results = /** @type {HTMLElement} */ (this.$steps.querySelector('#search-results'));
    const $count = /** @type {HTMLElement} */ (this.$steps.querySelector('#search-count'));
    const shown = ranked.map((match) => /** @type {HTMLElement | null} */ (this.$steps.querySelector(`[data-indicator="${match.id}"]`))).filter(($q) => $q && !$q.hidden);
    $results.hidden = shown.length === 0;
    $results.replaceChildren();
    if (shown.length > 0) {
      $results.append(h('h2', { class: 'govuk-heading-m' }, 'Questions that match, best first'));
      for (const $question of /** @type {HTMLElement[]} */ (shown)) {
        const $placeholder = document.createComment($question.dataset.indicator ?? '');
        $question.replaceWith($placeholder);
        this.moved.set($question, $placeholder);
        $results.append($question);
      }
    }
    for (const $domain of this.$steps.querySelectorAll('[data-domain]')) {
      /** @type {HTMLElement} */ ($domain).hidden = Boolean(query) || !$domain.querySelector('[data-indicator]:not([hidden])');
    }
    const $jumps = /** @type {HTMLElement | null} */ (this.$steps.querySelector('#domain-jumps'));
    if ($jumps) $jumps.hidden = Boolean(query);
    $count.replaceChildren();
    if (query && shown.length > 0) {
      $count.append(`${shown.length} ${shown.length === 1 ? 'question matches' : 'questions match'} “${query}”.`);
      if (corrected.length > 0) $count.append(` Showing results for ${corrected.map((word) => `“${word}”`).join(', ')}.`);
    }
    else if (query) $count.append(...this.noMatch(query));
    const $filter = /** @type {HTMLElement | null} */ (this.$steps.querySelector('#age-filter'));
    if ($filter) {
      $filter.hidden = otherAges === 0;
      /** @type {HTMLElement} */ (this.$steps.querySelector('#age-filter-text')).textContent = this.showAllAges
        ? `Showing ${otherAges} ${otherAges === 1 ? 'question' : 'questions'} not usually asked at this child’s age.`
        : `${otherAges} ${otherAges === 1 ? 'question is' : 'questions are'} hidden because ${otherAges === 1 ? 'it does' : 'they do'} not usually apply at this child’s age.`;
      /** @type {HTMLElement} */ (this.$steps.querySelector('#age-filter-toggle')).textContent = this.showAllAges ? 'Hide them' : 'Show them';
    }
  }

  /**
   * What to say when nothing matches: the nearest known words to try, and the groups to browse.
   *
   * @param {string} query
   */
  noMatch(query) {
    const near = nearestWords(this.index, query);
    return [
      h('p', { class: 'govuk-body-s' }, `No question matches “${query}”.`, near.length > 0 ? ` Try: ${near.map((word) => `“${word}”`).join(', ')}.` : ' Try another word for it, or look through the groups:'),
      h(
        'ul',
        { class: 'govuk-list app-search__groups' },
        this.description.domains
          .filter((domain) => this.$steps.querySelector(`#step-worries [data-domain="${domain.id}"]`))
          .map((domain) => h('li', {}, h('a', { class: 'govuk-link', href: `#domain-${domain.id}`, 'data-clear-search': domain.id }, domain.name))),
      ),
    ];
  }

  /**
   * Adds the event typed for an indicator: marks the field and returns the error, or redraws
   * the list, clears what was typed and returns null.
   *
   * @param {Draft} draft
   * @param {string} id
   * @param {string} asOf
   * @param {boolean} times  "so many times since", rather than a date
   * @returns {FieldError | null}
   */
  addEvent(draft, id, asOf, times) {
    this.clearErrors();
    const error = addEvent(draft, id, asOf, times);
    if (error) {
      markField(this.$steps, error);
      return error;
    }
    this.renderEvents(id, draft.events[id] ?? []);
    for (const $part of this.$steps.querySelectorAll(`[name^="pending:${id}:"], [name^="pending:${id}/until:"], [name^="pending:${id}/times:"]`)) /** @type {HTMLInputElement} */ ($part).value = '';
    return null;
  }

  /** Shows or hides the questions for other ages. */
  toggleAges() {
    this.showAllAges = !this.showAllAges;
    this.filter();
  }

  /**
   * Shows the errors for one step: an error summary that takes focus, and a message by each
   * field. Errors for other steps are cleared from view.
   *
   * @param {FieldError[]} errors
   * @param {string} stepId
   */
  showErrors(errors, stepId) {
    this.clearErrors();
    const mine = errors.filter((error) => error.step === stepId || stepId === 'check');
    if (mine.length === 0) return;
    const $slot = /** @type {HTMLElement} */ (this.$steps.querySelector(`[data-error-summary="${stepId}"]`));
    const $summary = errorSummary(
      'There is a problem',
      mine.map((error) => ({ href: stepId === 'check' ? `#${error.step}` : `#${error.field}`, text: error.message, focus: error.field })),
    );
    $slot.replaceChildren($summary);
    for (const error of mine) markField(this.$steps, error);
    new ErrorSummary($summary);
  }

  /** Removes every error summary and field error. */
  clearErrors() {
    for (const $slot of this.$steps.querySelectorAll('[data-error-summary]')) $slot.replaceChildren();
    for (const $group of this.$steps.querySelectorAll('.govuk-form-group--error')) $group.classList.remove('govuk-form-group--error');
    for (const $message of this.$steps.querySelectorAll('.govuk-error-message')) $message.remove();
    for (const $input of this.$steps.querySelectorAll('.govuk-input--error, .govuk-textarea--error')) $input.classList.remove('govuk-input--error', 'govuk-textarea--error');
    for (const $described of this.$steps.querySelectorAll('[data-error-described]')) {
      const ids = ($described.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => !id.endsWith('-error'));
      if (ids.length > 0) $described.setAttribute('aria-describedby', ids.join(' '));
      else $described.removeAttribute('aria-describedby');
      $described.removeAttribute('data-error-described');
    }
  }

  /**
   * Fills the check-your-answers step from the draft.
   *
   * @param {Draft} draft
   * @param {CompactAssessment} assessment
   */
  renderCheck(draft, assessment) {
    /** @type {HTMLElement} */ (this.$steps.querySelector('#check-answers')).replaceChildren(...checkAnswers(this.description, draft, assessment, true));
  }
}

/**
 * Where each kind of input lives in the draft, by the first part of its name
 * (`kind:key:part`): how to read the value it shows, and how to store what it now holds.
 * Choices (radios, checkboxes) store their value only when checked.
 *
 * @type {Record<string, { get: (draft: Draft, key: string, part: string) => string | undefined, set: (draft: Draft, key: string, part: string, value: string, checked: boolean) => void }>}
 */
const FIELDS = {
  asOf: { get: (d, key) => d.asOf[datePart(key)], set: (d, key, _, value) => void (d.asOf[datePart(key)] = value) },
  'age-mode': { get: (d) => d.age.mode, set: (d, _, __, value, checked) => void (checked && (d.age.mode = value)) },
  dob: { get: (d, key) => d.age.dob[datePart(key)], set: (d, key, _, value) => void (d.age.dob[datePart(key)] = value) },
  due: { get: (d, key) => d.age.due[datePart(key)], set: (d, key, _, value) => void (d.age.due[datePart(key)] = value) },
  'age-years': { get: (d) => d.age.years, set: (d, _, __, value) => void (d.age.years = value) },
  'age-months': { get: (d) => d.age.months, set: (d, _, __, value) => void (d.age.months = value) },
  answer: { get: (d, key) => d.answers[key], set: (d, key, _, value, checked) => void (checked && (d.answers[key] = /** @type {Answer} */ (value))) },
  unknown: {
    get: (d, key) => d.answers[key],
    set: (d, key, _, value, checked) => {
      if (checked) d.answers[key] = /** @type {Answer} */ (value);
      else delete d.answers[key];
    },
  },
  pending: {
    get: (d, key, part) => d.pending[key]?.[/** @type {'day' | 'month' | 'year' | 'count'} */ (part)] ?? '',
    set: (d, key, part, value) => void (d.pending[key] = { ...{ day: '', month: '', year: '' }, ...d.pending[key], [part]: value }),
  },
  fact: { get: (d, key) => d.facts[key], set: (d, key, _, value, checked) => void (checked && (d.facts[key] = /** @type {Answer} */ (value))) },
  referral: { get: (d) => d.referral, set: (d, _, __, value, checked) => void (checked && (d.referral = /** @type {ReferralOutcome | 'not-known'} */ (value))) },
  'judgement-level': { get: (d) => d.judgement.level, set: (d, _, __, value, checked) => void (checked && (d.judgement.level = value)) },
  'judgement-reason': { get: (d) => d.judgement.reason, set: (d, _, __, value) => void (d.judgement.reason = value) },
  note: { get: (d, key) => d.notes[notePart(key)], set: (d, key, _, value) => void (d.notes[notePart(key)] = value) },
};

/**
 * The part of a date an input's name holds (the form names only these).
 *
 * @param {string} part
 * @returns {keyof import('./draft.mjs').DateParts}
 */
function datePart(part) {
  return /** @type {keyof import('./draft.mjs').DateParts} */ (part);
}

/**
 * The note an input's name holds (the form names only these).
 *
 * @param {string} key
 * @returns {keyof Draft['notes']}
 */
function notePart(key) {
  return /** @type {keyof Draft['notes']} */ (key);
}

/**
 * The value in the draft that an input of this name shows.
 *
 * @param {Draft} draft
 * @param {string} name
 */
function readDraft(draft, name) {
  const [kind, key, part] = name.split(':');
  return FIELDS[kind]?.get(draft, key, part);
}

/**
 * Puts what an input now holds into the draft. Returns false for inputs that are not part of it.
 *
 * @param {Draft} draft
 * @param {HTMLInputElement} $input
 */
export function updateDraft(draft, $input) {
  const [kind, key, part] = $input.name.split(':');
  const field = FIELDS[kind];
  if (!field) return false;
  const choice = $input.type === 'radio' || $input.type === 'checkbox';
  field.set(draft, key, part, $input.value, choice ? $input.checked : true);
  return true;
}

/**
 * Adds the date typed for an event indicator, or says why it cannot.
 *
 * @param {Draft} draft
 * @param {string} id
 * @param {string} asOf  the assessment date in use
 * @returns {FieldError | null}
 */
export function addEvent(draft, id, asOf, times = false) {
  const blank = { day: '', month: '', year: '' };
  if (times) return addTimes(draft, id, asOf);
  const typed = draft.pending[id] ?? blank;
  const typedUntil = draft.pending[`${id}/until`] ?? blank;
  const field = `e-${id}-day`;
  const untilField = `e-${id}-until-day`;
  // The day left blank: some day in that month.
  const month = !typed.day.trim() ? isoMonth(typed.month, typed.year) : null;
  if (month) {
    if (month > asOf.slice(0, 7)) return { field: `e-${id}-month`, step: '', message: 'The month must be no later than the date of this assessment' };
    const dates = (draft.events[id] ??= []);
    if (!dates.includes(month)) dates.push(month);
    dates.sort();
    delete draft.pending[id];
    return null;
  }
  const date = isoDate(typed);
  if (!date) return { field, step: '', message: 'Enter the date it happened, such as 3 11 2026, or just the month and year' };
  if (date > asOf) return { field, step: '', message: 'The date must be on or before the date of this assessment' };
  const untilGiven = Boolean(typedUntil.day.trim() || typedUntil.month.trim() || typedUntil.year.trim());
  const until = untilGiven ? isoDate(typedUntil) : null;
  if (untilGiven && !until) return { field: untilField, step: '', message: 'Enter the last day as a real date, such as 5 11 2026, or leave it blank' };
  if (until && until < date) return { field: untilField, step: '', message: 'The last day must be on or after the day it began' };
  if (until && until > asOf) return { field: untilField, step: '', message: 'The last day must be on or before the date of this assessment; if it is still going on, leave it blank' };
  const span = until && until !== date ? `${date}/${until}` : date;
  const dates = (draft.events[id] ??= []);
  if (!dates.includes(span)) dates.push(span);
  dates.sort();
  delete draft.pending[id];
  delete draft.pending[`${id}/until`];
  return null;
}

/**
 * Dates typed for an event but not added: easy to miss, so they are errors at Continue.
 *
 * @param {Draft} draft
 * @param {Description} description
 * @returns {FieldError[]}
 */
export function pendingDateErrors(draft, description) {
  return Object.entries(draft.pending)
    .filter(([, parts]) => Object.values(parts).some((part) => String(part).trim()))
    .map(([key]) => ({
      field: key.endsWith('/times') ? `e-${key.replace('/', '-')}-count` : `e-${key.replace('/', '-')}-day`,
      step: description.indicators.find((indicator) => indicator.id === key.split('/')[0])?.step ?? 'worries',
      message: 'You typed a date but did not add it: choose “Add date”, or clear the date',
    }));
}

/**
 * "So many times since a month", for a practitioner who knows how often but not when.
 *
 * @param {Draft} draft
 * @param {string} id
 * @param {string} asOf
 * @returns {FieldError | null}
 */
function addTimes(draft, id, asOf) {
  const typed = draft.pending[`${id}/times`] ?? {};
  const count = String(typed.count ?? '').trim();
  if (!/^\d{1,3}$/.test(count) || Number(count) < 1) return { field: `e-${id}-times-count`, step: '', message: 'Enter how many times, as a number from 1 to 999' };
  const since = isoMonth(String(typed.month ?? ''), String(typed.year ?? ''));
  if (!since) return { field: `e-${id}-times-month`, step: '', message: 'Enter the month and year since when, such as 1 2026' };
  if (since > asOf.slice(0, 7)) return { field: `e-${id}-times-month`, step: '', message: 'The month must be no later than the date of this assessment' };
  const event = `${Number(count)}@${since}-01`;
  const dates = (draft.events[id] ??= []);
  if (!dates.includes(event)) dates.push(event);
  dates.sort();
  delete draft.pending[`${id}/times`];
  return null;
}

/**
 * "2026-11" from a month and year as typed, or null.
 *
 * @param {string} month
 * @param {string} year
 */
function isoMonth(month, year) {
  const [m, y] = [month.trim(), year.trim()];
  if (!/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y) || Number(m) < 1 || Number(m) > 12) return null;
  return `${y}-${m.padStart(2, '0')}`;
}

/**
 * @param {Draft} draft
 * @param {string} id
 * @param {string} date
 */
export function removeEvent(draft, id, date) {
  const dates = (draft.events[id] ?? []).filter((d) => d !== date);
  if (dates.length > 0) draft.events[id] = dates;
  else delete draft.events[id];
}

/**
 * Marks one field as in error, as GOV.UK Frontend's templates do.
 *
 * @param {HTMLElement} $root
 * @param {FieldError} error
 */
export function markField($root, error) {
  const $input = $root.querySelector(`#${CSS.escape(error.field)}`);
  const $group = $input?.closest('[data-field]');
  if (!$input || !$group) return;
  $group.classList.add('govuk-form-group--error');
  const messageId = `${$group.getAttribute('data-field')}-error`;
  const $message = h('p', { class: 'govuk-error-message', id: messageId }, hidden('Error: '), error.message);
  const $anchor = $group.querySelector('[data-error-before]') ?? $input;
  $anchor.before($message);
  for (const $field of $group.querySelectorAll('input.govuk-input, textarea')) {
    $field.classList.add($field.tagName === 'TEXTAREA' ? 'govuk-textarea--error' : 'govuk-input--error');
  }
  const $described = $group.querySelector('fieldset') ?? $input;
  $described.setAttribute('aria-describedby', [$described.getAttribute('aria-describedby'), messageId].filter(Boolean).join(' '));
  $described.setAttribute('data-error-described', '');
}

/**
 * A GOV.UK error summary. Each link goes to its field; `focus` names the input to focus.
 *
 * @param {string} title
 * @param {{ href: string, text: string, focus?: string }[]} items
 */
export function errorSummary(title, items) {
  return h(
    'div',
    { class: 'govuk-error-summary', 'data-module': 'govuk-error-summary' },
    h(
      'div',
      { role: 'alert' },
      h('h2', { class: 'govuk-error-summary__title' }, title),
      h('div', { class: 'govuk-error-summary__body' }, h('ul', { class: 'govuk-list govuk-error-summary__list' }, items.map((item) => h('li', {}, h('a', { href: item.href, 'data-focus': item.focus }, item.text))))),
    ),
  );
}

// --- Building blocks ------------------------------------------------------------------------

/**
 * @param {string} name
 * @param {string} id
 * @param {string} value
 * @param {string} label
 * @param {import('./dom.mjs').Attributes} [extra]
 */
function radio(name, id, value, label, extra = {}) {
  return h('div', { class: 'govuk-radios__item' }, h('input', { class: 'govuk-radios__input', id, name, type: 'radio', value, ...extra }), h('label', { class: 'govuk-label govuk-radios__label', for: id }, label));
}

/**
 * A yes / no / not known question.
 *
 * @param {string} name
 * @param {string} id
 * @param {string} text
 * @param {string | null} help
 */
function answerGroup(name, id, text, help) {
  const hintId = help ? `${id}-hint` : null;
  return h(
    'div',
    { class: 'govuk-form-group', 'data-field': id },
    h(
      'fieldset',
      { class: 'govuk-fieldset', 'aria-describedby': hintId },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, text),
      hintId && h('div', { class: 'govuk-hint', id: hintId }, help),
      h('div', { class: 'govuk-radios govuk-radios--small govuk-radios--inline', 'data-error-before': true }, ANSWERS.map(([value, label], i) => radio(name, i === 0 ? id : `${id}-${value}`, value, label))),
    ),
  );
}

/** @param {IndicatorInfo} indicator */
function indicatorGroup(indicator) {
  const $group = indicator.kind === 'event' ? eventGroup(indicator) : answerGroup(`answer:${indicator.id}`, `q-${indicator.id}`, indicator.text, indicator.help);
  $group.setAttribute('data-indicator', indicator.id);
  return $group;
}

/**
 * A repeated event: the dates recorded so far, a date to add, and "not known".
 *
 * @param {IndicatorInfo} indicator
 */
function eventGroup(indicator) {
  const id = `e-${indicator.id}`;
  return h(
    'div',
    { class: 'govuk-form-group app-event', 'data-field': id },
    h(
      'fieldset',
      { class: 'govuk-fieldset', role: 'group', 'aria-describedby': `${id}-hint ${id}-count` },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, indicator.text),
      h('div', { class: 'govuk-hint', id: `${id}-hint` }, `${indicator.help ?? ''} Add each time with its date; leave the day blank if you only know the month.`.trim()),
      h('p', { class: 'govuk-body-s app-event__count', id: `${id}-count` }, 'None recorded.'),
      h('ul', { class: 'govuk-list app-event__dates', id: `${id}-dates` }),
      dateInputs(id, `pending:${indicator.id}`, `Date: ${indicator.text}`),
      indicator.endLabel &&
        h(
          'div',
          { class: 'app-event__until' },
          h('p', { class: 'govuk-body-s', id: `${id}-until-label` }, indicator.endLabel),
          dateInputs(`${id}-until`, `pending:${indicator.id}/until`, `${indicator.endLabel}: ${indicator.text}`),
        ),
      h(
        'details',
        { class: 'govuk-details app-event__times' },
        h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, 'I know how often, not when')),
        h(
          'div',
          { class: 'govuk-details__text' },
          h('label', { class: 'govuk-label govuk-label--s', for: `${id}-times-count` }, 'How many times'),
          h('input', { class: 'govuk-input govuk-input--width-3', id: `${id}-times-count`, name: `pending:${indicator.id}/times:count`, inputmode: 'numeric' }),
          h('p', { class: 'govuk-body-s' }, 'Since (month and year)'),
          h(
            'div',
            { class: 'govuk-date-input' },
            ['month', 'year'].map((part) =>
              h(
                'div',
                { class: 'govuk-date-input__item' },
                h('label', { class: 'govuk-label govuk-date-input__label', for: `${id}-times-${part}` }, part === 'month' ? 'Month' : 'Year'),
                h('input', { class: `govuk-input govuk-date-input__input govuk-input--width-${part === 'month' ? 2 : 4}`, id: `${id}-times-${part}`, name: `pending:${indicator.id}/times:${part}`, inputmode: 'numeric' }),
              ),
            ),
          ),
          h('button', { type: 'button', class: 'govuk-button govuk-button--secondary app-button--small', 'data-add-event': indicator.id, 'data-times': true, 'aria-label': `Add how often: ${indicator.text}` }, 'Add'),
        ),
      ),
      h('button', { type: 'button', class: 'govuk-button govuk-button--secondary app-button--small', 'data-add-event': indicator.id, 'aria-label': `Add date: ${indicator.text}` }, 'Add date'),
      h(
        'div',
        { class: 'govuk-checkboxes govuk-checkboxes--small' },
        h(
          'div',
          { class: 'govuk-checkboxes__item' },
          h('input', { class: 'govuk-checkboxes__input', id: `${id}-unknown`, name: `unknown:${indicator.id}`, type: 'checkbox', value: 'not-known' }),
          h('label', { class: 'govuk-label govuk-checkboxes__label', for: `${id}-unknown` }, 'Not known whether this has happened'),
        ),
      ),
    ),
  );
}

/**
 * Day, month and year inputs named `${name}:day` and so on; the first has the id `${id}-day`.
 *
 * @param {string} id
 * @param {string} name
 * @param {string} label  for screen readers, naming the date
 */
function dateInputs(id, name, label) {
  const part = (/** @type {string} */ key, /** @type {string} */ text, /** @type {number} */ width) =>
    h(
      'div',
      { class: 'govuk-date-input__item' },
      h(
        'div',
        { class: 'govuk-form-group' },
        h('label', { class: 'govuk-label govuk-date-input__label', for: `${id}-${key}` }, text, hidden(` (${label})`)),
        h('input', { class: `govuk-input govuk-date-input__input govuk-input--width-${width}`, id: `${id}-${key}`, name: `${name}:${key}`, type: 'text', inputmode: 'numeric' }),
      ),
    );
  return h('div', { class: 'govuk-date-input', id, 'data-error-before': true }, part('day', 'Day', 2), part('month', 'Month', 2), part('year', 'Year', 4));
}

/**
 * A date in its own fieldset.
 *
 * @param {string} id
 * @param {string} name
 * @param {string} legend
 * @param {string} hint
 */
function dateGroup(id, name, legend, hint) {
  return h(
    'div',
    { class: 'govuk-form-group', 'data-field': id },
    h(
      'fieldset',
      { class: 'govuk-fieldset', role: 'group', 'aria-describedby': `${id}-hint` },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, legend),
      h('div', { class: 'govuk-hint', id: `${id}-hint` }, hint),
      dateInputs(id, name, legend),
    ),
  );
}

/**
 * How the child's age is known, then the one input that way needs. The input follows the
 * radios rather than being revealed inside them, so it is not part of their fieldset and no
 * radio carries aria-expanded, which ARIA does not allow on radios.
 */
function ageGroup() {
  /** @type {(id: string, name: string, label: string, hint: string, width: number) => HTMLElement} */
  const number = (id, name, label, hint, width) =>
    h(
      'div',
      { class: 'govuk-form-group', 'data-field': id },
      h('label', { class: 'govuk-label govuk-label--s', for: id }, label),
      h('div', { class: 'govuk-hint', id: `${id}-hint` }, hint),
      h('input', { class: `govuk-input govuk-input--width-${width}`, id, name, type: 'text', inputmode: 'numeric', 'aria-describedby': `${id}-hint` }),
    );
  const shownFor = (/** @type {string} */ mode, /** @type {unknown} */ content) => h('div', { class: 'app-age-detail', 'data-age-mode': mode, hidden: true }, content);
  return [
    h(
      'div',
      { class: 'govuk-form-group', 'data-field': 'age-mode' },
      h(
        'fieldset',
        { class: 'govuk-fieldset', 'aria-describedby': 'age-mode-hint' },
        h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--m' }, h('h2', { class: 'govuk-fieldset__heading' }, 'How old is the child?')),
        h('div', { class: 'govuk-hint', id: 'age-mode-hint' }, 'Age changes what a worry means. Do not enter the child’s name: the guidance does not need it.'),
        h(
          'div',
          { class: 'govuk-radios govuk-radios--small', 'data-error-before': true },
          radio('age-mode', 'age-mode', 'dob', 'I know their date of birth'),
          radio('age-mode', 'age-mode-years', 'years', 'I know their age in years'),
          radio('age-mode', 'age-mode-months', 'months', 'I know their age in months (for a baby)'),
          radio('age-mode', 'age-mode-unborn', 'unborn', 'Not born yet'),
          radio('age-mode', 'age-mode-unknown', 'unknown', 'I do not know'),
        ),
      ),
    ),
    shownFor('dob', dateGroup('dob', 'dob', 'Date of birth', 'For example, 27 3 2012')),
    shownFor('years', number('age-years', 'age-years', 'Age in years', 'For example, 14', 3)),
    shownFor('months', number('age-months', 'age-months', 'Age in months', 'For example, 5', 3)),
    shownFor('unborn', dateGroup('due', 'due', 'Expected date of delivery', 'For example, 14 2 2027')),
  ];
}

/**
 * @param {string} id
 * @param {string} name
 * @param {string} label
 * @param {string} hint
 */
function textGroup(id, name, label, hint) {
  return h(
    'div',
    { class: 'govuk-form-group', 'data-field': id },
    h('label', { class: 'govuk-label govuk-label--s', for: id }, label),
    h('div', { class: 'govuk-hint', id: `${id}-hint` }, hint),
    h('textarea', { class: 'govuk-textarea', id, name, rows: '3', 'aria-describedby': `${id}-hint` }),
  );
}

/** @param {ReferralItem[]} outcomes */
function referralGroup(outcomes) {
  return h(
    'div',
    { class: 'govuk-form-group', 'data-field': 'referral' },
    h(
      'fieldset',
      { class: 'govuk-fieldset', 'aria-describedby': 'referral-hint' },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, 'Has the child been referred to children’s social care? What happened?'),
      h('div', { class: 'govuk-hint', id: 'referral-hint' }, 'The most recent referral.'),
      h(
        'div',
        { class: 'govuk-radios govuk-radios--small' },
        outcomes.map((outcome, i) => radio('referral', i === 0 ? 'referral' : `referral-${outcome.outcome}`, outcome.outcome, outcome.text)),
        h('div', { class: 'govuk-radios__divider' }, 'or'),
        radio('referral', 'referral-unknown', 'not-known', 'I do not know'),
      ),
    ),
  );
}

/** @param {LevelRef[]} levels */
function judgementGroup(levels) {
  return [
    h(
      'div',
      { class: 'govuk-form-group', 'data-field': 'judgement-level' },
      h(
        'fieldset',
        { class: 'govuk-fieldset', 'aria-describedby': 'judgement-level-hint' },
        h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--m' }, h('h2', { class: 'govuk-fieldset__heading' }, 'What level of need do you think this is?')),
        h(
          'div',
          { class: 'govuk-hint', id: 'judgement-level-hint' },
          'Your professional judgement counts. If your view is higher than the rules, the guidance follows yours. If it is lower, both are shown and you are asked to talk it through with your safeguarding lead.',
        ),
        h(
          'div',
          { class: 'govuk-radios govuk-radios--small' },
          levels.map((level, i) => radio('judgement-level', i === 0 ? 'judgement-level' : `judgement-level-${level.id}`, level.id, level.name)),
          h('div', { class: 'govuk-radios__divider' }, 'or'),
          radio('judgement-level', 'judgement-level-none', 'none', 'I do not have a view yet'),
        ),
      ),
    ),
    h(
      'div',
      { class: 'govuk-form-group', 'data-field': 'judgement-reason' },
      h('label', { class: 'govuk-label govuk-label--s', for: 'judgement-reason' }, 'Why do you think that?'),
      h('div', { class: 'govuk-hint', id: 'judgement-reason-hint' }, 'Needed when you choose a level. It is shown with the guidance.'),
      h('textarea', { class: 'govuk-textarea', id: 'judgement-reason', name: 'judgement-reason', rows: '3', 'aria-describedby': 'judgement-reason-hint' }),
    ),
  ];
}

/**
 * Each domain asked at this step, with its questions.
 *
 * @param {Description} description
 * @param {string} step
 */
function domainSections(description, step) {
  return description.domains
    .map((domain) => {
      const questions = description.indicators.filter((indicator) => indicator.domain === domain.id && indicator.step === step);
      if (questions.length === 0) return null;
      // Each group folds away, so a long list stays short on a phone; what is most urgent
      // ("right now") and any group with an answer stay open.
      return h(
        'details',
        { class: 'govuk-details app-domain', 'data-domain': domain.id, open: domain.id === description.domains[0].id },
        h(
          'summary',
          { class: 'govuk-details__summary app-domain__summary' },
          h('h2', { class: 'govuk-details__summary-text app-domain__title', id: `domain-${domain.id}` }, domain.name),
          h('span', { class: 'govuk-body-s app-domain__count', 'data-domain-count': domain.id }, `${questions.length} ${questions.length === 1 ? 'question' : 'questions'}`),
        ),
        h('div', { class: 'govuk-details__text app-domain__questions' }, domain.description && h('p', { class: 'govuk-body-s app-domain__description' }, domain.description), questions.map(indicatorGroup)),
      );
    })
    .filter(Boolean);
}

/**
 * Links to each group of questions at this step, for a practitioner who would rather browse.
 *
 * @param {Description} description
 * @param {string} step
 */
function domainJumps(description, step) {
  const domains = description.domains.filter((domain) => description.indicators.some((indicator) => indicator.domain === domain.id && indicator.step === step));
  return h(
    'nav',
    { class: 'app-domain-jumps', id: 'domain-jumps', 'aria-label': 'Groups of questions' },
    h('p', { class: 'govuk-body-s' }, 'Or go to a group:'),
    h(
      'ul',
      { class: 'govuk-list app-domain-jumps__list' },
      domains.map((domain) => h('li', {}, h('a', { class: 'govuk-link', href: `#domain-${domain.id}`, 'data-clear-search': domain.id }, domain.name))),
    ),
  );
}

/** Print, copy, download: how the guidance is handed on. */
function handOn() {
  return h(
    'div',
    { class: 'app-hand-on' },
    h('h2', { class: 'govuk-heading-m' }, 'Hand it on'),
    h('p', { class: 'govuk-body' }, 'Take the guidance to your safeguarding lead, or into a referral form. Check it first: it supports your judgement and does not replace it.'),
    h(
      'div',
      { class: 'govuk-checkboxes govuk-checkboxes--small app-hand-on__sources' },
      h(
        'div',
        { class: 'govuk-checkboxes__item' },
        h('input', { class: 'govuk-checkboxes__input', id: 'copy-sources', type: 'checkbox' }),
        h('label', { class: 'govuk-label govuk-checkboxes__label', for: 'copy-sources' }, 'Include the sources, numbered, and the ruleset’s fingerprint'),
      ),
    ),
    h(
      'div',
      { class: 'govuk-button-group' },
      h('button', { type: 'button', class: 'govuk-button', id: 'copy-text' }, 'Copy as text'),
      h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', id: 'print' }, 'Print'),
      h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', id: 'download' }, 'Download the case'),
    ),
    h('div', { id: 'copy-result', 'aria-live': 'polite' }),
  );
}

/**
 * Summary lists of everything entered, by step, with links to change each part.
 *
 * @param {Description} description
 * @param {Draft} draft
 * @param {CompactAssessment} assessment
 * @param {boolean} withLinks  false for printing
 * @returns {HTMLElement[]}
 */
export function checkAnswers(description, draft, assessment, withLinks) {
  const indicators = new Map(description.indicators.map((indicator) => [indicator.id, indicator]));
  const facts = new Map(description.facts.map((fact) => [fact.fact, fact]));
  /** @type {(key: string, value: string, step: string, focus: string) => HTMLElement} */
  const row = (key, value, step, focus) =>
    h(
      'div',
      { class: 'govuk-summary-list__row' },
      h('dt', { class: 'govuk-summary-list__key' }, key),
      h('dd', { class: 'govuk-summary-list__value' }, value),
      withLinks && h('dd', { class: 'govuk-summary-list__actions' }, h('a', { class: 'govuk-link', href: `#${step}`, 'data-focus': focus }, 'Change', hidden(` ${key.toLowerCase()}`))),
    );
  const answersFor = (/** @type {Step} */ step) =>
    Object.entries(draft.answers)
      .filter(([id]) => indicators.get(id)?.step === step && indicators.get(id)?.kind !== 'event')
      .map(([id, answer]) => row(/** @type {IndicatorInfo} */ (indicators.get(id)).text, answerText(answer), step, `q-${id}`));
  const eventsFor = (/** @type {Step} */ step) =>
    description.indicators
      .filter((indicator) => indicator.kind === 'event' && indicator.step === step && (draft.events[indicator.id]?.length || draft.answers[indicator.id]))
      .map((indicator) => {
        const dates = draft.events[indicator.id] ?? [];
        const value = dates.length > 0 ? dates.map(eventText).join(', ') : 'Not known';
        return row(indicator.text, value, step, `e-${indicator.id}-day`);
      });
  /** @type {(step: Step, which: (fact: string) => boolean) => HTMLElement[]} */
  const factRows = (step, which) =>
    Object.entries(draft.facts)
      .filter(([fact]) => facts.has(/** @type {Fact} */ (fact)) && which(fact))
      .map(([fact, answer]) => row(/** @type {FactItem} */ (facts.get(/** @type {Fact} */ (fact))).text, answerText(answer), step, `f-${fact}`));
  const age = draft.age;
  const ageValue =
    { dob: `Born ${age.dob.day}/${age.dob.month}/${age.dob.year}`, years: `${age.years} years`, months: `${age.months} months`, unborn: `Not born yet: due ${age.due.day}/${age.due.month}/${age.due.year}`, unknown: 'Not known' }[age.mode] ??
    'Not given';
  const referral = description.referralOutcomes.find((outcome) => outcome.outcome === draft.referral);
  const judged = description.levels.find((level) => level.id === draft.judgement.level);
  /** @type {(title: string, rows: unknown[], empty: string) => HTMLElement[]} */
  const list = (title, rows, empty) => [h('h2', { class: 'govuk-heading-m' }, title), rows.length > 0 ? h('dl', { class: 'govuk-summary-list' }, rows) : h('p', { class: 'govuk-body' }, empty)];
  return [
    ...list(
      'About the child',
      [
        row('Date of this assessment', longDate(assessment.asOf), 'child', 'as-of-day'),
        row('Age', ageValue, 'child', 'age-mode'),
        ...factRows('child', (fact) => fact === 'looked-after'),
        ...answersFor('child'),
        draft.notes.livesWith.trim() && row('Lives with (your note)', draft.notes.livesWith, 'child', 'note-lives-with'),
      ].filter(Boolean),
      '',
    ),
    ...list('What you are worried about', [...answersFor('worries'), ...eventsFor('worries')], 'Nothing answered yet.'),
    ...list(
      'What has happened so far',
      [...factRows('so-far', (fact) => fact !== 'looked-after'), referral && row('Referral', referral.text, 'so-far', 'referral'), ...answersFor('so-far'), ...eventsFor('so-far')].filter(Boolean),
      'Nothing answered yet.',
    ),
    ...list(
      'Your own view',
      [
        row('Level you think', judged ? judged.name : 'No view given', 'view', 'judgement-level'),
        judged && row('Why', draft.judgement.reason || 'Not given', 'view', 'judgement-reason'),
        draft.notes.notes.trim() && row('Your notes', draft.notes.notes, 'view', 'note-notes'),
      ].filter(Boolean),
      '',
    ),
  ];
}
