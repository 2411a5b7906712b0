//! The explanation trace: for every rule, whether it fired and what in the case decided it.

use serde::Serialize;

use crate::case::Answer;
use crate::date::Date;
use crate::logic::Truth;
use crate::program::RuleKind;
use crate::ruleset::{Fact, ReferralOutcome};

/// What happened to one rule.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RuleTrace<'a> {
    pub rule: &'a str,
    pub kind: RuleKind,
    pub status: Status,
    /// The parts of the condition that decided the status: for a rule that fired, what made
    /// it true; one that did not, what made it false; one undetermined, what is not known.
    pub because: Vec<Finding<'a>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Fired,
    NotFired,
    /// It depends on something not known.
    Undetermined,
}

impl From<Truth> for Status {
    fn from(truth: Truth) -> Status {
        match truth {
            Truth::True => Status::Fired,
            Truth::False => Status::NotFired,
            Truth::Unknown => Status::Undetermined,
        }
    }
}

/// One test in a condition, what the case held, and the result.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "test", rename_all = "kebab-case")]
pub enum Finding<'a> {
    /// Was the indicator answered yes? `answer` is absent when it was not answered.
    #[serde(rename_all = "camelCase")]
    Yes { indicator: &'a str, text: &'a str, answer: Option<Answer>, holds: Truth },
    /// Is the indicator not known?
    #[serde(rename_all = "camelCase")]
    NotKnown { indicator: &'a str, text: &'a str, answer: Option<Answer>, holds: Truth },
    /// Is the child's age within bounds? `ageMonths` is absent when the age is not known;
    /// an age given in whole years spans twelve months.
    #[serde(rename_all = "camelCase")]
    Age { min_months: Option<i32>, max_months: Option<i32>, age_months: Option<AgeSpan>, holds: Truth },
    /// Were there enough dated events in the window?
    #[serde(rename_all = "camelCase")]
    /// `approximate` of the `count` have dates known only roughly, and are counted as in the
    /// window because they could be.
    Events { indicator: &'a str, text: &'a str, within_days: u16, at_least: u16, count: u16, dates: Vec<Date>, approximate: u16, holds: Truth },
    #[serde(rename_all = "camelCase")]
    Fact { fact: Fact, text: &'a str, answer: Option<Answer>, holds: Truth },
    /// Did the referral have this outcome? `actual` is absent when not known.
    #[serde(rename_all = "camelCase")]
    Referral { outcome: ReferralOutcome, text: &'a str, actual: Option<ReferralOutcome>, holds: Truth },
    /// The practitioner's own view of the level.
    #[serde(rename_all = "camelCase")]
    Judgement { level: &'a str, reason: String, holds: Truth },
}

/// The child's age in months, as the interval the case allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct AgeSpan {
    pub from: i32,
    pub to: i32,
}
