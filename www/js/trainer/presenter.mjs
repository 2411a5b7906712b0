// @ts-check
// The trainer's window: choose a case review, then step through it stage by stage with the
// keyboard or the buttons, record what the room decided, and end with the debrief. Every change
// is kept in this tab and sent to any audience window open in this browser.

import { h } from '../dom.mjs';
import { embeddedJson, viewUrl } from '../setup/embedded.mjs';
import { CHANNEL, MESSAGE } from './channel.mjs';
import { chronology, debrief, runHeading, runStages, showLatest } from './render.mjs';
import { FileProblems, STAGES, checkRun, checkScenario, emptyDecision, eraseRun, moveTo, newRun, position, readFile, runFileText, saveRun, storedRun } from './run.mjs';
import { buildView, citations, introView, nextPreview, waitingView } from './view.mjs';

/** @import { Assessment, Description, RouteInfo, Scenario } from '../../types/waymark' */

/** The case reviews that come with Waymark, in www/scenarios/, in the order they are offered. */
export const BUNDLED = [
  'child-v',
  'child-n',
  'child-o',
  'child-d-learning',
  'sutton-escalation',
  'triennial-bruised-baby',
  'triennial-co-sleeping',
  'triennial-new-partner',
  'triennial-pre-birth',
  'triennial-domestic-callouts',
  'triennial-neglect-closure',
  'triennial-self-harm',
  'triennial-boy-exploitation',
];

/** Routes offered as quick choices for the room; the rest are one click away. */
const QUICK_ROUTES = ['safeguarding-lead', 'childrens-social-care', 'early-help', 'police-emergency', 'police-non-emergency', 'exploitation-panel', 'missing-report', 'youth-justice'];

const HIDE_NOTES_KEY = 'waymark-trainer-hide-notes';

export class Presenter {
  /**
   * @param {import('../load.mjs').GuideEngine} engine
   * @param {Description} description  `engine.describe()`
   * @param {{ screen: HTMLElement, notices: HTMLElement, announcer: HTMLElement }} elements
   */
  constructor(engine, description, elements) {
    this.engine = engine;
    this.description = description;
    this.$screen = elements.screen;
    this.$notices = elements.notices;
    this.$announcer = elements.announcer;
    /** @type {import('./run.mjs').Run | null} */
    this.run = null;
    /** @type {Assessment[]} the engine's guidance at each time point of the run */
    this.assessments = [];
    /** @type {import('./run.mjs').Problem[]} where the engine differs from the scenario's expectations */
    this.warnings = [];
    /** @type {{ scenario: Scenario, origin: string, warnings: import('./run.mjs').Problem[] } | { run: import('./run.mjs').Run, warnings: import('./run.mjs').Problem[] } | null} */
    this.chosen = null;
    /** @type {Map<string, Scenario>} bundled scenarios by file name, once fetched: the project's own, which its tests check, and checkScenario checks again before one is used */
    this.bundled = new Map();
    this.screen = '';
    this.announced = '';
    this.audience = false;
    this.hideNotes = readHideNotes();
    /** @type {BroadcastChannel | null} */
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  }

  begin() {
    this.channel?.addEventListener('message', (event) => this.onMessage(event.data));
    document.addEventListener('keydown', (event) => this.onKey(event));
    window.addEventListener('pagehide', () => this.send({ type: MESSAGE.closed }));
    // An audience window already open (this window was reloaded) answers, so its status is right.
    this.send({ type: MESSAGE.presenter });
    const kept = storedRun();
    if (kept) {
      try {
        const { run, warnings } = checkRun(JSON.parse(kept), this.engine, this.description);
        this.load(run, warnings);
        this.showRun();
        this.notify('success', 'The training run in progress was restored.', true);
        return;
      } catch (error) {
        // A copy this page cannot use (the ruleset has changed, say): say so, and keep it until
        // the trainer downloads or discards it, or starts another run.
        this.showChooser();
        this.unusable(kept, error);
        return;
      }
    }
    this.showChooser();
  }

  /**
   * A run kept in this tab that cannot be used now: why, and what the trainer can do with it.
   *
   * @param {string} kept  the run as it was kept
   * @param {unknown} error  whatever reading it threw
   */
  unusable(kept, error) {
    const problem = error instanceof FileProblems && error.problems.length > 0 ? `${error.problems[0].path}: ${error.problems[0].message}` : String(/** @type {{ message?: unknown } | null | undefined} */ (error)?.message ?? error);
    const $banner = h(
      'div',
      { class: 'govuk-notification-banner', role: 'alert', 'aria-labelledby': 'notice-title', id: 'notice', tabindex: '-1' },
      h('div', { class: 'govuk-notification-banner__header' }, h('h2', { class: 'govuk-notification-banner__title', id: 'notice-title' }, 'Important')),
      h(
        'div',
        { class: 'govuk-notification-banner__content' },
        h('p', { class: 'govuk-notification-banner__heading' }, 'A training run kept in this tab could not be restored.'),
        h('p', { class: 'govuk-body' }, `${problem}. It is kept until you start another run.`),
        h(
          'div',
          { class: 'govuk-button-group' },
          h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', id: 'download-kept', onclick: () => download(kept, 'waymark-training-run.json') }, 'Download it as it was'),
          h(
            'button',
            {
              type: 'button',
              class: 'govuk-button govuk-button--warning',
              id: 'discard-kept',
              onclick: () => {
                eraseRun();
                this.notify('success', 'The training run that could not be restored has been discarded.');
              },
            },
            'Discard it',
          ),
        ),
      ),
    );
    this.$notices.replaceChildren($banner);
    $banner.focus();
  }

  // --- Messages from audience windows -----------------------------------------------------

  /** @param {{ type?: unknown, action?: unknown } | null} message  what an audience window posted (audience.mjs) */
  onMessage(message) {
    if (!message || typeof message !== 'object') return;
    if (message.type === MESSAGE.hello) {
      this.audience = true;
      this.broadcast();
      this.updateAudienceStatus();
    } else if (message.type === MESSAGE.bye) {
      this.audience = false;
      this.updateAudienceStatus();
    } else if (message.type === MESSAGE.command && this.run && this.screen !== 'chooser') {
      if (message.action === 'next') this.step(1);
      else if (message.action === 'previous') this.step(-1);
    }
  }

  /** @param {object} message  for the audience windows */
  send(message) {
    this.channel?.postMessage(message);
  }

  /** What the audience sees now: only what has been revealed. */
  audienceView() {
    if (this.screen !== 'chooser' && this.run) return buildView(this.run, this.context());
    if (this.chosen && 'scenario' in this.chosen) return introView(this.chosen.scenario, this.description);
    if (this.chosen && 'run' in this.chosen) return introView(this.chosen.run.scenario, this.description);
    return waitingView();
  }

  broadcast() {
    this.send({ type: MESSAGE.view, view: this.audienceView() });
  }

  context() {
    return { description: this.description, assessments: this.assessments };
  }

  // --- Keys ------------------------------------------------------------------------------

  /** @param {KeyboardEvent} event */
  onKey(event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || !this.run || this.screen === 'chooser') return;
    const $target = /** @type {HTMLElement} */ (event.target);
    const typing = $target instanceof HTMLTextAreaElement || ($target instanceof HTMLInputElement && !['radio', 'checkbox', 'button'].includes($target.type)) || $target instanceof HTMLSelectElement;
    const choosing = $target instanceof HTMLInputElement && ['radio', 'checkbox'].includes($target.type);
    const forward = event.key === 'PageDown' || (event.key === 'ArrowRight' && !typing && !choosing);
    const back = event.key === 'PageUp' || (event.key === 'ArrowLeft' && !typing && !choosing);
    if (typing && (event.key === 'PageDown' || event.key === 'PageUp')) return;
    if (!forward && !back) return;
    event.preventDefault();
    this.step(forward ? 1 : -1);
  }

  // --- Choosing ------------------------------------------------------------------------------

  async showChooser() {
    this.screen = 'chooser';
    document.title = 'Choose a case review: Waymark trainer';
    const $file = /** @type {HTMLInputElement} */ (h('input', { class: 'govuk-file-upload', id: 'open-file', type: 'file', accept: '.json,application/json', 'aria-describedby': 'open-file-hint' }));
    $file.addEventListener('change', () => this.openFile($file));
    const $list = h('div', { class: 'govuk-radios', id: 'bundled' }, h('p', { class: 'govuk-body' }, 'Loading the case reviews…'));
    this.$screen.replaceChildren(
      h('h1', { class: 'govuk-heading-xl', id: 'chooser-title', tabindex: '-1' }, 'Walk a room through a case review'),
      h(
        'p',
        { class: 'govuk-body-l' },
        'Time point by time point, the room hears what a practitioner knew then and decides; then you reveal what happened, the engine’s guidance and what the review says. Everything stays on this device.',
      ),
      this.run ? this.inProgress() : '',
      h(
        'div',
        { class: 'govuk-grid-row' },
        h(
          'div',
          { class: 'govuk-grid-column-one-half' },
          h(
            'div',
            { class: 'govuk-form-group' },
            h(
              'fieldset',
              { class: 'govuk-fieldset' },
              h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--m' }, h('h2', { class: 'govuk-fieldset__heading' }, 'Case reviews that come with Waymark')),
              $list,
            ),
          ),
          h(
            'div',
            { class: 'govuk-form-group', id: 'open-file-group' },
            h('h2', { class: 'govuk-label-wrapper' }, h('label', { class: 'govuk-label govuk-label--m', for: 'open-file' }, 'Or open a file from this device')),
            h('div', { class: 'govuk-hint', id: 'open-file-hint' }, 'A scenario file (your own case review), or a training run you downloaded. It opens on this device; nothing is uploaded.'),
            h('div', { id: 'file-errors' }),
            $file,
          ),
        ),
        h('div', { class: 'govuk-grid-column-one-half' }, h('div', { id: 'chosen' })),
      ),
    );
    this.broadcast();
    this.announce('Choose a case review.');
    await this.listBundled($list);
    if (this.chosen) this.showChosen();
  }

  /** The run in progress, from the chooser: go back to it or end it. */
  inProgress() {
    const run = /** @type {import('./run.mjs').Run} */ (this.run);
    return h(
      'div',
      { class: 'govuk-inset-text app-in-progress', id: 'in-progress' },
      h('p', { class: 'govuk-body' }, h('strong', {}, 'A training run is in progress: '), `${run.scenario.title}, ${whereText(run)}.`),
      h(
        'div',
        { class: 'govuk-button-group' },
        h('button', { type: 'button', class: 'govuk-button', id: 'resume', onclick: () => this.showRun() }, 'Return to the run'),
        this.clearButton(),
      ),
      this.clearConfirm(),
    );
  }

  /** @param {HTMLElement} $list */
  async listBundled($list) {
    /** @type {[string, Scenario | null | undefined][]} */
    const loaded = await Promise.all(
      BUNDLED.map(async (name) => {
        if (this.bundled.has(name)) return [name, this.bundled.get(name)];
        try {
          let scenario = embeddedJson(`scenarios/${name}.json`);
          if (scenario === undefined) {
            const response = await fetch(`scenarios/${name}.json`, { credentials: 'same-origin' });
            if (!response.ok) return [name, null];
            scenario = await response.json();
          }
          // One of the project's own scenarios (its tests check them all); checkScenario checks it again before use.
          this.bundled.set(name, /** @type {Scenario} */ (scenario));
          return [name, /** @type {Scenario} */ (scenario)];
        } catch {
          return [name, null];
        }
      }),
    );
    const items = /** @type {[string, Scenario][]} */ (loaded.filter(([, scenario]) => scenario));
    $list.replaceChildren(
      ...items.map(([name, scenario]) => {
        const $radio = h('input', { class: 'govuk-radios__input', id: `scenario-${name}`, name: 'scenario', type: 'radio', value: name, 'aria-describedby': `scenario-${name}-hint` });
        $radio.addEventListener('change', () => this.chooseBundled(name));
        const count = scenario.timePoints.length;
        return h(
          'div',
          { class: 'govuk-radios__item' },
          $radio,
          h('label', { class: 'govuk-label govuk-radios__label', for: `scenario-${name}` }, scenario.title),
          h('div', { class: 'govuk-hint govuk-radios__hint', id: `scenario-${name}-hint` }, `${count} ${count === 1 ? 'time point' : 'time points'}`),
        );
      }),
    );
    if (items.length < BUNDLED.length) {
      $list.append(h('p', { class: 'govuk-body-s' }, `${BUNDLED.length - items.length} of the case reviews could not be loaded.`));
    }
    const bundled = this.chosen && 'origin' in this.chosen ? /^scenarios\/(.+)\.json$/.exec(this.chosen.origin) : null;
    if (bundled) {
      const $radio = /** @type {HTMLInputElement | null} */ (document.getElementById(`scenario-${bundled[1]}`));
      if ($radio) $radio.checked = true;
    }
  }

  /** @param {string} name */
  chooseBundled(name) {
    this.clearFileErrors();
    try {
      const scenario = /** @type {Scenario} */ (this.bundled.get(name));
      const { warnings } = checkScenario(this.engine, this.description, scenario);
      this.chosen = { scenario, origin: `scenarios/${name}.json`, warnings };
    } catch (error) {
      this.chosen = null;
      this.showFileErrors(`scenarios/${name}.json`, error);
      return;
    }
    this.showChosen();
    this.broadcast();
  }

  /** @param {HTMLInputElement} $input */
  async openFile($input) {
    const file = $input.files?.[0];
    if (!file) return;
    this.clearFileErrors();
    try {
      const opened = readFile(await file.arrayBuffer(), this.engine, this.description);
      this.chosen = opened.kind === 'scenario' ? { scenario: opened.scenario, origin: file.name, warnings: opened.warnings } : { run: opened.run, warnings: opened.warnings };
    } catch (error) {
      $input.value = '';
      this.showFileErrors(file.name, error);
      return;
    }
    $input.value = '';
    for (const $radio of document.querySelectorAll('input[name="scenario"]')) /** @type {HTMLInputElement} */ ($radio).checked = false;
    this.showChosen();
    this.broadcast();
    document.getElementById('chosen-title')?.focus();
  }

  clearFileErrors() {
    document.getElementById('file-errors')?.replaceChildren();
    document.getElementById('open-file-group')?.classList.remove('govuk-form-group--error');
  }

  /**
   * An error summary naming every problem in the file and where it is. Whatever was in progress
   * is left as it was.
   *
   * @param {string} name
   * @param {unknown} error
   */
  showFileErrors(name, error) {
    // The engine's own problems carry a path and code; anything else (a value of a shape nothing
    // expected) gets the page's words, never a script's.
    const engineError = error instanceof Error && typeof (/** @type {any} */ (error).code) === 'string';
    const problems =
      error instanceof FileProblems
        ? error.problems
        : [{ path: (engineError && /** @type {any} */ (error).path) || '(the whole file)', message: engineError ? error.message : 'it could not be read as a scenario or a training run' }];
    const kept = this.run ? ` The training run in progress (${this.run.scenario.title}) has not changed.` : '';
    const $summary = h(
      'div',
      { class: 'govuk-error-summary', id: 'file-error-summary', tabindex: '-1' },
      h(
        'div',
        { role: 'alert' },
        h('h2', { class: 'govuk-error-summary__title' }, `${name} could not be opened`),
        h(
          'div',
          { class: 'govuk-error-summary__body' },
          h('p', { class: 'govuk-body' }, `${error instanceof FileProblems ? error.message : 'The file has a problem'}: ${problems.length === 1 ? 'one problem' : `${problems.length} problems`}, each with where it is in the file.${kept}`),
          h(
            'ul',
            { class: 'govuk-list govuk-error-summary__list', id: 'file-problems' },
            problems.slice(0, 100).map((problem) => h('li', {}, h('a', { href: '#open-file', 'data-path': problem.path }, h('code', { class: 'app-path' }, problem.path), `: ${problem.message}`))),
          ),
        ),
      ),
    );
    this.$screen.querySelector('#file-errors')?.replaceChildren($summary);
    document.getElementById('open-file-group')?.classList.add('govuk-form-group--error');
    $summary.focus();
  }

  /** The chosen case review: its summary and sources, and the button that starts it. */
  showChosen() {
    const $chosen = document.getElementById('chosen');
    if (!$chosen || !this.chosen) return;
    const fromRun = 'run' in this.chosen;
    const scenario = 'run' in this.chosen ? this.chosen.run.scenario : this.chosen.scenario;
    const count = scenario.timePoints.length;
    const warnings = this.chosen.warnings;
    this.announce(`Chosen: ${scenario.title}, ${count} ${count === 1 ? 'time point' : 'time points'}.${warnings.length > 0 ? ' With warnings.' : ''} ${fromRun ? 'Resume' : 'Start'} when ready.`);
    $chosen.replaceChildren(
      h(
        'div',
        { class: 'govuk-summary-card app-chosen' },
        h('div', { class: 'govuk-summary-card__title-wrapper' }, h('h2', { class: 'govuk-summary-card__title', id: 'chosen-title', tabindex: '-1' }, scenario.title)),
        h(
          'div',
          { class: 'govuk-summary-card__content' },
          h('p', { class: 'govuk-body', id: 'chosen-summary' }, scenario.summary),
          h(
            'dl',
            { class: 'govuk-summary-list' },
            row('Time points', h('ol', { class: 'govuk-list govuk-list--number', id: 'chosen-points' }, scenario.timePoints.map((p) => h('li', {}, p.title)))),
            row('Sources', h('ul', { class: 'govuk-list', id: 'chosen-sources' }, citations(scenario.sources, this.description).map((line) => h('li', {}, line)))),
            'run' in this.chosen && row('Saved run', whereText(this.chosen.run)),
          ),
          warnings.length > 0 &&
            h(
              'div',
              { class: 'govuk-warning-text app-warnings', id: 'chosen-warnings' },
              h('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
              h(
                'div',
                { class: 'govuk-warning-text__text' },
                h('span', { class: 'govuk-visually-hidden' }, 'Warning'),
                h('p', { class: 'govuk-body' }, `The engine’s guidance differs from what this scenario expects in ${warnings.length === 1 ? 'one place' : `${warnings.length} places`}. The run still works: the reveals show the engine’s own guidance.`),
                h('ul', { class: 'govuk-list govuk-body-s' }, warnings.map((w) => h('li', {}, h('code', { class: 'app-path' }, w.path), `: ${w.message}`))),
              ),
            ),
          this.run && h('p', { class: 'govuk-body', id: 'replaces-run' }, h('strong', {}, `Starting this ends the run in progress (${this.run.scenario.title}). Download it first if you want to keep it.`)),
          h(
            'div',
            { class: 'govuk-button-group' },
            h('button', { type: 'button', class: 'govuk-button govuk-button--start', id: 'start', onclick: () => this.startChosen() }, fromRun ? 'Resume this training run' : 'Start the training run'),
            this.run && h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', id: 'download-current', onclick: () => this.downloadRun() }, 'Download the run in progress'),
          ),
        ),
      ),
    );
  }

  startChosen() {
    if (!this.chosen) return;
    if ('run' in this.chosen) this.load(this.chosen.run, this.chosen.warnings);
    else this.load(newRun(this.chosen.scenario, this.description.ruleset.id, this.chosen.origin), this.chosen.warnings);
    this.chosen = null;
    this.$notices.replaceChildren();
    this.save();
    this.showRun();
    document.getElementById('point-title')?.focus();
  }

  /**
   * Makes a checked run the current one and works out the engine's guidance at each time point.
   *
   * @param {import('./run.mjs').Run} run
   * @param {import('./run.mjs').Problem[]} warnings
   */
  load(run, warnings) {
    this.run = run;
    this.warnings = warnings;
    this.assessments = run.scenario.timePoints.map((point) => this.engine.assess(point.case, { trace: false }));
  }

  save() {
    if (this.run) saveRun(this.run);
  }

  // --- Running ------------------------------------------------------------------------------

  /** @param {number} by  +1 for the next stage, -1 for the one before */
  step(by) {
    if (!this.run) return;
    const before = position(this.run);
    moveTo(this.run, before + by);
    if (position(this.run) === before) return;
    this.save();
    this.showRun();
  }

  showRun() {
    if (!this.run) return;
    this.screen = this.run.at === 'debrief' ? 'debrief' : 'run';
    const focused = document.activeElement?.id ?? '';
    const view = buildView(this.run, this.context());
    if (view.screen === 'debrief') {
      document.title = `Debrief, ${this.run.scenario.title}: Waymark trainer`;
      this.$screen.replaceChildren(...this.controls(view), ...debrief(view));
    } else {
      document.title = `Time point ${view.point.number} of ${view.point.count}, ${STAGES[view.stage].name}: Waymark trainer`;
      const $form = view.stage === 1 ? this.roomForm() : null;
      this.$screen.replaceChildren(
        ...this.controls(view),
        runHeading(view),
        h(
          'div',
          { class: 'app-trainer-body' },
          h('div', { class: 'app-trainer-main' }, runStages(view, { decideForm: $form })),
          h('div', { class: 'app-trainer-side' }, this.notes(), chronology(view)),
        ),
      );
    }
    // The same control keeps the focus across a redraw, so the next press works the same way.
    const $again = focused ? document.getElementById(focused) : null;
    if ($again) $again.focus();
    else if (focused && !document.getElementById(focused)) document.getElementById(view.screen === 'debrief' ? 'debrief-title' : 'point-title')?.focus();
    showLatest();
    // The narrative in view while the room hears it and decides; then the newest reveal.
    if (view.screen === 'run' && view.stage >= 2) document.querySelector('.app-stage--current')?.scrollIntoView({ block: 'start' });
    else window.scrollTo(0, 0);
    this.announce(view.screen === 'debrief' ? view.debrief.announce : view.announce);
    this.broadcast();
  }

  /**
   * The trainer's controls: back, on, the audience window, notes, and the run itself.
   *
   * @param {import('./view.mjs').View} view
   */
  controls(view) {
    const run = /** @type {import('./run.mjs').Run} */ (this.run);
    const place = position(run);
    const last = run.scenario.timePoints.length * STAGES.length;
    const nextName = place + 1 >= last ? 'The debrief' : STAGES[(place + 1) % STAGES.length].id === 'known' ? `Time point ${Math.floor((place + 1) / STAGES.length) + 1}` : STAGES[(place + 1) % STAGES.length].name;
    const debriefing = view.screen === 'debrief';
    const small = 'govuk-button govuk-button--secondary app-button--small';
    // Two parts, both children of the screen, so the bar stays at the top while it scrolls.
    return [
      h(
        'div',
        { class: 'app-trainer-tools', role: 'group', 'aria-label': 'The run' },
        h(
          'div',
          { class: 'govuk-button-group app-trainer-tools__group' },
          h('button', { type: 'button', class: small, id: 'audience-window', onclick: () => this.openAudience() }, 'Open the audience window'),
          !debriefing &&
            h('button', { type: 'button', class: small, id: 'toggle-notes', 'aria-pressed': this.hideNotes ? 'true' : 'false', onclick: () => this.toggleNotes() }, 'Hide notes (one screen)'),
          h('button', { type: 'button', class: small, id: 'download', onclick: () => this.downloadRun() }, 'Download the run'),
          h('button', { type: 'button', class: small, id: 'choose', onclick: () => this.showChooser() }, 'Choose another case review'),
          this.clearButton(true),
        ),
        this.clearConfirm(),
      ),
      h(
        'div',
        { class: 'app-trainer-bar', role: 'group', 'aria-label': 'Move through the stages' },
        h(
          'div',
          { class: 'govuk-button-group app-trainer-bar__main' },
          h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', id: 'previous', disabled: place === 0, onclick: () => this.step(-1) }, debriefing ? '← Back to the last time point' : '← Back'),
          !debriefing && h('button', { type: 'button', class: 'govuk-button app-next', id: 'next', onclick: () => this.step(1) }, `Next: ${nextName} →`),
          debriefing && h('button', { type: 'button', class: 'govuk-button', id: 'print', onclick: () => window.print() }, 'Print the handout'),
          h(
            'p',
            { class: 'govuk-body-s app-trainer-bar__hint', id: 'keys-hint' },
            'Keys: → or Page Down for the next stage, ← or Page Up to go back. ',
            h('span', { id: 'audience-status' }, this.audienceText()),
          ),
        ),
      ),
    ];
  }

  /** @param {boolean} [small] */
  clearButton(small = false) {
    return h('button', { type: 'button', class: `govuk-button govuk-button--warning${small ? ' app-button--small' : ''}`, id: 'clear', onclick: () => this.askToClear(true) }, 'End and clear the run');
  }

  clearConfirm() {
    return h(
      'div',
      { class: 'govuk-warning-text app-clear-confirm', id: 'clear-confirm-panel', hidden: true },
      h('p', { class: 'govuk-body' }, h('strong', {}, 'This erases the run and the room’s decisions from this tab. It cannot be undone. Download the run first if you want to keep it.')),
      h(
        'div',
        { class: 'govuk-button-group' },
        h('button', { type: 'button', class: 'govuk-button govuk-button--warning', id: 'clear-confirm', onclick: () => this.clearRun() }, 'Yes, end and clear it'),
        h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', id: 'clear-cancel', onclick: () => this.askToClear(false) }, 'Cancel'),
      ),
    );
  }

  /** @param {boolean} asking */
  askToClear(asking) {
    const $panel = document.getElementById('clear-confirm-panel');
    if ($panel) $panel.hidden = !asking;
    document.getElementById(asking ? 'clear-confirm' : 'clear')?.focus();
  }

  clearRun() {
    eraseRun();
    this.run = null;
    this.assessments = [];
    this.warnings = [];
    this.showChooser();
    this.notify('success', 'The training run has been ended and cleared from this tab.');
  }

  audienceText() {
    if (!this.channel) return 'This browser cannot keep a second window in step: use one screen.';
    return this.audience ? 'Audience window: open and in step.' : 'Audience window: not open.';
  }

  updateAudienceStatus() {
    const $status = document.getElementById('audience-status');
    if ($status) $status.textContent = this.audienceText();
  }

  openAudience() {
    const opened = window.open(viewUrl('trainer.html?audience'), 'waymark-audience', 'popup,width=1280,height=720');
    if (!opened) this.notify('error', 'Your browser did not open the window. Open trainer.html?audience in a new window of this browser and move it to the projector: it follows this one.');
  }

  toggleNotes() {
    this.hideNotes = !this.hideNotes;
    try {
      if (this.hideNotes) sessionStorage.setItem(HIDE_NOTES_KEY, 'yes');
      else sessionStorage.removeItem(HIDE_NOTES_KEY);
    } catch {
      // Only the preference is lost.
    }
    this.showRun();
  }

  /** Presenter notes: what the next stage shows and anything the trainer should know. */
  notes() {
    const run = /** @type {import('./run.mjs').Run} */ (this.run);
    if (this.hideNotes) return null;
    const preview = nextPreview(run, this.context());
    const index = run.at === 'debrief' ? -1 : run.at.point;
    const point = index >= 0 ? run.scenario.timePoints[index] : null;
    const here = this.warnings.filter((w) => w.path.startsWith(`timePoints[${index}]`));
    return h(
      'aside',
      { class: 'app-notes', 'aria-labelledby': 'notes-title', id: 'notes' },
      h('h2', { class: 'govuk-heading-m', id: 'notes-title' }, 'Presenter notes'),
      h('p', { class: 'govuk-body-s' }, 'Only in this window: the audience window never shows them.'),
      h('h3', { class: 'govuk-heading-s', id: 'next-preview-title' }, preview.title),
      h('div', { id: 'next-preview' }, preview.lines.map((line) => h('p', { class: 'govuk-body-s' }, line))),
      here.length > 0 && h('p', { class: 'govuk-body-s' }, h('strong', {}, 'The engine differs from this scenario’s expectations here: '), here.map((w) => w.message).join('; ')),
      point?.expectChanged && h('p', { class: 'govuk-body-s' }, h('strong', {}, 'The scenario’s author changed an expectation after running the engine: '), point.expectChanged),
    );
  }

  // --- The room's decision ---------------------------------------------------------------------

  /** The room's decision at this time point: quick choices, kept as they are made. */
  roomForm() {
    const run = /** @type {import('./run.mjs').Run} */ (this.run);
    // The room decides at a time point, never at the debrief.
    const point = run.scenario.timePoints[/** @type {{ point: number }} */ (run.at).point];
    const decision = run.decisions[point.id] ?? emptyDecision();
    const radio = (/** @type {string} */ name, /** @type {string} */ id, /** @type {string} */ value, /** @type {string} */ label, /** @type {boolean} */ checked) =>
      h(
        'div',
        { class: 'govuk-radios__item' },
        h('input', { class: 'govuk-radios__input', id, name, type: 'radio', value, checked }),
        h('label', { class: 'govuk-label govuk-radios__label', for: id }, label),
      );
    const checkbox = (/** @type {RouteInfo} */ route) =>
      h(
        'div',
        { class: 'govuk-checkboxes__item' },
        h('input', { class: 'govuk-checkboxes__input', id: `room-route-${route.id}`, name: 'room-route', type: 'checkbox', value: route.id, checked: decision.routes.includes(route.id) }),
        h('label', { class: 'govuk-label govuk-checkboxes__label', for: `room-route-${route.id}` }, route.name),
      );
    const quick = this.description.routes.filter((route) => QUICK_ROUTES.includes(route.id));
    const more = this.description.routes.filter((route) => !QUICK_ROUTES.includes(route.id));
    const moreChosen = more.some((route) => decision.routes.includes(route.id));
    const $form = h(
      'form',
      { class: 'app-room-form', id: 'room-form', novalidate: true, autocomplete: 'off', 'aria-label': 'The room’s decision' },
      h(
        'ul',
        { class: 'govuk-list govuk-list--bullet app-questions' },
        h('li', {}, 'How serious is it: what level of need?'),
        h('li', {}, 'Who would you tell, and how fast?'),
        h('li', {}, 'Would you escalate?'),
      ),
      h(
        'div',
        { class: 'app-room-form__grid' },
        h(
          'div',
          { class: 'govuk-form-group' },
          h(
            'fieldset',
            { class: 'govuk-fieldset' },
            h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, 'The room’s level of need'),
            h(
              'div',
              { class: 'govuk-radios govuk-radios--small' },
              this.description.levels.map((level) => radio('room-level', `room-level-${level.id}`, level.id, level.name, decision.level === level.id)),
              radio('room-level', 'room-level-none', '', 'Not decided', decision.level === ''),
            ),
          ),
        ),
        h(
          'div',
          {},
          h(
            'div',
            { class: 'govuk-form-group' },
            h(
              'fieldset',
              { class: 'govuk-fieldset' },
              h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, 'Who the room would tell'),
              h('div', { class: 'govuk-checkboxes govuk-checkboxes--small' }, quick.map(checkbox)),
              h(
                'details',
                { class: 'govuk-details app-more-routes', open: moreChosen },
                h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, `${more.length} more routes`)),
                h('div', { class: 'govuk-details__text' }, h('div', { class: 'govuk-checkboxes govuk-checkboxes--small' }, more.map(checkbox))),
              ),
            ),
          ),
          h(
            'div',
            { class: 'govuk-form-group' },
            h(
              'fieldset',
              { class: 'govuk-fieldset' },
              h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, 'Would the room escalate?'),
              h(
                'div',
                { class: 'govuk-radios govuk-radios--small govuk-radios--inline' },
                radio('room-escalation', 'room-escalation-yes', 'yes', 'Yes', decision.escalation === 'yes'),
                radio('room-escalation', 'room-escalation-no', 'no', 'No', decision.escalation === 'no'),
                radio('room-escalation', 'room-escalation-none', '', 'Not decided', decision.escalation === ''),
              ),
            ),
          ),
        ),
      ),
      h(
        'div',
        { class: 'govuk-form-group' },
        h('label', { class: 'govuk-label govuk-label--s', for: 'room-note' }, 'Note (optional)'),
        h('div', { class: 'govuk-hint', id: 'room-note-hint' }, 'What swayed the room, or where it split. It goes in the debrief.'),
        h('textarea', { class: 'govuk-textarea', id: 'room-note', name: 'room-note', rows: '2', 'aria-describedby': 'room-note-hint' }, decision.note),
      ),
      h('p', { class: 'govuk-body-s', id: 'room-saved', role: 'status' }),
    );
    $form.addEventListener('submit', (event) => event.preventDefault());
    $form.addEventListener('input', () => this.recordDecision(/** @type {HTMLFormElement} */ ($form), point.id));
    $form.addEventListener('change', () => this.recordDecision(/** @type {HTMLFormElement} */ ($form), point.id));
    return $form;
  }

  /**
   * Keeps what the form says as the room's decision, and tells the audience window. The form is
   * not redrawn, so the trainer's place in it is never lost.
   *
   * @param {HTMLFormElement} $form
   * @param {string} pointId
   */
  recordDecision($form, pointId) {
    if (!this.run) return;
    const data = new FormData($form);
    const chosen = data.getAll('room-route').map(String);
    const escalation = String(data.get('room-escalation') ?? '');
    this.run.decisions[pointId] = {
      level: String(data.get('room-level') ?? ''),
      routes: this.description.routes.map((route) => route.id).filter((/** @type {string} */ id) => chosen.includes(id)),
      escalation: escalation === 'yes' || escalation === 'no' ? escalation : '',
      note: String(data.get('room-note') ?? ''),
    };
    this.save();
    this.broadcast();
  }

  // --- Files, notices ----------------------------------------------------------------------------

  downloadRun() {
    if (!this.run) return;
    download(runFileText(this.run), `waymark-training-${this.run.scenario.id}.json`);
  }

  /**
   * A notification banner above the screen. Success banners are announced without taking the
   * focus unless asked to.
   *
   * @param {'success' | 'error'} kind
   * @param {string} message
   * @param {boolean} [focus]
   */
  notify(kind, message, focus = false) {
    const $banner = h(
      'div',
      { class: `govuk-notification-banner${kind === 'success' ? ' govuk-notification-banner--success' : ''}`, role: kind === 'error' ? 'alert' : 'status', 'aria-labelledby': 'notice-title', id: 'notice', tabindex: '-1' },
      h('div', { class: 'govuk-notification-banner__header' }, h('h2', { class: 'govuk-notification-banner__title', id: 'notice-title' }, kind === 'success' ? 'Done' : 'Important')),
      h(
        'div',
        { class: 'govuk-notification-banner__content' },
        h('p', { class: 'govuk-notification-banner__heading' }, message),
        this.run && kind === 'success' && /restored/.test(message) && h('p', { class: 'govuk-body' }, 'It is kept in this browser tab only. To start again, choose “End and clear the run”.'),
      ),
    );
    this.$notices.replaceChildren($banner);
    if (focus) $banner.focus();
  }

  /** @param {string} text */
  announce(text) {
    if (text === this.announced) return;
    this.announced = text;
    this.$announcer.textContent = text;
  }
}

/**
 * Where a run is, in words.
 *
 * @param {import('./run.mjs').Run} run
 */
function whereText(run) {
  if (run.at === 'debrief') return 'at the debrief';
  const { stage: stageId } = run.at;
  const stage = STAGES.find((s) => s.id === stageId);
  return `time point ${run.at.point + 1} of ${run.scenario.timePoints.length}, ${stage ? stage.name.charAt(0).toLowerCase() + stage.name.slice(1) : ''}`;
}

/**
 * @param {string} key
 * @param {unknown} value
 */
function row(key, value) {
  return h('div', { class: 'govuk-summary-list__row' }, h('dt', { class: 'govuk-summary-list__key' }, key), h('dd', { class: 'govuk-summary-list__value' }, value));
}

function readHideNotes() {
  try {
    return sessionStorage.getItem(HIDE_NOTES_KEY) === 'yes';
  } catch {
    return false;
  }
}

/**
 * Saves text as a file where the trainer chooses. Nothing is uploaded: the file is made in the
 * page.
 *
 * @param {string} text
 * @param {string} name
 */
function download(text, name) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const $link = h('a', { href: url, download: name, class: 'govuk-visually-hidden' }, name);
  document.body.append($link);
  $link.click();
  $link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
