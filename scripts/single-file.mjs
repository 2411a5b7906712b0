// Builds the guide for places that cannot serve www/ and pkg/ as they are, with no bundler:
//
//   dist/waymark.html       the whole guide in one file: the engine (wasm, base64), the default
//                           ruleset, the profiles and scenarios, the styles and the scripts, with
//                           its own Content-Security-Policy. It opens from file://, a shared drive
//                           or any web server, whatever content types the server sends. The setup
//                           view (#setup) and, when www/trainer.html exists, the trainer view
//                           (#trainer) are inside it.
//   dist/waymark-guide.mjs  the <waymark-guide> custom element, with the engine inside it.
//
//   node scripts/single-file.mjs            build both (scripts/build runs this)
//   node scripts/single-file.mjs --check    fail if dist/ differs from a fresh build
//   node scripts/single-file.mjs --patches  print the changes the build makes to files it does
//                                           not own, as a diff to apply to www/ by hand
//
// How modules are inlined. Each ES module becomes a function of its own, called once, when it is
// first imported, so modules run in dependency order and keep their own scopes: two modules'
// top-level names can never collide (pkg/waymark.js and GOV.UK Frontend both export `version`).
// Imports become `const { a, b: c } = module(n)` at the top of the function, exports a frozen
// object it returns. Only the static forms this project writes are handled: `import x from`,
// `import { a, b as c } from`, `import * as ns from`, `import 'x'`, and `export function|class|
// const`, `export default name|function|class`, `export { a, b as c }`. Anything else (export
// let/var, whose live binding would be lost; export from; dynamic import(); import.meta outside
// pkg/; a cycle; a name imported that the other module does not export; a bare specifier) stops
// the build with the file and the reason. The result is syntax-checked with `node --check`.
//
// Views. The guide (www/index.html) is the file's body; the setup and trainer pages are
// <template>s, drawn in its place when the address ends #setup or #trainer (a link to the other
// page becomes a link to its fragment, and the file reloads into it). Each view keeps exactly
// its own page's stylesheets: every stylesheet is a <style> that names the views using it.
//
// The page's modules read the engine, ruleset, profiles and scenarios from data blocks in the file
// through one seam, www/js/setup/embedded.mjs. Where a module another engineer owns needs a line
// changed to use it, that change is listed in PATCHES below and made to the build's copy of the
// file only: www/ is never written.
//
// Deterministic: the same sources give the same bytes (no dates, sorted file lists), so CI can
// check that the committed dist/ is fresh.

import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');

/** What the build writes. */
export const OUTPUT = { page: 'dist/waymark.html', component: 'dist/waymark-guide.mjs' };

/**
 * Changes to files other engineers own, which the single file needs. The build applies each one
 * to its copy of the file when the file still has the old text (or already has the new), and
 * otherwise: stops, for a change the whole file needs (`need: 'all'`); leaves that view out of the
 * single file, with a warning, for a change one view needs (`need: 'trainer'`); goes on with a
 * warning for one that only tidies (`need: 'tidy'`). A change only the multi-file page needs
 * (`need: 'www'`) is never applied to the single file. `--patches` prints them all.
 */
export const PATCHES = [
  {
    file: 'www/app.mjs',
    why: 'the service worker belongs to the installable multi-file app (the page with a web manifest); the single file has neither, and its policy would refuse the worker with an error in the console',
    need: 'tidy',
    edits: [
      [
        "  if ('serviceWorker' in navigator && location.protocol !== 'file:') {\n",
        "  if ('serviceWorker' in navigator && location.protocol !== 'file:' && document.querySelector('link[rel=\"manifest\"]')) {\n",
      ],
    ],
  },
  {
    file: 'www/js/trainer/presenter.mjs',
    why: 'the trainer in the single file: the bundled case reviews come from the page itself, and the audience window is this file with ?audience#trainer',
    need: 'trainer',
    edits: [
      ["import { h } from '../dom.mjs';\n", "import { h } from '../dom.mjs';\nimport { embeddedJson, viewUrl } from '../setup/embedded.mjs';\n"],
      [
        "          const response = await fetch(`scenarios/${name}.json`, { credentials: 'same-origin' });\n          if (!response.ok) return [name, null];\n          const scenario = await response.json();\n",
        "          let scenario = embeddedJson(`scenarios/${name}.json`);\n          if (scenario === undefined) {\n            const response = await fetch(`scenarios/${name}.json`, { credentials: 'same-origin' });\n            if (!response.ok) return [name, null];\n            scenario = await response.json();\n          }\n",
      ],
      ["window.open('trainer.html?audience', ", "window.open(viewUrl('trainer.html?audience'), "],
    ],
  },
  {
    file: 'www/index.html',
    why: 'a way from the guide to the setup view, at the foot of the page (setup.html, or #setup in the single file)',
    need: 'tidy',
    edits: [
      [
        '      <p class="govuk-body-s" id="footer-ruleset"></p>\n',
        '      <p class="govuk-body-s" id="footer-ruleset"></p>\n      <p class="govuk-body-s"><a class="govuk-link" href="setup.html">Set up your organisation’s copy</a>: your contacts and local procedures, built into a copy of this guide to share with your staff.</p>\n',
      ],
    ],
  },
  {
    file: 'www/js/failsafe.js',
    why: 'say plainly why the multi-file page cannot start from a file, or from a server that does not send its scripts as JavaScript, and offer the single file',
    need: 'www',
    edits: [
      [
        "      if (target && target.tagName === 'SCRIPT') failed('Part of the guide (' + target.getAttribute('src') + ') could not be loaded.');\n",
        "      if (target && target.tagName === 'SCRIPT') explain(target.getAttribute('src'));\n",
      ],
      [
        '  window.setTimeout(function () {\n',
        [
          "  var SINGLE_FILE = ' Use the single-file copy of the guide instead (waymark.html): it works opened from a shared drive and from any web server.';",
          '',
          '  // Why a script failed, in words for whoever is looking at the page, and the single file',
          '  // offered when the server has it.',
          '  function explain(src) {',
          "    if (location.protocol === 'file:') {",
          "      failed('This page was opened from a file (its address starts with file://). Browsers do not run the parts of this version of the guide from files, so it cannot start.' + SINGLE_FILE);",
          '      return;',
          '    }',
          "    failed('Part of the guide (' + src + ') could not be loaded.' + SINGLE_FILE);",
          '    if (!window.fetch) return;',
          "    fetch(src, { method: 'HEAD', cache: 'no-store' })",
          '      .then(function (response) {',
          "        var type = (response.headers.get('Content-Type') || 'no content type').split(';')[0];",
          '        var reason = !response.ok',
          "          ? 'The web server answered ' + response.status + ' for ' + src + '. If the file is there, the server does not know .mjs files (IIS refuses any type it has not been told about).'",
          "          : /javascript/i.test(type) ? '' : 'The web server sent ' + src + ' as “' + type + '”, not as JavaScript, so the browser refused to run it.';",
          "        if (reason) document.getElementById('failure-reason').textContent = reason + ' Whoever looks after the server can fix this with the settings in deploy/ (see docs/deploying.md).' + SINGLE_FILE;",
          '      })',
          '      .catch(function () {});',
          "    fetch('waymark.html', { method: 'HEAD', cache: 'no-store' })",
          '      .then(function (response) {',
          '        if (!response.ok) return;',
          "        var link = document.createElement('a');",
          "        link.className = 'govuk-link';",
          "        link.href = 'waymark.html';",
          "        link.textContent = 'Open the single-file guide';",
          "        var line = document.createElement('p');",
          "        line.className = 'govuk-body';",
          '        line.appendChild(link);',
          "        document.getElementById('failure-reason').after(line);",
          '      })',
          '      .catch(function () {});',
          '  }',
          '',
          '  window.setTimeout(function () {',
          '',
        ].join('\n'),
      ],
    ],
  },
  {
    file: 'www/index.html',
    why: 'the emergency steps and the way out always show, even when no script can run (a server that sends scripts with the wrong type and nosniff refuses the fail-safe itself)',
    need: 'www',
    edits: [
      [
        '      <p class="govuk-body" id="loading">Loading the guidance…</p>\n',
        [
          '      <div id="loading">',
          '        <p class="govuk-body">Loading the guidance…</p>',
          '        <p class="govuk-body-s">If this stays, the guide cannot start here: open the single-file copy (waymark.html) instead. Until then, if a child is in danger now, call 999; otherwise tell your designated safeguarding lead (DSL) today.</p>',
          '      </div>',
          '',
        ].join('\n'),
      ],
    ],
  },
];

/** Warnings from this build: changes it could not make, views it left out. */
const warnings = [];

/**
 * A source file's text, with the changes the single file needs applied (or, with `all`, every
 * change, as the multi-file page needs them).
 *
 * @param {string} file  relative to the repository
 * @param {{ all?: boolean }} [options]
 */
export function patched(file, { all = false } = {}) {
  let text = readFileSync(join(ROOT, file), 'utf8').replace(/\r\n?/g, '\n');
  for (const patch of PATCHES) {
    if (patch.file !== file || (!all && patch.need === 'www')) continue;
    const result = applyPatch(text, patch);
    if (typeof result === 'string') {
      text = result;
      continue;
    }
    const message = `${file} has changed, so the build cannot make this change (${patch.why}). Make it by hand: \`node scripts/single-file.mjs --patches\` prints it. It replaces:\n${result.before}with:\n${result.after}`;
    if (patch.need === 'tidy') warnings.push(message);
    else throw new BuildError(message, patch.need);
  }
  return text;
}

/**
 * @param {string} text
 * @param {typeof PATCHES[number]} patch
 * @returns {string | { before: string, after: string }}  the changed text, or the edit that
 *   could not be made
 */
function applyPatch(text, patch) {
  for (const [before, after] of patch.edits) {
    if (text.includes(after)) continue;
    const at = text.indexOf(before);
    if (at < 0 || text.indexOf(before, at + 1) >= 0) return { before, after };
    text = text.slice(0, at) + after + text.slice(at + before.length);
  }
  return text;
}

/** @param {string} message */
function fail(message) {
  throw new BuildError(message);
}

class BuildError extends Error {
  /**
   * @param {string} message
   * @param {string} [need]  for a change the build could not make: what needs it
   */
  constructor(message, need = 'all') {
    super(message);
    this.need = need;
  }
}

// --- Modules ---------------------------------------------------------------------------------

const IDENT = '[A-Za-z_$][\\w$]*';
const LOADER = '__waymarkModule';

/**
 * @typedef {object} Module
 * @property {string} path  relative to the repository, with forward slashes
 * @property {number} index
 * @property {string} body  the source without its import and export syntax
 * @property {{ from: string, bindings: string }[]} imports  `bindings` is the destructuring
 * @property {Map<string, string>} exports  exported name → local name
 * @property {{ from: string, names: string[] }[]} wants  names imported from each module
 */

/**
 * Inlines an entry module and everything it imports.
 *
 * @param {string[]} entries  paths relative to the repository
 * @param {Record<string, string>} virtual  path → source, for modules the build writes itself
 * @returns {{ code: string, index: (path: string) => number }}
 */
export function bundle(entries, virtual = {}) {
  /** @type {Map<string, Module>} */
  const modules = new Map();
  /** @type {Module[]} */
  const order = [];

  /**
   * @param {string} path
   * @param {string[]} stack
   */
  const visit = (path, stack) => {
    if (stack.includes(path)) fail(`import cycle: ${[...stack, path].join(' → ')}. The build runs modules in dependency order and does not handle cycles.`);
    if (modules.has(path)) return;
    if (!(path in virtual) && !existsSync(join(ROOT, path))) fail(`${stack.at(-1) ?? 'the page'} imports ${path}, which does not exist`);
    const module = parse(path, path in virtual ? virtual[path] : patched(path));
    modules.set(path, module);
    for (const dependency of module.imports) visit(dependency.from, [...stack, path]);
    module.index = order.length;
    order.push(module);
  };
  for (const entry of entries) visit(entry, []);

  for (const module of order) {
    for (const want of module.wants) {
      const from = /** @type {Module} */ (modules.get(want.from));
      for (const name of want.names) {
        if (!from.exports.has(name)) fail(`${module.path} imports “${name}” from ${from.path}, which does not export it`);
      }
    }
  }

  const factories = order.map((module) => {
    const imports = module.imports.map(({ from, bindings }) => `const ${bindings} = ${LOADER}(${modules.get(from)?.index});\n`).join('');
    const exported = [...module.exports].map(([name, local]) => (name === local ? name : `${JSON.stringify(name)}: ${local}`)).join(', ');
    return `// ${module.path}\nfunction () {\n${imports}${module.body.trim()}\nreturn Object.freeze({ __proto__: null${exported ? `, ${exported}` : ''} });\n}`;
  });
  const code = [
    `// The page's modules, each in its own scope, run once when first imported (scripts/single-file.mjs).`,
    `const ${LOADER} = (() => {`,
    `const factories = [\n${factories.join(',\n')}\n];`,
    'const done = [];',
    'return (i) => {',
    '  if (!(i in done)) done[i] = factories[i].call(undefined);',
    '  return done[i];',
    '};',
    '})();',
    '',
  ].join('\n');
  return {
    code,
    index(path) {
      const module = modules.get(path);
      if (!module) fail(`${path} is not part of the bundle`);
      return /** @type {Module} */ (module).index;
    },
  };
}

/**
 * Reads one module's imports and exports, and takes their syntax out.
 *
 * @param {string} path
 * @param {string} source
 * @returns {Module}
 */
function parse(path, source) {
  const where = (message) => fail(`${path}: ${message}`);
  let body = source.replace(/\r\n?/g, '\n').replace(/^\/\/# sourceMappingURL=.*$/m, '').replace(/\/\/# sourceMappingURL=\S*\s*$/, '');
  /** @type {Module['imports']} */
  const imports = [];
  /** @type {Module['wants']} */
  const wants = [];
  const exports = new Map();
  const exportName = (name, local) => {
    if (exports.has(name)) where(`exports “${name}” twice`);
    exports.set(name, local);
  };

  // import ... from '...'; import '...';  (at the start of a line, as this project writes them)
  body = body.replace(/^import\b([^'"]*?)(['"])([^'"\n]+)\2[ \t]*;?/gm, (statement, clause, _, specifier) => {
    const from = resolve(path, specifier);
    const text = clause.trim();
    if (text === '') {
      imports.push({ from, bindings: '{}' });
      wants.push({ from, names: [] });
      return '';
    }
    const match = new RegExp(`^(?:(${IDENT})\\s*(?:,\\s*)?)?(?:\\{([^}]*)\\}|\\*\\s*as\\s+(${IDENT}))?\\s*from$`).exec(text);
    if (!match || (!match[1] && match[2] === undefined && !match[3])) where(`this import is not a form the build handles: ${statement.replace(/\s+/g, ' ')}`);
    const [, defaultName, named, namespace] = /** @type {RegExpExecArray} */ (match);
    const names = [];
    const parts = [];
    if (defaultName) {
      names.push('default');
      parts.push(`default: ${defaultName}`);
    }
    for (const item of (named ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
      const one = new RegExp(`^(${IDENT})(?:\\s+as\\s+(${IDENT}))?$`).exec(item);
      if (!one) where(`cannot read “${item}” in an import`);
      const [, name, local] = /** @type {RegExpExecArray} */ (one);
      names.push(name);
      parts.push(local && local !== name ? `${name}: ${local}` : name);
    }
    wants.push({ from, names });
    if (namespace) {
      if (parts.length > 0) imports.push({ from, bindings: `{ ${parts.join(', ')} }` });
      imports.push({ from, bindings: namespace });
    } else {
      imports.push({ from, bindings: `{ ${parts.join(', ')} }` });
    }
    return '';
  });

  // export default name;  export default function|class name
  body = body.replace(new RegExp(`^export\\s+default\\s+(?:(async\\s+)?function\\s*(\\*?)\\s*(${IDENT})|class\\s+(${IDENT}))`, 'gm'), (statement, async, star, fn, cls) => {
    exportName('default', fn ?? cls);
    return fn ? `${async ?? ''}function${star} ${fn}` : `class ${cls}`;
  });
  body = body.replace(new RegExp(`^export\\s+default\\s+(${IDENT})\\s*;?[ \\t]*$`, 'gm'), (_, name) => {
    exportName('default', name);
    return '';
  });
  // export function|class|const name
  body = body.replace(new RegExp(`^export\\s+((?:async\\s+)?function\\s*\\*?\\s*(${IDENT})|class\\s+(${IDENT})|const\\s+(${IDENT})\\s*=)`, 'gm'), (_, declaration, fn, cls, constant) => {
    const name = fn ?? cls ?? constant;
    exportName(name, name);
    return declaration;
  });
  // export { a, b as c };  (also inside minified code)
  body = body.replace(/(^|[;}\s])export\s*\{([^}]*)\}(\s*from\b)?\s*;?/g, (statement, before, list, from) => {
    if (from) where('“export … from” is not handled: import the names, then export them');
    for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
      const one = new RegExp(`^(${IDENT})(?:\\s+as\\s+(${IDENT}))?$`).exec(item);
      if (!one) where(`cannot read “${item}” in an export list`);
      const [, local, name] = /** @type {RegExpExecArray} */ (one);
      exportName(name ?? local, local);
    }
    return before;
  });

  // What is left must be plain script: no module syntax the build did not take out.
  const code = withoutComments(body);
  const left = /(^|[;{}\s])export\b[\s{*]|^\s*import\b\s*[\w{*'"]/m.exec(code);
  if (left) where(`this export or import is not a form the build handles: “${code.slice(left.index, left.index + 60).trim().split('\n')[0]}”`);
  if (/(^|[^.\w$])import\s*\(/m.test(code)) where('dynamic import() is not handled: import the module statically');
  if (/\bimport\s*\.\s*meta\b/.test(code) && !path.startsWith('pkg/')) where('import.meta is not handled: inside the single file it would name the page, not this module');
  if (new RegExp(`\\b${LOADER}\\b`).test(code)) where(`uses the name ${LOADER}, which the build keeps for itself`);
  return { path, index: -1, body, imports, exports, wants };
}

/**
 * Source without its comments, for the checks above only (never for the output): block
 * comments, and line comments that start a line or follow a space.
 *
 * @param {string} source
 */
function withoutComments(source) {
  return source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|\s)\/\/.*$/gm, '$1');
}

/**
 * @param {string} from  the importing file
 * @param {string} specifier
 */
function resolve(from, specifier) {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) fail(`${from}: “${specifier}” is not a relative path; the build resolves only ./ and ../`);
  return posix.normalize(posix.join(posix.dirname(from), specifier));
}

// --- The page --------------------------------------------------------------------------------

/**
 * @typedef {object} View
 * @property {string} name  guide, setup or trainer
 * @property {string} file  relative to the repository
 * @property {string} title
 * @property {string} bodyAttributes
 * @property {string} body
 * @property {string[]} styles  stylesheets, relative to the repository
 * @property {string[]} classic  classic scripts, relative to the repository
 * @property {string} entry  the module the view runs
 * @property {string} head  the view's <head>
 */

/**
 * Reads a page of www/: its title, body, stylesheets and scripts. Anything the single file could
 * not carry (an external resource, an inline style the policy would refuse) stops the build.
 *
 * @param {string} name
 * @param {string} file
 * @returns {View}
 */
function readView(name, file) {
  const html = patched(file);
  const where = (message) => fail(`${file}: ${message}`);
  const head = /<head>([\s\S]*?)<\/head>/.exec(html)?.[1] ?? where('no <head>');
  const bodyMatch = /<body([^>]*)>([\s\S]*)<\/body>/.exec(html) ?? where('no <body>');
  const title = /<title>([^<]*)<\/title>/.exec(head)?.[1] ?? where('no <title>');
  const at = (href) => posix.normalize(posix.join(posix.dirname(file), href));
  const styles = [...head.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => at(m[1]));
  const classic = [...head.matchAll(/<script src="([^"]+)"(?: defer)?><\/script>/g)].map((m) => at(m[1]));
  const entries = [...head.matchAll(/<script type="module" src="([^"]+)"><\/script>/g)].map((m) => at(m[1]));
  if (entries.length !== 1) where(`expected one <script type="module" src>, found ${entries.length}`);
  const scripts = [...head.matchAll(/<script\b/g)].length;
  if (scripts !== classic.length + entries.length) where('has a <script> in its head the build does not understand');
  const body = bodyMatch[2];
  if (/<script\b/i.test(body)) where('has a <script> in its body; the build carries only the scripts in <head>');
  if (/\sstyle=/i.test(body)) where('has a style attribute, which the single file’s Content-Security-Policy would refuse');
  if (/<(link|img|iframe|object|embed|video|audio|source)\b/i.test(body)) where('loads a resource from its body, which the single file cannot carry');
  return { name, file, title, bodyAttributes: bodyMatch[1], body, styles, classic, entry: entries[0], head };
}

/** The views of www/, with the file each is reached by in the multi-file page. */
const VIEWS = [
  { name: 'guide', file: 'www/index.html', link: ['./', 'index.html'] },
  { name: 'setup', file: 'www/setup.html', link: ['setup.html'] },
  { name: 'trainer', file: 'www/trainer.html', link: ['trainer.html'] },
];

/**
 * Links between views become links within the single file: to the guide, the file itself (with
 * no fragment, so it reloads into the guide); to another view, its fragment.
 *
 * @param {View} view
 * @param {string[]} present  the names of the views in the file
 */
function rewriteLinks(view, present) {
  return view.body.replace(/\shref="([^"]*)"/g, (attribute, href) => {
    if (href.startsWith('#') || /^(https?:|mailto:|tel:)/.test(href)) return attribute;
    const target = VIEWS.find((v) => v.link.includes(href));
    if (!target) fail(`${view.file}: the link to “${href}” would lead nowhere from the single file`);
    if (!present.includes(target.name)) fail(`${view.file}: links to ${target.file}, which does not exist`);
    return target.name === 'guide' ? ' href=""' : ` href="#${target.name}"`;
  });
}

/**
 * A stylesheet checked for anything it would fetch: the single file carries no other files.
 *
 * @param {string} file
 */
function stylesheet(file) {
  const css = readFileSync(join(ROOT, file), 'utf8').replace(/\r\n?/g, '\n').replace(/\/\*# sourceMappingURL=[^*]*\*\/\s*$/, '');
  const url = /url\(\s*(?!['"]?data:)[^)]*\)/.exec(css);
  if (url) fail(`${file} refers to ${url[0]}, which the single file cannot carry: use a data: URL or system fonts`);
  if (/@import\b/.test(css)) fail(`${file} uses @import, which the single file cannot carry`);
  if (/<\/style/i.test(css)) fail(`${file} contains “</style”, which would end the page’s <style> early`);
  return css.trim();
}

/**
 * Script text that is safe inside <script>…</script>: "<script" and "</script" (which would end
 * or confuse the element) have their letter s written as an escape, which means the same in a
 * string, a template, a regular expression or a comment.
 *
 * @param {string} code
 * @param {string} what
 */
function inlineScript(code, what) {
  if (code.includes('<!--')) fail(`${what} contains “<!--”, which changes how a browser reads a <script>`);
  return code.replace(/<(\/?)(s)(cript)/gi, (_, slash, s, rest) => `<${slash}\\x${s.charCodeAt(0).toString(16)}${rest}`);
}

/**
 * JSON for a data block: compact, with "<" escaped so nothing in it can end the element.
 *
 * @param {string} file
 */
function jsonBlock(file) {
  let value;
  try {
    value = JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
  } catch (error) {
    fail(`${file} is not valid JSON: ${error.message}`);
  }
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** @param {string} text */
function sha256(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** @param {string} text */
function attribute(text) {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * The JSON files the page may fetch, by the path it fetches them with (relative to www/).
 */
function dataFiles() {
  const files = [];
  for (const folder of ['rulesets', 'profiles', 'scenarios']) {
    const names = readdirSync(join(ROOT, 'www', folder)).filter((name) => name.endsWith('.json')).sort();
    for (const name of names) files.push({ path: `${folder}/${name}`, file: `www/${folder}/${name}` });
  }
  return files;
}

/**
 * Syntax-checks a module with Node, without running it.
 *
 * @param {string} code
 * @param {string} what
 */
function checkSyntax(code, what) {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-single-file-'));
  try {
    const file = join(dir, 'check.mjs');
    writeFileSync(file, code);
    const result = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
    if (result.status !== 0) fail(`${what} is not valid JavaScript after inlining:\n${result.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The single-file page, with every view of www/ whose changes the build can make; a view it
 * cannot make them for is left out, with a warning.
 */
export function buildPage() {
  let present = VIEWS.filter((view) => existsSync(join(ROOT, view.file)));
  for (;;) {
    try {
      return assemble(present);
    } catch (error) {
      const need = error instanceof BuildError ? error.need : '';
      if (need === 'guide' || !present.some((view) => view.name === need)) throw error;
      warnings.push(`The ${need} view is left out of ${OUTPUT.page}. ${error.message}`);
      present = present.filter((view) => view.name !== need);
    }
  }
}

/**
 * @param {typeof VIEWS} present
 */
function assemble(present) {
  const views = present.map((view) => readView(view.name, view.file));
  const names = views.map((view) => view.name);
  const [guide, ...others] = views;

  // The single file cannot import a second copy of the engine for a spare: in its place, a module
  // that says so (load.mjs never asks it, since the wasm is embedded).
  const noSpare = [
    "export function compileEngine() { return Promise.reject(new Error('The single file embeds its engine.')); }",
    "export function loadFresh() { return Promise.reject(new Error('The single file keeps no spare engine: reload the page.')); }",
    '',
  ].join('\n');
  const modules = bundle(['www/js/setup/embedded.mjs', ...views.map((view) => view.entry)], { 'www/js/engine-spare.mjs': noSpare });
  const viewModules = Object.fromEntries(views.map((view) => [view.name, modules.index(view.entry)]));
  const start = [
    '// Which view this file shows: the guide, or the one that #setup or #trainer names. Another',
    '// view is reached by a link to its fragment, and the file reloads into it.',
    '{',
    `  const embedded = ${LOADER}(${modules.index('www/js/setup/embedded.mjs')});`,
    '  embedded.keepPristine(document);',
    `  const views = ${JSON.stringify(viewModules)};`,
    "  const named = (hash) => (hash !== '#guide' && Object.hasOwn(views, hash.slice(1)) ? hash.slice(1) : null);",
    '  const view = named(location.hash);',
    "  for (const $style of document.querySelectorAll('style[data-views]')) {",
    "    if (($style.getAttribute('data-views') ?? '').split(' ').includes(view ?? 'guide')) $style.removeAttribute('media');",
    "    else $style.setAttribute('media', 'not all');",
    '  }',
    '  if (view) {',
    '    const $template = /** @type {HTMLTemplateElement} */ (document.getElementById(`waymark-view-${view}`));',
    "    document.title = $template.getAttribute('data-title') ?? document.title;",
    '    document.body.replaceChildren($template.content.cloneNode(true));',
    '  }',
    "  window.addEventListener('hashchange', () => {",
    '    const next = named(location.hash);',
    '    if (next && next !== view) location.reload();',
    '  });',
    `  ${LOADER}(views[view ?? 'guide']);`,
    '}',
    '',
  ].join('\n');
  const script = inlineScript(`${modules.code}\n${start}`, 'the page’s modules');
  checkSyntax(script, 'the single file’s script');

  const classicFiles = [...new Set(views.flatMap((view) => view.classic))];
  const classic = classicFiles.map((file) => inlineScript(patched(file).trim(), file));
  // Each view gets exactly the stylesheets its own page links, as in the multi-file guide: a
  // <style> per stylesheet says which views use it, and one the guide (the file's default view)
  // does not use starts switched off. The start-up switches them for the view it draws.
  const sheets = [...new Set(views.flatMap((view) => view.styles))].map((file) => ({
    css: stylesheet(file),
    views: views.filter((view) => view.styles.includes(file)).map((view) => view.name),
  }));

  const policy = [
    "default-src 'none'",
    `script-src ${[...classic, script].map(sha256).join(' ')} 'wasm-unsafe-eval'`,
    `style-src ${sheets.map((sheet) => sha256(sheet.css)).join(' ')}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  const metas = [...guide.head.matchAll(/<meta [^>]*>/g)]
    .map((m) => m[0])
    .filter((meta) => !/http-equiv="Content-Security-Policy"/.test(meta) && !/charset=/.test(meta));
  const icon = readFileSync(join(ROOT, 'www/icons/icon.svg'));
  const wasm = readFileSync(join(ROOT, 'pkg/waymark_bg.wasm')).toString('base64').replace(/.{1,100}/g, '$&\n');

  const data = dataFiles().map(({ path, file }) => `<script type="application/json" data-waymark-src="${path}">${jsonBlock(file)}</script>`);
  // A view's <noscript> is dropped: a template is drawn only by script, and a <noscript> inside
  // one would be written back escaped (its document runs no script), growing with every copy.
  const templates = others.map(
    (view) => `<template id="waymark-view-${view.name}" data-title="${attribute(view.title)}">${rewriteLinks(view, names).replace(/[ \t]*<noscript>[\s\S]*?<\/noscript>\n?/g, '')}</template>`,
  );

  const html = [
    '<!DOCTYPE html>',
    '<html lang="en-GB" class="govuk-template">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${guide.title}</title>`,
    '<!-- Waymark, the whole guide in one file, built by scripts/single-file.mjs from www/ and pkg/.',
    '     Nothing in it is fetched and nothing you enter leaves the device. To set up your',
    '     organisation’s copy, open it and choose “Set up your organisation’s copy” (#setup). -->',
    `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
    ...metas,
    `<link rel="icon" href="data:image/svg+xml;base64,${icon.toString('base64')}">`,
    ...sheets.map((sheet) => `<style data-views="${sheet.views.join(' ')}"${sheet.views.includes('guide') ? '' : ' media="not all"'}>${sheet.css}</style>`),
    ...classic.map((code) => `<script>${code}</script>`),
    `<script type="module">${script}</script>`,
    ...templates,
    ...data,
    `<script type="application/wasm" data-waymark-src="../pkg/waymark_bg.wasm">\n${wasm}</script>`,
    '</head>',
    `<body${guide.bodyAttributes}>${rewriteLinks(guide, names)}</body>`,
    '</html>',
    '',
  ].join('\n');
  return { html, views: names };
}

// --- The component ---------------------------------------------------------------------------

/** The component's stylesheet: the page's, fitted to a shadow root. */
function componentCss() {
  const css = ['www/vendor/govuk-frontend/govuk-frontend.min.css', 'www/app.css', 'www/component/waymark-guide.css'].map(stylesheet).join('\n');
  // Custom properties GOV.UK Frontend sets on :root belong on the shadow root's host; rem sizes
  // would follow the host page's root font size, so they become the pixels GOV.UK means.
  return css.replace(/:root\b/g, ':host').replace(/(\d*\.?\d+)rem\b/g, (_, n) => `${Number((Number(n) * 16).toFixed(4))}px`);
}

/** The web component's module. */
export function buildComponent() {
  const ruleset = JSON.stringify(JSON.parse(readFileSync(join(ROOT, 'www/rulesets/england.json'), 'utf8')));
  const wasm = readFileSync(join(ROOT, 'pkg/waymark_bg.wasm')).toString('base64');
  const assets = [
    '// Written by scripts/single-file.mjs: the engine, the default ruleset and the styles.',
    `const WASM = ${JSON.stringify(wasm)};`,
    `const RULESET = ${JSON.stringify(ruleset)};`,
    `const CSS = ${JSON.stringify(componentCss())};`,
    '/** @returns {Promise<{ wasm: Uint8Array, ruleset: any, css: string }>} */',
    'export async function loadAssets() {',
    '  const binary = atob(WASM);',
    '  const wasm = new Uint8Array(binary.length);',
    '  for (let i = 0; i < binary.length; i += 1) wasm[i] = binary.charCodeAt(i);',
    '  return { wasm, ruleset: JSON.parse(RULESET), css: CSS };',
    '}',
    '',
  ].join('\n');
  const entry = 'www/component/waymark-guide.mjs';
  const modules = bundle([entry], { 'www/component/assets.mjs': assets });
  const code = [
    '// <waymark-guide>: the Waymark safeguarding guide as a custom element, with its engine inside.',
    '// Built by scripts/single-file.mjs from www/component/ and the page’s modules; see',
    '// docs/deploying.md. Add it to a page with:',
    '//   <script type="module" src="waymark-guide.mjs"></script>',
    '//   <waymark-guide></waymark-guide>',
    modules.code,
    `const { WaymarkGuide } = ${LOADER}(${modules.index(entry)});`,
    'export { WaymarkGuide };',
    '',
  ].join('\n');
  checkSyntax(code, 'the component');
  return code;
}

// --- Command line ----------------------------------------------------------------------------

/** Every patch as a unified-style diff of the lines it changes. */
function printPatches() {
  const lines = [];
  for (const patch of PATCHES) {
    lines.push(`# ${patch.file}: ${patch.why}`);
    for (const [before, after] of patch.edits) {
      lines.push('@@');
      for (const line of before.replace(/\n$/, '').split('\n')) lines.push(`-${line}`);
      for (const line of after.replace(/\n$/, '').split('\n')) lines.push(`+${line}`);
    }
    lines.push('');
  }
  process.stdout.write(lines.join('\n'));
}

function main() {
  const args = process.argv.slice(2);
  if (args.includes('--patches')) return printPatches();
  const { html, views } = buildPage();
  const component = buildComponent();
  const outputs = [
    [OUTPUT.page, html],
    [OUTPUT.component, component],
  ];
  for (const warning of args.includes('--check') ? warnings : []) console.error(`scripts/single-file.mjs: warning: ${warning}`);
  if (args.includes('--check')) {
    const stale = outputs.filter(([file, text]) => !existsSync(join(ROOT, file)) || readFileSync(join(ROOT, file), 'utf8') !== text).map(([file]) => file);
    if (stale.length > 0) {
      console.error(`${stale.join(' and ')} differ from a fresh build: run scripts/build and commit dist/`);
      process.exit(1);
    }
    console.log('dist/ is fresh');
    return;
  }
  for (const warning of warnings) console.error(`scripts/single-file.mjs: warning: ${warning}`);
  mkdirSync(DIST, { recursive: true });
  for (const [file, text] of outputs) writeFileSync(join(ROOT, file), text);
  const size = (text) => Buffer.byteLength(text);
  console.log(`${OUTPUT.page}: ${size(html)} bytes (views: ${views.join(', ')}); ${OUTPUT.component}: ${size(component)} bytes`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main();
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    console.error(`scripts/single-file.mjs: ${error.message}`);
    process.exit(1);
  }
}
