//! A local profile: the names, numbers and timescales one partnership, school or service
//! layers over a ruleset, without touching its rules.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::ruleset::Urgency;

/// The value of `format` in every profile this engine reads.
pub const PROFILE_FORMAT: &str = "waymark-profile/1";

#[derive(Clone, Debug, Deserialize, Hash)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Profile {
    pub format: String,
    pub id: String,
    /// The organisation or partnership, shown with every assessment.
    pub organisation: String,
    /// The id of the ruleset this profile was written for.
    pub ruleset: String,
    /// Local names for the ruleset's levels, by level id.
    #[serde(default)]
    pub levels: BTreeMap<String, LevelName>,
    /// Local contact details, by the ruleset's contact ids.
    #[serde(default)]
    pub contacts: BTreeMap<String, LocalContact>,
    /// Local escalation arrangements, by the ruleset's stage ids.
    #[serde(default)]
    pub escalation: BTreeMap<String, LocalStage>,
}

#[derive(Clone, Debug, Deserialize, Hash)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct LevelName {
    pub name: String,
    /// The local wording of what the level means, when it differs.
    pub meaning: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize, Hash)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct LocalContact {
    /// A local name for the service or the person, such as "Sutton MASH" or "Ms Patel (DSL)".
    pub name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub hours: Option<String>,
    /// What to do outside those hours: a number or an instruction.
    pub out_of_hours: Option<String>,
    pub notes: Option<String>,
}

#[derive(Clone, Debug, Deserialize, Hash)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct LocalStage {
    pub name: Option<String>,
    pub who: Option<String>,
    pub timescale: Option<Urgency>,
    /// A contact id from the ruleset.
    pub contact: Option<String>,
}
