// @ts-check
// Waymark's page: load the engine, build the form from the ruleset, and redraw the guidance after
// every answer. The engine decides; this file only moves answers in and guidance out.

import { NotificationBanner, SkipLink, createAll } from './vendor/govuk-frontend/govuk-frontend.min.js';
import { byId, h, showFailure } from './js/dom.mjs';
import { CaseFileError, checkFileSize, emptyDraft, eraseDraft, fileText, keepingDisabled, loadDraft, openCaseFile, saveDraft, setKeeping, toCase } from './js/draft.mjs';
import { STEPS, buildForm, errorSummary, pendingDateErrors, removeEvent, updateDraft } from './js/form.mjs';
import { announcement, renderGuidance } from './js/guidance.mjs';
import { caseText, copyToClipboard, download, printView } from './js/handon.mjs';
import { isDeadInstance } from './js/engine-guard.mjs';
import { loadEngine } from './js/load.mjs';
import { Words } from './js/words.mjs';

/** @import { Case, CompactAssessment, Description, EngineError } from './types/waymark' */

// GOV.UK Frontend's support check, which its template does with an inline script the
// Content-Security-Policy forbids.
document.body.classList.add('js-enabled', 'govuk-frontend-supported');
createAll(SkipLink);

start().catch(showFailure);

async function start() {
  /** @type {Page | null} */
  let page = null;
  const { engine, description } = await loadEngine(document, location, () => page?.engineRestarted());
  page = new Page(engine, description);
  page.begin();
  document.documentElement.setAttribute('data-waymark-ready', '');
  // For scripts/bench-page.mjs: how long until the form can be used.
  performance.mark('waymark-ready');
  if ('serviceWorker' in navigator && location.protocol !== 'file:' && document.querySelector('link[rel="manifest"]')) {
    // Offline use is a bonus: a refusal (a private window, a policy) changes nothing else.
    navigator.serviceWorker.register('sw.js').catch(() => {});
  }
}

/** Today in this browser's time zone, as an ISO date: the page has a clock; the engine has none. */
function today() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

class Page {
  /**
   * @param {import('./js/load.mjs').GuideEngine} engine
   * @param {Description} description
   */
  constructor(engine, description) {
    this.engine = engine;
    this.description = description;
    this.today = today();
    this.draft = loadDraft(this.today) ?? emptyDraft(this.today);
    /** Keys of the guidance's <details> that are open. */
    this.open = new Set();
    this.step = '';
    this.announced = '';
    /** @type {import('./js/draft.mjs').FieldError[]} */
    this.errors = [];
    /** The case the draft makes, as last assessed. */
    this.case = toCase(this.draft, this.today).case;
    /** @type {CompactAssessment | null} */
    this.assessment = null;
    /** @type {Element[]} */
    this.closedForPrint = [];
    /** Whether the guidance last drawn said "call 999". */
    this.emergency = false;
    this.$form = /** @type {HTMLFormElement} */ (byId('case-form'));
    this.$steps = byId('steps');
    this.$notices = byId('notices');
    this.form = buildForm(description, this.$steps, byId('step-nav'));
    this.words = new Words(description);
  }

  begin() {
    this.toolbar();
    this.privacyControls();
    this.form.fill(this.draft);
    this.update(false);
    this.$form.addEventListener('input', (event) => this.onInput(/** @type {HTMLInputElement} */ (event.target)));
    this.$form.addEventListener('submit', (event) => event.preventDefault());
    this.$form.addEventListener('keydown', (event) => this.onKey(event));
    document.addEventListener('click', (event) => this.onClick(event));
    window.addEventListener('hashchange', () => this.route(location.hash, true));
    window.addEventListener('beforeprint', () => this.beforePrint());
    window.addEventListener('afterprint', () => this.afterPrint());
    byId('loading').hidden = true;
    byId('app').hidden = false;
    byId('footer-ruleset').textContent = `Guidance from ${this.description.ruleset.title}, version ${this.description.ruleset.version}${
      this.description.profile ? `, with local details for ${this.description.profile.organisation}` : ', with no local details set'
    }.`;
    this.route(location.hash, false);
  }

  // --- Answers in, guidance out ------------------------------------------------------------

  /**
   * Assesses the draft and redraws everything that depends on it; keeps the draft in this tab
   * unless `save` is false (nothing is stored until something is entered).
   */
  update(save = true) {
    const { case: value, errors } = toCase(this.draft, this.today);
    this.case = value;
    this.errors = [...errors, ...pendingDateErrors(this.draft, this.description)];
    const $body = byId('guidance-body');
    try {
      this.assessment = this.engine.guidance(value);
    } catch (error) {
      // The form cannot make a case the engine refuses; if it ever does, say so plainly. A
      // stopped engine that could not be restarted says what will start it again.
      this.assessment = null;
      const stopped = isDeadInstance(error) || /** @type {EngineError} */ (error).code === 'engine-restarting';
      const why = stopped
        ? 'The guidance engine stopped after an internal error. Reload the page to start it again; download your case first if you have not chosen to keep your answers'
        : /** @type {EngineError} */ (error).message;
      $body.replaceChildren(errorSummary('The guidance could not be worked out', [{ href: '#main-content', text: `${why}. If a child is in danger now, call 999; otherwise tell your safeguarding lead today.` }]));
      if (save) saveDraft(this.draft);
      return;
    }
    const wasEmergency = this.emergency;
    this.emergency = this.assessment.immediateDanger;
    renderGuidance($body, this.assessment, this.words, this.open, () => this.engine.guidance(value, { trace: true }), this.emergency && !wasEmergency, this.description.escalation[0] ?? null);
    this.form.setChildAge(this.assessment.childAge);
    this.form.openAnswered(this.draft);
    const bar = `Level of need: ${this.words.level(this.assessment.level).name}${this.assessment.immediateDanger ? '. Call 999 now' : ''}`;
    byId('guidance-bar-link').textContent = bar;
    byId('guidance-bar').classList.toggle('app-guidance-bar--emergency', this.assessment.immediateDanger);
    const said = announcement(this.assessment, this.words);
    if (said !== this.announced) {
      this.announced = said;
      byId('announcer').textContent = said;
    }
    if (this.step === 'check') this.form.renderCheck(this.draft, this.assessment);
    if (save) saveDraft(this.draft);
  }

  /** @param {HTMLInputElement} $input */
  onInput($input) {
    if ($input.id === 'search') {
      this.form.filter();
      return;
    }
    if (!updateDraft(this.draft, $input)) return;
    if ($input.name === 'age-mode') this.form.showAgeDetail(this.draft.age.mode);
    this.update();
  }

  /** @param {KeyboardEvent} event */
  onKey(event) {
    const $target = /** @type {HTMLElement} */ (event.target);
    if (event.key !== 'Enter' || !($target instanceof HTMLInputElement)) return;
    // Enter in an event's date adds it, as a practitioner would expect; elsewhere it does nothing.
    const [kind, id] = $target.name.split(':');
    if (kind === 'pending') {
      event.preventDefault();
      this.addEventDate(id.split('/')[0], id.endsWith('/times'));
    }
  }

  /** @param {MouseEvent} event */
  onClick(event) {
    const $target = /** @type {HTMLElement} */ (event.target);
    const $button = $target.closest('button');
    // A group chosen from the list or from "no match": show every question again, then go there.
    const $group = /** @type {HTMLElement | null} */ ($target.closest('[data-clear-search]'));
    if ($group) {
      /** @type {HTMLInputElement} */ (byId('search')).value = '';
      this.form.filter();
      const $domain = /** @type {HTMLDetailsElement | null} */ (this.$steps.querySelector(`details[data-domain="${$group.dataset.clearSearch}"]`));
      if ($domain) $domain.open = true;
    }
    const $link = /** @type {HTMLAnchorElement | null} */ ($target.closest('a[data-focus]'));
    if ($link && STEPS.some((step) => $link.hash === `#${step.id}`)) {
      event.preventDefault();
      this.goTo($link.hash.slice(1), $link.dataset.focus);
      return;
    }
    if (!$button) return;
    const data = $button.dataset;
    if (data.continue) this.continueFrom(data.continue);
    else if (data.addEvent) this.addEventDate(data.addEvent, 'times' in data);
    else if (data.removeEvent && data.date) this.removeEventDate(data.removeEvent, data.date);
    else if ($button.id === 'age-filter-toggle') this.form.toggleAges();
    else if ($button.id === 'copy-text') this.copyText();
    else if ($button.id === 'print') window.print();
    else if ($button.id === 'download') this.downloadCase();
    else if ($button.id === 'clear') this.askToClear(true);
    else if ($button.id === 'clear-cancel') this.askToClear(false);
    else if ($button.id === 'clear-confirm') this.clearEverything();
  }

  /**
   * @param {string} id
   * @param {boolean} [times]  "so many times since", rather than a date
   */
  addEventDate(id, times = false) {
    const error = this.form.addEvent(this.draft, id, this.case.asOf, times);
    if (error) {
      byId(error.field).focus();
      return;
    }
    this.update();
    byId(`e-${id}-day`).focus();
  }

  /**
   * @param {string} id
   * @param {string} date
   */
  removeEventDate(id, date) {
    removeEvent(this.draft, id, date);
    this.form.renderEvents(id, this.draft.events[id] ?? []);
    this.update();
    byId(`e-${id}-day`).focus();
  }

  // --- Steps ----------------------------------------------------------------------------

  /**
   * Shows the step a hash names; other hashes (a field, the guidance) leave the step alone.
   *
   * @param {string} hash
   * @param {boolean} focus
   */
  route(hash, focus) {
    const step = STEPS.find((s) => `#${s.id}` === hash) ?? (this.step ? null : STEPS[0]);
    if (!step) return;
    this.step = step.id;
    this.form.clearErrors();
    this.form.show(step.id);
    document.title = `${step.title}: Waymark`;
    if (step.id === 'check' && this.assessment) {
      this.form.renderCheck(this.draft, this.assessment);
      if (this.errors.length > 0) this.form.showErrors(this.errors, 'check');
    }
    if (focus && !(step.id === 'check' && this.errors.length > 0)) byId(`step-${step.id}-title`).focus();
  }

  /**
   * Goes to a step and puts the cursor on one of its fields.
   *
   * @param {string} stepId
   * @param {string | undefined} field
   */
  goTo(stepId, field) {
    if (location.hash !== `#${stepId}`) history.pushState(null, '', `#${stepId}`);
    this.route(`#${stepId}`, false);
    const $field = field ? document.getElementById(field) : null;
    if ($field && $field.closest('[hidden]')) {
      // Filtered out by the search or the age filter: show it rather than lose it.
      /** @type {HTMLInputElement} */ (byId('search')).value = '';
      if (!this.form.showAllAges) this.form.toggleAges();
      else this.form.filter();
    }
    ($field ?? byId(`step-${stepId}-title`)).focus();
  }

  /** @param {string} stepId */
  continueFrom(stepId) {
    const errors = this.errors.filter((error) => error.step === stepId);
    if (errors.length > 0) {
      this.form.showErrors(errors, stepId);
      return;
    }
    const next = STEPS[STEPS.findIndex((step) => step.id === stepId) + 1];
    location.hash = next.id;
  }

  /** The engine stopped and was restarted on its spare: the guidance shown is fresh, but say so. */
  engineRestarted() {
    this.notify('important', 'The guidance engine stopped after an internal error and was restarted. The guidance shown has been worked out again from your answers. If anything looks wrong, reload the page.');
  }

  // --- Hand it on -----------------------------------------------------------------------

  async copyText() {
    const text = caseText(this.engine, this.case, this.draft, { sources: /** @type {HTMLInputElement} */ (byId('copy-sources')).checked });
    const copied = await copyToClipboard(text);
    const $result = byId('copy-result');
    $result.replaceChildren(
      h('p', { class: 'govuk-body', role: 'status' }, copied ? 'Copied. Paste it into the referral form or an email to your safeguarding lead.' : 'Your browser did not allow copying. Select the text below and copy it.'),
      h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: 'copied-text' }, 'The guidance as text'), h('textarea', { class: 'govuk-textarea app-copied', id: 'copied-text', rows: '12', readonly: true }, text)),
    );
    if (!copied) /** @type {HTMLTextAreaElement} */ (byId('copied-text')).select();
  }

  downloadCase() {
    if (this.errors.length > 0) {
      this.form.showErrors(this.errors, 'check');
      return;
    }
    download(fileText(this.case, this.draft, this.description.ruleset.id), `waymark-case-${this.case.asOf}.json`);
  }

  /** The summary printed above the guidance, with every <details> opened for paper. */
  beforePrint() {
    if (!this.assessment) return;
    byId('print-summary').replaceChildren(...printView(this.engine, this.case, this.draft));
  }

  afterPrint() {
    byId('print-summary').replaceChildren();
  }

  // --- Open, clear, keep ----------------------------------------------------------------

  toolbar() {
    const $file = h('input', { class: 'govuk-file-upload', id: 'open-file', type: 'file', accept: '.json,application/json', 'aria-describedby': 'open-file-hint' });
    $file.addEventListener('change', () => this.openFile(/** @type {HTMLInputElement} */ ($file)));
    byId('notices').before(
      h(
        'div',
        { class: 'app-toolbar' },
        h(
          'details',
          { class: 'govuk-details app-toolbar__open' },
          h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, 'Open a saved case')),
          h(
            'div',
            { class: 'govuk-details__text' },
            h(
              'div',
              { class: 'govuk-form-group', 'data-field': 'open-file' },
              h('label', { class: 'govuk-label', for: 'open-file' }, 'Choose a case file you downloaded from Waymark'),
              h('div', { class: 'govuk-hint', id: 'open-file-hint' }, 'It opens on this device; nothing is uploaded. Your current answers are replaced only if the file is a valid case.'),
              $file,
            ),
          ),
        ),
        h('button', { type: 'button', class: 'govuk-button govuk-button--warning app-toolbar__clear', id: 'clear' }, 'Clear everything'),
        h(
          'div',
          { class: 'govuk-warning-text app-clear-confirm', id: 'clear-confirm-panel', hidden: true },
          h('p', { class: 'govuk-body' }, h('strong', {}, 'This erases every answer and note on this page and in this tab. It cannot be undone.')),
          h(
            'div',
            { class: 'govuk-button-group' },
            h('button', { type: 'button', class: 'govuk-button govuk-button--warning', id: 'clear-confirm' }, 'Yes, clear everything'),
            h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', id: 'clear-cancel' }, 'Cancel'),
          ),
        ),
      ),
    );
  }

  /** @param {boolean} asking */
  askToClear(asking) {
    byId('clear-confirm-panel').hidden = !asking;
    byId(asking ? 'clear-cancel' : 'clear').focus();
  }

  clearEverything() {
    eraseDraft();
    this.draft = emptyDraft(this.today);
    this.open.clear();
    /** @type {HTMLInputElement} */ (byId('search')).value = '';
    byId('copy-result').replaceChildren();
    byId('clear-confirm-panel').hidden = true;
    this.form.clearErrors();
    this.form.fill(this.draft);
    this.update(false);
    this.notify('success', 'Everything you entered has been cleared from this page and this tab.');
    if (location.hash !== `#${STEPS[0].id}`) history.pushState(null, '', `#${STEPS[0].id}`);
    this.route(`#${STEPS[0].id}`, false);
  }

  /**
   * Opens a case file chosen by the practitioner. A file that is not a case the form can hold
   * exactly is refused with the reason, and the answers on the page stay as they were.
   *
   * @param {HTMLInputElement} $input
   */
  async openFile($input) {
    const file = $input.files?.[0];
    if (!file) return;
    $input.value = '';
    let draft;
    try {
      checkFileSize(file.size);
      let bytes;
      try {
        bytes = await file.arrayBuffer();
      } catch {
        throw new CaseFileError('This browser could not read the file.');
      }
      // The engine checks whatever the file holds: a value that is not a case is refused there.
      draft = openCaseFile(bytes, this.description, (value) => this.engine.assess(/** @type {Case} */ (value), { trace: false }));
    } catch (error) {
      const reason = error instanceof CaseFileError ? error.message : 'The file could not be read as a Waymark case.';
      this.notify('error', `${file.name} was not opened. ${reason} Your answers have not changed.`);
      return;
    }
    this.draft = draft;
    this.form.clearErrors();
    this.form.fill(this.draft);
    this.update();
    this.notify('success', `Opened ${file.name}. Check the answers below.`);
    history.pushState(null, '', '#check');
    this.route('#check', false);
  }

  /**
   * A notification banner (success, or important news) or error summary (error) above the
   * form, focused so it is read out.
   *
   * @param {'success' | 'important' | 'error'} kind
   * @param {string} message
   */
  notify(kind, message) {
    if (kind === 'error') {
      const $summary = errorSummary('The file could not be opened', [{ href: '#open-file', text: message, focus: 'open-file' }]);
      $summary.setAttribute('tabindex', '-1');
      $summary.id = 'notice';
      this.$notices.replaceChildren($summary);
      $summary.focus();
      return;
    }
    const $banner = h(
      'div',
      { class: `govuk-notification-banner${kind === 'success' ? ' govuk-notification-banner--success' : ''}`, role: 'alert', 'aria-labelledby': 'notice-title', 'data-module': 'govuk-notification-banner', id: 'notice' },
      h('div', { class: 'govuk-notification-banner__header' }, h('h2', { class: 'govuk-notification-banner__title', id: 'notice-title' }, kind === 'success' ? 'Done' : 'Important')),
      h('div', { class: 'govuk-notification-banner__content' }, h('p', { class: 'govuk-notification-banner__heading' }, message)),
    );
    this.$notices.replaceChildren($banner);
    new NotificationBanner($banner);
  }

  /** The choice to keep answers in this tab, beside the privacy statement. */
  privacyControls() {
    const $box = h('input', { class: 'govuk-checkboxes__input', id: 'keep-draft', type: 'checkbox', checked: !keepingDisabled() });
    $box.addEventListener('change', () => setKeeping(/** @type {HTMLInputElement} */ ($box).checked, this.draft));
    byId('footer-ruleset').before(
      h(
        'div',
        { class: 'govuk-checkboxes govuk-checkboxes--small app-keep' },
        h('div', { class: 'govuk-checkboxes__item' }, $box, h('label', { class: 'govuk-label govuk-checkboxes__label', for: 'keep-draft' }, 'Keep my answers if this page reloads (in this tab only)')),
      ),
    );
  }
}
