// @ts-check
// The JavaScript half of src/wire.rs: builds, from the words an answer was written as, the value
// JSON.parse would have made from its JSON. The format is described there, once.
// wasm-bindgen copies this file into pkg/snippets/, and the engine calls it; nothing else should.

const utf8 = new TextDecoder();

/** @type {Uint32Array} */
let words = new Uint32Array(0);
let at = 0;
/** @type {string[]} */
let names = [];

/**
 * The value written in `written` (a view of the engine's memory, read before this returns).
 * `known` is the list of strings sent before, kept by the engine for this writer; strings
 * defined in `written` are added to it.
 *
 * @param {Uint32Array} written
 * @param {string[]} known
 * @returns {unknown}
 */
export function decode(written, known) {
  words = written;
  at = 0;
  names = known;
  const value = read();
  if (at !== words.length) throw new Error(`wire: ${words.length - at} words left over`);
  words = new Uint32Array(0);
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
      for (let i = 0; i < count; i++) {
        const key = /** @type {string} */ (read());
        object[key] = read();
      }
      return object;
    }
    case 8: {
      const count = words[at++];
      const list = [];
      for (let i = 0; i < count; i++) list.push(read());
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
    case 4: {
      const bits = new DataView(new ArrayBuffer(8));
      bits.setUint32(0, words[at++], true);
      bits.setUint32(4, words[at++], true);
      return bits.getFloat64(0, true);
    }
    default:
      throw new Error(`wire: unknown tag ${tag} at word ${at - 1}`);
  }
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
