//! Evaluating a case: a pure function of the compiled engine and the case.
//!
//! Answers not given are unknown, never "no". A rule fires only when its condition is certainly
//! true; one that depends on unknowns is undetermined, and becomes an open question when
//! finding out would change the guidance.

use crate::assessment::*;
use crate::case::{Answer, Case};
use crate::date::Date;
use crate::error::{Code, Document, Error, Problem};
use crate::json::Named;
use crate::logic::Truth;
use crate::program::{Ask, CompiledRule, Engages, Fit, Input, Leaf, Node, Program, Window};
use crate::ruleset::{AgeRange, Fact, IndicatorKind, ReferralOutcome, Urgency};
use crate::trace::{AgeSpan, Finding, Positions, Status, Trace, TracedRule};

/// The case, bound to the engine's indices.
struct Inputs {
    as_of: Date,
    answers: Vec<Option<Answer>>,
    /// Per indicator, most recent first: (days from the event's end to the assessment date,
    /// the day it began, the day it ended), for events begun on or before it.
    events: Vec<Vec<(i32, Date, Date, bool)>>,
    age: Option<AgeSpan>,
    facts: [Option<Answer>; Fact::COUNT],
    referral: Option<ReferralOutcome>,
    /// The practitioner's level (index in rank order) and reason.
    judgement: Option<(u8, String)>,
    worried: bool,
    /// Known only once the rules have set the engine's level.
    judgement_lower: bool,
    /// Known only once the open questions are known.
    harm_suspected: bool,
    /// The indicators the case answers or records events of: a case gives a few dozen of the
    /// hundreds, and the passes over them need only those. Each is here once for a case read
    /// from JSON (its reader refuses a repeated key); a Rust caller repeating an answer lists it
    /// twice, which only marks the same bits again.
    given: Vec<u16>,
}

/// Marks `at` in a bitset (of nodes, or of rules), one bit each.
fn mark(set: &mut [u64], at: u32) {
    set[at as usize / 64] |= 1 << (at % 64);
}

/// The members of a bitset, lowest first.
fn members(set: &[u64]) -> impl Iterator<Item = usize> + '_ {
    set.iter().enumerate().flat_map(|(word, bits)| {
        std::iter::successors(Some(*bits).filter(|b| *b != 0), |b| Some(b & (b - 1)).filter(|b| *b != 0)).map(move |b| word * 64 + b.trailing_zeros() as usize)
    })
}

/// Something a question could find out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Var {
    Indicator(u16),
    Fact(Fact),
    /// "The referral outcome is this one".
    Referral(ReferralOutcome),
    /// An age or event-count test, by node.
    Leaf(u32),
}

/// A supposed answer, for working out what finding out would change.
#[derive(Clone, Copy)]
struct Supposition {
    var: Var,
    value: bool,
}

/// The variable a leaf (the node `node`) reads, were it asked about; none for what is never
/// asked (known once the rules are settled, or from the answers as given).
fn var(node: u32, leaf: Leaf) -> Option<Var> {
    match leaf {
        Leaf::Yes(i) | Leaf::NotKnown(i) | Leaf::AnsweredYes(i) | Leaf::AnsweredNo(i) => Some(Var::Indicator(i)),
        Leaf::Fact(fact) | Leaf::FactAnsweredYes(fact) => Some(Var::Fact(fact)),
        Leaf::Referral(outcome) => Some(Var::Referral(outcome)),
        Leaf::Age { .. } | Leaf::Events { .. } => Some(Var::Leaf(node)),
        Leaf::WorryRecorded | Leaf::JudgementLower | Leaf::HarmSuspected | Leaf::AnsweredNotKnown(_) => None,
    }
}

/// For each rule of `program`, the first leaf reading each var it could ask about, in the order
/// the rule reads them ([`crate::program::Engaging::asks`]): whether a var is known, and fits
/// the child's age, is the same for every leaf reading it, so the first speaks for it.
pub(crate) fn asks(program: &Program) -> (Vec<Ask>, Vec<u32>) {
    let mut slots = Slots::default();
    slots.size_for(program);
    let (mut asks, mut ends) = (Vec::new(), Vec::new());
    for rule in &program.rules {
        slots.clear();
        for (node, leaf) in program.leaves(rule) {
            if let Some(var) = var(node, leaf).filter(|var| slots.get(*var).is_none()) {
                slots.claim(var, 0);
                let ages = leaf.indicator().map_or_else(AgeRange::default, |i| program.indicators[usize::from(i)].ages);
                asks.push(Ask { node, leaf, ages });
            }
        }
        ends.push(asks.len() as u32);
    }
    (asks, ends)
}

/// The bit of `var` in [`crate::program::Engaging::below`]: vars share 64 bits, so a clear
/// bit rules a var out and a set one only lets it in. Every referral outcome has the same bit,
/// as a test of the referral reads them all.
fn bit(var: Var) -> u64 {
    1 << match var {
        Var::Indicator(i) => u32::from(i) % 64,
        Var::Fact(fact) => (fact as u32 + 32) % 64,
        Var::Referral(_) => 63,
        Var::Leaf(node) => node % 64,
    }
}

/// For each node of `program`, the bits of the vars whose suppositions [`Evaluator::flips`]
/// finds beneath it: those its leaves read, and for a test of "not known" answered (never
/// asked about itself) the indicator's, as any answer supposed makes it false.
pub(crate) fn below(program: &Program) -> Vec<u64> {
    let mut below: Vec<u64> = Vec::with_capacity(program.nodes.len());
    for (at, node) in program.nodes.iter().enumerate() {
        let bits = match node.leaf() {
            Some(Leaf::AnsweredNotKnown(i)) => bit(Var::Indicator(i)),
            Some(leaf) => var(at as u32, leaf).map_or(0, bit),
            // Children come before their parents.
            None => node.children(&program.kids).iter().fold(0, |bits, kid| bits | below[*kid as usize]),
        };
        below.push(bits);
    }
    below
}

struct Evaluator<'a> {
    program: &'a Program,
    inputs: Inputs,
    /// The truth of every condition node for this case, computed once.
    truths: Vec<Truth>,
    /// Nodes to settle again, one bit each: those whose inputs or children have changed.
    unsettled: Vec<u64>,
    /// What is not known that could make this a child protection matter.
    suspected: Vec<Finding<'a>>,
}

pub(crate) fn assess<'a>(program: &'a Program, case: &Case, detail: Detail) -> Result<Assessment<'a>, Error> {
    let mut warnings = Vec::new();
    let inputs = bind(program, case, &mut warnings)?;
    let mut ev = Evaluator::new(program, inputs);
    let rules = &program.rules;
    ev.settle_case();
    let mut decision = ev.decide();
    if let Some((harm_rule, at_level)) = program.safeguards.harm_suspected {
        // A suspicion needs the practitioner's own worry or "not known" behind it: a
        // circumstance alone (a learning disability, a placement) asks questions, not alarm.
        // Each asking rule is found by its id's address (the id is the rule's own string), as
        // the browser build compares text a byte at a time. The text comparison after it never
        // finds more today; it stays so that a question carrying a copied id cannot silently
        // drop a suspicion.
        let by_id = |id: &str| rules.iter().find(|rule| std::ptr::eq(rule.id.as_str(), id)).or_else(|| rules.iter().find(|rule| rule.id == id));
        let suspects = |id: &str| by_id(id).is_some_and(|rule| ev.suspicion_behind(rule));
        let reaches = |q: &Question| q.level.is_some_and(|l| program.find_level(l.id).is_some_and(|i| i >= at_level)) && q.rules.iter().any(|id| suspects(id));
        ev.suspected = decision.questions.iter().filter(|q| reaches(q)).flat_map(|q| q.about.iter().cloned()).collect();
        if !ev.suspected.is_empty() {
            ev.inputs.harm_suspected = true;
            ev.unsettle(Input::HarmSuspected);
            if ev.inputs.worried {
                ev.settle();
            } else {
                // A suspicion of significant harm is a worry, even when nothing is yet a yes.
                ev.inputs.worried = true;
                ev.unsettle(Input::Worry);
                ev.settle();
                decision = ev.decide();
            }
            decision.outcome.apply(&rules[harm_rule]);
        }
    }
    let Decision { engine_level, level, outcome, questions } = decision;
    let truths: Vec<Truth> = rules.iter().map(|rule| ev.truths[rule.root as usize]).collect();

    let as_of = case.as_of;
    let given: Vec<(u16, Vec<&str>)> = outcome.actions.into_iter().filter(|(index, _)| ev.fits(&program.actions[*index as usize].fit)).collect();
    let mut actions: Vec<ActionItem> = without_stood_in_for(program, given)
        .into_iter()
        .map(|(index, rules)| {
            let action = &program.actions[index as usize];
            let due_by = action.due_after.and_then(|after| ev.due_after_event(after.indicator, after.days)).unwrap_or_else(|| action.urgency.due_by(as_of));
            ActionItem { id: &action.id, text: &action.text, urgency: action.urgency, due_by, rules }
        })
        .collect();
    crate::sort::by(&mut actions, |a, b| a.urgency.cmp(&b.urgency));

    let mut referrals: Vec<Referral> = outcome
        .routes
        .into_iter()
        .filter(|(index, _, _)| ev.fits(&program.routes[*index as usize].fit))
        .map(|(index, why, fastest)| {
            let route = &program.routes[index as usize];
            let urgency = fastest.map_or(route.urgency, |level_urgency| level_urgency.min(route.urgency));
            Referral {
                route: &route.id,
                name: &route.name,
                when: &route.when,
                urgency,
                due_by: urgency.due_by(as_of),
                decision_by: route.decision_within.map(|within| within.due_by(urgency.due_by(as_of))),
                who_may_submit: &route.who_may_submit,
                consent: match &route.consent_when {
                    Some((node, text)) if ev.truths[*node as usize] == Truth::True => text,
                    _ => &route.consent,
                },
                contacts: route.contacts.iter().map(|c| &program.contacts[*c as usize]).collect(),
                why,
            }
        })
        .collect();
    crate::sort::by(&mut referrals, |a, b| a.urgency.cmp(&b.urgency));

    let escalation = outcome.escalate_from.map(|(from, why)| Escalation { why, stages: program.stage_items(from) });

    let prompts = outcome
        .prompts
        .into_iter()
        .filter(|(index, _)| ev.fits(&program.prompts[*index as usize].fit))
        .map(|(index, rules)| {
            let prompt = &program.prompts[index as usize];
            PromptItem { id: &prompt.id, text: &prompt.text, rules }
        })
        .collect();

    let mut reasons: Vec<Reason> = rules
        .iter()
        .zip(&truths)
        .filter(|(_, truth)| **truth == Truth::True)
        .map(|(rule, _)| {
            let mut evidence = Vec::new();
            ev.explain(rule.root, Truth::True, &mut |_, leaf| ev.findings(leaf, &mut evidence));
            Reason {
                rule: &rule.id,
                reason: &rule.reason,
                level: rule.then.level.map(|l| program.level_ref(l).into()),
                sources: &rule.sources,
                principles: &rule.principles,
                evidence,
            }
        })
        .collect();
    crate::sort::by(&mut reasons, |a, b| b.level.map(|l| l.rank).cmp(&a.level.map(|l| l.rank)));

    let trace = (detail == Detail::Full).then(|| {
        let mut findings = Vec::new();
        let mut written: Vec<Option<(u32, u32)>> = vec![None; program.nodes.len()];
        let mut because = Positions::default();
        let rules = rules.iter().zip(&truths).map(|(rule, truth)| {
            because.push_list(|positions| ev.trace(rule.root, *truth, &mut findings, positions, &mut written));
            TracedRule { rule: &rule.id, kind: rule.kind, status: Status::from(*truth) }
        });
        let rules = rules.collect();
        Trace { findings, rules, because }
    });

    let judgement = ev.inputs.judgement.as_ref().map(|(judged, reason)| JudgementOutcome {
        level: program.level_ref(*judged).into(),
        reason: reason.clone(),
        effect: match judged.cmp(&engine_level) {
            std::cmp::Ordering::Greater => JudgementEffect::Raised,
            std::cmp::Ordering::Equal => JudgementEffect::Agrees,
            std::cmp::Ordering::Less => JudgementEffect::Lower,
        },
    });

    let answered = ev.answered();
    let final_level = program.level_ref(level);
    Ok(Assessment {
        level: final_level,
        engine_level: program.level_ref(engine_level),
        immediate_danger: final_level.emergency,
        worry_recorded: ev.inputs.worried,
        judgement,
        actions,
        referrals,
        escalation,
        prompts,
        questions,
        reasons,
        trace,
        warnings,
        answered,
        child_age: ev.inputs.age,
        as_of,
        notice: &program.meta.notice,
        ruleset: program.ruleset_info(),
        profile: program.profile_info(),
        engine_version: crate::ENGINE_VERSION,
    })
}

/// The program's items as an assessment and a description name them.
impl Program {
    /// A level, by its index in rank order.
    pub(crate) fn level_ref(&self, index: u8) -> LevelRef<'_> {
        let level = &self.levels[usize::from(index)];
        LevelRef { id: &level.id, rank: level.rank, name: &level.name, meaning: &level.meaning, response: &level.response, emergency: level.emergency }
    }

    /// What an assessment or description says of the ruleset it used.
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

    /// The profile laid over the ruleset, if any.
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
}

/// The level and what follows from it, before the items are worded.
struct Decision<'a> {
    engine_level: u8,
    level: u8,
    outcome: Outcome<'a>,
    questions: Vec<Question<'a>>,
}

/// What the fired rules add up to, de-duplicated in the order rules gave it.
struct Outcome<'a> {
    actions: Vec<(u16, Vec<&'a str>)>,
    /// Route, why, and the urgency of the level when the level itself calls for the route.
    routes: Vec<(u16, Vec<RuleReason<'a>>, Option<Urgency>)>,
    prompts: Vec<(u16, Vec<&'a str>)>,
    escalate_from: Option<(u8, Vec<RuleReason<'a>>)>,
    /// Where each of the engine's actions, routes and prompts is in the lists above
    /// ([`ABSENT`] if not there), so that adding one costs the same however many there are.
    action_at: Vec<u32>,
    route_at: Vec<u32>,
    prompt_at: Vec<u32>,
}

/// Not in an [`Outcome`]'s list.
const ABSENT: u32 = u32::MAX;

impl<'a> Outcome<'a> {
    fn new(program: &Program) -> Outcome<'a> {
        Outcome {
            actions: Vec::new(),
            routes: Vec::new(),
            prompts: Vec::new(),
            escalate_from: None,
            action_at: vec![ABSENT; program.actions.len()],
            route_at: vec![ABSENT; program.routes.len()],
            prompt_at: vec![ABSENT; program.prompts.len()],
        }
    }

    fn apply(&mut self, rule: &'a CompiledRule) {
        let why = RuleReason { rule: &rule.id, reason: &rule.reason };
        // A rule's routes keep their own speed; only the level's own referral carries its urgency.
        self.add(&rule.then.actions, &rule.then.routes, None, &why);
        for prompt in &rule.then.prompts {
            add_once(&mut self.prompts, &mut self.prompt_at, *prompt, why.rule);
        }
        if let Some(from) = rule.then.escalate_from {
            let (start, reasons) = self.escalate_from.get_or_insert_with(|| (from, Vec::new()));
            *start = (*start).min(from);
            reasons.push(why);
        }
    }

    /// The level's own response: what every child at this level needs, however it was reached.
    fn apply_level(&mut self, program: &'a Program, level: u8) {
        let info = &program.levels[level as usize];
        let why = RuleReason { rule: &info.id, reason: &info.response };
        self.add(&info.actions, &info.routes, info.urgency, &why);
    }

    fn add(&mut self, actions: &[u16], routes: &[u16], urgency: Option<Urgency>, why: &RuleReason<'a>) {
        for action in actions {
            add_once(&mut self.actions, &mut self.action_at, *action, why.rule);
        }
        for route in routes {
            let at = &mut self.route_at[usize::from(*route)];
            if *at == ABSENT {
                *at = self.routes.len() as u32;
            }
            match self.routes.get_mut(*at as usize) {
                Some((_, reasons, fastest)) => {
                    reasons.push(why.clone());
                    *fastest = match (*fastest, urgency) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        (a, b) => a.or(b),
                    };
                }
                None => self.routes.push((*route, vec![why.clone()], urgency)),
            }
        }
    }

    fn has_route(&self, route: u16) -> bool {
        self.route_at[usize::from(route)] != ABSENT
    }
}

/// Counts above u16::MAX read as u16::MAX: no rule asks for more.
fn saturate(count: usize) -> u16 {
    count.min(usize::from(u16::MAX)) as u16
}

fn add_once<'a>(list: &mut Vec<(u16, Vec<&'a str>)>, at: &mut [u32], item: u16, rule: &'a str) {
    match list.get_mut(at[usize::from(item)] as usize) {
        Some((_, rules)) => rules.push(rule),
        None => {
            at[usize::from(item)] = list.len() as u32;
            list.push((item, vec![rule]));
        }
    }
}

/// A yes to an indicator is a worry, unless the indicator is not one in itself (a circumstance,
/// or `worry: false`).
fn is_worry(program: &Program, indicator: usize, answer: Option<Answer>) -> bool {
    answer == Some(Answer::Yes) && program.indicators[indicator].worry
}

/// Events of an indicator are a worry, on the same terms as a yes.
fn events_are_worry<T>(program: &Program, indicator: usize, events: &[T]) -> bool {
    !events.is_empty() && program.indicators[indicator].worry
}

fn bind(program: &Program, case: &Case, warnings: &mut Vec<Warning>) -> Result<Inputs, Error> {
    let mut problems = Vec::new();
    let mut problem = |path: String, code: Code, message: String| {
        problems.push(Problem { document: Document::Case, path, code, message, line: None, column: None });
    };
    let as_of = case.as_of;
    let n = program.indicators.len();

    let child = &case.child;
    let given = [child.date_of_birth.is_some(), child.age_years.is_some(), child.age_months.is_some()];
    if given.iter().filter(|g| **g).count() > 1 {
        problem("child".into(), Code::ConflictingAge, "give one of dateOfBirth, ageYears or ageMonths, not several".into());
    }
    let age = if let Some(birth) = child.date_of_birth {
        let months = as_of.months_since(birth);
        // Before birth, ages count down from -1 so that "unborn" is simply "below zero".
        let months = if birth > as_of { months.min(0) - 1 } else { months };
        Some(AgeSpan { from: months, to: months })
    } else if let Some(years) = child.age_years {
        let from = i32::from(years) * 12;
        Some(AgeSpan { from, to: from + 11 })
    } else {
        child.age_months.map(|m| AgeSpan { from: i32::from(m), to: i32::from(m) })
    };
    if age.is_some_and(|a| a.from >= 18 * 12) {
        warnings.push(Warning {
            path: "child".into(),
            message: "the person is 18 or over: this guidance is for children, so use adult safeguarding procedures, and plan any transition".into(),
        });
    }

    let mut answers = vec![None; n];
    let mut given = Vec::new();
    for (id, answer) in &case.answers {
        // Paths are built only for a problem or warning: most answers need neither.
        let path = || format!("answers.{id}");
        let Some(index) = program.find_indicator(id) else {
            problem(path(), Code::UnknownIndicator, format!("unknown indicator \"{id}\""));
            continue;
        };
        let indicator = &program.indicators[index as usize];
        if indicator.kind == IndicatorKind::Event && *answer == Answer::Yes {
            problem(path(), Code::WrongKind, format!("\"{id}\" is counted from dated events: record each one in events"));
            continue;
        }
        if *answer == Answer::Yes {
            if let Some(age) = age {
                let (min, max) = indicator.ages.bounds();
                if age.to < min || age.from > max {
                    warnings
                        .push(Warning { path: path(), message: format!("\"{}\" is not usually asked at this age; the answer still counts", indicator.text) });
                }
            }
        }
        answers[index as usize] = Some(*answer);
        given.push(index);
    }

    let mut events: Vec<Vec<(i32, Date, Date, bool)>> = vec![Vec::new(); n];
    for (i, event) in case.events.iter().enumerate() {
        let path = || format!("events[{i}].indicator");
        let Some(index) = program.find_indicator(&event.indicator) else {
            problem(path(), Code::UnknownIndicator, format!("unknown indicator \"{}\"", event.indicator));
            continue;
        };
        if program.indicators[index as usize].kind != IndicatorKind::Event {
            problem(path(), Code::WrongKind, format!("\"{}\" is answered yes or no, not recorded as dated events", event.indicator));
            continue;
        }
        if as_of.days_since(event.date) < 0 {
            warnings.push(Warning {
                path: format!("events[{i}].date"),
                message: format!("{} is after the assessment date {as_of}, so it was not counted", event.date),
            });
            continue;
        }
        // An event that has not ended by the assessment date is still going on; one whose date is
        // known only roughly is counted as late as it could have been.
        let end = event.end().min(as_of);
        let list = &mut events[index as usize];
        let first = list.is_empty();
        for _ in 0..event.times {
            list.push((as_of.days_since(end), event.date, end, event.approximate()));
        }
        // An indicator not answered is given by its first event counted.
        if first && !list.is_empty() && answers[index as usize].is_none() {
            given.push(index);
        }
    }
    for &i in &given {
        crate::sort::by(&mut events[usize::from(i)], |a, b| a.0.cmp(&b.0));
    }

    let mut facts = [None; Fact::COUNT];
    for (name, answer) in &case.facts {
        let path = || format!("facts.{name}");
        match Fact::ALL.iter().find(|f| f.name() == name) {
            None => problem(
                path(),
                Code::UnknownFact,
                format!("unknown context fact \"{name}\"; the facts are {}", Fact::ALL.iter().map(|f| f.name()).collect::<Vec<_>>().join(", ")),
            ),
            Some(fact) if program.facts.iter().any(|info| info.fact == *fact) => facts[*fact as usize] = Some(*answer),
            Some(_) => warnings.push(Warning { path: path(), message: "this ruleset does not ask about this, so it was not used".into() }),
        }
    }

    let judgement = match &case.judgement {
        None => None,
        Some(j) => {
            let level = program.find_level(&j.level);
            if level.is_none() {
                problem("judgement.level".into(), Code::UnknownLevel, format!("unknown level \"{}\"", j.level));
            }
            if j.reason.trim().is_empty() {
                problem("judgement.reason".into(), Code::EmptyText, "give the reason for your view of the level".into());
            }
            level.map(|l| (l, j.reason.clone()))
        }
    };

    if as_of > program.meta.review_date {
        warnings.push(Warning {
            path: "ruleset.meta.reviewDate".into(),
            message: format!("this ruleset was due for review on {}: check that it is still current", program.meta.review_date),
        });
    }
    if as_of < program.meta.effective_from {
        warnings.push(Warning {
            path: "ruleset.meta.effectiveFrom".into(),
            message: format!("this ruleset takes effect on {}, after the assessment date", program.meta.effective_from),
        });
    }

    if !problems.is_empty() {
        return Err(Error::new(problems));
    }
    let worried = given.iter().map(|i| usize::from(*i)).any(|i| is_worry(program, i, answers[i]) || events_are_worry(program, i, &events[i]))
        || facts[Fact::StillWorried as usize] == Some(Answer::Yes)
        || judgement.as_ref().is_some_and(|(level, _)| *level > 0);
    Ok(Inputs { as_of, answers, events, age, facts, referral: case.referral, judgement, worried, judgement_lower: false, harm_suspected: false, given })
}

/// The truth of every node of `program` for a case where nothing is known ([`crate::program::Reach`]).
pub(crate) fn baseline(program: &Program) -> Vec<Truth> {
    let n = program.indicators.len();
    let inputs = Inputs {
        as_of: program.meta.effective_from,
        answers: vec![None; n],
        events: vec![Vec::new(); n],
        age: None,
        facts: [None; Fact::COUNT],
        referral: None,
        judgement: None,
        worried: false,
        judgement_lower: false,
        harm_suspected: false,
        given: Vec::new(),
    };
    let mut ev = Evaluator { program, inputs, truths: vec![Truth::Unknown; program.nodes.len()], unsettled: Vec::new(), suspected: Vec::new() };
    ev.settle_all();
    ev.truths
}

impl<'a> Evaluator<'a> {
    fn kids(&self, start: u32, end: u32) -> impl Iterator<Item = u32> + '_ {
        self.program.kids[start as usize..end as usize].iter().copied()
    }

    /// An evaluator whose truths are those of a case where nothing is known, to be settled.
    fn new(program: &'a Program, inputs: Inputs) -> Evaluator<'a> {
        let unsettled = vec![0; program.nodes.len().div_ceil(64)];
        Evaluator { program, inputs, truths: program.reach.baseline.clone(), unsettled, suspected: Vec::new() }
    }

    /// Settles every node, whatever the truths were.
    fn settle_all(&mut self) {
        let nodes = self.program.nodes.len();
        self.unsettled = (0..nodes.div_ceil(64)).map(|word| if (word + 1) * 64 <= nodes { u64::MAX } else { (1 << (nodes % 64)) - 1 }).collect();
        self.settle();
    }

    /// Settles the truths for this case's inputs: only the leaves reading an input it gives
    /// differ from the baseline, and only through them their ancestors.
    fn settle_case(&mut self) {
        for at in 0..self.inputs.given.len() {
            self.unsettle(Input::Indicator(self.inputs.given[at]));
        }
        for &fact in Fact::ALL {
            if self.inputs.facts[fact as usize].is_some() {
                self.unsettle(Input::Fact(fact));
            }
        }
        if self.inputs.referral.is_some() {
            self.unsettle(Input::Referral);
        }
        if self.inputs.age.is_some() {
            self.unsettle(Input::Age);
        }
        if self.inputs.worried {
            self.unsettle(Input::Worry);
        }
        self.settle();
    }

    /// Marks the leaves reading `input` to be settled again.
    fn unsettle(&mut self, input: Input) {
        for &leaf in self.program.reach.readers(input) {
            mark(&mut self.unsettled, leaf);
        }
    }

    /// Settles every unsettled node, lowest first; a node whose truth changes unsettles its
    /// parents. Parents come after their children, so each node is settled at most once, after
    /// everything under it.
    fn settle(&mut self) {
        let mut word = 0;
        while word < self.unsettled.len() {
            let bits = self.unsettled[word];
            if bits == 0 {
                word += 1;
                continue;
            }
            self.unsettled[word] = bits & (bits - 1);
            let node = word * 64 + bits.trailing_zeros() as usize;
            let truth = self.combine(node as u32, |kid| self.truths[kid as usize], |leaf| self.leaf(leaf));
            if truth != self.truths[node] {
                self.truths[node] = truth;
                for &parent in self.program.reach.parents.get(node) {
                    mark(&mut self.unsettled, parent);
                }
            }
        }
    }

    /// The level, the outcome of every fired rule (but the suspicion safeguard, which needs
    /// the questions), and the questions.
    fn decide(&mut self) -> Decision<'a> {
        let program = self.program;
        let rules = &program.rules;
        let safeguards = &program.safeguards;
        // The judgement safeguard needs the engine's level first (it can set none itself).
        let engine_level = rules.iter().filter(|rule| self.truths[rule.root as usize] == Truth::True).filter_map(|rule| rule.then.level).max().unwrap_or(0);
        let judgement_lower = self.inputs.judgement.as_ref().is_some_and(|(level, _)| *level < engine_level);
        // Every node is settled for the inputs as they are: only a change needs settling again.
        if judgement_lower != self.inputs.judgement_lower {
            self.inputs.judgement_lower = judgement_lower;
            self.unsettle(Input::JudgementLower);
            self.settle();
        }
        let level = self.inputs.judgement.as_ref().map_or(engine_level, |(judged, _)| (*judged).max(engine_level));
        // The level's own response comes first: with the emergency level, 999 leads.
        let mut outcome = Outcome::new(program);
        outcome.apply_level(program, level);
        let suspicion = safeguards.harm_suspected.map(|(rule, _)| rule);
        for (position, rule) in rules.iter().enumerate() {
            if self.truths[rule.root as usize] == Truth::True && Some(position) != suspicion {
                outcome.apply(rule);
            }
        }
        // A question is worth asking only for what it would add to this outcome.
        let questions = self.questions(level, &outcome);
        Decision { engine_level, level, outcome, questions }
    }

    /// Whether an item fits this child: within its ages (an age not known fits every range),
    /// and not ruled out by its `unless`.
    fn fits(&self, fit: &Fit) -> bool {
        let (min, max) = fit.ages.bounds();
        let in_ages = self.inputs.age.is_none_or(|age| age.to >= min && age.from <= max);
        in_ages && fit.unless.is_none_or(|node| self.truths[node as usize] != Truth::True)
    }

    /// Calendar days after the most recent event of `indicator` ended.
    fn due_after_event(&self, indicator: u16, days: u16) -> Option<Date> {
        self.inputs.events[indicator as usize].first().map(|(_, _, end, _)| end.add_days(i32::from(days)))
    }

    /// For each supposition, whether `root` would hold were it true (for open questions). One
    /// pass over the condition, in which each node carries only the suppositions that change
    /// it: O(size × depth), where evaluating the condition once per supposition is O(size²).
    fn suppose_each<'s>(&self, root: u32, suppositions: &[(Leaf, Supposition)], scratch: &'s mut Scratch) -> &'s [bool] {
        scratch.counts.clear();
        scratch.counts.resize(suppositions.len(), (0, false));
        let slots = std::mem::take(&mut scratch.slots);
        let all = suppositions.iter().fold(0, |bits, (_, supposition)| bits | bit(supposition.var));
        self.flips(root, Truth::True, suppositions, all, &slots, scratch);
        scratch.slots = slots;
        scratch.holds.clear();
        scratch.holds.resize(suppositions.len(), self.truths[root as usize] == Truth::True);
        for &(i, holds) in &scratch.flips {
            scratch.holds[i] = holds;
        }
        scratch.flips.clear();
        &scratch.holds
    }

    /// Appends to `scratch.flips` each supposition (by index) that changes whether `node` is
    /// `goal` (true or false), with whether it then is. Only whether the rule becomes true is
    /// wanted, so each node is followed only as far as the one truth its parent needs, and a
    /// branch that no single supposition can change is left at once. Everything else in
    /// `scratch` is left as found.
    ///
    /// Only the suppositions whose vars' bits ([`bit`]) are in `only` are sure to be found right
    /// (any other may be left out, or found changing the node when it does not), so a node
    /// reading none of them is left at once.
    fn flips(&self, node: u32, goal: Truth, suppositions: &[(Leaf, Supposition)], only: u64, slots: &Slots, scratch: &mut Scratch) {
        if self.program.engaging.below[node as usize] & only == 0 {
            return;
        }
        let is_goal = |node: u32| self.truths[node as usize] == goal;
        // A branch is true when `n` of its children are (as [`Truth::at_least`]), so false when
        // more than the rest are false.
        let (first, end, n) = match self.program.nodes[node as usize] {
            Node::Not(kid) => return self.flips(kid, !goal, suppositions, only, slots, scratch),
            Node::All { start, end } => (start, end, (end - start) as i32),
            Node::Any { start, end } => (start, end, 1),
            Node::AtLeast { n, start, end } => (start, end, i32::from(n)),
            Node::Leaf(leaf) => return self.leaf_flips(node, leaf, goal, suppositions, slots, scratch),
        };
        let kids = &self.program.kids[first as usize..end as usize];
        let needed = if goal == Truth::True { n } else { kids.len() as i32 - n + 1 };
        let start = scratch.flips.len();
        let count = kids.iter().filter(|kid| is_goal(**kid)).count() as i32;
        let holds = count >= needed;
        // A supposition moves each child at most one step, towards `goal` or away: to change
        // the branch it must move `to_move` of the children on the side that can change it. A
        // child there that no supposition moves leaves one fewer able to.
        let (to_move, mut able) = if holds { (count - needed + 1, count) } else { (needed - count, kids.len() as i32 - count) };
        if able < to_move {
            return;
        }
        // The children that could change the branch first, so that it is left sooner.
        for &kid in kids.iter().filter(|kid| is_goal(**kid) == holds) {
            let before = scratch.flips.len();
            self.flips(kid, goal, suppositions, only, slots, scratch);
            if scratch.flips.len() == before {
                able -= 1;
                if able < to_move {
                    scratch.flips.truncate(start);
                    return;
                }
            }
        }
        // A child on the other side can only move the way the branch already is, so only a
        // supposition found above can change the branch: only those are followed there. What
        // the others would find there may be wrong, but it only pushes the branch the way it
        // already is, so it never makes a flip; at the root `only` holds every supposition.
        let found = scratch.flips[start..].iter().fold(0, |bits, (i, _)| bits | bit(suppositions[*i].1.var));
        for &kid in kids.iter().filter(|kid| is_goal(**kid) != holds) {
            self.flips(kid, goal, suppositions, only & found, slots, scratch);
        }
        // How many more children are `goal` under each supposition that moves one (most move none).
        let touched_from = scratch.touched.len();
        for &(i, now) in &scratch.flips[start..] {
            let count = &mut scratch.counts[i];
            if !count.1 {
                *count = (0, true);
                scratch.touched.push(i);
            }
            count.0 += if now { 1 } else { -1 };
        }
        scratch.flips.truncate(start);
        for t in touched_from..scratch.touched.len() {
            let i = scratch.touched[t];
            let (more, _) = std::mem::take(&mut scratch.counts[i]);
            if (count + more >= needed) != holds {
                scratch.flips.push((i, !holds));
            }
        }
        scratch.touched.truncate(touched_from);
    }

    /// [`Evaluator::flips`] for a leaf.
    fn leaf_flips(&self, node: u32, leaf: Leaf, goal: Truth, suppositions: &[(Leaf, Supposition)], slots: &Slots, scratch: &mut Scratch) {
        let is_goal = self.truths[node as usize] == goal;
        // The suppositions about `about`, each var's together from its slot on, and the truth
        // each gives the leaf by the value supposed.
        let mut consider = |about: Var, truth: fn(bool) -> Truth| {
            let Some(first) = slots.get(about) else { return };
            for (i, (_, supposition)) in suppositions.iter().enumerate().skip(first).take_while(|(_, (_, s))| s.var == about) {
                if (truth(supposition.value) == goal) != is_goal {
                    scratch.flips.push((i, !is_goal));
                }
            }
        };
        let never = |_| Truth::False;
        match leaf {
            Leaf::Yes(i) | Leaf::AnsweredYes(i) => consider(Var::Indicator(i), Truth::from_bool),
            Leaf::AnsweredNo(i) => consider(Var::Indicator(i), |value| Truth::from_bool(!value)),
            // Any answer supposed is a yes or a no: no longer "not known".
            Leaf::NotKnown(i) | Leaf::AnsweredNotKnown(i) => consider(Var::Indicator(i), never),
            Leaf::Fact(fact) | Leaf::FactAnsweredYes(fact) => consider(Var::Fact(fact), Truth::from_bool),
            // Any outcome supposed says whether it is this one.
            Leaf::Referral(outcome) => {
                for supposed in ReferralOutcome::ALL {
                    consider(Var::Referral(*supposed), if *supposed == outcome { Truth::from_bool } else { never });
                }
            }
            // Supposed only as themselves (see `unknown_var`).
            Leaf::Age { .. } | Leaf::Events { .. } => consider(Var::Leaf(node), Truth::from_bool),
            Leaf::WorryRecorded | Leaf::JudgementLower | Leaf::HarmSuspected => {}
        }
    }

    /// One step of three-valued logic: a branch from its children's truths, a leaf by `leaf`.
    fn combine(&self, node: u32, kid: impl Fn(u32) -> Truth, leaf: impl FnOnce(Leaf) -> Truth) -> Truth {
        match self.program.nodes[node as usize] {
            // A false child settles an `all`, a true one an `any`: the rest are not read.
            Node::All { start, end } => {
                self.kids(start, end).try_fold(Truth::True, |truth, k| Some(truth.and(kid(k))).filter(|t| *t != Truth::False)).unwrap_or(Truth::False)
            }
            Node::Any { start, end } => {
                self.kids(start, end).try_fold(Truth::False, |truth, k| Some(truth.or(kid(k))).filter(|t| *t != Truth::True)).unwrap_or(Truth::True)
            }
            Node::Not(k) => !kid(k),
            Node::AtLeast { n, start, end } => Truth::at_least(usize::from(n), self.kids(start, end).map(kid)),
            Node::Leaf(test) => leaf(test),
        }
    }

    fn leaf(&self, leaf: Leaf) -> Truth {
        let inputs = &self.inputs;
        let known = |answer: Option<Answer>| match answer {
            Some(Answer::Yes) => Truth::True,
            Some(Answer::No) => Truth::False,
            Some(Answer::NotKnown) | None => Truth::Unknown,
        };
        match leaf {
            Leaf::Yes(i) => known(inputs.answers[i as usize]),
            Leaf::NotKnown(i) => match inputs.answers[i as usize] {
                Some(Answer::NotKnown) => Truth::True,
                Some(_) => Truth::False,
                None => Truth::from_bool(inputs.events[i as usize].is_empty()),
            },
            Leaf::AnsweredNotKnown(i) => Truth::from_bool(inputs.answers[i as usize] == Some(Answer::NotKnown)),
            Leaf::AnsweredYes(i) => Truth::from_bool(inputs.answers[i as usize] == Some(Answer::Yes)),
            Leaf::AnsweredNo(i) => Truth::from_bool(inputs.answers[i as usize] == Some(Answer::No)),
            Leaf::Age { min, max } => match inputs.age {
                None => Truth::Unknown,
                Some(age) if age.from >= min && age.to <= max => Truth::True,
                Some(age) if age.to < min || age.from > max => Truth::False,
                Some(_) => Truth::Unknown,
            },
            Leaf::Events { indicator, within, at_least } => {
                if self.count(indicator, within) >= at_least {
                    Truth::True
                } else if inputs.answers[indicator as usize] == Some(Answer::NotKnown) {
                    Truth::Unknown
                } else {
                    Truth::False
                }
            }
            Leaf::Fact(fact) => known(inputs.facts[fact as usize]),
            Leaf::FactAnsweredYes(fact) => Truth::from_bool(inputs.facts[fact as usize] == Some(Answer::Yes)),
            Leaf::Referral(outcome) => inputs.referral.map_or(Truth::Unknown, |actual| Truth::from_bool(actual == outcome)),
            Leaf::WorryRecorded => Truth::from_bool(inputs.worried),
            Leaf::JudgementLower => Truth::from_bool(inputs.judgement_lower),
            Leaf::HarmSuspected => Truth::from_bool(inputs.harm_suspected),
        }
    }

    fn count(&self, indicator: u16, within: Window) -> u16 {
        saturate(self.events_within(indicator, within).len())
    }

    /// The events of `indicator` that ended within the window, most recent first.
    fn events_within(&self, indicator: u16, within: Window) -> &[(i32, Date, Date, bool)] {
        let list = &self.inputs.events[indicator as usize];
        let days = within.days(self.inputs.as_of);
        let end = list.partition_point(|(days_ago, _, _, _)| *days_ago <= days);
        &list[..end]
    }

    /// Gives `each` what justifies `node` having the truth `truth`, one level down: the children
    /// that do, each with the truth it is explained with (a `Not` flips it; a branch's children
    /// with the same truth justify it); nothing for a leaf, whose own findings do. The one rule
    /// that [`Evaluator::explain`] and [`Evaluator::trace`] both follow.
    fn justifying_kids(&self, node: u32, truth: Truth, each: &mut dyn FnMut(u32, Truth)) {
        match self.program.nodes[node as usize] {
            Node::Not(kid) => each(kid, !truth),
            Node::Any { start, end } | Node::All { start, end } | Node::AtLeast { start, end, .. } => {
                self.kids(start, end).filter(|kid| self.truths[*kid as usize] == truth).for_each(|kid| each(kid, truth));
            }
            Node::Leaf(_) => {}
        }
    }

    /// Gives `found` each leaf (its node and test) whose findings justify `node` having the
    /// truth `truth`.
    fn explain(&self, node: u32, truth: Truth, found: &mut dyn FnMut(u32, Leaf)) {
        match self.program.nodes[node as usize] {
            Node::Leaf(leaf) => found(node, leaf),
            _ => self.justifying_kids(node, truth, &mut |kid, truth| self.explain(kid, truth, found)),
        }
    }

    /// [`Evaluator::explain`] for the trace: pushes onto `positions` where in `findings` the
    /// findings of each leaf that justifies `node` having the truth `truth` are. Each node is
    /// explained once: a leaf's findings are made the first time, and a node met again (named
    /// conditions are shared by many rules) has its positions copied from where `written` says
    /// they were first written. A node always has the truth it is explained with, so its
    /// positions are the same wherever it is met.
    fn trace(&self, node: u32, truth: Truth, findings: &mut Vec<Finding<'a>>, positions: &mut Vec<u32>, written: &mut [Option<(u32, u32)>]) {
        if let Some((start, end)) = written[node as usize] {
            positions.extend_from_within(start as usize..end as usize);
            return;
        }
        let start = positions.len() as u32;
        match self.program.nodes[node as usize] {
            Node::Leaf(leaf) => {
                let first = findings.len() as u32;
                self.findings(leaf, findings);
                positions.extend(first..findings.len() as u32);
            }
            _ => self.justifying_kids(node, truth, &mut |kid, truth| self.trace(kid, truth, findings, positions, written)),
        }
        written[node as usize] = Some((start, positions.len() as u32));
    }

    /// Pushes what a leaf found: one finding for a test, or what lies behind a recorded worry or
    /// a suspicion of harm.
    fn findings(&self, leaf: Leaf, out: &mut Vec<Finding<'a>>) {
        match leaf {
            Leaf::WorryRecorded => self.explain_worry(out),
            Leaf::HarmSuspected => out.extend(self.suspected.iter().cloned()),
            Leaf::Yes(_)
            | Leaf::NotKnown(_)
            | Leaf::AnsweredNotKnown(_)
            | Leaf::AnsweredYes(_)
            | Leaf::AnsweredNo(_)
            | Leaf::Age { .. }
            | Leaf::Events { .. }
            | Leaf::Fact(_)
            | Leaf::FactAnsweredYes(_)
            | Leaf::Referral(_)
            | Leaf::JudgementLower => out.push(self.finding(leaf)),
        }
    }

    fn explain_worry(&self, out: &mut Vec<Finding<'a>>) {
        let program = self.program;
        for (i, answer) in self.inputs.answers.iter().enumerate() {
            if is_worry(program, i, *answer) {
                out.push(self.finding(Leaf::Yes(i as u16)));
            }
        }
        for (i, list) in self.inputs.events.iter().enumerate() {
            if events_are_worry(program, i, list) {
                out.push(self.finding(Leaf::Events { indicator: i as u16, within: Window::Days(u16::MAX), at_least: 1 }));
            }
        }
        if self.inputs.facts[Fact::StillWorried as usize] == Some(Answer::Yes) {
            out.push(self.finding(Leaf::Fact(Fact::StillWorried)));
        }
        out.extend(self.suspected.iter().cloned());
        if let Some((level, reason)) = self.inputs.judgement.as_ref().filter(|(level, _)| *level > 0) {
            out.push(Finding::Judgement { level: &program.levels[usize::from(*level)].id, reason: reason.clone(), holds: Truth::True });
        }
    }

    fn finding(&self, leaf: Leaf) -> Finding<'a> {
        let program = self.program;
        let holds = self.leaf(leaf);
        match leaf {
            // An answer tested for exactly: said as the answer given, and whether the test held.
            Leaf::Yes(i) | Leaf::AnsweredYes(i) | Leaf::AnsweredNo(i) => {
                let indicator = &program.indicators[i as usize];
                Finding::Yes { indicator: &indicator.id, text: &indicator.text, answer: self.inputs.answers[i as usize], holds }
            }
            // Said as "not known" either way: the finding gives the answer, and whether it held.
            Leaf::NotKnown(i) | Leaf::AnsweredNotKnown(i) => {
                let indicator = &program.indicators[i as usize];
                Finding::NotKnown { indicator: &indicator.id, text: &indicator.text, answer: self.inputs.answers[i as usize], holds }
            }
            Leaf::Age { min, max } => {
                Finding::Age { min_months: (min != i32::MIN).then_some(min), max_months: (max != i32::MAX).then_some(max), age_months: self.inputs.age, holds }
            }
            Leaf::Events { indicator, within, at_least } => {
                let info = &program.indicators[indicator as usize];
                let events = self.events_within(indicator, within);
                Finding::Events {
                    indicator: &info.id,
                    text: &info.text,
                    within_days: saturate(within.days(self.inputs.as_of).max(0) as usize),
                    at_least,
                    count: saturate(events.len()),
                    dates: events.iter().map(|(_, date, _, _)| *date).collect(),
                    approximate: saturate(events.iter().filter(|(_, _, _, rough)| *rough).count()),
                    holds,
                }
            }
            Leaf::Fact(fact) | Leaf::FactAnsweredYes(fact) => {
                Finding::Fact { fact, text: program.fact_text(fact), answer: self.inputs.facts[fact as usize], holds }
            }
            Leaf::Referral(outcome) => Finding::Referral { outcome, text: program.referral_text(outcome), actual: self.inputs.referral, holds },
            Leaf::JudgementLower | Leaf::WorryRecorded | Leaf::HarmSuspected => {
                let (level, reason) = self.inputs.judgement.clone().unwrap_or_default();
                Finding::Judgement { level: &program.levels[usize::from(level)].id, reason, holds }
            }
        }
    }

    fn answered(&self) -> Vec<Finding<'a>> {
        let program = self.program;
        let inputs = &self.inputs;
        let mut out = Vec::new();
        for (i, answer) in inputs.answers.iter().enumerate() {
            if answer.is_some() {
                out.push(self.finding(Leaf::Yes(i as u16)));
            }
        }
        for (i, list) in inputs.events.iter().enumerate() {
            if !list.is_empty() {
                out.push(self.finding(Leaf::Events { indicator: i as u16, within: Window::Days(u16::MAX), at_least: 1 }));
            }
        }
        for info in &program.facts {
            if inputs.facts[info.fact as usize].is_some() {
                out.push(self.finding(Leaf::Fact(info.fact)));
            }
        }
        if let Some(actual) = inputs.referral {
            out.push(Finding::Referral { outcome: actual, text: program.referral_text(actual), actual: Some(actual), holds: Truth::True });
        }
        out
    }

    /// The variable a leaf (the node `node`) reads, when it is not known.
    fn unknown_var(&self, node: u32, leaf: Leaf) -> Option<Var> {
        let unknown = |answer: Option<Answer>| matches!(answer, None | Some(Answer::NotKnown));
        let var = var(node, leaf)?;
        let is_unknown = match var {
            Var::Indicator(i) => unknown(self.inputs.answers[i as usize]),
            Var::Fact(fact) => unknown(self.inputs.facts[fact as usize]),
            Var::Referral(_) => self.inputs.referral.is_none(),
            Var::Leaf(node) => self.truths[node as usize] == Truth::Unknown,
        };
        is_unknown.then_some(var)
    }

    /// For each rule, whether the practitioner has engaged with it: part of it holds, or they
    /// have said they do not know something it asks. Untouched rules are not worth a question.
    /// Found from the inputs the case gives ([`crate::program::Engaging`]), not by reading
    /// every leaf of every rule that could ask.
    fn engaged(&self) -> Vec<u64> {
        let engaging = &self.program.engaging;
        let inputs = &self.inputs;
        let holds = |node: u32| self.truths[node as usize] == Truth::True;
        let yes_or_not_known = |answer: Option<Answer>| matches!(answer, Some(Answer::Yes | Answer::NotKnown));
        let mut engaged = vec![0; self.program.rules.len().div_ceil(64)];
        for &(rule, node) in &engaging.always {
            if holds(node) {
                mark(&mut engaged, u32::from(rule));
            }
        }
        for &indicator in &inputs.given {
            let indicator = usize::from(indicator);
            let rules = &engaging.by_indicator[indicator];
            let answer = inputs.answers[indicator];
            let not_known = answer == Some(Answer::NotKnown);
            for &(rule, engages) in rules {
                let engages = match engages {
                    Engages::YesOrNotKnown => yes_or_not_known(answer),
                    Engages::NotKnown => not_known,
                    Engages::NotKnownOrHolds(node) => not_known || holds(node),
                };
                if engages {
                    mark(&mut engaged, u32::from(rule));
                }
            }
        }
        for (fact, rules) in engaging.by_fact.iter().enumerate() {
            if yes_or_not_known(inputs.facts[fact]) {
                rules.iter().for_each(|rule| mark(&mut engaged, u32::from(*rule)));
            }
        }
        engaged
    }

    /// Whether the practitioner's own answers point at a rule: a worry it reads holds, or they
    /// said "not known" to a worry it asks about. A circumstance (an indicator that is not a worry
    /// in itself, or a context fact other than still being worried), an age or a referral points at nothing,
    /// known or not: a yes to one is no worry, so a "not known" is no suspicion (else not
    /// knowing would weigh more than knowing, and answering yes would lower the level).
    fn suspicion_behind(&self, rule: &CompiledRule) -> bool {
        let program = self.program;
        let not_known = |answer: Option<Answer>| answer == Some(Answer::NotKnown);
        let worry = |i: u16| program.indicators[i as usize].worry;
        program.leaves(rule).any(|(node, leaf)| {
            let holds = self.truths[node as usize] == Truth::True;
            match leaf {
                Leaf::Yes(i) => worry(i) && (not_known(self.inputs.answers[i as usize]) || holds),
                Leaf::AnsweredYes(i) | Leaf::AnsweredNo(i) => worry(i) && matches!(self.inputs.answers[i as usize], Some(Answer::Yes | Answer::NotKnown)),
                Leaf::NotKnown(i) | Leaf::AnsweredNotKnown(i) => worry(i) && not_known(self.inputs.answers[i as usize]),
                Leaf::Events { indicator, .. } => worry(indicator) && (not_known(self.inputs.answers[indicator as usize]) || holds),
                Leaf::Fact(fact) | Leaf::FactAnsweredYes(fact) => fact == Fact::StillWorried && (not_known(self.inputs.facts[fact as usize]) || holds),
                Leaf::Age { .. } | Leaf::Referral(_) | Leaf::WorryRecorded | Leaf::JudgementLower | Leaf::HarmSuspected => false,
            }
        })
    }

    /// The suppositions an open question makes for the rule at `position`: each unknown var it
    /// reads within the ages it is asked at, yes and (but for a referral outcome) no, each var's
    /// first supposition claiming its slot in `slots`.
    fn suppose_for(&self, position: usize, suppositions: &mut Vec<(Leaf, Supposition)>, slots: &mut Slots) {
        suppositions.clear();
        slots.clear();
        // The first leaf to read each var speaks for it.
        for &Ask { node, leaf, ages } in self.program.engaging.asks_of(position) {
            let Some(var) = self.unknown_var(node, leaf) else { continue };
            // Never ask about something outside the ages it fits, such as a baby's weight for a
            // nine-year-old (tests/properties.rs holds it for every answer, "not known" too).
            if !self.fits(&Fit { ages, unless: None }) {
                continue;
            }
            slots.claim(var, suppositions.len());
            suppositions.push((leaf, Supposition { var, value: true }));
            // "The outcome is this one" is supposed true only: false says nothing of which.
            let both = match var {
                Var::Referral(_) => false,
                Var::Indicator(_) | Var::Fact(_) | Var::Leaf(_) => true,
            };
            if both {
                suppositions.push((leaf, Supposition { var, value: false }));
            }
        }
    }

    /// Puts in `scratch.lead` the suppositions (each var's first, by index, of `suppositions`) about what `root`
    /// needs first: while the part still unknown is an `all`, the unknown child with the fewest
    /// things to ask. The rule cannot hold until that does, whatever else is answered.
    /// False when some unknown child of one of those `all`s has nothing left to ask (it reads
    /// only what lies outside the child's ages), so no answer on the form makes the rule hold.
    /// Each node is visited at most once a walk, however the conditions share nodes.
    fn mark_lead(&self, root: u32, suppositions: usize, scratch: &mut Scratch) -> bool {
        let program = self.program;
        if scratch.visited.len() != program.nodes.len() {
            scratch.visited = vec![0; program.nodes.len()];
        }
        if scratch.seen.len() < suppositions {
            scratch.seen.resize(suppositions, 0);
        }
        let mut node = root;
        while let Node::All { start, end } = program.nodes[node as usize] {
            let mut smallest: Option<(usize, u32)> = None;
            for &kid in &program.kids[start as usize..end as usize] {
                if self.truths[kid as usize] != Truth::Unknown {
                    continue;
                }
                let asked = scratch.asked_under(program, kid).len();
                if asked == 0 {
                    return false;
                }
                if smallest.is_none_or(|(fewest, _)| asked < fewest) {
                    smallest = Some((asked, kid));
                }
            }
            // An `all` still unknown has a child still unknown.
            let Some((_, kid)) = smallest else { break };
            node = kid;
        }
        // The last walk is the lead's: `Scratch::leads` reads its marks.
        scratch.asked_under(program, node);
        std::mem::swap(&mut scratch.lead, &mut scratch.under);
        true
    }

    fn questions(&self, level: u8, outcome: &Outcome) -> Vec<Question<'a>> {
        let program = self.program;
        // What each rule asking a question would add, and its questions, in rule order: merged
        // below into one question per subject.
        let mut wants: Vec<Want<'a>> = Vec::new();
        let mut asks: Vec<RuleQuestion<'a>> = Vec::new();
        let (mut suppositions, mut scratch) = (Vec::new(), Scratch::default());
        scratch.slots.size_for(program);
        // Only the rules the practitioner has engaged with, of the hundreds a case leaves untouched.
        for position in members(&self.engaged()) {
            let rule = &program.rules[position];
            if self.truths[rule.root as usize] != Truth::Unknown {
                continue;
            }
            let raises = rule.then.level.filter(|l| *l > level);
            let adds_routes = rule.then.routes.iter().any(|r| !outcome.has_route(*r));
            let escalates = rule.then.escalate_from.is_some() && outcome.escalate_from.is_none();
            if raises.is_none() && !adds_routes && !escalates {
                continue;
            }
            let new_routes: Vec<u16> = rule.then.routes.iter().copied().filter(|r| !outcome.has_route(*r)).collect();
            self.suppose_for(position, &mut suppositions, &mut scratch.slots);
            if suppositions.is_empty() {
                continue;
            }
            let supposed = self.suppose_each(rule.root, &suppositions, &mut scratch);
            let want = wants.len();
            wants.push(Want { raises, routes: new_routes, escalates, rule: &rule.id });
            // Each answer that would decide the rule is a question of its own; when none
            // would alone, the rule's unknowns are one question together.
            let asked = asks.len();
            for (&(leaf, supposition), holds) in suppositions.iter().zip(supposed) {
                if !holds {
                    continue;
                }
                let answer = if supposition.value { Hypothesis::Yes } else { Hypothesis::No };
                let about = match supposition.var {
                    Var::Referral(outcome) => Finding::Referral { outcome, text: program.referral_text(outcome), actual: None, holds: Truth::Unknown },
                    Var::Indicator(_) | Var::Fact(_) | Var::Leaf(_) => self.finding(leaf),
                };
                asks.push(RuleQuestion { about: vec![about], if_answer: Some(answer), lead: 1, want });
            }
            if asks.len() == asked {
                // What the rule needs first leads; a rule that no answer on the form can make
                // hold (what it needs lies outside the child's ages) asks nothing.
                if !self.mark_lead(rule.root, suppositions.len(), &mut scratch) {
                    wants.truncate(want);
                    continue;
                }
                // Each var's first supposition is "true".
                let firsts = || suppositions.iter().enumerate().filter(|(_, (_, supposition))| supposition.value);
                let leads = |i: &usize| scratch.leads(*i);
                let about: Vec<Finding<'a>> =
                    firsts().filter(|(i, _)| leads(i)).chain(firsts().filter(|(i, _)| !leads(i))).map(|(_, (leaf, _))| self.finding(*leaf)).collect();
                asks.push(RuleQuestion { about, if_answer: None, lead: scratch.lead.len(), want });
            }
        }

        // One question per subject and answer: each ask joins the first with the same ones
        // (found by sorting on a hash, then comparing), in the order first asked.
        let keys: Vec<u64> = asks.iter().map(|ask| question_key(&ask.about, ask.if_answer, ask.lead)).collect();
        let mut order: Vec<usize> = (0..asks.len()).collect();
        crate::sort::by(&mut order, |a, b| keys[*a].cmp(&keys[*b]));
        let mut first: Vec<usize> = (0..asks.len()).collect();
        let mut run = 0;
        for k in 1..order.len() {
            let i = order[k];
            if keys[order[k - 1]] != keys[i] {
                run = k;
            }
            if let Some(&j) = order[run..k].iter().find(|&&j| first[j] == j && asks[j].same_question(&asks[i])) {
                first[i] = j;
            }
        }
        let mut questions: Vec<Question<'a>> = Vec::new();
        let mut routes: Vec<Vec<u16>> = Vec::new();
        for (i, RuleQuestion { about, if_answer, lead, want }) in asks.into_iter().enumerate() {
            // Where each first ask's question is; a later ask finds it there.
            if first[i] == i {
                first[i] = questions.len();
                questions.push(Question { about, lead, if_answer, level: None, routes: Vec::new(), escalation: false, rules: Vec::new() });
                routes.push(Vec::new());
            } else {
                first[i] = first[first[i]];
            }
            let (question, want) = (&mut questions[first[i]], &wants[want]);
            if let Some(l) = want.raises {
                if question.level.is_none_or(|current| current.rank < program.levels[l as usize].rank) {
                    question.level = Some(program.level_ref(l).into());
                }
            }
            routes[first[i]].extend(&want.routes);
            question.escalation |= want.escalates;
            question.rules.push(want.rule);
        }
        for (question, mut routes) in questions.iter_mut().zip(routes) {
            crate::sort::first_of_each(&mut routes, |r| *r);
            question.routes = routes.iter().map(|r| &program.routes[usize::from(*r)]).map(|route| RouteRef { id: &route.id, name: &route.name }).collect();
        }
        // What could raise the level most is the first thing to find out.
        crate::sort::by(&mut questions, |a, b| b.level.map(|l| l.rank).cmp(&a.level.map(|l| l.rank)));
        questions
    }
}

/// Working space for [`Evaluator::suppose_each`] and [`Evaluator::flips`] (used there as
/// stacks), kept from one rule to the next so that each rule's questions allocate nothing.
#[derive(Default)]
struct Scratch {
    /// Where each var's suppositions start.
    slots: Slots,
    /// Whether the rule holds under each supposition.
    holds: Vec<bool>,
    /// (supposition, whether the node then is the truth sought) for the nodes being worked on.
    flips: Vec<(usize, bool)>,
    /// Per supposition: how many more children are the truth sought, and whether it is in
    /// `touched`.
    counts: Vec<(i32, bool)>,
    touched: Vec<usize>,
    /// Per node, and per supposition, the last walk ([`Scratch::asked_under`]) that reached it:
    /// sized when a rule's unknowns first become one question.
    visited: Vec<u32>,
    seen: Vec<u32>,
    walk: u32,
    /// What [`Scratch::asked_under`] found, and what leads a question asked together.
    under: Vec<usize>,
    lead: Vec<usize>,
    stack: Vec<u32>,
}

impl Scratch {
    /// The suppositions (each var's first, by index) about what `node` reads. Each walk has a
    /// new number, so the marks earlier walks left need no clearing.
    fn asked_under(&mut self, program: &Program, node: u32) -> &[usize] {
        self.walk += 1;
        self.under.clear();
        self.stack.push(node);
        while let Some(node) = self.stack.pop() {
            let seen = &mut self.visited[node as usize];
            if *seen == self.walk {
                continue;
            }
            *seen = self.walk;
            let kind = program.nodes[node as usize];
            match kind.leaf() {
                Some(leaf) => {
                    if let Some(slot) = var(node, leaf).and_then(|var| self.slots.get(var)) {
                        if self.seen[slot] != self.walk {
                            self.seen[slot] = self.walk;
                            self.under.push(slot);
                        }
                    }
                }
                None => self.stack.extend(kind.children(&program.kids)),
            }
        }
        &self.under
    }

    /// Whether supposition `i` is about what leads: [`Evaluator::mark_lead`]'s last walk reached it.
    fn leads(&self, i: usize) -> bool {
        self.seen.get(i) == Some(&self.walk)
    }
}

/// Where each var's suppositions start in the list for one rule (they are together, "true"
/// first), so that a leaf finds those about what it reads at once: no sort, no search.
#[derive(Default)]
struct Slots {
    indicators: Vec<u32>,
    facts: Vec<u32>,
    referrals: Vec<u32>,
    /// Age and events tests, by node: few in any rule.
    leaves: Vec<(u32, u32)>,
    /// What is claimed, to clear it again.
    claimed: Vec<Var>,
}

const UNCLAIMED: u32 = u32::MAX;

impl Slots {
    /// Room for every var of `program`, made once for all its rules.
    fn size_for(&mut self, program: &Program) {
        self.indicators = vec![UNCLAIMED; program.indicators.len()];
        self.facts = vec![UNCLAIMED; Fact::COUNT];
        self.referrals = vec![UNCLAIMED; ReferralOutcome::ALL.len()];
    }

    fn get(&self, var: Var) -> Option<usize> {
        let slot = match var {
            Var::Indicator(i) => self.indicators.get(usize::from(i)).copied(),
            Var::Fact(fact) => self.facts.get(fact as usize).copied(),
            Var::Referral(outcome) => self.referrals.get(outcome as usize).copied(),
            Var::Leaf(node) => self.leaves.iter().find(|(n, _)| *n == node).map(|(_, slot)| *slot),
        };
        slot.filter(|slot| *slot != UNCLAIMED).map(|slot| slot as usize)
    }

    /// Gives `var`, which has no slot, the slot `at`.
    fn claim(&mut self, var: Var, at: usize) {
        // Sized for every var by `size_for`, as `clear` relies on too.
        match var {
            Var::Indicator(i) => self.indicators[usize::from(i)] = at as u32,
            Var::Fact(fact) => self.facts[fact as usize] = at as u32,
            Var::Referral(outcome) => self.referrals[outcome as usize] = at as u32,
            Var::Leaf(node) => self.leaves.push((node, at as u32)),
        }
        self.claimed.push(var);
    }

    fn clear(&mut self) {
        for var in self.claimed.drain(..) {
            match var {
                Var::Indicator(i) => self.indicators[usize::from(i)] = UNCLAIMED,
                Var::Fact(fact) => self.facts[fact as usize] = UNCLAIMED,
                Var::Referral(outcome) => self.referrals[outcome as usize] = UNCLAIMED,
                Var::Leaf(_) => {}
            }
        }
        self.leaves.clear();
    }
}

/// One rule's question, before questions with the same subjects are merged.
struct RuleQuestion<'a> {
    about: Vec<Finding<'a>>,
    if_answer: Option<Hypothesis>,
    /// How many of `about` lead ([`Question::lead`]).
    lead: usize,
    /// Its index in the rules' wants.
    want: usize,
}

impl RuleQuestion<'_> {
    fn same_question(&self, other: &Self) -> bool {
        self.about == other.about && self.if_answer == other.if_answer && self.lead == other.lead
    }
}

/// What a rule with an open question would add to the guidance were it to fire.
struct Want<'a> {
    raises: Option<u8>,
    routes: Vec<u16>,
    escalates: bool,
    rule: &'a str,
}

/// A hash of a question's subject and answer: equal for equal ones. Every id a finding names is
/// the program's own string, the only one with its text, so its address stands for the text
/// (hashing each id's text, byte by byte, was 1.7% of a native assessment).
fn question_key(about: &[Finding], if_answer: Option<Hypothesis>, lead: usize) -> u64 {
    use crate::index::mix;
    let id = |h: u64, id: &str| mix(h, id.as_ptr() as u64);
    about.iter().fold(mix(if_answer.map_or(0, |a| a as u64 + 1), lead as u64), |h, finding| match finding {
        Finding::Yes { indicator, .. } => id(mix(h, 1), indicator),
        Finding::NotKnown { indicator, .. } => id(mix(h, 2), indicator),
        Finding::Age { min_months, max_months, .. } => mix(mix(mix(h, 3), min_months.unwrap_or(i32::MIN) as u64), max_months.unwrap_or(i32::MAX) as u64),
        Finding::Events { indicator, within_days, at_least, .. } => mix(id(mix(h, 4), indicator), u64::from(*within_days) << 16 | u64::from(*at_least)),
        Finding::Fact { fact, .. } => mix(mix(h, 5), *fact as u64),
        Finding::Referral { outcome, .. } => mix(mix(h, 6), *outcome as u64),
        Finding::Judgement { level, .. } => id(mix(h, 7), level),
    })
}

/// The actions given, less those another given action stands in for ("phone now" for "refer by
/// tomorrow"). What asked for the slower one (a rule, or the level) is still shown as a reason or as
/// the level. The compiler lets no action that is stood in for stand in for another, so every
/// stand-in given stays, whatever the order. One pass over the ruleset's actions, as
/// `Outcome::new` already makes.
fn without_stood_in_for<'a>(program: &Program, given: Vec<(u16, Vec<&'a str>)>) -> Vec<(u16, Vec<&'a str>)> {
    let stands_in_for = |action: u16| &program.actions[usize::from(action)].stands_in_for;
    if given.iter().all(|(action, _)| stands_in_for(*action).is_empty()) {
        return given;
    }
    let mut stood_in_for = vec![false; program.actions.len()];
    for &other in given.iter().flat_map(|(action, _)| stands_in_for(*action)) {
        stood_in_for[usize::from(other)] = true;
    }
    given.into_iter().filter(|(action, _)| !stood_in_for[usize::from(*action)]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The default ruleset's engine, for the tests below that run it over the case bank.
    fn default_engine() -> crate::Engine {
        let tree = crate::parse(include_str!("../www/rulesets/england.json"), Document::Ruleset).expect("the default ruleset");
        crate::Engine::new(&tree, None).expect("compiles")
    }

    /// Every time point of the case bank and the scenarios, named by file and id for messages.
    fn bank_cases() -> Vec<(String, Case)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut cases = Vec::new();
        for dir in ["tests/cases", "www/scenarios"] {
            for entry in std::fs::read_dir(root.join(dir)).expect("a directory") {
                let path = entry.expect("an entry").path();
                if path.extension().is_none_or(|ext| ext != "json") {
                    continue;
                }
                let scenario: crate::Scenario = crate::from_json(&std::fs::read_to_string(&path).expect("readable")).expect("a scenario");
                cases.extend(scenario.time_points.into_iter().map(|point| (format!("{}: {}", path.display(), point.id), point.case)));
            }
        }
        cases
    }

    /// Calls `check` with each case of the bank and the scenarios that the default ruleset
    /// accepts: where it is from (for messages), the case, and an evaluator settled for it.
    fn each_settled_case(mut check: impl FnMut(&str, &Case, Evaluator<'_>)) {
        let engine = default_engine();
        for (at, case) in bank_cases() {
            let Ok(inputs) = bind(&engine.program, &case, &mut Vec::new()) else { continue };
            let mut ev = Evaluator::new(&engine.program, inputs);
            ev.settle_case();
            check(&at, &case, ev);
        }
    }

    /// Settling only what a case's inputs reach, from the baseline, gives every node the truth a
    /// pass over every node gives: for every case of the bank and the scenarios, and again after
    /// each late input (the practitioner's lower view, a suspicion of harm, a worry) changes.
    #[test]
    fn settling_what_the_inputs_reach_is_settling_everything() {
        let mut cases = 0;
        each_settled_case(|at, case, mut ev| {
            let program = ev.program;
            let mut whole = Evaluator::new(program, bind(program, case, &mut Vec::new()).expect("bound once"));
            whole.settle_all();
            assert!(ev.truths == whole.truths, "{at}");
            for late in [Input::JudgementLower, Input::HarmSuspected, Input::Worry] {
                for inputs in [&mut ev.inputs, &mut whole.inputs] {
                    match late {
                        Input::JudgementLower => inputs.judgement_lower = !inputs.judgement_lower,
                        Input::HarmSuspected => inputs.harm_suspected = !inputs.harm_suspected,
                        _ => inputs.worried = !inputs.worried,
                    }
                }
                ev.unsettle(late);
                ev.settle();
                whole.settle_all();
                assert!(ev.truths == whole.truths, "{at} with {late:?} changed");
            }
            cases += 1;
        });
        assert!(cases > 1000, "only {cases} cases were compared");
    }

    /// Whether the practitioner has engaged with a rule, read from its leaves: what
    /// [`Evaluator::engaged`] finds from the inputs.
    fn engaged_by_leaves(ev: &Evaluator, rule: &CompiledRule) -> bool {
        let not_known = |answer: Option<Answer>| answer == Some(Answer::NotKnown);
        ev.program.leaves(rule).any(|(node, leaf)| {
            let holds = ev.truths[node as usize] == Truth::True;
            match leaf {
                // The child's age alone engages nothing.
                Leaf::Age { .. } => false,
                Leaf::Yes(i) | Leaf::Events { indicator: i, .. } => not_known(ev.inputs.answers[i as usize]) || holds,
                // As the tests for yes and for "not known" that each stands for.
                Leaf::AnsweredYes(i) | Leaf::AnsweredNo(i) => matches!(ev.inputs.answers[i as usize], Some(Answer::Yes | Answer::NotKnown)),
                Leaf::NotKnown(i) | Leaf::AnsweredNotKnown(i) => not_known(ev.inputs.answers[i as usize]),
                Leaf::Fact(fact) | Leaf::FactAnsweredYes(fact) => not_known(ev.inputs.facts[fact as usize]) || holds,
                Leaf::Referral(_) | Leaf::WorryRecorded | Leaf::JudgementLower | Leaf::HarmSuspected => holds,
            }
        })
    }

    /// The rules found engaged from the inputs a case gives are those engaged by some leaf: for
    /// every rule of every case of the bank and the scenarios, and again with a worry, a
    /// judgement and a suspicion (the leaves that hold whatever is answered).
    #[test]
    fn engaged_from_the_inputs_is_engaged_by_some_leaf() {
        let mut engaged = 0;
        each_settled_case(|at, _, mut ev| {
            for late in [None, Some(Input::Worry), Some(Input::JudgementLower), Some(Input::HarmSuspected)] {
                match late {
                    Some(Input::Worry) => ev.inputs.worried = true,
                    Some(Input::JudgementLower) => ev.inputs.judgement_lower = true,
                    Some(_) => ev.inputs.harm_suspected = true,
                    None => {}
                }
                if let Some(late) = late {
                    ev.unsettle(late);
                    ev.settle();
                }
                let found: Vec<usize> = members(&ev.engaged()).collect();
                for (position, rule) in ev.program.rules.iter().enumerate() {
                    assert_eq!(found.contains(&position), engaged_by_leaves(&ev, rule), "{at}, rule {} with {late:?}", rule.id);
                }
                engaged += found.len();
            }
        });
        assert!(engaged > 10_000, "only {engaged} rules were engaged");
    }

    /// The truth of `node` with `supposed` in place: the condition evaluated again, leaf by leaf.
    fn supposed_truth(ev: &Evaluator, node: u32, supposed: Supposition) -> Truth {
        supposed_truth_of_all(ev, node, &[supposed])
    }

    /// [`supposed_truth`] with several suppositions in place at once (each about its own var).
    fn supposed_truth_of_all(ev: &Evaluator, node: u32, suppositions: &[Supposition]) -> Truth {
        ev.combine(
            node,
            |kid| supposed_truth_of_all(ev, kid, suppositions),
            |leaf| suppositions.iter().find_map(|supposed| supposed_leaf(node, leaf, *supposed)).unwrap_or(ev.truths[node as usize]),
        )
    }

    /// The truth of the leaf `node` under `supposed`, if it reads its var.
    fn supposed_leaf(node: u32, leaf: Leaf, supposed: Supposition) -> Option<Truth> {
        let Supposition { var, value } = supposed;
        Some(match (leaf, var) {
            (Leaf::Yes(i) | Leaf::AnsweredYes(i), Var::Indicator(j)) if i == j => Truth::from_bool(value),
            (Leaf::AnsweredNo(i), Var::Indicator(j)) if i == j => Truth::from_bool(!value),
            (Leaf::NotKnown(i) | Leaf::AnsweredNotKnown(i), Var::Indicator(j)) if i == j => Truth::False,
            (Leaf::Fact(fact) | Leaf::FactAnsweredYes(fact), Var::Fact(supposed)) if fact == supposed => Truth::from_bool(value),
            (Leaf::Referral(outcome), Var::Referral(supposed)) => Truth::from_bool(value && outcome == supposed),
            (Leaf::Age { .. } | Leaf::Events { .. }, Var::Leaf(at)) if at == node => Truth::from_bool(value),
            _ => return None,
        })
    }

    /// The open-question search's one pass says a rule holds under a supposition exactly when
    /// evaluating it again with that supposition does: for every rule of every case of the bank
    /// and the scenarios, each unknown it reads supposed yes and no.
    #[test]
    fn supposing_in_one_pass_is_evaluating_again() {
        let (mut scratch, mut suppositions, mut compared) = (Scratch::default(), Vec::new(), 0);
        each_settled_case(|at, _, ev| {
            let program = ev.program;
            scratch.slots.size_for(program);
            for rule in &program.rules {
                suppositions.clear();
                scratch.slots.clear();
                for (node, leaf) in program.leaves(rule) {
                    let Some(var) = ev.unknown_var(node, leaf) else { continue };
                    if scratch.slots.get(var).is_none() {
                        scratch.slots.claim(var, suppositions.len());
                        suppositions.extend([true, false].map(|value| (leaf, Supposition { var, value })));
                    }
                }
                let holds = ev.suppose_each(rule.root, &suppositions, &mut scratch);
                for (&(_, supposed), holds) in suppositions.iter().zip(holds) {
                    assert_eq!(*holds, supposed_truth(&ev, rule.root, supposed) == Truth::True, "{at}, rule {}", rule.id);
                    compared += 1;
                }
            }
        });
        assert!(compared > 100_000, "only {compared} suppositions were compared");
    }

    /// What leads a question asked together is what the rule needs: with it still unknown, no
    /// answers to the rest make the rule hold (each supposed yes, and each supposed no). And a rule
    /// whose question is dropped, as something it needs cannot be asked, holds under no answers to
    /// what can be (each supposed yes, and each no). For every rule of every case of the bank and
    /// the scenarios whose unknowns no single answer decides.
    #[test]
    fn what_leads_a_question_asked_together_is_needed_first() {
        let (mut scratch, mut suppositions, mut led, mut dropped) = (Scratch::default(), Vec::new(), 0, 0);
        let all = |suppositions: &[(Leaf, Supposition)], value: bool, only: &dyn Fn(usize) -> bool| -> Vec<Supposition> {
            suppositions.iter().enumerate().filter(|(i, (_, s))| s.value && only(*i)).map(|(_, (_, s))| Supposition { var: s.var, value }).collect()
        };
        each_settled_case(|at, _, ev| {
            let program = ev.program;
            scratch.slots.size_for(program);
            for (position, rule) in program.rules.iter().enumerate() {
                if ev.truths[rule.root as usize] != Truth::Unknown {
                    continue;
                }
                ev.suppose_for(position, &mut suppositions, &mut scratch.slots);
                if suppositions.is_empty() || ev.suppose_each(rule.root, &suppositions, &mut scratch).iter().any(|holds| *holds) {
                    continue;
                }
                let asked = ev.mark_lead(rule.root, suppositions.len(), &mut scratch);
                let lead = scratch.lead.clone();
                let only: &dyn Fn(usize) -> bool = if asked { &|i| !lead.contains(&i) } else { &|_| true };
                for value in [true, false] {
                    let supposed = all(&suppositions, value, only);
                    assert_ne!(supposed_truth_of_all(&ev, rule.root, &supposed), Truth::True, "{at}, rule {}, all supposed {value}", rule.id);
                }
                if asked {
                    assert!(!lead.is_empty(), "{at}, rule {}: nothing leads", rule.id);
                    led += 1;
                } else {
                    dropped += 1;
                }
            }
        });
        assert!(led > 10_000 && dropped > 100, "only {led} questions led and {dropped} dropped");
    }
}
