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
      if (target && target.tagName === 'SCRIPT') explain(target.getAttribute('src'));
    },
    true
  );
  var SINGLE_FILE = ' Use the single-file copy of the guide instead (waymark.html): it works opened from a shared drive and from any web server.';

  // Why a script failed, in words for whoever is looking at the page, and the single file
  // offered when the server has it.
  function explain(src) {
    if (location.protocol === 'file:') {
      failed('This page was opened from a file (its address starts with file://). Browsers do not run the parts of this version of the guide from files, so it cannot start.' + SINGLE_FILE);
      return;
    }
    failed('Part of the guide (' + src + ') could not be loaded.' + SINGLE_FILE);
    if (!window.fetch) return;
    fetch(src, { method: 'HEAD', cache: 'no-store' })
      .then(function (response) {
        var type = (response.headers.get('Content-Type') || 'no content type').split(';')[0];
        var reason = !response.ok
          ? 'The web server answered ' + response.status + ' for ' + src + '. If the file is there, the server does not know .mjs files (IIS refuses any type it has not been told about).'
          : /javascript/i.test(type) ? '' : 'The web server sent ' + src + ' as “' + type + '”, not as JavaScript, so the browser refused to run it.';
        if (reason) document.getElementById('failure-reason').textContent = reason + ' Whoever looks after the server can fix this with the settings in deploy/ (see docs/deploying.md).' + SINGLE_FILE;
      })
      .catch(function () {});
    fetch('waymark.html', { method: 'HEAD', cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) return;
        var link = document.createElement('a');
        link.className = 'govuk-link';
        link.href = 'waymark.html';
        link.textContent = 'Open the single-file guide';
        var line = document.createElement('p');
        line.className = 'govuk-body';
        line.appendChild(link);
        document.getElementById('failure-reason').after(line);
      })
      .catch(function () {});
  }

  window.setTimeout(function () {
    failed('The guide did not start. Your browser may not support it, or a file it needs is missing.');
  }, 20000);
})();
