//! Errors: every problem names the document and the path inside it.

use std::fmt;

use serde::Serialize;

use crate::named::named;

named! {
    /// What kind of problem a [`Problem`] is: a stable kebab-case name for tests and tools.
    /// `docs/ruleset-format.md` lists every code with its meaning (a test checks they agree).
    #[non_exhaustive]
    pub enum Code {
        // Reading any document.
        /// The text is not JSON (natively, with its line and column).
        Syntax = "syntax",
        /// Text with half of a UTF-16 surrogate pair and not the other half.
        BadText = "bad-text",
        /// Over a limit on size: values, text, items, keys, or items in a ruleset's list.
        TooLarge = "too-large",
        /// Over a limit on nesting.
        TooDeep = "too-deep",
        /// In the browser: a value that contains itself.
        Cyclic = "cyclic",
        /// In the browser: reading a value threw an exception (a getter or a Proxy).
        Unreadable = "unreadable",
        /// A value of the wrong type, such as a string where a number belongs.
        WrongType = "wrong-type",
        /// A value of the right type that is not allowed: an unknown name, an impossible date, a
        /// number out of range.
        BadValue = "bad-value",
        /// A field the object does not have.
        UnknownField = "unknown-field",
        /// A field given twice in one object.
        RepeatedField = "repeated-field",
        /// A required field left out.
        MissingField = "missing-field",
        /// Text that is empty or only spaces.
        EmptyText = "empty-text",
        // A ruleset or profile.
        /// `format` is not the format this engine reads.
        WrongFormat = "wrong-format",
        /// An id that is not kebab-case.
        BadId = "bad-id",
        /// An id already used by another item of the same list.
        DuplicateId = "duplicate-id",
        /// A citation names a source not in `meta.sources`.
        UnknownSource = "unknown-source",
        /// A reference to a domain not defined.
        UnknownDomain = "unknown-domain",
        /// A reference to an indicator not defined (in a ruleset or a case).
        UnknownIndicator = "unknown-indicator",
        /// A reference to a level not defined (in a ruleset, profile or case).
        UnknownLevel = "unknown-level",
        /// A reference to an action not defined.
        UnknownAction = "unknown-action",
        /// A reference to a route not defined.
        UnknownRoute = "unknown-route",
        /// A reference to a prompt not defined.
        UnknownPrompt = "unknown-prompt",
        /// A reference to an escalation stage not defined.
        UnknownStage = "unknown-stage",
        /// A reference to a contact not defined.
        UnknownContact = "unknown-contact",
        /// `{"condition": id}` names no condition defined earlier in `conditions`.
        UnknownCondition = "unknown-condition",
        /// A key of an `allow` map that is not a lint code.
        UnknownLint = "unknown-lint",
        /// A citation's `lines` is not a line list such as `"120-135, 210"`.
        BadLines = "bad-lines",
        /// The levels are not a usable scale: fewer than two, a rank used twice, or no single
        /// emergency level at the top.
        BadLevels = "bad-levels",
        /// No escalation stage.
        NoStages = "no-stages",
        /// An indicator used as the wrong kind: asked yes or no when it is counted from events,
        /// or the other way round (in a ruleset or a case).
        WrongKind = "wrong-kind",
        /// An age range with `minMonths` above `maxMonths`, or an age test with neither.
        BadAgeRange = "bad-age-range",
        /// A context fact or referral outcome that rules need is not worded.
        MissingWording = "missing-wording",
        /// A context fact or referral outcome worded twice.
        DuplicateWording = "duplicate-wording",
        /// A national contact without its number.
        MissingNumber = "missing-number",
        /// A local contact with a number in the ruleset (local numbers belong in a profile).
        LocalNumber = "local-number",
        /// `meanwhile` names a contact that is not a national contact with a number.
        NotNational = "not-national",
        /// A synonym group of fewer than two words.
        BadSynonyms = "bad-synonyms",
        /// The `worryRecorded` safeguard gives no action or route.
        EmptySafeguard = "empty-safeguard",
        /// The `judgementLower` or `harmSuspected` safeguard sets a level.
        SafeguardLevel = "safeguard-level",
        /// Not a condition: not an object with one key, or an unknown kind of condition.
        BadCondition = "bad-condition",
        /// `all`, `any` or `atLeast.of` with no conditions.
        EmptyCondition = "empty-condition",
        /// A count out of range: `atLeast.n`, an events test's numbers, a case's `times`.
        BadCount = "bad-count",
        /// An events test without exactly one of `withinDays` and `withinWorkingDays`.
        BadWindow = "bad-window",
        /// A rule's principle is not one of the primer's principles 1 to 10.
        BadPrinciple = "bad-principle",
        /// A profile written for another ruleset.
        WrongRuleset = "wrong-ruleset",
        /// A profile that changes a national contact.
        NationalContact = "national-contact",
        // A case.
        /// More than one of `dateOfBirth`, `ageYears` and `ageMonths`.
        ConflictingAge = "conflicting-age",
        /// A context fact the engine does not know.
        UnknownFact = "unknown-fact",
        /// An event without exactly one of a date, a month, or times and since.
        BadEvent = "bad-event",
        /// Dates in the wrong order: an event that ends before it starts, a ruleset reviewed
        /// before it takes effect.
        BadDates = "bad-dates",
        // The browser.
        /// The engine stopped after an internal error: load the module again.
        EngineStopped = "engine-stopped",
    }
}

/// The document a problem was found in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Document {
    /// A partnership's threshold rules.
    Ruleset,
    /// A local profile laid over a ruleset.
    Profile,
    /// The facts about one child.
    Case,
    /// A case review told time point by time point.
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
    /// The document it is in.
    pub document: Document,
    /// Where, as `rules[12].when.all[3].yes`; empty for the document as a whole.
    pub path: String,
    /// What kind of problem, such as [`Code::UnknownIndicator`] (`unknown-indicator`).
    pub code: Code,
    /// What is wrong, for a person.
    pub message: String,
    /// Set only when the position is known from parsing text (natively).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub line: Option<usize>,
    /// With `line`, the column (counting characters from 1).
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
