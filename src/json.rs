//! Reading rulesets, profiles, cases and scenarios from JSON, naming the path of anything that
//! does not fit.
//!
//! Input is first turned into a small [`Json`] tree (by serde_json natively; from the JS object
//! directly in the browser), then read into the model by [`FromJson`]. Deriving serde's
//! `Deserialize` for the model instead cost the browser build about 250 KB: every type was
//! instantiated for the JS deserializer and again for path tracking. One tree type keeps the wasm
//! small and gives one reader, with the same errors, on both sides.

use std::cell::Cell;
use std::fmt::{self, Write};

use crate::error::{Document, Error};
#[cfg(not(target_arch = "wasm32"))]
use crate::error::Problem;

/// A parsed JSON value. Object members keep their document order.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

#[cfg(not(target_arch = "wasm32"))]
impl<'de> serde::Deserialize<'de> for Json {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

#[cfg(not(target_arch = "wasm32"))]
struct JsonVisitor;

#[cfg(not(target_arch = "wasm32"))]
impl<'de> serde::de::Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        serde::Deserialize::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Number(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::String(v))
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut members = Vec::new();
        while let Some(member) = map.next_entry()? {
            members.push(member);
        }
        Ok(Json::Object(members))
    }
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
        let mut hash = Fnv(0xcbf2_9ce4_8422_2325);
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

struct Fnv(u64);

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn string(&mut self, s: &str) {
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

/// A value that does not fit: where, what kind of problem, and why.
#[derive(Debug)]
pub struct Misfit {
    pub path: String,
    /// `wrong-type`, `unknown-field`, `repeated-field`, `missing-field` or `bad-value`.
    pub code: &'static str,
    pub message: String,
}

impl At<'_> {
    pub fn misfit(&self, code: &'static str, message: impl Into<String>) -> Misfit {
        Misfit { path: self.to_string(), code, message: message.into() }
    }

    pub fn expected(&self, what: &str, found: &Json) -> Misfit {
        self.misfit("wrong-type", format!("expected {what}, found {}", found.kind()))
    }
}

/// The members of an object, after refusing keys that are not `known` or are given twice.
/// Each problem is reported; `None` when the value is not an object at all.
pub fn members<'j>(json: &'j Json, at: &At, known: &[&str], mut report: impl FnMut(Misfit)) -> Option<&'j [(String, Json)]> {
    let Json::Object(members) = json else {
        report(at.expected("an object", json));
        return None;
    };
    for (i, (key, _)) in members.iter().enumerate() {
        if !known.contains(&key.as_str()) {
            report(At::Key(at, key).misfit("unknown-field", format!("unknown field \"{key}\"; expected one of: {}", known.join(", "))));
        } else if members[..i].iter().any(|(k, _)| k == key) {
            report(At::Key(at, key).misfit("repeated-field", format!("\"{key}\" is given twice")));
        }
    }
    Some(members)
}

/// Types named by a fixed set of kebab-case strings.
pub trait Named: Sized + Copy + 'static {
    const ALL: &'static [Self];
    fn name(self) -> &'static str;

    fn from_name(json: &Json, at: &At) -> Result<Self, Misfit> {
        let Json::String(name) = json else { return Err(at.expected("a string", json)) };
        Self::ALL.iter().copied().find(|v| v.name() == name).ok_or_else(|| {
            let names: Vec<&str> = Self::ALL.iter().map(|v| v.name()).collect();
            at.misfit("bad-value", format!("unknown value \"{name}\"; expected one of: {}", names.join(", ")))
        })
    }
}

/// A model type that can be read from JSON.
pub trait FromJson: Sized {
    fn from_json(json: &Json, at: &At) -> Result<Self, Misfit>;
}

/// Reads a whole document, reporting a misfit as a problem in `document`.
pub fn read<T: FromJson>(json: &Json, document: Document) -> Result<T, Error> {
    T::from_json(json, &At::Root).map_err(|m| Error::one(document, m.path, m.code, m.message))
}

/// Parses JSON text and reads it as a ruleset, profile, case or scenario. Syntax errors carry
/// their line and column.
#[cfg(not(target_arch = "wasm32"))]
pub fn from_json<T: FromJson>(text: &str, document: Document) -> Result<T, Error> {
    read(&parse(text, document)?, document)
}

/// Parses JSON text into a tree.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(text: &str, document: Document) -> Result<Json, Error> {
    serde_json::from_str(text).map_err(|error| {
        let located = error.to_string();
        let suffix = format!(" at line {} column {}", error.line(), error.column());
        let message = located.strip_suffix(&suffix).unwrap_or(&located).to_string();
        Error::new(vec![Problem { document, path: String::new(), code: "syntax", message, line: Some(error.line()), column: Some(error.column()) }])
    })
}

/// The members of an object being read. Unknown and repeated keys are refused up front; each
/// field is then read in turn, and the first misfit is kept.
///
/// Reading every field before failing, rather than returning at the first misfit, spares each
/// struct a separate clean-up path per field: that alone was tens of kilobytes of wasm.
pub struct Fields<'j, 'a> {
    members: &'j [(String, Json)],
    at: &'a At<'a>,
    misfit: Cell<Option<Misfit>>,
}

impl<'j, 'a> Fields<'j, 'a> {
    pub fn new(json: &'j Json, at: &'a At<'a>, known: &[&str]) -> Result<Fields<'j, 'a>, Misfit> {
        let mut first = None;
        let found = members(json, at, known, |m| {
            first.get_or_insert(m);
        });
        match (found, first) {
            (Some(members), None) => Ok(Fields { members, at, misfit: Cell::new(None) }),
            (_, Some(misfit)) => Err(misfit),
            (None, None) => Err(at.misfit("wrong-type", "expected an object")),
        }
    }

    // The non-generic parts stay out of line, so that each field of each type does not carry
    // its own copy.
    #[inline(never)]
    fn get(&self, key: &str) -> Option<&'j Json> {
        self.members.iter().find(|(k, _)| k == key).map(|(_, v)| v).filter(|v| **v != Json::Null)
    }

    #[inline(never)]
    fn keep(&self, misfit: Misfit) {
        let first = self.misfit.take().unwrap_or(misfit);
        self.misfit.set(Some(first));
    }

    fn read<T: FromJson>(&self, key: &str, value: &Json) -> Option<T> {
        T::from_json(value, &At::Key(self.at, key)).map_err(|m| self.keep(m)).ok()
    }

    pub fn required<T: FromJson>(&self, key: &str) -> Option<T> {
        match self.get(key) {
            Some(value) => self.read(key, value),
            None => {
                self.keep(self.at.misfit("missing-field", format!("missing field \"{key}\"")));
                None
            }
        }
    }

    pub fn optional<T: FromJson>(&self, key: &str) -> Option<Option<T>> {
        match self.get(key) {
            Some(value) => self.read(key, value).map(Some),
            None => Some(None),
        }
    }

    pub fn or_default<T: FromJson + Default>(&self, key: &str) -> Option<T> {
        self.optional(key).map(Option::unwrap_or_default)
    }

    /// The first misfit found; call only when a field read gave `None`.
    pub fn misfit(self) -> Misfit {
        self.misfit.into_inner().unwrap_or_else(|| self.at.misfit("wrong-type", "unreadable"))
    }
}

/// Implements [`FromJson`] for a struct: each field, its JSON key, and whether it is
/// `required`, `optional` (an `Option`) or `or_default` (empty when absent).
macro_rules! read_object {
    ($ty:ident { $($field:ident: $key:literal $how:ident),* $(,)? }) => {
        impl $crate::json::FromJson for $ty {
            fn from_json(json: &$crate::json::Json, at: &$crate::json::At) -> Result<Self, $crate::json::Misfit> {
                let fields = $crate::json::Fields::new(json, at, &[$($key),*])?;
                $(let $field = fields.$how($key);)*
                match ($($field,)*) {
                    ($(Some($field),)*) => Ok($ty { $($field),* }),
                    #[allow(unreachable_patterns)]
                    _ => Err(fields.misfit()),
                }
            }
        }
    };
}
pub(crate) use read_object;

/// Declares a kebab-case name for each variant of a unit enum: read from and written to JSON
/// as that name, and returned by `name()`.
macro_rules! named_enum {
    ($(#[$meta:meta])* $vis:vis enum $ty:ident { $($(#[$vmeta:meta])* $variant:ident = $name:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        $vis enum $ty { $($(#[$vmeta])* $variant),* }

        impl $crate::json::Named for $ty {
            const ALL: &'static [$ty] = &[$($ty::$variant),*];

            fn name(self) -> &'static str {
                match self { $($ty::$variant => $name),* }
            }
        }

        impl $ty {
            /// The name written in JSON.
            pub fn name(self) -> &'static str {
                <$ty as $crate::json::Named>::name(self)
            }
        }

        impl $crate::json::FromJson for $ty {
            fn from_json(json: &$crate::json::Json, at: &$crate::json::At) -> Result<Self, $crate::json::Misfit> {
                <$ty as $crate::json::Named>::from_name(json, at)
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.name())
            }
        }
    };
}
pub(crate) use named_enum;

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
                    Json::Number(_) => Err(at.misfit("bad-value", format!("expected a whole number from {} to {}", <$ty>::MIN, <$ty>::MAX))),
                    other => Err(at.expected("a number", other)),
                }
            }
        }
    )*};
}
whole_number!(u8, u16, i32);

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(json: &Json, at: &At) -> Result<Vec<T>, Misfit> {
        let items = json.items(at)?;
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            out.push(T::from_json(item, &At::Index(at, i))?);
        }
        Ok(out)
    }
}

impl Json {
    #[inline(never)]
    fn items(&self, at: &At) -> Result<&[Json], Misfit> {
        match self {
            Json::Array(items) => Ok(items),
            other => Err(at.expected("a list", other)),
        }
    }
}

impl<T: FromJson> FromJson for Box<T> {
    fn from_json(json: &Json, at: &At) -> Result<Box<T>, Misfit> {
        T::from_json(json, at).map(Box::new)
    }
}

/// An object whose keys are ids, such as a profile's contacts: (key, value) in document order.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyed<T>(pub Vec<(String, T)>);

impl<T> Default for Keyed<T> {
    fn default() -> Keyed<T> {
        Keyed(Vec::new())
    }
}

impl<T> Keyed<T> {
    pub fn get(&self, key: &str) -> Option<&T> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &T)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<T: FromJson> FromJson for Keyed<T> {
    fn from_json(json: &Json, at: &At) -> Result<Keyed<T>, Misfit> {
        let Json::Object(members) = json else { return Err(at.expected("an object", json)) };
        let mut out: Vec<(String, T)> = Vec::with_capacity(members.len());
        for (key, value) in members {
            let here = At::Key(at, key);
            if out.iter().any(|(k, _)| k == key) {
                return Err(here.misfit("repeated-field", format!("\"{key}\" is given twice")));
            }
            out.push((key.clone(), T::from_json(value, &here)?));
        }
        Ok(Keyed(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str) -> Json {
        serde_json::from_str(text).expect("JSON")
    }

    struct Pair {
        a: u8,
        b: Option<String>,
        c: Vec<i32>,
    }
    read_object!(Pair { a: "a" required, b: "b" optional, c: "c" or_default });

    fn misfit(text: &str) -> (String, String) {
        let m = Vec::<Pair>::from_json(&json(text), &At::Key(&At::Root, "pairs")).err().expect("misfit");
        (m.path, m.message)
    }

    #[test]
    fn reads_fields_and_names_the_path_of_misfits() {
        let pairs = Vec::<Pair>::from_json(&json(r#"[{"a": 1, "b": null}, {"a": 2, "b": "x", "c": [-3]}]"#), &At::Root).expect("reads");
        assert_eq!((pairs[0].a, pairs[0].b.as_deref(), pairs[0].c.len()), (1, None, 0));
        assert_eq!((pairs[1].a, pairs[1].b.as_deref(), pairs[1].c.as_slice()), (2, Some("x"), &[-3][..]));
        assert_eq!(misfit(r#"[{"a": 1}, {"b": "x"}]"#), ("pairs[1]".into(), "missing field \"a\"".into()));
        assert_eq!(misfit(r#"[{"a": 1, "d": 0}]"#), ("pairs[0].d".into(), "unknown field \"d\"; expected one of: a, b, c".into()));
        assert_eq!(misfit(r#"[{"a": 1, "a": 2}]"#), ("pairs[0].a".into(), "\"a\" is given twice".into()));
        assert_eq!(misfit(r#"[{"a": 256}]"#), ("pairs[0].a".into(), "expected a whole number from 0 to 255".into()));
        assert_eq!(misfit(r#"[{"a": 1.5}]"#).0, "pairs[0].a");
        assert_eq!(misfit(r#"[{"a": 1, "c": [1, "2"]}]"#), ("pairs[0].c[1]".into(), "expected a number, found a string".into()));
        assert_eq!(misfit(r#"{"a": 1}"#), ("pairs".into(), "expected a list, found an object".into()));
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
