//! The guidance an assessment produces. One serde type: the CLI's JSON and the object the
//! browser receives are the same.

use serde::Serialize;

use crate::date::Date;
use crate::program::{ContactDetails, SourceCitation};
use crate::ruleset::Urgency;
use crate::trace::{AgeSpan, Finding, RuleTrace};

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Assessment<'a> {
    /// The level of need: the engine's, or the practitioner's when theirs is higher.
    pub level: LevelRef<'a>,
    /// The level the rules alone reach.
    pub engine_level: LevelRef<'a>,
    /// A child is in danger now: call 999.
    pub immediate_danger: bool,
    pub worry_recorded: bool,
    pub judgement: Option<JudgementOutcome<'a>>,
    /// De-duplicated, most urgent first.
    pub actions: Vec<ActionItem<'a>>,
    pub referrals: Vec<Referral<'a>>,
    /// Present when escalation applies.
    pub escalation: Option<Escalation<'a>>,
    pub prompts: Vec<PromptItem<'a>>,
    /// What to find out, because the answer would change the guidance.
    pub questions: Vec<Question<'a>>,
    /// Every rule that fired, most serious first.
    pub reasons: Vec<Reason<'a>>,
    /// Every rule, in ruleset order, with what decided it; absent when assessed with
    /// [`Detail::Guidance`].
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub trace: Option<Vec<RuleTrace<'a>>>,
    pub warnings: Vec<Warning>,
    /// What the practitioner told the engine, worded as they saw it: every answer, dated
    /// event, context fact and referral outcome given.
    pub answered: Vec<Finding<'a>>,
    /// The child's age in months, when known.
    pub child_age: Option<AgeSpan>,
    pub as_of: Date,
    pub notice: &'a str,
    pub ruleset: RulesetInfo<'a>,
    pub profile: Option<ProfileInfo<'a>>,
    pub engine_version: &'static str,
}

/// How much an assessment says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Detail {
    /// Everything, with the trace of every rule.
    #[default]
    Full,
    /// Everything but the trace: what a form needs after each answer. The trace is most of
    /// an assessment's size, so leaving it out until asked for keeps live updates fast.
    Guidance,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct LevelRef<'a> {
    pub id: &'a str,
    pub rank: u8,
    /// The local name, when a profile gives one.
    pub name: &'a str,
    pub meaning: &'a str,
    pub response: &'a str,
    pub emergency: bool,
}

/// A level named where it is mentioned in passing; [`LevelRef`] gives the whole level once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct LevelName<'a> {
    pub id: &'a str,
    pub rank: u8,
    pub name: &'a str,
}

impl<'a> From<LevelRef<'a>> for LevelName<'a> {
    fn from(level: LevelRef<'a>) -> LevelName<'a> {
        LevelName { id: level.id, rank: level.rank, name: level.name }
    }
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct JudgementOutcome<'a> {
    pub level: LevelName<'a>,
    pub reason: String,
    pub effect: JudgementEffect,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum JudgementEffect {
    /// Higher than the engine's level, so adopted.
    Raised,
    Agrees,
    /// Lower: recorded beside the engine's level, which stands.
    Lower,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ActionItem<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub urgency: Urgency,
    /// The latest date by weekdays; local bank holidays are not counted, so this is never late.
    pub due_by: Date,
    pub rules: Vec<&'a str>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Referral<'a> {
    pub route: &'a str,
    pub name: &'a str,
    pub when: &'a str,
    /// The route's own speed, or faster when the level of need demands it.
    pub urgency: Urgency,
    pub due_by: Date,
    /// When a decision is expected if the referral is made by `due_by`: after it, chase and
    /// escalate.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub decision_by: Option<Date>,
    pub who_may_submit: &'a str,
    pub consent: &'a str,
    pub contacts: Vec<&'a ContactDetails>,
    pub why: Vec<RuleReason<'a>>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RuleReason<'a> {
    pub rule: &'a str,
    pub reason: &'a str,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Escalation<'a> {
    pub why: Vec<RuleReason<'a>>,
    pub stages: Vec<StageItem<'a>>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct StageItem<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub who: &'a str,
    pub what: &'a str,
    pub timescale: Urgency,
    /// The ruleset's default, not yet set locally.
    pub timescale_is_default: bool,
    pub contact: Option<&'a ContactDetails>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PromptItem<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub rules: Vec<&'a str>,
}

/// Something worth finding out: if it turned out as `ifAnswer`, the guidance would change.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Question<'a> {
    /// What to find out. Several subjects mean the rule needs them together.
    pub about: Vec<Finding<'a>>,
    /// The answer that would change the guidance; absent when several subjects decide together.
    pub if_answer: Option<Hypothesis>,
    /// The level it would rise to, if higher than now.
    pub level: Option<LevelName<'a>>,
    /// Routes that would newly apply.
    pub routes: Vec<RouteRef<'a>>,
    /// Escalation would newly apply.
    pub escalation: bool,
    pub rules: Vec<&'a str>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Hypothesis {
    Yes,
    No,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RouteRef<'a> {
    pub id: &'a str,
    pub name: &'a str,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Reason<'a> {
    pub rule: &'a str,
    pub reason: &'a str,
    pub level: Option<LevelName<'a>>,
    pub sources: &'a [SourceCitation],
    /// The primer's principles (1 to 10) the rule embodies.
    pub principles: &'a [u8],
    /// The answers and observations that made the rule fire.
    pub evidence: Vec<Finding<'a>>,
}

/// Something in the case or ruleset the practitioner should know, which did not stop the
/// assessment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    pub path: String,
    pub message: String,
}

#[derive(Clone, Copy, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RulesetInfo<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub version: &'a str,
    pub jurisdiction: &'a str,
    pub owner: &'a str,
    pub review_date: Date,
    pub effective_from: Date,
    /// A digest of the ruleset's content: two rulesets with the same hash give the same guidance.
    pub hash: &'a str,
}

#[derive(Clone, Copy, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ProfileInfo<'a> {
    pub id: &'a str,
    pub organisation: &'a str,
    pub hash: &'a str,
}
