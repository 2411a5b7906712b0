// @ts-check
// The audience window, for the projector: it shows what the trainer's window sends it and
// nothing else, with no controls. It never loads a scenario itself, so it cannot hold anything
// the trainer has not revealed. Keys pressed here (a clicker aimed at this window) are passed
// to the trainer's window.

import { h } from '../dom.mjs';
import { CHANNEL, MESSAGE } from './channel.mjs';
import { chronology, debrief, intro, runHeading, runStages, showLatest } from './render.mjs';

export class Audience {
  /**
   * @param {{ screen: HTMLElement, announcer: HTMLElement }} elements
   */
  constructor(elements) {
    this.$screen = elements.screen;
    this.$announcer = elements.announcer;
    /** @type {BroadcastChannel | null} */
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
    this.place = '';
    this.announced = '';
  }

  begin() {
    document.documentElement.classList.add('app-audience');
    document.title = 'Audience: Waymark trainer';
    if (!this.channel) {
      this.$screen.replaceChildren(
        h('h1', { class: 'govuk-heading-xl' }, 'This browser cannot follow the trainer’s window'),
        h('p', { class: 'govuk-body-l' }, 'Use one screen instead: the trainer’s window works on a projector too, with its notes hidden.'),
      );
      return;
    }
    this.waiting();
    this.channel.addEventListener('message', (event) => this.onMessage(event.data));
    document.addEventListener('keydown', (event) => this.onKey(event));
    window.addEventListener('pagehide', () => this.channel?.postMessage({ type: MESSAGE.bye }));
    this.channel.postMessage({ type: MESSAGE.hello });
  }

  waiting() {
    this.$screen.replaceChildren(
      h('h1', { class: 'govuk-heading-xl', id: 'waiting-title' }, 'Waymark trainer'),
      h('p', { class: 'app-narrative', id: 'waiting' }, 'Waiting for the trainer. This window follows the trainer’s window in this browser: choose a case review there.'),
    );
    this.say('Waiting for the trainer.');
  }

  /** @param {{ type?: unknown, view?: import('./view.mjs').View } | null} message  what the trainer's window posted (presenter.mjs) */
  onMessage(message) {
    if (!message || typeof message !== 'object') return;
    if (message.type === MESSAGE.view && message.view) this.show(message.view);
    else if (message.type === MESSAGE.presenter) this.channel?.postMessage({ type: MESSAGE.hello });
  }

  /** @param {KeyboardEvent} event */
  onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const action = event.key === 'ArrowRight' || event.key === 'PageDown' ? 'next' : event.key === 'ArrowLeft' || event.key === 'PageUp' ? 'previous' : '';
    if (!action) return;
    event.preventDefault();
    this.channel?.postMessage({ type: MESSAGE.command, action });
  }

  /**
   * Draws what the trainer's window sent. The newest stage is scrolled into view when the
   * trainer moves on, not when only the room's decision changes.
   *
   * @param {import('./view.mjs').View} view
   */
  show(view) {
    const place = view.screen === 'run' ? `${view.scenario.id}:${view.place}` : `${view.screen}:${'scenario' in view ? view.scenario.id : ''}`;
    const moved = place !== this.place;
    this.place = place;
    const scrollY = window.scrollY;
    if (view.screen === 'run') {
      document.title = `Time point ${view.point.number} of ${view.point.count}: Waymark trainer`;
      this.$screen.replaceChildren(
        runHeading(view),
        h('div', { class: 'app-trainer-body' }, h('div', { class: 'app-trainer-main' }, runStages(view)), h('div', { class: 'app-trainer-side' }, chronology(view))),
      );
    } else if (view.screen === 'debrief') {
      document.title = `Debrief: Waymark trainer`;
      this.$screen.replaceChildren(...debrief(view));
    } else if (view.screen === 'intro') {
      document.title = `${view.scenario.title}: Waymark trainer`;
      this.$screen.replaceChildren(.../** @type {HTMLElement[]} */ (intro(view).filter(Boolean)));
    } else {
      this.waiting();
      return;
    }
    showLatest();
    if (!moved) window.scrollTo(0, scrollY);
    else if (view.screen === 'run' && view.stage >= 2) document.querySelector('.app-stage--current')?.scrollIntoView({ block: 'start' });
    else window.scrollTo(0, 0);
    this.say(view.screen === 'debrief' ? view.debrief.announce : view.announce);
  }

  /** @param {string} text */
  say(text) {
    if (text === this.announced) return;
    this.announced = text;
    this.$announcer.textContent = text;
  }
}
