//! The ruleset as its authors write it: plain serde types, strict about unknown keys.
//!
//! A ruleset is one partnership's threshold document as data. Everything that rules refer to
//! (levels, indicators, routes, escalation stages, prompts, actions, sources) is defined once,
//! with an id, and referred to by that id. [`crate::Engine::new`] checks every reference.
//! `docs/ruleset-format.md` is the guide for authors.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::date::Date;

/// The value of `format` in every ruleset this engine reads.
pub const RULESET_FORMAT: &str = "waymark-ruleset/1";

#[derive(Clone, Debug, Deserialize, Hash)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Ruleset {
    pub format: String,
    pub meta: Meta,
    pub levels: Vec<Level>,
    pub domains: Vec<Domain>,
    pub indicators: Vec<Indicator>,
    pub context: ContextWording,
    pub contacts: Vec<Contact>,
    pub routes: Vec<Route>,
    pub escalation: Vec<Stage>,
    #[serde(default)]
    pub prompts: Vec<Prompt>,
    pub actions: Vec<Action>,
    pub safeguards: Safeguards,
    pub rules: Vec<Rule>,
}

#[derive(Clone, Debug, Deserialize, Hash)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Meta {
    pub id: String,
    pub title: String,
    pub version: String,
    pub jurisdiction: String,
    pub owner: String,
    pub review_date: Date,
    pub effective_from: Date,
    /// Shown with every assessment: what the guidance is and is not.
    pub notice: String,
    pub sources: Vec<SourceDocument>,
}

/// A document that rules cite: a case review, statutory guidance, a local procedure.
#[derive(Clone, Debug, Deserialize, Hash)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct SourceDocument {
    pub id: String,
    pub title: String,
    /// Where to find it: a file name, a publisher and year, or an address to read it at.
    pub reference: String,
    #[serde(default)]
    pub allow: Allow,
}

/// Lint findings the authors have looked at and accepted, each with the reason: the lint code
/// (such as `unused-indicator`) maps to the explanation.
pub type Allow = BTreeMap<String, String>;

#[derive(Clone, Debug, Deserialize, Hash)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Level {
    pub id: String,
    pub rank: u8,
    pub name: String,
    pub meaning: String,
    pub response: String,
    /// How fast a referral made because of this level should go.
    pub urgency: Option<Urgency>,
    /// What every child at this level needs, however the level was reached (by rules or by the
    /// practitioner's own judgement).
    #[serde(default)]
    pub actions: Vec<String>,
    #[serde(default)]
    pub routes: Vec<String>,
    /// The level for a child in danger now; exactly one level has it, and it ranks highest.
    #[serde(default)]
    pub emergency: bool,
    #[serde(default)]
    pub allow: Allow,
}

#[derive(Clone, Debug, Deserialize, Serialize, Hash)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Domain {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Clone, Debug, Deserialize, Hash)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Indicator {
    pub id: String,
    pub domain: String,
    /// The wording the practitioner answers.
    pub text: String,
    pub help: Option<String>,
    /// Other words a practitioner might search for.
    #[serde(default)]
    pub terms: Vec<String>,
    /// The ages the indicator applies to, in months; unborn babies have negative ages.
    #[serde(default)]
    pub ages: AgeRange,
    #[serde(default)]
    pub kind: IndicatorKind,
    #[serde(default)]
    pub sources: Vec<Citation>,
    #[serde(default)]
    pub allow: Allow,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum IndicatorKind {
    /// Answered yes, no or not known.
    #[default]
    Answer,
    /// A dated event that is counted (a missing episode, a police call-out, "not brought").
    Event,
}

/// Inclusive bounds in months; either may be open. Ages below zero are before birth.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize, Hash)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct AgeRange {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_months: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_months: Option<i32>,
}

impl AgeRange {
    pub fn bounds(self) -> (i32, i32) {
        (self.min_months.unwrap_or(i32::MIN), self.max_months.unwrap_or(i32::MAX))
    }
}

/// The wording the practitioner sees for the context facts and referral outcomes that the
/// engine understands natively.
#[derive(Clone, Debug, Deserialize, Hash)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ContextWording {
    pub facts: Vec<FactWording>,
    pub referral: Vec<ReferralWording>,
}

#[derive(Clone, Debug, Deserialize, Hash)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct FactWording {
    pub fact: Fact,
    pub text: String,
    pub help: Option<String>,
}

#[derive(Clone, Debug, Deserialize, Hash)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ReferralWording {
    pub outcome: ReferralOutcome,
    pub text: String,
}

/// What is known about the child's situation so far, outside the indicators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Fact {
    LookedAfter,
    CpPlan,
    CinPlan,
    PreviousCpPlan,
    PreviousCareProceedings,
    /// A step down (from CP to CIN, or CIN to early help) or closure has been proposed.
    StepDownProposed,
    /// A statutory order (care, supervision, special guardianship support) is ending.
    OrderEnding,
    /// The practitioner is still worried about the child.
    StillWorried,
}

impl Fact {
    /// The id authors write, as serde spells it.
    pub fn name(self) -> &'static str {
        match self {
            Fact::LookedAfter => "looked-after",
            Fact::CpPlan => "cp-plan",
            Fact::CinPlan => "cin-plan",
            Fact::PreviousCpPlan => "previous-cp-plan",
            Fact::PreviousCareProceedings => "previous-care-proceedings",
            Fact::StepDownProposed => "step-down-proposed",
            Fact::OrderEnding => "order-ending",
            Fact::StillWorried => "still-worried",
        }
    }

    pub const ALL: [Fact; 8] = [
        Fact::LookedAfter,
        Fact::CpPlan,
        Fact::CinPlan,
        Fact::PreviousCpPlan,
        Fact::PreviousCareProceedings,
        Fact::StepDownProposed,
        Fact::OrderEnding,
        Fact::StillWorried,
    ];
}

/// What became of a referral to children's social care.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReferralOutcome {
    None,
    Awaiting,
    Accepted,
    EarlyHelp,
    ClosedNoFurtherAction,
    NotAccepted,
}

impl ReferralOutcome {
    /// The id authors write, as serde spells it.
    pub fn name(self) -> &'static str {
        match self {
            ReferralOutcome::None => "none",
            ReferralOutcome::Awaiting => "awaiting",
            ReferralOutcome::Accepted => "accepted",
            ReferralOutcome::EarlyHelp => "early-help",
            ReferralOutcome::ClosedNoFurtherAction => "closed-no-further-action",
            ReferralOutcome::NotAccepted => "not-accepted",
        }
    }

    pub const ALL: [ReferralOutcome; 6] = [
        ReferralOutcome::None,
        ReferralOutcome::Awaiting,
        ReferralOutcome::Accepted,
        ReferralOutcome::EarlyHelp,
        ReferralOutcome::ClosedNoFurtherAction,
        ReferralOutcome::NotAccepted,
    ];

    /// The referral did not lead to help from children's social care.
    pub fn is_closed(self) -> bool {
        matches!(self, ReferralOutcome::ClosedNoFurtherAction | ReferralOutcome::NotAccepted)
    }
}

/// Someone to call. National numbers are part of the ruleset; local ones are left to a
/// profile and shown as "not set" until it sets them.
#[derive(Clone, Debug, Deserialize, Hash)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Contact {
    pub id: String,
    pub name: String,
    pub scope: ContactScope,
    /// Only for national contacts.
    pub phone: Option<String>,
    pub hours: Option<String>,
    pub notes: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum ContactScope {
    National,
    Local,
}

#[derive(Clone, Debug, Deserialize, Hash)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Route {
    pub id: String,
    pub name: String,
    /// When this route is the right one.
    pub when: String,
    /// How fast, unless the level of need asks for faster.
    pub urgency: Urgency,
    pub who_may_submit: String,
    /// Consent and information sharing.
    pub consent: String,
    pub contacts: Vec<String>,
    #[serde(default)]
    pub sources: Vec<Citation>,
    #[serde(default)]
    pub allow: Allow,
}

/// A stage in resolving a professional disagreement.
#[derive(Clone, Debug, Deserialize, Hash)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Stage {
    pub id: String,
    pub name: String,
    pub who: String,
    pub what: String,
    /// The default timescale; a profile may set the local one.
    pub timescale: Urgency,
    pub contact: Option<String>,
    #[serde(default)]
    pub sources: Vec<Citation>,
    #[serde(default)]
    pub allow: Allow,
}

/// A question for the practitioner to reflect on, drawn from what reviews have learned.
#[derive(Clone, Debug, Deserialize, Hash)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Prompt {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub sources: Vec<Citation>,
    #[serde(default)]
    pub allow: Allow,
}

#[derive(Clone, Debug, Deserialize, Hash)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Action {
    pub id: String,
    pub text: String,
    pub urgency: Urgency,
    #[serde(default)]
    pub allow: Allow,
}

/// How soon: `"now"`, `"today"` or `{"workingDays": n}`. Ordered from most urgent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Urgency {
    Now,
    Today,
    WorkingDays(u16),
}

/// The responses the engine guarantees whatever the rules say; the ruleset words them.
#[derive(Clone, Debug, Deserialize, Hash)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Safeguards {
    /// Applies whenever the practitioner has recorded a worry, so a worry never meets "no
    /// action needed".
    pub worry_recorded: Safeguard,
    /// Applies when a referral was closed or not accepted and the practitioner is still worried;
    /// escalation always follows.
    pub worry_persists: Safeguard,
    /// Applies when the practitioner's own view is lower than the engine's.
    pub judgement_lower: Safeguard,
}

#[derive(Clone, Debug, Deserialize, Hash)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Safeguard {
    pub then: Consequences,
    pub reason: String,
    pub sources: Vec<Citation>,
}

#[derive(Clone, Debug, Deserialize, Hash)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Rule {
    pub id: String,
    pub when: Condition,
    pub then: Consequences,
    /// Why, in plain English, for the practitioner.
    pub reason: String,
    #[serde(default)]
    pub sources: Vec<Citation>,
    /// The primer's principles (1 to 10) this rule embodies.
    #[serde(default)]
    pub principles: Vec<u8>,
    #[serde(default)]
    pub allow: Allow,
}

#[derive(Clone, Debug, Default, Deserialize, Hash)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Consequences {
    /// The minimum level of need; nothing lowers it.
    pub level: Option<String>,
    #[serde(default)]
    pub actions: Vec<String>,
    #[serde(default)]
    pub routes: Vec<String>,
    #[serde(default)]
    pub prompts: Vec<String>,
    /// Escalation applies, starting at this stage.
    pub escalate_from: Option<String>,
}

/// A citation: the document and where in it.
#[derive(Clone, Debug, Deserialize, Serialize, Hash)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Citation {
    pub source: String,
    /// Line numbers in the source file: `"120"`, `"120-135"` or `"120-135, 210"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lines: Option<String>,
    /// A section, paragraph or page for documents without line numbers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
}

/// When a rule applies. Each variant is an object with one key, e.g.
/// `{"all": [{"yes": "self-harm"}, {"age": {"maxMonths": 155}}]}`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Hash)]
#[serde(rename_all = "camelCase")]
pub enum Condition {
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
    AtLeast(AtLeast),
    /// The indicator was answered yes.
    Yes(String),
    /// The indicator was answered "not known", or not answered at all.
    NotKnown(String),
    /// The child's age lies within the bounds.
    Age(AgeRange),
    /// Enough dated events of one kind within a window ending on the assessment date.
    Events(EventCount),
    /// A context fact holds.
    Fact(Fact),
    /// The referral had this outcome.
    Referral(ReferralOutcome),
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Hash)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct AtLeast {
    pub n: u16,
    pub of: Vec<Condition>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize, Hash)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct EventCount {
    pub indicator: String,
    /// The window: events on the assessment date and up to this many days before it count.
    pub within_days: u16,
    pub at_least: u16,
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn names_match_serde() {
        for fact in Fact::ALL {
            assert_eq!(serde_json::to_value(fact).ok(), Some(serde_json::Value::from(fact.name())));
        }
        for outcome in ReferralOutcome::ALL {
            assert_eq!(serde_json::to_value(outcome).ok(), Some(serde_json::Value::from(outcome.name())));
        }
    }
}
