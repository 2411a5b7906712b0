// Waymark's service worker: keeps the app's own files so the guide works offline. It never
// sees anything the practitioner enters (the page makes no requests with it), and its scope is
// this folder. Network first, so a changed ruleset is used as soon as it is reachable; the
// cache answers only when the network cannot.

const CACHE = 'waymark';
const FILES = [
  './',
  'index.html',
  'app.mjs',
  'app.css',
  'manifest.webmanifest',
  'icons/icon.svg',
  'icons/icon-192.png',
  'icons/icon-512.png',
  'js/dom.mjs',
  'js/draft.mjs',
  'js/engine-guard.mjs',
  'js/engine-spare.mjs',
  'js/failsafe.js',
  'js/form.mjs',
  'js/guidance.mjs',
  'js/handon.mjs',
  'js/load.mjs',
  'js/search.mjs',
  'js/words.mjs',
  'setup.html',
  'setup.mjs',
  'setup.css',
  'js/setup/copy.mjs',
  'js/setup/embedded.mjs',
  'js/setup/fields.mjs',
  'js/setup/preview.mjs',
  'js/setup/profile.mjs',
  'rulesets/england.json',
  'trainer.html',
  'trainer.mjs',
  'trainer.css',
  'js/trainer/audience.mjs',
  'js/trainer/channel.mjs',
  'js/trainer/presenter.mjs',
  'js/trainer/render.mjs',
  'js/trainer/run.mjs',
  'js/trainer/view.mjs',
  'scenarios/child-v.json',
  'scenarios/child-n.json',
  'scenarios/child-o.json',
  'scenarios/child-d-learning.json',
  'scenarios/sutton-escalation.json',
  'scenarios/triennial-bruised-baby.json',
  'scenarios/triennial-co-sleeping.json',
  'scenarios/triennial-new-partner.json',
  'scenarios/triennial-pre-birth.json',
  'scenarios/triennial-domestic-callouts.json',
  'scenarios/triennial-neglect-closure.json',
  'scenarios/triennial-self-harm.json',
  'scenarios/triennial-boy-exploitation.json',
  'vendor/govuk-frontend/govuk-frontend.min.css',
  'vendor/govuk-frontend/govuk-frontend.min.js',
  '../pkg/waymark.js',
  '../pkg/waymark_bg.wasm',
  '../pkg/snippets/waymark-c058610cda582cce/src/wire.js',
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true }).then((cached) => cached ?? Response.error())),
  );
});
