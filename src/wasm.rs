//! The JavaScript face of the engine: a thin layer that moves plain objects across the
//! boundary and turns every [`Error`] into a thrown JS `Error` that carries its path.
//!
//! # Untrusted values
//! Whatever the page passes is read as `JSON.parse` would have made it, within the same limits
//! as JSON text natively ([`crate::json::Budget`]), so the page and the command line give the
//! same verdict. Nothing the value reports about itself is trusted: a list's `length` is
//! checked against the limit before anything is read, a value met again on its own path (a
//! cycle, found once the nesting limit is reached) is refused at the path where it repeats,
//! and shared values count again at each use, within the document's budget of values. Everything
//! that can run the page's code (getters, Proxy traps, `Array.isArray` on a revoked Proxy) is
//! called through an import that catches what it throws, so an exception becomes an `Error`
//! with the path of the value, never an unwinding through the instance.
//!
//! Plain data, as the page passes, crosses in one step: `encode` in src/wire.js writes it as
//! words in one pass and [`crate::wire::read`] reads them within the same limits, with the same
//! paths. Anything else (or anything that throws) is declined there and read here value by
//! value, so the verdict is always this reading's.
//!
//! # Answers
//! Answers go back as words too ([`crate::wire`]): one pass in wasm and one in JS build the
//! plain object `JSON.parse` would have made of the JSON the command line prints.
//!
//! # A dead instance
//! No input should make the engine panic, but if a bug does, the release build aborts, and
//! the call throws a `WebAssembly.RuntimeError` (a trap). The instance must then be dropped:
//! re-run `init()` on a fresh copy of `pkg/waymark.js` and build the `Engine` again.
//! `www/js/engine-guard.mjs` does exactly that. A page that calls a dead instance again gets an
//! `Error` with code `engine-stopped` rather than whatever state the trap left behind.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};

use js_sys::{JsString, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::json::{At, Budget, Misfit, LONE_SURROGATE};
use crate::wire::Writer;
use crate::{Case, Code, Detail, Document, Engine, Error, FromDocument, Json};

/// Set when a panic has begun: the instance is about to trap and must not be used again.
static STOPPED: AtomicBool = AtomicBool::new(false);

#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        STOPPED.store(true, Ordering::SeqCst);
        // Bugs, never bad input, reach the console with a readable message.
        console_error_panic_hook::hook(info);
    }));
}

#[wasm_bindgen]
extern "C" {
    /// `Array.isArray`, which throws for a revoked Proxy.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;

    /// `Object.keys`: own enumerable string keys, as `JSON.stringify` reads them, in a new
    /// array the page's code cannot reach. A Proxy's traps may throw.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn keys(value: &JsValue) -> Result<js_sys::Array, JsValue>;

    /// `String.prototype.isWellFormed.call(text)`: no lone surrogates. Missing (and so
    /// throwing) in browsers before 2023.
    #[wasm_bindgen(catch, js_namespace = ["String", "prototype", "isWellFormed"], js_name = call)]
    fn is_well_formed(text: &JsString) -> Result<bool, JsValue>;

    /// `encodeURIComponent`, which throws on a lone surrogate: the check where `isWellFormed`
    /// is missing.
    #[wasm_bindgen(catch, js_name = encodeURIComponent)]
    fn encode_uri_component(text: &JsString) -> Result<JsValue, JsValue>;
}

#[wasm_bindgen(module = "/src/wire.js")]
extern "C" {
    /// Builds the value written as `words` (src/wire.rs), adding the strings it defines to
    /// `known` and the shapes to `shapes`.
    #[wasm_bindgen(catch)]
    fn decode(words: &[u32], known: &js_sys::Array, shapes: &js_sys::Array) -> Result<JsValue, JsValue>;

    /// A plain value as words for [`crate::wire::read`] (a `Uint32Array`), or `undefined` when
    /// it is not plain data within `limits` and must be read value by value.
    #[wasm_bindgen(catch)]
    fn encode(value: &JsValue, limits: &[u32]) -> Result<JsValue, JsValue>;
}

/// The declarations of every value that crosses (`www/types/waymark.d.ts`, generated from the
/// Rust types by `src/typescript.rs`), in `pkg/waymark.d.ts`, so the methods below can name
/// them. wasm-bindgen removes the section from the `.wasm` file it writes.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("../www/types/waymark.d.ts");

/// The engine's version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::ENGINE_VERSION.to_string()
}

/// A compiled ruleset, with an optional local profile.
///
/// Every method throws an `Error` with `path`, `code` and `problems` for bad input. A
/// `WebAssembly.RuntimeError` instead means a bug stopped this instance: load the module again
/// (see `www/js/engine-guard.mjs`).
#[wasm_bindgen(js_name = Engine)]
pub struct JsEngine {
    engine: Engine,
    /// Answers on their way out, with the strings and shapes already sent.
    out: RefCell<Out>,
}

#[wasm_bindgen(js_class = Engine)]
impl JsEngine {
    /// `new Engine(ruleset, profile?)`: throws an `Error` whose `path`, `code` and `problems`
    /// say what is wrong and where.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "unknown")] ruleset: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "unknown")] profile: JsValue,
    ) -> Result<JsEngine, JsValue> {
        running()?;
        let ruleset = tree_of(&ruleset, Document::Ruleset)?;
        let profile = if profile.is_undefined() || profile.is_null() { None } else { Some(tree_of(&profile, Document::Profile)?) };
        let engine = Engine::new(&ruleset, profile.as_ref()).map_err(throw)?;
        Ok(JsEngine { engine, out: RefCell::default() })
    }

    /// The guidance for one case, as a plain object. `assess(case, { trace: false })` leaves
    /// out the trace of every rule, for fast updates as answers change.
    #[wasm_bindgen(unchecked_return_type = "Assessment")]
    pub fn assess(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Case")] case: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "AssessOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        running()?;
        let detail = detail_of(&options)?;
        let case = case_of(&case)?;
        let answer = crate::arena::within(|| self.engine.assess_with(&case, detail));
        self.send(&answer.map_err(throw)?)
    }

    /// What the page shows after each answer: the assessment with every item named by id, its
    /// wording left to `describe()` (read once). See `CompactAssessment`. `guidance(case,
    /// { trace: true })` adds the trace of every rule (left out by default).
    #[wasm_bindgen(unchecked_return_type = "CompactAssessment")]
    pub fn guidance(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Case")] case: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "AssessOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        running()?;
        let detail = if options.is_undefined() || options.is_null() { Detail::Guidance } else { detail_of(&options)? };
        let case = case_of(&case)?;
        let answer = crate::arena::within(|| self.engine.assess_compact(&case, detail));
        self.send(&answer.map_err(throw)?)
    }

    /// The guidance as it is handed on, worded once for print, "copy as text" and the command
    /// line: `{ handOn: {heading, lead, sections, sources, closing, fingerprint}, text }`, with
    /// the practitioner's notes (which no rule reads), and `text` with its sources and
    /// fingerprint only when `sources` is true.
    #[wasm_bindgen(js_name = handOn, unchecked_return_type = "HandedOn")]
    pub fn hand_on(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Case")] case: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] lives_with: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] notes: JsValue,
        #[wasm_bindgen(unchecked_param_type = "boolean")] sources: JsValue,
    ) -> Result<JsValue, JsValue> {
        running()?;
        // Read as every other value is, not by wasm-bindgen's string and bool conversions, which
        // trust the page: an object passed as a note would be copied from nowhere.
        let (lives_with, notes) = (note_of(&lives_with, "livesWith")?, note_of(&notes, "notes")?);
        let sources = match tree_of(&sources, Document::Options)? {
            Json::Bool(sources) => sources,
            Json::Null => false,
            _ => return Err(refuse(Document::Options, "sources".into(), Code::WrongType, "expected true or false".into())),
        };
        let case = case_of(&case)?;
        let assessment = self.engine.assess_with(&case, Detail::Guidance).map_err(throw)?;
        let hand_on = crate::hand_on(&assessment, crate::Notes { lives_with: &lives_with, notes: &notes });
        let text = hand_on.text(sources);
        self.send(&crate::HandedOn { hand_on, text })
    }

    /// Levels, domains, indicators, context wording, routes and contacts, for building forms.
    #[wasm_bindgen(unchecked_return_type = "Description")]
    pub fn describe(&self) -> Result<JsValue, JsValue> {
        running()?;
        self.send(&self.engine.describe())
    }

    /// Checks a scenario (a case review told time point by time point) and runs it against
    /// this engine: throws an `Error` with the path of every problem in the file, or returns
    /// the report `{id, title, timePoints: [{id, title, level, failures}]}` that
    /// `waymark scenarios` prints.
    #[wasm_bindgen(js_name = checkScenario, unchecked_return_type = "ScenarioReport")]
    pub fn check_scenario(&self, #[wasm_bindgen(unchecked_param_type = "unknown")] scenario: JsValue) -> Result<JsValue, JsValue> {
        running()?;
        let scenario = crate::Scenario::from_tree(&tree_of(&scenario, Document::Scenario)?).map_err(throw)?;
        self.send(&crate::run_scenario(&self.engine, &scenario))
    }
}

impl JsEngine {
    /// `value` as the plain object that `JSON.parse` would make of the JSON the CLI prints:
    /// written as words in one pass and read in one (src/wire.rs), rather than one call per
    /// field (serde-wasm-bindgen) or JSON text (BENCHMARKS.md, "The boundary").
    fn send<T: Serialize>(&self, value: &T) -> Result<JsValue, JsValue> {
        self.out.borrow_mut().send(value)
    }
}

/// A writer and the lists of the strings and shapes it has sent, which the JS side keeps.
#[derive(Default)]
struct Out {
    writer: Writer,
    known: js_sys::Array,
    shapes: js_sys::Array,
}

impl Out {
    fn send<T: Serialize>(&mut self, value: &T) -> Result<JsValue, JsValue> {
        let written = self.writer.write(value).is_ok();
        self.deliver(written)
    }

    /// The answer just written, built on the JS side; or, when it could not be written or read,
    /// an error, and both sides start again so that they agree on which strings and shapes are
    /// known (a writing cut short may have kept some that were never sent). Out of line:
    /// `send` has a copy for every type of answer.
    #[inline(never)]
    fn deliver(&mut self, written: bool) -> Result<JsValue, JsValue> {
        let value = match written {
            true => decode(self.writer.words(), &self.known, &self.shapes),
            false => Err(JsValue::from(js_sys::Error::new("the result could not be written"))),
        };
        if value.is_err() {
            *self = Out::default();
        }
        value
    }
}

/// The case the page passes, read and checked.
#[inline(never)]
fn case_of(value: &JsValue) -> Result<Case, JsValue> {
    let tree = tree_of(value, Document::Case)?;
    crate::arena::within(|| Case::from_tree(&tree)).map_err(throw)
}

/// Refuses every call once a panic has stopped the instance.
fn running() -> Result<(), JsValue> {
    if STOPPED.load(Ordering::SeqCst) {
        let message = "stopped after an internal error: load the WebAssembly module again (www/js/engine-guard.mjs does)";
        return Err(refuse(Document::Engine, String::new(), Code::EngineStopped, message.into()));
    }
    Ok(())
}

/// A practitioner's note: text within the limits, or nothing (`undefined` or `null`).
fn note_of(value: &JsValue, name: &str) -> Result<String, JsValue> {
    match tree_of(value, Document::Options)? {
        Json::String(text) => Ok(text),
        Json::Null => Ok(String::new()),
        _ => Err(refuse(Document::Options, name.into(), Code::WrongType, "expected text".into())),
    }
}

/// `undefined`, or an object whose one option is `trace` (true by default).
fn detail_of(options: &JsValue) -> Result<Detail, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Detail::Full);
    }
    let wrong = |path: String, code, message: &str| refuse(Document::Options, path, code, message.into());
    let Json::Object(members) = tree_of(options, Document::Options)? else {
        return Err(wrong(String::new(), Code::WrongType, "expected an object such as { trace: false }"));
    };
    let mut detail = Detail::Full;
    for (key, value) in &members {
        match (key.as_str(), value) {
            ("trace", Json::Bool(trace)) => detail = if *trace { Detail::Full } else { Detail::Guidance },
            ("trace", _) => return Err(wrong(key.clone(), Code::WrongType, "expected true or false")),
            _ => return Err(wrong(key.clone(), Code::UnknownField, "unknown option; the only one is trace")),
        }
    }
    Ok(detail)
}

/// The JSON tree of a JS value (as `JSON.parse` would give), or a thrown `Error` with the path
/// of the first value that cannot be read.
///
/// Plain data (nearly always) crosses in one step, as words (src/wire.rs); anything else is
/// read value by value here, which finds what is wrong and where.
fn tree_of(value: &JsValue, document: Document) -> Result<Json, JsValue> {
    use crate::json::{MAX_DEPTH, MAX_ITEMS, MAX_KEYS, MAX_TEXT, MAX_VALUES};
    /// The limits `encode` declines beyond, in its order.
    const LIMITS: [u32; 5] = [MAX_DEPTH as u32, MAX_ITEMS as u32, MAX_KEYS as u32, MAX_VALUES as u32, MAX_TEXT as u32];
    let words = match encode(value, &LIMITS) {
        Ok(words) if !words.is_undefined() => Some(js_sys::Uint32Array::unchecked_from_js(words).to_vec()),
        _ => None,
    };
    // What the words make lives no longer than the call.
    match words.map(|words| crate::arena::within(|| crate::wire::read(&words))) {
        Some(Ok(tree)) => Ok(tree),
        Some(Err(misfit)) if misfit.code != Code::Unreadable => Err(misfit),
        // Not plain data (or, were there a bug, words that do not read): value by value.
        _ => Walk { budget: Budget::default() }.tree(&Here { at: &At::Root, value, parent: None, depth: 0 }),
    }
    .map_err(|m| refuse(document, m.path, m.code, m.message))
}

/// One reading of a JS value.
struct Walk {
    budget: Budget,
}

/// A value being read, with the lists and objects around it (on the stack, as [`At`] is).
struct Here<'a> {
    at: &'a At<'a>,
    value: &'a JsValue,
    parent: Option<&'a Here<'a>>,
    /// Lists and objects around it.
    depth: usize,
}

impl Here<'_> {
    /// The list or object in it at `at`.
    fn child<'a>(&'a self, at: &'a At<'a>, value: &'a JsValue) -> Here<'a> {
        Here { at, value, parent: Some(self), depth: self.depth + 1 }
    }

    /// Too deep: a cycle (refused where the path first meets a value enclosing itself), or
    /// simply nested beyond the limit. Looked for only here, so that reading acyclic values
    /// costs nothing for it.
    fn too_deep(&self, budget: &mut Budget) -> Misfit {
        let mut path = Vec::new();
        let mut here = Some(self);
        while let Some(h) = here {
            path.push(h);
            here = h.parent;
        }
        path.reverse();
        for (i, h) in path.iter().enumerate() {
            if path[..i].iter().any(|outer| outer.value == h.value) {
                return h.at.misfit(Code::Cyclic, "this value contains itself (a cycle), which JSON cannot hold");
            }
        }
        budget.nest(self.depth, self.at).err().unwrap_or_else(|| self.at.misfit(Code::TooDeep, "nested too deeply"))
    }
}

impl Walk {
    /// The tree of a value. The commonest kinds are tested first: each test is a call into JS.
    fn tree(&mut self, here: &Here) -> Result<Json, Misfit> {
        let (value, at) = (here.value, here.at);
        self.budget.value(at)?;
        if let Some(s) = value.dyn_ref::<JsString>() {
            Ok(Json::String(self.text(s, at)?))
        } else if value.is_object() {
            if self.budget.nest(here.depth, at).is_err() {
                return Err(here.too_deep(&mut self.budget));
            }
            match is_array(value) {
                Ok(true) => self.list(here),
                Ok(false) => self.object(here),
                Err(e) => Err(unreadable(at, &e)),
            }
        } else if let Some(n) = value.as_f64() {
            if n.is_finite() {
                Ok(Json::Number(n))
            } else {
                Err(at.misfit(Code::WrongType, "not a finite number"))
            }
        } else if let Some(b) = value.as_bool() {
            Ok(Json::Bool(b))
        } else if value.is_null() || value.is_undefined() {
            Ok(Json::Null)
        } else {
            Err(at.misfit(Code::WrongType, "not JSON data (a function, symbol or bigint)"))
        }
    }

    /// A list, read item by item up to its length, once that is known to be within the limit.
    /// Holes read as null, as `JSON.stringify` writes them.
    fn list(&mut self, here: &Here) -> Result<Json, Misfit> {
        let (list, at) = (here.value, here.at);
        let length = Reflect::get(list, &JsValue::from_str("length")).map_err(|e| unreadable(at, &e))?;
        let length = match length.as_f64() {
            Some(n) if n >= 0.0 && n.fract() == 0.0 => n,
            _ => return Err(at.misfit(Code::WrongType, "this list's length is not a whole number")),
        };
        if length > crate::json::MAX_ITEMS as f64 {
            Budget::items(crate::json::MAX_ITEMS + 1, at)?;
        }
        let mut items = Vec::new();
        for i in 0..length as u32 {
            let item_at = At::Index(at, i as usize);
            let item = Reflect::get_u32(list, i).map_err(|e| unreadable(&item_at, &e))?;
            items.push(self.tree(&here.child(&item_at, &item))?);
        }
        Ok(Json::Array(items))
    }

    /// An object's own enumerable string keys and their values, as `JSON.stringify` reads them.
    fn object(&mut self, here: &Here) -> Result<Json, Misfit> {
        let (object, at) = (here.value, here.at);
        let names = keys(object).map_err(|e| unreadable(at, &e))?;
        // A real array made by Object.keys, so its length is true.
        Budget::keys(names.length() as usize, at)?;
        let mut members = Vec::new();
        for name in names.iter() {
            let Some(name) = name.dyn_ref::<JsString>() else { continue };
            let key = self.text(name, at)?;
            let member_at = At::Key(at, &key);
            let value = Reflect::get(object, name).map_err(|e| unreadable(&member_at, &e))?;
            let value = self.tree(&here.child(&member_at, &value))?;
            members.push((key, value));
        }
        Ok(Json::Object(members))
    }

    /// A string or key, checked for length before it is copied, and for lone surrogates.
    fn text(&mut self, text: &JsString, at: &At) -> Result<String, Misfit> {
        // Lengths are in UTF-16 code units, as JavaScript counts them (and the limits do).
        let units = text.length() as usize;
        self.budget.text(units, at)?;
        let copied = String::from(text);
        // Copying turns a lone surrogate into U+FFFD (EF BF BD): only text with one needs the check.
        let replaced = !copied.is_ascii() && copied.as_bytes().windows(3).any(|w| w == [0xef, 0xbf, 0xbd]);
        if replaced && !is_well_formed(text).unwrap_or_else(|_| encode_uri_component(text).is_ok()) {
            return Err(at.misfit(Code::BadText, LONE_SURROGATE));
        }
        Ok(copied)
    }
}

/// An exception thrown while reading a value (by a getter or a Proxy), as a misfit at its path.
fn unreadable(at: &At, exception: &JsValue) -> Misfit {
    // The exception is the page's own value: read its message through a catching import,
    // and copy at most a line of it.
    let message = Reflect::get(exception, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.dyn_into::<JsString>().ok())
        .or_else(|| exception.dyn_ref::<JsString>().cloned());
    let message = message.map(|m| String::from(m.slice(0, 200))).unwrap_or_else(|| "an exception".into());
    at.misfit(Code::Unreadable, format!("this value could not be read: {message}"))
}

/// A thrown `Error` for one problem.
fn refuse(document: Document, path: String, code: Code, message: String) -> JsValue {
    throw(Error::new(vec![crate::Problem { document, path, code, message, line: None, column: None }]))
}

fn throw(error: Error) -> JsValue {
    let js = js_sys::Error::new(&error.to_string());
    let first = error.first();
    // Setting properties on a fresh Error object cannot fail.
    let _ = Reflect::set(&js, &"document".into(), &first.document.to_string().into());
    let _ = Reflect::set(&js, &"path".into(), &first.path.as_str().into());
    let _ = Reflect::set(&js, &"code".into(), &first.code.name().into());
    if let Ok(problems) = Out::default().send(&error.problems()) {
        let _ = Reflect::set(&js, &"problems".into(), &problems);
    }
    js.into()
}
