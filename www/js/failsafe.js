// Shows the emergency steps if the guide cannot start: app.mjs or a module it imports fails to
// load, or the browser cannot run modules at all. A classic script, so it runs even then. It is
// listed before app.mjs, so its listener is in place before the module can fail.
(function () {
  'use strict';
  var root = document.documentElement;

  function failed(reason) {
    if (root.hasAttribute('data-waymark-ready') || root.hasAttribute('data-waymark-failed')) return;
    root.setAttribute('data-waymark-failed', '');
    document.getElementById('loading').hidden = true;
    document.getElementById('app').hidden = true;
    document.getElementById('failure').hidden = false;
    document.getElementById('failure-reason').textContent = reason;
  }

  window.addEventListener(
    'error',
    function (event) {
      var target = event.target;
      if (target && target.tagName === 'SCRIPT') failed('Part of the guide (' + target.getAttribute('src') + ') could not be loaded.');
    },
    true
  );
  window.setTimeout(function () {
    failed('The guide did not start. Your browser may not support it, or a file it needs is missing.');
  }, 20000);
})();
