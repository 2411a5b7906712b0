//! Errors: every problem names the document and the path inside it.

use std::fmt;

use serde::Serialize;

/// The document a problem was found in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Document {
    Ruleset,
    Profile,
    Case,
    Scenario,
    /// The options of a call from JavaScript.
    Options,
    /// The engine itself, in the browser: it stopped after an internal error.
    Engine,
}

impl fmt::Display for Document {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Document::Ruleset => "ruleset",
            Document::Profile => "profile",
            Document::Case => "case",
            Document::Scenario => "scenario",
            Document::Options => "options",
            Document::Engine => "engine",
        })
    }
}

/// One thing wrong with an input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    pub document: Document,
    /// Where, as `rules[12].when.all[3].yes`; empty for the document as a whole.
    pub path: String,
    /// A stable kebab-case code such as `unknown-indicator`, for tests and tools.
    pub code: &'static str,
    pub message: String,
    /// Set only when the position is known from parsing text (natively).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub column: Option<usize>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// A ruleset, profile, case or scenario that cannot be used, with every problem found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    problems: Vec<Problem>,
}

impl Error {
    pub(crate) fn new(problems: Vec<Problem>) -> Error {
        debug_assert!(!problems.is_empty());
        Error { problems }
    }

    /// Every problem, in document order. Never empty.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The first problem.
    pub fn first(&self) -> &Problem {
        &self.problems[0]
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let first = self.first();
        write!(f, "{}: {first}", first.document)?;
        match self.problems.len() {
            1 => Ok(()),
            2 => write!(f, " (and 1 more problem)"),
            n => write!(f, " (and {} more problems)", n - 1),
        }
    }
}

impl std::error::Error for Error {}
