//! What a form needs to ask about a child under this ruleset and profile.

use serde::Serialize;

use crate::assessment::{LevelName, LevelRef, ProfileInfo, RulesetInfo, StageItem};
use crate::json::Named;
use crate::program::{ContactDetails, Domain, Program, Source, SourceCitation};
use crate::ruleset::{AgeRange, Fact, IndicatorKind, ReferralOutcome, Step, Urgency};

/// What a form needs to ask about a child under a ruleset and profile, and the wording it
/// shows: everything but a case's own guidance.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Description<'a> {
    /// The ruleset described.
    pub ruleset: RulesetInfo<'a>,
    /// The profile laid over it (local names and numbers), if any.
    pub profile: Option<ProfileInfo<'a>>,
    /// What the guidance is and is not, in the ruleset's words; to show with every assessment.
    pub notice: &'a str,
    /// The documents the rules cite.
    pub sources: &'a [Source],
    /// In rank order, lowest first.
    pub levels: Vec<LevelRef<'a>>,
    /// The groups indicators are shown in, in this order.
    pub domains: &'a [Domain],
    /// Every indicator, in ruleset order.
    pub indicators: Vec<IndicatorInfo<'a>>,
    /// The context facts the ruleset words: the only ones a form asks about.
    pub facts: Vec<FactItem<'a>>,
    /// Every referral outcome with its wording, in a fixed order (`none`, `awaiting`,
    /// `accepted`, `early-help`, `closed-no-further-action`, `not-accepted`).
    pub referral_outcomes: Vec<ReferralItem<'a>>,
    /// Every route: who to tell, and when.
    pub routes: Vec<RouteInfo<'a>>,
    /// Every contact, with the profile's details.
    pub contacts: &'a [ContactDetails],
    /// Every escalation stage, in order.
    pub escalation: Vec<StageItem<'a>>,
    /// Every action a rule can ask for, with its wording.
    pub actions: Vec<WordedItem<'a>>,
    /// Every prompt a rule can raise, with its wording.
    pub prompts: Vec<WordedItem<'a>>,
    /// Every rule's reason, level and sources, in ruleset order (the engine's safeguards last).
    pub reasons: Vec<ReasonInfo<'a>>,
    /// Groups of words and phrases that mean the same thing to a practitioner, for search.
    pub synonyms: &'a [Vec<String>],
    /// How many rules the ruleset has (not counting the engine's safeguards).
    pub rules: usize,
    /// The engine's version.
    pub engine_version: &'static str,
}

/// An indicator: something a practitioner may know or be worried about, as a form asks it.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct IndicatorInfo<'a> {
    /// The indicator's id: a case's answers and events name it.
    pub id: &'a str,
    /// The id of the domain it is shown in.
    pub domain: &'a str,
    /// The question as shown, worded so that yes is the worry.
    pub text: &'a str,
    /// Hint text shown under the question.
    pub help: Option<&'a str>,
    /// Other words a practitioner might search for it by.
    pub terms: &'a [String],
    /// The ages it is asked about; an answer outside them still counts, with a warning.
    pub ages: AgeRange,
    /// Whether it is answered yes, no or not known (a worry or a circumstance) or recorded as
    /// dated events.
    pub kind: IndicatorKind,
    /// Where a form asks it.
    pub step: Step,
    /// For an event that can last more than a day, the label of its last day.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub end_label: Option<&'a str>,
}

/// An action or prompt: its id and wording.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct WordedItem<'a> {
    /// Its id in the ruleset.
    pub id: &'a str,
    /// Its wording.
    pub text: &'a str,
}

/// Why a rule matters, as an assessment's reasons give it.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ReasonInfo<'a> {
    /// The rule's id.
    pub rule: &'a str,
    /// Why, in plain English.
    pub reason: &'a str,
    /// The level it sets at least, if any.
    pub level: Option<LevelName<'a>>,
    /// The documents it cites.
    pub sources: &'a [SourceCitation],
    /// The primer's principles (1 to 10) the rule embodies.
    pub principles: &'a [u8],
}

/// A context fact the ruleset asks about, with its wording.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FactItem<'a> {
    /// The context fact.
    pub fact: Fact,
    /// The fact as a form shows it, asking whether it is so.
    pub text: &'a str,
    /// Hint text shown under the question.
    pub help: Option<&'a str>,
}

/// A referral outcome, with its wording.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ReferralItem<'a> {
    /// The outcome.
    pub outcome: ReferralOutcome,
    /// Its wording.
    pub text: &'a str,
}

/// A route: who to tell, and when.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RouteInfo<'a> {
    /// The route's id in the ruleset.
    pub id: &'a str,
    /// Who to tell.
    pub name: &'a str,
    /// When this route is the right one.
    pub when: &'a str,
    /// Its own speed: an assessment makes it faster when the level of need demands it.
    pub urgency: Urgency,
    /// Who may make the referral.
    pub who_may_submit: &'a str,
    /// The consent and information-sharing note (an assessment may show the route's override
    /// instead).
    pub consent: &'a str,
    /// The route's contacts, with the profile's details.
    pub contacts: Vec<&'a ContactDetails>,
}

pub(crate) fn describe(engine: &Program) -> Description<'_> {
    Description {
        ruleset: engine.ruleset_info(),
        profile: engine.profile_info(),
        notice: &engine.meta.notice,
        sources: &engine.sources,
        levels: (0..engine.levels.len()).map(|i| engine.level_ref(i as u8)).collect(),
        domains: &engine.domains,
        indicators: engine
            .indicators
            .iter()
            .map(|i| IndicatorInfo {
                id: &i.id,
                domain: &engine.domains[usize::from(i.domain)].id,
                text: &i.text,
                help: i.help.as_deref(),
                terms: &i.terms,
                ages: i.ages,
                kind: i.kind,
                step: i.step,
                end_label: i.end_label.as_deref(),
            })
            .collect(),
        facts: engine.facts.iter().map(|f| FactItem { fact: f.fact, text: &f.text, help: f.help.as_deref() }).collect(),
        referral_outcomes: ReferralOutcome::ALL.iter().map(|o| ReferralItem { outcome: *o, text: engine.referral_text(*o) }).collect(),
        routes: engine
            .routes
            .iter()
            .map(|r| RouteInfo {
                id: &r.id,
                name: &r.name,
                when: &r.when,
                urgency: r.urgency,
                who_may_submit: &r.who_may_submit,
                consent: &r.consent,
                contacts: r.contacts.iter().map(|c| &engine.contacts[usize::from(*c)]).collect(),
            })
            .collect(),
        contacts: &engine.contacts,
        escalation: engine.stage_items(0),
        actions: engine.actions.iter().map(|a| WordedItem { id: &a.id, text: &a.text }).collect(),
        prompts: engine.prompts.iter().map(|p| WordedItem { id: &p.id, text: &p.text }).collect(),
        reasons: engine
            .rules
            .iter()
            .map(|rule| ReasonInfo {
                rule: &rule.id,
                reason: &rule.reason,
                level: rule.then.level.map(|l| engine.level_ref(l).into()),
                sources: &rule.sources,
                principles: &rule.principles,
            })
            .collect(),
        synonyms: &engine.synonyms,
        rules: engine.rules.iter().filter(|r| r.kind == crate::program::RuleKind::Rule).count(),
        engine_version: crate::ENGINE_VERSION,
    }
}
