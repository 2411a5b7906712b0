//! What the practitioner knows about one child, as the engine receives it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::ruleset::{Fact, ReferralOutcome};

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Case {
    /// The assessment date. Event windows and ages are measured to it; the engine has no clock.
    pub as_of: Date,
    #[serde(default)]
    pub child: Child,
    /// Answers by indicator id. An indicator left out is not answered, which is not "no".
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// Dated events, for indicators of kind `event`.
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub facts: BTreeMap<Fact, Answer>,
    /// The outcome of the latest referral to children's social care, if known.
    pub referral: Option<ReferralOutcome>,
    /// The practitioner's own view of the level.
    pub judgement: Option<Judgement>,
}

/// Give at most one of these.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Child {
    /// For an unborn baby, the expected date of delivery.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age_years: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age_months: Option<u16>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    Yes,
    No,
    NotKnown,
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Event {
    pub indicator: String,
    pub date: Date,
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Judgement {
    /// A level id from the ruleset.
    pub level: String,
    pub reason: String,
}
