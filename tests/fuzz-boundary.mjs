// Fuzzing the JavaScript boundary of the WebAssembly build (pkg/), in Node: `node --test
// tests/fuzz-boundary.mjs`. Every call with hostile input (cycles, Proxies, throwing getters,
// revoked Proxies, sparse arrays, lying lengths, shared references, deep nesting, text JSON
// cannot hold) must either return or throw an `Error` carrying `path` and `code`, within a time
// bound, and leave the instance working. Then www/js/engine-guard.mjs is tested with real traps.
//
// WAYMARK_FUZZ_CASES sets the number of random inputs (default 2,000: the whole file takes about
// five seconds); WAYMARK_FUZZ_SEED the seed (default 1; a failure names it); WAYMARK_FUZZ_HEAVY=1
// adds, as one pick in fifty, the inputs that spend a whole document budget (a second or more
// each). scripts/fuzz runs a longer campaign.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';

import { guardEngine, isDeadInstance } from '../www/js/engine-guard.mjs';
import { loadFresh } from '../www/js/engine-spare.mjs';

const root = new URL('..', import.meta.url);
const wasmBytes = fs.readFileSync(new URL('pkg/waymark_bg.wasm', root));
const wasmModule = new WebAssembly.Module(wasmBytes);
const waymark = await import(new URL('pkg/waymark.js', root).href);
waymark.initSync({ module: wasmModule });

const read = (path) => JSON.parse(fs.readFileSync(new URL(path, root), 'utf8'));
const RULESET = read('tests/rulesets/language.json');
const PROFILE = read('tests/rulesets/language-profile.json');
const SCENARIO = read('tests/scenarios/language.json');
const CASE = {
  asOf: '2026-11-22',
  child: { ageMonths: 30 },
  answers: { 'self-harm': 'yes', 'domestic-abuse': 'not-known', excluded: 'no' },
  events: [{ indicator: 'missing-episode', date: '2026-11-01', until: '2026-11-03' }],
  facts: { 'looked-after': 'no' },
  referral: 'awaiting',
  judgement: { level: 'early-help', reason: 'What I have seen.' },
};
const OPTIONS = { trace: false };

const CASES = Number(process.env.WAYMARK_FUZZ_CASES ?? 2000);
const SEED = Number(process.env.WAYMARK_FUZZ_SEED ?? 1);
const HEAVY = process.env.WAYMARK_FUZZ_HEAVY === '1';
/** No call may take longer than this, whatever its input (generous: CI machines are noisy). */
const CALL_LIMIT_MS = 10_000;

const engine = new waymark.Engine(RULESET, PROFILE);
const expected = engine.assess(CASE).level.id;

/** The instance still answers a plain case as it did before. */
function stillWorks(label) {
  let level;
  try {
    level = engine.assess(CASE, OPTIONS).level.id;
  } catch (error) {
    assert.fail(`${label}: the instance no longer works: ${error?.constructor?.name}: ${error?.message}`);
  }
  assert.equal(level, expected, `${label}: the instance answers differently`);
}

/**
 * Runs one call: it must return, or throw an Error with `path` and `code` (never a trap,
 * never anything else), within the time bound; the instance must work afterwards.
 */
function check(label, call) {
  const start = performance.now();
  let outcome = 'returned';
  try {
    call();
  } catch (error) {
    assert.ok(!(error instanceof WebAssembly.RuntimeError), `${label}: the instance trapped: ${error.message}`);
    assert.ok(error instanceof Error, `${label}: threw something other than an Error: ${typeof error} ${String(error)}`);
    assert.equal(typeof error.path, 'string', `${label}: an Error without a path: ${error.message}`);
    assert.equal(typeof error.code, 'string', `${label}: an Error without a code: ${error.message}`);
    assert.ok(Array.isArray(error.problems) && error.problems.length > 0, `${label}: an Error without problems: ${error.message}`);
    outcome = error.code;
  }
  const ms = performance.now() - start;
  assert.ok(ms < CALL_LIMIT_MS, `${label} took ${Math.round(ms)} ms`);
  stillWorks(label);
  return outcome;
}

// --- Hostile values ----------------------------------------------------------------------------

const revoked = (target) => {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
};
const nested = (depth, leaf) => {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = i % 2 ? { x: value } : [value];
  return value;
};

/** Each makes a value from the document's root (for cycles) and the value it replaces. */
const HOSTILE = {
  cycleToRoot: (documentRoot) => documentRoot,
  selfCycle: () => {
    const o = { a: 1 };
    o.self = o;
    return o;
  },
  cycleInList: () => {
    const list = [1];
    list.push({ back: list });
    return list;
  },
  transparentProxy: (_, original) => new Proxy(original !== null && typeof original === 'object' ? original : {}, {}),
  throwingGetTrap: () => new Proxy({ a: 1 }, { get: () => { throw new Error('get trap'); } }),
  throwingOwnKeys: () => new Proxy({}, { ownKeys: () => { throw new Error('ownKeys trap'); } }),
  throwingDescriptor: () => new Proxy({ a: 1 }, { getOwnPropertyDescriptor: () => { throw new Error('descriptor trap'); } }),
  throwingIsArray: () => revoked([]),
  revokedObject: () => revoked({}),
  throwingGetter: () => ({ ok: 1, get bad() { throw new TypeError('getter'); } }),
  throwsANumber: () => ({ get bad() { throw 42; } }),
  throwsAHostileObject: () => ({
    get bad() {
      throw new Proxy({}, { get: () => { throw new Error('message trap'); }, getPrototypeOf: () => { throw new Error('prototype trap'); } });
    },
  }),
  throwsAHugeMessage: () => ({ get bad() { throw new Error('m'.repeat(5_000_000)); } }),
  freshEveryRead: () => {
    const make = () => ({ get next() { return make(); } });
    return make();
  },
  throwingIndexGetter: () => {
    const list = [1, 2, 3];
    Object.defineProperty(list, 1, { get: () => { throw new Error('index getter'); } });
    return list;
  },
  sparseHugeLength: () => {
    const list = [];
    list.length = 2 ** 32 - 1;
    return list;
  },
  sparseSmall: () => {
    const list = [];
    list[4] = 'x';
    return list;
  },
  lyingHugeLength: () => new Proxy([], { get: (_, key) => (key === 'length' ? 2 ** 32 - 1 : undefined) }),
  lyingNegativeLength: () => new Proxy([], { get: (_, key) => (key === 'length' ? -5 : undefined) }),
  lyingFractionLength: () => new Proxy([], { get: (_, key) => (key === 'length' ? 2.5 : undefined) }),
  lyingStringLength: () => new Proxy([], { get: (_, key) => (key === 'length' ? '7' : 'x') }),
  growingLength: () => {
    let reads = 0;
    return new Proxy([], { get: (_, key) => (key === 'length' ? (reads += 1) * 50 : 'x') });
  },
  deepList: () => nested(150, 'x'),
  deepJustUnder: () => nested(90, 'x'),
  longString: () => 'x'.repeat(150_000),
  longKey: () => ({ ['k'.repeat(150_000)]: 1 }),
  loneLeadingSurrogate: () => 'a\ud800b',
  loneTrailingSurrogate: () => '\udc00',
  surrogateKey: () => ({ ['x\ud800']: 'yes' }),
  pairedSurrogates: () => 'smile \ud83d\ude00',
  replacementCharacter: () => 'real \ufffd here',
  controlCharacters: () => '\u001b[31mred\u0007\u009b',
  nan: () => NaN,
  infinity: () => -Infinity,
  negativeZero: () => -0,
  symbol: () => Symbol('s'),
  bigint: () => 10n,
  func: () => () => 1,
  date: () => new Date(0),
  map: () => new Map([['a', 1]]),
  typedArray: () => new Uint8Array(8),
  boxedString: () => new String('yes'),
  boxedNumber: () => new Number(3),
  nullPrototype: () => Object.assign(Object.create(null), { asOf: '2026-11-22' }),
  withToJSON: () => ({ toJSON: () => 'ignored', a: 1 }),
  nothing: () => undefined,
  empty: () => ({}),
  emptyList: () => [],
  plainString: () => 'yes',
  plainNumber: () => 12,
  wrongShape: (_, original) => (Array.isArray(original) ? {} : []),
};

/** These spend a whole document budget, or come close: a second or more each. */
const HEAVY_HOSTILE = {
  sharedDag: () => {
    let value = { a: 'x' };
    for (let i = 0; i < 22; i += 1) value = [value, value];
    return value;
  },
  tenThousandReferencesToOneRuleset: () => Array.from({ length: 10_000 }, () => RULESET),
  proxyWithHugeKeys: () =>
    new Proxy(
      {},
      {
        ownKeys: () => Array.from({ length: 150_000 }, (_, i) => `k${i}`),
        getOwnPropertyDescriptor: () => ({ value: 1, enumerable: true, configurable: true }),
      },
    ),
  manyKeys: () => Object.fromEntries(Array.from({ length: 100_001 }, (_, i) => [`k${i}`, i])),
  longList: () => new Array(100_001).fill(0),
  manyLongStrings: () => Array.from({ length: 600 }, () => 'y'.repeat(99_000)),
};

// --- Deterministic: each hostile value once, in each kind of document --------------------------

const DOCUMENTS = {
  ruleset: (value) => new waymark.Engine(value, undefined),
  profile: (value) => new waymark.Engine(RULESET, value),
  case: (value) => engine.assess(value, OPTIONS),
  guidance: (value) => engine.guidance(value, OPTIONS),
  handOn: (value) => engine.handOn(value, 'lives with', 'notes', true),
  options: (value) => engine.assess(CASE, value),
  guidanceOptions: (value) => engine.guidance(CASE, value),
  scenario: (value) => engine.checkScenario(value),
};
const ORIGINALS = { ruleset: RULESET, profile: PROFILE, case: CASE, guidance: CASE, handOn: CASE, options: OPTIONS, guidanceOptions: OPTIONS, scenario: SCENARIO };

/** Every place a value could be replaced: [parent, key] pairs, the root's own keys first. */
function places(value, out = [], seen = new Set()) {
  if (value === null || typeof value !== 'object' || seen.has(value)) return out;
  seen.add(value);
  for (const key of Object.keys(value)) {
    out.push([value, Array.isArray(value) ? Number(key) : key]);
    places(value[key], out, seen);
  }
  return out;
}

for (const [name, make] of Object.entries(HOSTILE)) {
  test(`hostile ${name}: an answer or an Error with a path, and the instance still works`, () => {
    for (const [document, call] of Object.entries(DOCUMENTS)) {
      // As the whole document, and in place of one of its values.
      check(`${name} as the ${document}`, () => call(make(null, ORIGINALS[document])));
      const copy = structuredClone(ORIGINALS[document]);
      const [parent, key] = places(copy)[0] ?? [copy, 'x'];
      parent[key] = make(copy, parent[key]);
      check(`${name} in the ${document}`, () => call(copy));
    }
    // The hand-on's notes and its sources flag are plain values, not documents.
    check(`${name} as a note`, () => engine.handOn(CASE, make(null, 'lives with'), 'notes', false));
    check(`${name} as the sources flag`, () => engine.handOn(CASE, '', '', make(null, true)));
  });
}

test('a thousand foreign exceptions leave the instance working', () => {
  // Each used to unwind through the instance, leaking its stack; a few hundred killed it.
  for (let i = 0; i < 1_000; i += 1) {
    assert.equal(check(`revoked ${i}`, () => engine.assess({ ...CASE, child: HOSTILE.revokedObject() })), 'unreadable');
    assert.equal(check(`getter ${i}`, () => engine.assess({ ...CASE, child: HOSTILE.throwingGetter() })), 'unreadable');
  }
});

test('errors name the path of the hostile value', () => {
  const error = (call) => {
    try {
      call();
    } catch (e) {
      return [e.path, e.code];
    }
    return assert.fail('expected an Error');
  };
  assert.deepEqual(error(() => engine.assess({ ...CASE, child: { get ageMonths() { throw new Error('x'); } } })), ['child.ageMonths', 'unreadable']);
  assert.deepEqual(error(() => engine.assess({ ...CASE, events: HOSTILE.sparseHugeLength() })), ['events', 'too-large']);
  assert.deepEqual(error(() => engine.assess({ ...CASE, events: HOSTILE.lyingHugeLength() })), ['events', 'too-large']);
  const cyclic = structuredClone(CASE);
  cyclic.child.again = cyclic;
  assert.deepEqual(error(() => engine.assess(cyclic)), ['child.again', 'cyclic']);
  assert.deepEqual(error(() => engine.assess({ ...CASE, answers: { 'self-harm': 'a\ud800' } })), ['answers.self-harm', 'bad-text']);
  // Notes and the sources flag are read as every other value is: an object or number passed as a
  // note once made wasm-bindgen copy text from nowhere ("memory access out of bounds").
  assert.deepEqual(error(() => engine.handOn(CASE, {}, '', false)), ['livesWith', 'wrong-type']);
  assert.deepEqual(error(() => engine.handOn(CASE, '', 5, false)), ['notes', 'wrong-type']);
  assert.deepEqual(error(() => engine.handOn(CASE, '', '', 'yes')), ['sources', 'wrong-type']);
  assert.deepEqual(error(() => engine.handOn(CASE, 'a\ud800', '', false)), ['', 'bad-text']);
  assert.match(engine.handOn(CASE, undefined, null, undefined).text, /^Waymark guidance as at /);
  const [path, code] = error(() => engine.assess({ ...CASE, x: nested(101, 1) }));
  assert.ok(path.startsWith('x[0].x[0].x') && code === 'too-deep', `${path} ${code}`);
  assert.deepEqual(error(() => new waymark.Engine(HOSTILE.revokedObject())), ['', 'unreadable']);
});

test('shared references, and values at their limits, cost at most the budget of one document', () => {
  // A DAG of depth 20 took 0.5 s; ten thousand references to one ruleset, 9 s and 478 MiB.
  for (const [name, make] of Object.entries(HEAVY_HOSTILE)) {
    assert.equal(check(name, () => engine.assess({ ...CASE, answers: make() })), 'too-large', name);
  }
});

// --- Random: structure-aware mutations of valid documents --------------------------------------

/** A small seeded generator (mulberry32), so a failure can be replayed from its seed. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('plain data crosses in one step, read once, and exactly as value by value', () => {
  // A getter that counts its reads: plain data is read once (src/wire.js writes it in one
  // pass); were it declined, the engine's value-by-value reading would read it again.
  let reads = 0;
  const counted = { ...CASE };
  Object.defineProperty(counted, 'asOf', { enumerable: true, get: () => (reads++, CASE.asOf) });
  assert.deepEqual(engine.assess(counted, OPTIONS), engine.assess(CASE, OPTIONS));
  assert.equal(reads, 1, 'the case was read value by value, not in one step');

  // Values where the two readings could differ: -0, fractions, large numbers, text outside the
  // BMP, a boxed string, a Date (an object with no own keys), holes, undefined.
  const odd = { a: -0, b: 2.5, c: 2 ** 40, d: -(2 ** 31), e: 'emoji 🙂 and é', f: Object('ab'), g: new Date(0), h: [1, , 3], i: undefined };
  const answered = (value) => {
    try {
      return { ok: engine.assess({ ...CASE, child: value }, OPTIONS) };
    } catch (error) {
      return { path: error.path, code: error.code, message: error.message };
    }
  };
  for (const [key, value] of Object.entries(odd)) {
    // A getter-free copy is read in one step; a Proxy makes the first reading decline (it has
    // a trap that throws once), so the value is read value by value: the verdicts must agree.
    let thrown = false;
    const declining = new Proxy({ [key]: value }, {
      get(target, name) {
        if (!thrown) {
          thrown = true;
          throw new Error('once');
        }
        return Reflect.get(target, name);
      },
    });
    const once = answered({ [key]: value });
    const twice = answered(declining);
    assert.equal(thrown, true, `${key}: the Proxy was never read`);
    assert.deepEqual(once, twice, `${key}: one step and value by value disagree`);
  }

  // A getter that asks the engine again while its case is being written: both answers whole.
  const nested = { ...CASE };
  let inner;
  Object.defineProperty(nested, 'asOf', { enumerable: true, get: () => ((inner ??= engine.assess(CASE, OPTIONS)), CASE.asOf) });
  assert.deepEqual(engine.assess(nested, OPTIONS), engine.assess(CASE, OPTIONS));
  assert.deepEqual(inner, engine.assess(CASE, OPTIONS));

  // A lone surrogate is refused at its path either way.
  const lone = answered({ ageYears: 3, note: 'a\ud800b' });
  assert.equal(lone.code, 'bad-text');
  assert.equal(lone.path, 'child.note');
});

test('answers are built as JSON.parse builds them, even with a key named __proto__', async () => {
  const snippets = new URL('pkg/snippets/', root);
  const [dir] = fs.readdirSync(snippets);
  const { decode } = await import(new URL(`${dir}/src/wire.js`, snippets).href);
  // {"__proto__": 1, "a": true}, with both keys defined as new strings (src/wire.rs's format).
  const text = (s) => [(s.length << 1) | 1, ...Array.from({ length: Math.ceil(s.length / 4) }, (_, i) => [...s.slice(i * 4, i * 4 + 4)].reduceRight((w, c) => (w << 8) | c.charCodeAt(0), 0) >>> 0)];
  const words = Uint32Array.from([9, 2, 6, 0, ...text('__proto__'), 3, 1, 6, 1, ...text('a'), 2]);
  const known = [];
  const built = decode(words, known);
  assert.deepEqual(built, JSON.parse('{"__proto__": 1, "a": true}'));
  assert.equal(Object.getPrototypeOf(built), Object.prototype);
  assert.deepEqual(Object.keys(built), ['__proto__', 'a']);
  assert.deepEqual(known, ['__proto__', 'a']);
});

test(`random hostile mutations (${CASES} inputs, seed ${SEED})`, () => {
  const next = random(SEED);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const [pool, heavy] = [Object.entries(HOSTILE), Object.entries(HEAVY_HOSTILE)];
  const documents = Object.keys(DOCUMENTS);
  const outcomes = new Map();
  for (let i = 0; i < CASES; i += 1) {
    const document = pick(documents);
    const copy = structuredClone(ORIGINALS[document]);
    const applied = [];
    // The places of the valid copy, found before any hostile value is in it.
    const spots = places(copy);
    for (let m = 0, count = 1 + Math.floor(next() * 3); m < count && spots.length > 0; m += 1) {
      // The heavy ones, when asked for, are one pick in fifty: each spends a second or more.
      const [name, make] = HEAVY && next() < 0.02 ? pick(heavy) : pick(pool);
      const [parent, key] = pick(spots);
      // Sometimes a new key beside the old ones rather than a replacement.
      const target = next() < 0.2 && !Array.isArray(parent) ? `fuzz${m}` : key;
      // What it replaces may itself be hostile by now, and upset the maker.
      let value;
      try {
        value = make(copy, parent[target]);
      } catch {
        value = make(copy, undefined);
      }
      parent[target] = value;
      applied.push(`${name} at ${String(target)}`);
    }
    const label = `input ${i} (seed ${SEED}): ${document} with ${applied.join(', ')}`;
    const outcome = check(label, () => DOCUMENTS[document](copy));
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  }
  // The mutations reach past the outer checks: many kinds of refusal are seen.
  assert.ok(outcomes.size >= 5, `outcomes: ${[...outcomes.keys()].join(', ')}`);
});

// --- www/js/engine-guard.mjs, with real traps --------------------------------------------------

/**
 * A loader of fresh instances whose Engine traps on request, for real: it asks its own instance
 * to allocate 4 GB, which a release build answers by aborting (`unreachable`).
 */
function trappingLoader() {
  const state = { trapNext: 0, copies: 0 };
  state.load = async () => {
    state.copies += 1;
    const module = await import(new URL(`pkg/waymark.js?engine-guard-test=${state.copies}`, root).href);
    const instance = module.initSync({ module: wasmModule });
    class TrappingEngine extends module.Engine {
      assess(case_, options) {
        if (state.trapNext > 0) {
          state.trapNext -= 1;
          instance.__wbindgen_malloc(-16, 1);
        }
        return super.assess(case_, options);
      }
    }
    return { ...module, Engine: TrappingEngine };
  };
  return state;
}

test('engine guard: a trap is caught, the engine rebuilt on a fresh instance, and the call retried', async () => {
  const trap = trappingLoader();
  const recoveries = [];
  const guard = await guardEngine({ ruleset: RULESET, profile: PROFILE, load: trap.load, onRecover: (r) => recoveries.push(r) });
  await guard.ready();
  assert.equal(guard.assess(CASE).level.id, expected);
  trap.trapNext = 1;
  assert.equal(guard.assess(CASE, OPTIONS).level.id, expected, 'the same answer, from a fresh instance');
  assert.equal(guard.recoveries, 1);
  assert.equal(recoveries.length, 1);
  assert.equal(recoveries[0].method, 'assess');
  assert.ok(recoveries[0].error instanceof WebAssembly.RuntimeError, 'the trap was real');
  assert.equal(guard.describe().profile.organisation, 'Northfield Primary School', 'built with the same profile');
  // Bad input is still bad input, not a dead instance.
  assert.throws(() => guard.assess({}), (e) => e.code === 'missing-field' && !isDeadInstance(e));
});

test('engine guard: with no spare ready it says it is restarting, and recovers when asked', async () => {
  const trap = trappingLoader();
  const guard = await guardEngine({ ruleset: RULESET, load: trap.load, onRecover: () => {} });
  // The spare is still loading: the first trap cannot be retried at once.
  trap.trapNext = 1;
  assert.throws(
    () => guard.assess(CASE),
    (e) => e.code === 'engine-restarting' && typeof e.path === 'string' && e.cause instanceof WebAssembly.RuntimeError,
  );
  await guard.recover();
  assert.equal(guard.assess(CASE).level.id, expected);
  // A trap on the retry too is thrown as it is; the next call recovers again.
  await guard.ready();
  trap.trapNext = 2;
  assert.throws(() => guard.assess(CASE), (e) => e instanceof WebAssembly.RuntimeError);
  await guard.recover();
  assert.equal(guard.assess(CASE).level.id, expected);
  assert.equal(guard.recoveries, 3);
});

test('engine guard: an instance that reports it stopped is replaced too', async () => {
  assert.ok(isDeadInstance(new WebAssembly.RuntimeError('unreachable')));
  assert.ok(isDeadInstance(Object.assign(new Error('stopped'), { code: 'engine-stopped' })));
  assert.ok(!isDeadInstance(Object.assign(new Error('bad'), { code: 'unknown-indicator' })));
  let stopped = false;
  const load = async () => {
    const module = await import(new URL(`pkg/waymark.js?engine-guard-stopped=${Math.random()}`, root).href);
    module.initSync({ module: wasmModule });
    class StoppingEngine extends module.Engine {
      describe() {
        if (stopped) {
          stopped = false;
          throw Object.assign(new Error('engine: stopped after an internal error'), { code: 'engine-stopped', path: '' });
        }
        return super.describe();
      }
    }
    return { ...module, Engine: StoppingEngine };
  };
  const guard = await guardEngine({ ruleset: RULESET, load, onRecover: () => {} });
  await guard.ready();
  stopped = true;
  assert.equal(guard.describe().levels.length, 5);
  assert.equal(guard.recoveries, 1);
});

test('engine guard: loadFresh gives a copy of the module with an instance of its own', async () => {
  const [first, second] = [await loadFresh(wasmBytes), await loadFresh(wasmBytes)];
  assert.notEqual(first, second);
  assert.notEqual(first.Engine, waymark.Engine);
  assert.equal(new first.Engine(RULESET).assess(CASE, OPTIONS).level.id, engine.assess(CASE, OPTIONS).level.id);
  // As the page would use it: its own copy first, fresh ones after a trap.
  const guard = await guardEngine({ module: waymark, ruleset: RULESET, profile: PROFILE, load: () => loadFresh(wasmBytes), onRecover: () => {} });
  await guard.ready();
  assert.equal(guard.version(), waymark.version());
  assert.equal(guard.assess(CASE).level.id, expected);
});
