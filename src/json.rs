//! Reading rulesets, profiles, cases and scenarios from JSON, naming the path of everything
//! that does not fit.
//!
//! Input is first turned into a small [`Json`] tree (by serde_json natively; in the browser
//! from the JS object, as words written in one step by src/wire.js, or value by value when it is
//! not plain data), then read by a [`Reader`], which collects every problem rather than
//! stopping at the first. Deriving serde's `Deserialize` for a typed model instead cost the
//! browser build about 250 KB: every type was instantiated for the JS deserializer and again for
//! path tracking. One tree type and one reader keep it small and give the same errors on both
//! sides.
//!
//! An object is read through [`Reader::object`], whose keys are exactly those its reading asks
//! for: each document's fields are written once, where they are read (the ruleset's and
//! profile's in [`crate::source`], a case's in `case.rs`, a scenario's in `scenario.rs`).

use std::cell::Cell;
use std::fmt::{self, Write};

use crate::error::{Code, Document, Error, Problem};

// --- Limits ------------------------------------------------------------------------------------
//
// Every document, natively and in the browser, is read within the same limits, checked by the
// same code ([`Budget`]), so the command line and the page give the same verdict on the same
// input. docs/ruleset-format.md lists them under "Limits".

/// Lists and objects nested deeper than this are refused.
pub(crate) const MAX_DEPTH: usize = 100;
/// Values (including every list and object) in one document.
pub(crate) const MAX_VALUES: usize = 2_000_000;
/// Characters in one string or object key. Text is measured as JavaScript measures it, in
/// UTF-16 code units: most characters count one, those outside the Basic Multilingual Plane
/// (such as emoji) two.
pub(crate) const MAX_STRING: usize = 100_000;
/// Characters of text (strings and keys) in one document.
pub(crate) const MAX_TEXT: usize = 50_000_000;
/// Items in one list.
pub(crate) const MAX_ITEMS: usize = 100_000;
/// Keys in one object.
pub(crate) const MAX_KEYS: usize = 100_000;

/// What one document has used of its limits while being read. (Its messages spell out the
/// limits rather than format them: a test checks they agree.)
#[derive(Default)]
pub(crate) struct Budget {
    values: usize,
    text: usize,
}

impl Budget {
    /// One more value, at `at`.
    pub fn value(&mut self, at: &At) -> Result<(), Misfit> {
        self.values += 1;
        if self.values > MAX_VALUES {
            return Err(at.misfit(Code::TooLarge, "the document has more than 2000000 values (the limit)"));
        }
        Ok(())
    }

    /// A list or object with `enclosing` lists and objects around it.
    pub fn nest(&mut self, enclosing: usize, at: &At) -> Result<(), Misfit> {
        if enclosing >= MAX_DEPTH {
            return Err(at.misfit(Code::TooDeep, "lists and objects are nested more than 100 deep (the limit)"));
        }
        Ok(())
    }

    /// A string or key of `chars` characters (UTF-16 code units).
    pub fn text(&mut self, chars: usize, at: &At) -> Result<(), Misfit> {
        if chars > MAX_STRING {
            return Err(at.misfit(Code::TooLarge, "text of more than 100000 characters (the limit)"));
        }
        self.text += chars;
        if self.text > MAX_TEXT {
            return Err(at.misfit(Code::TooLarge, "the document has more than 50000000 characters of text (the limit)"));
        }
        Ok(())
    }

    /// The `n`th item of a list (counting from 1).
    pub fn items(n: usize, at: &At) -> Result<(), Misfit> {
        if n > MAX_ITEMS {
            return Err(at.misfit(Code::TooLarge, "a list of more than 100000 items (the limit)"));
        }
        Ok(())
    }

    /// The `n`th key of an object (counting from 1).
    pub fn keys(n: usize, at: &At) -> Result<(), Misfit> {
        if n > MAX_KEYS {
            return Err(at.misfit(Code::TooLarge, "an object of more than 100000 keys (the limit)"));
        }
        Ok(())
    }
}

/// Text with half of a UTF-16 surrogate pair: JSON allows it in an escape (`"\ud800"`), but it is
/// not a character, and the page and the command line would read it differently. Refused by both.
pub(crate) const LONE_SURROGATE: &str = "this text has half of a surrogate pair (\\ud800 to \\udfff) without the other half";

/// A parsed JSON value. Object members keep their document order.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`, which a field reads as absent.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number: every number, as JavaScript holds it.
    Number(f64),
    /// Text.
    String(String),
    /// A list.
    Array(Vec<Json>),
    /// An object's members, in document order (a key given twice is kept twice, and reported).
    Object(Vec<(String, Json)>),
}

/// Reads JSON text into a tree within the document limits, tracking where it is.
#[cfg(not(target_arch = "wasm32"))]
struct Seed<'a> {
    at: &'a At<'a>,
    /// Lists and objects around this value.
    depth: usize,
    budget: &'a std::cell::RefCell<Budget>,
}

/// A limit exceeded inside serde_json, carried through its error as text and read back by
/// [`parse`]: `\u{0}code\u{0}path\u{0}message`.
#[cfg(not(target_arch = "wasm32"))]
fn limit_error<E: serde::de::Error>(m: Misfit) -> E {
    E::custom(format_args!("\u{0}{}\u{0}{}\u{0}{}", m.code, m.path, m.message))
}

#[cfg(not(target_arch = "wasm32"))]
impl Seed<'_> {
    fn count<E: serde::de::Error>(&self) -> Result<(), E> {
        self.budget.borrow_mut().value(self.at).map_err(limit_error)
    }

    fn text<E: serde::de::Error>(&self, text: &str, at: &At) -> Result<(), E> {
        self.budget.borrow_mut().text(utf16_len(text), at).map_err(limit_error)
    }

    fn nest<E: serde::de::Error>(&self) -> Result<(), E> {
        self.count()?;
        self.budget.borrow_mut().nest(self.depth, self.at).map_err(limit_error)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl<'de> serde::de::DeserializeSeed<'de> for Seed<'_> {
    type Value = Json;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(self)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl<'de> serde::de::Visitor<'de> for Seed<'_> {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<Json, E> {
        self.count()?;
        Ok(Json::Null)
    }
    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Json, E> {
        self.count()?;
        Ok(Json::Bool(v))
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Json, E> {
        self.count()?;
        Ok(Json::Number(v as f64))
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Json, E> {
        self.count()?;
        Ok(Json::Number(v as f64))
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Json, E> {
        self.count()?;
        Ok(Json::Number(v))
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Json, E> {
        self.count()?;
        self.text(v, self.at)?;
        Ok(Json::String(v.to_string()))
    }
    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Json, E> {
        self.count()?;
        self.text(&v, self.at)?;
        Ok(Json::String(v))
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        self.nest()?;
        let mut items = Vec::new();
        loop {
            let at = At::Index(self.at, items.len());
            match seq.next_element_seed(Seed { at: &at, depth: self.depth + 1, budget: self.budget })? {
                Some(item) => {
                    Budget::items(items.len() + 1, self.at).map_err(limit_error)?;
                    items.push(item);
                }
                None => break,
            }
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        self.nest()?;
        let mut members = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let at = At::Key(self.at, &key);
            Budget::keys(members.len() + 1, self.at).map_err(limit_error)?;
            self.text(&key, &at)?;
            let value = map.next_value_seed(Seed { at: &at, depth: self.depth + 1, budget: self.budget })?;
            members.push((key, value));
        }
        Ok(Json::Object(members))
    }
}

/// Parses JSON text into a tree, within the document limits. A leading byte-order mark is
/// skipped, as browsers do when they decode a fetched or opened file. Syntax errors carry their
/// line and column; a limit exceeded carries its path too.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(text: &str, document: Document) -> Result<Json, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let budget = std::cell::RefCell::new(Budget::default());
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let root = At::Root;
    let seed = Seed { at: &root, depth: 0, budget: &budget };
    let parsed = serde::de::DeserializeSeed::deserialize(seed, &mut deserializer).and_then(|json| deserializer.end().map(|()| json));
    parsed.map_err(|error| {
        let located = error.to_string();
        let suffix = format!(" at line {} column {}", error.line(), error.column());
        let message = located.strip_suffix(&suffix).unwrap_or(&located);
        let (code, path, message) = match message.strip_prefix('\u{0}').and_then(|m| m.split_once('\u{0}')) {
            Some((code, rest)) => {
                let (path, message) = rest.split_once('\u{0}').unwrap_or((rest, ""));
                (limit_code(code), path.to_string(), message.to_string())
            }
            None if message.contains("surrogate") || message.contains("end of hex escape") => (Code::BadText, String::new(), LONE_SURROGATE.to_string()),
            None => (Code::Syntax, String::new(), message.to_string()),
        };
        Error::new(vec![Problem { document, path, code, message, line: Some(error.line()), column: Some(error.column()) }])
    })
}

/// The length of text as JavaScript counts it, in UTF-16 code units.
#[cfg(not(target_arch = "wasm32"))]
fn utf16_len(text: &str) -> usize {
    // Characters of four UTF-8 bytes (starting 0xF0 or above) take two units.
    text.chars().count() + text.bytes().filter(|b| *b >= 0xf0).count()
}

/// The static code for a limit's code carried as text.
#[cfg(not(target_arch = "wasm32"))]
fn limit_code(code: &str) -> Code {
    if code == Code::TooDeep.name() {
        Code::TooDeep
    } else {
        Code::TooLarge
    }
}

/// Parses JSON text and reads it as a case or scenario.
#[cfg(not(target_arch = "wasm32"))]
pub fn from_json<T: FromDocument>(text: &str) -> Result<T, Error> {
    T::from_tree(&parse(text, T::DOCUMENT)?)
}

/// A document read from a JSON tree.
pub trait FromDocument: Sized {
    /// The kind of document it is, named in its problems.
    const DOCUMENT: Document;
    /// Reads it from a JSON tree, reporting every problem with its path.
    fn from_tree(json: &Json) -> Result<Self, Error>;
}

impl Json {
    fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "true or false",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "a list",
            Json::Object(_) => "an object",
        }
    }

    /// A 64-bit FNV-1a digest of the content: whitespace and the order of object members do
    /// not change it. Identical natively and in the browser.
    pub fn content_hash(&self) -> String {
        let mut hash = Fnv::new();
        self.hash_into(&mut hash);
        format!("{:016x}", hash.0)
    }

    fn hash_into(&self, h: &mut Fnv) {
        match self {
            Json::Null => h.write(b"n"),
            Json::Bool(b) => h.write(if *b { b"t" } else { b"f" }),
            Json::Number(n) => {
                h.write(b"d");
                h.write(&n.to_bits().to_le_bytes());
            }
            Json::String(s) => h.string(s),
            Json::Array(items) => {
                h.write(b"[");
                items.iter().for_each(|item| item.hash_into(h));
                h.write(b"]");
            }
            Json::Object(members) => {
                let mut sorted: Vec<&(String, Json)> = members.iter().collect();
                crate::sort::by(&mut sorted, |a, b| a.0.cmp(&b.0));
                h.write(b"{");
                for (key, value) in sorted {
                    h.string(key);
                    value.hash_into(h);
                }
                h.write(b"}");
            }
        }
    }
}

/// A 64-bit FNV-1a hash.
pub(crate) struct Fnv(pub u64);

impl Fnv {
    pub fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    pub fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    pub fn string(&mut self, s: &str) {
        self.write(b"s");
        self.write(&(s.len() as u64).to_le_bytes());
        self.write(s.as_bytes());
    }
}

/// Where a value sits in its document, as a chain of keys and indices on the stack.
#[derive(Clone, Copy)]
pub enum At<'a> {
    Root,
    Key(&'a At<'a>, &'a str),
    Index(&'a At<'a>, usize),
}

impl fmt::Display for At<'_> {
    /// `rules[12].when.all[3].yes`; empty at the root.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            At::Root => Ok(()),
            At::Key(parent, key) => {
                parent.fmt(f)?;
                if !matches!(parent, At::Root) {
                    f.write_char('.')?;
                }
                f.write_str(key)
            }
            At::Index(parent, i) => {
                parent.fmt(f)?;
                write!(f, "[{i}]")
            }
        }
    }
}

/// A single value that does not fit: where, what kind of problem, and why.
#[derive(Debug)]
pub struct Misfit {
    pub path: String,
    pub code: Code,
    pub message: String,
}

impl At<'_> {
    pub fn misfit(&self, code: Code, message: impl Into<String>) -> Misfit {
        Misfit { path: self.to_string(), code, message: message.into() }
    }

    pub fn expected(&self, what: &str, found: &Json) -> Misfit {
        self.misfit(Code::WrongType, format!("expected {what}, found {}", found.kind()))
    }
}

/// The ids of a list's items (each with its position), sorted, each once at its first place;
/// every later place of an id is reported (`duplicate-id`): O(n log n).
pub(crate) fn unique_ids<'a>(r: &mut Reader, mut listed: Vec<(&'a str, usize)>, list: &At) -> Vec<(&'a str, usize)> {
    // The sort is stable, so within a run of equal ids the first given comes first.
    crate::sort::by(&mut listed, |a, b| a.0.cmp(b.0));
    let mut unique = Vec::<(&str, usize)>::with_capacity(listed.len());
    for (id, i) in listed {
        match unique.last() {
            Some(&(last, first)) if last == id => {
                let message = format!("\"{id}\" is already the id of {list}[{first}]");
                r.problem(&At::Key(&At::Index(list, i), "id"), Code::DuplicateId, message);
            }
            _ => unique.push((id, i)),
        }
    }
    unique
}

/// A single value (a string, number, date, urgency or name) read from JSON.
pub trait FromJson: Sized {
    /// Reads the value at `at`, or says why it does not fit.
    fn from_json(json: &Json, at: &At) -> Result<Self, Misfit>;
}

impl FromJson for String {
    fn from_json(json: &Json, at: &At) -> Result<String, Misfit> {
        match json {
            Json::String(s) => Ok(s.clone()),
            other => Err(at.expected("a string", other)),
        }
    }
}

impl FromJson for bool {
    fn from_json(json: &Json, at: &At) -> Result<bool, Misfit> {
        match json {
            Json::Bool(b) => Ok(*b),
            other => Err(at.expected("true or false", other)),
        }
    }
}

/// Whole numbers within the type's range.
macro_rules! whole_number {
    ($($ty:ty),*) => {$(
        impl FromJson for $ty {
            fn from_json(json: &Json, at: &At) -> Result<$ty, Misfit> {
                match json {
                    Json::Number(n) if n.fract() == 0.0 && *n >= <$ty>::MIN as f64 && *n <= <$ty>::MAX as f64 => Ok(*n as $ty),
                    Json::Number(_) => Err(at.misfit(Code::BadValue, format!("expected a whole number from {} to {}", <$ty>::MIN, <$ty>::MAX))),
                    other => Err(at.expected("a number", other)),
                }
            }
        }
    )*};
}
whole_number!(u8, u16, i32);

pub use crate::named::Named;

/// Declares a unit enum named by kebab-case strings ([`crate::named::named`]) that is also read
/// from JSON by its name.
macro_rules! named_enum {
    ($(#[$meta:meta])* $vis:vis enum $ty:ident { $($body:tt)* }) => {
        $crate::named::named! { $(#[$meta])* $vis enum $ty { $($body)* } }

        impl $crate::json::FromJson for $ty {
            fn from_json(json: &$crate::json::Json, at: &$crate::json::At) -> Result<Self, $crate::json::Misfit> {
                $crate::json::from_name(json, at)
            }
        }
    };
}
pub(crate) use named_enum;

pub(crate) fn from_name<T: Named>(json: &Json, at: &At) -> Result<T, Misfit> {
    name_index(json, at, T::NAMES).map(|i| T::ALL[i])
}

/// Not generic, so that every enum shares one copy in the wasm file.
fn name_index(json: &Json, at: &At, names: &[&str]) -> Result<usize, Misfit> {
    let Json::String(name) = json else { return Err(at.expected("a string", json)) };
    crate::named::position(names, name).ok_or_else(|| at.misfit(Code::BadValue, format!("unknown value \"{name}\"; expected one of: {}", names.join(", "))))
}

/// An object being read: its members (empty if it was not an object), where it is, and the
/// keys asked for so far. The keys asked for are the keys it may have: whatever else it holds
/// is reported as unknown when it is closed, so a field cannot be read without being allowed,
/// nor allowed without being read.
pub(crate) struct Obj<'j, 'a> {
    members: &'j [(String, Json)],
    pub at: &'a At<'a>,
    /// It was an object; otherwise its missing fields are not worth reporting.
    pub ok: bool,
    /// Every key asked for, once each, in the order first asked.
    asked: Cell<Vec<&'static str>>,
    /// How many problems had been found when it was opened: its unknown and repeated keys are
    /// reported there, before the problems inside it.
    mark: usize,
}

impl<'j> Obj<'j, '_> {
    /// The value of `key` (null counts as absent), which the object may have.
    pub fn get(&self, key: &'static str) -> Option<&'j Json> {
        let mut asked = self.asked.take();
        if !asked.contains(&key) {
            asked.push(key);
        }
        self.asked.set(asked);
        self.members.iter().find(|(k, _)| k == key).map(|(_, v)| v).filter(|v| **v != Json::Null)
    }
}

/// For each member, whether an earlier member has the same key: O(n log n), by sorting the
/// positions by key (stably, so the first of each run is the one given first).
fn repeats(members: &[(String, Json)]) -> Vec<bool> {
    let mut repeated = vec![false; members.len()];
    if members.len() < 2 {
        return repeated;
    }
    let mut order: Vec<usize> = (0..members.len()).collect();
    crate::sort::by(&mut order, |a, b| members[*a].0.cmp(&members[*b].0));
    for pair in order.windows(2) {
        if members[pair[0]].0 == members[pair[1]].0 {
            repeated[pair[1]] = true;
        }
    }
    repeated
}

/// Reads values out of a JSON tree, collecting every problem with its path.
pub(crate) struct Reader {
    pub document: Document,
    pub problems: Vec<Problem>,
}

impl Reader {
    pub fn new(document: Document) -> Reader {
        Reader { document, problems: Vec::new() }
    }

    /// `Ok(value)` if nothing was wrong; otherwise every problem found.
    pub fn finish<T>(self, value: T) -> Result<T, Error> {
        if self.problems.is_empty() {
            Ok(value)
        } else {
            Err(Error::new(self.problems))
        }
    }

    pub fn problem(&mut self, at: &At, code: Code, message: impl Into<String>) {
        self.problems.push(Problem { document: self.document, path: at.to_string(), code, message: message.into(), line: None, column: None });
    }

    pub fn misfit(&mut self, m: Misfit) {
        self.problems.push(Problem { document: self.document, path: m.path, code: m.code, message: m.message, line: None, column: None });
    }

    /// Reads an object with `read`, which asks for every key the object may have (reading it
    /// as empty if it is not an object, or is `None`: missing, and already reported). Then
    /// reports each key not asked for, and each key given twice.
    pub fn object<'j, T>(&mut self, json: Option<&'j Json>, at: &At, read: impl FnOnce(&mut Reader, &Obj<'j, '_>) -> T) -> T {
        let o = self.open(json, at);
        let value = read(self, &o);
        self.close(o);
        value
    }

    /// A required object inside another; when missing it is reported once, and read as empty.
    #[inline]
    pub fn section<'j, T>(&mut self, parent: &Obj<'j, '_>, key: &'static str, read: impl FnOnce(&mut Reader, &Obj<'j, '_>) -> T) -> T {
        let json = self.field(parent, key, true);
        self.object(json, &At::Key(parent.at, key), read)
    }

    fn open<'j, 'a>(&mut self, json: Option<&'j Json>, at: &'a At<'a>) -> Obj<'j, 'a> {
        let members = match json {
            Some(Json::Object(members)) => Some(&members[..]),
            Some(other) => {
                self.misfit(at.expected("an object", other));
                None
            }
            None => None,
        };
        Obj { members: members.unwrap_or_default(), at, ok: members.is_some(), asked: Cell::default(), mark: self.problems.len() }
    }

    fn close(&mut self, o: Obj) {
        if o.members.is_empty() {
            return;
        }
        let asked = o.asked.take();
        let repeated = repeats(o.members);
        let (before, mut expected) = (self.problems.len(), None);
        for (i, (key, _)) in o.members.iter().enumerate() {
            let at = At::Key(o.at, key);
            if !asked.contains(&key.as_str()) {
                let expected = expected.get_or_insert_with(|| asked.join(", "));
                self.problem(&at, Code::UnknownField, format!("unknown field \"{key}\"; expected one of: {expected}"));
            } else if repeated[i] {
                self.problem(&at, Code::RepeatedField, format!("\"{key}\" is given twice"));
            }
        }
        // Before the problems found inside the object.
        // Rotated by three reversals, which cost the browser build less than slice::rotate_right.
        let (found, inside) = (self.problems.len() - before, &mut self.problems[o.mark..]);
        inside.reverse();
        inside[..found].reverse();
        inside[found..].reverse();
    }

    pub fn field<'j>(&mut self, o: &Obj<'j, '_>, key: &'static str, required: bool) -> Option<&'j Json> {
        let value = o.get(key);
        if value.is_none() && required && o.ok {
            self.problem(o.at, Code::MissingField, format!("missing field \"{key}\""));
        }
        value
    }

    pub fn value<T: FromJson>(&mut self, o: &Obj, key: &'static str, required: bool) -> Option<T> {
        let json = self.field(o, key, required)?;
        self.parse(json, &At::Key(o.at, key))
    }

    /// A value read from `json`, at `at`; `None` (and reported) if it does not fit.
    pub fn parse<T: FromJson>(&mut self, json: &Json, at: &At) -> Option<T> {
        T::from_json(json, at).map_err(|m| self.misfit(m)).ok()
    }

    pub fn string<'j>(&mut self, o: &Obj<'j, '_>, key: &'static str, required: bool) -> Option<&'j str> {
        match self.field(o, key, required)? {
            Json::String(s) => Some(s),
            other => {
                self.misfit(At::Key(o.at, key).expected("a string", other));
                None
            }
        }
    }

    /// Text that must be there and must not be blank; empty if it is not.
    pub fn text(&mut self, o: &Obj, key: &'static str) -> String {
        self.given_text(o, key).unwrap_or_default()
    }

    /// [`Reader::text`], but `None` unless it was text (blank text is reported, and read as
    /// empty).
    pub fn given_text(&mut self, o: &Obj, key: &'static str) -> Option<String> {
        let text = self.string(o, key, true)?;
        if text.trim().is_empty() {
            self.problem(&At::Key(o.at, key), Code::EmptyText, "this text is empty");
            return Some(String::new());
        }
        Some(text.to_string())
    }

    /// Text that may be left out, but is not blank when given.
    pub fn optional_text(&mut self, o: &Obj, key: &'static str) -> Option<String> {
        let text = self.string(o, key, false)?;
        if text.trim().is_empty() {
            self.problem(&At::Key(o.at, key), Code::EmptyText, "this text is empty");
        }
        Some(text.to_string())
    }

    pub fn flag(&mut self, o: &Obj, key: &'static str) -> bool {
        self.value::<bool>(o, key, false).unwrap_or(false)
    }

    pub fn list<'j>(&mut self, o: &Obj<'j, '_>, key: &'static str, required: bool) -> &'j [Json] {
        match self.field(o, key, required) {
            Some(Json::Array(items)) => items,
            Some(other) => {
                self.misfit(At::Key(o.at, key).expected("a list", other));
                &[]
            }
            None => &[],
        }
    }

    /// An object used as a map from ids to values, such as a case's answers.
    pub fn map<'j>(&mut self, o: &Obj<'j, '_>, key: &'static str) -> &'j [(String, Json)] {
        let Some(json) = self.field(o, key, false) else { return &[] };
        let at = At::Key(o.at, key);
        let Json::Object(entries) = json else {
            self.misfit(at.expected("an object", json));
            return &[];
        };
        let repeated = repeats(entries);
        for (i, (k, _)) in entries.iter().enumerate() {
            if repeated[i] {
                self.problem(&At::Key(&at, k), Code::RepeatedField, format!("\"{k}\" is given twice"));
            }
        }
        entries
    }

    /// A list of strings, each with its index for reporting.
    pub fn strings<'j>(&mut self, o: &Obj<'j, '_>, key: &'static str, required: bool) -> Vec<(usize, &'j str)> {
        let at = At::Key(o.at, key);
        let mut out = Vec::new();
        for (i, value) in self.list(o, key, required).iter().enumerate() {
            match value {
                Json::String(s) => out.push((i, s.as_str())),
                other => self.misfit(At::Index(&at, i).expected("a string", other)),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str) -> Json {
        parse(text, Document::Case).expect("JSON")
    }

    #[test]
    fn the_reader_collects_every_problem_with_its_path() {
        let doc = json(r#"{"a": 1, "b": "", "c": [1, "x"], "d": 2, "a": 3, "e": 1.5}"#);
        let mut r = Reader::new(Document::Case);
        r.object(Some(&doc), &At::Root, |r, o| {
            assert_eq!(r.value::<u8>(o, "a", true), Some(1));
            assert_eq!(r.text(o, "b"), "");
            assert_eq!(r.strings(o, "c", true), [(1, "x")]);
            assert_eq!(r.value::<u8>(o, "e", true), None);
            assert_eq!(r.string(o, "f", true), None);
        });
        assert_eq!(r.problems[0].message, "unknown field \"d\"; expected one of: a, b, c, e, f");
        let problems: Vec<(String, Code)> = r.problems.iter().map(|p| (p.path.clone(), p.code)).collect();
        assert_eq!(
            problems,
            [
                ("d".into(), Code::UnknownField),
                ("a".into(), Code::RepeatedField),
                ("b".into(), Code::EmptyText),
                ("c[0]".into(), Code::WrongType),
                ("e".into(), Code::BadValue),
                ("".into(), Code::MissingField),
            ]
        );
    }

    #[test]
    fn the_keys_an_object_may_have_are_those_read_and_its_unknown_keys_come_first() {
        let doc = json(r#"{"inner": {"n": "x", "extra": 1}, "stray": 2, "late": true}"#);
        let mut r = Reader::new(Document::Case);
        r.object(Some(&doc), &At::Root, |r, o| {
            let inner = r.field(o, "inner", true);
            r.object(inner, &At::Key(o.at, "inner"), |r, i| r.value::<u8>(i, "n", true));
            // Asked for, though absent or read only to see whether it is there.
            assert!(o.get("missing").is_none() && o.get("late").is_some());
        });
        let problems: Vec<(&str, Code, &str)> = r.problems.iter().map(|p| (p.path.as_str(), p.code, p.message.as_str())).collect();
        assert_eq!(
            problems,
            [
                ("stray", Code::UnknownField, "unknown field \"stray\"; expected one of: inner, missing, late"),
                ("inner.extra", Code::UnknownField, "unknown field \"extra\"; expected one of: n"),
                ("inner.n", Code::WrongType, "expected a number, found a string"),
            ]
        );
    }

    #[test]
    fn limit_messages_name_the_limits() {
        let at = At::Root;
        let mut budget = Budget { values: MAX_VALUES, text: MAX_TEXT };
        let messages = [
            (budget.value(&at), MAX_VALUES),
            (budget.nest(MAX_DEPTH, &at), MAX_DEPTH),
            (budget.text(MAX_STRING + 1, &at), MAX_STRING),
            (budget.text(1, &at), MAX_TEXT),
            (Budget::items(MAX_ITEMS + 1, &at), MAX_ITEMS),
            (Budget::keys(MAX_KEYS + 1, &at), MAX_KEYS),
        ];
        for (result, limit) in messages {
            let message = result.expect_err("over the limit").message;
            assert!(message.contains(&format!(" {limit} ")), "{message} does not name {limit}");
        }
        assert!(Budget::items(MAX_ITEMS, &at).is_ok() && Budget::keys(MAX_KEYS, &at).is_ok() && budget.nest(MAX_DEPTH - 1, &at).is_ok());
    }

    #[test]
    fn content_hash_ignores_layout_and_member_order_but_not_content() {
        let a = json(r#"{"x": [1, "two"], "y": {"z": null}}"#).content_hash();
        let b = json("{ \"y\": {\"z\": null},\n \"x\": [1, \"two\"] }").content_hash();
        let c = json(r#"{"x": ["two", 1], "y": {"z": null}}"#).content_hash();
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(a.len(), 16);
    }
}
