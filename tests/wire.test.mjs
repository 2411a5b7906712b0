// The words decoder (src/wire.js) on words written by hand from the format in src/wire.rs: shapes
// defined after their values and then named by number, shapes inside shapes, a key named
// __proto__, and lists without tags. (tests/wasm.rs checks that every real answer decodes to the
// JSON of the same value; this pins the format itself.)

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decode } from '../src/wire.js';

const [NULL, INTEGER, KNOWN, DEFINE, LIST, OBJECT, INTEGERS, KNOWNS, SHAPED, NEW_SHAPE] = [0, 3, 5, 6, 8, 9, 10, 11, 12, 13];

/** A text's words: its length in bytes and whether it is ASCII, then its UTF-8 bytes, four to a word. */
function text(/** @type {string} */ s) {
  const bytes = new TextEncoder().encode(s);
  const words = [(bytes.length << 1) | (/^[\x00-\x7f]*$/.test(s) ? 1 : 0)];
  for (let i = 0; i < bytes.length; i += 4) words.push(bytes[i] | ((bytes[i + 1] ?? 0) << 8) | ((bytes[i + 2] ?? 0) << 16) | (((bytes[i + 3] ?? 0) << 24) >>> 0));
  return words;
}

/** A decoder's state across calls: the strings and shapes sent before. */
function session() {
  /** @type {string[]} */
  const known = [];
  /** @type {string[][]} */
  const shapes = [];
  return { known, shapes, read: (/** @type {number[]} */ words) => decode(Uint32Array.from(words.map((w) => w >>> 0)), known, shapes) };
}

test('a new shape is read with its keys after its values, and afterwards by its number alone', () => {
  const s = session();
  const first = s.read([NEW_SHAPE, 2, INTEGER, 1, INTEGER, 3, 0, DEFINE, 0, ...text('a'), DEFINE, 1, ...text('c')]);
  assert.equal(JSON.stringify(first), '{"a":1,"c":3}');
  assert.deepEqual(s.known, ['a', 'c']);
  assert.deepEqual(s.shapes, [['a', 'c']]);
  assert.equal(JSON.stringify(s.read([SHAPED, 0, INTEGER, 5, NULL])), '{"a":5,"c":null}');
  // Shape 1 has as many keys as shape 0, but not the same ones.
  assert.equal(JSON.stringify(s.read([NEW_SHAPE, 2, INTEGER, 2, INTEGER, 3, 1, DEFINE, 2, ...text('b'), KNOWN, 1])), '{"b":2,"c":3}');
  assert.equal(JSON.stringify(s.read([LIST, 2, SHAPED, 1, INTEGER, 7, INTEGER, 8, SHAPED, 0, INTEGER, 9, INTEGER, 10])), '[{"b":7,"c":8},{"a":9,"c":10}]');
});

test('a shape inside a new shape is numbered first, as it closes first', () => {
  const s = session();
  const outer = s.read([NEW_SHAPE, 1, NEW_SHAPE, 1, INTEGER, 7, 0, DEFINE, 0, ...text('x'), 1, DEFINE, 1, ...text('y')]);
  assert.equal(JSON.stringify(outer), '{"y":{"x":7}}');
  assert.deepEqual(s.shapes, [['x'], ['y']]);
  assert.equal(JSON.stringify(s.read([SHAPED, 1, SHAPED, 0, INTEGER, -8])), '{"y":{"x":-8}}');
});

test('a struct with the shape of one inside it, first sent, defines that shape again after its values', () => {
  const s = session();
  const inner = [NEW_SHAPE, 2, INTEGER, 2, LIST, 0, 0, DEFINE, 0, ...text('a'), DEFINE, 1, ...text('kids')];
  const tree = s.read([NEW_SHAPE, 2, INTEGER, 1, LIST, 1, ...inner, 0, KNOWN, 0, KNOWN, 1]);
  assert.equal(JSON.stringify(tree), '{"a":1,"kids":[{"a":2,"kids":[]}]}');
  assert.deepEqual(s.shapes, [['a', 'kids']]);
});

test('a key named __proto__ is an own property, as JSON.parse makes it, in a shape or an object', () => {
  const s = session();
  const shaped = /** @type {Record<string, unknown>} */ (s.read([NEW_SHAPE, 1, INTEGER, 1, 0, DEFINE, 0, ...text('__proto__')]));
  const again = /** @type {Record<string, unknown>} */ (s.read([SHAPED, 0, INTEGER, 2]));
  const object = /** @type {Record<string, unknown>} */ (s.read([OBJECT, 1, KNOWN, 0, INTEGER, 3]));
  for (const [value, expected] of [[shaped, 1], [again, 2], [object, 3]]) {
    assert.deepEqual(Object.keys(value), ['__proto__']);
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.deepEqual(value, JSON.parse(`{"__proto__":${expected}}`));
  }
});

test('lists of integers and of known strings are read without tags', () => {
  const s = session();
  assert.deepEqual(s.read([LIST, 2, DEFINE, 0, ...text('fired'), DEFINE, 1, ...text('not-fired')]), ['fired', 'not-fired']);
  assert.deepEqual(s.read([KNOWNS, 3, 1, 0, 1]), ['not-fired', 'fired', 'not-fired']);
  assert.deepEqual(s.read([INTEGERS, 4, 0, 1, 0xffffffff, 0x7fffffff]), [0, 1, -1, 2147483647]);
  assert.deepEqual(s.read([INTEGERS, 0]), []);
});

test('words left over, or an unknown tag, are an error, not a value', () => {
  const s = session();
  assert.throws(() => s.read([INTEGERS, 1, 5, 5]), /1 words left over/);
  assert.throws(() => s.read([14]), /unknown tag 14/);
});
