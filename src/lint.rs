//! Checks that a valid ruleset is also a sensible one: every rule can fire, everything defined
//! is used, every rule cites a source, every level can be reached; and, by simple heuristics, that
//! a rule with a route sets a level, that what a rule's reason tells the practitioner to do is
//! also in its actions, routes or prompts, and that a floor for one age band is meant to be one.
//!
//! Findings are data, never errors. An author who has looked at a finding and accepts it writes
//! the reason in the item's `allow` map, under the finding's code; the finding is then reported
//! as explained.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::engine::Engine;
use crate::json::Named;
use crate::program::{Allow, CompiledRule, Leaf, Node, Program, RuleKind};
use crate::ruleset::{Fact, LintCode, ReferralOutcome};

/// An age test whose `maxMonths` is below this leaves out some children under 18 (215 months
/// is 17 years and 11 months, the last month of childhood).
const LAST_MONTH_OF_CHILDHOOD: i32 = 215;

/// How many rules with the same risk an `age-limited-floor` message names.
const SAME_RISK_NAMED: usize = 3;

/// More combinations than this and a rule is not searched for satisfiability.
const MAX_COMBINATIONS: u64 = 1 << 16;

/// Something a valid ruleset says that its authors probably did not mean.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// What kind of finding, as written in `allow` maps.
    pub code: LintCode,
    /// Where, as `rules[12].when`.
    pub path: String,
    /// What, for a person.
    pub message: String,
    /// The author's reason for accepting it, from the item's `allow` map.
    pub explained: Option<String>,
}

/// Lints a compiled ruleset (without its profile: the profile does not change what is used).
pub fn lint(engine: &Engine) -> Vec<Finding> {
    findings(&engine.program)
}

fn findings(program: &Program) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut report = |code: LintCode, path: String, message: String, allow: &Allow| {
        let explained = allow.iter().find(|(c, _)| *c == code).map(|(_, why)| why.clone());
        findings.push(Finding { code, path, message, explained });
    };

    let mut used = Used::default();
    for rule in &program.rules {
        let then = &rule.then;
        used.levels.extend(then.level);
        used.actions.extend(&then.actions);
        used.routes.extend(&then.routes);
        used.prompts.extend(&then.prompts);
        used.first_stage = used.first_stage.min(then.escalate_from.map_or(usize::MAX, usize::from));
        used.indicators.extend(program.leaves(rule).filter_map(|(_, leaf)| leaf.indicator()));
    }
    for level in &program.levels {
        used.actions.extend(&level.actions);
        used.routes.extend(&level.routes);
    }
    for route in &program.routes {
        used.contacts.extend(&route.contacts);
    }
    for stage in &program.stages {
        used.contacts.extend(stage.contact);
    }

    // Each rule's condition in one canonical form, computed once: rules with the same
    // condition are duplicates, and an age-limited floor is compared with rules for the same risk.
    let conditions: Vec<String> =
        program.rules.iter().map(|rule| if rule.kind == RuleKind::Rule { canonical(program, rule.root) } else { String::new() }).collect();
    let mut by_condition: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, _) in program.rules.iter().enumerate().filter(|(_, r)| r.kind == RuleKind::Rule) {
        by_condition.entry(&conditions[i]).or_default().push(i);
    }
    for (i, rule) in program.rules.iter().enumerate().filter(|(_, r)| r.kind == RuleKind::Rule) {
        let path = format!("rules[{i}]");
        let then = &rule.then;
        if !can_fire(program, rule.root) {
            report(
                LintCode::NeverFires,
                format!("{path}.when"),
                format!("rule \"{}\" can never fire: no answers make its condition true", rule.id),
                &rule.allow,
            );
        }
        if rule.sources.is_empty() {
            report(LintCode::MissingSource, format!("{path}.sources"), format!("rule \"{}\" cites no source", rule.id), &rule.allow);
        }
        if !then.routes.is_empty() && then.level.is_none() {
            let routes: Vec<String> = then.routes.iter().map(|r| format!("\"{}\"", program.routes[usize::from(*r)].id)).collect();
            let message = format!(
                "rule \"{}\" gives the route{} {} but sets no level: a route means someone must be told, and without a level the headline can say less than the route; set the level the route implies",
                rule.id,
                if routes.len() == 1 { "" } else { "s" },
                routes.join(", ")
            );
            report(LintCode::RouteWithoutLevel, format!("{path}.then"), message, &rule.allow);
        }
        if let Some(message) = response_in_reason_only(program, rule) {
            report(LintCode::ResponseInReasonOnly, format!("{path}.reason"), message, &rule.allow);
        }
        if let Some(message) = age_limited_floor(program, rule, &by_condition) {
            report(LintCode::AgeLimitedFloor, format!("{path}.when"), message, &rule.allow);
        }
        if let Some(message) = age_already_asked(program, rule) {
            report(LintCode::AgeAlreadyAsked, format!("{path}.when"), message, &rule.allow);
        }
        if let Some(message) = never_fits(program, rule) {
            report(LintCode::NeverFits, format!("{path}.then"), message, &rule.allow);
        }
        // The first rule with this condition is the original; any later one is a duplicate.
        let first = by_condition[conditions[i].as_str()][0];
        if first != i {
            report(
                LintCode::DuplicateCondition,
                format!("{path}.when"),
                format!("rule \"{}\" has the same condition as rules[{first}] (\"{}\"); merge them", rule.id, program.rules[first].id),
                &rule.allow,
            );
        }
    }
    for (order, level) in program.levels.iter().enumerate() {
        if order > 0 && !used.levels.contains(&(order as u8)) {
            let message = format!("no rule sets the level \"{}\"; only the practitioner's own judgement can reach it", level.id);
            report(LintCode::UnreachableLevel, format!("levels[{}]", level.position), message, &level.allow);
        }
    }
    for (i, indicator) in program.indicators.iter().enumerate() {
        if !used.indicators.contains(&(i as u16)) {
            report(LintCode::UnusedIndicator, format!("indicators[{i}]"), format!("no rule asks about \"{}\"", indicator.id), &indicator.allow);
        }
    }
    for (i, route) in program.routes.iter().enumerate() {
        if !used.routes.contains(&(i as u16)) {
            report(LintCode::UnusedRoute, format!("routes[{i}]"), format!("no rule or level refers to \"{}\"", route.id), &route.allow);
        }
    }
    for (i, stage) in program.stages.iter().enumerate().take(used.first_stage) {
        report(LintCode::UnusedStage, format!("escalation[{i}]"), format!("no escalation reaches the stage \"{}\"", stage.id), &stage.allow);
    }
    for (i, prompt) in program.prompts.iter().enumerate() {
        if !used.prompts.contains(&(i as u16)) {
            report(LintCode::UnusedPrompt, format!("prompts[{i}]"), format!("no rule gives the prompt \"{}\"", prompt.id), &prompt.allow);
        }
    }
    for (i, action) in program.actions.iter().enumerate() {
        if !used.actions.contains(&(i as u16)) {
            report(LintCode::UnusedAction, format!("actions[{i}]"), format!("no rule or level gives the action \"{}\"", action.id), &action.allow);
        }
    }
    for (i, contact) in program.contacts.iter().enumerate() {
        if !used.contacts.contains(&(i as u16)) {
            report(LintCode::UnusedContact, format!("contacts[{i}]"), format!("no route or escalation stage lists \"{}\"", contact.id), &Allow::new());
        }
    }
    for (i, source) in program.sources.iter().enumerate() {
        if !source.cited {
            report(LintCode::UnusedSource, format!("meta.sources[{i}]"), format!("nothing cites \"{}\"", source.id), &source.allow);
        }
    }
    findings
}

/// `never-fits`: a rule that gives an action, route or prompt whose ages it can never fire at
/// (the engine never shows an item outside its ages, so the rule silently gives less than it
/// says: a midwife for a pregnant teenager, behind a route for children under five).
fn never_fits(program: &Program, rule: &CompiledRule) -> Option<String> {
    let (min, max) = certain_ages(program, rule.root);
    let outside = |fit: &crate::program::Fit| {
        let (from, to) = fit.ages.bounds();
        to < min || from > max
    };
    let named = |kind: &str, id: &str, fit: &crate::program::Fit| outside(fit).then(|| format!("the {kind} \"{id}\""));
    let then = &rule.then;
    let items: Vec<String> = (then.actions.iter().map(|a| &program.actions[usize::from(*a)]).filter_map(|a| named("action", &a.id, &a.fit)))
        .chain(then.routes.iter().map(|r| &program.routes[usize::from(*r)]).filter_map(|r| named("route", &r.id, &r.fit)))
        .chain(then.prompts.iter().map(|p| &program.prompts[usize::from(*p)]).filter_map(|p| named("prompt", &p.id, &p.fit)))
        .collect();
    (!items.is_empty()).then(|| {
        format!(
            "rule \"{}\" gives {}, for ages it never fires at ({}): the engine never shows it, so give an item for this rule's ages instead",
            rule.id,
            items.join(", "),
            age_span(min, max)
        )
    })
}

/// `age-already-asked`: a rule that needs both a yes to a question asked only at some ages ("a
/// homeless 16 or 17 year old") and an age test those ages already meet. With no age given the
/// rule cannot fire, though the answer says the age: the age test only loses the case.
fn age_already_asked(program: &Program, rule: &CompiledRule) -> Option<String> {
    let Node::All { start, end } = program.nodes[rule.root as usize] else { return None };
    let (min, max) = certain_ages(program, rule.root);
    if (min, max) == (i32::MIN, i32::MAX) {
        return None;
    }
    let asked = program.kids[start as usize..end as usize].iter().find_map(|kid| match program.nodes[*kid as usize] {
        Node::Leaf(Leaf::Yes(i)) => {
            let indicator = &program.indicators[usize::from(i)];
            let (from, to) = indicator.ages.bounds();
            // An indicator asked at every age has open bounds, which no certain age test contains.
            (from >= min && to <= max).then_some(indicator)
        }
        _ => None,
    })?;
    Some(format!(
        "rule \"{}\" tests the age ({}) as well as \"{}\", which is asked only at ages within it: with no age given the rule cannot fire, though the answer says the age; drop the age test",
        rule.id,
        age_span(min, max),
        asked.id
    ))
}

/// The ages a condition can hold at, as far as it says for certain: an age test at its root, or
/// among what its root's `all` needs.
fn certain_ages(program: &Program, root: u32) -> (i32, i32) {
    match program.nodes[root as usize] {
        Node::All { start, end } => program.kids[start as usize..end as usize]
            .iter()
            .filter_map(|kid| age_test(program, *kid))
            .fold((i32::MIN, i32::MAX), |(lo, hi), (min, max)| (lo.max(min), hi.min(max))),
        Node::Leaf(_) | Node::Any { .. } | Node::Not(_) | Node::AtLeast { .. } => age_test(program, root).unwrap_or((i32::MIN, i32::MAX)),
    }
}

/// An age span in months, for a message.
fn age_span(min: i32, max: i32) -> String {
    match (min, max) {
        (i32::MIN, max) => format!("up to {max} months"),
        (min, i32::MAX) => format!("from {min} months"),
        (min, max) => format!("{min} to {max} months"),
    }
}

/// Words in a reason that tell the practitioner to do something. Matched as whole words (or
/// whole word pairs), case-insensitively, so "refer" matches "Refer to..." but not "referral".
const RESPONSE_WORDS: &[&str] = &["refer", "call", "report", "tell", "notify", "do not", "don't", "never", "must", "ask for", "arrange", "contact"];

/// Words that tell the practitioner not to do something.
const NEGATIVE_WORDS: &[&str] = &["do not", "don't", "never"];

/// `response-in-reason-only`: a rule whose reason tells the practitioner to do something that
/// nothing else in the rule carries. The heuristic, deliberately simple:
///
/// 1. the reason contains one of [`RESPONSE_WORDS`] as a whole word or word pair (ignoring
///    case; a curly apostrophe counts as a straight one); and
/// 2. either the rule's own `then` gives no action, route or prompt at all (its level does not
///    count: a reason is read beside the rule's own consequences), or the reason contains one of
///    [`NEGATIVE_WORDS`] and none of the rule's own actions' texts does.
///
/// A reason that explains rather than instructs ("must be believed") is a false positive the
/// author accepts with `allow`.
fn response_in_reason_only(program: &Program, rule: &CompiledRule) -> Option<String> {
    let said = words_in(&rule.reason, RESPONSE_WORDS);
    if said.is_empty() {
        return None;
    }
    let then = &rule.then;
    let quoted = |words: &[&str]| words.iter().map(|w| format!("\"{w}\"")).collect::<Vec<_>>().join(", ");
    if then.actions.is_empty() && then.routes.is_empty() && then.prompts.is_empty() {
        return Some(format!(
            "the reason of rule \"{}\" tells the practitioner what to do ({}) but the rule gives no action, route or prompt, so the response is only in the reason; put it in an action, route or prompt",
            rule.id,
            quoted(&said)
        ));
    }
    let negatives = words_in(&rule.reason, NEGATIVE_WORDS);
    let actions_say_not = then.actions.iter().any(|a| !words_in(&program.actions[usize::from(*a)].text, NEGATIVE_WORDS).is_empty());
    if !negatives.is_empty() && !actions_say_not {
        return Some(format!(
            "the reason of rule \"{}\" tells the practitioner what not to do ({}) but none of the rule's actions says so; put the warning in an action",
            rule.id,
            quoted(&negatives)
        ));
    }
    None
}

/// Which of `wanted` (single words or word pairs) occur in `text` as whole words, in the order
/// of `wanted`.
fn words_in<'w>(text: &str, wanted: &[&'w str]) -> Vec<&'w str> {
    let text = text.to_lowercase().replace('\u{2019}', "'");
    let words: Vec<&str> = text.split(|c: char| !(c.is_alphanumeric() || c == '\'')).map(|w| w.trim_matches('\'')).filter(|w| !w.is_empty()).collect();
    wanted
        .iter()
        .copied()
        .filter(|phrase| {
            let phrase: Vec<&str> = phrase.split(' ').collect();
            words.windows(phrase.len()).any(|window| window == phrase.as_slice())
        })
        .collect()
}

/// `age-limited-floor`: a rule that sets a level and whose condition is `all` of an age test
/// with a `maxMonths` below 215 (so some children under 18 are left out) and at least one other
/// condition (an age test inside an `any` widens a condition rather than narrowing it, and is
/// not counted). Such a floor applies to one age band only; the author should say why the age
/// matters, or give older children with the same risk the same floor. The message names any rule
/// whose whole condition is the same other parts, and the level it sets.
fn age_limited_floor(program: &Program, rule: &CompiledRule, by_condition: &BTreeMap<&str, Vec<usize>>) -> Option<String> {
    let level = rule.then.level?;
    let Node::All { start, end } = program.nodes[rule.root as usize] else { return None };
    let kids = &program.kids[start as usize..end as usize];
    let max = kids.iter().filter_map(|k| age_test(program, *k)).map(|(_, max)| max).filter(|max| *max < LAST_MONTH_OF_CHILDHOOD).min()?;
    let others: Vec<u32> = kids.iter().copied().filter(|k| age_test(program, *k).is_none()).collect();
    if others.is_empty() {
        return None;
    }
    let band = if max < 0 {
        "unborn babies".to_string()
    } else if (max + 1) % 12 == 0 {
        let years = (max + 1) / 12;
        format!("children under {years} year{}", if years == 1 { "" } else { "s" })
    } else {
        format!("children aged {max} months or younger")
    };
    // The same other parts, as a whole condition: one part alone, or `all` of them.
    let rest = if let [only] = others[..] {
        canonical(program, only)
    } else {
        let mut parts: Vec<String> = others.iter().map(|k| canonical(program, *k)).collect();
        parts.sort();
        parts.dedup();
        format!("all({})", parts.join(","))
    };
    // A few rules are named, not all: one message per floor naming every rule with the same
    // risk would make the lint quadratic in a ruleset that repeats a condition.
    let same_rules = by_condition.get(rest.as_str()).map_or(&[][..], Vec::as_slice);
    let mut same: Vec<String> = same_rules
        .iter()
        .take(SAME_RISK_NAMED)
        .map(|i| &program.rules[*i])
        .map(|r| match r.then.level {
            Some(l) => format!("rule \"{}\" sets \"{}\" for the same risk at any age", r.id, program.levels[usize::from(l)].id),
            None => format!("rule \"{}\" has the same risk at any age but sets no level", r.id),
        })
        .collect();
    if same_rules.len() > SAME_RISK_NAMED {
        same.push(format!("and {} more", same_rules.len() - SAME_RISK_NAMED));
    }
    let elsewhere = if same.is_empty() { "no rule gives the same risk a level at every age".to_string() } else { same.join("; ") };
    Some(format!(
        "rule \"{}\" sets the level \"{}\" only for {band} ({elsewhere}): would an older child with the same risk get the same floor? If so, widen or drop the age test; if the age itself matters, say why in allow",
        rule.id,
        program.levels[usize::from(level)].id
    ))
}

struct Used {
    indicators: BTreeSet<u16>,
    levels: BTreeSet<u8>,
    routes: BTreeSet<u16>,
    prompts: BTreeSet<u16>,
    actions: BTreeSet<u16>,
    contacts: BTreeSet<u16>,
    /// The earliest stage any escalation starts from.
    first_stage: usize,
}

impl Default for Used {
    fn default() -> Used {
        Used {
            indicators: BTreeSet::new(),
            levels: BTreeSet::new(),
            routes: BTreeSet::new(),
            prompts: BTreeSet::new(),
            actions: BTreeSet::new(),
            contacts: BTreeSet::new(),
            first_stage: usize::MAX,
        }
    }
}

/// The bounds of an age test, in months, if `node` is one.
fn age_test(program: &Program, node: u32) -> Option<(i32, i32)> {
    match program.nodes[node as usize] {
        Node::Leaf(Leaf::Age { min, max }) => Some((min, max)),
        Node::Leaf(
            Leaf::Yes(_)
            | Leaf::NotKnown(_)
            | Leaf::AnsweredNotKnown(_)
            | Leaf::AnsweredYes(_)
            | Leaf::AnsweredNo(_)
            | Leaf::Events { .. }
            | Leaf::Fact(_)
            | Leaf::FactAnsweredYes(_)
            | Leaf::Referral(_),
        ) => None,
        Node::Leaf(Leaf::WorryRecorded | Leaf::JudgementLower | Leaf::HarmSuspected) => None,
        Node::All { .. } | Node::Any { .. } | Node::Not(_) | Node::AtLeast { .. } => None,
    }
}

/// A form of the condition that ignores the order of `all`, `any` and `atLeast` lists.
fn canonical(program: &Program, node: u32) -> String {
    let list = |name: &str, start: u32, end: u32| {
        let mut parts: Vec<String> = program.kids[start as usize..end as usize].iter().map(|k| canonical(program, *k)).collect();
        parts.sort();
        parts.dedup();
        format!("{name}({})", parts.join(","))
    };
    match program.nodes[node as usize] {
        Node::All { start, end } => list("all", start, end),
        Node::Any { start, end } => list("any", start, end),
        Node::AtLeast { n, start, end } => list(&format!("atLeast{n}"), start, end),
        Node::Not(kid) => format!("not({})", canonical(program, kid)),
        Node::Leaf(leaf) => format!("{leaf:?}"),
    }
}

/// What one variable of a condition can be, for an exhaustive search.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Var {
    Indicator(u16),
    Fact(Fact),
    Referral,
    Age,
    /// Each count test is searched as an independent yes or no.
    Count(u32),
}

const NO: i64 = 0;
const YES: i64 = 1;
const NOT_KNOWN: i64 = 2;

/// Whether any answers make the condition certainly true. Each indicator is yes, no or not
/// known; each fact yes or no; the age takes a value on each side of every bound.
fn can_fire(program: &Program, root: u32) -> bool {
    let mut vars: BTreeMap<Var, Vec<i64>> = BTreeMap::new();
    collect(program, root, &mut vars);
    let space = vars.values().try_fold(1u64, |product, values| product.checked_mul(values.len().max(1) as u64));
    if space.is_none_or(|size| size > MAX_COMBINATIONS) {
        return true; // too big to search; assume it can
    }
    let keys: Vec<Var> = vars.keys().copied().collect();
    let mut choice = vec![0usize; keys.len()];
    loop {
        let assignment: BTreeMap<Var, i64> = keys.iter().zip(&choice).map(|(k, c)| (*k, vars[k][*c])).collect();
        if holds(program, root, &assignment) {
            return true;
        }
        // Next combination, odometer style.
        let mut digit = 0;
        loop {
            if digit == keys.len() {
                return false;
            }
            choice[digit] += 1;
            if choice[digit] < vars[&keys[digit]].len() {
                break;
            }
            choice[digit] = 0;
            digit += 1;
        }
    }
}

fn collect(program: &Program, node: u32, vars: &mut BTreeMap<Var, Vec<i64>>) {
    match program.nodes[node as usize] {
        Node::Not(kid) => collect(program, kid, vars),
        Node::All { start, end } | Node::Any { start, end } | Node::AtLeast { start, end, .. } => {
            for kid in &program.kids[start as usize..end as usize] {
                collect(program, *kid, vars);
            }
        }
        Node::Leaf(Leaf::Yes(i) | Leaf::NotKnown(i) | Leaf::AnsweredNotKnown(i) | Leaf::AnsweredYes(i) | Leaf::AnsweredNo(i)) => {
            vars.insert(Var::Indicator(i), vec![NO, YES, NOT_KNOWN]);
        }
        Node::Leaf(Leaf::Fact(fact) | Leaf::FactAnsweredYes(fact)) => {
            vars.insert(Var::Fact(fact), vec![0, YES]);
        }
        Node::Leaf(Leaf::Referral(_)) => {
            vars.insert(Var::Referral, (0..ReferralOutcome::ALL.len() as i64).collect());
        }
        Node::Leaf(Leaf::Age { min, max }) => {
            let ages = vars.entry(Var::Age).or_default();
            for bound in [min, max] {
                let bound = i64::from(bound);
                ages.extend([bound - 1, bound, bound + 1]);
            }
            ages.sort_unstable();
            ages.dedup();
        }
        Node::Leaf(Leaf::Events { .. }) => {
            vars.insert(Var::Count(node), vec![0, 1]);
        }
        Node::Leaf(Leaf::WorryRecorded) | Node::Leaf(Leaf::JudgementLower) | Node::Leaf(Leaf::HarmSuspected) => {}
    }
}

fn holds(program: &Program, node: u32, assignment: &BTreeMap<Var, i64>) -> bool {
    let value = |var: Var| assignment.get(&var).copied().unwrap_or(0);
    let kids = |start: u32, end: u32| program.kids[start as usize..end as usize].iter().map(|k| holds(program, *k, assignment));
    match program.nodes[node as usize] {
        Node::All { start, end } => kids(start, end).fold(true, |a, b| a & b),
        Node::Any { start, end } => kids(start, end).fold(false, |a, b| a | b),
        Node::AtLeast { n, start, end } => kids(start, end).filter(|b| *b).count() >= usize::from(n),
        Node::Not(kid) => !holds(program, kid, assignment),
        Node::Leaf(Leaf::Yes(i) | Leaf::AnsweredYes(i)) => value(Var::Indicator(i)) == YES,
        Node::Leaf(Leaf::AnsweredNo(i)) => value(Var::Indicator(i)) == NO,
        Node::Leaf(Leaf::NotKnown(i)) | Node::Leaf(Leaf::AnsweredNotKnown(i)) => value(Var::Indicator(i)) == NOT_KNOWN,
        Node::Leaf(Leaf::Fact(fact) | Leaf::FactAnsweredYes(fact)) => value(Var::Fact(fact)) == YES,
        Node::Leaf(Leaf::Referral(outcome)) => value(Var::Referral) == outcome as i64,
        Node::Leaf(Leaf::Age { min, max }) => (i64::from(min)..=i64::from(max)).contains(&value(Var::Age)),
        Node::Leaf(Leaf::Events { .. }) => value(Var::Count(node)) == 1,
        Node::Leaf(Leaf::WorryRecorded) | Node::Leaf(Leaf::JudgementLower) | Node::Leaf(Leaf::HarmSuspected) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::{words_in, NEGATIVE_WORDS, RESPONSE_WORDS};

    #[test]
    fn response_words_are_whole_words_or_pairs() {
        assert_eq!(words_in("Refer to children's social care; do NOT tell the parents.", RESPONSE_WORDS), ["refer", "tell", "do not"]);
        assert_eq!(words_in("Don\u{2019}t wait: call 999.", RESPONSE_WORDS), ["call", "don't"]);
        assert!(words_in("A referral was made, then recalled. Do nothing else.", RESPONSE_WORDS).is_empty());
        assert_eq!(words_in("Ask for a strategy discussion.", RESPONSE_WORDS), ["ask for"]);
        assert!(words_in("Ask the family.", RESPONSE_WORDS).is_empty());
        assert_eq!(words_in("Never leave them alone.", NEGATIVE_WORDS), ["never"]);
    }
}
