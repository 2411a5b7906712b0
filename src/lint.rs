//! Checks that a valid ruleset is also a sensible one: every rule can fire, everything defined
//! is used, every rule cites a source, every level can be reached.
//!
//! Findings are data, never errors. An author who has looked at a finding and accepts it writes
//! the reason in the item's `allow` map, under the finding's code; the finding is then reported
//! as explained.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::ruleset::{Allow, Condition, Consequences, Fact, ReferralOutcome, Ruleset};

/// Every lint code, as written in `allow` maps.
pub const LINT_CODES: &[&str] = &[
    "never-fires",
    "duplicate-condition",
    "missing-source",
    "unreachable-level",
    "unused-indicator",
    "unused-route",
    "unused-stage",
    "unused-prompt",
    "unused-action",
    "unused-contact",
    "unused-source",
];

/// More combinations than this and a rule is not searched for satisfiability.
const MAX_COMBINATIONS: u64 = 1 << 16;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub code: &'static str,
    pub path: String,
    pub message: String,
    /// The author's reason for accepting it, from the item's `allow` map.
    pub explained: Option<String>,
}

/// Lints a ruleset. Run it on rulesets that [`crate::Engine::new`] accepts: references that do
/// not resolve are skipped here, since compiling reports them.
pub fn lint(ruleset: &Ruleset) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut report = |code: &'static str, path: String, message: String, allow: &Allow| {
        findings.push(Finding { code, path, message, explained: allow.get(code).cloned() });
    };

    let mut used = Used::default();
    for rule in &ruleset.rules {
        used.condition(&rule.when);
        used.consequences(&rule.then);
        used.sources.extend(rule.sources.iter().map(|c| c.source.as_str()));
    }
    let safeguards = [&ruleset.safeguards.worry_recorded, &ruleset.safeguards.worry_persists, &ruleset.safeguards.judgement_lower];
    for safeguard in safeguards {
        used.consequences(&safeguard.then);
        used.sources.extend(safeguard.sources.iter().map(|c| c.source.as_str()));
    }
    // A closed referral with a persisting worry escalates from the first stage unless told otherwise.
    if ruleset.safeguards.worry_persists.then.escalate_from.is_none() {
        used.first_stage = Some(0);
    }
    for level in &ruleset.levels {
        used.actions.extend(level.actions.iter().map(String::as_str));
        used.routes.extend(level.routes.iter().map(String::as_str));
    }
    for route in &ruleset.routes {
        used.contacts.extend(route.contacts.iter().map(String::as_str));
        used.sources.extend(route.sources.iter().map(|c| c.source.as_str()));
    }
    for stage in &ruleset.escalation {
        used.contacts.extend(stage.contact.as_deref());
        used.sources.extend(stage.sources.iter().map(|c| c.source.as_str()));
    }
    for item in ruleset.indicators.iter().map(|i| &i.sources).chain(ruleset.prompts.iter().map(|p| &p.sources)) {
        used.sources.extend(item.iter().map(|c| c.source.as_str()));
    }
    let first_stage = used
        .stages
        .iter()
        .filter_map(|id| ruleset.escalation.iter().position(|s| s.id == *id))
        .chain(used.first_stage)
        .min();

    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (i, rule) in ruleset.rules.iter().enumerate() {
        let path = format!("rules[{i}]");
        if !can_fire(&rule.when) {
            report("never-fires", format!("{path}.when"), format!("rule \"{}\" can never fire: no answers make its condition true", rule.id), &rule.allow);
        }
        if rule.sources.is_empty() {
            report("missing-source", format!("{path}.sources"), format!("rule \"{}\" cites no source", rule.id), &rule.allow);
        }
        let canonical = canonical(&rule.when);
        match seen.get(&canonical) {
            Some(first) => report(
                "duplicate-condition",
                format!("{path}.when"),
                format!("rule \"{}\" has the same condition as rules[{first}] (\"{}\"); merge them", rule.id, ruleset.rules[*first].id),
                &rule.allow,
            ),
            None => {
                seen.insert(canonical, i);
            }
        }
    }

    let lowest = ruleset.levels.iter().map(|l| l.rank).min();
    for (i, level) in ruleset.levels.iter().enumerate() {
        if Some(level.rank) != lowest && !used.levels.contains(level.id.as_str()) {
            report("unreachable-level", format!("levels[{i}]"), format!("no rule sets the level \"{}\"; only the practitioner's own judgement can reach it", level.id), &level.allow);
        }
    }
    for (i, indicator) in ruleset.indicators.iter().enumerate() {
        if !used.indicators.contains(indicator.id.as_str()) {
            report("unused-indicator", format!("indicators[{i}]"), format!("no rule asks about \"{}\"", indicator.id), &indicator.allow);
        }
    }
    for (i, route) in ruleset.routes.iter().enumerate() {
        if !used.routes.contains(route.id.as_str()) {
            report("unused-route", format!("routes[{i}]"), format!("no rule or level refers to \"{}\"", route.id), &route.allow);
        }
    }
    for (i, stage) in ruleset.escalation.iter().enumerate() {
        if first_stage.is_none_or(|first| i < first) {
            report("unused-stage", format!("escalation[{i}]"), format!("no escalation reaches the stage \"{}\"", stage.id), &stage.allow);
        }
    }
    for (i, prompt) in ruleset.prompts.iter().enumerate() {
        if !used.prompts.contains(prompt.id.as_str()) {
            report("unused-prompt", format!("prompts[{i}]"), format!("no rule gives the prompt \"{}\"", prompt.id), &prompt.allow);
        }
    }
    for (i, action) in ruleset.actions.iter().enumerate() {
        if !used.actions.contains(action.id.as_str()) {
            report("unused-action", format!("actions[{i}]"), format!("no rule or level gives the action \"{}\"", action.id), &action.allow);
        }
    }
    let no_allow = Allow::default();
    for (i, contact) in ruleset.contacts.iter().enumerate() {
        if !used.contacts.contains(contact.id.as_str()) {
            report("unused-contact", format!("contacts[{i}]"), format!("no route or escalation stage lists \"{}\"", contact.id), &no_allow);
        }
    }
    for (i, source) in ruleset.meta.sources.iter().enumerate() {
        if !used.sources.contains(source.id.as_str()) {
            report("unused-source", format!("meta.sources[{i}]"), format!("nothing cites \"{}\"", source.id), &source.allow);
        }
    }
    findings
}

#[derive(Default)]
struct Used<'a> {
    indicators: BTreeSet<&'a str>,
    levels: BTreeSet<&'a str>,
    routes: BTreeSet<&'a str>,
    stages: BTreeSet<&'a str>,
    prompts: BTreeSet<&'a str>,
    actions: BTreeSet<&'a str>,
    contacts: BTreeSet<&'a str>,
    sources: BTreeSet<&'a str>,
    first_stage: Option<usize>,
}

impl<'a> Used<'a> {
    fn condition(&mut self, condition: &'a Condition) {
        match condition {
            Condition::All(list) | Condition::Any(list) => list.iter().for_each(|c| self.condition(c)),
            Condition::AtLeast(at_least) => at_least.of.iter().for_each(|c| self.condition(c)),
            Condition::Not(inner) => self.condition(inner),
            Condition::Yes(id) | Condition::NotKnown(id) => {
                self.indicators.insert(id);
            }
            Condition::Events(count) => {
                self.indicators.insert(&count.indicator);
            }
            Condition::Age(_) | Condition::Fact(_) | Condition::Referral(_) => {}
        }
    }

    fn consequences(&mut self, then: &'a Consequences) {
        self.levels.extend(then.level.as_deref());
        self.routes.extend(then.routes.iter().map(String::as_str));
        self.prompts.extend(then.prompts.iter().map(String::as_str));
        self.actions.extend(then.actions.iter().map(String::as_str));
        self.stages.extend(then.escalate_from.as_deref());
    }
}

/// A form of the condition that ignores the order of `all`, `any` and `atLeast` lists.
fn canonical(condition: &Condition) -> String {
    let list = |name: &str, items: &[Condition]| {
        let mut parts: Vec<String> = items.iter().map(canonical).collect();
        parts.sort();
        parts.dedup();
        format!("{name}({})", parts.join(","))
    };
    match condition {
        Condition::All(items) => list("all", items),
        Condition::Any(items) => list("any", items),
        Condition::AtLeast(at_least) => list(&format!("atLeast{}", at_least.n), &at_least.of),
        Condition::Not(inner) => format!("not({})", canonical(inner)),
        other => format!("{other:?}"),
    }
}

/// What one variable of a condition can be, for an exhaustive search.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Var<'a> {
    Indicator(&'a str),
    Fact(Fact),
    Referral,
    Age,
    /// Each count test is searched as an independent yes or no.
    Count(usize),
}

/// Whether any answers make the condition certainly true. Each indicator is yes, no or not
/// known; each fact yes or no; the age takes a value on each side of every bound.
fn can_fire(condition: &Condition) -> bool {
    let mut vars: BTreeMap<Var, Vec<i64>> = BTreeMap::new();
    let mut counts = 0;
    collect(condition, &mut vars, &mut counts);
    let space = vars.values().try_fold(1u64, |product, values| product.checked_mul(values.len().max(1) as u64));
    match space {
        Some(size) if size <= MAX_COMBINATIONS => {}
        _ => return true, // too big to search; assume it can
    }
    let keys: Vec<Var> = vars.keys().copied().collect();
    let mut choice = vec![0usize; keys.len()];
    loop {
        let assignment: BTreeMap<Var, i64> = keys.iter().zip(&choice).map(|(k, c)| (*k, vars[k][*c])).collect();
        let mut count_index = 0;
        if holds(condition, &assignment, &mut count_index) {
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

const YES: i64 = 1;
const NOT_KNOWN: i64 = 2;

fn collect<'a>(condition: &'a Condition, vars: &mut BTreeMap<Var<'a>, Vec<i64>>, counts: &mut usize) {
    match condition {
        Condition::All(list) | Condition::Any(list) => list.iter().for_each(|c| collect(c, vars, counts)),
        Condition::AtLeast(at_least) => at_least.of.iter().for_each(|c| collect(c, vars, counts)),
        Condition::Not(inner) => collect(inner, vars, counts),
        Condition::Yes(id) | Condition::NotKnown(id) => {
            vars.insert(Var::Indicator(id), vec![0, YES, NOT_KNOWN]);
        }
        Condition::Fact(fact) => {
            vars.insert(Var::Fact(*fact), vec![0, YES]);
        }
        Condition::Referral(_) => {
            vars.insert(Var::Referral, (0..ReferralOutcome::ALL.len() as i64).collect());
        }
        Condition::Age(range) => {
            let ages = vars.entry(Var::Age).or_default();
            let (min, max) = range.bounds();
            for bound in [min, max] {
                let bound = i64::from(bound);
                ages.extend([bound - 1, bound, bound + 1]);
            }
            ages.sort_unstable();
            ages.dedup();
        }
        Condition::Events(_) => {
            vars.insert(Var::Count(*counts), vec![0, 1]);
            *counts += 1;
        }
    }
}

fn holds(condition: &Condition, assignment: &BTreeMap<Var, i64>, count_index: &mut usize) -> bool {
    let value = |var: Var| assignment.get(&var).copied().unwrap_or(0);
    match condition {
        // Evaluate every child so count tests keep their numbering.
        Condition::All(list) => list.iter().map(|c| holds(c, assignment, count_index)).fold(true, |a, b| a & b),
        Condition::Any(list) => list.iter().map(|c| holds(c, assignment, count_index)).fold(false, |a, b| a | b),
        Condition::AtLeast(at_least) => {
            let n = at_least.of.iter().filter(|c| holds(c, assignment, count_index)).count();
            n >= usize::from(at_least.n)
        }
        Condition::Not(inner) => !holds(inner, assignment, count_index),
        Condition::Yes(id) => value(Var::Indicator(id)) == YES,
        Condition::NotKnown(id) => value(Var::Indicator(id)) == NOT_KNOWN,
        Condition::Fact(fact) => value(Var::Fact(*fact)) == YES,
        Condition::Referral(outcome) => {
            let index = ReferralOutcome::ALL.iter().position(|o| o == outcome).unwrap_or(0) as i64;
            value(Var::Referral) == index
        }
        Condition::Age(range) => {
            let (min, max) = range.bounds();
            let age = value(Var::Age);
            age >= i64::from(min) && age <= i64::from(max)
        }
        Condition::Events(_) => {
            let var = Var::Count(*count_index);
            *count_index += 1;
            value(var) == 1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ruleset::{AgeRange, AtLeast};

    fn yes(id: &str) -> Condition {
        Condition::Yes(id.into())
    }

    fn age(min: i32, max: i32) -> Condition {
        Condition::Age(AgeRange { min_months: Some(min), max_months: Some(max) })
    }

    #[test]
    fn satisfiable_conditions_can_fire() {
        assert!(can_fire(&yes("a")));
        assert!(can_fire(&Condition::All(vec![yes("a"), Condition::Not(Box::new(yes("b")))])));
        assert!(can_fire(&Condition::All(vec![age(0, 11), age(6, 30)])));
        assert!(can_fire(&Condition::AtLeast(AtLeast { n: 2, of: vec![yes("a"), yes("b"), yes("c")] })));
    }

    #[test]
    fn contradictions_never_fire() {
        assert!(!can_fire(&Condition::All(vec![yes("a"), Condition::Not(Box::new(yes("a")))])));
        assert!(!can_fire(&Condition::All(vec![yes("a"), Condition::NotKnown("a".into())])));
        assert!(!can_fire(&Condition::All(vec![age(0, 11), age(12, 30)])));
        assert!(!can_fire(&Condition::All(vec![Condition::Referral(ReferralOutcome::Accepted), Condition::Referral(ReferralOutcome::NotAccepted)])));
        assert!(!can_fire(&Condition::AtLeast(AtLeast { n: 2, of: vec![yes("a"), Condition::Not(Box::new(yes("a")))] })));
    }

    #[test]
    fn canonical_form_ignores_order() {
        let a = Condition::All(vec![yes("a"), Condition::Any(vec![yes("b"), yes("c")])]);
        let b = Condition::All(vec![Condition::Any(vec![yes("c"), yes("b")]), yes("a")]);
        assert_eq!(canonical(&a), canonical(&b));
        assert_ne!(canonical(&a), canonical(&Condition::Any(vec![yes("a"), yes("b")])));
    }
}
