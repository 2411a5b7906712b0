// The plan written as json-logic-js rules: one JsonLogic expression per rule, applied in turn.
//
// JsonLogic has no named sub-expressions. Rather than write each named condition out wherever it
// is used, each is applied once per case and its result put in the data, where the rules read it
// with `var`: the host-side equivalent of ZEN's expression node and of Waymark computing each
// condition node once. (Written out in full, the rules have 1,247 nodes instead of 895 + 193.)
// Counting ("at least n of") is native: a sum of `if` terms compared with n.

import jsonLogic from 'json-logic-js';

/** JsonLogic's strict comparisons, so that a missing answer (null) never equals a string. */
const OPERATORS = { eq: '===', ne: '!==', ge: '>=', gt: '>', le: '<=', lt: '<' };

/**
 * @param {import('./translate.mjs').Formula} f
 * @returns {unknown} a JsonLogic expression
 */
function write(f) {
  if ('ref' in f) return { var: f.ref };
  if ('all' in f) return { and: f.all.map(write) };
  if ('any' in f) return { or: f.any.map(write) };
  if ('atLeast' in f) return { '>=': [{ '+': f.of.map((k) => ({ if: [write(k), 1, 0] })) }, f.atLeast] };
  const value = { var: f.key };
  if (f.op === 'in') return { in: [value, f.value] };
  if (f.op === 'notIn') return { '!': { in: [value, f.value] } };
  return { [OPERATORS[f.op]]: [value, f.value] };
}

/**
 * @param {import('./translate.mjs').Plan} plan
 * @param {(c: any) => Record<string, unknown>} prepare
 */
export function jsonLogicPeer(plan, prepare) {
  const named = plan.named.map((n) => ({ key: n.key, logic: write(n.formula) }));
  const rules = plan.entries.map((e) => ({ fires: e.fires, logic: write(e.formula) }));
  return {
    name: 'json-logic-js',
    /** @param {any} c a Waymark case @returns {string[]} the ids of the rules that fire */
    run(c) {
      const data = prepare(c);
      // In the plan's order, so each reads only those computed before it.
      for (const n of named) data[n.key] = jsonLogic.truthy(jsonLogic.apply(n.logic, data));
      const fired = [];
      for (const rule of rules) if (jsonLogic.truthy(jsonLogic.apply(rule.logic, data))) fired.push(rule.fires);
      return fired;
    },
  };
}
