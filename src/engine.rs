//! The engine: the one entry point. It compiles a ruleset (and optional profile) into a
//! [`Program`] once, then assesses cases against it and describes it for forms.

use crate::assessment::{Assessment, Detail};
use crate::case::Case;
use crate::describe::Description;
use crate::error::Error;
use crate::json::Json;
use crate::program::Program;

/// A ruleset compiled for evaluation. Immutable; build it once and assess many cases.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use waymark::{from_json, parse, Case, Document, Engine};
/// let ruleset = parse(&std::fs::read_to_string("tests/rulesets/language.json")?, Document::Ruleset)?;
/// let engine = Engine::new(&ruleset, None)?;
/// let case: Case = from_json(r#"{"asOf": "2026-11-22", "answers": {"injury-non-mobile": "yes"}}"#)?;
/// assert_eq!(engine.assess(&case)?.level.id, "child-protection");
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct Engine {
    pub(crate) program: Program,
}

impl Engine {
    /// Reads and checks a ruleset (and a local profile, if given) and compiles it. Every
    /// problem found is reported, each with its path.
    pub fn new(ruleset: &Json, profile: Option<&Json>) -> Result<Engine, Error> {
        Ok(Engine { program: crate::compile::compile(ruleset, profile)? })
    }

    /// Evaluates one case. Fails only when the case refers to something the ruleset does not
    /// define, or contradicts itself; the evaluation itself cannot fail.
    pub fn assess(&self, case: &Case) -> Result<Assessment<'_>, Error> {
        self.assess_with(case, Detail::Full)
    }

    /// [`Engine::assess`], saying how much to include.
    pub fn assess_with(&self, case: &Case, detail: Detail) -> Result<Assessment<'_>, Error> {
        crate::eval::assess(&self.program, case, detail)
    }

    /// The page's view of one case: [`Engine::assess_with`], every item named by id, its wording
    /// left to [`Engine::describe`].
    pub fn assess_compact(&self, case: &Case, detail: Detail) -> Result<crate::compact::CompactAssessment<'_>, Error> {
        Ok(crate::compact::CompactAssessment::new(&self.program, self.assess_with(case, detail)?))
    }

    /// Everything a form needs: levels, domains, indicators, context wording, routes and
    /// contacts, with the profile applied; and the wording of every action, prompt and rule's
    /// reason, which a [compact assessment](crate::CompactAssessment) names by id.
    pub fn describe(&self) -> Description<'_> {
        crate::describe::describe(&self.program)
    }
}
