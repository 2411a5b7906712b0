//! The guidance an assessment produces. One serde type: the CLI's JSON and the object the
//! browser receives are the same.

use serde::Serialize;

use crate::date::Date;
use crate::program::{ContactDetails, SourceCitation};
use crate::ruleset::Urgency;
use crate::trace::{AgeSpan, Finding, Trace};

/// The guidance for one case: the level of need, what to do and by when, who to tell, how to
/// escalate, what to find out, and why, each with the rules behind it.
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
    /// The practitioner has recorded a worry: a yes to an indicator that is not a circumstance, a
    /// dated event, `still-worried`, their own level above the lowest, or a suspicion of
    /// significant harm. A recorded worry always gets an action.
    pub worry_recorded: bool,
    /// The practitioner's own view of the level and what became of it; absent when they gave none.
    pub judgement: Option<JudgementOutcome<'a>>,
    /// De-duplicated, most urgent first.
    pub actions: Vec<ActionItem<'a>>,
    /// Who to tell: the routes that the fired rules and the level give and that fit this child,
    /// most urgent first.
    pub referrals: Vec<Referral<'a>>,
    /// Present when escalation applies.
    pub escalation: Option<Escalation<'a>>,
    /// Reflective questions the fired rules raise and that fit this child, in the order the rules
    /// gave them.
    pub prompts: Vec<PromptItem<'a>>,
    /// What to find out, because the answer would change the guidance.
    pub questions: Vec<Question<'a>>,
    /// Every rule that fired, most serious first.
    pub reasons: Vec<Reason<'a>>,
    /// Every rule, in ruleset order, with what decided it; absent when assessed with
    /// [`Detail::Guidance`].
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional, as = "Option<Vec<crate::trace::RuleTrace<'a>>>"))]
    pub trace: Option<Trace<'a>>,
    /// Things in the case or ruleset worth knowing that did not stop the assessment, such as an
    /// event after the assessment date or a ruleset past its review date.
    pub warnings: Vec<Warning>,
    /// What the practitioner told the engine, worded as they saw it: every answer, dated
    /// event, context fact and referral outcome given.
    pub answered: Vec<Finding<'a>>,
    /// The child's age in months, when known.
    pub child_age: Option<AgeSpan>,
    /// The assessment date, given with the case: the engine has no clock.
    pub as_of: Date,
    /// What the guidance is and is not, in the ruleset's words; to show with every assessment.
    pub notice: &'a str,
    /// The ruleset that gave this guidance.
    pub ruleset: RulesetInfo<'a>,
    /// The profile laid over the ruleset (local names and numbers), if any.
    pub profile: Option<ProfileInfo<'a>>,
    /// The version of the engine that made the assessment.
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

/// A level of need, in full.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct LevelRef<'a> {
    /// The level's id in the ruleset.
    pub id: &'a str,
    /// Its place on the scale: higher is more serious.
    pub rank: u8,
    /// The local name, when a profile gives one.
    pub name: &'a str,
    /// What the level means, in a practitioner's words (a profile may reword it).
    pub meaning: &'a str,
    /// What every child at this level needs.
    pub response: &'a str,
    /// The one level meaning a child is in danger now (call 999).
    pub emergency: bool,
}

/// A level named where it is mentioned in passing; [`LevelRef`] gives the whole level once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct LevelName<'a> {
    /// The level's id in the ruleset.
    pub id: &'a str,
    /// Its place on the scale: higher is more serious.
    pub rank: u8,
    /// Its name, in the profile's words when it gives them.
    pub name: &'a str,
}

impl<'a> From<LevelRef<'a>> for LevelName<'a> {
    fn from(level: LevelRef<'a>) -> LevelName<'a> {
        LevelName { id: level.id, rank: level.rank, name: level.name }
    }
}

/// The practitioner's own view of the level, and what the engine made of it.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct JudgementOutcome<'a> {
    /// The level the practitioner gave.
    pub level: LevelName<'a>,
    /// Their reason, as they gave it.
    pub reason: String,
    /// How it compares with the level the rules reach.
    pub effect: JudgementEffect,
}

/// How the practitioner's level compares with the level the rules reach.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum JudgementEffect {
    /// Higher than the engine's level, so adopted.
    Raised,
    /// The same as the engine's level.
    Agrees,
    /// Lower: recorded beside the engine's level, which stands.
    Lower,
}

/// Something to do, by when, and what asks for it.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ActionItem<'a> {
    /// The action's id in the ruleset.
    pub id: &'a str,
    /// What to do, in the ruleset's words.
    pub text: &'a str,
    /// How soon.
    pub urgency: Urgency,
    /// The latest date by weekdays; local bank holidays are not counted, so this is never late.
    pub due_by: Date,
    /// The ids of what asks for it: the level's id when it is that level's own action, then
    /// the rules that fired.
    pub rules: Vec<&'a str>,
}

/// Who to tell: a route the guidance calls for.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Referral<'a> {
    /// The route's id in the ruleset.
    pub route: &'a str,
    /// Who to tell.
    pub name: &'a str,
    /// When this route is the right one, in the ruleset's words.
    pub when: &'a str,
    /// The route's own speed, or faster when the level of need demands it.
    pub urgency: Urgency,
    /// The latest date to refer by, counting weekdays from the assessment date.
    pub due_by: Date,
    /// When a decision is expected if the referral is made by `due_by`: after it, chase and
    /// escalate.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub decision_by: Option<Date>,
    /// Who may make the referral.
    pub who_may_submit: &'a str,
    /// The consent and information-sharing note: the route's own, or its override when the
    /// override's condition is certainly true ("do not seek consent").
    pub consent: &'a str,
    /// The route's contacts, with the profile's details.
    pub contacts: Vec<&'a ContactDetails>,
    /// The rules that call for it, with their reasons; a level's id and response when the level
    /// itself calls for it.
    pub why: Vec<RuleReason<'a>>,
}

/// A rule that called for something, with its reason.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RuleReason<'a> {
    /// The rule's id; a level's id when the level itself called for it.
    pub rule: &'a str,
    /// The rule's reason; the level's response when the level itself called for it.
    pub reason: &'a str,
}

/// Escalation of a professional disagreement: why, and the stages to follow.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Escalation<'a> {
    /// The rules that call for escalation, with their reasons.
    pub why: Vec<RuleReason<'a>>,
    /// The stages to follow in order, from the earliest any of those rules names.
    pub stages: Vec<StageItem<'a>>,
}

/// One stage of escalation.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct StageItem<'a> {
    /// The stage's id in the ruleset.
    pub id: &'a str,
    /// The stage's name, in the profile's words when it gives them.
    pub name: &'a str,
    /// Who acts at this stage, in the profile's words when it gives them.
    pub who: &'a str,
    /// What to do at this stage.
    pub what: &'a str,
    /// How soon to act at this stage.
    pub timescale: Urgency,
    /// The ruleset's default, not yet set locally.
    pub timescale_is_default: bool,
    /// Who to contact at this stage, if the ruleset or profile names someone.
    pub contact: Option<&'a ContactDetails>,
}

/// A reflective question for the practitioner, drawn from the reviews' learning.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PromptItem<'a> {
    /// The prompt's id in the ruleset.
    pub id: &'a str,
    /// The question, in the ruleset's words.
    pub text: &'a str,
    /// The ids of the rules that raise it.
    pub rules: Vec<&'a str>,
}

/// Something worth finding out: if it turned out as `ifAnswer`, the guidance would change.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Question<'a> {
    /// What to find out. Several subjects mean the rule needs them together.
    pub about: Vec<Finding<'a>>,
    /// How many of `about`, from the first, to find out first: what the rule needs before the
    /// rest can matter. All of them for a question about one subject.
    pub lead: usize,
    /// The answer that would change the guidance; absent when several subjects decide together.
    pub if_answer: Option<Hypothesis>,
    /// The level it would rise to, if higher than now.
    pub level: Option<LevelName<'a>>,
    /// Routes that would newly apply.
    pub routes: Vec<RouteRef<'a>>,
    /// Escalation would newly apply.
    pub escalation: bool,
    /// The ids of the rules that would fire.
    pub rules: Vec<&'a str>,
}

/// An answer supposed for an open question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Hypothesis {
    /// Yes: the indicator or fact is so, the referral had this outcome, or the age or events
    /// test holds.
    Yes,
    /// No: the indicator or fact is not so, or the age or events test does not hold.
    No,
}

/// A route, named.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RouteRef<'a> {
    /// The route's id in the ruleset.
    pub id: &'a str,
    /// Who to tell.
    pub name: &'a str,
}

/// A rule that fired, and why it matters.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Reason<'a> {
    /// The rule's id.
    pub rule: &'a str,
    /// Why, in plain English.
    pub reason: &'a str,
    /// The level it sets at least, if any.
    pub level: Option<LevelName<'a>>,
    /// The documents it cites.
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
    /// Where in the case or ruleset, such as `answers.not-seen-alone` or
    /// `ruleset.meta.reviewDate`.
    pub path: String,
    /// What to know, in plain words.
    pub message: String,
}

/// The ruleset an assessment or description used.
#[derive(Clone, Copy, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RulesetInfo<'a> {
    /// The ruleset's id.
    pub id: &'a str,
    /// Its title.
    pub title: &'a str,
    /// Its version.
    pub version: &'a str,
    /// Where it applies.
    pub jurisdiction: &'a str,
    /// Who is responsible for it.
    pub owner: &'a str,
    /// When it is due for review: an assessment after it carries a warning.
    pub review_date: Date,
    /// When it takes effect: an assessment before it carries a warning.
    pub effective_from: Date,
    /// A digest of the ruleset's content: two rulesets with the same hash give the same guidance.
    pub hash: &'a str,
}

/// The profile laid over the ruleset: local names, numbers and escalation timescales.
#[derive(Clone, Copy, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ProfileInfo<'a> {
    /// The profile's id.
    pub id: &'a str,
    /// The organisation it is for.
    pub organisation: &'a str,
    /// A digest of the profile's content: two profiles with the same hash say the same.
    pub hash: &'a str,
}
