// @ts-check
// The preview beside the setup form: the contacts, level names and escalation stages as the
// guide will show them, and the guide's own guidance for a sample case, all from the engine
// with the profile as it stands. The wording is the guide's (dom.mjs, guidance.mjs).

import { contactText, h, urgencyText } from '../dom.mjs';
import { renderGuidance } from '../guidance.mjs';
import { Words } from '../words.mjs';

/** @import { Case, ContactDetails } from '../../types/waymark' */
/** @typedef {Pick<import('../../../pkg/waymark.js').Engine, 'assess' | 'describe' | 'guidance'>} Engine */
/**
 * What the preview reads of a scenario file (docs/scenario-format.md), as fetched: each case is
 * checked by the engine, and a time point it refuses is left out.
 *
 * @typedef {{ title: string, timePoints?: { title: string, case: Case }[] }} ScenarioFile
 */

/**
 * @typedef {object} Sample  a time point of a case review, to preview the guidance with
 * @property {string} label
 * @property {Case} case
 */

/**
 * Draws the preview for an engine made with the profile.
 *
 * @param {HTMLElement} $root
 * @param {Engine} engine
 * @param {Sample[]} samples
 * @param {{ sample: number, open: Set<string> }} state  which sample is shown; which of its
 *   <details> are open
 * @param {string} organisation  as typed
 */
export function drawPreview($root, engine, samples, state, organisation) {
  const description = engine.describe();
  const local = description.contacts.filter((contact) => contact.scope === 'local');
  const set = local.filter((contact) => contact.set);
  const unset = local.filter((contact) => !contact.set);
  const $select = samples.length > 0 ? sampleSelect(samples, state.sample) : null;
  const $sample = h('div', { id: 'preview-sample-guidance' });
  $root.replaceChildren(
    h('h3', { class: 'govuk-heading-s' }, 'Your organisation'),
    h('p', { class: 'govuk-body-s', id: 'preview-organisation' }, organisation || 'Not entered yet'),
    h('h3', { class: 'govuk-heading-s' }, `Contacts (${set.length} of ${local.length} set)`),
    h(
      'div',
      { id: 'preview-contacts' },
      set.length > 0 ? contactList(set) : h('p', { class: 'govuk-body-s' }, 'None set yet.'),
      unset.length > 0 &&
        h(
          'details',
          { class: 'govuk-details app-setup-preview__unset', open: state.open.has('unset') },
          h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, `Not set (${unset.length}): how the guide shows them`)),
          h('div', { class: 'govuk-details__text' }, contactList(unset)),
        ),
    ),
    h('h3', { class: 'govuk-heading-s' }, 'Levels of need'),
    h(
      'ol',
      { class: 'govuk-list govuk-list--number govuk-body-s', id: 'preview-levels' },
      description.levels.map((level) => h('li', { 'data-level': level.id }, level.name)),
    ),
    h('h3', { class: 'govuk-heading-s' }, 'Escalation'),
    h(
      'ol',
      { class: 'govuk-list govuk-list--number govuk-body-s app-stages', id: 'preview-stages' },
      description.escalation.map((stage) =>
        h(
          'li',
          { 'data-stage': stage.id },
          h('strong', {}, stage.name),
          `: ${stage.who}. `,
          h('span', { class: 'app-timescale' }, `${urgencyText(stage.timescale)}${stage.timescaleIsDefault ? ' (a default: check your local procedure)' : ''}.`),
        ),
      ),
    ),
    // No samples, no sample section (an empty text, where `null` would be drawn as "null").
    $select
      ? h(
        'div',
        { class: 'app-setup-preview__sample' },
        h('h3', { class: 'govuk-heading-s' }, 'The guidance for a sample case'),
        h(
          'div',
          { class: 'govuk-form-group' },
          h('label', { class: 'govuk-label govuk-label--s', for: 'preview-sample' }, 'Sample case'),
          h('div', { class: 'govuk-hint', id: 'preview-sample-hint' }, 'From the case reviews the guide was tested with.'),
          $select,
        ),
        $sample,
      )
      : '',
  );
  $root.querySelector('.app-setup-preview__unset')?.addEventListener('toggle', (event) => {
    if (/** @type {HTMLDetailsElement} */ (event.target).open) state.open.add('unset');
    else state.open.delete('unset');
  });
  if ($select) drawSample($sample, engine, samples[state.sample], state.open);
}

/**
 * Contacts as the guide words them.
 *
 * @param {ContactDetails[]} contacts
 */
function contactList(contacts) {
  return h(
    'ul',
    { class: 'govuk-list govuk-body-s app-contacts' },
    contacts.map((contact) => h('li', { class: contact.set ? 'app-contact' : 'app-contact app-contact--not-set', 'data-contact': contact.id }, contactText(contact))),
  );
}

/**
 * A sample case's level and who to tell, with their contacts, as the guide words them; the
 * whole of its guidance, as the guide draws it, folded below.
 *
 * @param {HTMLElement} $root
 * @param {Engine} engine
 * @param {Sample} sample
 * @param {Set<string>} open
 */
function drawSample($root, engine, sample, open) {
  const assessment = engine.assess(sample.case, { trace: false });
  const $all = h('div', { class: 'app-setup-preview__guidance' });
  const $details = h(
    'details',
    { class: 'govuk-details', open: open.has('all') },
    h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, 'All the guidance for this case')),
    h('div', { class: 'govuk-details__text' }, $all),
  );
  $details.addEventListener('toggle', () => (/** @type {HTMLDetailsElement} */ ($details).open ? open.add('all') : open.delete('all')));
  $root.replaceChildren(
    h('p', { class: 'govuk-body-s' }, h('strong', {}, 'Level of need: '), h('span', { id: 'preview-sample-level' }, assessment.level.name)),
    h(
      'ul',
      { class: 'govuk-list govuk-body-s', id: 'preview-sample-routes' },
      assessment.referrals.map((referral) =>
        h(
          'li',
          { 'data-route': referral.route },
          h('strong', {}, `${referral.name}: `),
          `${urgencyText(referral.urgency).toLowerCase()}.`,
          referral.contacts.length > 0 &&
            h(
              'ul',
              { class: 'govuk-list app-contacts app-setup-preview__contacts' },
              referral.contacts.map((contact) => h('li', { class: contact.set ? 'app-contact' : 'app-contact app-contact--not-set', 'data-contact': contact.id }, contactText(contact))),
            ),
        ),
      ),
    ),
    $details,
  );
  renderGuidance($all, engine.guidance(sample.case), new Words(engine.describe()), open, () => engine.guidance(sample.case, { trace: true }), false);
}

/**
 * @param {Sample[]} samples
 * @param {number} chosen
 */
function sampleSelect(samples, chosen) {
  return h(
    'select',
    { class: 'govuk-select app-setup-preview__select', id: 'preview-sample', 'aria-describedby': 'preview-sample-hint' },
    samples.map((sample, i) => h('option', { value: String(i), selected: i === chosen }, sample.label)),
  );
}

/**
 * The time points of some case reviews, as samples; the first shown is the one whose guidance
 * names the most local contacts, so the preview shows as many of them as it can.
 *
 * @param {ScenarioFile[]} scenarios
 * @param {Engine} engine  without a profile
 * @returns {{ samples: Sample[], best: number }}
 */
export function samplesFrom(scenarios, engine) {
  /** @type {Sample[]} */
  const samples = [];
  let best = 0;
  let most = -1;
  for (const scenario of scenarios) {
    for (const point of scenario.timePoints ?? []) {
      let count = 0;
      try {
        const assessment = engine.assess(point.case, { trace: false });
        const ids = new Set(assessment.referrals.flatMap((referral) => referral.contacts.filter((c) => c.scope === 'local').map((c) => c.id)));
        for (const stage of assessment.escalation?.stages ?? []) if (stage.contact?.scope === 'local') ids.add(stage.contact.id);
        count = ids.size;
      } catch {
        continue;
      }
      if (count > most) [most, best] = [count, samples.length];
      samples.push({ label: `${scenario.title}: ${point.title}`, case: point.case });
    }
  }
  return { samples, best };
}
