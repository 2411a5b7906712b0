//! What a form needs to ask about a child under this ruleset and profile.

use serde::Serialize;

use crate::assessment::{LevelName, LevelRef, ProfileInfo, RulesetInfo, StageItem};
use crate::json::Named;
use crate::program::{ContactDetails, Domain, Program, Source, SourceCitation};
use crate::ruleset::{AgeRange, Fact, IndicatorKind, ReferralOutcome, Step, Urgency};

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Description<'a> {
    pub ruleset: RulesetInfo<'a>,
    pub profile: Option<ProfileInfo<'a>>,
    pub notice: &'a str,
    pub sources: &'a [Source],
    /// In rank order, lowest first.
    pub levels: Vec<LevelRef<'a>>,
    pub domains: &'a [Domain],
    pub indicators: Vec<IndicatorInfo<'a>>,
    pub facts: Vec<FactItem<'a>>,
    pub referral_outcomes: Vec<ReferralItem<'a>>,
    pub routes: Vec<RouteInfo<'a>>,
    pub contacts: &'a [ContactDetails],
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
    pub engine_version: &'static str,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct IndicatorInfo<'a> {
    pub id: &'a str,
    pub domain: &'a str,
    pub text: &'a str,
    pub help: Option<&'a str>,
    pub terms: &'a [String],
    pub ages: AgeRange,
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
    pub id: &'a str,
    pub text: &'a str,
}

/// Why a rule matters, as an assessment's reasons give it.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ReasonInfo<'a> {
    pub rule: &'a str,
    pub reason: &'a str,
    /// The level it sets at least, if any.
    pub level: Option<LevelName<'a>>,
    pub sources: &'a [SourceCitation],
    /// The primer's principles (1 to 10) the rule embodies.
    pub principles: &'a [u8],
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FactItem<'a> {
    pub fact: Fact,
    pub text: &'a str,
    pub help: Option<&'a str>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ReferralItem<'a> {
    pub outcome: ReferralOutcome,
    pub text: &'a str,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RouteInfo<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub when: &'a str,
    pub urgency: Urgency,
    pub who_may_submit: &'a str,
    pub consent: &'a str,
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
