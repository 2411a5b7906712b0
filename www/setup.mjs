// @ts-check
// Setting up an organisation's copy: a form for its contacts, level names and escalation
// timescales, checked by the engine as they are typed, with a preview of what staff will see;
// then a download of the single file with the profile built in, or of the profile alone.
// Nothing entered here leaves the device.

import { ErrorSummary, NotificationBanner, SkipLink, createAll } from './vendor/govuk-frontend/govuk-frontend.min.js';
import init, { Engine } from '../pkg/waymark.js';
import { byId, h, showFailure } from './js/dom.mjs';
import { errorSummary } from './js/form.mjs';
import { fetchJson, meta } from './js/load.mjs';
import { copyName, copySource, copyText, save } from './js/setup/copy.mjs';
import { embeddedWasm, isSingleFile } from './js/setup/embedded.mjs';
import { drawForm, showFieldErrors } from './js/setup/fields.mjs';
import { drawPreview, samplesFrom } from './js/setup/preview.mjs';
import { CONTACT_DETAILS, engineProblems, fieldValue, fieldsFor, makeProfile, readProfile } from './js/setup/profile.mjs';

/** @import { EngineError } from './types/waymark' */
/** @typedef {import('./js/setup/profile.mjs').JsonObject} JsonObject */

/** @typedef {import('./js/setup/profile.mjs').Field} Field */
/** @typedef {import('./js/setup/profile.mjs').Problem} Problem */

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
createAll(SkipLink);

start().catch(showFailure);

async function start() {
  const rulesetPath = meta(document, 'waymark-ruleset');
  const profileName = new URLSearchParams(location.search).get('profile') ?? meta(document, 'waymark-profile');
  const [, ruleset, profile] = await Promise.all([
    init(embeddedWasm()).catch((/** @type {Error} */ error) => {
      throw new Error(`The guidance engine (WebAssembly) could not start: ${error.message}`);
    }),
    fetchJson(rulesetPath, 'the ruleset'),
    profileName ? fetchJson(`profiles/${profileName}.json`, `the profile “${profileName}”`) : null,
  ]);
  let plain;
  try {
    plain = new Engine(ruleset, null);
  } catch (error) {
    throw new Error(`The ruleset has a problem: ${/** @type {EngineError} */ (error).message}`);
  }
  const $app = byId('app');
  const paths = ($app.getAttribute('data-samples') ?? '').split(/\s+/).filter(Boolean);
  const scenarios = (await Promise.all(paths.map((path) => fetchJson(path, 'a sample case').catch(() => null)))).filter(Boolean);
  // The page's own sample scenarios; a time point whose case the engine refuses is left out.
  const samples = samplesFrom(/** @type {import('./js/setup/preview.mjs').ScenarioFile[]} */ (scenarios), plain);
  new Setup(ruleset, plain, profile, samples).begin();
  document.documentElement.setAttribute('data-waymark-ready', '');
}

class Setup {
  /**
   * @param {unknown} ruleset  for the engine to check
   * @param {Engine} plain  the engine without a profile: what the ruleset declares
   * @param {unknown} profile  the profile this page started with, or null: JSON the form edits
   *   and the engine checks (setup/profile.mjs)
   * @param {{ samples: import('./js/setup/preview.mjs').Sample[], best: number }} samples
   */
  constructor(ruleset, plain, profile, samples) {
    this.ruleset = ruleset;
    this.plain = plain;
    this.description = plain.describe();
    this.rulesetId = this.description.ruleset.id;
    this.samples = samples.samples;
    this.preview = { sample: samples.best, open: new Set() };
    /** @type {JsonObject} the profile as opened, keeping what the form does not show */
    this.base = /** @type {JsonObject} */ (profile ?? {});
    /** @type {Field[]} */
    this.fields = [];
    /** @type {Record<string, string>} what each field holds, as typed */
    this.values = {};
    /** Fields that have been typed in: only their problems are shown until a download is tried. */
    this.touched = new Set();
    /** Whether every problem is shown, with the summary: after a download is tried or a file opened. */
    this.showAll = false;
    /** @type {Problem[]} */
    this.problems = [];
    /** @type {JsonObject | null} the profile the form makes, when the engine accepts it */
    this.profile = null;
    /** @type {Engine | null} the engine made with the latest details it accepted */
    this.engine = null;
    /** Whether the preview has been drawn once. */
    this.drawn = false;
    this.$form = /** @type {HTMLFormElement} */ (byId('setup-form'));
    this.$fields = byId('setup-fields');
  }

  begin() {
    this.draw();
    this.$form.addEventListener('input', (event) => this.onInput(/** @type {HTMLElement} */ (event.target)));
    this.$form.addEventListener('change', (event) => this.onChange(/** @type {HTMLInputElement} */ (event.target)));
    this.$form.addEventListener('submit', (event) => event.preventDefault());
    this.$form.addEventListener('click', (event) => this.onClick(event));
    byId('preview').addEventListener('change', (event) => {
      const $select = /** @type {HTMLSelectElement} */ (event.target);
      if ($select.id !== 'preview-sample') return;
      this.preview = { sample: Number($select.value), open: new Set([...this.preview.open].filter((key) => key === 'unset')) };
      this.drawPreview(false, this.problems.length > 0 && (this.showAll || this.problems.some((problem) => this.touched.has(problem.field))));
      byId('preview-sample').focus();
    });
    byId('loading').hidden = true;
    byId('app').hidden = false;
    const where = isSingleFile() ? 'this file' : 'this page';
    byId('footer-ruleset').textContent = `The rules are from ${this.description.ruleset.title}, version ${this.description.ruleset.version}, built into ${where}.`;
  }

  /** Draws the form for the profile as it stands, and checks it. */
  draw() {
    this.fields = fieldsFor(this.description, this.base);
    drawForm(this.$fields, this.fields, this.description);
    this.values = {};
    for (const field of this.fields) {
      if (field.kind === 'remove') continue;
      this.values[field.id] = fieldValue(field, this.base);
      const $input = /** @type {HTMLInputElement} */ (byId(field.id));
      $input.value = this.values[field.id];
    }
    // A contact opens when it has details, and the first always, to show what is asked.
    this.$fields.querySelectorAll('details[data-contact]').forEach(($contact, i) => {
      const id = $contact.getAttribute('data-contact');
      if (i === 0 || CONTACT_DETAILS.some((detail) => this.values[`contact-${id}-${detail}`])) $contact.setAttribute('open', '');
    });
    this.check();
  }

  /** @param {HTMLElement} $target */
  onInput($target) {
    if (!$target.hasAttribute('data-setup-field')) return;
    const $input = /** @type {HTMLInputElement} */ ($target);
    this.values[$input.id] = $input.value;
    this.touched.add($input.id);
    this.check();
  }

  /** @param {HTMLInputElement} $input */
  onChange($input) {
    if ($input.id === 'import-file') this.openFile($input);
  }

  /** @param {MouseEvent} event */
  onClick(event) {
    const $button = /** @type {HTMLElement} */ (event.target).closest('button');
    if (!$button) return;
    if ($button.id === 'download-copy') this.downloadCopy();
    else if ($button.id === 'download-profile') this.downloadProfile();
    else if ($button.dataset.remove) this.remove($button.dataset.remove);
  }

  /**
   * Makes the profile from the form and asks the engine about it; shows the problems at their
   * fields (those typed in, or all once a download has been tried) and redraws the preview.
   */
  check() {
    const { profile, problems } = makeProfile(this.base, this.fields, this.values, this.rulesetId);
    // The form's own problems are left out of what the engine sees, so it judges the rest and
    // the preview can follow what is typed.
    const judged = structuredClone(profile);
    if (!judged.organisation) judged.organisation = 'Your organisation';
    let engine = null;
    try {
      engine = new Engine(this.ruleset, judged);
    } catch (thrown) {
      // The engine throws an EngineError; a trap (a WebAssembly.RuntimeError) has only a message.
      const error = /** @type {Partial<EngineError> & Error} */ (thrown);
      problems.push(...engineProblems(error.problems ?? [{ path: '', code: 'error', message: error.message }], this.fields, this.description));
    }
    this.problems = problems;
    this.profile = problems.length === 0 ? profile : null;
    if (engine) {
      this.engine?.free();
      this.engine = engine;
    }
    const shown = this.showAll ? problems : problems.filter((problem) => this.touched.has(problem.field));
    showFieldErrors(this.$fields, shown);
    if (this.showAll) this.summary(false);
    this.statuses();
    this.drawPreview(!engine, shown.length > 0);
    byId('download-names').textContent = `Your copy is saved as ${copyName(profile)} and the profile as ${profile.id}.json, in the folder where your browser saves downloads.`;
  }

  /** The line beside each folded contact: its number, or that it is not set. */
  statuses() {
    for (const $status of this.$fields.querySelectorAll('[data-status]')) {
      const id = $status.getAttribute('data-status');
      const [phone, email] = ['phone', 'email'].map((detail) => (this.values[`contact-${id}-${detail}`] ?? '').trim());
      const text = phone || email ? `: ${phone || email}` : ': not set';
      if ($status.textContent !== text) $status.textContent = text;
    }
  }

  /**
   * @param {boolean} [stale]  the engine refused the latest details, so the preview keeps the last it accepted
   * @param {boolean} [problems]  problems are shown in the form
   */
  drawPreview(stale = false, problems = false) {
    const status = stale
      ? 'Not up to date: the details in the form have a problem, so this still shows the last details the guide could use. Correct the problem to update it.'
      : problems
        ? 'What your staff will see, with your details as they stand. Correct the problems in the form before you download your copy.'
        : 'What your staff will see, with your details as they stand.';
    const $status = byId('preview-status');
    if ($status.textContent !== status) $status.textContent = status;
    if (stale && this.drawn) return;
    this.drawn = true;
    drawPreview(byId('preview-body'), this.engine ?? this.plain, this.samples, this.preview, (this.values.organisation ?? '').trim());
  }

  /**
   * The error summary above the form, listing every problem; focused when `focus`.
   *
   * @param {boolean} focus
   */
  summary(focus) {
    const $slot = byId('setup-summary');
    if (this.problems.length === 0) {
      $slot.replaceChildren();
      return;
    }
    const items = this.problems.map((problem) => {
      const field = problem.field || 'import-file';
      return { href: `#${field}`, text: problem.message, focus: field };
    });
    const $summary = errorSummary('There is a problem', items);
    $slot.replaceChildren($summary);
    if (focus) new ErrorSummary($summary);
  }

  /**
   * Whether the profile can be downloaded; if not, every problem is shown and the summary takes
   * the focus.
   */
  ready() {
    this.showAll = true;
    this.check();
    if (this.problems.length === 0 && this.profile) return true;
    this.summary(true);
    return false;
  }

  async downloadCopy() {
    if (!this.ready()) return;
    const profile = /** @type {JsonObject} ready() has made sure */ (this.profile);
    let source;
    try {
      source = await copySource();
    } catch (error) {
      this.problems = [{ field: 'download-copy', message: /** @type {Error} */ (error).message }];
      this.summary(true);
      return;
    }
    save(copyText(source, profile), copyName(profile), 'text/html');
    this.notify(`Your copy has been downloaded as ${copyName(profile)}. Open it to check it, then put it where your staff can open it.`);
  }

  downloadProfile() {
    if (!this.ready()) return;
    const profile = /** @type {JsonObject} ready() has made sure */ (this.profile);
    save(`${JSON.stringify(profile, null, 2)}\n`, `${profile.id}.json`, 'application/json');
    this.notify(`The profile has been downloaded as ${profile.id}.json.`);
  }

  /**
   * Takes an entry the ruleset does not have out of the profile.
   *
   * @param {string} path  such as "contacts.nope"
   */
  remove(path) {
    const [section, id] = path.split('.');
    const before = this.fields.findIndex((field) => field.path === path);
    const entries = /** @type {JsonObject | undefined} */ (this.base[section]);
    if (entries) delete entries[id];
    this.keepTyped();
    this.draw();
    // The focus goes to the next entry to remove, or to the section's heading.
    const next = this.fields.slice(before).find((field) => field.kind === 'remove' && field.group === `extra-${section}`);
    (next ? byId(next.id) : byId(`section-${section}-title`)).focus();
  }

  /** Puts what has been typed into the profile as opened, so a redraw keeps it. */
  keepTyped() {
    this.base = makeProfile(this.base, this.fields, this.values, this.rulesetId).profile;
    if (!this.values.organisation?.trim()) delete this.base.organisation;
  }

  /** @param {HTMLInputElement} $input */
  async openFile($input) {
    const file = $input.files?.[0];
    if (!file) return;
    let profile;
    try {
      profile = readProfile(await file.text(), this.rulesetId);
    } catch (error) {
      $input.value = '';
      this.problems = [{ field: 'import-file', message: `${file.name} was not opened. ${/** @type {Error} */ (error).message} Nothing here has changed.` }];
      showFieldErrors(this.$fields, this.problems);
      this.summary(true);
      return;
    }
    this.base = profile;
    this.touched.clear();
    this.showAll = true;
    this.draw();
    if (this.problems.length > 0) {
      this.summary(true);
      return;
    }
    byId('setup-summary').replaceChildren();
    this.notify(`Opened ${file.name}. Check the details below, then download your copy.`);
  }

  /**
   * A success banner above the form, focused so it is read out.
   *
   * @param {string} message
   */
  notify(message) {
    const $banner = h(
      'div',
      { class: 'govuk-notification-banner govuk-notification-banner--success', role: 'alert', 'aria-labelledby': 'setup-notice-title', 'data-module': 'govuk-notification-banner', id: 'setup-done' },
      h('div', { class: 'govuk-notification-banner__header' }, h('h2', { class: 'govuk-notification-banner__title', id: 'setup-notice-title' }, 'Done')),
      h('div', { class: 'govuk-notification-banner__content' }, h('p', { class: 'govuk-notification-banner__heading' }, message)),
    );
    byId('setup-notice').replaceChildren($banner);
    new NotificationBanner($banner);
  }
}
