//! The JavaScript face of the engine: a thin layer that moves plain objects across the
//! boundary and turns every [`Error`] into a thrown JS `Error` that carries its path.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::json::At;
use crate::{Case, Detail, Document, Engine, Error, FromDocument, Json};

/// Deeper than any real ruleset; a cyclic object would otherwise recurse without end.
const MAX_DEPTH: usize = 100;

#[wasm_bindgen(start)]
fn start() {
    // Bugs, never bad input, reach the console with a readable message.
    console_error_panic_hook::set_once();
}

/// The engine's version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::ENGINE_VERSION.to_string()
}

/// A compiled ruleset, with an optional local profile.
#[wasm_bindgen(js_name = Engine)]
pub struct JsEngine {
    engine: Engine,
}

#[wasm_bindgen(js_class = Engine)]
impl JsEngine {
    /// `new Engine(ruleset, profile?)`: throws an `Error` whose `path`, `code` and `problems`
    /// say what is wrong and where.
    #[wasm_bindgen(constructor)]
    pub fn new(ruleset: JsValue, profile: JsValue) -> Result<JsEngine, JsValue> {
        let ruleset = tree_of(&ruleset, Document::Ruleset)?;
        let profile = if profile.is_undefined() || profile.is_null() { None } else { Some(tree_of(&profile, Document::Profile)?) };
        let engine = Engine::new(&ruleset, profile.as_ref()).map_err(throw)?;
        Ok(JsEngine { engine })
    }

    /// The guidance for one case, as a plain object. `assess(case, { trace: false })` leaves
    /// out the trace of every rule, for fast updates as answers change.
    pub fn assess(&self, case: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        let detail = detail_of(&options)?;
        let case = Case::from_tree(&tree_of(&case, Document::Case)?).map_err(throw)?;
        to_js(&self.engine.assess_with(&case, detail).map_err(throw)?)
    }

    /// Levels, domains, indicators, context wording, routes and contacts, for building forms.
    pub fn describe(&self) -> Result<JsValue, JsValue> {
        to_js(&self.engine.describe())
    }

    /// Checks a scenario (a case review told time point by time point) and runs it against
    /// this engine: throws an `Error` with the path of every problem in the file, or returns
    /// the report `{id, title, timePoints: [{id, title, level, failures}]}` that
    /// `waymark scenarios` prints.
    #[wasm_bindgen(js_name = checkScenario)]
    pub fn check_scenario(&self, scenario: JsValue) -> Result<JsValue, JsValue> {
        let scenario = crate::Scenario::from_tree(&tree_of(&scenario, Document::Scenario)?).map_err(throw)?;
        to_js(&crate::run_scenario(&self.engine, &scenario))
    }
}

/// `undefined`, or an object whose one option is `trace` (true by default).
fn detail_of(options: &JsValue) -> Result<Detail, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Detail::Full);
    }
    let refuse = |path: String, code, message: &str| {
        throw(Error::new(vec![crate::Problem { document: Document::Options, path, code, message: message.into(), line: None, column: None }]))
    };
    let Json::Object(members) = tree_of(options, Document::Options)? else {
        return Err(refuse(String::new(), "wrong-type", "expected an object such as { trace: false }"));
    };
    let mut detail = Detail::Full;
    for (key, value) in &members {
        match (key.as_str(), value) {
            ("trace", Json::Bool(trace)) => detail = if *trace { Detail::Full } else { Detail::Guidance },
            ("trace", _) => return Err(refuse(key.clone(), "wrong-type", "expected true or false")),
            _ => return Err(refuse(key.clone(), "unknown-field", "unknown option; the only one is trace")),
        }
    }
    Ok(detail)
}

/// The JSON tree of a JS object (as `JSON.parse` would give).
fn tree_of(value: &JsValue, document: Document) -> Result<Json, JsValue> {
    tree(value, &At::Root, 0)
        .map_err(|(path, message)| throw(Error::new(vec![crate::Problem { document, path, code: "wrong-type", message, line: None, column: None }])))
}

/// The JSON tree of a JS value. Anything JSON cannot hold (functions, NaN, cycles) is refused.
fn tree(value: &JsValue, at: &At, depth: usize) -> Result<Json, (String, String)> {
    let refuse = |message: &str| Err((at.to_string(), message.to_string()));
    if depth > MAX_DEPTH {
        return refuse("nested too deeply (is the object cyclic?)");
    }
    if value.is_null() || value.is_undefined() {
        Ok(Json::Null)
    } else if let Some(b) = value.as_bool() {
        Ok(Json::Bool(b))
    } else if let Some(n) = value.as_f64() {
        if n.is_finite() {
            Ok(Json::Number(n))
        } else {
            refuse("not a finite number")
        }
    } else if let Some(s) = value.as_string() {
        Ok(Json::String(s))
    } else if let Some(array) = value.dyn_ref::<js_sys::Array>() {
        let mut items = Vec::with_capacity(array.length() as usize);
        for (i, item) in array.iter().enumerate() {
            items.push(tree(&item, &At::Index(at, i), depth + 1)?);
        }
        Ok(Json::Array(items))
    } else if value.is_object() && !value.is_function() {
        let mut members = Vec::new();
        for entry in js_sys::Object::entries(value.unchecked_ref()).iter() {
            let entry: js_sys::Array = entry.unchecked_into();
            let key = entry.get(0).as_string().unwrap_or_default();
            let member = tree(&entry.get(1), &At::Key(at, &key), depth + 1)?;
            members.push((key, member));
        }
        Ok(Json::Object(members))
    } else {
        refuse("not JSON data")
    }
}

/// Plain objects, made from exactly the JSON the CLI prints: one crossing of the boundary and
/// one `JSON.parse`, rather than one call per field.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    // Our output types always serialize; formatting serde_json's error would pull every one of
    // its messages, and std's I/O error names, into the build.
    let text = serde_json::to_string(value).map_err(|_| JsValue::from(js_sys::Error::new("the result could not be written as JSON")))?;
    js_sys::JSON::parse(&text)
}

fn throw(error: Error) -> JsValue {
    let js = js_sys::Error::new(&error.to_string());
    let first = error.first();
    // Setting properties on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&js, &"document".into(), &first.document.to_string().into());
    let _ = js_sys::Reflect::set(&js, &"path".into(), &first.path.as_str().into());
    let _ = js_sys::Reflect::set(&js, &"code".into(), &first.code.into());
    if let Ok(problems) = to_js(&error.problems()) {
        let _ = js_sys::Reflect::set(&js, &"problems".into(), &problems);
    }
    js.into()
}
