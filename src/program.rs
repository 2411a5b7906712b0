//! The compiled program: a ruleset (and optional profile) checked once and turned into indexed
//! data, so that assessing a case compares integers rather than strings. Nothing here reads
//! JSON or builds an assessment: [`crate::compile`] makes a [`Program`], [`crate::eval`] and
//! [`crate::describe`] read one.

use serde::Serialize;

use crate::date::Date;
use crate::logic::Truth;
use crate::ruleset::{AgeRange, ContactScope, Fact, IndicatorKind, LintCode, ReferralOutcome, Step, Urgency};

/// A ruleset (and profile) compiled: every id resolved to an index, every condition a node in
/// one list, children before parents. Made by [`crate::compile`], read by [`crate::eval`],
/// [`crate::describe`] and [`mod@crate::lint`]; [`crate::Engine`] holds one.
#[derive(Debug)]
pub(crate) struct Program {
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
    /// Wording for each referral outcome, in `ReferralOutcome::ALL` order.
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
    /// Which rules each input can engage, for open questions. Made by [`crate::compile`], with
    /// the rest of what evaluation reads, once the program is accepted.
    pub(crate) engaging: Engaging,
    /// Which nodes each input of a case reaches, for settling only those. Made with
    /// [`Program::engaging`].
    pub(crate) reach: Reach,
    /// Groups of words that mean the same thing to a practitioner, for forms' search.
    pub(crate) synonyms: Vec<Vec<String>>,
}

/// The safeguard an assessment applies apart from the other rules, found by name when
/// compiled. (Every safeguard is a rule of kind [`RuleKind::Safeguard`] after the ruleset's own
/// rules; those read late inputs through [`Input::JudgementLower`] and [`Input::HarmSuspected`].)
#[derive(Debug)]
pub(crate) struct Safeguards {
    /// `harmSuspected`, if the ruleset words it, which needs the open questions: its position in
    /// [`Program::rules`], and the level an open question must be able to raise the guidance to.
    pub harm_suspected: Option<(usize, u8)>,
}

/// The rules each input of a case can engage (`Evaluator::engaged`: part of the rule holds, or
/// the practitioner said they do not know something it asks). A rule is engaged only through
/// a leaf whose indicator or fact is answered, or has events, or through a leaf listed in
/// `always`; so an assessment finds the engaged rules from what the case gives, without reading
/// the tests of the hundreds of rules a case leaves untouched.
#[derive(Debug, Default)]
pub(crate) struct Engaging {
    /// Per indicator, the rules that read it, each with the answer that engages it.
    pub by_indicator: Vec<Vec<(u16, Engages)>>,
    /// Per fact, in `Fact::ALL` order, the rules that read it: engaged when it is answered yes
    /// or "not known".
    pub by_fact: Vec<Vec<u16>>,
    /// Rules with a leaf that can hold whatever is answered (a referral outcome, a worry, a
    /// judgement, a suspicion, or events needing none), each with that leaf: engaged when it holds.
    pub always: Vec<(u16, u32)>,
    /// Every rule's [`Ask`]s, rule after rule: for each, the first leaf reading each thing it
    /// could ask about, in the order the rule reads them ([`crate::eval::asks`]).
    pub asks: Vec<Ask>,
    /// Where each rule's asks end in `asks`. Not a [`Lists`], which holds node numbers only:
    /// making it generic over its items cost about 0.6 KB more of gzipped wasm than these two lists, for the same speed.
    pub asks_end: Vec<u32>,
    /// Per node, a bit for each thing a supposition could make it read beneath it
    /// ([`crate::eval::below`]): the search leaves a node none of whose bits it follows.
    pub below: Vec<u64>,
}

/// Something a rule could ask about: the first leaf reading it, with the ages its indicator is
/// asked at (every age for what is no indicator's), so that the question search reads neither
/// the node nor the indicator for it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ask {
    pub node: u32,
    pub leaf: Leaf,
    pub ages: AgeRange,
}

/// What of an indicator engages a rule that reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Engages {
    /// An answer of yes or "not known" (the rule tests for yes, or for an answer given).
    YesOrNotKnown,
    /// An answer of "not known" (the rule tests for it).
    NotKnown,
    /// An answer of "not known", or this events leaf holding.
    NotKnownOrHolds(u32),
}

impl Engaging {
    /// The asks of the rule at `position`.
    pub(crate) fn asks_of(&self, position: usize) -> &[Ask] {
        let start = position.checked_sub(1).map_or(0, |before| self.asks_end[before] as usize);
        &self.asks[start..self.asks_end[position] as usize]
    }

    pub(crate) fn of(nodes: &[Node], rules: &[CompiledRule], indicators: usize) -> Engaging {
        let mut engaging =
            Engaging { by_indicator: vec![Vec::new(); indicators], by_fact: vec![Vec::new(); crate::ruleset::Fact::COUNT], ..Engaging::default() };
        for (position, rule) in rules.iter().enumerate() {
            let position = position as u16;
            for (node, leaf) in rule.leaves.iter().filter_map(|node| nodes[*node as usize].leaf().map(|leaf| (*node, leaf))) {
                let (indicator, engages) = match leaf {
                    Leaf::Events { at_least: 0, .. } | Leaf::Referral(_) | Leaf::WorryRecorded | Leaf::JudgementLower | Leaf::HarmSuspected => {
                        engaging.always.push((position, node));
                        continue;
                    }
                    Leaf::Yes(i) | Leaf::AnsweredYes(i) | Leaf::AnsweredNo(i) => (i, Engages::YesOrNotKnown),
                    Leaf::NotKnown(i) | Leaf::AnsweredNotKnown(i) => (i, Engages::NotKnown),
                    Leaf::Events { indicator, .. } => (indicator, Engages::NotKnownOrHolds(node)),
                    Leaf::Fact(fact) | Leaf::FactAnsweredYes(fact) => {
                        let list = &mut engaging.by_fact[fact as usize];
                        if list.last() != Some(&position) {
                            list.push(position);
                        }
                        continue;
                    }
                    // The child's age alone engages nothing.
                    Leaf::Age { .. } => continue,
                };
                let list = &mut engaging.by_indicator[usize::from(indicator)];
                // A rule's entries are together, at the end while it is being read.
                if !list.iter().rev().take_while(|(rule, _)| *rule == position).any(|e| e.1 == engages) {
                    list.push((position, engages));
                }
            }
        }
        engaging
    }
}

/// What a leaf reads from a case. Every leaf reads exactly one input, so a case's truths are
/// those of a case where nothing is known ([`Reach::baseline`]) but at the leaves reading an
/// input it gives, and at their ancestors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Input {
    /// An indicator's answer or events.
    Indicator(u16),
    Fact(crate::ruleset::Fact),
    Referral,
    Age,
    Worry,
    JudgementLower,
    HarmSuspected,
}

impl Input {
    /// Its position in [`Reach`]'s lists: the indicators, then the facts, then the rest.
    fn slot(self, indicators: usize) -> usize {
        let after_facts = indicators + crate::ruleset::Fact::COUNT;
        match self {
            Input::Indicator(i) => usize::from(i),
            Input::Fact(fact) => indicators + fact as usize,
            Input::Referral => after_facts,
            Input::Age => after_facts + 1,
            Input::Worry => after_facts + 2,
            Input::JudgementLower => after_facts + 3,
            // The last slot: `Reach::of` sizes the lists by it.
            Input::HarmSuspected => after_facts + 4,
        }
    }
}

impl Leaf {
    /// The input the test reads.
    pub(crate) fn input(self) -> Input {
        match self {
            Leaf::Yes(i) | Leaf::NotKnown(i) | Leaf::AnsweredNotKnown(i) | Leaf::AnsweredYes(i) | Leaf::AnsweredNo(i) | Leaf::Events { indicator: i, .. } => {
                Input::Indicator(i)
            }
            Leaf::Age { .. } => Input::Age,
            Leaf::Fact(fact) | Leaf::FactAnsweredYes(fact) => Input::Fact(fact),
            Leaf::Referral(_) => Input::Referral,
            Leaf::WorryRecorded => Input::Worry,
            Leaf::JudgementLower => Input::JudgementLower,
            Leaf::HarmSuspected => Input::HarmSuspected,
        }
    }
}

/// Lists of node numbers, one per position, kept end to end.
#[derive(Debug, Default)]
pub(crate) struct Lists {
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl Lists {
    /// `count` lists, made from every (position, item) pair.
    pub(crate) fn of(count: usize, pairs: impl Iterator<Item = (usize, u32)> + Clone) -> Lists {
        let mut starts = vec![0u32; count + 1];
        for (at, _) in pairs.clone() {
            starts[at + 1] += 1;
        }
        for at in 0..count {
            starts[at + 1] += starts[at];
        }
        let mut filled = starts.clone();
        let mut items = vec![0; starts[count] as usize];
        for (at, item) in pairs {
            items[filled[at] as usize] = item;
            filled[at] += 1;
        }
        Lists { starts, items }
    }

    pub(crate) fn get(&self, at: usize) -> &[u32] {
        match (self.starts.get(at), self.starts.get(at + 1)) {
            (Some(&start), Some(&end)) => &self.items[start as usize..end as usize],
            _ => &[],
        }
    }
}

/// Which nodes each input of a case reaches: a case settles only those, from the truths of a
/// case where nothing is known.
#[derive(Debug, Default)]
pub(crate) struct Reach {
    /// Every node's truth when nothing is known: no age, answers, events, facts, referral,
    /// worry, judgement or suspicion ([`crate::eval::baseline`]).
    pub baseline: Vec<Truth>,
    /// Each node's parents (all after it in [`Program::nodes`]).
    pub parents: Lists,
    /// The leaves reading each input, by [`Input::slot`].
    readers: Lists,
    indicators: usize,
}

impl Reach {
    pub(crate) fn of(nodes: &[Node], kids: &[u32], indicators: usize) -> Reach {
        let edges = nodes.iter().enumerate().flat_map(|(parent, node)| node.children(kids).iter().map(move |kid| (*kid as usize, parent as u32)));
        let parents = Lists::of(nodes.len(), edges);
        let slots = Input::HarmSuspected.slot(indicators) + 1;
        let reads = nodes.iter().enumerate().filter_map(|(node, n)| Some((n.leaf()?.input().slot(indicators), node as u32)));
        let readers = Lists::of(slots, reads);
        Reach { baseline: Vec::new(), parents, readers, indicators }
    }

    /// The leaves reading `input`.
    pub(crate) fn readers(&self, input: Input) -> &[u32] {
        self.readers.get(input.slot(self.indicators))
    }
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
pub(crate) type Allow = Vec<(LintCode, String)>;

/// A document rules cite.
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    /// The id citations name it by.
    pub id: String,
    /// Its title, shown with every citation of it.
    pub title: String,
    /// Where to find it: a URL or a publication reference.
    pub reference: String,
    #[serde(skip)]
    pub(crate) allow: Allow,
    /// Whether anything in the ruleset cites it.
    #[serde(skip)]
    pub(crate) cited: bool,
}

/// A group of indicators, shown together and in this order.
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Domain {
    /// The id indicators name it by.
    pub id: String,
    /// Its heading.
    pub name: String,
    /// What it covers, if said.
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
    /// Whether a yes or an event of it is, alone, a worry about the child: not for a
    /// circumstance, nor for what an adult did that may not touch this child (a low-level
    /// concern about staff).
    pub worry: bool,
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
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContactDetails {
    /// The id routes and escalation stages name it by.
    pub id: String,
    /// Who it is, in the profile's words if it gives them.
    pub name: String,
    /// National (its number in the ruleset) or local (its number from a profile).
    pub scope: ContactScope,
    /// Its number: a national contact's from the ruleset, a local one's from the profile.
    pub phone: Option<String>,
    /// Its address, from the profile.
    pub email: Option<String>,
    /// When it answers.
    pub hours: Option<String>,
    /// Who to call outside those hours, from the profile.
    pub out_of_hours: Option<String>,
    /// Anything else to know before calling.
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
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[derive(Clone, Debug, Serialize)]
pub struct Meanwhile {
    /// The national contact's name.
    pub name: String,
    /// Its number.
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
    /// Slower actions this one says more urgently ("phone now" for "refer by tomorrow"): given
    /// together, only this one is shown. Never itself stood in for (the compiler refuses chains).
    pub stands_in_for: Vec<u16>,
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

/// Where a rule comes from: the ruleset's own rules, or the engine's guarantees.
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuleKind {
    /// One of the ruleset's rules.
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
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SourceCitation {
    /// The id of the source.
    pub source: String,
    /// The source's title.
    pub title: String,
    /// The lines cited, as `"120-135, 210"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub lines: Option<String>,
    /// The section cited, in the source's own numbering.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub section: Option<String>,
}

/// A condition node: a branch combines its children's truth; a leaf reads the case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Node {
    All { start: u32, end: u32 },
    Any { start: u32, end: u32 },
    Not(u32),
    AtLeast { n: u16, start: u32, end: u32 },
    Leaf(Leaf),
}

/// A test of the case. Every match on one names every kind, so that a new kind of test must be
/// evaluated, explained and asked about (never silently left out of the open questions).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Leaf {
    Yes(u16),
    /// Not answered yes or no (answered "not known", or not answered and no events).
    NotKnown(u16),
    /// Answered "not known": the practitioner says they do not know, which leaving a question
    /// out does not say. Never unknown itself.
    AnsweredNotKnown(u16),
    /// Answered yes; false when answered no or "not known", or left out. Never unknown, yet
    /// asked about while it could still become a yes, as `yes` and `not notKnown` together.
    AnsweredYes(u16),
    /// Answered no; false otherwise. Never unknown, yet asked about while it could still become
    /// a no, as `not yes` and `not notKnown` together.
    AnsweredNo(u16),
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
    /// The context fact is answered yes; false when answered no or "not known", or not given.
    /// Never unknown, yet asked about while it could still become a yes, as `AnsweredYes`.
    FactAnsweredYes(Fact),
    Referral(ReferralOutcome),
    /// The practitioner has recorded a worry (safeguard only).
    WorryRecorded,
    /// The practitioner's own view is below the engine's level (safeguard only).
    JudgementLower,
    /// Finding out something not known could make this a child protection matter (safeguard only).
    HarmSuspected,
}

/// How far back an events test looks, measured to the day each event ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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

impl Leaf {
    /// The indicator the test reads, if it reads one.
    pub(crate) fn indicator(self) -> Option<u16> {
        match self {
            Leaf::Yes(i) | Leaf::NotKnown(i) | Leaf::AnsweredNotKnown(i) | Leaf::AnsweredYes(i) | Leaf::AnsweredNo(i) | Leaf::Events { indicator: i, .. } => {
                Some(i)
            }
            Leaf::Age { .. }
            | Leaf::Fact(_)
            | Leaf::FactAnsweredYes(_)
            | Leaf::Referral(_)
            | Leaf::WorryRecorded
            | Leaf::JudgementLower
            | Leaf::HarmSuspected => None,
        }
    }
}

impl Node {
    /// A branch's children, numbers in `kids` (the list its `start` and `end` index); none for a leaf.
    pub(crate) fn children<'n>(&'n self, kids: &'n [u32]) -> &'n [u32] {
        match self {
            Node::All { start, end } | Node::Any { start, end } | Node::AtLeast { start, end, .. } => &kids[*start as usize..*end as usize],
            Node::Not(kid) => std::slice::from_ref(kid),
            Node::Leaf(_) => &[],
        }
    }

    /// The test, if it is a leaf.
    pub(crate) fn leaf(self) -> Option<Leaf> {
        match self {
            Node::Leaf(leaf) => Some(leaf),
            Node::All { .. } | Node::Any { .. } | Node::Not(_) | Node::AtLeast { .. } => None,
        }
    }
}

impl Program {
    pub(crate) fn fact_text(&self, fact: Fact) -> &str {
        self.facts.iter().find(|info| info.fact == fact).map_or("", |info| info.text.as_str())
    }

    pub(crate) fn referral_text(&self, outcome: ReferralOutcome) -> &str {
        &self.referral_wording[outcome as usize]
    }

    pub(crate) fn find_indicator(&self, id: &str) -> Option<u16> {
        self.indicator_index.binary_search_by(|(key, _)| key.as_str().cmp(id)).ok().map(|at| self.indicator_index[at].1)
    }

    /// The tests a rule reads, each with its node.
    pub(crate) fn leaves<'p>(&'p self, rule: &'p CompiledRule) -> impl Iterator<Item = (u32, Leaf)> + 'p {
        rule.leaves.iter().filter_map(|&node| self.nodes[node as usize].leaf().map(|leaf| (node, leaf)))
    }

    pub(crate) fn find_level(&self, id: &str) -> Option<u8> {
        self.levels.iter().position(|l| l.id == id).map(|i| i as u8)
    }
}
