// @ts-check
// Draws a view of a training run (see view.mjs) as GOV.UK components. The presenter and the
// audience window draw the same view; the presenter adds its controls, notes and the room's
// form around it. Text always goes in as text, never as HTML.

import { h, hidden } from '../dom.mjs';
import { ROWS } from './view.mjs';

/**
 * The heading and stages of a time point.
 *
 * @param {import('./view.mjs').RunView} view
 */
export function runHeading(view) {
  return h(
    'div',
    { class: 'app-trainer-head' },
    h('p', { class: 'govuk-caption-l app-trainer-head__caption' }, view.scenario.title),
    h(
      'h1',
      { class: 'govuk-heading-xl app-trainer-head__title', id: 'point-title', tabindex: '-1', 'data-point': view.point.id },
      h('span', { class: 'app-trainer-head__count' }, `Time point ${view.point.number} of ${view.point.count}: ${view.point.date}`),
      ' ',
      h('span', { class: 'app-trainer-head__name' }, view.point.title),
    ),
    h(
      'ol',
      { class: 'app-stages', 'aria-label': 'Stages of this time point' },
      view.stages.map((stage, i) =>
        h(
          'li',
          { class: `app-stages__item app-stages__item--${stage.state}`, 'aria-current': stage.state === 'current' ? 'step' : false, 'data-stage-step': stage.id },
          h('span', { class: 'app-stages__number' }, `${i + 1}`),
          ' ',
          stage.name,
          stage.state === 'done' && hidden(' (shown)'),
          stage.state === 'todo' && hidden(' (not yet shown)'),
        ),
      ),
    ),
  );
}

/**
 * The stages revealed so far: what was known, then the stage just revealed and the comparison
 * it changes, then what was revealed earlier at this time point. The newest is near the top, so
 * a projector shows it without scrolling.
 *
 * @param {import('./view.mjs').RunView} view
 * @param {{ decideForm?: HTMLElement | null }} [options]  the presenter's form for the room's decision
 */
export function runStages(view, options = {}) {
  const stage = view.stage;
  const section = (/** @type {string} */ id, /** @type {number} */ at, /** @type {string} */ title, /** @type {unknown[]} */ ...content) =>
    h(
      'section',
      { class: `app-stage app-stage--${id}${at === stage ? ' app-stage--current' : ' app-stage--past'}`, 'data-stage': id, 'aria-labelledby': `stage-${id}-title` },
      h('h2', { class: 'govuk-heading-l app-stage__title', id: `stage-${id}-title` }, title),
      ...content,
    );
  const reveals = [
    stage >= 1 && section('decide', 1, 'The room decides', ...(options.decideForm ? [options.decideForm] : roomSummary(/** @type {NonNullable<typeof view.room>} room from the decide stage on */ (view.room), stage === 1))),
    view.happened && section('happened', 2, 'What happened', h('p', { class: 'app-reveal-text', id: 'what-happened' }, view.happened.text)),
    view.engine && section('engine', 3, 'The engine’s guidance', engineSection(view.engine)),
    view.review &&
      section(
        'review',
        4,
        'What the review says should have happened',
        h('p', { class: 'app-reveal-text', id: 'review-says' }, view.review.text),
        sourcesList(view.review.sources, 'review-sources'),
      ),
  ].filter(Boolean);
  const current = stage >= 1 ? reveals[reveals.length - 1] : null;
  return [
    section('known', 0, 'What was known then', h('p', { class: 'app-narrative', id: 'narrative' }, view.point.narrative)),
    current,
    view.compare && comparison(view.compare, 'compare'),
    ...reveals.slice(0, -1),
  ].filter(Boolean);
}

/**
 * What the room decided, as the audience sees it.
 *
 * @param {NonNullable<import('./view.mjs').RunView['room']>} room
 * @param {boolean} asking  the room is deciding now, so the questions are shown
 */
function roomSummary(room, asking) {
  return [
    asking &&
      h(
        'ul',
        { class: 'govuk-list govuk-list--bullet app-questions' },
        h('li', {}, 'How serious is it: what level of need?'),
        h('li', {}, 'Who would you tell, and how fast?'),
        h('li', {}, 'Would you escalate?'),
      ),
    room.decided
      ? h(
          'dl',
          { class: 'govuk-summary-list app-room', id: 'room-summary' },
          summaryRow('Level of need', room.level ?? 'Not decided'),
          summaryRow('Who to tell', room.routes.length > 0 ? room.routes.join(', ') : room.level ? 'Nobody' : 'Not decided'),
          summaryRow('Escalate', room.escalation ?? 'Not decided'),
          room.note && summaryRow('Note', room.note),
        )
      : h('p', { class: 'govuk-body-l', id: 'room-summary' }, 'The room’s decision has not been recorded yet.'),
  ];
}

/**
 * @param {string} key
 * @param {string} value
 */
function summaryRow(key, value) {
  return h('div', { class: 'govuk-summary-list__row' }, h('dt', { class: 'govuk-summary-list__key' }, key), h('dd', { class: 'govuk-summary-list__value' }, value));
}

/**
 * @param {string[]} sources
 * @param {string} id
 */
function sourcesList(sources, id) {
  if (sources.length === 0) return null;
  return h(
    'div',
    { class: 'app-sources', id },
    h('p', { class: 'govuk-body app-sources__label' }, sources.length === 1 ? 'Source:' : 'Sources:'),
    h('ul', { class: 'govuk-list app-sources__list' }, sources.map((source) => h('li', { class: 'app-citation' }, source))),
  );
}

/**
 * The engine's guidance: level, who to tell, escalation, then every reason with its sources.
 *
 * @param {NonNullable<import('./view.mjs').RunView['engine']>} engine
 */
function engineSection(engine) {
  return h(
    'div',
    { class: 'app-engine' },
    h(
      'div',
      { class: 'app-engine__decision' },
      engine.immediateDanger && h('p', { class: 'app-engine__danger', 'data-testid': 'emergency' }, 'Call 999 now: the child is in danger.'),
      h(
        'div',
        { class: `app-level app-level--rank-${engine.level.rank}`, 'data-level': engine.level.id },
        h('h3', { class: 'govuk-heading-s app-level__label' }, 'Level of need'),
        h('p', { class: 'govuk-body-l app-level__name', id: 'engine-level' }, engine.level.name),
        h('p', { class: 'govuk-body' }, engine.level.response),
      ),
      h('h3', { class: 'govuk-heading-m' }, 'Who to tell'),
      engine.referrals.length > 0
        ? h(
            'ul',
            { class: 'govuk-list govuk-list--bullet app-engine__routes' },
            engine.referrals.map((referral) => h('li', { 'data-route': referral.route }, h('strong', {}, referral.name), ` (${referral.urgency.toLowerCase()})`)),
          )
        : h('p', { class: 'govuk-body' }, 'No one beyond your own service.'),
      h('h3', { class: 'govuk-heading-m' }, 'Escalate'),
      engine.escalation
        ? h(
            'div',
            { id: 'engine-escalation', 'data-escalation': 'yes' },
            h('p', { class: 'govuk-body' }, h('strong', {}, 'Yes. '), engine.escalation.why.join(' ')),
            h('p', { class: 'govuk-body' }, `Stages: ${engine.escalation.stages.join(', then ')}.`),
          )
        : h('p', { class: 'govuk-body', id: 'engine-escalation', 'data-escalation': 'no' }, 'Not needed on what is known.'),
      engine.prompts.length > 0 &&
        h(
          'details',
          { class: 'govuk-details app-engine__prompts' },
          h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, `Think about: ${engine.prompts.length === 1 ? 'one prompt' : `${engine.prompts.length} prompts`}`)),
          h('div', { class: 'govuk-details__text' }, h('ul', { class: 'govuk-list govuk-list--bullet' }, engine.prompts.map((prompt) => h('li', { 'data-prompt': prompt.id }, prompt.text)))),
        ),
    ),
    h(
      'div',
      { class: 'app-engine__reasons' },
      h('h3', { class: 'govuk-heading-m' }, 'Why'),
      engine.reasons.length > 0
        ? h(
            'ul',
            { class: 'govuk-list app-reasons', id: 'engine-reasons' },
            engine.reasons.map((reason) =>
              h(
                'li',
                { class: 'app-reason', 'data-rule': reason.rule },
                h('p', { class: 'govuk-body app-reason__text' }, reason.reason, reason.level && ` (at least ${reason.level})`),
                reason.sources.length > 0 && h('p', { class: 'govuk-body-s app-reason__sources' }, `Source: ${reason.sources.join('; ')}.`),
              ),
            ),
          )
        : h('p', { class: 'govuk-body' }, 'No rule applies to what is known.'),
    ),
  );
}

/**
 * The points of view side by side, with each difference marked in its cells and said in words.
 *
 * @param {ReturnType<typeof import('./view.mjs').compare>} table  from `compare()`
 * @param {string} id
 */
export function comparison(table, id) {
  return h(
    'section',
    { class: 'app-compare', 'aria-labelledby': `${id}-title`, id },
    h('h2', { class: 'govuk-heading-l app-stage__title', id: `${id}-title` }, 'Side by side'),
    h(
      'table',
      { class: 'govuk-table app-compare__table' },
      h('caption', { class: 'govuk-table__caption govuk-visually-hidden' }, 'The decision at this time point from each point of view, with the differences marked'),
      h(
        'thead',
        { class: 'govuk-table__head' },
        h('tr', { class: 'govuk-table__row' }, h('td', { class: 'govuk-table__header' }), table.columns.map((column) => h('th', { scope: 'col', class: 'govuk-table__header', 'data-column': column.key }, column.label))),
      ),
      h(
        'tbody',
        { class: 'govuk-table__body' },
        ROWS.map((row) =>
          h(
            'tr',
            { class: 'govuk-table__row', 'data-row': row.key },
            h('th', { scope: 'row', class: 'govuk-table__header' }, row.label),
            table.columns.map((column) => cell(column.cells[row.key], column.key)),
          ),
        ),
      ),
    ),
    differencesList(table.differences),
  );
}

/**
 * @param {{ lines: string[], differsFrom: string[] }} content
 * @param {string} column
 */
function cell(content, column) {
  const differs = content.differsFrom.length > 0;
  return h(
    'td',
    { class: `govuk-table__cell app-cell${differs ? ' app-cell--differs' : ''}`, 'data-column': column, 'data-differs': differs ? 'yes' : 'no' },
    content.lines.map((line) => h('span', { class: 'app-cell__line' }, line)),
    differs && h('strong', { class: 'app-differs' }, `Differs from ${joinWords(content.differsFrom.map(lowerFirst))}`),
  );
}

/** @param {string[]} differences */
function differencesList(differences) {
  if (differences.length === 0) return h('p', { class: 'govuk-body app-differences app-differences--none' }, 'No differences on what has been shown so far.');
  return h(
    'div',
    { class: 'app-differences' },
    h('h3', { class: 'govuk-heading-m' }, differences.length === 1 ? 'One difference' : `${differences.length} differences`),
    h('ul', { class: 'govuk-list govuk-list--bullet app-differences__list' }, differences.map((difference) => h('li', {}, difference))),
  );
}

/**
 * The time points so far, building up beside the narrative.
 *
 * @param {import('./view.mjs').RunView} view
 */
export function chronology(view) {
  return h(
    'aside',
    { class: 'app-chronology', 'aria-labelledby': 'chronology-title', tabindex: '0', id: 'chronology-panel' },
    h('h2', { class: 'govuk-heading-m', id: 'chronology-title' }, 'The story so far'),
    h(
      'ol',
      { class: 'app-chronology__list', id: 'chronology' },
      view.chronology.map((item) =>
        h(
          'li',
          { class: `app-chronology__item${item.current ? ' app-chronology__item--current' : ''}`, 'aria-current': item.current ? 'step' : false },
          h('p', { class: 'app-chronology__date' }, item.date, item.current && hidden(' (now)')),
          h('p', { class: 'app-chronology__title' }, item.title),
          item.happened && h('p', { class: 'app-chronology__happened' }, h('span', { class: 'app-chronology__label' }, 'What happened: '), item.happened),
        ),
      ),
    ),
  );
}

/** Scrolls the story so far to its newest time point, when it scrolls on its own. */
export function showLatest() {
  const $panel = document.getElementById('chronology-panel');
  if ($panel) $panel.scrollTop = $panel.scrollHeight;
}

/**
 * The debrief: every time point side by side, then the learning points.
 *
 * @param {import('./view.mjs').DebriefView} view
 */
export function debrief(view) {
  const d = view.debrief;
  const s = d.summary;
  const of = `of ${s.points} time ${s.points === 1 ? 'point' : 'points'}`;
  return [
    h(
      'div',
      { class: 'app-trainer-head' },
      h('p', { class: 'govuk-caption-l app-trainer-head__caption' }, view.scenario.title),
      h('h1', { class: 'govuk-heading-xl app-trainer-head__title', id: 'debrief-title', tabindex: '-1' }, 'Debrief'),
    ),
    h(
      'p',
      { class: 'govuk-body-l', id: 'debrief-summary' },
      s.decided === 0
        ? `The room recorded no decisions at the ${s.points} time points.`
        : `The room decided a level at ${s.decided} ${of}. Its level differed from the decision at the time at ${s.fromHappened}, from the engine at ${s.fromEngine}, and from what the review expects at ${s.fromReview}.`,
    ),
    h(
      'table',
      { class: 'govuk-table app-debrief', id: 'debrief-table' },
      h('caption', { class: 'govuk-table__caption govuk-table__caption--m' }, 'Every time point: the room, what happened, the engine and the review'),
      h(
        'thead',
        { class: 'govuk-table__head' },
        h(
          'tr',
          { class: 'govuk-table__row' },
          h('th', { scope: 'col', class: 'govuk-table__header app-debrief__point' }, 'Time point'),
          d.rows[0].compare.columns.map((column) => h('th', { scope: 'col', class: 'govuk-table__header', 'data-column': column.key }, column.label)),
        ),
      ),
      h(
        'tbody',
        { class: 'govuk-table__body' },
        d.rows.map((row) =>
          h(
            'tr',
            { class: 'govuk-table__row', 'data-point': row.id },
            h('th', { scope: 'row', class: 'govuk-table__header app-debrief__point' }, h('span', { class: 'app-debrief__date' }, `${row.number}. ${row.date}`), h('span', { class: 'app-debrief__title' }, row.title)),
            row.compare.columns.map((column) =>
              h(
                'td',
                { class: 'govuk-table__cell app-debrief__cell', 'data-column': column.key },
                ROWS.map((r) => debriefPart(r.label, column.cells[r.key], r.key)),
                column.key === 'room' && row.note && h('p', { class: 'app-debrief__part app-debrief__note' }, h('span', { class: 'app-debrief__label' }, 'Note: '), row.note),
                column.key === 'review' && h('p', { class: 'app-debrief__part app-debrief__sources' }, h('span', { class: 'app-debrief__label' }, 'Source: '), row.review.sources.join('; ')),
              ),
            ),
          ),
        ),
      ),
    ),
    h(
      'section',
      { class: 'app-learning', 'aria-labelledby': 'learning-title' },
      h('h2', { class: 'govuk-heading-l', id: 'learning-title' }, 'Learning points'),
      h(
        'ol',
        { class: 'app-learning__list', id: 'learning-points' },
        d.rows.map((row) =>
          h(
            'li',
            { class: 'app-learning__item', 'data-point': row.id },
            h('h3', { class: 'govuk-heading-s' }, `${row.number}. ${row.title}`),
            h('p', { class: 'govuk-body' }, row.review.text),
            h('p', { class: 'govuk-body-s app-learning__sources' }, `Source: ${row.review.sources.join('; ')}.`),
            row.compare.differences.length > 0 &&
              h(
                'div',
                { class: 'app-learning__differences' },
                h('p', { class: 'govuk-body-s app-learning__label' }, 'Where the points of view differed:'),
                h('ul', { class: 'govuk-list govuk-list--bullet govuk-body-s' }, row.compare.differences.map((/** @type {string} */ difference) => h('li', {}, difference))),
              ),
          ),
        ),
      ),
    ),
  ];
}

/**
 * One of level, who to tell and escalate within a debrief cell.
 *
 * @param {string} label
 * @param {{ lines: string[], differsFrom: string[] }} content
 * @param {string} key
 */
function debriefPart(label, content, key) {
  const differs = content.differsFrom.length > 0;
  return h(
    'p',
    { class: `app-debrief__part${differs ? ' app-cell--differs' : ''}`, 'data-row': key, 'data-differs': differs ? 'yes' : 'no' },
    h('span', { class: 'app-debrief__label' }, `${label}: `),
    content.lines.join('; '),
    differs && h('strong', { class: 'app-differs' }, `Differs from ${joinWords(content.differsFrom.map(lowerFirst))}`),
  );
}

/**
 * The case review chosen, before the run starts.
 *
 * @param {import('./view.mjs').IntroView} view
 */
export function intro(view) {
  return [
    h('p', { class: 'govuk-caption-l' }, 'Case review'),
    h('h1', { class: 'govuk-heading-xl', id: 'intro-title', tabindex: '-1' }, view.scenario.title),
    h('p', { class: 'app-narrative' }, view.scenario.summary),
    h('p', { class: 'govuk-body-l' }, `${view.scenario.count} ${view.scenario.count === 1 ? 'time point' : 'time points'}.`),
    sourcesList(view.scenario.sources, 'intro-sources'),
  ];
}

/** @param {string[]} words */
function joinWords(words) {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** @param {string} text */
function lowerFirst(text) {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
