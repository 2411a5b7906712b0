// @ts-check
// What a screen shows of a training run, as plain data: only what has been revealed so far, so
// the audience window can be sent exactly this and never hold a spoiler. The comparisons between
// the room, what happened, the engine and the review are worked out here too.

import { longDate, sourceText, urgencyText } from '../dom.mjs';
import { STAGES, decided, position } from './run.mjs';

/** @import { Assessment, Description, Scenario, ScenarioCitation, ScenarioTimePoint } from '../../types/waymark' */

/**
 * @typedef {object} Context  what the view is drawn from, besides the run
 * @property {Description} description  `engine.describe()`
 * @property {Assessment[]} assessments  the engine's guidance for each time point, in order
 */

/**
 * What a screen shows, as sent to the audience window.
 *
 * @typedef {ReturnType<typeof buildView> | ReturnType<typeof introView> | ReturnType<typeof waitingView>} View
 * @typedef {Extract<View, { screen: 'run' }>} RunView
 * @typedef {Extract<View, { screen: 'debrief' }>} DebriefView
 * @typedef {ReturnType<typeof introView>} IntroView
 */

/** The four points of view, in the order they are revealed. */
export const COLUMNS = [
  { key: 'room', label: 'The room', stage: 1 },
  { key: 'happened', label: 'What happened', stage: 2 },
  { key: 'engine', label: 'The engine', stage: 3 },
  { key: 'review', label: 'The review', stage: 4 },
];

/** The three things compared, in the order the table shows them. */
export const ROWS = [
  { key: 'level', label: 'Level of need' },
  { key: 'routes', label: 'Who to tell' },
  { key: 'escalation', label: 'Escalate' },
];

/**
 * @typedef {{ kind: 'point', id: string, rank: number } | { kind: 'bounds', min: number, max: number } | null} LevelValue
 * @typedef {{ kind: 'set', ids: string[] } | { kind: 'required', include: string[], exclude: string[] } | null} RoutesValue
 * @typedef {{ level: LevelValue, routes: RoutesValue, escalation: boolean | null, text: Record<string, string[]> }} Point
 *   one point of view at one time point: values to compare and the lines to show
 */

/**
 * The view for the run as it stands.
 *
 * @param {import('./run.mjs').Run} run
 * @param {Context} context
 */
export function buildView(run, context) {
  const scenario = run.scenario;
  const heading = { id: scenario.id, title: scenario.title };
  if (run.at === 'debrief') return { screen: /** @type {const} */ ('debrief'), scenario: heading, debrief: debrief(run, context) };
  const { point: index, stage: stageId } = run.at;
  const stage = STAGES.findIndex((s) => s.id === stageId);
  const point = scenario.timePoints[index];
  const count = scenario.timePoints.length;
  const place = position(run);
  return {
    screen: /** @type {const} */ ('run'),
    scenario: heading,
    place,
    point: { index, number: index + 1, count, id: point.id, title: point.title, date: longDate(point.case.asOf), narrative: point.narrative },
    stage,
    stages: STAGES.map((s, i) => ({ id: s.id, name: s.name, state: i < stage ? 'done' : i === stage ? 'current' : 'todo' })),
    chronology: scenario.timePoints.slice(0, index + 1).map((p, i) => ({
      number: i + 1,
      date: longDate(p.case.asOf),
      title: p.title,
      current: i === index,
      happened: i < index || stage >= 2 ? p.whatHappened : null,
    })),
    room: stage >= 1 ? roomView(run.decisions[point.id], context.description) : null,
    happened: stage >= 2 ? { text: point.whatHappened } : null,
    engine: stage >= 3 ? engineView(context.assessments[index]) : null,
    review: stage >= 4 ? reviewView(point, context.description) : null,
    compare: stage >= 2 ? compare(pointsOfView(run, context, index), stage, context.description) : null,
    announce: `Time point ${index + 1} of ${count}: ${point.title}. Stage ${stage + 1} of ${STAGES.length}: ${STAGES[stage].name}.`,
  };
}

/**
 * What the audience sees before a run starts: the case review chosen, and nothing of its time
 * points but their number.
 *
 * @param {Scenario} scenario
 * @param {Description} description
 */
export function introView(scenario, description) {
  return {
    screen: /** @type {const} */ ('intro'),
    scenario: { id: scenario.id, title: scenario.title, summary: scenario.summary, sources: citations(scenario.sources, description), count: scenario.timePoints.length },
    announce: `Case review chosen: ${scenario.title}.`,
  };
}

/** Before anything is chosen. */
export function waitingView() {
  return { screen: /** @type {const} */ ('waiting'), announce: 'Waiting for the trainer.' };
}

// --- Each point of view --------------------------------------------------------------------

/**
 * A scenario's citations in words, one line a document: "Title, lines 65-66; line 48".
 *
 * @param {ScenarioCitation[]} sources  citations from a scenario
 * @param {Description} description
 * @returns {string[]}
 */
export function citations(sources, description) {
  /** @type {Map<string, string[]>} */
  const byDocument = new Map();
  for (const source of sources) {
    const known = description.sources.find((s) => s.id === source.source);
    const title = known ? known.title : source.source;
    const where = source.lines ? `${/[-,]/.test(source.lines) ? 'lines' : 'line'} ${source.lines}` : source.section ?? '';
    const places = byDocument.get(title) ?? [];
    if (where) places.push(where);
    byDocument.set(title, places);
  }
  return [...byDocument].map(([title, places]) => (places.length > 0 ? `${title}, ${places.join('; ')}` : title));
}

/**
 * @param {Description} description
 * @param {string} id
 */
function levelOf(description, id) {
  return description.levels.find((level) => level.id === id);
}

/**
 * Route ids as names, in the ruleset's order.
 *
 * @param {Description} description
 * @param {string[]} ids
 */
function routeNames(description, ids) {
  return description.routes.filter((route) => ids.includes(route.id)).map((route) => route.name);
}

/**
 * @param {import('./run.mjs').Decision | undefined} decision
 * @param {Description} description
 */
function roomView(decision, description) {
  if (!decided(decision)) return { decided: false, level: null, routes: [], escalation: null, note: '' };
  const d = /** @type {import('./run.mjs').Decision} */ (decision);
  return {
    decided: true,
    level: d.level ? levelOf(description, d.level)?.name ?? d.level : null,
    routes: routeNames(description, d.routes),
    escalation: d.escalation === 'yes' ? 'Yes' : d.escalation === 'no' ? 'No' : null,
    note: d.note.trim(),
  };
}

/**
 * @param {import('./run.mjs').Decision | undefined} decision
 * @param {Description} description
 * @returns {Point}
 */
function roomPoint(decision, description) {
  const none = { level: null, routes: null, escalation: null, text: { level: ['Not decided'], routes: ['Not decided'], escalation: ['Not decided'] } };
  if (!decided(decision)) return none;
  const d = /** @type {import('./run.mjs').Decision} */ (decision);
  const level = d.level ? levelOf(description, d.level) : null;
  // The room has decided who to tell once it has chosen a level or a route: "nobody" is a choice.
  const routesDecided = Boolean(d.level) || d.routes.length > 0;
  return {
    level: level ? { kind: 'point', id: level.id, rank: level.rank } : null,
    routes: routesDecided ? { kind: 'set', ids: d.routes } : null,
    escalation: d.escalation === '' ? null : d.escalation === 'yes',
    text: {
      level: [level ? level.name : 'Not decided'],
      routes: routesDecided ? listOrNobody(routeNames(description, d.routes)) : ['Not decided'],
      escalation: [d.escalation === 'yes' ? 'Yes' : d.escalation === 'no' ? 'No' : 'Not decided'],
    },
  };
}

/**
 * @param {ScenarioTimePoint} point  a time point of the scenario
 * @param {Description} description
 * @returns {Point}
 */
function happenedPoint(point, description) {
  const actual = point.actual ?? {};
  const level = actual.level ? levelOf(description, actual.level) : null;
  return {
    level: level ? { kind: 'point', id: level.id, rank: level.rank } : null,
    routes: Array.isArray(actual.routes) ? { kind: 'set', ids: actual.routes } : null,
    escalation: typeof actual.escalation === 'boolean' ? actual.escalation : null,
    text: {
      level: [level ? level.name : 'Not recorded'],
      routes: Array.isArray(actual.routes) ? listOrNobody(routeNames(description, actual.routes)) : ['Not recorded'],
      escalation: [typeof actual.escalation === 'boolean' ? (actual.escalation ? 'Yes' : 'No') : 'Not recorded'],
    },
  };
}

/**
 * @param {Assessment} assessment
 * @returns {Point}
 */
function enginePoint(assessment) {
  const routes = assessment.referrals.map((referral) => referral.route);
  return {
    level: { kind: 'point', id: assessment.level.id, rank: assessment.level.rank },
    routes: { kind: 'set', ids: routes },
    escalation: Boolean(assessment.escalation),
    text: {
      level: [assessment.level.name, ...(assessment.immediateDanger ? ['Call 999 now'] : [])],
      routes: listOrNobody(assessment.referrals.map((referral) => referral.name)),
      escalation: [assessment.escalation ? 'Yes' : 'No'],
    },
  };
}

/**
 * What the review's learning means for the decision, as the scenario's expectations record it.
 *
 * @param {ScenarioTimePoint} point
 * @param {Description} description
 * @returns {Point}
 */
function reviewPoint(point, description) {
  const expect = point.expect ?? {};
  const least = expect.level?.atLeast ? levelOf(description, expect.level.atLeast) : null;
  const most = expect.level?.atMost ? levelOf(description, expect.level.atMost) : null;
  const include = expect.routes?.include ?? [];
  const exclude = expect.routes?.exclude ?? [];
  const levelText = least && most ? (least.id === most.id ? least.name : `From ${least.name} to ${most.name}`) : least ? `At least ${least.name}` : most ? `At most ${most.name}` : 'Not set';
  const routesText = [
    ...(include.length > 0 ? [`Should include: ${routeNames(description, include).join(', ')}`] : []),
    ...(exclude.length > 0 ? [`Should not include: ${routeNames(description, exclude).join(', ')}`] : []),
  ];
  return {
    level: least || most ? { kind: 'bounds', min: least?.rank ?? -Infinity, max: most?.rank ?? Infinity } : null,
    routes: include.length > 0 || exclude.length > 0 ? { kind: 'required', include, exclude } : null,
    escalation: typeof expect.escalation === 'boolean' ? expect.escalation : null,
    text: {
      level: [levelText],
      routes: routesText.length > 0 ? routesText : ['Not set'],
      escalation: [typeof expect.escalation === 'boolean' ? (expect.escalation ? 'Yes' : 'No') : 'Not set'],
    },
  };
}

/** @param {string[]} names */
function listOrNobody(names) {
  return names.length > 0 ? names : ['Nobody'];
}

/**
 * The four points of view at one time point.
 *
 * @param {import('./run.mjs').Run} run
 * @param {Context} context
 * @param {number} index
 * @returns {Record<string, Point>}
 */
function pointsOfView(run, context, index) {
  const point = run.scenario.timePoints[index];
  return {
    room: roomPoint(run.decisions[point.id], context.description),
    happened: happenedPoint(point, context.description),
    engine: enginePoint(context.assessments[index]),
    review: reviewPoint(point, context.description),
  };
}

// --- Comparing ------------------------------------------------------------------------------

/**
 * Whether two levels differ: two levels differ when they are not the same; a level differs from
 * the review's bounds when it is outside them; two sets of bounds are not compared.
 *
 * @param {LevelValue} a
 * @param {LevelValue} b
 */
function levelsDiffer(a, b) {
  if (!a || !b) return false;
  if (a.kind === 'point' && b.kind === 'point') return a.id !== b.id;
  if (a.kind === 'point' && b.kind === 'bounds') return a.rank < b.min || a.rank > b.max;
  if (a.kind === 'bounds' && b.kind === 'point') return levelsDiffer(b, a);
  return false;
}

/**
 * How two sets of routes differ, as the routes each has that the other lacks; a set differs from
 * the review's when it lacks a route the review expects or has one it rules out.
 *
 * @param {RoutesValue} a
 * @param {RoutesValue} b
 * @returns {{ onlyA: string[], onlyB: string[] } | null}  null when they do not differ
 */
function routesDiffer(a, b) {
  if (!a || !b) return null;
  if (a.kind === 'set' && b.kind === 'set') {
    const onlyA = a.ids.filter((id) => !b.ids.includes(id));
    const onlyB = b.ids.filter((id) => !a.ids.includes(id));
    return onlyA.length > 0 || onlyB.length > 0 ? { onlyA, onlyB } : null;
  }
  if (a.kind === 'set' && b.kind === 'required') {
    const missing = b.include.filter((id) => !a.ids.includes(id));
    const excluded = b.exclude.filter((id) => a.ids.includes(id));
    return missing.length > 0 || excluded.length > 0 ? { onlyA: excluded, onlyB: missing } : null;
  }
  if (a.kind === 'required' && b.kind === 'set') {
    const found = routesDiffer(b, a);
    return found ? { onlyA: found.onlyB, onlyB: found.onlyA } : null;
  }
  return null;
}

/**
 * The comparison table for the columns revealed by `stage` (all four in the debrief): each
 * cell's lines and the columns it differs from, and each difference in words.
 *
 * @param {Record<string, Point>} points
 * @param {number} stage
 * @param {Description} [description]  route names for the sentences; ids are used without it
 */
export function compare(points, stage, description) {
  const shown = COLUMNS.filter((column) => column.stage <= stage);
  /** @type {string[]} */
  const differences = [];
  /** @type {Record<string, Record<string, string[]>>} column → row → labels it differs from */
  const flags = Object.fromEntries(shown.map((column) => [column.key, { level: [], routes: [], escalation: [] }]));
  for (let i = 0; i < shown.length; i++) {
    for (let j = i + 1; j < shown.length; j++) {
      const [a, b] = [shown[i], shown[j]];
      const [pa, pb] = [points[a.key], points[b.key]];
      const mark = (/** @type {string} */ row, /** @type {string} */ sentence) => {
        flags[a.key][row].push(b.label);
        flags[b.key][row].push(a.label);
        differences.push(sentence);
      };
      if (levelsDiffer(pa.level, pb.level)) {
        mark('level', `Level of need: ${LEVEL_PHRASE[a.key](pa.text.level[0])}, but ${LEVEL_PHRASE[b.key](pb.text.level[0])}.`);
      }
      const routes = routesDiffer(pa.routes, pb.routes);
      if (routes) mark('routes', `Who to tell: ${routesSentence(a, b, pa, pb, routes, description)}`);
      if (pa.escalation !== null && pb.escalation !== null && pa.escalation !== pb.escalation) {
        mark('escalation', `Escalate: ${ESCALATION_PHRASE[a.key][pa.escalation ? 0 : 1]}, but ${ESCALATION_PHRASE[b.key][pb.escalation ? 0 : 1]}.`);
      }
    }
  }
  return {
    columns: shown.map((column) => ({
      key: column.key,
      label: column.label,
      cells: Object.fromEntries(ROWS.map((row) => [row.key, { lines: points[column.key].text[row.key], differsFrom: flags[column.key][row.key] }])),
    })),
    differences,
  };
}

/** Who each point of view is, in a sentence. */
const SUBJECT = /** @type {Record<string, string>} */ ({ room: 'the room', happened: 'the decision at the time', engine: 'the engine', review: 'the review' });

/** A level from each point of view, in a sentence. */
const LEVEL_PHRASE = /** @type {Record<string, (text: string) => string>} */ ({
  room: (text) => `the room chose ${text}`,
  happened: (text) => `the decision at the time was ${text}`,
  engine: (text) => `the engine gives ${text}`,
  review: (text) => `the review expects ${lower(text)}`,
});

/** Escalating or not from each point of view, in a sentence: [yes, no]. */
const ESCALATION_PHRASE = /** @type {Record<string, [string, string]>} */ ({
  room: ['the room would escalate', 'the room would not escalate'],
  happened: ['at the time it was escalated', 'at the time it was not escalated'],
  engine: ['the engine says escalate', 'the engine does not call for escalation'],
  review: ['the review expects escalation', 'the review expects no escalation'],
});

/**
 * @param {{ key: string, label: string }} a
 * @param {{ key: string, label: string }} b
 * @param {Point} pa
 * @param {Point} pb
 * @param {{ onlyA: string[], onlyB: string[] }} routes
 * @param {Description} [description]
 */
function routesSentence(a, b, pa, pb, routes, description) {
  const names = (/** @type {string[]} */ ids) => (description ? routeNames(description, ids) : ids).join(', ');
  const required = pa.routes?.kind === 'required' || pb.routes?.kind === 'required';
  const parts = [];
  if (!required) {
    if (routes.onlyB.length > 0) parts.push(`${SUBJECT[b.key]} names ${names(routes.onlyB)}, which ${SUBJECT[a.key]} did not`);
    if (routes.onlyA.length > 0) parts.push(`${SUBJECT[a.key]} names ${names(routes.onlyA)}, which ${SUBJECT[b.key]} did not`);
  } else {
    const [set, review, fromSet, fromReview] = pa.routes?.kind === 'required' ? [b, a, routes.onlyB, routes.onlyA] : [a, b, routes.onlyA, routes.onlyB];
    if (fromReview.length > 0) parts.push(`${SUBJECT[review.key]} expects ${names(fromReview)}, which ${SUBJECT[set.key]} did not name`);
    if (fromSet.length > 0) parts.push(`${SUBJECT[set.key]} names ${names(fromSet)}, which ${SUBJECT[review.key]} rules out`);
  }
  return `${parts.join('; ')}.`;
}

/** @param {string} label */
function lower(label) {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

// --- The reveals ----------------------------------------------------------------------------

/**
 * The engine's guidance as the projector shows it: the level, who to tell, escalation, and every
 * reason with its sources.
 *
 * @param {Assessment} assessment
 */
function engineView(assessment) {
  return {
    level: { id: assessment.level.id, name: assessment.level.name, rank: assessment.level.rank, response: assessment.level.response },
    immediateDanger: assessment.immediateDanger,
    referrals: assessment.referrals.map((referral) => ({ route: referral.route, name: referral.name, urgency: urgencyText(referral.urgency) })),
    escalation: assessment.escalation
      ? { why: assessment.escalation.why.map((why) => why.reason), stages: assessment.escalation.stages.map((stage) => stage.name) }
      : null,
    reasons: assessment.reasons.map((reason) => ({
      rule: reason.rule,
      reason: reason.reason,
      level: reason.level ? reason.level.name : null,
      sources: reason.sources.map(sourceText),
    })),
    prompts: assessment.prompts.map((prompt) => ({ id: prompt.id, text: prompt.text })),
  };
}

/**
 * @param {ScenarioTimePoint} point
 * @param {Description} description
 */
function reviewView(point, description) {
  return {
    text: point.reviewSays.text,
    sources: citations(point.reviewSays.sources, description),
  };
}

// --- The debrief ------------------------------------------------------------------------------

/**
 * Every time point with all four points of view, the differences, and the review's learning.
 *
 * @param {import('./run.mjs').Run} run
 * @param {Context} context
 */
function debrief(run, context) {
  const rows = run.scenario.timePoints.map((point, i) => {
    const table = compare(pointsOfView(run, context, i), STAGES.length, context.description);
    return {
      number: i + 1,
      id: point.id,
      title: point.title,
      date: longDate(point.case.asOf),
      compare: table,
      note: run.decisions[point.id]?.note.trim() ?? '',
      review: reviewView(point, context.description),
    };
  });
  const count = (/** @type {string} */ other) =>
    rows.filter((row) => row.compare.columns[0].cells.level.differsFrom.includes(other)).length;
  const decidedCount = rows.filter((row) => row.compare.columns[0].cells.level.lines[0] !== 'Not decided').length;
  return {
    rows,
    summary: { points: rows.length, decided: decidedCount, fromHappened: count('What happened'), fromEngine: count('The engine'), fromReview: count('The review') },
    announce: `Debrief: ${rows.length} time points compared.`,
  };
}

/**
 * For the presenter only: what the next stage will show, so the trainer can prepare. Never sent
 * to the audience.
 *
 * @param {import('./run.mjs').Run} run
 * @param {Context} context
 * @returns {{ title: string, lines: string[] }}
 */
export function nextPreview(run, context) {
  const place = position(run);
  const points = run.scenario.timePoints;
  const next = place + 1;
  if (run.at === 'debrief') return { title: 'This is the end of the run', lines: ['Print the handout or download the run.'] };
  if (next >= points.length * STAGES.length) return { title: 'Next: the debrief', lines: ['Every time point side by side: the room, what happened, the engine and the review.'] };
  const index = Math.floor(next / STAGES.length);
  const stage = STAGES[next % STAGES.length];
  const point = points[index];
  switch (stage.id) {
    case 'known':
      return { title: `Next: time point ${index + 1}, ${point.title}`, lines: [point.narrative] };
    case 'decide':
      return { title: `Next: ${stage.name}`, lines: ['Ask the room: how serious is it (the level of need)? Who would you tell, and how fast? Would you escalate?'] };
    case 'happened':
      return { title: `Next: ${stage.name}`, lines: [point.whatHappened, ...summaryLines(happenedPoint(point, context.description))] };
    case 'engine': {
      const a = context.assessments[index];
      return { title: `Next: ${stage.name}`, lines: summaryLines(enginePoint(a)) };
    }
    default:
      return { title: `Next: ${stage.name}`, lines: [point.reviewSays.text, ...citations(point.reviewSays.sources, context.description).map((line) => `Source: ${line}`)] };
  }
}

/** @param {Point} point */
function summaryLines(point) {
  return ROWS.map((row) => `${row.label}: ${point.text[row.key].join(', ')}`);
}
