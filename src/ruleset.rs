//! The vocabulary of a ruleset that the engine understands natively: urgencies, ages, kinds of
//! indicator, context facts and referral outcomes.
//!
//! A ruleset is one partnership's threshold document as JSON; `docs/ruleset-format.md`
//! describes every field, and [`crate::Engine::new`] reads and checks it in one pass.

use serde::Serialize;

use crate::date::Date;
use crate::error::Code;
use crate::json::{named_enum, At, FromJson, Json, Misfit};

/// The value of `format` in every ruleset this engine reads.
pub const RULESET_FORMAT: &str = "waymark-ruleset/1";

/// How soon: `"now"`, `"today"` or `{"workingDays": n}`. Ordered from most urgent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Urgency {
    /// Straight away: a child may be in danger now.
    Now,
    /// The same working day.
    Today,
    /// Within this many working days.
    WorkingDays(u16),
}

impl FromJson for Urgency {
    fn from_json(json: &Json, at: &At) -> Result<Urgency, Misfit> {
        match json {
            Json::String(s) if s == "now" => Ok(Urgency::Now),
            Json::String(s) if s == "today" => Ok(Urgency::Today),
            Json::Object(members) => match members.as_slice() {
                [(key, days)] if key == "workingDays" => u16::from_json(days, &At::Key(at, key)).map(Urgency::WorkingDays),
                _ => Err(at.misfit(Code::BadValue, "expected {\"workingDays\": n} and nothing else")),
            },
            _ => Err(at.misfit(Code::BadValue, "expected \"now\", \"today\" or {\"workingDays\": n}")),
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
    /// The youngest age, in months; open if absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub min_months: Option<i32>,
    /// The oldest age, in months; open if absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub max_months: Option<i32>,
}

impl AgeRange {
    /// The bounds, with an open one as far as it can go.
    pub fn bounds(self) -> (i32, i32) {
        (self.min_months.unwrap_or(i32::MIN), self.max_months.unwrap_or(i32::MAX))
    }
}

named_enum! {
    /// What an indicator records, and so how rules may use it.
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
        /// With the child's details.
        Child = "child",
        /// Among the worries.
        Worries = "worries",
        /// With what has happened so far: plans, decisions, changes.
        SoFar = "so-far",
    }
}

named_enum! {
    /// What is known about the child's situation so far, outside the indicators.
    pub enum Fact {
        /// The child is looked after by the local authority.
        LookedAfter = "looked-after",
        /// The child has a child protection plan.
        CpPlan = "cp-plan",
        /// The child has a child in need plan.
        CinPlan = "cin-plan",
        /// The child has had a child protection plan before.
        PreviousCpPlan = "previous-cp-plan",
        /// There have been care proceedings about the child before.
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
        /// No referral has been made.
        None = "none",
        /// Made, and waiting for a decision.
        Awaiting = "awaiting",
        /// Accepted for assessment or support.
        Accepted = "accepted",
        /// Passed to early help.
        EarlyHelp = "early-help",
        /// Closed with no further action.
        ClosedNoFurtherAction = "closed-no-further-action",
        /// Not accepted.
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
        /// The same everywhere: its number is in the ruleset.
        National = "national",
        /// Different in each area: its number comes from a profile.
        Local = "local",
    }
}

named_enum! {
    /// What a lint finding is about (`waymark lint`): the key an item's `allow` map gives a
    /// reason under. `docs/ruleset-format.md` describes each.
    pub enum LintCode {
        /// A rule whose condition can never be true.
        NeverFires = "never-fires",
        /// A rule with the same condition as an earlier one.
        DuplicateCondition = "duplicate-condition",
        /// A rule that cites nothing.
        MissingSource = "missing-source",
        /// A level no rule can reach.
        UnreachableLevel = "unreachable-level",
        /// An indicator no rule asks about.
        UnusedIndicator = "unused-indicator",
        /// A route no rule or level gives.
        UnusedRoute = "unused-route",
        /// An escalation stage no escalation reaches.
        UnusedStage = "unused-stage",
        /// A prompt no rule gives.
        UnusedPrompt = "unused-prompt",
        /// An action no rule or level gives.
        UnusedAction = "unused-action",
        /// A contact no route or escalation stage lists.
        UnusedContact = "unused-contact",
        /// A source nothing cites.
        UnusedSource = "unused-source",
        /// A rule that gives routes but sets no level.
        RouteWithoutLevel = "route-without-level",
        /// A rule whose reason tells the practitioner to act when nothing else in it does.
        ResponseInReasonOnly = "response-in-reason-only",
        /// A rule that sets a level for one age band only.
        AgeLimitedFloor = "age-limited-floor",
        /// A rule that gives an action, route or prompt for ages it can never fire at.
        NeverFits = "never-fits",
        /// A rule that tests the age its question already asks about.
        AgeAlreadyAsked = "age-already-asked",
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
