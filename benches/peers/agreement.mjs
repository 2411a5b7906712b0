// The agreement check: every peer gives every translated rule the same verdict as Waymark, on
// every case.
//
// Waymark's verdict per rule comes from the full trace (fired, not-fired, undetermined). Each peer
// runs two translations: the "certainly true" one (what is timed; the rules it fires) and the
// "certainly false" one. A peer's verdict is then fired (only the first holds), not-fired (only
// the second), or undetermined (neither). Where Waymark is certain, the peer must fire exactly the
// same rules; where Waymark is undetermined the peer must fire nothing, and both its formulas must
// stay silent. Any difference is a disagreement naming the case, the rule and the peer.

/**
 * @typedef {{ name: string, run: (c: any) => string[] | Promise<string[]> }} Peer
 * @typedef {{ case: string, rule: string, peer: string, waymark: string, got: string }} Disagreement
 */

/** The least a real comparison of the default ruleset shows; fewer means the check ran on nothing. */
export const AT_LEAST = { cases: 100, rules: 300, fired: 1000, notFired: 5000, rulesThatFire: 150 };

/**
 * Waymark's verdicts, read once so that several comparisons (the peers, the canary) share them.
 * @param {{ case: any }[]} cases
 * @param {(c: any) => any} assessFull Waymark's full assessment (with the trace)
 * @returns {{ status: Map<string, string>, worryRecorded: boolean }[]}
 */
export function waymarkVerdicts(cases, assessFull) {
  return cases.map(({ case: c }) => {
    const assessment = assessFull(c);
    return { status: new Map(assessment.trace.map((t) => [t.rule, t.status])), worryRecorded: assessment.worryRecorded };
  });
}

/**
 * @param {object} o
 * @param {{ file: string, id: string, case: any }[]} o.cases
 * @param {ReturnType<typeof waymarkVerdicts>} o.verdicts Waymark's, case by case
 * @param {(c: any) => Record<string, unknown>} o.prepare the peers' input
 * @param {import('./translate.mjs').Plan} o.plan the "certainly true" plan (entries in rule order)
 * @param {{ whenTrue: Peer, whenFalse: Peer }[]} o.peers each peer with its two translations
 */
export async function compare({ cases, verdicts, prepare, plan, peers }) {
  const names = peers.map((p) => p.whenTrue.name);
  /** Verdicts compared per peer, by Waymark's status. */
  const counts = Object.fromEntries(names.map((n) => [n, { fired: 0, 'not-fired': 0, undetermined: 0 }]));
  /** @type {Disagreement[]} */
  const disagreements = [];
  /** (case, rule) pairs not compared because the only worry is Waymark's suspicion of harm. */
  let worryFromSuspicion = 0;
  const rulesThatFire = new Set();
  for (const [i, { file, id, case: c }] of cases.entries()) {
    const where = `${file}#${id}`;
    const { status, worryRecorded } = verdicts[i];
    // Waymark also counts a suspicion of harm (the harmSuspected safeguard, found from its open
    // questions) as a recorded worry. A peer sees only the worry recorded in the case itself, so
    // where the suspicion is the only worry, rules that read `worry` cannot be compared. Any other
    // difference in the worry is the peers' input being wrong.
    const direct = prepare(c).worry;
    const suspicionOnly = worryRecorded && !direct && status.get('safeguards.harmSuspected') === 'fired';
    if (direct !== worryRecorded && !suspicionOnly) {
      const [waymark, got] = worryRecorded ? ['a worry recorded', 'none'] : ['no worry recorded', 'a worry recorded'];
      disagreements.push({ case: where, rule: '(worry)', peer: 'prepare', waymark, got });
    }
    if (suspicionOnly) worryFromSuspicion += plan.entries.filter((e) => e.readsWorry).length;
    for (const { whenTrue, whenFalse } of peers) {
      const yes = new Set(await whenTrue.run(c));
      const no = new Set(await whenFalse.run(c));
      for (const entry of plan.entries) {
        const waymark = status.get(entry.fires);
        if (waymark === undefined) throw new Error(`Waymark's trace has no rule "${entry.fires}" (${where})`);
        if (suspicionOnly && entry.readsWorry) continue;
        const [t, f] = [yes.has(entry.fires), no.has(entry.fires)];
        const got = t && f ? 'both certainly true and certainly false' : t ? 'fired' : f ? 'not-fired' : 'undetermined';
        counts[whenTrue.name][waymark] += 1;
        if (waymark === 'fired') rulesThatFire.add(entry.fires);
        if (got !== waymark) disagreements.push({ case: where, rule: entry.fires, peer: whenTrue.name, waymark, got });
      }
      const known = new Set(plan.entries.map((e) => e.fires));
      for (const fired of [...yes, ...no].filter((r) => !known.has(r))) {
        disagreements.push({ case: where, rule: fired, peer: whenTrue.name, waymark: 'no such rule', got: 'fired' });
      }
    }
  }
  return { names, counts, disagreements, worryFromSuspicion, rulesThatFire: rulesThatFire.size, cases: cases.length, rules: plan.entries.length };
}

/**
 * Why a comparison proves nothing: too few cases, rules or verdicts of each kind, or a peer that
 * compared fewer verdicts than another.
 * @param {Awaited<ReturnType<typeof compare>>} r
 * @returns {string[]}
 */
export function vacuous(r) {
  const problems = [];
  if (r.cases < AT_LEAST.cases) problems.push(`only ${r.cases} cases (at least ${AT_LEAST.cases} expected)`);
  if (r.rules < AT_LEAST.rules) problems.push(`only ${r.rules} rules translated (at least ${AT_LEAST.rules} expected)`);
  if (r.rulesThatFire < AT_LEAST.rulesThatFire) problems.push(`only ${r.rulesThatFire} distinct rules fire across the cases (at least ${AT_LEAST.rulesThatFire} expected)`);
  for (const name of r.names) {
    const c = r.counts[name];
    if (c.fired < AT_LEAST.fired) problems.push(`${name}: only ${c.fired} fired verdicts compared (at least ${AT_LEAST.fired} expected)`);
    if (c['not-fired'] < AT_LEAST.notFired) problems.push(`${name}: only ${c['not-fired']} not-fired verdicts compared (at least ${AT_LEAST.notFired} expected)`);
  }
  return problems;
}

/**
 * The plan with the classic two-valued mistake: `notKnown` read as "answered not known" only,
 * forgetting that a question nobody answered is not known too. The check must catch it; if it
 * does not, it is comparing nothing that matters.
 * @param {import('./translate.mjs').Plan} plan a "certainly true" plan
 * @returns {import('./translate.mjs').Plan}
 */
export function misreadNotKnown(plan) {
  /** @param {import('./translate.mjs').Formula} f @returns {import('./translate.mjs').Formula} */
  const misread = (f) => {
    if ('all' in f) return { all: f.all.map(misread) };
    if ('any' in f) return { any: f.any.map(misread) };
    if ('atLeast' in f) return { atLeast: f.atLeast, of: f.of.map(misread) };
    if ('op' in f && f.op === 'notIn' && f.key.startsWith('a_') && f.value.length === 2) return { key: f.key, op: 'eq', value: 'not-known' };
    return f;
  };
  return {
    ...plan,
    named: plan.named.map((n) => ({ key: n.key, formula: misread(n.formula) })),
    entries: plan.entries.map((e) => ({ ...e, formula: misread(e.formula) })),
  };
}
