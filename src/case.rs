//! What the practitioner knows about one child, as the engine receives it.

use crate::date::Date;
use crate::json::{named_enum, read_object, Keyed};
use crate::ruleset::ReferralOutcome;

#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    /// The assessment date. Event windows and ages are measured to it; the engine has no clock.
    pub as_of: Date,
    pub child: Child,
    /// Answers by indicator id. An indicator left out is not answered, which is not "no".
    pub answers: Keyed<Answer>,
    /// Dated events, for indicators of kind `event`.
    pub events: Vec<Event>,
    /// Answers about context facts, by fact name (such as `looked-after`).
    pub facts: Keyed<Answer>,
    /// The outcome of the latest referral to children's social care, if known.
    pub referral: Option<ReferralOutcome>,
    /// The practitioner's own view of the level.
    pub judgement: Option<Judgement>,
}
read_object!(Case {
    as_of: "asOf" required,
    child: "child" or_default,
    answers: "answers" or_default,
    events: "events" or_default,
    facts: "facts" or_default,
    referral: "referral" optional,
    judgement: "judgement" optional,
});

/// Give at most one of these.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Child {
    /// For an unborn baby, the expected date of delivery.
    pub date_of_birth: Option<Date>,
    pub age_years: Option<u8>,
    pub age_months: Option<u16>,
}
read_object!(Child { date_of_birth: "dateOfBirth" optional, age_years: "ageYears" optional, age_months: "ageMonths" optional });

named_enum! {
    pub enum Answer {
        Yes = "yes",
        No = "no",
        NotKnown = "not-known",
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub indicator: String,
    pub date: Date,
}
read_object!(Event { indicator: "indicator" required, date: "date" required });

#[derive(Clone, Debug, PartialEq)]
pub struct Judgement {
    /// A level id from the ruleset.
    pub level: String,
    pub reason: String,
}
read_object!(Judgement { level: "level" required, reason: "reason" required });
