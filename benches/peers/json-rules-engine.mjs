// The plan written as json-rules-engine rules: one rule per Waymark rule, whose event type is the
// rule's id, with the named conditions registered once through `engine.setCondition`.
//
// json-rules-engine's conditions are all/any/not over fact comparisons; it has no "at least n of".
// Where every part of one is a plain comparison (true of every `atLeast` in the default ruleset),
// it becomes a dynamic fact, `count`, which json-rules-engine computes from the comparisons given as
// its params: the library's own way to derive a value. Otherwise it is written out as `any` over
// every n-part combination, which is exact but grows as the binomial coefficient.

import { Engine } from 'json-rules-engine';

const OPERATORS = {
  eq: 'equal',
  ne: 'notEqual',
  in: 'in',
  notIn: 'notIn',
  ge: 'greaterThanInclusive',
  gt: 'greaterThan',
  le: 'lessThanInclusive',
  lt: 'lessThan',
};

/**
 * The n-part combinations of a list.
 * @template T
 * @param {T[]} items
 * @param {number} n
 * @returns {T[][]}
 */
function combinations(items, n) {
  if (n === 0) return [[]];
  if (items.length < n) return [];
  const [first, ...rest] = items;
  return [...combinations(rest, n - 1).map((c) => [first, ...c]), ...combinations(rest, n)];
}

/**
 * @param {import('./translate.mjs').Formula} f
 * @returns {object} a json-rules-engine condition
 */
function write(f) {
  if ('ref' in f) return { condition: f.ref };
  if ('all' in f) return { all: f.all.map(write) };
  if ('any' in f) return { any: f.any.map(write) };
  if ('atLeast' in f) {
    if (f.of.every((k) => 'op' in k)) return { fact: 'count', params: { tests: f.of.map(write) }, operator: 'greaterThanInclusive', value: f.atLeast };
    return { any: combinations(f.of, f.atLeast).map((c) => ({ all: c.map(write) })) };
  }
  return { fact: f.key, operator: OPERATORS[f.op], value: f.value };
}

/** A rule's or named condition's root must be all, any, not or a reference. */
const root = (c) => ('all' in c || 'any' in c || 'condition' in c ? c : { all: [c] });

/**
 * @param {import('./translate.mjs').Plan} plan
 * @param {(c: any) => Record<string, unknown>} prepare
 */
export function jsonRulesEnginePeer(plan, prepare) {
  // A fact a case does not give (an unanswered question) is undefined, which no comparison matches.
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addFact(
    'count',
    async (params, almanac) => {
      let count = 0;
      for (const t of params.tests) {
        if (engine.operators.get(t.operator).evaluate(await almanac.factValue(t.fact), t.value)) count += 1;
      }
      return count;
    },
    // Params differ per use; hashing them to cache the value would cost more than the count.
    { cache: false },
  );
  for (const n of plan.named) engine.setCondition(n.key, root(write(n.formula)));
  for (const e of plan.entries) engine.addRule({ name: e.fires, conditions: root(write(e.formula)), event: { type: e.fires } });
  return {
    name: 'json-rules-engine',
    /** @param {any} c a Waymark case @returns {Promise<string[]>} the ids of the rules that fire */
    async run(c) {
      const { events } = await engine.run(prepare(c));
      return events.map((event) => event.type);
    },
  };
}
