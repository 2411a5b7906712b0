// @ts-check
// The ruleset's wording, looked up by id. The page's guidance (`engine.guidance(case)`) names
// every item by id and carries only what varies from case to case; its wording comes from
// `engine.describe()`, read once when the page starts. Self-contained assessments
// (`engine.assess(case)`) name the same ids, so the same lookups serve them too.

/** @import { CompactFinding, Description, Finding, ReasonInfo } from '../types/waymark' */

/**
 * @template T
 * @param {T[]} items
 * @param {(item: T) => string} key
 */
function byKey(items, key) {
  return new Map(items.map((item) => [key(item), item]));
}

export class Words {
  /** @param {Description} description  from `engine.describe()` */
  constructor(description) {
    this.description = description;
    this.levels = byKey(description.levels, (level) => level.id);
    this.actions = byKey(description.actions, (action) => action.id);
    this.prompts = byKey(description.prompts, (prompt) => prompt.id);
    this.reasons = byKey(description.reasons, (reason) => reason.rule);
    this.routes = byKey(description.routes, (route) => route.id);
    this.stages = byKey(description.escalation, (stage) => stage.id);
    this.indicators = byKey(description.indicators, (indicator) => indicator.id);
    this.facts = byKey(description.facts, (fact) => fact.fact);
    this.outcomes = byKey(description.referralOutcomes, (outcome) => outcome.outcome);
  }

  /**
   * The item with this id, or an error naming what is missing: an answer that names something
   * the description lacks is a bug, never something to draw blank.
   *
   * @template T
   * @param {Map<string, T>} map
   * @param {string} id
   * @param {string} kind
   * @returns {T}
   */
  static find(map, id, kind) {
    const item = map.get(id);
    if (item === undefined) throw new Error(`The guidance names ${kind} "${id}", which the ruleset does not describe`);
    return item;
  }

  /** @param {string} id */
  level(id) {
    return Words.find(this.levels, id, 'a level');
  }

  /** @param {string} id */
  action(id) {
    return Words.find(this.actions, id, 'an action');
  }

  /** @param {string} id */
  prompt(id) {
    return Words.find(this.prompts, id, 'a prompt');
  }

  /**
   * Why a rule applies. A route or action that a level itself calls for names the level as its
   * rule, and the level's response as its reason.
   *
   * @param {string} rule
   * @returns {ReasonInfo}
   */
  reason(rule) {
    const level = this.reasons.has(rule) ? undefined : this.levels.get(rule);
    return level ? { rule, reason: level.response, level, sources: [], principles: [] } : Words.find(this.reasons, rule, 'a rule');
  }

  /** @param {string} id */
  route(id) {
    return Words.find(this.routes, id, 'a route');
  }

  /** @param {string} id */
  stage(id) {
    return Words.find(this.stages, id, 'an escalation stage');
  }

  /**
   * The wording of what a finding tests: the indicator's question, the fact or the referral
   * outcome.
   *
   * @param {CompactFinding | Finding} finding
   * @returns {string}
   */
  subject(finding) {
    if (typeof finding === 'string') return Words.find(this.indicators, finding, 'an indicator').text;
    if (Array.isArray(finding)) return Words.find(this.indicators, finding[0], 'an indicator').text;
    switch (finding.test) {
      case 'yes':
      case 'not-known':
      case 'events':
        return Words.find(this.indicators, finding.indicator, 'an indicator').text;
      case 'fact':
        return Words.find(this.facts, finding.fact, 'a fact').text;
      case 'referral':
        return Words.find(this.outcomes, finding.outcome, 'a referral outcome').text;
      default:
        return '';
    }
  }
}
