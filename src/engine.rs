//! The compiled engine: a ruleset (and optional profile) checked once and turned into indexed
//! data, so that assessing a case compares integers rather than strings.

use serde::Serialize;

use crate::assessment::{Assessment, Detail, LevelRef, ProfileInfo, RulesetInfo, StageItem};
use crate::case::Case;
use crate::date::Date;
use crate::error::Error;
use crate::json::Json;
use crate::ruleset::{AgeRange, ContactScope, Fact, IndicatorKind, ReferralOutcome, Step, Urgency};

/// A ruleset compiled for evaluation. Immutable; build it once and assess many cases.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use waymark::{from_json, parse, Case, Document, Engine};
/// let ruleset = parse(&std::fs::read_to_string("tests/rulesets/language.json")?, Document::Ruleset)?;
/// let engine = Engine::new(&ruleset, None)?;
/// let case: Case = from_json(r#"{"asOf": "2026-11-22", "answers": {"injury-non-mobile": "yes"}}"#)?;
/// assert_eq!(engine.assess(&case)?.level.id, "child-protection");
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct Engine {
    pub(crate) meta: CompiledMeta,
    pub(crate) profile: Option<CompiledProfile>,
    pub(crate) sources: Vec<Source>,
    /// Sorted by rank, so a level's index orders it.
    pub(crate) levels: Vec<CompiledLevel>,
    pub(crate) domains: Vec<Domain>,
    pub(crate) indicators: Vec<CompiledIndicator>,
    /// (id, index) sorted by id, for binding a case's answers.
    pub(crate) indicator_index: Vec<(String, u16)>,
    pub(crate) facts: Vec<FactInfo>,
    /// Wording for each referral outcome, in [`ReferralOutcome::ALL`] order.
    pub(crate) referral_wording: Vec<String>,
    pub(crate) contacts: Vec<ContactDetails>,
    pub(crate) routes: Vec<CompiledRoute>,
    pub(crate) stages: Vec<CompiledStage>,
    pub(crate) prompts: Vec<CompiledPrompt>,
    pub(crate) actions: Vec<CompiledAction>,
    /// Condition nodes; children of a node are `kids[start..end]`.
    pub(crate) nodes: Vec<Node>,
    pub(crate) kids: Vec<u32>,
    /// The ruleset's rules, then the safeguards.
    pub(crate) rules: Vec<CompiledRule>,
    /// Where each safeguard is in `rules`.
    pub(crate) safeguards: Safeguards,
    /// Groups of words that mean the same thing to a practitioner, for forms' search.
    pub(crate) synonyms: Vec<Vec<String>>,
}

/// The positions of the safeguards in [`Engine::rules`], found by name when compiled.
#[derive(Debug, Default)]
pub(crate) struct Safeguards {
    /// Needs the level the rules reach.
    pub judgement_lower: usize,
    /// Needs the open questions; `at_level` is the level a question must be able to raise
    /// the guidance to.
    pub harm_suspected: Option<(usize, u8)>,
}

#[derive(Debug)]
pub(crate) struct CompiledMeta {
    pub id: String,
    pub title: String,
    pub version: String,
    pub jurisdiction: String,
    pub owner: String,
    pub review_date: Date,
    pub effective_from: Date,
    pub notice: String,
    pub hash: String,
}

#[derive(Debug)]
pub(crate) struct CompiledProfile {
    pub id: String,
    pub organisation: String,
    pub hash: String,
}

/// Lint findings the authors have accepted: (lint code, reason).
pub(crate) type Allow = Vec<(String, String)>;

/// A document rules cite.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Source {
    pub id: String,
    pub title: String,
    pub reference: String,
    #[serde(skip)]
    pub(crate) allow: Allow,
    /// Whether anything in the ruleset cites it.
    #[serde(skip)]
    pub(crate) cited: bool,
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Domain {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    /// Where a form asks this domain's indicators, unless an indicator says otherwise.
    pub step: Step,
}

#[derive(Debug)]
pub(crate) struct CompiledLevel {
    pub id: String,
    /// Where the level sits in the ruleset's list.
    pub position: usize,
    pub rank: u8,
    pub name: String,
    pub meaning: String,
    pub response: String,
    pub urgency: Option<Urgency>,
    pub actions: Vec<u16>,
    pub routes: Vec<u16>,
    pub emergency: bool,
    pub allow: Allow,
}

#[derive(Debug)]
pub(crate) struct CompiledIndicator {
    pub id: String,
    pub domain: u16,
    pub text: String,
    pub help: Option<String>,
    pub terms: Vec<String>,
    pub ages: AgeRange,
    pub kind: IndicatorKind,
    pub step: Step,
    /// For an event that can last more than a day: how a form asks for its last day.
    pub end_label: Option<String>,
    pub allow: Allow,
}

#[derive(Debug)]
pub(crate) struct FactInfo {
    pub fact: Fact,
    pub text: String,
    pub help: Option<String>,
}

/// A contact with the profile's details laid over the ruleset's.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ContactDetails {
    pub id: String,
    pub name: String,
    pub scope: ContactScope,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub hours: Option<String>,
    pub out_of_hours: Option<String>,
    pub notes: Option<String>,
    /// False for a local contact no profile has given a number or address.
    pub set: bool,
    /// Where to find the local number, shown while it is not set.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub find_it: Option<String>,
    /// The national line to use until the local number is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub meanwhile: Option<Meanwhile>,
}

/// A national contact, named where a local one is not set yet.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Meanwhile {
    pub name: String,
    pub phone: String,
}

/// Who an item (an action, a prompt, a route) is for: the ages it fits and the circumstances
/// that rule it out. The engine never shows an item outside them.
#[derive(Debug, Default)]
pub(crate) struct Fit {
    pub ages: AgeRange,
    /// A condition node: the item is withheld when it is certainly true.
    pub unless: Option<u32>,
}

#[derive(Debug)]
pub(crate) struct CompiledRoute {
    pub id: String,
    pub name: String,
    pub when: String,
    pub urgency: Urgency,
    pub who_may_submit: String,
    pub consent: String,
    pub contacts: Vec<u16>,
    /// How soon a decision is expected after a referral, so the guidance can say when to chase.
    pub decision_within: Option<Urgency>,
    /// A consent note that replaces `consent` when its condition (a condition node) is
    /// certainly true: "do not seek consent" where a risky adult is in the household.
    pub consent_when: Option<(u32, String)>,
    pub fit: Fit,
    pub allow: Allow,
}

#[derive(Debug)]
pub(crate) struct CompiledStage {
    pub id: String,
    pub name: String,
    pub who: String,
    pub what: String,
    pub timescale: Urgency,
    /// True until a profile sets the local timescale.
    pub timescale_is_default: bool,
    pub contact: Option<u16>,
    pub allow: Allow,
}

#[derive(Debug)]
pub(crate) struct CompiledPrompt {
    pub id: String,
    pub text: String,
    pub fit: Fit,
    pub allow: Allow,
}

#[derive(Debug)]
pub(crate) struct CompiledAction {
    pub id: String,
    pub text: String,
    pub urgency: Urgency,
    /// Due a number of calendar days after the latest event of an indicator ends (a return
    /// home interview within 72 hours of the child's return), rather than from the assessment date.
    pub due_after: Option<DueAfter>,
    pub fit: Fit,
    pub allow: Allow,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct DueAfter {
    pub indicator: u16,
    pub days: u16,
}

#[derive(Debug)]
pub(crate) struct CompiledRule {
    pub id: String,
    pub kind: RuleKind,
    pub root: u32,
    pub then: CompiledConsequences,
    pub reason: String,
    pub sources: Vec<SourceCitation>,
    /// The primer's principles the rule embodies.
    pub principles: Vec<u8>,
    /// Indices of the leaf nodes under `root`, for explanations and open questions.
    pub leaves: Vec<u32>,
    pub allow: Allow,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum RuleKind {
    Rule,
    /// One of the engine's guarantees, worded by the ruleset.
    Safeguard,
}

#[derive(Debug, Default)]
pub(crate) struct CompiledConsequences {
    pub level: Option<u8>,
    pub actions: Vec<u16>,
    pub routes: Vec<u16>,
    pub prompts: Vec<u16>,
    pub escalate_from: Option<u8>,
}

/// A citation, with the title of the document cited.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SourceCitation {
    pub source: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub lines: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub section: Option<String>,
}

/// A condition node. Leaves read the case; branches combine their children's truth.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Node {
    All {
        start: u32,
        end: u32,
    },
    Any {
        start: u32,
        end: u32,
    },
    Not(u32),
    AtLeast {
        n: u16,
        start: u32,
        end: u32,
    },
    Yes(u16),
    NotKnown(u16),
    Age {
        min: i32,
        max: i32,
    },
    Events {
        indicator: u16,
        within: Window,
        at_least: u16,
    },
    Fact(Fact),
    Referral(ReferralOutcome),
    /// The practitioner has recorded a worry (safeguard only).
    WorryRecorded,
    /// The practitioner's own view is below the engine's level (safeguard only).
    JudgementLower,
    /// Finding out something not known could make this a child protection matter (safeguard only).
    HarmSuspected,
}

/// How far back an events test looks, measured to the day each event ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Window {
    Days(u16),
    /// Weekdays: "no decision within one working day".
    WorkingDays(u16),
}

impl Window {
    /// The window in calendar days back from `as_of`.
    pub(crate) fn days(self, as_of: Date) -> i32 {
        match self {
            Window::Days(n) => i32::from(n),
            Window::WorkingDays(n) => as_of.days_since(as_of.sub_working_days(u32::from(n))),
        }
    }
}

impl Node {
    pub(crate) fn children(self) -> Option<std::ops::Range<usize>> {
        match self {
            Node::All { start, end } | Node::Any { start, end } | Node::AtLeast { start, end, .. } => Some(start as usize..end as usize),
            _ => None,
        }
    }
}

impl Engine {
    /// Reads and checks a ruleset (and a local profile, if given) and compiles it. Every
    /// problem found is reported, each with its path.
    pub fn new(ruleset: &Json, profile: Option<&Json>) -> Result<Engine, Error> {
        crate::compile::compile(ruleset, profile)
    }

    /// Evaluates one case. Fails only when the case refers to something the ruleset does not
    /// define, or contradicts itself; the evaluation itself cannot fail.
    pub fn assess(&self, case: &Case) -> Result<Assessment<'_>, Error> {
        self.assess_with(case, Detail::Full)
    }

    /// [`Engine::assess`], saying how much to include.
    pub fn assess_with(&self, case: &Case, detail: Detail) -> Result<Assessment<'_>, Error> {
        crate::eval::assess(self, case, detail)
    }

    /// The page's view of one case: [`Engine::assess`] without the trace, every item named by
    /// id, its wording left to [`Engine::describe`].
    pub fn assess_compact(&self, case: &Case) -> Result<crate::compact::CompactAssessment<'_>, Error> {
        Ok(crate::compact::CompactAssessment::new(self, self.assess_with(case, Detail::Guidance)?))
    }

    /// Everything a form needs: levels, domains, indicators, context wording, routes and
    /// contacts, with the profile applied; and the wording of every action, prompt and rule's
    /// reason, which a [compact assessment](crate::CompactAssessment) names by id.
    pub fn describe(&self) -> crate::describe::Description<'_> {
        crate::describe::describe(self)
    }

    pub(crate) fn level_ref(&self, index: u8) -> LevelRef<'_> {
        let level = &self.levels[usize::from(index)];
        LevelRef { id: &level.id, rank: level.rank, name: &level.name, meaning: &level.meaning, response: &level.response, emergency: level.emergency }
    }

    pub(crate) fn ruleset_info(&self) -> RulesetInfo<'_> {
        let meta = &self.meta;
        RulesetInfo {
            id: &meta.id,
            title: &meta.title,
            version: &meta.version,
            jurisdiction: &meta.jurisdiction,
            owner: &meta.owner,
            review_date: meta.review_date,
            effective_from: meta.effective_from,
            hash: &meta.hash,
        }
    }

    pub(crate) fn profile_info(&self) -> Option<ProfileInfo<'_>> {
        self.profile.as_ref().map(|p| ProfileInfo { id: &p.id, organisation: &p.organisation, hash: &p.hash })
    }

    /// The escalation stages from `from` onwards.
    pub(crate) fn stage_items(&self, from: u8) -> Vec<StageItem<'_>> {
        self.stages[usize::from(from)..]
            .iter()
            .map(|stage| StageItem {
                id: &stage.id,
                name: &stage.name,
                who: &stage.who,
                what: &stage.what,
                timescale: stage.timescale,
                timescale_is_default: stage.timescale_is_default,
                contact: stage.contact.map(|c| &self.contacts[usize::from(c)]),
            })
            .collect()
    }

    pub(crate) fn fact_text(&self, fact: Fact) -> &str {
        self.facts.iter().find(|info| info.fact == fact).map_or("", |info| info.text.as_str())
    }

    pub(crate) fn referral_text(&self, outcome: ReferralOutcome) -> &str {
        &self.referral_wording[outcome as usize]
    }

    pub(crate) fn find_indicator(&self, id: &str) -> Option<u16> {
        self.indicator_index.binary_search_by(|(key, _)| key.as_str().cmp(id)).ok().map(|at| self.indicator_index[at].1)
    }

    pub(crate) fn find_level(&self, id: &str) -> Option<u8> {
        self.levels.iter().position(|l| l.id == id).map(|i| i as u8)
    }
}
