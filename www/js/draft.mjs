// @ts-check
// The draft: everything the practitioner has entered, exactly as typed, so nothing is lost while
// a date is half-written. From it comes the case the engine assesses, the file they can
// download, and the copy kept in this tab's sessionStorage.

/** The `format` of a downloaded case file. */
export const FILE_FORMAT = 'waymark-case-file/1';

/** @import { Answer, Case, CaseChild, CaseEvent, ReferralOutcome } from '../types/waymark' */

const STORAGE_KEY = 'waymark-draft';
const OPT_OUT_KEY = 'waymark-do-not-keep';

/** @typedef {{ day: string, month: string, year: string }} DateParts */

/**
 * @typedef {object} Draft
 * @property {DateParts} asOf
 * @property {{ mode: string, dob: DateParts, years: string, months: string, due: DateParts }} age
 * @property {Record<string, Answer>} answers  indicator id → yes / no / not-known
 * @property {Record<string, string[]>} events  event indicator id → each event as the practitioner
 *   knows it: "2026-11-04" (a day), "2026-11-04/2026-11-06" (from a day until a day, ISO 8601's
 *   interval), "2026-11" (some day in a month) or "3@2026-10-01" (three times since a day)
 * @property {Record<string, DateParts & { count?: string }>} pending  an event date being typed, not
 *   yet added; the key "id/until" holds the last day of an event that lasted more than a day, and
 *   "id/times" a count with the month and year since when
 * @property {Record<string, Answer>} facts  context fact → yes / no / not-known
 * @property {ReferralOutcome | 'not-known' | ''} referral  a referral outcome; "not-known" or "" when not known
 * @property {{ level: string, reason: string }} judgement  level is "none" or "" for no view
 * @property {{ livesWith: string, notes: string }} notes  the practitioner's own; never sent to the engine
 */

/**
 * @typedef {object} FieldError
 * @property {string} field  the id of the input to link to
 * @property {string} step   the step that asks it
 * @property {string} message
 */

/** @returns {DateParts} */
function blankDate() {
  return { day: '', month: '', year: '' };
}

/**
 * @param {string} today  ISO date
 * @returns {Draft}
 */
export function emptyDraft(today) {
  return {
    asOf: dateParts(today),
    age: { mode: '', dob: blankDate(), years: '', months: '', due: blankDate() },
    answers: {},
    events: {},
    pending: {},
    facts: {},
    referral: '',
    judgement: { level: '', reason: '' },
    notes: { livesWith: '', notes: '' },
  };
}

/**
 * @param {string} iso
 * @returns {DateParts}
 */
export function dateParts(iso) {
  const [year, month, day] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/**
 * The ISO date the parts make, or null when they are not a real date.
 *
 * @param {DateParts} parts
 * @returns {string | null}
 */
export function isoDate(parts) {
  const [day, month, year] = [parts.day, parts.month, parts.year].map((p) => p.trim());
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return null;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * An event as the draft keeps it, in the case format's fields.
 *
 * @param {string} event
 * @returns {{ date: string, until?: string } | { month: string } | { times: number, since: string }}
 */
export function eventFields(event) {
  const times = /^(\d+)@(.+)$/.exec(event);
  if (times) return { times: Number(times[1]), since: times[2] };
  if (/^\d{4}-\d{2}$/.test(event)) return { month: event };
  const [date, until] = event.split('/');
  return until ? { date, until } : { date };
}

/**
 * The case format's event as the draft keeps it: the inverse of `eventFields`.
 *
 * @param {CaseEvent} event
 */
function eventString(event) {
  if (event.since) return `${event.times}@${event.since}`;
  if (event.month) return event.month;
  return event.until ? `${event.date}/${event.until}` : `${event.date}`;
}

/** @param {DateParts} parts */
function isBlank(parts) {
  return !parts.day.trim() && !parts.month.trim() && !parts.year.trim();
}

/**
 * The case the engine assesses, and what stops part of the draft being used. A field with an
 * error is left out of the case; the rest is still assessed, so guidance never waits on a typo.
 *
 * @param {Draft} draft
 * @param {string} today  used for the assessment date while that date has an error
 * @returns {{ case: Case, errors: FieldError[] }}
 */
export function toCase(draft, today) {
  /** @type {FieldError[]} */
  const errors = [];
  /** @type {(field: string, step: string, message: string) => unknown} */
  const error = (field, step, message) => errors.push({ field, step, message });

  let asOf = isoDate(draft.asOf);
  if (!asOf) {
    error('as-of-day', 'child', isBlank(draft.asOf) ? 'Enter the date of this assessment' : 'The date of this assessment must be a real date, such as 22 11 2026');
    asOf = today;
  }

  /** @type {CaseChild} */
  const child = {};
  const age = draft.age;
  if (age.mode === 'dob') {
    const born = isoDate(age.dob);
    if (!born) error('dob-day', 'child', isBlank(age.dob) ? 'Enter the date of birth' : 'The date of birth must be a real date, such as 27 3 2012');
    else if (born > asOf) error('dob-day', 'child', 'The date of birth must be on or before the date of this assessment. For a baby not born yet, choose “Not born yet”');
    else child.dateOfBirth = born;
  } else if (age.mode === 'years') {
    const years = wholeNumber(age.years, 0, 25);
    if (years === null) error('age-years', 'child', 'Enter the age in whole years, from 0 to 25, such as 7');
    else child.ageYears = years;
  } else if (age.mode === 'months') {
    const months = wholeNumber(age.months, 0, 300);
    if (months === null) error('age-months', 'child', 'Enter the age in whole months, such as 5');
    else child.ageMonths = months;
  } else if (age.mode === 'unborn') {
    const due = isoDate(age.due);
    if (!due) error('due-day', 'child', isBlank(age.due) ? 'Enter the expected date of delivery' : 'The expected date of delivery must be a real date');
    else if (due <= asOf) error('due-day', 'child', 'The expected date of delivery must be after the date of this assessment');
    else child.dateOfBirth = due;
  }

  /** @type {Case} */
  const assessed = { asOf };
  if (Object.keys(child).length > 0) assessed.child = child;
  if (Object.keys(draft.answers).length > 0) assessed.answers = { ...draft.answers };
  const events = Object.keys(draft.events)
    .sort()
    .flatMap((indicator) => draft.events[indicator].map((event) => ({ indicator, ...eventFields(event) })));
  if (events.length > 0) assessed.events = events;
  if (Object.keys(draft.facts).length > 0) assessed.facts = { ...draft.facts };
  if (draft.referral && draft.referral !== 'not-known') assessed.referral = draft.referral;
  if (draft.judgement.level && draft.judgement.level !== 'none') {
    const reason = draft.judgement.reason.trim();
    if (reason) assessed.judgement = { level: draft.judgement.level, reason };
    else error('judgement-reason', 'view', 'Give the reason for your view of the level');
  }
  return { case: assessed, errors };
}

/**
 * @param {string} text
 * @param {number} min
 * @param {number} max
 */
function wholeNumber(text, min, max) {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= min && n <= max ? n : null;
}

/**
 * The draft a case (from a file) stands for: the inverse of `toCase`.
 *
 * @param {Case} value  a case the engine has accepted
 * @param {{ livesWith: string, notes: string }} notes
 * @returns {Draft}
 */
export function fromCase(value, notes) {
  const draft = emptyDraft(value.asOf);
  const child = value.child ?? /** @type {CaseChild} */ ({});
  if (child.dateOfBirth && child.dateOfBirth > value.asOf) draft.age = { ...draft.age, mode: 'unborn', due: dateParts(child.dateOfBirth) };
  else if (child.dateOfBirth) draft.age = { ...draft.age, mode: 'dob', dob: dateParts(child.dateOfBirth) };
  else if (child.ageYears !== undefined) draft.age = { ...draft.age, mode: 'years', years: String(child.ageYears) };
  else if (child.ageMonths !== undefined) draft.age = { ...draft.age, mode: 'months', months: String(child.ageMonths) };
  draft.answers = { ...(value.answers ?? {}) };
  for (const event of value.events ?? []) {
    (draft.events[event.indicator] ??= []).push(eventString(event));
  }
  for (const dates of Object.values(draft.events)) dates.sort();
  draft.facts = { ...(value.facts ?? {}) };
  draft.referral = value.referral ?? '';
  if (value.judgement) draft.judgement = { level: value.judgement.level, reason: value.judgement.reason };
  draft.notes = { livesWith: notes.livesWith, notes: notes.notes };
  return draft;
}

/**
 * The text of a downloaded case file.
 *
 * @param {Case} value  the case, from `toCase`
 * @param {Draft} draft
 * @param {string} ruleset  the ruleset's id
 */
export function fileText(value, draft, ruleset) {
  return `${JSON.stringify({ format: FILE_FORMAT, ruleset, case: value, notes: draft.notes }, null, 2)}\n`;
}

/**
 * Reads a downloaded case file. Throws an Error with a message for the page when the file is
 * not one, or was written for another ruleset; the case itself is checked by the engine.
 *
 * @param {string} text
 * @param {string} ruleset  the id of the ruleset in use
 * @returns {{ case: unknown, notes: { livesWith: string, notes: string } }}  the case as the
 *   file has it, for the engine to check
 */
export function readFile(text, ruleset) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('The file is not a Waymark case: it is not JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value.format !== FILE_FORMAT) {
    throw new Error('The file is not a Waymark case. Choose a file you downloaded with “Download the case”.');
  }
  const unknown = Object.keys(value).filter((key) => !['format', 'ruleset', 'case', 'notes'].includes(key));
  if (unknown.length > 0) throw new Error(`The file is not a Waymark case: it has “${unknown[0]}”, which a case file does not.`);
  if (value.ruleset !== ruleset) {
    throw new Error(`The case was written for the ruleset “${value.ruleset}”, but this page uses “${ruleset}”, so its answers may not mean the same here.`);
  }
  const notes = value.notes ?? {};
  if (typeof notes !== 'object' || Array.isArray(notes) || Object.keys(notes).some((key) => !['livesWith', 'notes'].includes(key) || typeof notes[key] !== 'string')) {
    throw new Error('The notes in the file are not in the form Waymark writes them.');
  }
  if (typeof value.case !== 'object' || value.case === null || Array.isArray(value.case)) throw new Error('The file has no case in it.');
  return { case: value.case, notes: { livesWith: notes.livesWith ?? '', notes: notes.notes ?? '' } };
}

/** Whether the practitioner has chosen not to keep a draft in this tab. */
export function keepingDisabled() {
  try {
    return sessionStorage.getItem(OPT_OUT_KEY) === 'yes';
  } catch {
    return true;
  }
}

/**
 * Keeps the draft in this tab, unless the practitioner chose not to. Storage can be unavailable
 * (a locked-down browser): then the draft simply is not kept.
 *
 * @param {Draft} draft
 */
export function saveDraft(draft) {
  try {
    if (!keepingDisabled()) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(draft));
  } catch {
    // Not kept; the page works the same.
  }
}

/**
 * The draft kept in this tab, if any, on top of an empty one so a partial copy still loads.
 *
 * @param {string} today
 * @returns {Draft | null}
 */
export function loadDraft(today) {
  try {
    const text = sessionStorage.getItem(STORAGE_KEY);
    if (!text) return null;
    const stored = JSON.parse(text);
    const empty = emptyDraft(today);
    return {
      ...empty,
      ...stored,
      age: { ...empty.age, ...stored.age },
      judgement: { ...empty.judgement, ...stored.judgement },
      notes: { ...empty.notes, ...stored.notes },
    };
  } catch {
    return null;
  }
}

/** Erases the kept draft. */
export function eraseDraft() {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing was kept.
  }
}

/**
 * Turns keeping a draft in this tab on or off; off erases what is kept.
 *
 * @param {boolean} keep
 * @param {Draft} draft
 */
export function setKeeping(keep, draft) {
  try {
    if (keep) {
      sessionStorage.removeItem(OPT_OUT_KEY);
      saveDraft(draft);
    } else {
      sessionStorage.setItem(OPT_OUT_KEY, 'yes');
      eraseDraft();
    }
  } catch {
    // Storage unavailable: nothing is kept either way.
  }
}
