//! A local profile: the names, numbers and timescales one partnership, school or service
//! layers over a ruleset, without touching its rules.

use crate::json::{read_object, At, FromJson, Json, Keyed, Misfit};
use crate::ruleset::Urgency;

/// The value of `format` in every profile this engine reads.
pub const PROFILE_FORMAT: &str = "waymark-profile/1";

#[derive(Clone, Debug)]
pub struct Profile {
    pub format: String,
    pub id: String,
    /// The organisation or partnership, shown with every assessment.
    pub organisation: String,
    /// The id of the ruleset this profile was written for.
    pub ruleset: String,
    /// Local names for the ruleset's levels, by level id.
    pub levels: Keyed<LevelName>,
    /// Local contact details, by the ruleset's contact ids.
    pub contacts: Keyed<LocalContact>,
    /// Local escalation arrangements, by the ruleset's stage ids.
    pub escalation: Keyed<LocalStage>,
    /// A digest of the document this was read from.
    pub hash: String,
}

impl FromJson for Profile {
    fn from_json(json: &Json, at: &At) -> Result<Profile, Misfit> {
        let document = ProfileDocument::from_json(json, at)?;
        Ok(Profile {
            format: document.format,
            id: document.id,
            organisation: document.organisation,
            ruleset: document.ruleset,
            levels: document.levels,
            contacts: document.contacts,
            escalation: document.escalation,
            hash: json.content_hash(),
        })
    }
}

/// The profile as written, before its content hash is added.
struct ProfileDocument {
    format: String,
    id: String,
    organisation: String,
    ruleset: String,
    levels: Keyed<LevelName>,
    contacts: Keyed<LocalContact>,
    escalation: Keyed<LocalStage>,
}
read_object!(ProfileDocument {
    format: "format" required,
    id: "id" required,
    organisation: "organisation" required,
    ruleset: "ruleset" required,
    levels: "levels" or_default,
    contacts: "contacts" or_default,
    escalation: "escalation" or_default,
});

#[derive(Clone, Debug)]
pub struct LevelName {
    pub name: String,
    /// The local wording of what the level means, when it differs.
    pub meaning: Option<String>,
}
read_object!(LevelName { name: "name" required, meaning: "meaning" optional });

#[derive(Clone, Debug, Default)]
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
read_object!(LocalContact {
    name: "name" optional,
    phone: "phone" optional,
    email: "email" optional,
    hours: "hours" optional,
    out_of_hours: "outOfHours" optional,
    notes: "notes" optional,
});

#[derive(Clone, Debug)]
pub struct LocalStage {
    pub name: Option<String>,
    pub who: Option<String>,
    pub timescale: Option<Urgency>,
    /// A contact id from the ruleset.
    pub contact: Option<String>,
}
read_object!(LocalStage { name: "name" optional, who: "who" optional, timescale: "timescale" optional, contact: "contact" optional });
