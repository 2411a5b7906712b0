//! The page's view of an assessment: every item named by id, with only what varies from case
//! to case (the level, dates, counts, which answers made a rule fire). The wording of every
//! item is in the [`Description`](crate::Description), which the page reads once.
//!
//! One model, two views: an [`Assessment`] is what the engine decides, and is self-contained
//! (the command line, downloads and exports print it whole); [`CompactAssessment`] is the same
//! assessment projected to ids, so that redrawing the guidance after every answer moves a few
//! kilobytes across the boundary rather than every sentence of it.

use serde::Serialize;

use crate::assessment::*;
use crate::case::Answer;
use crate::date::Date;
use crate::logic::Truth;
use crate::program::Program;
use crate::ruleset::{Fact, ReferralOutcome, Urgency};
use crate::trace::{AgeSpan, Finding, Positions, Status};

/// An [`Assessment`] with its items named by id. Look each id up in the description:
/// levels in `levels`, actions in `actions`, rules' reasons and sources in `reasons`, routes
/// in `routes`, escalation stages in `escalation`, prompts in `prompts`, indicators in
/// `indicators`, facts in `facts`, referral outcomes in `referralOutcomes`.
///
/// Only what the page shows: the rules behind each action, prompt and open question are left to
/// the self-contained [`Assessment`], as the page never names them (a referral's and
/// escalation's rules it does, under "Why this route" and "escalate").
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CompactAssessment<'a> {
    /// The level of need (an id in `levels`): the engine's, or the practitioner's when higher.
    pub level: &'a str,
    /// The level the rules alone reach.
    pub engine_level: &'a str,
    /// A child is in danger now: call 999.
    pub immediate_danger: bool,
    /// The practitioner has recorded a worry (or one follows from the answers).
    pub worry_recorded: bool,
    /// The practitioner's own view of the level, and what became of it.
    pub judgement: Option<CompactJudgement<'a>>,
    /// Most urgent first.
    pub actions: Vec<CompactAction<'a>>,
    /// Most urgent first.
    pub referrals: Vec<CompactReferral<'a>>,
    /// Present when escalation applies.
    pub escalation: Option<CompactEscalation<'a>>,
    /// Things to think about.
    pub prompts: Vec<CompactPrompt<'a>>,
    /// What to find out, because the answer would change the guidance.
    pub questions: Vec<CompactQuestion<'a>>,
    /// Every rule that fired, most serious first.
    pub reasons: Vec<CompactReason<'a>>,
    /// What in the case the practitioner should know, which did not stop the assessment.
    pub warnings: Vec<Warning>,
    /// Every rule, in ruleset order, with what decided it; only when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub trace: Option<CompactTrace<'a>>,
    /// The child's age in months, when known.
    pub child_age: Option<AgeSpan>,
    /// The date the case was assessed as at.
    pub as_of: Date,
}

/// The practitioner's own view of the level.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CompactJudgement<'a> {
    /// A level id.
    pub level: &'a str,
    /// The practitioner's reason, as they wrote it.
    pub reason: String,
    /// Whether it raised the level, agreed, or was lower and kept beside it.
    pub effect: JudgementEffect,
}

/// An action to take, by when.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CompactAction<'a> {
    /// An id in the description's `actions`.
    pub id: &'a str,
    /// How fast.
    pub urgency: Urgency,
    /// The latest date, counting weekdays.
    pub due_by: Date,
}

/// Someone to tell, by when.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CompactReferral<'a> {
    /// An id in the description's `routes`.
    pub route: &'a str,
    /// The route's own speed, or faster when the level of need demands it.
    pub urgency: Urgency,
    /// The latest date to refer.
    pub due_by: Date,
    /// When a decision is expected: after it, chase and escalate.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub decision_by: Option<Date>,
    /// The consent wording, only when this case calls for other wording than the route's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub consent: Option<&'a str>,
    /// The rules that call for the route.
    pub why: Vec<&'a str>,
}

/// Escalation, and the rules that call for it.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CompactEscalation<'a> {
    /// Rule ids.
    pub why: Vec<&'a str>,
    /// Ids in the description's `escalation`, from the stage to start at.
    pub stages: Vec<&'a str>,
}

/// Something to think about.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CompactPrompt<'a> {
    /// An id in the description's `prompts`.
    pub id: &'a str,
}

/// Something worth finding out.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CompactQuestion<'a> {
    /// What to find out.
    pub about: Vec<CompactFinding<'a>>,
    /// How many of `about` to find out first ([`crate::Question::lead`]).
    pub lead: usize,
    /// The answer that would change the guidance; absent when several subjects decide together.
    pub if_answer: Option<Hypothesis>,
    /// The level (an id) it would rise to, if higher than now.
    pub level: Option<&'a str>,
    /// Route ids that would newly apply.
    pub routes: Vec<&'a str>,
    /// Escalation would newly apply.
    pub escalation: bool,
}

/// A rule that fired, and what in the case made it fire.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CompactReason<'a> {
    /// An id in the description's `reasons`.
    pub rule: &'a str,
    /// The answers and observations that made it fire.
    pub evidence: Vec<CompactFinding<'a>>,
}

/// Every rule with what decided it: what each test found, once, and each rule naming its
/// findings by position. The rules are those of the description's `reasons`, in the same order
/// (the ruleset's, the engine's safeguards last), so their ids are not sent again; and they are
/// lists rather than an object each, which costs the page less to receive.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CompactTrace<'a> {
    /// What each test found, once (as in [`crate::Trace`]).
    pub findings: Vec<CompactFinding<'a>>,
    /// Whether each rule fired.
    pub status: Vec<Status>,
    /// What decided each rule: for rule `i`, the positions in `findings` listed in
    /// `because.positions` from index `because.ends[i - 1]` (0 for the first rule) up to, not
    /// including, `because.ends[i]`.
    pub because: Positions,
}

/// A [`Finding`] without its wording (the indicator's, fact's or outcome's text is in the
/// description); the commonest tests of an indicator for yes are its id alone or in a list
/// ([`CompactFinding::Unanswered`], [`CompactFinding::Unset`], [`CompactFinding::Given`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "test", rename_all = "kebab-case")]
pub enum CompactFinding<'a> {
    /// Was the indicator answered yes?
    Yes {
        /// An indicator id.
        indicator: &'a str,
        /// Absent when not answered.
        answer: Option<Answer>,
        /// The test's result.
        holds: Truth,
    },
    /// Is the indicator not known?
    NotKnown {
        /// An indicator id.
        indicator: &'a str,
        /// Absent when not answered.
        answer: Option<Answer>,
        /// The test's result.
        holds: Truth,
    },
    /// Is the child's age within bounds?
    #[serde(rename_all = "camelCase")]
    Age {
        /// The lowest age in months, if bounded below.
        min_months: Option<i32>,
        /// The highest age in months, if bounded above.
        max_months: Option<i32>,
        /// Absent when the age is not known.
        age_months: Option<AgeSpan>,
        /// The test's result.
        holds: Truth,
    },
    /// Were there enough dated events in the window?
    #[serde(rename_all = "camelCase")]
    Events {
        /// An indicator id.
        indicator: &'a str,
        /// The window, in days back from the assessment date.
        within_days: u16,
        /// How many it takes.
        at_least: u16,
        /// How many were in the window.
        count: u16,
        /// Their dates.
        dates: Vec<Date>,
        /// How many of `count` have dates known only roughly.
        approximate: u16,
        /// The test's result.
        holds: Truth,
    },
    /// A fact about the child's circumstances.
    Fact {
        /// Which fact.
        fact: Fact,
        /// Absent when not answered.
        answer: Option<Answer>,
        /// The test's result.
        holds: Truth,
    },
    /// Did the referral have this outcome?
    Referral {
        /// The outcome tested for.
        outcome: ReferralOutcome,
        /// Absent when not known.
        actual: Option<ReferralOutcome>,
        /// The test's result.
        holds: Truth,
    },
    /// The practitioner's own view of the level.
    Judgement {
        /// A level id.
        level: &'a str,
        /// Their reason.
        reason: String,
        /// The test's result.
        holds: Truth,
    },
    /// An indicator nobody has answered, tested for yes: its id alone, a bare string. Most of a
    /// trace, and many open questions, are this test, and a string costs the page much less to
    /// receive than an object (BENCHMARKS.md, "The boundary"). As `Yes` with `answer: null` and
    /// `holds: "unknown"`.
    #[serde(untagged)]
    Unanswered(&'a str),
    /// An indicator nobody has answered, tested for an answer given as yes, which fails: its id
    /// alone in a list. As common in open questions and reasons as the bare id, and for the same
    /// reason not an object. As `Yes` with `answer: null` and `holds: "false"`.
    #[serde(untagged)]
    Unset([&'a str; 1]),
    /// An indicator answered, tested for yes, which holds: its id and the answer in a list. A
    /// third of a case's reasons' evidence (nearly always answered yes), and for the same reason
    /// not an object. As `Yes` with this answer and `holds: "true"`.
    #[serde(untagged)]
    Given((&'a str, Answer)),
}

impl<'a> From<Finding<'a>> for CompactFinding<'a> {
    fn from(finding: Finding<'a>) -> CompactFinding<'a> {
        match finding {
            // The one outcome of a test for yes that nothing answered.
            Finding::Yes { indicator, answer: None, holds: Truth::Unknown, text: _ } => CompactFinding::Unanswered(indicator),
            Finding::Yes { indicator, answer: None, holds: Truth::False, text: _ } => CompactFinding::Unset([indicator]),
            Finding::Yes { indicator, answer: Some(answer), holds: Truth::True, text: _ } => CompactFinding::Given((indicator, answer)),
            Finding::Yes { indicator, answer, holds, text: _ } => CompactFinding::Yes { indicator, answer, holds },
            Finding::NotKnown { indicator, answer, holds, text: _ } => CompactFinding::NotKnown { indicator, answer, holds },
            Finding::Age { min_months, max_months, age_months, holds } => CompactFinding::Age { min_months, max_months, age_months, holds },
            Finding::Events { indicator, within_days, at_least, count, dates, approximate, holds, text: _ } => {
                CompactFinding::Events { indicator, within_days, at_least, count, dates, approximate, holds }
            }
            Finding::Fact { fact, answer, holds, text: _ } => CompactFinding::Fact { fact, answer, holds },
            Finding::Referral { outcome, actual, holds, text: _ } => CompactFinding::Referral { outcome, actual, holds },
            Finding::Judgement { level, reason, holds } => CompactFinding::Judgement { level, reason, holds },
        }
    }
}

fn findings(findings: Vec<Finding<'_>>) -> Vec<CompactFinding<'_>> {
    findings.into_iter().map(CompactFinding::from).collect()
}

fn rules<'a>(why: Vec<RuleReason<'a>>) -> Vec<&'a str> {
    why.into_iter().map(|why| why.rule).collect()
}

impl<'a> CompactAssessment<'a> {
    /// The compact view of `assessment`, made from `engine`'s program, with its trace if it has one.
    pub(crate) fn new(engine: &'a Program, assessment: Assessment<'a>) -> CompactAssessment<'a> {
        let own_consent = |route: &str| engine.routes.iter().find(|r| r.id == route).map(|r| r.consent.as_str());
        CompactAssessment {
            level: assessment.level.id,
            engine_level: assessment.engine_level.id,
            immediate_danger: assessment.immediate_danger,
            worry_recorded: assessment.worry_recorded,
            judgement: assessment.judgement.map(|j| CompactJudgement { level: j.level.id, reason: j.reason, effect: j.effect }),
            actions: assessment.actions.into_iter().map(|a| CompactAction { id: a.id, urgency: a.urgency, due_by: a.due_by }).collect(),
            referrals: assessment
                .referrals
                .into_iter()
                .map(|r| CompactReferral {
                    route: r.route,
                    urgency: r.urgency,
                    due_by: r.due_by,
                    decision_by: r.decision_by,
                    // The route's own wording is the same string, found by its address first: the
                    // text is long, and the browser build compares text a byte at a time.
                    consent: own_consent(r.route).is_none_or(|own| !std::ptr::eq(own, r.consent) && own != r.consent).then_some(r.consent),
                    why: rules(r.why),
                })
                .collect(),
            escalation: assessment.escalation.map(|e| CompactEscalation { why: rules(e.why), stages: e.stages.iter().map(|s| s.id).collect() }),
            prompts: assessment.prompts.into_iter().map(|p| CompactPrompt { id: p.id }).collect(),
            questions: assessment
                .questions
                .into_iter()
                .map(|q| CompactQuestion {
                    about: findings(q.about),
                    lead: q.lead,
                    if_answer: q.if_answer,
                    level: q.level.map(|l| l.id),
                    routes: q.routes.iter().map(|r| r.id).collect(),
                    escalation: q.escalation,
                })
                .collect(),
            reasons: assessment.reasons.into_iter().map(|r| CompactReason { rule: r.rule, evidence: findings(r.evidence) }).collect(),
            warnings: assessment.warnings,
            trace: assessment.trace.map(|trace| CompactTrace {
                findings: findings(trace.findings),
                status: trace.rules.iter().map(|t| t.status).collect(),
                because: trace.because,
            }),
            child_age: assessment.child_age,
            as_of: assessment.as_of,
        }
    }
}
