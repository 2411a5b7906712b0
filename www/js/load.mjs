// @ts-check
// Starting the engine: the WebAssembly module, the ruleset and the local profile, all from this
// page's own origin.

import * as pkg from '../../pkg/waymark.js';
import { guardEngine } from './engine-guard.mjs';
import { compileEngine, loadFresh } from './engine-spare.mjs';
import { embeddedJson, embeddedWasm } from './setup/embedded.mjs';

/** @import { Description, EngineError } from '../types/waymark' */
/** @import { Engine } from '../../pkg/waymark.js' */
/** What the pages call on an engine: the module's own, or one guarded by a spare. */
/** @typedef {Pick<Engine, 'guidance' | 'assess' | 'handOn' | 'describe' | 'checkScenario'>} GuideEngine */

/** A profile is named by a file in profiles/, so a name can never reach outside that folder. */
const PROFILE_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Loads the engine with the ruleset named in the page and the profile named in the page or in
 * `?profile=`. Throws an Error whose message says what failed, in words for the page.
 *
 * A spare instance of the engine stands by, loaded now, with the page, so that a bug that stops
 * the engine costs one retried call rather than the guidance; `onRecover` is told when that
 * happens. The single file cannot load a second copy of the module (its Content-Security-Policy
 * allows only its own inline code), so there a stopped engine is reported and the page asks for
 * a reload.
 *
 * @param {Document} document
 * @param {Location} location
 * @param {(recovery: import('./engine-guard.mjs').Recovery) => void} [onRecover]
 * @returns {Promise<{ engine: GuideEngine, description: Description }>}
 */
export async function loadEngine(document, location, onRecover) {
  const rulesetUrl = meta(document, 'waymark-ruleset');
  const profileName = new URLSearchParams(location.search).get('profile') ?? meta(document, 'waymark-profile');
  if (profileName && !PROFILE_NAME.test(profileName)) {
    throw new Error(`“${profileName}” is not the name of a local profile.`);
  }
  const embedded = embeddedWasm();
  const [compiled, ruleset, profile] = await Promise.all([
    startEngine(embedded).catch((error) => {
      throw new Error(`The guidance engine (WebAssembly) could not start: ${error.message}`);
    }),
    fetchJson(rulesetUrl, 'the ruleset'),
    profileName ? fetchJson(`profiles/${profileName}.json`, `the local profile “${profileName}”`) : null,
  ]);
  /** @type {GuideEngine} */
  let engine;
  try {
    if (embedded) engine = new pkg.Engine(ruleset, profile);
    else {
      // The spare is a second instance of the module already compiled: no second download.
      const guarded = await guardEngine({ ruleset, profile, module: pkg, load: () => loadFresh(compiled), onRecover });
      await guarded.ready();
      engine = guarded;
    }
  } catch (thrown) {
    // The engine throws an EngineError; a trap (a WebAssembly.RuntimeError) has only a message.
    const error = /** @type {Partial<EngineError>} */ (thrown);
    throw new Error(`The ${error.document ?? 'ruleset'} has a problem, so the guidance cannot be trusted: ${error.message}`);
  }
  return { engine, description: engine.describe() };
}

/**
 * Starts the module's own instance: from the single file's embedded bytes, or from
 * pkg/waymark_bg.wasm, compiled once here so that a spare instance can be made from it later.
 *
 * @param {{ module_or_path: Uint8Array } | undefined} embedded
 * @returns {Promise<WebAssembly.Module | undefined>}  the compiled module, outside the single file
 */
async function startEngine(embedded) {
  if (embedded) {
    await pkg.default(embedded);
    return undefined;
  }
  const compiled = await compileEngine();
  await pkg.default({ module_or_path: compiled });
  return compiled;
}

/**
 * @param {Document} document
 * @param {string} name
 */
export function meta(document, name) {
  return document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? '';
}

/**
 * @param {string} url
 * @param {string} what
 * @returns {Promise<unknown>}  JSON, for the engine to check
 */
export async function fetchJson(url, what) {
  const embedded = embeddedJson(url);
  if (embedded !== undefined) return embedded;
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new Error(`${capitalise(what)} could not be fetched.`);
  }
  if (!response.ok) throw new Error(`${capitalise(what)} could not be fetched (${response.status}).`);
  try {
    return await response.json();
  } catch {
    throw new Error(`${capitalise(what)} is not valid JSON.`);
  }
}

/** @param {string} text */
function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
