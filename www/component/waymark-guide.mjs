// @ts-check
// <waymark-guide>: the guide as a custom element, for an intranet page that cannot host the
// whole site. The same engine, questions and wording as the page (form.mjs, guidance.mjs), in a
// compact layout: one column, the steps in the element, the guidance below them. Everything
// lives in a shadow root whose styles are its own (adoptedStyleSheets), so the host page's
// styles do not reach in and the guide's do not leak out. It needs nothing from the host but
// `script-src 'self' 'wasm-unsafe-eval'`.
//
//   <script type="module" src="waymark-guide.mjs"></script>
//   <waymark-guide></waymark-guide>                       the default ruleset, no local details
//   <waymark-guide profile="waymark/our-school.json"></waymark-guide>   a profile from a URL
//   <waymark-guide>
//     <script type="application/json" data-profile>{ "format": "waymark-profile/1", … }</script>
//   </waymark-guide>
//
// `ruleset="url"` (or a child <script type="application/json" data-ruleset>) replaces the
// default ruleset. When the guidance changes the element dispatches `waymark-guidance`, whose
// detail says the level and what applies, never what was entered. Answers are kept only in the
// element: nothing is stored and nothing leaves the device.

import init, { Engine } from '../../pkg/waymark.js';
import { h } from '../js/dom.mjs';
import { emptyDraft, fileText, toCase } from '../js/draft.mjs';
import { STEPS, buildForm, pendingDateErrors, removeEvent, updateDraft } from '../js/form.mjs';
import { announcement, renderGuidance } from '../js/guidance.mjs';
import { caseText, copyToClipboard, download } from '../js/handon.mjs';
import { Words } from '../js/words.mjs';
import { loadAssets } from './assets.mjs';

/** @import { CompactAssessment, EngineError } from '../types/waymark' */

/** The stylesheet, made once and shared by every element on the page. */
let sheet = /** @type {Promise<CSSStyleSheet> | null} */ (null);

/** @param {string} css */
function stylesheet(css) {
  const made = new CSSStyleSheet();
  made.replaceSync(css);
  return made;
}

export class WaymarkGuide extends HTMLElement {
  constructor() {
    super();
    this.started = false;
    /** @type {ShadowRoot} */
    this.root = this.attachShadow({ mode: 'open' });
  }

  connectedCallback() {
    if (this.started) return;
    this.started = true;
    this.root.replaceChildren(skeleton());
    this.start().catch((error) => this.fail(error));
  }

  async start() {
    const assets = loadAssets();
    sheet ??= assets.then(({ css }) => stylesheet(css));
    this.root.adoptedStyleSheets = [await sheet];
    const { wasm, ruleset: defaultRuleset } = await assets;
    const [, ruleset, profile] = await Promise.all([
      init({ module_or_path: wasm }).catch((/** @type {Error} */ error) => {
        throw new Error(`The guidance engine (WebAssembly) could not start: ${error.message}`);
      }),
      this.document('ruleset', defaultRuleset),
      this.document('profile', null),
    ]);
    let engine;
    try {
      engine = new Engine(ruleset, profile);
    } catch (thrown) {
      // The engine throws an EngineError; a trap (a WebAssembly.RuntimeError) has only a message.
      const error = /** @type {Partial<EngineError>} */ (thrown);
      throw new Error(`The ${error.document ?? 'ruleset'} has a problem, so the guidance cannot be trusted: ${error.message}`);
    }
    new Guide(this, this.root, engine).begin();
    this.setAttribute('data-waymark-ready', '');
  }

  /**
   * The ruleset or profile: from a child <script type="application/json" data-ruleset|data-profile>,
   * else from the URL in the attribute, else `fallback`.
   *
   * @param {'ruleset' | 'profile'} kind
   * @param {unknown} fallback
   * @returns {Promise<unknown>}  for the engine to check
   */
  async document(kind, fallback) {
    const $block = this.querySelector(`script[type="application/json"][data-${kind}]`);
    if ($block) {
      try {
        return JSON.parse($block.textContent ?? '');
      } catch {
        throw new Error(`The ${kind} inside <waymark-guide> is not valid JSON.`);
      }
    }
    const url = this.getAttribute(kind);
    if (!url) return fallback;
    let response;
    try {
      response = await fetch(new URL(url, document.baseURI), { credentials: 'same-origin' });
    } catch {
      throw new Error(`The ${kind} (${url}) could not be fetched.`);
    }
    if (!response.ok) throw new Error(`The ${kind} (${url}) could not be fetched (${response.status}).`);
    try {
      return await response.json();
    } catch {
      throw new Error(`The ${kind} (${url}) is not valid JSON.`);
    }
  }

  /** @param {unknown} error */
  fail(error) {
    this.setAttribute('data-waymark-failed', '');
    const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (this.root.getElementById(id));
    $('loading').hidden = true;
    $('app').hidden = true;
    $('failure').hidden = false;
    $('failure-reason').textContent = error instanceof Error ? error.message : String(error);
    console.error(error);
  }
}

/** The element's frame: the emergency line, which always shows, and where the guide goes. */
function skeleton() {
  return h(
    'div',
    { class: 'govuk-template__body js-enabled govuk-frontend-supported app-component' },
    h(
      'div',
      { class: 'govuk-warning-text app-emergency-line' },
      h('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
      h('strong', { class: 'govuk-warning-text__text' }, h('span', { class: 'govuk-visually-hidden' }, 'Warning'), 'If a child is in danger now, call 999.'),
    ),
    h(
      'div',
      { class: 'app-failure', id: 'failure', hidden: true },
      h(
        'div',
        { class: 'govuk-error-summary', tabindex: '-1' },
        h(
          'div',
          { role: 'alert' },
          h('h2', { class: 'govuk-error-summary__title' }, 'The guidance could not load'),
          h(
            'div',
            { class: 'govuk-error-summary__body' },
            h('p', { class: 'govuk-body', id: 'failure-reason' }, 'Something went wrong while starting the guide.'),
            h('p', { class: 'govuk-body' }, 'You can still act on a worry now:'),
            h(
              'ul',
              { class: 'govuk-list govuk-list--bullet' },
              h('li', {}, 'If a child is in danger now, call ', h('strong', {}, '999'), '.'),
              h('li', {}, 'Tell your designated safeguarding lead (DSL), or your safeguarding lead or manager, today.'),
              h('li', {}, 'For advice, call the NSPCC Helpline on ', h('strong', {}, '0808 800 5000'), '.'),
            ),
          ),
        ),
      ),
    ),
    h('p', { class: 'govuk-body', id: 'loading' }, 'Loading the guidance…'),
    h(
      'div',
      { id: 'app', hidden: true },
      h('nav', { class: 'app-step-nav', 'aria-label': 'Steps' }, h('ol', { class: 'app-step-nav__list', id: 'step-nav' })),
      h('form', { id: 'case-form', novalidate: true, autocomplete: 'off' }, h('div', { id: 'steps' })),
      h(
        'section',
        { class: 'app-guidance app-component__guidance', id: 'guidance', 'aria-labelledby': 'guidance-title', tabindex: '-1' },
        h('h2', { class: 'govuk-heading-m app-guidance__title', id: 'guidance-title' }, 'Guidance'),
        h('div', { id: 'guidance-body' }),
      ),
      h('div', { class: 'govuk-visually-hidden', role: 'status', 'aria-live': 'polite', id: 'announcer' }),
      h('p', { class: 'govuk-body-s app-component__about', id: 'about' }),
    ),
  );
}

/** Today in this browser's time zone, as an ISO date. */
function today() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The guide inside one element: the page's steps and guidance, with the steps kept here, not in the address. */
class Guide {
  /**
   * @param {HTMLElement} $host
   * @param {ShadowRoot} root
   * @param {Engine} engine
   */
  constructor($host, root, engine) {
    this.$host = $host;
    this.root = root;
    this.engine = engine;
    this.description = engine.describe();
    this.today = today();
    this.draft = emptyDraft(this.today);
    this.open = new Set();
    this.step = STEPS[0].id;
    this.announced = '';
    this.emergency = false;
    /** @type {import('../js/draft.mjs').FieldError[]} */
    this.errors = [];
    /** The case the draft makes, as last assessed. */
    this.case = toCase(this.draft, this.today).case;
    /** @type {CompactAssessment | null} */
    this.assessment = null;
    this.signature = '';
    this.$steps = this.byId('steps');
    this.form = buildForm(this.description, this.$steps, this.byId('step-nav'));
    this.words = new Words(this.description);
  }

  /** @param {string} id */
  byId(id) {
    const $element = this.root.getElementById(id);
    if (!$element) throw new Error(`The guide is missing #${id}`);
    return /** @type {HTMLElement} */ ($element);
  }

  begin() {
    // Printing would print the host page, and a case is kept only while the page is open.
    this.root.getElementById('print')?.remove();
    const $form = this.byId('case-form');
    this.form.fill(this.draft);
    this.update();
    $form.addEventListener('input', (event) => this.onInput(/** @type {HTMLInputElement} */ (event.target)));
    $form.addEventListener('submit', (event) => event.preventDefault());
    $form.addEventListener('keydown', (event) => this.onKey(event));
    this.root.addEventListener('click', (event) => this.onClick(/** @type {MouseEvent} */ (event)));
    this.byId('loading').hidden = true;
    this.byId('app').hidden = false;
    const { ruleset, profile } = this.description;
    this.byId('about').textContent = `Guidance from ${ruleset.title}, version ${ruleset.version}${profile ? `, with local details for ${profile.organisation}` : ', with no local details set'}. It runs in this browser: what you enter is not sent anywhere or kept.`;
    this.show(this.step, false);
  }

  update() {
    const { case: value, errors } = toCase(this.draft, this.today);
    this.case = value;
    this.errors = [...errors, ...pendingDateErrors(this.draft, this.description)];
    const $body = this.byId('guidance-body');
    try {
      this.assessment = this.engine.guidance(value);
    } catch (error) {
      this.assessment = null;
      $body.replaceChildren(h('p', { class: 'govuk-body govuk-error-message' }, `The guidance could not be worked out: ${/** @type {EngineError} */ (error).message}. If a child is in danger now, call 999; otherwise tell your safeguarding lead today.`));
      return;
    }
    const wasEmergency = this.emergency;
    this.emergency = this.assessment.immediateDanger;
    renderGuidance($body, this.assessment, this.words, this.open, () => this.engine.guidance(value, { trace: true }), this.emergency && !wasEmergency, this.description?.escalation?.[0] ?? null);
    this.form.setChildAge(this.assessment.childAge);
    this.form.openAnswered(this.draft);
    const said = announcement(this.assessment, this.words);
    if (said !== this.announced) {
      this.announced = said;
      this.byId('announcer').textContent = said;
    }
    if (this.step === 'check') this.form.renderCheck(this.draft, this.assessment);
    this.tell();
  }

  /** Tells the host page when the guidance changes: the level and what applies, not the answers. */
  tell() {
    // Only after an update that drew guidance.
    const a = /** @type {CompactAssessment} */ (this.assessment);
    const detail = {
      level: a.level,
      levelName: this.words.level(a.level).name,
      immediateDanger: a.immediateDanger,
      routes: a.referrals.map((referral) => referral.route),
      actions: a.actions.map((action) => action.id),
      escalation: Boolean(a.escalation),
    };
    const signature = JSON.stringify(detail);
    if (signature === this.signature) return;
    this.signature = signature;
    this.$host.dispatchEvent(new CustomEvent('waymark-guidance', { detail, bubbles: true, composed: true }));
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
    const [kind, id] = $target.name.split(':');
    if (kind === 'pending') {
      event.preventDefault();
      this.addEventDate(id.split('/')[0], id.endsWith('/times'));
    }
  }

  /** @param {MouseEvent} event */
  onClick(event) {
    const $target = /** @type {HTMLElement} */ (event.target);
    const $group = /** @type {HTMLElement | null} */ ($target.closest('[data-clear-search]'));
    if ($group) {
      /** @type {HTMLInputElement} */ (this.byId('search')).value = '';
      this.form.filter();
      const $domain = /** @type {HTMLDetailsElement | null} */ (this.$steps.querySelector(`details[data-domain="${$group.dataset.clearSearch}"]`));
      if ($domain) $domain.open = true;
    }
    // Links within the element go to a step or a field here; the host page's address is left alone.
    const $link = /** @type {HTMLAnchorElement | null} */ ($target.closest('a[href^="#"]'));
    if ($link) {
      event.preventDefault();
      const id = $link.hash.slice(1);
      if (STEPS.some((step) => step.id === id)) this.goTo(id, $link.dataset.focus);
      else this.root.getElementById(id)?.focus();
      return;
    }
    const $button = $target.closest('button');
    if (!$button) return;
    const data = $button.dataset;
    if (data.continue) this.continueFrom(data.continue);
    else if (data.addEvent) this.addEventDate(data.addEvent, 'times' in data);
    else if (data.removeEvent && data.date) this.removeEventDate(data.removeEvent, data.date);
    else if ($button.id === 'age-filter-toggle') this.form.toggleAges();
    else if ($button.id === 'copy-text') this.copyText();
    else if ($button.id === 'download') this.downloadCase();
  }

  /**
   * @param {string} id
   * @param {boolean} [times]  "so many times since", rather than a date
   */
  addEventDate(id, times = false) {
    const error = this.form.addEvent(this.draft, id, this.case.asOf, times);
    if (error) {
      this.byId(error.field).focus();
      return;
    }
    this.update();
    this.byId(`e-${id}-day`).focus();
  }

  /**
   * @param {string} id
   * @param {string} date
   */
  removeEventDate(id, date) {
    removeEvent(this.draft, id, date);
    this.form.renderEvents(id, this.draft.events[id] ?? []);
    this.update();
    this.byId(`e-${id}-day`).focus();
  }

  /**
   * @param {string} stepId
   * @param {boolean} focus
   */
  show(stepId, focus) {
    this.step = stepId;
    this.form.clearErrors();
    this.form.show(stepId);
    if (stepId === 'check' && this.assessment) {
      this.form.renderCheck(this.draft, this.assessment);
      if (this.errors.length > 0) this.showErrors(this.errors, 'check');
    }
    if (focus && !(stepId === 'check' && this.errors.length > 0)) this.byId(`step-${stepId}-title`).focus();
  }

  /**
   * @param {string} stepId
   * @param {string | undefined} field
   */
  goTo(stepId, field) {
    this.show(stepId, false);
    const $field = field ? this.root.getElementById(field) : null;
    if ($field && $field.closest('[hidden]')) {
      /** @type {HTMLInputElement} */ (this.byId('search')).value = '';
      if (!this.form.showAllAges) this.form.toggleAges();
      else this.form.filter();
    }
    /** @type {HTMLElement} */ ($field ?? this.byId(`step-${stepId}-title`)).focus();
  }

  /** @param {string} stepId */
  continueFrom(stepId) {
    const errors = this.errors.filter((error) => error.step === stepId);
    if (errors.length > 0) {
      this.showErrors(errors, stepId);
      return;
    }
    const next = STEPS[STEPS.findIndex((step) => step.id === stepId) + 1];
    this.show(next.id, true);
    this.byId(`step-${next.id}-title`).scrollIntoView({ block: 'start' });
  }

  /**
   * The form's error summary and messages. GOV.UK Frontend's own script for the summary checks
   * the host page's <body> for its class, which a host does not have; the summary is focused here.
   *
   * @param {import('../js/draft.mjs').FieldError[]} errors
   * @param {string} stepId
   */
  showErrors(errors, stepId) {
    try {
      this.form.showErrors(errors, stepId);
    } catch {
      // GOV.UK Frontend declined to start on a page that is not its own: the summary is drawn.
    }
    const $summary = /** @type {HTMLElement | null} */ (this.$steps.querySelector(`[data-error-summary="${stepId}"] .govuk-error-summary`));
    if ($summary) {
      $summary.setAttribute('tabindex', '-1');
      $summary.focus();
    }
  }

  async copyText() {
    const text = caseText(this.engine, this.case, this.draft);
    const copied = await copyToClipboard(text);
    this.byId('copy-result').replaceChildren(
      h('p', { class: 'govuk-body', role: 'status' }, copied ? 'Copied. Paste it into the referral form or an email to your safeguarding lead.' : 'Your browser did not allow copying. Select the text below and copy it.'),
      h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: 'copied-text' }, 'The guidance as text'), h('textarea', { class: 'govuk-textarea app-copied', id: 'copied-text', rows: '12', readonly: true }, text)),
    );
    if (!copied) /** @type {HTMLTextAreaElement} */ (this.byId('copied-text')).select();
  }

  downloadCase() {
    if (this.errors.length > 0) {
      this.showErrors(this.errors, 'check');
      return;
    }
    download(fileText(this.case, this.draft, this.description.ruleset.id), `waymark-case-${this.case.asOf}.json`);
  }
}

if (!customElements.get('waymark-guide')) customElements.define('waymark-guide', WaymarkGuide);
