//! The explanation trace: for every rule, whether it fired and what in the case decided it.

use serde::Serialize;

use crate::case::Answer;
use crate::date::Date;
use crate::logic::Truth;
use crate::program::RuleKind;
use crate::ruleset::{Fact, ReferralOutcome};

/// Every rule, in ruleset order, with what decided it. What a test found is kept once in
/// `findings`, however many rules it decides, and each rule names its findings by position. (The
/// default ruleset's trace names about 800 findings, of which about 300 are kept.) A recorded
/// worry's findings are kept together, once, so one of them can repeat what a test found.
/// Serialized, it is the self-contained list of [`RuleTrace`], each with its findings written out.
#[derive(Clone, Debug)]
pub struct Trace<'a> {
    /// What each test found, once, in the order the rules first need them.
    pub findings: Vec<Finding<'a>>,
    /// Every rule, in ruleset order.
    pub rules: Vec<TracedRule<'a>>,
    /// For each rule, the positions in `findings` of what decided its status (see
    /// [`RuleTrace::because`]).
    pub because: Positions,
}

/// What happened to one rule.
#[derive(Clone, Debug)]
pub struct TracedRule<'a> {
    /// The rule's id.
    pub rule: &'a str,
    /// One of the ruleset's rules, or one of the engine's safeguards.
    pub kind: RuleKind,
    /// Whether it fired.
    pub status: Status,
}

/// Lists of positions, one after another in a single list, and where each list ends (a trace
/// has one list per rule: a list each would be an allocation each, and an array each for the
/// page to build). List `i` is `positions[ends[i - 1]..ends[i]]`, the first starting at 0.
#[derive(Clone, Debug, Default, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Positions {
    /// Every list's positions, the lists one after another.
    positions: Vec<u32>,
    /// Where each list ends in `positions`.
    ends: Vec<u32>,
}

impl Positions {
    /// Adds a list: the positions pushed onto the one `fill` is given.
    pub(crate) fn push_list(&mut self, fill: impl FnOnce(&mut Vec<u32>)) {
        fill(&mut self.positions);
        self.ends.push(self.positions.len() as u32);
    }

    /// Each list, in order.
    pub fn lists(&self) -> impl Iterator<Item = &[u32]> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(&self.ends).map(|(start, end)| &self.positions[start as usize..*end as usize])
    }
}

impl<'a> Trace<'a> {
    /// Every rule with its findings written out: the trace as the command line prints it.
    pub fn rule_traces(&self) -> Vec<RuleTrace<'a>> {
        let findings = |positions: &[u32]| positions.iter().map(|&i| self.findings[i as usize].clone()).collect();
        let rules = self.rules.iter().zip(self.because.lists());
        rules.map(|(r, because)| RuleTrace { rule: r.rule, kind: r.kind, status: r.status, because: findings(because) }).collect()
    }
}

impl Serialize for Trace<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.rule_traces().serialize(serializer)
    }
}

/// What happened to one rule, with its findings written out.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RuleTrace<'a> {
    /// The rule's id.
    pub rule: &'a str,
    /// One of the ruleset's rules, or one of the engine's safeguards.
    pub kind: RuleKind,
    /// Whether it fired.
    pub status: Status,
    /// The parts of the condition that decided the status: for a rule that fired, what made
    /// it true; one that did not, what made it false; one undetermined, what is not known.
    pub because: Vec<Finding<'a>>,
}

/// Whether a rule fired.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Its condition is certainly true.
    Fired,
    /// Its condition is certainly false.
    NotFired,
    /// It depends on something not known.
    Undetermined,
}

impl From<Truth> for Status {
    fn from(truth: Truth) -> Status {
        match truth {
            Truth::True => Status::Fired,
            Truth::False => Status::NotFired,
            Truth::Unknown => Status::Undetermined,
        }
    }
}

/// One test in a condition, what the case held, and the result.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "test", rename_all = "kebab-case")]
pub enum Finding<'a> {
    /// Was the indicator answered yes? `answer` is absent when it was not answered.
    #[serde(rename_all = "camelCase")]
    Yes {
        /// The indicator's id.
        indicator: &'a str,
        /// The question, as worded in the ruleset.
        text: &'a str,
        /// The answer given.
        answer: Option<Answer>,
        /// Whether the test held. A test for yes: true when the answer is yes, false when no,
        /// unknown when not known or not answered. A test for one answer exactly
        /// (`answeredYes`, `answeredNo`): true when that is the answer, false otherwise.
        holds: Truth,
    },
    /// Is the indicator not known?
    #[serde(rename_all = "camelCase")]
    NotKnown {
        /// The indicator's id.
        indicator: &'a str,
        /// The question, as worded in the ruleset.
        text: &'a str,
        /// The answer given.
        answer: Option<Answer>,
        /// True when the answer is not known, or when nothing is answered or recorded for it.
        holds: Truth,
    },
    /// Is the child's age within bounds? `ageMonths` is absent when the age is not known;
    /// an age given in whole years spans twelve months.
    #[serde(rename_all = "camelCase")]
    Age {
        /// The youngest age the test allows, in months; absent when open.
        min_months: Option<i32>,
        /// The oldest age the test allows, in months; absent when open.
        max_months: Option<i32>,
        /// The child's age in months.
        age_months: Option<AgeSpan>,
        /// Unknown when the age is not known, or known too roughly to say.
        holds: Truth,
    },
    /// Were there enough dated events in the window?
    #[serde(rename_all = "camelCase")]
    /// `approximate` of the `count` have dates known only roughly, and are counted as in the
    /// window because they could be.
    Events {
        /// The event indicator's id.
        indicator: &'a str,
        /// The indicator, as worded in the ruleset.
        text: &'a str,
        /// How many calendar days back from the assessment date the window reaches, measured to
        /// the day each event ended (a window in working days is given in calendar days); 65535
        /// when every event counts, as in what was answered and behind a recorded worry.
        within_days: u16,
        /// How many events the test needs.
        at_least: u16,
        /// How many events ended in the window.
        count: u16,
        /// The first day each counted event could have happened, most recently ended first.
        dates: Vec<Date>,
        /// How many of `count` have dates known only roughly.
        approximate: u16,
        /// True when there are enough; unknown when there are too few but the indicator is
        /// answered not known; otherwise false.
        holds: Truth,
    },
    /// Is the context fact so?
    #[serde(rename_all = "camelCase")]
    Fact {
        /// The context fact.
        fact: Fact,
        /// The fact, as worded in the ruleset.
        text: &'a str,
        /// The answer given.
        answer: Option<Answer>,
        /// True when the answer is yes, false when no, unknown when not known or not answered.
        holds: Truth,
    },
    /// Did the referral have this outcome? `actual` is absent when not known.
    #[serde(rename_all = "camelCase")]
    Referral {
        /// The outcome the test asks about.
        outcome: ReferralOutcome,
        /// That outcome, as worded in the ruleset.
        text: &'a str,
        /// The referral's outcome, as the case gives it.
        actual: Option<ReferralOutcome>,
        /// Whether the outcome is this one; unknown when it is not known.
        holds: Truth,
    },
    /// The practitioner's own view of the level.
    #[serde(rename_all = "camelCase")]
    Judgement {
        /// The id of the level the practitioner gave (the lowest level, with an empty reason,
        /// when they gave none).
        level: &'a str,
        /// Their reason, as they gave it.
        reason: String,
        /// For the `judgementLower` safeguard, whether their level is below the level the rules
        /// reach; behind a recorded worry, true: their level is above the lowest.
        holds: Truth,
    },
}

/// The child's age in months, as the interval the case allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct AgeSpan {
    /// The youngest the child can be, in months; below zero before birth.
    pub from: i32,
    /// The oldest the child can be, in months: the same as `from` but for an age given in
    /// whole years.
    pub to: i32,
}
