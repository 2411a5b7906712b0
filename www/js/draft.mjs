// @ts-check
// The draft: everything the practitioner has entered, exactly as typed, so nothing is lost while
// a date is half-written. From it comes the case the engine assesses, the file they can
// download, and the copy kept in this tab's sessionStorage.

/** The `format` of a downloaded case file. */
export const FILE_FORMAT = 'waymark-case-file/1';

/** @import { Answer, Assessment, Case, CaseChild, CaseEvent, Description, ReferralOutcome } from '../types/waymark' */

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

/** The largest case file the page opens: a real case is a few kilobytes. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** What opening a case file throws: its message is written for the page. */
export class CaseFileError extends Error {}

/** The fields of a case file, and of the case's parts the form holds. */
const FILE_FIELDS = ['format', 'ruleset', 'case', 'notes'];
const NOTE_FIELDS = ['livesWith', 'notes'];
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Where each of `toCase`'s fields puts its value in the case. */
const CASE_PATHS = { 'as-of-day': 'asOf', 'dob-day': 'child.dateOfBirth', 'due-day': 'child.dateOfBirth', 'age-years': 'child.ageYears', 'age-months': 'child.ageMonths', 'judgement-reason': 'judgement.reason' };

/**
 * Text from a file, made safe for a message: at most `max` characters, with control and
 * direction-changing characters shown as codes, so nothing in a file can disguise the message.
 *
 * @param {string} text
 * @param {number} max
 */
function plain(text, max) {
  const short = text.length > max ? `${text.slice(0, max)}…` : text;
  // eslint-disable-next-line no-control-regex
  return short.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A value from a file, quoted for a message.
 *
 * @param {unknown} value
 */
function quote(value) {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `“${plain(String(value), 60)}”`;
}

/** @param {unknown} value */
function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** @param {number} bytes */
function megabytes(bytes) {
  return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 2)} MB`;
}

/**
 * Refuses a file too large to be a case, before it is read. Throws a `CaseFileError`.
 *
 * @param {number} bytes  the file's size
 */
export function checkFileSize(bytes) {
  if (bytes > MAX_FILE_BYTES) {
    throw new CaseFileError(`The file is not a Waymark case: it is ${megabytes(bytes)}, larger than any case file (they are a few kilobytes; the page opens up to ${megabytes(MAX_FILE_BYTES)}).`);
  }
}

/**
 * Reads a downloaded case file. Throws a `CaseFileError` with a message for the page when the
 * file is not one, or was written for another ruleset; the case itself is checked by the engine
 * (see `openCaseFile`).
 *
 * @param {string} text
 * @param {string} ruleset  the id of the ruleset in use
 * @returns {{ case: unknown, notes: { livesWith: string, notes: string } }}  the case as the
 *   file has it, for the engine to check
 */
export function readFile(text, ruleset) {
  if (typeof text !== 'string') throw new CaseFileError('The file is not a Waymark case: it is not text.');
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CaseFileError('The file is not a Waymark case: it is not JSON.');
  }
  if (!isPlainObject(value) || value.format !== FILE_FORMAT) {
    throw new CaseFileError('The file is not a Waymark case. Choose a file you downloaded with “Download the case”.');
  }
  const unknown = Object.keys(value).filter((key) => !FILE_FIELDS.includes(key));
  if (unknown.length > 0) throw new CaseFileError(`The file is not a Waymark case: it has ${quote(unknown[0])}, which a case file does not.`);
  if (typeof value.ruleset !== 'string') {
    throw new CaseFileError(`The file does not say which ruleset its case was written for: its “ruleset” is ${value.ruleset === undefined ? 'missing' : `${quote(value.ruleset)}, not a name`}.`);
  }
  if (value.ruleset !== ruleset) {
    throw new CaseFileError(`The case was written for the ruleset ${quote(value.ruleset)}, but this page uses “${ruleset}”, so its answers may not mean the same here.`);
  }
  const notes = value.notes ?? {};
  if (!isPlainObject(notes) || Object.keys(notes).some((key) => !NOTE_FIELDS.includes(key) || typeof notes[key] !== 'string')) {
    throw new CaseFileError('The notes in the file are not in the form Waymark writes them.');
  }
  if (!isPlainObject(value.case)) throw new CaseFileError('The file has no case in it.');
  return { case: value.case, notes: { livesWith: notes.livesWith ?? '', notes: notes.notes ?? '' } };
}

/**
 * Opens a downloaded case file: the draft it stands for, or a `CaseFileError` whose message says
 * why not, in words for the page, whatever the file holds. A file opens only when its case is
 * one the engine accepts and the form can hold exactly: the draft gives back the same case, and
 * so the same guidance. Nothing is changed to make a case fit; it is refused instead.
 *
 * @param {ArrayBuffer | Uint8Array} bytes  the file, as it is on disk
 * @param {Description} description  from `engine.describe()`
 * @param {(value: unknown) => Assessment} assess  the engine's assessment of a case; throws for a bad one
 * @returns {Draft}
 */
export function openCaseFile(bytes, description, assess) {
  try {
    return openChecked(bytes, description, assess);
  } catch (error) {
    if (error instanceof CaseFileError) throw error;
    // Whatever else went wrong, the page says so in its own words, never a script's.
    throw new CaseFileError('The file could not be read as a Waymark case.');
  }
}

/**
 * @param {ArrayBuffer | Uint8Array} bytes
 * @param {any} description
 * @param {(value: any) => any} assess
 * @returns {Draft}
 */
function openChecked(bytes, description, assess) {
  checkFileSize(bytes.byteLength);
  let text;
  try {
    // Not `file.text()`, which silently replaces bytes that are not UTF-8.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CaseFileError('The file is not a Waymark case: it is not UTF-8 text.');
  }
  const { case: value, notes } = readFile(text, description.ruleset.id);
  if ([notes.livesWith, notes.notes].some((note) => LONE_SURROGATE.test(note))) {
    throw new CaseFileError('The notes in the file have a broken character (half of a surrogate pair), which Waymark never writes.');
  }
  const original = assessFile(assess, value);
  // The engine has accepted it: from here on it is a case.
  const accepted = /** @type {Case} */ (value);
  checkHoldable(accepted, description);
  const draft = fromCase(accepted, notes);
  const { case: again, errors } = toCase(draft, accepted.asOf);
  if (errors.length > 0) {
    const path = CASE_PATHS[/** @type {keyof typeof CASE_PATHS} */ (errors[0].field)] ?? 'the case';
    throw new CaseFileError(`The form cannot hold the case's ${path} as the file gives it: ${errors[0].message.replace(/^./, (c) => c.toLowerCase())}.`);
  }
  const changed = difference(accepted, again);
  if (changed) throw new CaseFileError(`The form cannot hold the case exactly: its ${changed} would change, so the case was not opened.`);
  // The same case gives the same guidance; checked all the same, because wrong guidance is the
  // worst thing this page could give.
  if (JSON.stringify(assessFile(assess, again)) !== JSON.stringify(original)) {
    throw new CaseFileError('Opened here, the case would not give the same guidance as the file, so it was not opened.');
  }
  return draft;
}

/**
 * @param {(value: unknown) => Assessment} assess
 * @param {unknown} value
 */
function assessFile(assess, value) {
  try {
    return assess(value);
  } catch (error) {
    // The engine's errors name the path and the problem; anything else is not for the page.
    const engine = /** @type {any} */ (error);
    if (!(error instanceof Error) || typeof engine.code !== 'string') {
      throw new CaseFileError('The guidance engine could not check the case in the file, so it was not opened.');
    }
    const first = Array.isArray(engine.problems) ? engine.problems[0] : null;
    const problem =
      first && typeof first.path === 'string' && typeof first.message === 'string'
        ? `${first.path ? `${plain(first.path, 80)}: ` : ''}${plain(first.message, 200)}`
        : plain(error.message.replace(/^case: /, ''), 300);
    throw new CaseFileError(`The case in the file has a problem: ${problem.replace(/\.$/, '')}.`);
  }
}

/**
 * Refuses, naming what and where, a case the engine accepts but the form has no place for.
 *
 * @param {any} value  a case the engine has accepted
 * @param {any} description
 */
function checkHoldable(value, description) {
  const empty = nullPath(value, '');
  if (empty) throw new CaseFileError(`The case leaves ${empty} empty (null), which Waymark never writes. Remove it, or give a value.`);
  const child = value.child ?? {};
  if (typeof child.ageYears === 'number' && child.ageYears > 25) {
    throw new CaseFileError(`The case gives the child's age as ${child.ageYears} years (child.ageYears), but this page takes ages from 0 to 25 years, so it cannot hold the case.`);
  }
  if (typeof child.ageMonths === 'number' && child.ageMonths > 300) {
    throw new CaseFileError(`The case gives the child's age as ${child.ageMonths} months (child.ageMonths), but this page takes ages up to 300 months (25 years), so it cannot hold the case.`);
  }
  const steps = new Set(['child', 'worries', 'so-far']);
  const domains = new Set(description.domains.map((/** @type {any} */ domain) => domain.id));
  /** @type {Map<string, any>} */
  const indicators = new Map(description.indicators.map((/** @type {any} */ indicator) => [indicator.id, indicator]));
  const asked = (/** @type {any} */ indicator) => indicator && steps.has(indicator.step) && (indicator.step === 'child' || domains.has(indicator.domain));
  for (const [id, answer] of Object.entries(value.answers ?? {})) {
    const indicator = indicators.get(id);
    if (!asked(indicator)) throw new CaseFileError(`The case answers ${quote(id)} (answers.${id}), which this page's form does not ask.`);
    if (indicator.kind === 'event' && answer !== 'not-known') {
      throw new CaseFileError(`The case answers ${quote(indicator.text)} with ${quote(answer)} (answers.${id}). The form records each time it happened, or “not known”, so it cannot hold that answer.`);
    }
  }
  for (const [i, event] of (value.events ?? []).entries()) {
    if (!asked(indicators.get(event.indicator))) throw new CaseFileError(`The case records ${quote(event.indicator)} (events[${i}]), which this page's form does not ask.`);
    if (event.since !== undefined && !/^\d{4}-\d{2}-01$/.test(event.since)) {
      throw new CaseFileError(`The case counts ${event.times} times since ${event.since} (events[${i}].since). The form counts “so many times since” from the start of a month, so it cannot hold that date.`);
    }
  }
}

/**
 * The path of the first null in a case, or ''. The engine has already bounded the case's depth.
 *
 * @param {any} value
 * @param {string} path
 * @returns {string}
 */
function nullPath(value, path) {
  if (value === null) return path;
  if (typeof value !== 'object') return '';
  for (const [key, item] of Object.entries(value)) {
    const found = nullPath(item, Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return '';
}

/**
 * Where the case the draft gives back differs from the file's: a path such as "child.ageYears"
 * or "events[2]", or '' when they are the same. Events are compared as a collection (the draft
 * keeps them in order of date), and an empty list or object is the same as none.
 *
 * @param {any} file  the file's case
 * @param {any} again  the draft's
 * @returns {string}
 */
function difference(file, again) {
  const fileEvents = (file.events ?? []).map(canonical);
  const againEvents = (again.events ?? []).map(canonical);
  for (const [i, event] of fileEvents.entries()) {
    const at = againEvents.indexOf(event);
    if (at < 0) return `events[${i}]`;
    againEvents.splice(at, 1);
  }
  if (againEvents.length > 0) return 'events';
  const keys = new Set([...Object.keys(file), ...Object.keys(again)]);
  keys.delete('events');
  for (const key of [...keys].sort()) {
    const path = fieldDifference(file[key], again[key], key);
    if (path) return path;
  }
  return '';
}

/**
 * @param {any} a
 * @param {any} b
 * @param {string} path
 * @returns {string}
 */
function fieldDifference(a, b, path) {
  const blank = (/** @type {any} */ v) => v === undefined || (isPlainObject(v) && Object.keys(v).length === 0);
  if (blank(a) && blank(b)) return '';
  if (isPlainObject(a) && isPlainObject(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const found = fieldDifference(a[key], b[key], `${path}.${key}`);
      if (found) return found;
    }
    return '';
  }
  return canonical(a) === canonical(b) ? '' : path;
}

/**
 * JSON with every object's keys in order, so equal values give equal text.
 *
 * @param {any} value
 * @returns {string}
 */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isPlainObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
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
