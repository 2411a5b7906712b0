// @ts-check
// Keeps the guidance engine answering if its WebAssembly instance dies.
//
// Bad input never kills the engine: it throws an Error with `path`, `code` and `problems`. A bug
// can: the release build aborts on a panic, and the call throws a `WebAssembly.RuntimeError` (a
// trap). After a trap the instance must not be used again (a call that reaches it anyway throws
// an Error with code `engine-stopped`), so the page must load the module again and rebuild the
// Engine from the same ruleset and profile. This wrapper does that: it keeps a spare instance
// ready, swaps it in when a call traps, retries that call once, and reports that it recovered.
//
// Fresh instances come from engine-spare.mjs (`loadFresh`), or from wherever the caller says.

/** @import { Assessment, AssessOptions, Case, CompactAssessment, Description, HandedOn, ScenarioReport } from '../types/waymark' */
/** @typedef {typeof import('../../pkg/waymark.js')} WaymarkModule */
/** @typedef {import('../../pkg/waymark.js').Engine} WaymarkEngine */
import { loadFresh } from './engine-spare.mjs';
/**
 * @typedef {object} Recovery What `onRecover` is told.
 * @property {string} method The call that trapped, and succeeded on a fresh instance.
 * @property {unknown} error The trap (`WebAssembly.RuntimeError`) or `engine-stopped` Error.
 * @property {number} recoveries How many times this engine has been restarted.
 */

/**
 * Whether an error means the instance is dead (rather than the input being bad).
 *
 * @param {unknown} error
 * @returns {boolean}
 */
export function isDeadInstance(error) {
  return error instanceof WebAssembly.RuntimeError || (error instanceof Error && 'code' in error && error.code === 'engine-stopped');
}

/**
 * Builds an Engine that survives the death of its instance. Throws as `new Engine` does when
 * the ruleset or profile is bad.
 *
 * @param {object} options
 * @param {unknown} options.ruleset The ruleset, as `new Engine(ruleset, profile)` takes it
 *   (checked by the engine).
 * @param {unknown} [options.profile] The local profile, if any.
 * @param {WaymarkModule} [options.module] An initialised copy to start with, such as the one
 *   the page has already loaded (default: a fresh one).
 * @param {() => Promise<WaymarkModule>} [options.load] Where fresh copies come from (default:
 *   `loadFresh`; tests pass their own).
 * @param {(recovery: Recovery) => void} [options.onRecover] Told each time the engine is
 *   restarted (default: a console warning).
 * @returns {Promise<GuardedEngine>}
 */
export async function guardEngine({ ruleset, profile = null, module, load = loadFresh, onRecover = warnRecovered }) {
  const first = module ?? (await load());
  return new GuardedEngine(first, ruleset, profile, load, onRecover);
}

/** @param {Recovery} recovery */
function warnRecovered(recovery) {
  console.warn(`Waymark: the guidance engine stopped during ${recovery.method} and was restarted.`, recovery.error);
}

/** The engine's methods, each retried once on a fresh instance if the call traps. */
export class GuardedEngine {
  /** @type {WaymarkModule} */ #module;
  /** @type {WaymarkEngine} */ #engine;
  /** @type {WaymarkModule | null} */ #spare = null;
  /** @type {Promise<void>} */ #spareLoading = Promise.resolve();
  #loading = false;
  #ruleset;
  #profile;
  #load;
  #onRecover;
  /** How many times the engine has been restarted. */
  recoveries = 0;

  /**
   * @param {WaymarkModule} module
   * @param {unknown} ruleset
   * @param {unknown} profile
   * @param {() => Promise<WaymarkModule>} load
   * @param {(recovery: Recovery) => void} onRecover
   */
  constructor(module, ruleset, profile, load, onRecover) {
    this.#module = module;
    this.#ruleset = ruleset;
    this.#profile = profile;
    this.#load = load;
    this.#onRecover = onRecover;
    this.#engine = new module.Engine(ruleset, profile);
    this.#prepareSpare();
  }

  /**
   * @param {Case} case_
   * @param {AssessOptions} [options]
   * @returns {Assessment}
   */
  assess(case_, options) {
    return this.#call('assess', (engine) => engine.assess(case_, options));
  }

  /**
   * @param {Case} case_
   * @param {AssessOptions} [options]
   * @returns {CompactAssessment}
   */
  guidance(case_, options) {
    return this.#call('guidance', (engine) => engine.guidance(case_, options));
  }

  /**
   * @param {Case} case_
   * @param {string} livesWith
   * @param {string} notes
   * @param {boolean} sources
   * @returns {HandedOn}
   */
  handOn(case_, livesWith, notes, sources) {
    return this.#call('handOn', (engine) => engine.handOn(case_, livesWith, notes, sources));
  }

  /** @returns {Description} */
  describe() {
    return this.#call('describe', (engine) => engine.describe());
  }

  /**
   * @param {unknown} scenario
   * @returns {ScenarioReport}
   */
  checkScenario(scenario) {
    return this.#call('checkScenario', (engine) => engine.checkScenario(scenario));
  }

  /** @returns {string} */
  version() {
    return this.#module.version();
  }

  /** Resolves once a spare instance is ready (it is loaded in the background). */
  ready() {
    return this.#spareLoading;
  }

  /**
   * Restarts the engine now, waiting for a spare if none is ready: for a page that caught an
   * `engine-restarting` Error and wants to try again.
   */
  async recover() {
    this.#prepareSpare();
    await this.#spareLoading;
    if (!this.#spare) throw new Error('The guidance engine could not be loaded again: reload the page.');
    this.#swap();
  }

  /**
   * @template T
   * @param {string} method
   * @param {(engine: WaymarkEngine) => T} call
   * @returns {T}
   */
  #call(method, call) {
    try {
      return call(this.#engine);
    } catch (error) {
      if (!isDeadInstance(error)) throw error;
      if (!this.#spare) {
        this.#prepareSpare();
        throw Object.assign(new Error('The guidance engine stopped and is restarting: try again in a moment.', { cause: error }), {
          code: 'engine-restarting',
          path: '',
        });
      }
      this.#swap();
      const result = call(this.#engine);
      this.#onRecover({ method, error, recoveries: this.recoveries });
      return result;
    }
  }

  /** Puts the spare instance in place of the dead one, with the Engine rebuilt on it. */
  #swap() {
    const spare = /** @type {WaymarkModule} */ (this.#spare);
    this.#spare = null;
    this.#engine = new spare.Engine(this.#ruleset, this.#profile);
    this.#module = spare;
    this.recoveries += 1;
    this.#prepareSpare();
  }

  /** Loads a spare instance in the background, unless one is ready or on its way. */
  #prepareSpare() {
    if (this.#spare || this.#loading) return;
    this.#loading = true;
    this.#spareLoading = this.#load()
      .then(
        (module) => {
          this.#spare = module;
        },
        (error) => {
          console.warn('Waymark: a spare guidance engine could not be loaded.', error);
        },
      )
      .finally(() => {
        this.#loading = false;
      });
  }
}
