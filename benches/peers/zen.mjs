// The plan written as a GoRules ZEN decision graph (JDM), evaluated by @gorules/zen-engine.
//
// The graph is the form ZEN's own editor makes for "which of these rules apply": an expression
// node computes each named condition once (later ones read earlier ones as `$.key`) and passes the
// input through; a decision table with the "collect" hit policy then has one row per rule, whose
// one input cell is the rule's condition as a ZEN expression and whose output is the rule's id. The
// result is the list of rows that matched. ZEN evaluates in Rust; its Node binding is async only.

import { ZenEngine } from '@gorules/zen-engine';

const OPERATORS = { eq: '==', ne: '!=', ge: '>=', gt: '>', le: '<=', lt: '<' };

/**
 * @param {import('./translate.mjs').Formula} f
 * @param {string} self how a named condition is read: `$.` inside the expression node that makes them
 * @returns {string} a ZEN expression
 */
function write(f, self = '') {
  if ('ref' in f) return `${self}${f.ref}`;
  if ('all' in f) return `(${f.all.map((k) => write(k, self)).join(' and ')})`;
  if ('any' in f) return `(${f.any.map((k) => write(k, self)).join(' or ')})`;
  if ('atLeast' in f) return `((${f.of.map((k) => `(${write(k, self)} ? 1 : 0)`).join(' + ')}) >= ${f.atLeast})`;
  const value = JSON.stringify(f.value);
  if (f.op === 'in') return `${f.key} in ${value}`;
  if (f.op === 'notIn') return `${f.key} not in ${value}`;
  return `${f.key} ${OPERATORS[f.op]} ${value}`;
}

/**
 * The decision graph for a plan, as JSON (it can be opened in the GoRules editor).
 * @param {import('./translate.mjs').Plan} plan
 */
export function decisionGraph(plan) {
  const at = { x: 0, y: 0 };
  const nodes = [{ id: 'case', type: 'inputNode', name: 'case', position: at }];
  if (plan.named.length > 0) {
    const expressions = plan.named.map((n) => ({ id: n.key, key: n.key, value: write(n.formula, '$.') }));
    nodes.push({ id: 'conditions', type: 'expressionNode', name: 'named conditions', position: at, content: { expressions, passThrough: true } });
  }
  const rules = plan.entries.map((e, i) => ({ _id: `r${i}`, _description: e.fires, when: write(e.formula), fires: JSON.stringify(e.fires) }));
  nodes.push({
    id: 'rules',
    type: 'decisionTableNode',
    name: 'rules',
    position: at,
    content: {
      hitPolicy: 'collect',
      inputs: [{ id: 'when', name: 'condition', type: 'expression' }],
      outputs: [{ id: 'fires', name: 'rule', field: 'rule', type: 'expression' }],
      rules,
    },
  });
  nodes.push({ id: 'result', type: 'outputNode', name: 'result', position: at });
  const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, type: 'edge', sourceId: nodes[i].id, targetId: n.id }));
  return { contentType: 'application/vnd.gorules.decision', nodes, edges };
}

/**
 * @param {import('./translate.mjs').Plan} plan
 * @param {(c: any) => Record<string, unknown>} prepare
 */
export function zenPeer(plan, prepare) {
  const engine = new ZenEngine();
  const decision = engine.createDecision(decisionGraph(plan));
  return {
    name: 'GoRules ZEN',
    /** @param {any} c a Waymark case @returns {Promise<string[]>} the ids of the rules that fire */
    async run(c) {
      const { result } = await decision.evaluate(prepare(c));
      return result.map((row) => row.rule);
    },
    dispose: () => engine.dispose(),
  };
}
