// @ts-check
// The JavaScript half of src/wire.rs: builds, from the words an answer was written as, the value
// JSON.parse would have made from its JSON. The format is described there, once.
// wasm-bindgen copies this file into pkg/snippets/, and the engine calls it; nothing else should.

const utf8 = new TextDecoder();
/** A number's eight bytes, both ways. */
const float = new DataView(new ArrayBuffer(8));

/** No words: what `words` holds between calls, so that it keeps no answer alive. */
const NONE = new Uint32Array(0);
/** @type {Uint32Array} */
let words = NONE;
let at = 0;
/** @type {string[]} */
let names = [];
/** @type {string[][]} */
let shapes = [];

/**
 * The value written in `written` (a view of the engine's memory, read before this returns).
 * `known` is the list of strings sent before, and `shaped` the keys of each shape sent before,
 * both kept by the engine for this writer; those defined in `written` are added to them.
 *
 * @param {Uint32Array} written
 * @param {string[]} known
 * @param {string[][]} shaped
 * @returns {unknown}
 */
export function decode(written, known, shaped) {
  words = written;
  at = 0;
  names = known;
  shapes = shaped;
  const value = read();
  if (at !== words.length) throw new Error(`wire: ${words.length - at} words left over`);
  words = NONE;
  return value;
}

/** @returns {unknown} */
function read() {
  const tag = words[at++];
  switch (tag) {
    case 5:
      return names[words[at++]];
    case 9: {
      const count = words[at++];
      /** @type {Record<string, unknown>} */
      const object = {};
      for (let i = 0; i < count; i++) member(object, /** @type {string} */ (read()), read());
      return object;
    }
    case 12:
      return struct(shapes[words[at++]], null);
    case 13: {
      const values = [];
      for (let i = words[at++]; i > 0; i--) values.push(read());
      const number = words[at++];
      const keys = values.map(() => /** @type {string} */ (read()));
      shapes[number] = keys;
      return struct(keys, values);
    }
    // Lists are made at their length and filled, which V8 does about three times faster than
    // pushing each item.
    case 8: {
      const list = new Array(words[at++]);
      for (let i = 0; i < list.length; i++) list[i] = read();
      return list;
    }
    case 10: {
      const list = new Array(words[at++]);
      for (let i = 0; i < list.length; i++) list[i] = words[at++] | 0;
      return list;
    }
    case 11: {
      const list = new Array(words[at++]);
      for (let i = 0; i < list.length; i++) list[i] = names[words[at++]];
      return list;
    }
    case 3:
      return words[at++] | 0;
    case 0:
      return null;
    case 1:
      return false;
    case 2:
      return true;
    case 6: {
      const number = words[at++];
      return (names[number] = text());
    }
    case 7:
      return text();
    case 4:
      float.setUint32(0, words[at++], true);
      float.setUint32(4, words[at++], true);
      return float.getFloat64(0, true);
    default:
      throw new Error(`wire: unknown tag ${tag} at word ${at - 1}`);
  }
}

/**
 * An object with these keys, in order, and their values: those given, or else read in turn.
 *
 * @param {string[]} keys
 * @param {unknown[] | null} values
 */
function struct(keys, values) {
  /** @type {Record<string, unknown>} */
  const object = {};
  for (let i = 0; i < keys.length; i++) member(object, keys[i], values ? values[i] : read());
  return object;
}

/**
 * Adds a member as JSON.parse does: an own property, even one named __proto__.
 *
 * @param {Record<string, unknown>} object
 * @param {string} key
 * @param {unknown} value
 */
function member(object, key, value) {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/** @returns {string} */
function text() {
  const head = words[at++];
  const length = head >>> 1;
  const start = at;
  at += (length + 3) >>> 2;
  const bytes = new Uint8Array(words.buffer, words.byteOffset + start * 4, length);
  if (head & 1 && length <= 64) return String.fromCharCode.apply(null, /** @type {number[]} */ (/** @type {unknown} */ (bytes)));
  return utf8.decode(bytes);
}

// The way in: a plain JS value (a case, a ruleset) as words that src/wire.rs reads into the
// engine's JSON tree in one step, rather than one call into JS for every value. Only plain data
// is written here; anything else (a getter or Proxy that throws, a function, a number JSON cannot
// hold, a list too long, nesting too deep, more than the limits allow) gives `undefined`, and the
// engine reads the value itself, value by value, with the path of whatever is wrong. So this is
// never the one to refuse a value: it either writes it exactly as that reading would see it, or
// declines.

/** Thrown to decline; never escapes `encode`. */
const DECLINE = Symbol('decline');

/** @type {Uint32Array} */
let out = new Uint32Array(1024);
let end = 0;
let writing = false;
let values = 0;
let units = 0;
/** @type {{ depth: number, items: number, keys: number, values: number, text: number }} */
let limits = { depth: 0, items: 0, keys: 0, values: 0, text: 0 };

/**
 * The words of `value`, or undefined to have the engine read it value by value.
 *
 * @param {unknown} value
 * @param {Uint32Array} limit  nesting, items in a list, keys in an object, values, text (src/json.rs)
 * @returns {Uint32Array | undefined}
 */
export function encode(value, limit) {
  // A getter that calls the engine while its case is being written: that call reads its own
  // case value by value, leaving this writing as it was.
  if (writing) return undefined;
  writing = true;
  limits = { depth: limit[0], items: limit[1], keys: limit[2], values: limit[3], text: limit[4] };
  end = 0;
  values = 0;
  units = 0;
  try {
    write(value, 0);
    return out.subarray(0, end);
  } catch {
    // DECLINE, or anything the value's own code threw: the engine's reading will say where.
    return undefined;
  } finally {
    writing = false;
    if (out.length > 1 << 16) out = new Uint32Array(1024);
  }
}

/** @param {number} word */
function put(word) {
  if (end === out.length) {
    const bigger = new Uint32Array(out.length * 2);
    bigger.set(out);
    out = bigger;
  }
  out[end++] = word;
}

/**
 * @param {unknown} value
 * @param {number} depth  lists and objects around it
 */
function write(value, depth) {
  if (++values > limits.values) throw DECLINE;
  switch (typeof value) {
    case 'string':
      put(7);
      return putText(value);
    case 'number':
      if (!Number.isFinite(value)) throw DECLINE;
      if (Number.isInteger(value) && value >= -0x80000000 && value <= 0x7fffffff && !Object.is(value, -0)) {
        put(3);
        return put(value >>> 0);
      }
      float.setFloat64(0, value, true);
      put(4);
      put(float.getUint32(0, true));
      return put(float.getUint32(4, true));
    case 'boolean':
      return put(value ? 2 : 1);
    case 'undefined':
      return put(0);
    case 'object': {
      if (value === null) return put(0);
      if (depth >= limits.depth) throw DECLINE;
      if (Array.isArray(value)) {
        const length = value.length;
        if (typeof length !== 'number' || !Number.isInteger(length) || length < 0 || length > limits.items) throw DECLINE;
        put(8);
        put(length);
        for (let i = 0; i < length; i++) write(value[i], depth + 1);
        return;
      }
      const keys = Object.keys(value);
      if (keys.length > limits.keys) throw DECLINE;
      put(9);
      put(keys.length);
      const object = /** @type {Record<string, unknown>} */ (value);
      for (const key of keys) {
        putText(key);
        write(object[key], depth + 1);
      }
      return;
    }
    default:
      // A function, symbol or bigint: not JSON data.
      throw DECLINE;
  }
}

/**
 * A string's length in UTF-16 code units, then the units, two to a word.
 * @param {string} s
 */
function putText(s) {
  const length = s.length;
  units += length;
  if (units > limits.text) throw DECLINE;
  put(length);
  for (let i = 0; i < length; i += 2) put((s.charCodeAt(i) | (i + 1 < length ? s.charCodeAt(i + 1) << 16 : 0)) >>> 0);
}
