// @ts-check
// Waymark's trainer view: the trainer's window (choose a case review, step through it, record
// the room's decisions, debrief), or with ?audience the projector's window that follows it.
// The engine decides; this file only starts the right window.

import { SkipLink, createAll } from './vendor/govuk-frontend/govuk-frontend.min.js';
import { byId, showFailure } from './js/dom.mjs';
import { loadEngine } from './js/load.mjs';
import { Audience } from './js/trainer/audience.mjs';
import { Presenter } from './js/trainer/presenter.mjs';

// GOV.UK Frontend's support check, which its template does with an inline script the
// Content-Security-Policy forbids.
document.body.classList.add('js-enabled', 'govuk-frontend-supported');
createAll(SkipLink);

start().catch(showFailure);

async function start() {
  const elements = { screen: byId('screen'), notices: byId('notices'), announcer: byId('announcer') };
  const audience = new URLSearchParams(location.search).has('audience');
  // The audience window needs no engine: it is sent what to show.
  const loaded = audience ? null : await loadEngine(document, location);
  byId('loading').hidden = true;
  byId('app').hidden = false;
  if (loaded) new Presenter(loaded.engine, loaded.description, elements).begin();
  else {
    byId('service-tagline').textContent = 'Audience window: it follows the trainer’s window in this browser.';
    new Audience(elements).begin();
  }
  document.documentElement.setAttribute('data-waymark-ready', '');
}

