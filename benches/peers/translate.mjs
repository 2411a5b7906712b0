// Translates a Waymark ruleset's conditions into two-valued formulas that a peer rules engine can
// evaluate, over the flat input that `prepare.mjs` makes from a case.
//
// Waymark's logic is three-valued (yes, no, not known) and a rule fires only when its condition is
// *certainly* true. A two-valued engine cannot hold "not known", so every condition c becomes two
// formulas: T(c), "c is certainly true", and F(c), "c is certainly false". Neither holds when c is
// not known. `not` swaps them, which is why both are needed; the rest follow Kleene's tables as
// written in src/logic.rs and src/eval.rs:
//
//   all:     T = every T            F = some F
//   any:     T = some T             F = every F
//   atLeast: T = at least n T       F = at least (k - n + 1) F   (too few could still be true)
//
// The formulas are a small intermediate form (below) that each peer's module writes out in its own
// rule language, so the semantics live here once and the peers differ only in syntax.

/**
 * A formula. Negation never appears: it is pushed into the leaves by the T/F construction.
 * @typedef {{ key: string, op: 'eq'|'ne'|'in'|'notIn'|'ge'|'gt'|'le'|'lt', value: string|number|boolean|string[] }} Atom
 * @typedef {Atom | { all: Formula[] } | { any: Formula[] } | { atLeast: number, of: Formula[] } | { ref: string }} Formula
 */

/**
 * A formula a peer evaluates and the id it reports when the formula holds.
 * @typedef {{ fires: string, formula: Formula, readsWorry: boolean }} Entry
 */

/**
 * What a peer needs: the named conditions used (in an order where each comes after those it
 * uses), one entry per rule, and what the input must carry.
 * @typedef {object} Plan
 * @property {'true'|'false'} truth which verdict the entries detect: certainly true, or certainly false
 * @property {{ key: string, formula: Formula }[]} named named conditions as shared formulas, by input-safe key
 * @property {Entry[]} entries one per translated rule
 * @property {Map<string, { key: string, indicator: string, days?: number, workingDays?: number }>} windows event-count windows, by key
 * @property {Set<string>} totals event indicators whose total count a `notKnown` reads
 * @property {string[]} untranslated ids of the rules left out, each with why in `why`
 * @property {Record<string, string>} why why each untranslated rule is left out
 */

/** Every referral outcome (docs/ruleset-format.md, context.referral). */
export const REFERRAL_OUTCOMES = ['none', 'awaiting', 'accepted', 'early-help', 'closed-no-further-action', 'not-accepted'];

/**
 * A key that is an identifier in every peer's language (ZEN's expressions cannot name `a-b`).
 * Ids are kebab-case, so swapping `-` for `_` cannot make two ids meet.
 * @param {string} prefix
 * @param {string} id
 */
export const keyOf = (prefix, id) => `${prefix}_${id.replaceAll('-', '_')}`;

/** The safeguards whose conditions are plain conditions over the case, written as Waymark would. */
const SAFEGUARD_CONDITIONS = {
  worryRecorded: { worry: true },
  worryPersists: { all: [{ any: [{ referral: 'closed-no-further-action' }, { referral: 'not-accepted' }] }, { fact: 'still-worried' }] },
};

/** The safeguards no peer gets, and why (reported by the check). */
const SAFEGUARDS_LEFT_OUT = {
  judgementLower:
    "reads the engine's own level (the highest level among the rules that fired), so it is a second pass over the peers' output, not a condition over the case",
  harmSuspected:
    "reads Waymark's open questions (which unknowns, if answered, would raise the level): an analysis of every undetermined rule, not a condition over the case",
};

/**
 * Plans the translation of every rule (and the safeguards that are plain conditions).
 * @param {any} ruleset a Waymark ruleset as parsed JSON (www/rulesets/england.json)
 * @param {'true'|'false'} truth 'true' for the formulas that decide which rules fire (what is
 *   timed), 'false' for "certainly false" (the check uses them to compare not-fired verdicts too)
 * @returns {Plan}
 */
export function plan(ruleset, truth) {
  const kinds = new Map(ruleset.indicators.map((i) => [i.id, i.kind ?? 'answer']));
  const bodies = new Map((ruleset.conditions ?? []).map((c) => [c.id, c.when]));
  /** @type {Map<string, { key: string, formula: Formula }>} */
  const named = new Map();
  /** Named conditions (with their truth) that read `worry`, directly or through others. */
  const worryNamed = new Set();
  const windows = new Map();
  const totals = new Set();
  let readsWorry = false;

  const answer = (id) => keyOf('a', id);
  const atom = (key, op, value) => ({ key, op, value });

  /**
   * @param {any} c a Waymark condition (an object with one key)
   * @param {boolean} t true for "certainly true", false for "certainly false"
   * @returns {Formula}
   */
  function tr(c, t) {
    const [kind, v] = Object.entries(c)[0];
    switch (kind) {
      case 'all':
      case 'any': {
        const kids = v.map((k) => tr(k, t));
        // T(all) and F(any) need every part; T(any) and F(all) need one.
        return (kind === 'all') === t ? { all: kids } : { any: kids };
      }
      case 'not':
        return tr(v, !t);
      case 'atLeast':
        return { atLeast: t ? v.n : v.of.length - v.n + 1, of: v.of.map((k) => tr(k, t)) };
      case 'yes':
        return atom(answer(v), 'eq', t ? 'yes' : 'no');
      case 'notKnown': {
        // Answered "not known", or not answered and (for an event indicator) no events recorded.
        if (kinds.get(v) !== 'event') return atom(answer(v), t ? 'notIn' : 'in', ['yes', 'no']);
        totals.add(v);
        const total = keyOf('n', v);
        const unanswered = atom(answer(v), 'notIn', ['yes', 'no', 'not-known']);
        return t
          ? { any: [atom(answer(v), 'eq', 'not-known'), { all: [unanswered, atom(total, 'eq', 0)] }] }
          : { any: [atom(answer(v), 'in', ['yes', 'no']), { all: [unanswered, atom(total, 'gt', 0)] }] };
      }
      case 'answeredNotKnown':
        // Two-valued: the answer given is "not known", or it is not (left out included).
        return atom(answer(v), t ? 'eq' : 'ne', 'not-known');
      case 'answeredYes':
      case 'answeredNo': {
        // Two-valued too: the answer given is this one, or it is not.
        const given = kind === 'answeredYes' ? 'yes' : 'no';
        return atom(answer(v), t ? 'eq' : 'ne', given);
      }
      case 'age': {
        // The age is an interval [ageFrom, ageTo] (years given, or not known at all); the test is
        // certain only when the whole interval is inside, or outside, the bounds.
        const { minMonths: min, maxMonths: max } = v;
        const parts = t
          ? [min != null && atom('ageFrom', 'ge', min), max != null && atom('ageTo', 'le', max)]
          : [min != null && atom('ageTo', 'lt', min), max != null && atom('ageFrom', 'gt', max)];
        const kept = parts.filter(Boolean);
        return kept.length === 1 ? kept[0] : t ? { all: kept } : { any: kept };
      }
      case 'events': {
        const key = v.withinDays != null ? `${keyOf('e', v.indicator)}_d${v.withinDays}` : `${keyOf('e', v.indicator)}_w${v.withinWorkingDays}`;
        windows.set(key, { key, indicator: v.indicator, days: v.withinDays, workingDays: v.withinWorkingDays });
        // Too few events is certain unless the indicator was answered "not known".
        return t ? atom(key, 'ge', v.atLeast) : { all: [atom(key, 'lt', v.atLeast), atom(answer(v.indicator), 'ne', 'not-known')] };
      }
      case 'fact':
        return atom(keyOf('f', v), 'eq', t ? 'yes' : 'no');
      case 'factAnsweredYes':
        // Two-valued: the fact given is yes, or it is not (left out included).
        return atom(keyOf('f', v), t ? 'eq' : 'ne', 'yes');
      case 'referral':
        return t ? atom('referral', 'eq', v) : atom('referral', 'in', REFERRAL_OUTCOMES.filter((o) => o !== v));
      case 'worry':
        // Two-valued in Waymark too: a worry is recorded or it is not (see prepare.mjs for what
        // counts, and the check for the one source of worry a peer cannot see).
        readsWorry = true;
        return atom('worry', 'eq', t);
      case 'condition': {
        const key = `${keyOf('c', v)}_${t ? 't' : 'f'}`;
        if (!named.has(key)) {
          // Translate the body first, so whatever it uses comes before it.
          const outer = readsWorry;
          readsWorry = false;
          const formula = tr(bodies.get(v), t);
          if (readsWorry) worryNamed.add(key);
          readsWorry = outer || readsWorry;
          named.set(key, { key, formula });
        }
        readsWorry ||= worryNamed.has(key);
        return { ref: key };
      }
      default:
        throw new Error(`no translation for the condition "${kind}"`);
    }
  }

  const t = truth === 'true';
  const entries = [];
  const entry = (fires, when) => {
    readsWorry = false;
    const formula = tr(when, t);
    entries.push({ fires, formula, readsWorry });
  };
  for (const rule of ruleset.rules) entry(rule.id, rule.when);
  for (const [name, when] of Object.entries(SAFEGUARD_CONDITIONS)) {
    if (ruleset.safeguards?.[name]) entry(`safeguards.${name}`, when);
  }
  const why = {};
  for (const [name, reason] of Object.entries(SAFEGUARDS_LEFT_OUT)) {
    if (ruleset.safeguards?.[name]) why[`safeguards.${name}`] = reason;
  }
  return { truth, named: [...named.values()], entries, windows, totals, untranslated: Object.keys(why), why };
}
