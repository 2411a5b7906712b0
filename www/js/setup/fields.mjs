// @ts-check
// The setup form, drawn from the fields profile.mjs lists: GOV.UK inputs in sections, each
// contact and escalation stage in its own fieldset. Text always goes in as text, never as HTML.

import { h, hidden } from '../dom.mjs';
import { markField } from '../form.mjs';

/** @typedef {import('./profile.mjs').Field} Field */
/** @typedef {import('./profile.mjs').Problem} Problem */
/** @import { ContactDetails, Description } from '../../types/waymark' */

/**
 * Draws the whole form into `$root`.
 *
 * @param {HTMLElement} $root
 * @param {Field[]} fields
 * @param {Description} description  `engine.describe()` of the ruleset without a profile
 */
export function drawForm($root, fields, description) {
  const of = (/** @type {string} */ group) => fields.filter((field) => field.group === group);
  const byId = new Map(fields.map((field) => [field.id, field]));
  const one = (/** @type {string} */ id) => input(/** @type {Field} */ (byId.get(id)));
  const national = description.contacts.filter((contact) => contact.scope === 'national');
  const local = description.contacts.filter((contact) => contact.scope === 'local');
  const extras = (/** @type {string} */ section, /** @type {string} */ what) => {
    const rows = of(`extra-${section}`);
    if (rows.length === 0) return null;
    return h(
      'div',
      { class: 'app-setup-extras' },
      h('h3', { class: 'govuk-heading-s' }, `In your profile, but not ${what} in this ruleset`),
      rows.map(removeRow),
    );
  };

  $root.replaceChildren(
    section(
      'start',
      'Start from a saved copy (optional)',
      h('p', { class: 'govuk-body' }, 'If you set up a copy before, open it here to change it, or to move your details to a newer version of the guide.'),
      h(
        'div',
        { class: 'govuk-form-group', 'data-field': 'import-file' },
        h('label', { class: 'govuk-label', for: 'import-file' }, 'Choose your copy (waymark-….html) or profile (.json)'),
        h('div', { class: 'govuk-hint', id: 'import-file-hint' }, 'It opens on this device; nothing is uploaded. What you have entered here is replaced only if the file can be used.'),
        h('input', { class: 'govuk-file-upload', id: 'import-file', type: 'file', accept: '.html,.htm,.json,text/html,application/json', 'aria-describedby': 'import-file-hint' }),
      ),
    ),
    section('organisation', '1. Your organisation', one('organisation'), one('profile-notes')),
    section(
      'contacts',
      '2. Contacts',
      h('p', { class: 'govuk-body' }, 'The guide shows these contacts when it tells staff who to tell. Open each one you know and add its details. Add only numbers you have checked: a contact left blank shows as “not set, ask your safeguarding lead”, which is safer than a wrong number.'),
      local.map((contact) => contactFieldset(contact, of(`contact-${contact.id}`))),
      extras('contacts', 'a contact you can set'),
      h(
        'details',
        { class: 'govuk-details' },
        h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, `National contacts (${national.length}): set by the ruleset`)),
        h(
          'div',
          { class: 'govuk-details__text' },
          h('p', { class: 'govuk-body-s' }, 'These are the same everywhere in England, so the ruleset sets them and a copy cannot change them.'),
          h(
            'dl',
            { class: 'govuk-summary-list govuk-summary-list--no-border app-setup-national' },
            national.map((contact) =>
              h('div', { class: 'govuk-summary-list__row' }, h('dt', { class: 'govuk-summary-list__key' }, contact.name), h('dd', { class: 'govuk-summary-list__value' }, [contact.phone, contact.hours].filter(Boolean).join(', '))),
            ),
          ),
        ),
      ),
    ),
    section(
      'levels',
      '3. Names for the levels of need (optional)',
      h('p', { class: 'govuk-body' }, 'If your safeguarding partnership’s threshold document uses its own names, such as “Tier 3”, enter them and the guide uses them. The rules stay the same.'),
      of('levels').map(input),
      extras('levels', 'a level of need'),
    ),
    section(
      'escalation',
      '4. Escalation',
      h('p', { class: 'govuk-body' }, 'When staff disagree with a decision about a child, or nothing happens, they escalate in these stages. Enter the timescales your local procedure gives.'),
      description.escalation.map((stage) =>
        h(
          'fieldset',
          { class: 'govuk-fieldset app-setup-group', id: `stage-${stage.id}` },
          h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, h('h3', { class: 'govuk-fieldset__heading' }, stage.name)),
          of(`stage-${stage.id}`).map(input),
        ),
      ),
      extras('escalation', 'an escalation stage'),
    ),
    section(
      'download',
      '5. Download',
      h('p', { class: 'govuk-body' }, 'Your copy is one file with your details built in. Put it on your shared drive or intranet; staff open it in their web browser, and it works offline. Keep the profile file too: whoever looks after the guide can use it to move your details to a newer version.'),
      h(
        'div',
        { class: 'govuk-button-group', 'data-field': 'download' },
        h('button', { type: 'button', class: 'govuk-button', id: 'download-copy', 'data-module': 'govuk-button' }, 'Download your copy'),
        h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', id: 'download-profile', 'data-module': 'govuk-button' }, 'Download the profile JSON'),
      ),
      h('p', { class: 'govuk-body-s', id: 'download-names' }),
    ),
  );
}

/**
 * @param {string} id
 * @param {string} title
 * @param {...unknown} content
 */
function section(id, title, ...content) {
  return h('section', { class: 'app-setup-section', id: `section-${id}`, 'aria-labelledby': `section-${id}-title` }, h('h2', { class: 'govuk-heading-m', id: `section-${id}-title`, tabindex: '-1' }, title), content);
}

/**
 * One local contact, folded to a line that says whether it is set; opened to change it.
 *
 * @param {ContactDetails} contact
 * @param {Field[]} fields
 */
function contactFieldset(contact, fields) {
  return h(
    'details',
    { class: 'govuk-details app-setup-contact', id: `contact-${contact.id}`, 'data-contact': contact.id },
    h(
      'summary',
      { class: 'govuk-details__summary app-setup-contact__summary' },
      h('span', { class: 'govuk-details__summary-text' }, contact.name),
      h('span', { class: 'app-setup-contact__status', 'data-status': contact.id }),
    ),
    h(
      'div',
      { class: 'govuk-details__text app-setup-contact__fields' },
      // Each label carries the contact's name for screen readers, so no fieldset is needed.
      fields.map(input),
    ),
  );
}

/**
 * A labelled input (or textarea) with its hint, in a form group that can show an error.
 *
 * @param {Field} field
 */
function input(field) {
  const hintId = field.hint ? `${field.id}-hint` : null;
  const common = { id: field.id, name: field.id, 'aria-describedby': hintId, spellcheck: 'false', 'data-setup-field': true };
  /** @type {Partial<Record<Field['kind'], string>>} */
  const widths = { phone: ' govuk-input--width-20', days: ' govuk-input--width-3', email: ' govuk-!-width-two-thirds' };
  const width = widths[field.kind] ?? '';
  const control =
    field.kind === 'textarea'
      ? h('textarea', { class: 'govuk-textarea', rows: '2', ...common })
      : h('input', {
          class: `govuk-input${width}`,
          type: field.kind === 'phone' ? 'tel' : field.kind === 'email' ? 'email' : 'text',
          inputmode: field.kind === 'days' ? 'numeric' : null,
          ...common,
        });
  return h(
    'div',
    { class: 'govuk-form-group', 'data-field': field.id },
    h('label', { class: 'govuk-label', for: field.id }, field.label, field.name && field.group !== 'levels' ? hidden(`: ${field.name}`) : null),
    hintId && h('div', { class: 'govuk-hint', id: hintId }, field.hint),
    control,
  );
}

/**
 * An entry of the profile that this ruleset does not have, with a button to remove it.
 *
 * @param {Field} field
 */
function removeRow(field) {
  return h(
    'div',
    { class: 'govuk-form-group app-setup-extra', 'data-field': field.id },
    h('p', { class: 'govuk-body govuk-!-margin-bottom-2', id: `${field.id}-label` }, h('code', { class: 'app-setup-extra__id' }, field.label)),
    h('button', { type: 'button', class: 'govuk-button govuk-button--secondary app-button--small', id: field.id, 'data-remove': field.path, 'aria-describedby': `${field.id}-label` }, 'Remove'),
  );
}

/**
 * Shows a message by each field that has a problem, and opens any folded contact that hides one.
 * Problems without a field are left to the summary.
 *
 * @param {HTMLElement} $root
 * @param {Problem[]} problems
 */
export function showFieldErrors($root, problems) {
  clearFieldErrors($root);
  const seen = new Set();
  for (const problem of problems) {
    if (!problem.field || seen.has(problem.field)) continue;
    seen.add(problem.field);
    const $input = $root.querySelector(`#${CSS.escape(problem.field)}`);
    const $folded = $input?.closest('details');
    if ($folded) $folded.setAttribute('open', '');
    markField($root, { field: problem.field, step: '', message: problem.message });
  }
}

/** @param {HTMLElement} $root */
function clearFieldErrors($root) {
  for (const $group of $root.querySelectorAll('.govuk-form-group--error')) $group.classList.remove('govuk-form-group--error');
  for (const $message of $root.querySelectorAll('.govuk-error-message')) $message.remove();
  for (const $input of $root.querySelectorAll('.govuk-input--error, .govuk-textarea--error')) $input.classList.remove('govuk-input--error', 'govuk-textarea--error');
  for (const $described of $root.querySelectorAll('[data-error-described]')) {
    const ids = ($described.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.endsWith('-error'));
    if (ids.length > 0) $described.setAttribute('aria-describedby', ids.join(' '));
    else $described.removeAttribute('aria-describedby');
    $described.removeAttribute('data-error-described');
  }
}
