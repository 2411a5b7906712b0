// @ts-check
// The profile being set up: the fields the setup view shows (read from the ruleset, so nothing
// here knows a particular contact, level or stage), the profile they make, and the problems with
// it, each at its field. The engine is the judge of a profile; the few checks made here are the
// ones it does not make (a blank name, an over-long number), worded for the person typing.

import { builtInProfile, isCopy } from './copy.mjs';

/** The `format` of a profile. */
export const PROFILE_FORMAT = 'waymark-profile/1';

/** The longest phone number a profile may hold, in characters; longer text belongs in the notes. */
export const PHONE_LIMIT = 40;

/** The longest escalation timescale a profile may set, in working days. */
export const DAYS_LIMIT = 365;

/** The keys a profile may have, in the order a downloaded profile lists them. */
const PROFILE_KEYS = ['format', 'id', 'organisation', 'ruleset', 'notes', 'levels', 'contacts', 'escalation'];

/** A contact's details, in the order the form asks for them. */
export const CONTACT_DETAILS = ['name', 'phone', 'hours', 'email', 'outOfHours', 'notes'];

/**
 * @typedef {object} Field  one input of the setup form
 * @property {string} id  the input's id
 * @property {string} path  where its value goes in the profile, such as "contacts.dsl.phone"
 * @property {'text' | 'textarea' | 'phone' | 'email' | 'days' | 'remove'} kind
 * @property {string} label
 * @property {string} [hint]
 * @property {string} [group]  the contact, level or stage it belongs to
 * @property {string} [name]  what it is about, for messages ("Deputy designated safeguarding lead")
 */

/** @import { Description, Problem as EngineProblem } from '../../types/waymark' */
/**
 * A JSON object: a profile as the form edits it, field by field, before the engine checks it
 * (docs/ruleset-format.md, "The profile").
 *
 * @typedef {{ [key: string]: unknown }} JsonObject
 */

/**
 * @typedef {object} Problem
 * @property {string} field  the id of the input it is about ("" for the page as a whole)
 * @property {string} message
 * @property {string} [path]
 */

/**
 * The fields for this ruleset, plus a "remove" row for each entry in the profile that the
 * ruleset does not have (or does not let a profile change), so every problem has a place.
 *
 * @param {Description} description  `engine.describe()` of the ruleset without a profile
 * @param {unknown} profile  the profile as it stands (possibly imported, with extra entries)
 * @returns {Field[]}
 */
export function fieldsFor(description, profile) {
  /** @type {Field[]} */
  const fields = [
    { id: 'organisation', path: 'organisation', kind: 'text', label: 'Name of your school or organisation', hint: 'Shown at the foot of every page of the guide, such as Northfield Primary School.' },
    {
      id: 'profile-notes',
      path: 'notes',
      kind: 'textarea',
      label: 'Notes for whoever keeps this copy up to date (optional)',
      hint: 'Where these details came from and when they were last checked. Staff do not see them.',
    },
  ];
  const local = description.contacts.filter((contact) => contact.scope === 'local');
  for (const contact of local) {
    const about = { group: `contact-${contact.id}`, name: contact.name };
    fields.push(
      { id: `contact-${contact.id}-name`, path: `contacts.${contact.id}.name`, kind: 'text', label: 'Name or role shown in the guide (optional)', hint: `Leave blank to show “${contact.name}”.`, ...about },
      { id: `contact-${contact.id}-phone`, path: `contacts.${contact.id}.phone`, kind: 'phone', label: 'Phone number', hint: `Up to ${PHONE_LIMIT} characters, such as 020 7946 0000 or extension 214.`, ...about },
      { id: `contact-${contact.id}-hours`, path: `contacts.${contact.id}.hours`, kind: 'text', label: 'When they can be reached (optional)', hint: 'Such as Monday to Friday, 9am to 5pm.', ...about },
      { id: `contact-${contact.id}-email`, path: `contacts.${contact.id}.email`, kind: 'email', label: 'Email address (optional)', ...about },
      { id: `contact-${contact.id}-outOfHours`, path: `contacts.${contact.id}.outOfHours`, kind: 'text', label: 'Out of hours (optional)', hint: 'Who to call when they cannot be reached, with the number.', ...about },
      { id: `contact-${contact.id}-notes`, path: `contacts.${contact.id}.notes`, kind: 'textarea', label: 'Notes (optional)', hint: 'For whoever keeps this copy up to date.', ...about },
    );
  }
  for (const level of description.levels) {
    fields.push({ id: `level-${level.id}-name`, path: `levels.${level.id}.name`, kind: 'text', label: `Your name for “${level.name}” (optional)`, hint: 'Leave blank to keep this name.', group: 'levels', name: level.name });
  }
  for (const stage of description.escalation) {
    const about = { group: `stage-${stage.id}`, name: stage.name };
    const days = typeof stage.timescale === 'object' ? stage.timescale.workingDays : undefined;
    fields.push(
      {
        id: `stage-${stage.id}-days`,
        path: `escalation.${stage.id}.timescale`,
        kind: 'days',
        label: 'Timescale, in working days',
        hint: days === undefined ? 'Leave blank to keep the ruleset’s default.' : `The ruleset’s default is ${days} working ${days === 1 ? 'day' : 'days'}; the guide marks a default as one to check. Leave blank to keep it.`,
        ...about,
      },
      { id: `stage-${stage.id}-who`, path: `escalation.${stage.id}.who`, kind: 'text', label: 'Who (optional)', hint: `Leave blank for “${stage.who}”.`, ...about },
    );
  }
  const known = {
    contacts: new Set(local.map((contact) => contact.id)),
    levels: new Set(description.levels.map((level) => level.id)),
    escalation: new Set(description.escalation.map((stage) => stage.id)),
  };
  for (const section of /** @type {const} */ (['contacts', 'levels', 'escalation'])) {
    const entries = isObject(profile) ? profile[section] : undefined;
    if (!isObject(entries)) continue;
    for (const id of Object.keys(entries)) {
      if (known[section].has(id)) continue;
      fields.push({ id: `extra-${section}-${safeId(id)}`, path: `${section}.${id}`, kind: 'remove', label: id, group: `extra-${section}`, name: id });
    }
  }
  return fields;
}

/**
 * What a field shows for a profile.
 *
 * @param {Field} field
 * @param {unknown} profile
 */
export function fieldValue(field, profile) {
  let value = get(profile, field.path);
  if (field.kind === 'days' && isObject(value) && Object.keys(value).length === 1 && 'workingDays' in value) value = value.workingDays;
  // Anything else is shown as it is, so a value the form cannot hold is corrected, never lost.
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * The profile the form makes: `base` (what was opened, keeping anything the form does not show)
 * with each field's value put in, trimmed, and blanks left out. Keys are in the documented order.
 *
 * @param {unknown} base
 * @param {Field[]} fields
 * @param {Record<string, string>} values  field id → what is typed
 * @param {string} rulesetId
 * @returns {{ profile: JsonObject, problems: Problem[] }}  problems: the form's own checks
 */
export function makeProfile(base, fields, values, rulesetId) {
  /** @type {JsonObject} */
  const draft = structuredClone(isObject(base) ? base : {});
  /** @type {Problem[]} */
  const problems = [];
  for (const field of fields) {
    if (field.kind === 'remove') continue;
    const text = (values[field.id] ?? '').trim();
    let value = /** @type {unknown} */ (text || undefined);
    if (field.kind === 'phone' && text.length > PHONE_LIMIT) {
      problems.push({ field: field.id, path: field.path, message: `${field.name}: the phone number must be ${PHONE_LIMIT} characters or fewer (it has ${text.length}). Put anything more in the notes` });
    }
    if (field.kind === 'email' && text && !/^[^\s@]+@[^\s@]+$/.test(text)) {
      problems.push({ field: field.id, path: field.path, message: `${field.name}: enter an email address in the correct format, like name@example.org` });
    }
    if (field.kind === 'days' && text) {
      if (/^\d+$/.test(text) && Number(text) <= DAYS_LIMIT) value = { workingDays: Number(text) };
      else if (text === 'today' || text === 'now') value = text;
      else {
        const message = /^\d+$/.test(text) ? `the timescale must be ${DAYS_LIMIT} working days or fewer` : 'enter the timescale as a whole number of working days, such as 5';
        problems.push({ field: field.id, path: field.path, message: `${field.name}: ${message}` });
        value = undefined;
      }
    }
    set(draft, field.path, value);
  }
  if (!draft.organisation) problems.push({ field: 'organisation', path: 'organisation', message: 'Enter the name of your school or organisation' });

  /** @type {JsonObject} */
  const profile = {};
  /** @type {JsonObject} */
  const ordered = { ...draft, format: PROFILE_FORMAT, ruleset: draft.ruleset ?? rulesetId, id: draft.id ?? profileId(/** @type {string} */ (draft.organisation ?? '')) };
  for (const key of [...PROFILE_KEYS, ...Object.keys(ordered).filter((key) => !PROFILE_KEYS.includes(key))]) {
    let value = ordered[key];
    if (['levels', 'contacts', 'escalation'].includes(key)) value = withoutEmpty(value);
    if (value !== undefined) profile[key] = value;
  }
  return { profile, problems };
}

/**
 * A profile id from an organisation's name: "Northfield Primary School" → "northfield-primary-school".
 *
 * @param {string} organisation
 */
export function profileId(organisation) {
  const id = organisation
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return id || 'my-organisation';
}

/**
 * The engine's problems with a profile, each at its field, in words for the person typing.
 *
 * @param {{ path: string, code: string, message: string }[]} problems  from the Error's `.problems`
 * @param {Field[]} fields
 * @param {Description} description
 * @returns {Problem[]}
 */
export function engineProblems(problems, fields, description) {
  return problems.map((problem) => {
    const field = fieldAt(problem.path, fields);
    const [section, id] = problem.path.split('.');
    const kind = { contacts: 'contact', levels: 'level of need', escalation: 'escalation stage' }[section];
    let message;
    if (problem.code === 'national-contact') {
      const contact = description.contacts.find((c) => c.id === id);
      message = `${contact?.name ?? id} is a national contact: the ruleset sets its details and a profile cannot change them. Remove it`;
    } else if (problem.code.startsWith('unknown-') && kind && field?.kind === 'remove') {
      message = `This ruleset has no ${kind} “${id}”, so the guide would never show it. Remove it (a newer ruleset may have renamed it)`;
    } else if (problem.code === 'wrong-ruleset') {
      message = `The profile was written for another ruleset: ${problem.message}`;
    } else {
      message = `${field ? `${field.name ? `${field.name}: ` : ''}${lowerFirst(field.label.replace(/ \(optional\)$/, ''))}` : problem.path || 'The profile'}: ${problem.message}`;
    }
    return { field: field?.id ?? '', path: problem.path, message };
  });
}

/**
 * The field a problem's path is about: the one at that path or the nearest above it, else the
 * first one inside it.
 *
 * @param {string} path
 * @param {Field[]} fields
 */
export function fieldAt(path, fields) {
  let best = /** @type {Field | undefined} */ (undefined);
  for (const field of fields) {
    if ((path === field.path || path.startsWith(`${field.path}.`)) && (!best || field.path.length > best.path.length)) best = field;
  }
  return best ?? fields.find((field) => path && field.path.startsWith(`${path}.`));
}

/**
 * Reads a profile from a file's text: a profile (JSON) or a copy of the guide (HTML) with one
 * built in. Throws an Error whose message says why it cannot be used.
 *
 * @param {string} text
 * @param {string} rulesetId
 * @returns {JsonObject}
 */
export function readProfile(text, rulesetId) {
  let value;
  if (/^\s*</.test(text)) {
    if (!isCopy(text)) throw new Error('The file is not a copy of the Waymark guide.');
    const json = builtInProfile(text);
    if (json === null) throw new Error('The copy has no organisation’s details built in. Choose a copy you downloaded from this page, or a profile file.');
    text = json;
  }
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('The file is not a Waymark profile: it is not JSON.');
  }
  if (!isObject(value) || value.format !== PROFILE_FORMAT) throw new Error('The file is not a Waymark profile. Choose a profile (.json) or a copy of the guide (.html) you downloaded from this page.');
  const unknown = Object.keys(value).filter((key) => !PROFILE_KEYS.includes(key));
  if (unknown.length > 0) throw new Error(`The file is not a Waymark profile: it has “${unknown[0]}”, which a profile does not.`);
  if (value.ruleset !== rulesetId) throw new Error(`The profile was written for the ruleset “${value.ruleset}”, but this guide uses “${rulesetId}”, so its details may not mean the same here.`);
  for (const section of ['levels', 'contacts', 'escalation']) {
    if (value[section] !== undefined && !isObject(value[section])) throw new Error(`The profile’s ${section} are not in the form Waymark writes them.`);
  }
  return value;
}

// --- Small helpers --------------------------------------------------------------------------

/**
 * @param {unknown} value
 * @returns {value is JsonObject}
 */
export function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An id that is safe in an element id and a CSS selector.
 *
 * @param {string} text
 */
function safeId(text) {
  return text.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);
}

/**
 * @param {unknown} object
 * @param {string} path  dot-separated; the keys of contacts, levels and stages are ids, which
 *   have no dots
 */
function get(object, path) {
  return path.split('.').reduce((/** @type {unknown} */ value, key) => (isObject(value) ? value[key] : undefined), object);
}

/**
 * Sets a value by path, making objects on the way; `undefined` removes it.
 *
 * @param {JsonObject} object
 * @param {string} path
 * @param {unknown} value
 */
function set(object, path, value) {
  const keys = path.split('.');
  const last = /** @type {string} */ (keys.pop());
  let at = object;
  for (const key of keys) {
    let next = at[key];
    if (!isObject(next)) {
      if (value === undefined) return;
      next = at[key] = {};
    }
    at = /** @type {JsonObject} */ (next);
  }
  if (value === undefined) delete at[last];
  else at[last] = value;
}

/**
 * A map of entries without the ones left empty; undefined when none is left.
 *
 * @param {unknown} entries
 */
function withoutEmpty(entries) {
  if (!isObject(entries)) return entries;
  const kept = Object.fromEntries(Object.entries(entries).filter(([, value]) => !isObject(value) || Object.keys(value).length > 0));
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** @param {string} text */
function lowerFirst(text) {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
