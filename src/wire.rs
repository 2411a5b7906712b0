//! Answers on their way to JavaScript, as 32-bit words rather than JSON text.
//!
//! Writing JSON in wasm and `JSON.parse` in JS took most of the time of a call (BENCHMARKS.md,
//! "The boundary"): V8 reads JSON at about 3.5 µs per kilobyte. Here any `Serialize` value is
//! written as a stream of words, and `src/wire.js` builds exactly the value `JSON.parse` would
//! have made from the same value's JSON, in one pass. The format is generic (objects, lists,
//! strings, numbers), so no type is described twice; the shapes are serde's.
//!
//! Strings repeat from call to call (ids, names, dates, object keys), so each short one is sent
//! once per engine: the first time, with its number ("define"); afterwards, by number. The JS
//! side keeps the list. Longer strings are written out each time.
//!
//! Words, in order: a tag, then what the tag says.
//!
//! | tag | meaning | then |
//! |---|---|---|
//! | 0, 1, 2 | `null`, `false`, `true` | |
//! | 3 | an integer | one word, as `i32` |
//! | 4 | a number | two words: the `f64`'s bits, low word first |
//! | 5 | a string sent before | its number |
//! | 6 | a string, to be kept | its number, then its text |
//! | 7 | a string, not kept | its text |
//! | 8 | a list | its length, then each item |
//! | 9 | an object | its number of members, then each key (a string, tags 5–7) and value |
//! | 10 | a list of integers (each as tag 3 would give it) | its length, then each, one word each |
//! | 11 | a list of strings sent before | its length, then each one's number |
//! | 12 | a struct of a shape sent before | the shape's number, then each value, in its keys' order |
//! | 13 | a struct of a new shape | its number of members, then each value; then the shape's number and each key (a string, tags 5–7), to be kept |
//!
//! Structs (as opposed to maps) have the same keys every time, so they are sent as a *shape*:
//! the keys once per engine, the first time a struct with those keys is written (after its
//! values, as only then are they all known), and afterwards only the shape's number. Lists of
//! integers or of known strings (a trace's positions and statuses) drop each item's tag.
//!
//! A text is its length in bytes and whether it is all ASCII (`length * 2 + ascii`), then its
//! UTF-8 bytes, four to a word, little-endian, the last word padded with zeros.
//!
//! The way in ([`read`]) uses the same tags for the values the page passes (a case, a ruleset),
//! written by `encode` in src/wire.js, so that a case crosses in one step. There a text (tag 7,
//! and each key of an object) is its length in UTF-16 code units, then the units, two to a
//! word, the first in the low half. Only plain data is written that way; for anything else the
//! value is read value by value (src/wasm.rs), which says what is wrong and where.

use serde::ser::{self, Serialize};

use crate::error::Code;
use crate::index::{self, Index};
use crate::json::{At, Budget, Json, Misfit, LONE_SURROGATE, MAX_ITEMS};

const NULL: u32 = 0;
const FALSE: u32 = 1;
const TRUE: u32 = 2;
const INTEGER: u32 = 3;
const NUMBER: u32 = 4;
const KNOWN: u32 = 5;
const DEFINE: u32 = 6;
const TEXT: u32 = 7;
const LIST: u32 = 8;
const OBJECT: u32 = 9;
const INTEGERS: u32 = 10;
const KNOWNS: u32 = 11;
const SHAPED: u32 = 12;
const NEW_SHAPE: u32 = 13;

/// Strings longer than this are written out each time: ids, names and dates are shorter,
/// and free text (a practitioner's reason, a message) would only fill the list.
const LONGEST_KEPT: usize = 64;
/// No more strings than this are kept, whatever a long session sends.
const MOST_KEPT: usize = 1 << 16;

/// The strings the JS side already holds, by number, and an index to find them.
#[derive(Default)]
pub(crate) struct Names {
    texts: Vec<Box<str>>,
    index: Index,
    /// The number last found for a string at each address (a direct-mapped cache): the ids an
    /// answer writes live in the program, at the same address every time, so most are found
    /// here by one comparison of their text, without hashing it or probing the index.
    recent: Recent,
}

struct Recent([(usize, u32); RECENT_SLOTS]);

const RECENT_SLOTS: usize = 512;

impl Default for Recent {
    fn default() -> Recent {
        Recent([(0, u32::MAX); RECENT_SLOTS])
    }
}

impl Names {
    /// The number of `text` if it is held; otherwise keeps it if it is worth keeping, and says
    /// which number to define it as.
    fn find_or_keep(&mut self, text: &str) -> Found {
        let address = text.as_ptr() as usize;
        let recent = (address ^ address >> 9) % RECENT_SLOTS;
        let (held, number) = self.recent.0[recent];
        if held == address && self.texts.get(number as usize).is_some_and(|kept| same(kept, text)) {
            return Found::Known(number);
        }
        let texts = &self.texts;
        let slot = match self.index.find(index::hash(text), &|n| same(&texts[n as usize], text)) {
            Ok(number) => {
                self.recent.0[recent] = (address, number);
                return Found::Known(number);
            }
            Err(slot) => slot,
        };
        if text.len() > LONGEST_KEPT || self.texts.len() >= MOST_KEPT {
            return Found::Not;
        }
        let number = self.texts.len() as u32;
        self.texts.push(text.into());
        let texts = &self.texts;
        self.index.keep(slot, number, &|n| index::hash(&*texts[n as usize]));
        self.recent.0[recent] = (address, number);
        Found::New(number)
    }
}

/// Whether two strings are the same, eight bytes at a time: the browser build's `memcmp` goes a
/// byte at a time, and every string an answer writes is compared with one already sent.
fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && {
        let (a8, b8) = (a.chunks_exact(8), b.chunks_exact(8));
        let word = |chunk: &[u8]| u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        // The last eight bytes (overlapping the others) rather than the few left over: no call
        // to `memcmp` for them.
        match a.len().checked_sub(8) {
            Some(last) => word(&a[last..]) == word(&b[last..]) && a8.zip(b8).all(|(x, y)| word(x) == word(y)),
            None => a == b,
        }
    }
}

enum Found {
    Known(u32),
    New(u32),
    Not,
}

/// A failure to write: only a value whose own `Serialize` fails, which none of ours does.
#[derive(Debug)]
pub(crate) struct Unwritable;

impl std::fmt::Display for Unwritable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the value could not be written")
    }
}

impl std::error::Error for Unwritable {}

impl ser::Error for Unwritable {
    // The message is dropped: formatting it would pull every serde message into the build.
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Unwritable
    }
}

/// Writes values as words, keeping the strings and shapes the other side holds.
pub(crate) struct Writer {
    words: Vec<u32>,
    names: Names,
    statics: Statics,
    shapes: Shapes,
    /// The keys of the structs being written, innermost last.
    keys: Vec<&'static str>,
}

/// The shapes sent before: each one's keys, in order. Keys are `&'static str`, so a shape is
/// found by its keys' addresses, which name their text for good. Shapes come from the types of
/// the values written, so there are only ever a few dozen.
#[derive(Default)]
struct Shapes {
    /// Every shape's keys, one shape after another.
    keys: Vec<&'static str>,
    /// Where each shape's keys end in `keys`.
    ends: Vec<usize>,
    index: Index,
}

impl Shapes {
    /// The keys of shape `number`, from the lists `keys` and `ends` of [`Shapes`].
    fn keys_of<'k>(keys: &'k [&'static str], ends: &[usize], number: u32) -> &'k [&'static str] {
        let number = number as usize;
        let start = if number == 0 { 0 } else { ends[number - 1] };
        &keys[start..ends[number]]
    }

    fn hash(keys: &[&'static str]) -> u64 {
        keys.iter().fold(keys.len() as u64, |h, key| index::mix(h, key.as_ptr() as u64 ^ (key.len() as u64) << 48))
    }

    /// The number of the shape with these keys, and whether it is new.
    fn find_or_keep(&mut self, keys: &[&'static str]) -> (u32, bool) {
        let Shapes { keys: kept, ends, index } = self;
        let same = |a: &[&'static str]| a.len() == keys.len() && a.iter().zip(keys).all(|(x, y)| std::ptr::eq(*x, *y));
        let slot = match index.find(Shapes::hash(keys), &|n| same(Shapes::keys_of(kept, ends, n))) {
            Ok(number) => return (number, false),
            Err(slot) => slot,
        };
        let number = ends.len() as u32;
        kept.extend_from_slice(keys);
        ends.push(kept.len());
        index.keep(slot, number, &|n| Shapes::hash(Shapes::keys_of(kept, ends, n)));
        (number, true)
    }
}

/// The numbers of strings that live as long as the program (object keys, variant names), by
/// their address: no other string of the same length can ever be at that address (static text
/// is never freed or changed, though a shorter one may start at the same byte), so finding one
/// needs neither its hash nor a comparison of its bytes. Each slot holds the last such string
/// whose address falls there (a direct-mapped cache); a miss finds the string by its text.
struct Statics([(usize, usize, u32); STATIC_SLOTS]);

const STATIC_SLOTS: usize = 128;

impl Default for Statics {
    fn default() -> Statics {
        Statics([(0, usize::MAX, 0); STATIC_SLOTS])
    }
}

// Written out rather than derived, and never inlined: the derived one was inlined into every
// method of the binding, 0.9 KB gzipped in all.
impl Default for Writer {
    #[inline(never)]
    fn default() -> Writer {
        Writer { words: Vec::new(), names: Names::default(), statics: Statics::default(), shapes: Shapes::default(), keys: Vec::new() }
    }
}

impl Writer {
    /// The words last written.
    pub(crate) fn words(&self) -> &[u32] {
        &self.words
    }

    /// The words of `value`, valid until the next call.
    pub(crate) fn write<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<&[u32], Unwritable> {
        self.words.clear();
        self.keys.clear();
        value.serialize(&mut *self)?;
        Ok(&self.words)
    }

    /// A string that lives as long as the program: an object's key, or a variant's name.
    fn static_string(&mut self, text: &'static str) {
        let address = text.as_ptr() as usize;
        let slot = (address ^ address >> 7) % STATIC_SLOTS;
        let (held, length, number) = self.statics.0[slot];
        if (held, length) == (address, text.len()) {
            self.words.extend([KNOWN, number]);
            return;
        }
        let at = self.words.len();
        self.string(text);
        if let [KNOWN | DEFINE, number, ..] = self.words[at..] {
            self.statics.0[slot] = (address, text.len(), number);
        }
    }

    fn string(&mut self, text: &str) {
        match self.names.find_or_keep(text) {
            Found::Known(number) => self.words.extend([KNOWN, number]),
            Found::New(number) => {
                self.words.extend([DEFINE, number]);
                self.text(text);
            }
            Found::Not => {
                self.words.push(TEXT);
                self.text(text);
            }
        }
    }

    fn text(&mut self, text: &str) {
        let bytes = text.as_bytes();
        self.words.push((bytes.len() as u32) << 1 | u32::from(text.is_ascii()));
        self.words.extend(bytes.chunks(4).map(|chunk| chunk.iter().rev().fold(0, |word, b| word << 8 | u32::from(*b))));
    }

    /// Starts a list or object whose length is known only at its end.
    fn open(&mut self, tag: u32) -> Open<'_> {
        self.words.extend([tag, 0]);
        let at = self.words.len() - 1;
        let keys_from = self.keys.len();
        Open { writer: self, at, count: 0, keys_from, shapes_from: 0 }
    }

    /// A variant with content: `{"variant": content}`, the content a list or object.
    fn variant(&mut self, variant: &'static str, tag: u32) -> Variant<'_> {
        self.words.extend([OBJECT, 1]);
        self.static_string(variant);
        Variant(self.open(tag))
    }
}

/// A list or object being written; its count is filled in at the end.
pub(crate) struct Open<'w> {
    writer: &'w mut Writer,
    at: usize,
    count: u32,
    /// For a struct, where its keys start in the writer's `keys`.
    keys_from: usize,
    /// For a struct, how many shapes there were when it opened: a shape numbered from here was
    /// defined inside it, after its head, so the other side cannot know it on reading the head.
    shapes_from: u32,
}

impl Open<'_> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        self.count += 1;
        value.serialize(&mut *self.writer)
    }

    fn member<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Unwritable> {
        self.writer.static_string(key);
        self.item(value)
    }

    #[inline(never)]
    fn close(self) -> Result<(), Unwritable> {
        let words = &mut self.writer.words;
        let (head, count) = (self.at - 1, self.count as usize);
        words[self.at] = self.count;
        // A list whose items are all integers, or all strings sent before, drops their tags.
        if words[head] == LIST && count > 0 && words.len() - self.at - 1 == 2 * count {
            let items = self.at + 1;
            let tag = words[items];
            if matches!(tag, INTEGER | KNOWN) && (0..count).all(|i| words[items + 2 * i] == tag) {
                words[head] = if tag == INTEGER { INTEGERS } else { KNOWNS };
                for i in 0..count {
                    words[items + i] = words[items + 2 * i + 1];
                }
                words.truncate(items + count);
            }
        }
        Ok(())
    }

    /// A struct's next key. (Not inlined: there is a copy of `serialize_field` for every type
    /// of field, and each would grow by a copy of this.)
    #[inline(never)]
    fn key(&mut self, key: &'static str) {
        self.count += 1;
        self.writer.keys.push(key);
    }

    /// Ends a struct: its shape's number in place of its count, or, for a shape the other side
    /// does not know when it reads this head, its keys after its values. (A struct within one
    /// with the same keys, say of a recursive type, defines the shape first but is read after.)
    #[inline(never)]
    fn close_struct(self) -> Result<(), Unwritable> {
        let writer = self.writer;
        let (number, new) = writer.shapes.find_or_keep(&writer.keys[self.keys_from..]);
        if new || number >= self.shapes_from {
            writer.words[self.at - 1] = NEW_SHAPE;
            writer.words[self.at] = self.count;
            writer.words.push(number);
            for i in self.keys_from..writer.keys.len() {
                writer.string(writer.keys[i]);
            }
        } else {
            writer.words[self.at - 1] = SHAPED;
            writer.words[self.at] = number;
        }
        writer.keys.truncate(self.keys_from);
        Ok(())
    }
}

/// A variant with content, `{"variant": content}` as serde_json writes it: an object of one
/// member, whose content is written as a list or object.
pub(crate) struct Variant<'w>(Open<'w>);

impl<'w> ser::Serializer for &'w mut Writer {
    type Ok = ();
    type Error = Unwritable;
    type SerializeSeq = Open<'w>;
    type SerializeTuple = Open<'w>;
    type SerializeTupleStruct = Open<'w>;
    type SerializeTupleVariant = Variant<'w>;
    type SerializeMap = Open<'w>;
    type SerializeStruct = Open<'w>;
    type SerializeStructVariant = Variant<'w>;

    fn serialize_bool(self, v: bool) -> Result<(), Unwritable> {
        self.words.push(if v { TRUE } else { FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Unwritable> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Unwritable> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Unwritable> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Unwritable> {
        match i32::try_from(v) {
            Ok(small) => self.words.extend([INTEGER, small as u32]),
            // As JSON.parse reads a large integer: the nearest double.
            Err(_) => return self.serialize_f64(v as f64),
        }
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Unwritable> {
        self.serialize_i64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Unwritable> {
        self.serialize_i64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Unwritable> {
        self.serialize_i64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Unwritable> {
        match i64::try_from(v) {
            Ok(v) => self.serialize_i64(v),
            Err(_) => self.serialize_f64(v as f64),
        }
    }
    fn serialize_f32(self, v: f32) -> Result<(), Unwritable> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Unwritable> {
        if !v.is_finite() {
            // serde_json writes null for these.
            return self.serialize_unit();
        }
        let bits = v.to_bits();
        self.words.extend([NUMBER, bits as u32, (bits >> 32) as u32]);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Unwritable> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Unwritable> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Unwritable> {
        ser::Serializer::collect_seq(self, v)
    }
    fn serialize_none(self) -> Result<(), Unwritable> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Unwritable> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Unwritable> {
        self.words.push(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unwritable> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), Unwritable> {
        self.static_string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), Unwritable> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(self, _: &'static str, _: u32, variant: &'static str, value: &T) -> Result<(), Unwritable> {
        let mut object = self.open(OBJECT);
        object.member(variant, value)?;
        object.close()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Open<'w>, Unwritable> {
        Ok(self.open(LIST))
    }
    fn serialize_tuple(self, _: usize) -> Result<Open<'w>, Unwritable> {
        Ok(self.open(LIST))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Open<'w>, Unwritable> {
        Ok(self.open(LIST))
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, variant: &'static str, _: usize) -> Result<Variant<'w>, Unwritable> {
        Ok(self.variant(variant, LIST))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Open<'w>, Unwritable> {
        Ok(self.open(OBJECT))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Open<'w>, Unwritable> {
        let shapes_from = self.shapes.ends.len() as u32;
        Ok(Open { shapes_from, ..self.open(OBJECT) })
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, variant: &'static str, _: usize) -> Result<Variant<'w>, Unwritable> {
        Ok(self.variant(variant, OBJECT))
    }
    fn collect_str<T: std::fmt::Display + ?Sized>(self, value: &T) -> Result<(), Unwritable> {
        use std::fmt::Write;
        // Dates, mostly: ten bytes, formatted on the stack.
        let mut text = Short::default();
        if write!(text, "{value}").is_ok() {
            return self.serialize_str(text.as_str());
        }
        self.serialize_str(&value.to_string())
    }
}

/// A string of up to 32 bytes on the stack.
#[derive(Default)]
struct Short {
    bytes: [u8; 32],
    len: usize,
}

impl Short {
    fn as_str(&self) -> &str {
        // Only whole `str`s are written in.
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

impl std::fmt::Write for Short {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        self.bytes.get_mut(self.len..end).ok_or(std::fmt::Error)?.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// The traits serde asks of a list as it asks of a tuple: the same items, by another name.
macro_rules! items {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Open<'_> {
            type Ok = ();
            type Error = Unwritable;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
                self.item(value)
            }
            fn end(self) -> Result<(), Unwritable> {
                self.close()
            }
        }
    )*};
}
items!(SerializeSeq::serialize_element, SerializeTuple::serialize_element, SerializeTupleStruct::serialize_field);

impl ser::SerializeMap for Open<'_> {
    type Ok = ();
    type Error = Unwritable;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unwritable> {
        // Keys are strings in JSON: ours always are, and serialize as such.
        key.serialize(&mut *self.writer)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        self.item(value)
    }
    fn end(self) -> Result<(), Unwritable> {
        self.close()
    }
}

impl ser::SerializeStruct for Open<'_> {
    type Ok = ();
    type Error = Unwritable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Unwritable> {
        self.key(key);
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result<(), Unwritable> {
        self.close_struct()
    }
}

impl ser::SerializeTupleVariant for Variant<'_> {
    type Ok = ();
    type Error = Unwritable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        self.0.item(value)
    }
    fn end(self) -> Result<(), Unwritable> {
        self.0.close()
    }
}

impl ser::SerializeStructVariant for Variant<'_> {
    type Ok = ();
    type Error = Unwritable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Unwritable> {
        self.0.member(key, value)
    }
    fn end(self) -> Result<(), Unwritable> {
        self.0.close()
    }
}

/// The JSON tree of a value written by `encode` in src/wire.js, within the same limits and with
/// the same paths as reading it value by value.
pub(crate) fn read(words: &[u32]) -> Result<Json, Misfit> {
    let mut reader = Read { words, next: 0, budget: Budget::default() };
    let value = reader.value(&At::Root, 0)?;
    match reader.next == words.len() {
        true => Ok(value),
        false => Err(reader.garbled(&At::Root)),
    }
}

/// A reading of words, from `next` on.
struct Read<'w> {
    words: &'w [u32],
    next: usize,
    budget: Budget,
}

impl Read<'_> {
    fn word(&mut self, at: &At) -> Result<u32, Misfit> {
        let word = self.words.get(self.next).copied().ok_or_else(|| self.garbled(at))?;
        self.next += 1;
        Ok(word)
    }

    /// Words src/wire.js could not have written: a bug on one side or the other.
    fn garbled(&self, at: &At) -> Misfit {
        at.misfit(Code::Unreadable, format!("this value could not be read (word {} of {} was not as expected)", self.next, self.words.len()))
    }

    fn value(&mut self, at: &At, depth: usize) -> Result<Json, Misfit> {
        self.budget.value(at)?;
        Ok(match self.word(at)? {
            NULL => Json::Null,
            FALSE => Json::Bool(false),
            TRUE => Json::Bool(true),
            INTEGER => Json::Number(f64::from(self.word(at)? as i32)),
            NUMBER => {
                let low = u64::from(self.word(at)?);
                let number = f64::from_bits(u64::from(self.word(at)?) << 32 | low);
                if !number.is_finite() {
                    return Err(self.garbled(at));
                }
                Json::Number(number)
            }
            TEXT => Json::String(self.text(at)?),
            LIST => {
                self.budget.nest(depth, at)?;
                let length = self.word(at)? as usize;
                Budget::items(length.min(MAX_ITEMS + 1), at)?;
                let mut items = Vec::with_capacity(length.min(self.words.len() - self.next));
                for i in 0..length {
                    items.push(self.value(&At::Index(at, i), depth + 1)?);
                }
                Json::Array(items)
            }
            OBJECT => {
                self.budget.nest(depth, at)?;
                let count = self.word(at)? as usize;
                Budget::keys(count, at)?;
                let mut members = Vec::with_capacity(count.min(self.words.len() - self.next));
                for _ in 0..count {
                    let key = self.text(at)?;
                    let value = self.value(&At::Key(at, &key), depth + 1)?;
                    members.push((key, value));
                }
                Json::Object(members)
            }
            _ => return Err(self.garbled(at)),
        })
    }

    /// A text of UTF-16 code units, checked against the limits before it is copied.
    fn text(&mut self, at: &At) -> Result<String, Misfit> {
        let units = self.word(at)? as usize;
        self.budget.text(units, at)?;
        let words = self.words.get(self.next..self.next + units.div_ceil(2)).ok_or_else(|| self.garbled(at))?;
        self.next += words.len();
        let mut text = String::with_capacity(units);
        let units = words.iter().flat_map(|w| [*w as u16, (*w >> 16) as u16]).take(units);
        // Nearly every key and answer is ASCII, whose units are its bytes: no list of units to
        // allocate and convert.
        for unit in units.clone() {
            match u8::try_from(unit) {
                Ok(byte) if byte.is_ascii() => text.push(char::from(byte)),
                _ => return char::decode_utf16(units).collect::<Result<String, _>>().map_err(|_| at.misfit(Code::BadText, LONE_SURROGATE)),
            }
        }
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    #[derive(Serialize)]
    struct Pair {
        #[serde(skip_serializing_if = "Option::is_none")]
        a: Option<u8>,
        #[serde(skip_serializing_if = "Option::is_none")]
        b: Option<u8>,
        c: u8,
    }

    /// The words of a text as `Writer::text` writes it, for the expectations below.
    fn text(s: &str) -> Vec<u32> {
        let mut writer = Writer::default();
        writer.text(s);
        writer.words
    }

    #[test]
    fn a_struct_sends_its_keys_once_per_shape_and_shapes_differ_by_their_keys() {
        let mut writer = Writer::default();
        let first = writer.write(&Pair { a: Some(1), b: None, c: 3 }).expect("writes").to_vec();
        let expected: Vec<u32> = [vec![NEW_SHAPE, 2, INTEGER, 1, INTEGER, 3, 0, DEFINE, 0], text("a"), vec![DEFINE, 1], text("c")].concat();
        assert_eq!(first, expected);
        // As many members, other keys: a shape of its own, its new key defined, its old one known.
        let second = writer.write(&Pair { a: None, b: Some(2), c: 3 }).expect("writes").to_vec();
        assert_eq!(second, [vec![NEW_SHAPE, 2, INTEGER, 2, INTEGER, 3, 1, DEFINE, 2], text("b"), vec![KNOWN, 1]].concat());
        // The first shape again: its number and its values only.
        assert_eq!(writer.write(&Pair { a: Some(5), b: None, c: 6 }).expect("writes"), [SHAPED, 0, INTEGER, 5, INTEGER, 6]);
        assert_eq!(writer.write(&[Pair { a: None, b: Some(7), c: 8 }]).expect("writes"), [LIST, 1, SHAPED, 1, INTEGER, 7, INTEGER, 8]);
    }

    #[derive(Serialize)]
    struct Tree {
        a: u8,
        kids: Vec<Tree>,
    }

    #[test]
    fn a_struct_whose_shape_is_first_defined_inside_it_defines_it_again() {
        let mut writer = Writer::default();
        let tree = Tree { a: 1, kids: vec![Tree { a: 2, kids: vec![] }] };
        // The inner tree closes first and defines shape 0; the outer one is read before it, so
        // it gives its keys too (found as known strings now), rather than naming shape 0.
        let inner = [vec![NEW_SHAPE, 2, INTEGER, 2, LIST, 0, 0, DEFINE, 0], text("a"), vec![DEFINE, 1], text("kids")].concat();
        let expected = [vec![NEW_SHAPE, 2, INTEGER, 1, LIST, 1], inner, vec![0, KNOWN, 0, KNOWN, 1]].concat();
        assert_eq!(writer.write(&tree).expect("writes"), expected);
        // Known from then on, at any depth.
        assert_eq!(writer.write(&tree).expect("writes"), [SHAPED, 0, INTEGER, 1, LIST, 1, SHAPED, 0, INTEGER, 2, LIST, 0]);
    }

    #[test]
    fn lists_of_integers_or_known_strings_drop_their_tags_and_others_keep_them() {
        let mut writer = Writer::default();
        assert_eq!(writer.write(&[1, -1, 0]).expect("writes"), [INTEGERS, 3, 1, u32::MAX, 0]);
        assert_eq!(writer.write::<[i32]>(&[]).expect("writes"), [LIST, 0]);
        // Too large for a word: a number, so the list keeps its tags.
        assert_eq!(writer.write(&[1i64, 1 << 40]).expect("writes")[..4], [LIST, 2, INTEGER, 1]);
        // "x" is defined by its first use, so only the second list is all known strings.
        let first = writer.write(&["x", "x"]).expect("writes").to_vec();
        assert_eq!(first, [vec![LIST, 2, DEFINE, 0], text("x"), vec![KNOWN, 0]].concat());
        assert_eq!(writer.write(&["x", "x"]).expect("writes"), [KNOWNS, 2, 0, 0]);
        assert_eq!(writer.write(&[Some(1), None]).expect("writes"), [LIST, 2, INTEGER, 1, NULL]);
    }
}
