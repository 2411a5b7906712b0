// @ts-check
// Starting the engine: the WebAssembly module, the ruleset and the local profile, all from this
// page's own origin.

import init, { Engine } from '../../pkg/waymark.js';
import { embeddedJson, embeddedWasm } from './setup/embedded.mjs';

/** @import { Description, EngineError } from '../types/waymark' */

/** A profile is named by a file in profiles/, so a name can never reach outside that folder. */
const PROFILE_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Loads the engine with the ruleset named in the page and the profile named in the page or in
 * `?profile=`. Throws an Error whose message says what failed, in words for the page.
 *
 * @param {Document} document
 * @param {Location} location
 * @returns {Promise<{ engine: Engine, description: Description }>}
 */
export async function loadEngine(document, location) {
  const rulesetUrl = meta(document, 'waymark-ruleset');
  const profileName = new URLSearchParams(location.search).get('profile') ?? meta(document, 'waymark-profile');
  if (profileName && !PROFILE_NAME.test(profileName)) {
    throw new Error(`“${profileName}” is not the name of a local profile.`);
  }
  const [, ruleset, profile] = await Promise.all([
    init(embeddedWasm()).catch((error) => {
      throw new Error(`The guidance engine (WebAssembly) could not start: ${error.message}`);
    }),
    fetchJson(rulesetUrl, 'the ruleset'),
    profileName ? fetchJson(`profiles/${profileName}.json`, `the local profile “${profileName}”`) : null,
  ]);
  let engine;
  try {
    engine = new Engine(ruleset, profile);
  } catch (thrown) {
    // The engine throws an EngineError; a trap (a WebAssembly.RuntimeError) has only a message.
    const error = /** @type {Partial<EngineError>} */ (thrown);
    throw new Error(`The ${error.document ?? 'ruleset'} has a problem, so the guidance cannot be trusted: ${error.message}`);
  }
  return { engine, description: engine.describe() };
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
