//! The vocabulary of a ruleset that the engine understands natively: urgencies, ages, kinds of
//! indicator, context facts and referral outcomes.
//!
//! A ruleset is one partnership's threshold document as JSON; `docs/ruleset-format.md`
//! describes every field, and [`crate::Engine::new`] reads and checks it in one pass.

use serde::Serialize;

use crate::date::Date;
use crate::json::{named_enum, At, FromJson, Json, Misfit};

/// The value of `format` in every ruleset this engine reads.
pub const RULESET_FORMAT: &str = "waymark-ruleset/1";

/// How soon: `"now"`, `"today"` or `{"workingDays": n}`. Ordered from most urgent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Urgency {
    Now,
    Today,
    WorkingDays(u16),
}

impl FromJson for Urgency {
    fn from_json(json: &Json, at: &At) -> Result<Urgency, Misfit> {
        match json {
            Json::String(s) if s == "now" => Ok(Urgency::Now),
            Json::String(s) if s == "today" => Ok(Urgency::Today),
            Json::Object(members) => match members.as_slice() {
                [(key, days)] if key == "workingDays" => u16::from_json(days, &At::Key(at, key)).map(Urgency::WorkingDays),
                _ => Err(at.misfit("bad-value", "expected {\"workingDays\": n} and nothing else")),
            },
            _ => Err(at.misfit("bad-value", "expected \"now\", \"today\" or {\"workingDays\": n}")),
        }
    }
}

impl Urgency {
    /// The latest date to act by, counting weekdays only. Bank holidays are local and not known
    /// here, so the date is never later than the real deadline.
    pub fn due_by(self, as_of: Date) -> Date {
        match self {
            Urgency::Now | Urgency::Today => as_of,
            Urgency::WorkingDays(n) => as_of.add_working_days(u32::from(n)),
        }
    }
}

/// Inclusive bounds in months; either may be open. Ages below zero are before birth.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AgeRange {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub min_months: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub max_months: Option<i32>,
}

impl AgeRange {
    pub fn bounds(self) -> (i32, i32) {
        (self.min_months.unwrap_or(i32::MIN), self.max_months.unwrap_or(i32::MAX))
    }
}

named_enum! {
    pub enum IndicatorKind {
        /// Answered yes, no or not known; yes is a worry.
        Answer = "answer",
        /// A dated event that is counted (a missing episode, a police call-out, "not brought").
        Event = "event",
        /// Answered yes, no or not known, and describes the child's circumstances (an EHCP, a
        /// placement): rules may use it, but a yes is not in itself a worry.
        Circumstance = "circumstance",
    }
}

named_enum! {
    /// Where a form asks an indicator: with the child's details (every circumstance), among
    /// the worries, or with what has happened so far. A layout hint; evaluation ignores it.
    pub enum Step {
        Child = "child",
        Worries = "worries",
        SoFar = "so-far",
    }
}

named_enum! {
    /// What is known about the child's situation so far, outside the indicators.
    pub enum Fact {
        LookedAfter = "looked-after",
        CpPlan = "cp-plan",
        CinPlan = "cin-plan",
        PreviousCpPlan = "previous-cp-plan",
        PreviousCareProceedings = "previous-care-proceedings",
        /// A step down (from CP to CIN, or CIN to early help) or closure has been proposed.
        StepDownProposed = "step-down-proposed",
        /// A statutory order (care, supervision, special guardianship support) is ending.
        OrderEnding = "order-ending",
        /// The practitioner is still worried about the child.
        StillWorried = "still-worried",
    }
}

impl Fact {
    /// How many context facts there are.
    pub const COUNT: usize = 8;
}

named_enum! {
    /// What became of a referral to children's social care.
    pub enum ReferralOutcome {
        None = "none",
        Awaiting = "awaiting",
        Accepted = "accepted",
        EarlyHelp = "early-help",
        ClosedNoFurtherAction = "closed-no-further-action",
        NotAccepted = "not-accepted",
    }
}

impl ReferralOutcome {
    /// The referral did not lead to help from children's social care.
    pub fn is_closed(self) -> bool {
        matches!(self, ReferralOutcome::ClosedNoFurtherAction | ReferralOutcome::NotAccepted)
    }
}

named_enum! {
    /// National contacts carry their number in the ruleset; local ones get theirs from a profile.
    pub enum ContactScope {
        National = "national",
        Local = "local",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::Named;

    #[test]
    fn every_fact_is_counted() {
        assert_eq!(Fact::ALL.len(), Fact::COUNT);
        for (i, fact) in Fact::ALL.iter().enumerate() {
            assert_eq!(*fact as usize, i);
        }
    }
}
