// @ts-check
// A training run: the scenario being played, where the trainer is in it, and what the room
// decided at each time point. It is kept in this tab's sessionStorage so a reload does not lose
// it, and can be downloaded as a file to reopen later. Everything here is checked as strictly
// as the engine checks its own documents: every problem is reported with its path.

/** The `format` of a downloaded training run. */
export const RUN_FORMAT = 'waymark-training-run/1';
/** The `format` of a scenario the engine reads. */
export const SCENARIO_FORMAT = 'waymark-scenario/1';

const STORAGE_KEY = 'waymark-training-run';

/** @import { Description, EngineError, Scenario, ScenarioReport } from '../../types/waymark' */
/** @typedef {Pick<import('../../../pkg/waymark.js').Engine, 'assess' | 'checkScenario'>} Engine */

/** The stages of one time point, in the order the trainer reveals them. */
export const STAGES = [
  { id: 'known', name: 'What was known' },
  { id: 'decide', name: 'The room decides' },
  { id: 'happened', name: 'What happened' },
  { id: 'engine', name: 'The engine’s guidance' },
  { id: 'review', name: 'What the review says' },
];

/**
 * @typedef {object} Decision  what the room decided at one time point
 * @property {string} level  a level id, or "" when the room has not decided
 * @property {string[]} routes  referral route ids, in the ruleset's order
 * @property {'' | 'yes' | 'no'} escalation
 * @property {string} note
 */

/**
 * @typedef {object} Run
 * @property {string} format
 * @property {string} ruleset  the ruleset id the run was played with
 * @property {string} origin  the bundled file or the opened file the scenario came from
 * @property {{ point: number, stage: string } | 'debrief'} at
 * @property {Record<string, Decision>} decisions  by time point id
 * @property {Scenario} scenario  the whole scenario, so a downloaded run opens anywhere
 */

/**
 * @typedef {object} Problem
 * @property {string} path  where in the file, as the engine writes paths: `timePoints[2].case.asOf`
 * @property {string} message
 */

/** Thrown when a file or a scenario cannot be used; `problems` says every reason and where. */
export class FileProblems extends Error {
  /**
   * @param {string} message
   * @param {Problem[]} problems
   */
  constructor(message, problems) {
    super(message);
    this.problems = problems;
  }
}

/**
 * A new run of a checked scenario, at its first stage.
 *
 * @param {Scenario} scenario
 * @param {string} rulesetId
 * @param {string} origin
 * @returns {Run}
 */
export function newRun(scenario, rulesetId, origin) {
  return { format: RUN_FORMAT, ruleset: rulesetId, origin, at: { point: 0, stage: STAGES[0].id }, decisions: {}, scenario };
}

/** @returns {Decision} */
export function emptyDecision() {
  return { level: '', routes: [], escalation: '', note: '' };
}

/**
 * Whether the room recorded anything at all.
 *
 * @param {Decision | undefined} decision
 */
export function decided(decision) {
  return Boolean(decision && (decision.level || decision.routes.length > 0 || decision.escalation || decision.note.trim()));
}

// --- Position ------------------------------------------------------------------------------

/**
 * The run's place as one number: point × stages + stage, and the debrief after the last.
 *
 * @param {Run} run
 */
export function position(run) {
  if (run.at === 'debrief') return run.scenario.timePoints.length * STAGES.length;
  const at = run.at;
  return at.point * STAGES.length + STAGES.findIndex((stage) => stage.id === at.stage);
}

/**
 * Moves the run to a place, kept within the first stage and the debrief.
 *
 * @param {Run} run
 * @param {number} place
 */
export function moveTo(run, place) {
  const last = run.scenario.timePoints.length * STAGES.length;
  const clamped = Math.max(0, Math.min(last, place));
  run.at = clamped === last ? 'debrief' : { point: Math.floor(clamped / STAGES.length), stage: STAGES[clamped % STAGES.length].id };
}

// --- Checking a scenario -------------------------------------------------------------------

/**
 * Checks a scenario as the trainer view needs it, with every problem and its path: the engine's
 * own check (`checkScenario`, which throws for a malformed file), then what the view relies on
 * (the format and ruleset, time points with distinct ids, cases the engine assesses, ids the
 * ruleset has). Differences between the engine's guidance and the scenario's expectations are
 * not problems with the file; they come back as `warnings`.
 *
 * @param {Engine} engine
 * @param {Description} description  `engine.describe()`
 * @param {unknown} value  parsed JSON
 * @returns {{ report: ScenarioReport, warnings: Problem[] }}
 */
export function checkScenario(engine, description, value) {
  /** @type {Problem[]} */
  const problems = [];
  let report;
  try {
    report = engine.checkScenario(value);
  } catch (thrown) {
    // The engine throws an EngineError; a trap (a WebAssembly.RuntimeError) has only a message.
    const error = /** @type {Partial<EngineError> & Error} */ (thrown);
    const listed = Array.isArray(error.problems) && error.problems.length > 0 ? error.problems : [{ path: error.path ?? '', message: error.message }];
    throw new FileProblems('The scenario is not valid', listed.map((/** @type {{ path: string, message: string }} */ problem) => ({ path: problem.path || '(the whole file)', message: problem.message })));
  }
  // The engine has read it as a scenario.
  const scenario = /** @type {Scenario} */ (value);
  if (scenario.format !== SCENARIO_FORMAT) problems.push({ path: 'format', message: `expected "${SCENARIO_FORMAT}", found ${JSON.stringify(scenario.format)}` });
  if (scenario.ruleset !== description.ruleset.id) {
    problems.push({ path: 'ruleset', message: `written for the ruleset "${scenario.ruleset}", but this page uses "${description.ruleset.id}"` });
  }
  if (scenario.timePoints.length === 0) problems.push({ path: 'timePoints', message: 'there are no time points' });

  const levels = new Set(description.levels.map((level) => level.id));
  const routes = new Set(description.routes.map((route) => route.id));
  // A time point id given twice is refused by the engine's reading of the scenario, above.
  scenario.timePoints.forEach((point, i) => {
    const at = `timePoints[${i}]`;
    try {
      engine.assess(point.case, { trace: false });
    } catch (thrown) {
      const error = /** @type {Partial<EngineError> & Error} */ (thrown);
      for (const problem of error.problems ?? [{ path: error.path, message: error.message }]) {
        problems.push({ path: `${at}.case${problem.path ? `.${problem.path}` : ''}`, message: problem.message });
      }
    }
    const known = (/** @type {Set<string>} */ set, /** @type {string} */ path, /** @type {string | null | undefined} */ id, /** @type {string} */ what) => {
      if (typeof id === 'string' && !set.has(id)) problems.push({ path, message: `unknown ${what} "${id}"` });
    };
    known(levels, `${at}.actual.level`, point.actual?.level, 'level');
    (point.actual?.routes ?? []).forEach((/** @type {string} */ id, /** @type {number} */ j) => known(routes, `${at}.actual.routes[${j}]`, id, 'route'));
    known(levels, `${at}.expect.level.atLeast`, point.expect?.level?.atLeast, 'level');
    known(levels, `${at}.expect.level.atMost`, point.expect?.level?.atMost, 'level');
    for (const list of /** @type {const} */ (['include', 'exclude'])) {
      (point.expect?.routes?.[list] ?? []).forEach((/** @type {string} */ id, /** @type {number} */ j) => known(routes, `${at}.expect.routes.${list}[${j}]`, id, 'route'));
    }
  });
  if (problems.length > 0) throw new FileProblems('The scenario cannot be used', problems);

  // What is left are the engine's disagreements with the expectations. One naming something
  // the ruleset does not have is a mistake in the file; the rest are worth knowing, not fatal.
  /** @type {Problem[]} */
  const warnings = [];
  report.timePoints.forEach((point, i) => {
    for (const failure of point.failures) {
      const split = /^([A-Za-z][\w.[\]-]*): (.*)$/.exec(failure);
      const problem = split ? { path: `timePoints[${i}].${split[1].replace(/^timePoints\[\d+\]\./, '')}`, message: split[2] } : { path: `timePoints[${i}].expect`, message: failure };
      if (/\bunknown\b/.test(failure)) problems.push(problem);
      else warnings.push(problem);
    }
  });
  if (problems.length > 0) throw new FileProblems('The scenario cannot be used', problems);
  return { report, warnings };
}

// --- Files -------------------------------------------------------------------------------

/**
 * What a file opened in the trainer view holds: a scenario, or a training run saved earlier.
 * Throws `FileProblems` naming each problem and its path.
 *
 * @param {ArrayBuffer} bytes  the file as it is
 * @param {Engine} engine
 * @param {Description} description
 * @returns {{ kind: 'scenario', scenario: Scenario, warnings: Problem[] } | { kind: 'run', run: Run, warnings: Problem[] }}
 */
export function readFile(bytes, engine, description) {
  let text;
  try {
    // Strictly: a file that is not UTF-8 is refused, never read with its bad bytes replaced.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FileProblems('The file is not text', [{ path: '(the whole file)', message: 'not UTF-8 text: a scenario or training run is a JSON file' }]);
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FileProblems('The file is not JSON', [{ path: '(the whole file)', message: `not valid JSON: ${error instanceof Error ? error.message : error}` }]);
  }
  if (value && typeof value === 'object' && value.format === RUN_FORMAT) {
    const run = checkRun(value, engine, description);
    return { kind: 'run', run: run.run, warnings: run.warnings };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new FileProblems('The file is not a scenario', [{ path: '(the whole file)', message: 'expected a scenario or a training run (a JSON object)' }]);
  }
  if (typeof value.format === 'string' && value.format !== SCENARIO_FORMAT) {
    throw new FileProblems('The file is not a scenario', [{ path: 'format', message: `expected "${SCENARIO_FORMAT}" or "${RUN_FORMAT}", found "${value.format}"` }]);
  }
  const { warnings } = checkScenario(engine, description, value);
  return { kind: 'scenario', scenario: /** @type {Scenario} */ (value), warnings };
}

/**
 * Checks a training run read from a file or from this tab's storage.
 *
 * @param {any} value  parsed JSON (as JSON.parse types it), checked here field by field: the one
 *   `any` left, as TypeScript cannot follow this validator's checks through an `unknown`
 * @param {Engine} engine
 * @param {Description} description
 * @returns {{ run: Run, warnings: Problem[] }}
 */
export function checkRun(value, engine, description) {
  /** @type {Problem[]} */
  const problems = [];
  const allowed = ['format', 'ruleset', 'origin', 'at', 'decisions', 'scenario'];
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) problems.push({ path: key, message: `unknown field "${key}"; expected one of: ${allowed.join(', ')}` });
  }
  for (const key of allowed) if (!(key in value)) problems.push({ path: '(the whole file)', message: `missing field "${key}"` });
  if (problems.length > 0) throw new FileProblems('The training run is not valid', problems);
  if (value.ruleset !== description.ruleset.id) {
    problems.push({ path: 'ruleset', message: `played with the ruleset ${JSON.stringify(value.ruleset)}, but this page uses "${description.ruleset.id}"` });
  }
  if (typeof value.origin !== 'string') problems.push({ path: 'origin', message: 'expected a string' });

  /** @type {Problem[]} */
  let warnings = [];
  try {
    warnings = checkScenario(engine, description, value.scenario).warnings;
  } catch (error) {
    if (!(error instanceof FileProblems)) throw error;
    throw new FileProblems('The scenario in the training run is not valid', error.problems.map((problem) => ({ ...problem, path: problem.path.startsWith('(') ? 'scenario' : `scenario.${problem.path}` })));
  }
  /** @type {Scenario['timePoints']} the engine has read the scenario */
  const points = value.scenario.timePoints;
  const ids = points.map((point) => point.id);

  const at = value.at;
  if (at !== 'debrief') {
    if (!at || typeof at !== 'object' || Array.isArray(at)) problems.push({ path: 'at', message: 'expected "debrief" or {"point", "stage"}' });
    else {
      for (const key of Object.keys(at)) if (key !== 'point' && key !== 'stage') problems.push({ path: `at.${key}`, message: `unknown field "${key}"; expected one of: point, stage` });
      if (!Number.isInteger(at.point) || at.point < 0 || at.point >= points.length) problems.push({ path: 'at.point', message: `expected a time point from 0 to ${points.length - 1}` });
      if (!STAGES.some((stage) => stage.id === at.stage)) problems.push({ path: 'at.stage', message: `expected one of: ${STAGES.map((stage) => stage.id).join(', ')}` });
    }
  }

  const levels = new Set(description.levels.map((level) => level.id));
  const routes = description.routes.map((route) => route.id);
  const decisions = value.decisions;
  if (!decisions || typeof decisions !== 'object' || Array.isArray(decisions)) {
    problems.push({ path: 'decisions', message: 'expected an object of time point id → decision' });
  } else {
    for (const [id, decision] of Object.entries(decisions)) {
      const path = `decisions.${id}`;
      if (!ids.includes(id)) problems.push({ path, message: `"${id}" is not a time point of the scenario` });
      if (!decision || typeof decision !== 'object' || Array.isArray(decision)) {
        problems.push({ path, message: 'expected an object with level, routes, escalation and note' });
        continue;
      }
      for (const key of Object.keys(decision)) {
        if (!['level', 'routes', 'escalation', 'note'].includes(key)) problems.push({ path: `${path}.${key}`, message: `unknown field "${key}"; expected one of: level, routes, escalation, note` });
      }
      if (typeof decision.level !== 'string' || (decision.level !== '' && !levels.has(decision.level))) problems.push({ path: `${path}.level`, message: `unknown level ${JSON.stringify(decision.level)}` });
      if (!Array.isArray(decision.routes)) problems.push({ path: `${path}.routes`, message: 'expected a list of route ids' });
      else {
        decision.routes.forEach((/** @type {unknown} */ route, /** @type {number} */ j) => {
          if (!routes.some((id) => id === route)) problems.push({ path: `${path}.routes[${j}]`, message: `unknown route ${JSON.stringify(route)}` });
        });
      }
      if (!['', 'yes', 'no'].includes(decision.escalation)) problems.push({ path: `${path}.escalation`, message: 'expected "yes", "no" or ""' });
      if (typeof decision.note !== 'string') problems.push({ path: `${path}.note`, message: 'expected text' });
    }
  }
  if (problems.length > 0) throw new FileProblems('The training run is not valid', problems);
  return { run: /** @type {Run} */ ({ format: RUN_FORMAT, ruleset: value.ruleset, origin: value.origin, at: value.at, decisions: value.decisions, scenario: value.scenario }), warnings };
}

/**
 * The run as a file: the same fields in the same order every time, so downloading a reopened
 * run gives the same bytes.
 *
 * @param {Run} run
 */
export function runFileText(run) {
  const { format, ruleset, origin, at, decisions, scenario } = run;
  return `${JSON.stringify({ format, ruleset, origin, at, decisions, scenario }, null, 2)}\n`;
}

// --- This tab's copy ----------------------------------------------------------------------

/** @param {Run} run */
export function saveRun(run) {
  try {
    sessionStorage.setItem(STORAGE_KEY, runFileText(run));
  } catch {
    // Storage full or refused: the run goes on; only a reload would lose it.
  }
}

/** The run kept in this tab, as text, or null. */
export function storedRun() {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function eraseRun() {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing was kept.
  }
}
