//! Reading JSON text natively (CLI, tests, benchmarks), with the line and column of a
//! malformed or misfitting value. The browser hands the engine JS objects instead.

use serde::de::DeserializeOwned;

use crate::error::{Document, Error, Problem};

/// Parses `text` as a ruleset, profile, case or scenario.
pub fn from_json<T: DeserializeOwned>(text: &str, document: Document) -> Result<T, Error> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        problem(document, if path == "." { String::new() } else { path }, error.into_inner())
    })?;
    deserializer.end().map_err(|error| problem(document, String::new(), error))?;
    Ok(value)
}

fn problem(document: Document, path: String, error: serde_json::Error) -> Error {
    let located = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    let message = located.strip_suffix(&suffix).unwrap_or(&located).to_string();
    let code = if error.is_syntax() || error.is_eof() { "syntax" } else { "invalid" };
    let (line, column) = if error.line() == 0 { (None, None) } else { (Some(error.line()), Some(error.column())) };
    Error::new(vec![Problem { document, path, code, message, line, column }])
}
