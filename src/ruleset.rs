//! The ruleset as its authors write it. Strict: unknown and repeated keys are errors.
//!
//! A ruleset is one partnership's threshold document as data. Everything that rules refer to
//! (levels, indicators, routes, escalation stages, prompts, actions, sources) is defined once,
//! with an id, and referred to by that id. [`crate::Engine::new`] checks every reference.
//! `docs/ruleset-format.md` is the guide for authors.

use serde::Serialize;

use crate::date::Date;
use crate::json::{named_enum, read_object, At, Fields, FromJson, Json, Keyed, Misfit};

/// The value of `format` in every ruleset this engine reads.
pub const RULESET_FORMAT: &str = "waymark-ruleset/1";

#[derive(Clone, Debug)]
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
    pub prompts: Vec<Prompt>,
    pub actions: Vec<Action>,
    pub safeguards: Safeguards,
    pub rules: Vec<Rule>,
    /// A digest of the document this was read from (see [`Json::content_hash`]).
    pub hash: String,
}

impl FromJson for Ruleset {
    fn from_json(json: &Json, at: &At) -> Result<Ruleset, Misfit> {
        let document = RulesetDocument::from_json(json, at)?;
        Ok(Ruleset {
            format: document.format,
            meta: document.meta,
            levels: document.levels,
            domains: document.domains,
            indicators: document.indicators,
            context: document.context,
            contacts: document.contacts,
            routes: document.routes,
            escalation: document.escalation,
            prompts: document.prompts,
            actions: document.actions,
            safeguards: document.safeguards,
            rules: document.rules,
            hash: json.content_hash(),
        })
    }
}

/// The ruleset as written, before its content hash is added.
struct RulesetDocument {
    format: String,
    meta: Meta,
    levels: Vec<Level>,
    domains: Vec<Domain>,
    indicators: Vec<Indicator>,
    context: ContextWording,
    contacts: Vec<Contact>,
    routes: Vec<Route>,
    escalation: Vec<Stage>,
    prompts: Vec<Prompt>,
    actions: Vec<Action>,
    safeguards: Safeguards,
    rules: Vec<Rule>,
}
read_object!(RulesetDocument {
    format: "format" required,
    meta: "meta" required,
    levels: "levels" required,
    domains: "domains" required,
    indicators: "indicators" required,
    context: "context" required,
    contacts: "contacts" required,
    routes: "routes" required,
    escalation: "escalation" required,
    prompts: "prompts" or_default,
    actions: "actions" required,
    safeguards: "safeguards" required,
    rules: "rules" required,
});

#[derive(Clone, Debug)]
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
read_object!(Meta {
    id: "id" required,
    title: "title" required,
    version: "version" required,
    jurisdiction: "jurisdiction" required,
    owner: "owner" required,
    review_date: "reviewDate" required,
    effective_from: "effectiveFrom" required,
    notice: "notice" required,
    sources: "sources" required,
});

/// A document that rules cite: a case review, statutory guidance, a local procedure.
#[derive(Clone, Debug)]
pub struct SourceDocument {
    pub id: String,
    pub title: String,
    /// Where to find it: a file name, a publisher and year, or an address to read it at.
    pub reference: String,
    pub allow: Allow,
}
read_object!(SourceDocument { id: "id" required, title: "title" required, reference: "reference" required, allow: "allow" or_default });

/// Lint findings the authors have looked at and accepted, each with the reason: the lint code
/// (such as `unused-indicator`) maps to the explanation.
pub type Allow = Keyed<String>;

#[derive(Clone, Debug)]
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
    pub actions: Vec<String>,
    pub routes: Vec<String>,
    /// The level for a child in danger now; exactly one level has it, and it ranks highest.
    pub emergency: bool,
    pub allow: Allow,
}
read_object!(Level {
    id: "id" required,
    rank: "rank" required,
    name: "name" required,
    meaning: "meaning" required,
    response: "response" required,
    urgency: "urgency" optional,
    actions: "actions" or_default,
    routes: "routes" or_default,
    emergency: "emergency" or_default,
    allow: "allow" or_default,
});

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Domain {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
}
read_object!(Domain { id: "id" required, name: "name" required, description: "description" optional });

#[derive(Clone, Debug)]
pub struct Indicator {
    pub id: String,
    pub domain: String,
    /// The wording the practitioner answers.
    pub text: String,
    pub help: Option<String>,
    /// Other words a practitioner might search for.
    pub terms: Vec<String>,
    /// The ages the indicator applies to, in months; unborn babies have negative ages.
    pub ages: AgeRange,
    pub kind: IndicatorKind,
    pub sources: Vec<Citation>,
    pub allow: Allow,
}
read_object!(Indicator {
    id: "id" required,
    domain: "domain" required,
    text: "text" required,
    help: "help" optional,
    terms: "terms" or_default,
    ages: "ages" or_default,
    kind: "kind" or_default,
    sources: "sources" or_default,
    allow: "allow" or_default,
});

named_enum! {
    pub enum IndicatorKind {
        /// Answered yes, no or not known.
        Answer = "answer",
        /// A dated event that is counted (a missing episode, a police call-out, "not brought").
        Event = "event",
    }
}

impl Default for IndicatorKind {
    fn default() -> IndicatorKind {
        IndicatorKind::Answer
    }
}

/// Inclusive bounds in months; either may be open. Ages below zero are before birth.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AgeRange {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_months: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_months: Option<i32>,
}
read_object!(AgeRange { min_months: "minMonths" optional, max_months: "maxMonths" optional });

impl AgeRange {
    pub fn bounds(self) -> (i32, i32) {
        (self.min_months.unwrap_or(i32::MIN), self.max_months.unwrap_or(i32::MAX))
    }
}

/// The wording the practitioner sees for the context facts and referral outcomes that the
/// engine understands natively.
#[derive(Clone, Debug)]
pub struct ContextWording {
    pub facts: Vec<FactWording>,
    pub referral: Vec<ReferralWording>,
}
read_object!(ContextWording { facts: "facts" required, referral: "referral" required });

#[derive(Clone, Debug)]
pub struct FactWording {
    pub fact: Fact,
    pub text: String,
    pub help: Option<String>,
}
read_object!(FactWording { fact: "fact" required, text: "text" required, help: "help" optional });

#[derive(Clone, Debug)]
pub struct ReferralWording {
    pub outcome: ReferralOutcome,
    pub text: String,
}
read_object!(ReferralWording { outcome: "outcome" required, text: "text" required });

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

/// Someone to call. National numbers are part of the ruleset; local ones are left to a
/// profile and shown as "not set" until it sets them.
#[derive(Clone, Debug)]
pub struct Contact {
    pub id: String,
    pub name: String,
    pub scope: ContactScope,
    /// Only for national contacts.
    pub phone: Option<String>,
    pub hours: Option<String>,
    pub notes: Option<String>,
}
read_object!(Contact { id: "id" required, name: "name" required, scope: "scope" required, phone: "phone" optional, hours: "hours" optional, notes: "notes" optional });

named_enum! {
    pub enum ContactScope {
        National = "national",
        Local = "local",
    }
}

#[derive(Clone, Debug)]
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
    pub sources: Vec<Citation>,
    pub allow: Allow,
}
read_object!(Route {
    id: "id" required,
    name: "name" required,
    when: "when" required,
    urgency: "urgency" required,
    who_may_submit: "whoMaySubmit" required,
    consent: "consent" required,
    contacts: "contacts" required,
    sources: "sources" or_default,
    allow: "allow" or_default,
});

/// A stage in resolving a professional disagreement.
#[derive(Clone, Debug)]
pub struct Stage {
    pub id: String,
    pub name: String,
    pub who: String,
    pub what: String,
    /// The default timescale; a profile may set the local one.
    pub timescale: Urgency,
    pub contact: Option<String>,
    pub sources: Vec<Citation>,
    pub allow: Allow,
}
read_object!(Stage {
    id: "id" required,
    name: "name" required,
    who: "who" required,
    what: "what" required,
    timescale: "timescale" required,
    contact: "contact" optional,
    sources: "sources" or_default,
    allow: "allow" or_default,
});

/// A question for the practitioner to reflect on, drawn from what reviews have learned.
#[derive(Clone, Debug)]
pub struct Prompt {
    pub id: String,
    pub text: String,
    pub sources: Vec<Citation>,
    pub allow: Allow,
}
read_object!(Prompt { id: "id" required, text: "text" required, sources: "sources" or_default, allow: "allow" or_default });

#[derive(Clone, Debug)]
pub struct Action {
    pub id: String,
    pub text: String,
    pub urgency: Urgency,
    pub allow: Allow,
}
read_object!(Action { id: "id" required, text: "text" required, urgency: "urgency" required, allow: "allow" or_default });

/// How soon: `"now"`, `"today"` or `{"workingDays": n}`. Ordered from most urgent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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
            Json::Object(_) => {
                let fields = Fields::new(json, at, &["workingDays"])?;
                fields.required("workingDays").map(Urgency::WorkingDays).ok_or_else(|| fields.misfit())
            }
            _ => Err(at.misfit("expected \"now\", \"today\" or {\"workingDays\": n}")),
        }
    }
}

/// The responses the engine guarantees whatever the rules say; the ruleset words them.
#[derive(Clone, Debug)]
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
read_object!(Safeguards { worry_recorded: "worryRecorded" required, worry_persists: "worryPersists" required, judgement_lower: "judgementLower" required });

#[derive(Clone, Debug)]
pub struct Safeguard {
    pub then: Consequences,
    pub reason: String,
    pub sources: Vec<Citation>,
}
read_object!(Safeguard { then: "then" required, reason: "reason" required, sources: "sources" required });

#[derive(Clone, Debug)]
pub struct Rule {
    pub id: String,
    pub when: Condition,
    pub then: Consequences,
    /// Why, in plain English, for the practitioner.
    pub reason: String,
    pub sources: Vec<Citation>,
    /// The primer's principles (1 to 10) this rule embodies.
    pub principles: Vec<u8>,
    pub allow: Allow,
}
read_object!(Rule {
    id: "id" required,
    when: "when" required,
    then: "then" required,
    reason: "reason" required,
    sources: "sources" or_default,
    principles: "principles" or_default,
    allow: "allow" or_default,
});

#[derive(Clone, Debug, Default)]
pub struct Consequences {
    /// The minimum level of need; nothing lowers it.
    pub level: Option<String>,
    pub actions: Vec<String>,
    pub routes: Vec<String>,
    pub prompts: Vec<String>,
    /// Escalation applies, starting at this stage.
    pub escalate_from: Option<String>,
}
read_object!(Consequences {
    level: "level" optional,
    actions: "actions" or_default,
    routes: "routes" or_default,
    prompts: "prompts" or_default,
    escalate_from: "escalateFrom" optional,
});

/// A citation: the document and where in it.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Citation {
    pub source: String,
    /// Line numbers in the source file: `"120"`, `"120-135"` or `"120-135, 210"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lines: Option<String>,
    /// A section, paragraph or page for documents without line numbers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
}
read_object!(Citation { source: "source" required, lines: "lines" optional, section: "section" optional });

/// When a rule applies. Each variant is an object with one key, e.g.
/// `{"all": [{"yes": "self-harm"}, {"age": {"maxMonths": 155}}]}`.
#[derive(Clone, Debug, PartialEq, Eq)]
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

impl FromJson for Condition {
    fn from_json(json: &Json, at: &At) -> Result<Condition, Misfit> {
        const OPERATORS: [&str; 10] = ["all", "any", "not", "atLeast", "yes", "notKnown", "age", "events", "fact", "referral"];
        let (key, value) = match json {
            Json::Object(members) if members.len() == 1 => (&members[0].0, &members[0].1),
            _ => return Err(at.misfit(format!("expected an object with one of: {}", OPERATORS.join(", ")))),
        };
        let here = At::Key(at, key);
        let inner = &here;
        Ok(match key.as_str() {
            "all" => Condition::All(FromJson::from_json(value, inner)?),
            "any" => Condition::Any(FromJson::from_json(value, inner)?),
            "not" => Condition::Not(FromJson::from_json(value, inner)?),
            "atLeast" => Condition::AtLeast(FromJson::from_json(value, inner)?),
            "yes" => Condition::Yes(FromJson::from_json(value, inner)?),
            "notKnown" => Condition::NotKnown(FromJson::from_json(value, inner)?),
            "age" => Condition::Age(FromJson::from_json(value, inner)?),
            "events" => Condition::Events(FromJson::from_json(value, inner)?),
            "fact" => Condition::Fact(FromJson::from_json(value, inner)?),
            "referral" => Condition::Referral(FromJson::from_json(value, inner)?),
            other => return Err(here.misfit(format!("unknown condition \"{other}\"; expected one of: {}", OPERATORS.join(", ")))),
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AtLeast {
    pub n: u16,
    pub of: Vec<Condition>,
}
read_object!(AtLeast { n: "n" required, of: "of" required });

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventCount {
    pub indicator: String,
    /// The window: events on the assessment date and up to this many days before it count.
    pub within_days: u16,
    pub at_least: u16,
}
read_object!(EventCount { indicator: "indicator" required, within_days: "withinDays" required, at_least: "atLeast" required });
