// @ts-check
// The guidance panel: the engine's guidance for a case, drawn as GOV.UK components. Every line
// comes from the guidance and the ruleset's wording (words.mjs); nothing here decides anything.

import { contactNodes, findingText, h, hidden, longDate, sourceText, urgencyText } from './dom.mjs';
/** @typedef {import('./words.mjs').Words} Words */
/** @import { Assessment, CompactAssessment, CompactFinding, CompactQuestion, CompactTrace, Description, LevelRef, Positions } from '../types/waymark' */
/** @typedef {(key: string, summary: string, ...content: unknown[]) => HTMLDetailsElement} Details */

/**
 * Draws the assessment into `$body`. `open` holds the keys of the <details> the practitioner
 * has opened, so a redraw after each answer leaves them as they were.
 *
 * @param {HTMLElement} $body
 * @param {CompactAssessment} assessment  from `engine.guidance(case)`
 * @param {Words} words  the ruleset's wording
 * @param {Set<string>} open
 * @param {() => CompactAssessment} fullAssessment  the same guidance with the trace, computed only when asked
 * @param {boolean} newEmergency  the danger is new since the last drawing, so it is announced
 *   at once; a redraw while it lasts does not announce it again
 * @param {{ name: string, who: string } | null} [firstStage]  the first escalation stage, if known
 */
export function renderGuidance($body, assessment, words, open, fullAssessment, newEmergency, firstStage = null) {
  /** @type {Details} */
  const details = (key, summary, ...content) => {
    const $details = /** @type {HTMLDetailsElement} */ (h('details', { class: 'govuk-details', 'data-key': key, open: open.has(key) }, h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, summary)), h('div', { class: 'govuk-details__text' }, content)));
    $details.addEventListener('toggle', () => {
      if ($details.open) open.add(key);
      else open.delete(key);
    });
    return $details;
  };

  const sections = [
    assessment.immediateDanger && emergencyBanner(words.level(assessment.level), newEmergency),
    levelSection(assessment, words),
    judgementSection(assessment, words),
    actionsSection(assessment, words),
    referralsSection(assessment, words, details, firstStage),
    escalationSection(assessment, words),
    questionsSection(assessment, words),
    promptsSection(assessment, words),
    reasonsSection(assessment, words),
    warningsSection(assessment),
    traceSection(details, open, fullAssessment, words),
    aboutSection(assessment, words.description),
  ];
  $body.replaceChildren(.../** @type {HTMLElement[]} */ (sections.filter(Boolean)));
}

/**
 * @param {LevelRef} level
 * @param {boolean} announce
 */
function emergencyBanner(level, announce) {
  return h(
    'div',
    { class: 'govuk-notification-banner app-emergency', role: announce ? 'alert' : 'region', 'aria-labelledby': 'emergency-title', 'data-testid': 'emergency' },
    h('div', { class: 'govuk-notification-banner__header' }, h('h2', { class: 'govuk-notification-banner__title', id: 'emergency-title' }, 'Emergency')),
    h(
      'div',
      { class: 'govuk-notification-banner__content' },
      h('p', { class: 'govuk-notification-banner__heading' }, 'Call 999 now'),
      h('p', { class: 'govuk-body' }, `${level.meaning} ${level.response}`),
    ),
  );
}

/**
 * @param {CompactAssessment} assessment
 * @param {Words} words
 */
function levelSection(assessment, words) {
  const level = words.level(assessment.level);
  return h(
    'section',
    { class: `app-level app-level--rank-${level.rank}`, 'aria-labelledby': 'level-heading', 'data-level': level.id },
    h('h3', { class: 'govuk-heading-s app-level__label', id: 'level-heading' }, 'Level of need'),
    h('p', { class: 'govuk-body-l app-level__name', id: 'level-name' }, level.name),
    h('p', { class: 'govuk-body-s' }, level.meaning),
    h('p', { class: 'govuk-body-s' }, h('strong', {}, 'What it means you do: '), level.response),
    !assessment.worryRecorded && h('p', { class: 'govuk-body-s' }, 'You have not recorded a worry yet. Answer the questions to see what to do.'),
  );
}

/**
 * @param {CompactAssessment} assessment
 * @param {Words} words
 */
function judgementSection(assessment, words) {
  const judgement = assessment.judgement;
  if (!judgement) return null;
  const judged = words.level(judgement.level).name;
  const effect = {
    raised: `Your view, ${judged}, is higher than the rules reach (${words.level(assessment.engineLevel).name}), so the guidance follows it.`,
    agrees: `Your view agrees with the rules: ${judged}.`,
    lower: `Your view, ${judged}, is lower than the rules reach. The rules’ level stands until you have talked it through with your safeguarding lead or manager.`,
  }[judgement.effect];
  return h('div', { class: 'govuk-inset-text app-judgement' }, h('p', { class: 'govuk-body-s' }, effect), h('p', { class: 'govuk-body-s' }, h('strong', {}, 'Your reason: '), judgement.reason));
}

/**
 * @param {CompactAssessment} assessment
 * @param {Words} words
 */
function actionsSection(assessment, words) {
  if (assessment.actions.length === 0) return null;
  return h(
    'section',
    { 'aria-labelledby': 'actions-heading' },
    h('h3', { class: 'govuk-heading-s', id: 'actions-heading' }, 'What to do'),
    h(
      'ol',
      { class: 'govuk-list app-actions', id: 'actions' },
      assessment.actions.map((action) =>
        h('li', { class: 'app-actions__item', 'data-action': action.id }, h('strong', { class: 'govuk-tag app-urgency' }, urgencyText(action.urgency)), ' ', words.action(action.id).text, ' ', h('span', { class: 'app-due' }, `(by ${longDate(action.dueBy)})`)),
      ),
    ),
  );
}

/**
 * @param {CompactAssessment} assessment
 * @param {Words} words
 * @param {Details} details
 * @param {{ name: string, who: string } | null} firstStage
 */
function referralsSection(assessment, words, details, firstStage) {
  if (assessment.referrals.length === 0) return null;
  return h(
    'section',
    { 'aria-labelledby': 'referrals-heading' },
    h('h3', { class: 'govuk-heading-s', id: 'referrals-heading' }, 'Who to tell'),
    assessment.referrals.map((referral) => {
      const route = words.route(referral.route);
      return h(
        'div',
        { class: 'app-referral', 'data-route': referral.route },
        h('h4', { class: 'govuk-heading-s app-referral__name' }, route.name),
        h('p', { class: 'govuk-body-s' }, h('strong', { class: 'govuk-tag app-urgency' }, urgencyText(referral.urgency)), ` by ${longDate(referral.dueBy)}. ${route.when}`),
        route.contacts.length > 0 &&
          h(
            'ul',
            { class: 'govuk-list govuk-body-s app-contacts' },
            route.contacts.map((contact) => h('li', { class: contact.set ? 'app-contact' : 'app-contact app-contact--not-set' }, contactNodes(contact))),
          ),
        h('p', { class: 'govuk-body-s' }, h('strong', {}, 'Who can refer: '), route.whoMaySubmit),
        referral.decisionBy && h('p', { class: 'govuk-body-s app-decision', 'data-decision-by': referral.decisionBy }, decisionText(referral.decisionBy, firstStage)),
        details(
          `consent:${referral.route}`,
          'Consent and sharing information',
          h('p', { class: 'govuk-body-s' }, referral.consent ?? route.consent),
        ),
        details(`why:${referral.route}`, 'Why this route', h('ul', { class: 'govuk-list govuk-list--bullet govuk-body-s' }, referral.why.map((/** @type {string} */ rule) => h('li', {}, words.reason(rule).reason)))),
      );
    }),
  );
}

/**
 * When to expect an answer to a referral, and what to do if none comes: shown from the start, so
 * nobody waits in silence.
 *
 * @param {string} decisionBy  the date a decision is expected
 * @param {{ name: string, who: string } | null} firstStage  the first escalation stage, if known
 */
function decisionText(decisionBy, firstStage) {
  const escalate = firstStage ? ` If you disagree with the decision and are still worried, escalate, starting with ${firstStage.name.toLowerCase()} (${firstStage.who}).` : ' If you disagree with the decision and are still worried, escalate.';
  return `Expect a decision by ${longDate(decisionBy)}. If you have heard nothing by then, chase it.${escalate}`;
}

/**
 * @param {CompactAssessment} assessment
 * @param {Words} words
 */
function escalationSection(assessment, words) {
  const escalation = assessment.escalation;
  if (!escalation) return null;
  return h(
    'section',
    { 'aria-labelledby': 'escalation-heading', id: 'escalation' },
    h('h3', { class: 'govuk-heading-s', id: 'escalation-heading' }, 'If you are still worried: escalate'),
    h('p', { class: 'govuk-body-s' }, escalation.why.map((rule) => words.reason(rule).reason).join(' ')),
    h(
      'ol',
      { class: 'govuk-list govuk-list--number govuk-body-s app-stages' },
      escalation.stages.map((id) => words.stage(id)).map((stage) =>
        h(
          'li',
          { 'data-stage': stage.id },
          h('strong', {}, stage.name),
          `: ${stage.who}. ${stage.what} `,
          h('span', { class: 'app-timescale' }, `${urgencyText(stage.timescale)}${stage.timescaleIsDefault ? ' (a default: check your local procedure)' : ''}.`),
          stage.contact && h('span', {}, ' ', contactNodes(stage.contact)),
        ),
      ),
    ),
  );
}

/**
 * @param {CompactAssessment} assessment
 * @param {Words} words
 */
function questionsSection(assessment, words) {
  if (assessment.questions.length === 0) return null;
  return h(
    'section',
    { 'aria-labelledby': 'questions-heading' },
    h('h3', { class: 'govuk-heading-s', id: 'questions-heading' }, 'Worth finding out'),
    h(
      'ul',
      { class: 'govuk-list govuk-list--bullet govuk-body-s', id: 'questions' },
      assessment.questions.map((question) => h('li', {}, questionText(question, words), otherAnswers(question, words))),
    ),
  );
}

/**
 * The subjects of a question asked together that follow what to find out first, folded away:
 * none of them alone changes the guidance, and there can be over a hundred.
 *
 * @param {CompactQuestion} question
 * @param {Words} words
 */
function otherAnswers(question, words) {
  const others = question.about.slice(question.lead);
  if (others.length === 0) return null;
  return h(
    'details',
    { class: 'govuk-details app-question__others' },
    h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, `The ${thingsCount(others.length)} to find out`)),
    h(
      'div',
      { class: 'govuk-details__text' },
      h('ul', { class: 'govuk-list govuk-list--bullet' }, others.map((finding) => h('li', {}, questionSubject(finding, words)))),
    ),
  );
}

/** @param {number} count */
function thingsCount(count) {
  return count === 1 ? '1 other thing' : `${count} other things`;
}

/**
 * An open question as a plain question: what to find out, and what the answer would change.
 * "Find out whether the child has self-harmed. If so, the level rises to child in need, and you
 * would also tell CAMHS." A question asked together names what to find out first and counts the
 * rest: "Find out whether the child has self-harmed, and then 133 other things: together they
 * decide whether …".
 *
 * @param {CompactQuestion} question
 * @param {Words} words
 */
export function questionText(question, words) {
  const effects = [
    question.level && `the level rises to ${words.level(question.level).name}`,
    question.routes.length > 0 && `you would also tell ${question.routes.map((id) => words.route(id).name).join(', ')}`,
    question.escalation && 'escalation applies',
  ].filter(Boolean);
  const first = question.about.slice(0, question.lead).map((finding) => questionSubject(finding, words)).join(', and ');
  const others = question.about.length - question.lead;
  // What leads is needed, not enough: it alone never raises the level.
  if (others > 0) return `Find out ${first}, and then ${thingsCount(others)}: together they decide whether ${effects.join(', and ')}.`;
  const condition = question.ifAnswer ? { yes: 'If so', no: 'If not' }[question.ifAnswer] : 'Depending on the answers';
  return `Find out ${first}. ${condition}, ${effects.join(', and ')}.`;
}

/**
 * @param {CompactFinding} finding
 * @param {Words} words
 */
function questionSubject(finding, words) {
  // An indicator nobody has answered comes as its id alone, or alone in a list: a test for yes, like 'yes'.
  if (typeof finding === 'string' || Array.isArray(finding) || ['yes', 'not-known', 'fact', 'referral'].includes(finding.test)) return `whether ${lowerFirst(words.subject(finding))}`;
  if (finding.test === 'events') return `how often this has happened: ${lowerFirst(words.subject(finding))}`;
  return lowerFirst(findingText(finding, words));
}

/**
 * "The child has self-harmed" as "the child has self-harmed"; "FGM" and "I" keep their capitals.
 *
 * @param {string} text
 */
function lowerFirst(text) {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/**
 * @param {CompactAssessment} assessment
 * @param {Words} words
 */
function promptsSection(assessment, words) {
  if (assessment.prompts.length === 0) return null;
  return h(
    'section',
    { 'aria-labelledby': 'prompts-heading' },
    h('h3', { class: 'govuk-heading-s', id: 'prompts-heading' }, 'Think about'),
    h(
      'ul',
      { class: 'govuk-list govuk-list--bullet govuk-body-s', id: 'prompts' },
      assessment.prompts.map((prompt) => h('li', { 'data-prompt': prompt.id }, words.prompt(prompt.id).text)),
    ),
  );
}

/**
 * @param {CompactAssessment} assessment
 * @param {Words} words
 */
function reasonsSection(assessment, words) {
  if (assessment.reasons.length === 0) return null;
  return h(
    'section',
    { 'aria-labelledby': 'reasons-heading' },
    h('h3', { class: 'govuk-heading-s', id: 'reasons-heading' }, 'Why'),
    h(
      'ul',
      { class: 'govuk-list govuk-body-s app-reasons', id: 'reasons' },
      assessment.reasons.map((fired) => {
        const reason = words.reason(fired.rule);
        return h(
          'li',
          { class: 'app-reason', 'data-rule': fired.rule },
          h('p', { class: 'govuk-body-s app-reason__text' }, reason.reason, reason.level && h('span', { class: 'app-reason__level' }, ` (at least ${reason.level.name})`)),
          fired.evidence.length > 0 && h('p', { class: 'govuk-body-s app-reason__evidence' }, 'Because: ', fired.evidence.map((finding) => findingText(finding, words)).join('; '), '.'),
          reason.sources.length > 0 && h('p', { class: 'govuk-body-s app-reason__sources' }, `Source: ${reason.sources.map(sourceText).join('; ')}.`),
        );
      }),
    ),
  );
}

/** @param {CompactAssessment} assessment */
function warningsSection(assessment) {
  if (assessment.warnings.length === 0) return null;
  return h('div', { class: 'govuk-inset-text app-warnings' }, h('ul', { class: 'govuk-list govuk-body-s' }, assessment.warnings.map((warning) => h('li', {}, warning.message))));
}

/**
 * Every rule and what decided it, computed only while open.
 *
 * @param {Details} details
 * @param {Set<string>} open
 * @param {() => CompactAssessment} fullAssessment
 * @param {Words} words
 */
function traceSection(details, open, fullAssessment, words) {
  const $slot = h('div', { id: 'trace' });
  const draw = () => {
    const { trace } = fullAssessment();
    // Asked for with the trace, so it has one: drawing none would say no rule was decided.
    if (!trace) throw new Error('The guidance came without the trace it was asked for');
    $slot.replaceChildren(traceTable(trace, words));
  };
  const $details = details('trace', 'How every rule was decided', $slot);
  if (open.has('trace')) draw();
  $details.addEventListener('toggle', () => {
    if ($details.open) draw();
    else $slot.replaceChildren();
  });
  return $details;
}

const STATUS = { fired: 'Applies', 'not-fired': 'Does not apply', undetermined: 'Not known yet' };

/**
 * The positions, in a trace's `findings`, of what decided rule `i` (`Positions` in src/trace.rs).
 *
 * @param {Positions} because
 * @param {number} i
 */
export function ruleFindings({ positions, ends }, i) {
  return positions.slice(i === 0 ? 0 : ends[i - 1], ends[i]);
}

/**
 * @param {CompactTrace} trace
 * @param {Words} words
 */
function traceTable(trace, words) {
  // The trace's rules are the description's, in its order.
  const rules = words.description.reasons;
  if (trace.status.length !== rules.length) throw new Error(`The trace has ${trace.status.length} rules; the ruleset describes ${rules.length}`);
  // Each finding is worded once, however many rules it decides.
  const found = trace.findings.map((finding) => findingText(finding, words));
  /** @param {number} i */
  const decidedBy = (i) => ruleFindings(trace.because, i).map((position) => found[position]).join('; ');
  return h(
    'table',
    { class: 'govuk-table app-trace' },
    h('caption', { class: 'govuk-table__caption govuk-table__caption--s' }, `${rules.length} rules, in the ruleset’s order`),
    h('thead', { class: 'govuk-table__head' }, h('tr', { class: 'govuk-table__row' }, ['Rule', 'Result', 'Decided by'].map((text) => h('th', { scope: 'col', class: 'govuk-table__header' }, text)))),
    h(
      'tbody',
      { class: 'govuk-table__body' },
      rules.map(({ rule }, i) =>
        h(
          'tr',
          { class: `govuk-table__row app-trace__row--${trace.status[i]}` },
          h('th', { scope: 'row', class: 'govuk-table__header app-trace__rule' }, rule),
          h('td', { class: 'govuk-table__cell' }, STATUS[trace.status[i]] ?? trace.status[i]),
          h('td', { class: 'govuk-table__cell' }, decidedBy(i)),
        ),
      ),
    ),
  );
}

/**
 * @param {CompactAssessment} assessment
 * @param {Description} description  from `engine.describe()`
 */
function aboutSection(assessment, description) {
  const ruleset = description.ruleset;
  return h(
    'section',
    { class: 'app-about', 'aria-labelledby': 'about-heading' },
    h('h3', { class: 'govuk-heading-s', id: 'about-heading' }, 'About this guidance'),
    h('p', { class: 'govuk-body-s' }, description.notice),
    h(
      'p',
      { class: 'govuk-body-s', id: 'ruleset-info' },
      `${ruleset.title}, version ${ruleset.version}, due for review ${longDate(ruleset.reviewDate)}.`,
      description.profile && ` Local details: ${description.profile.organisation}.`,
      ` Assessed as at ${longDate(assessment.asOf)}.`,
    ),
    h('p', { class: 'govuk-body-s app-about__hash' }, hidden('Ruleset fingerprint: '), `Ruleset ${ruleset.id} ${ruleset.hash}, engine ${description.engineVersion}`),
  );
}

/**
 * A one-line summary for screen readers, announced politely when it changes.
 *
 * @param {CompactAssessment} assessment
 * @param {Words} words
 */
export function announcement(assessment, words) {
  const count = (/** @type {number} */ n, /** @type {string} */ one, /** @type {string} */ many) => `${n} ${n === 1 ? one : many}`;
  return [
    assessment.immediateDanger ? 'Emergency: call 999 now.' : '',
    `Level of need: ${words.level(assessment.level).name}.`,
    count(assessment.actions.length, 'action', 'actions'),
    count(assessment.referrals.length, 'person or service to tell', 'people or services to tell'),
    assessment.escalation ? 'Escalation applies.' : '',
  ]
    .filter(Boolean)
    .join(' ');
}
