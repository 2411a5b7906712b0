//! The linter: each check found on a patched copy of the test ruleset, and explanations honoured.

use serde_json::{json, Value};
use waymark::{lint, parse, Document, Engine, LintFinding};

fn base() -> Value {
    serde_json::from_str(include_str!("rulesets/language.json")).expect("JSON")
}

fn findings(value: &Value) -> Vec<LintFinding> {
    let engine = Engine::new(&parse(&value.to_string(), Document::Ruleset).expect("JSON"), None).expect("valid ruleset");
    lint(&engine)
}

fn codes(value: &Value) -> Vec<(String, &'static str)> {
    findings(value).into_iter().filter(|f| f.explained.is_none()).map(|f| (f.path, f.code)).collect()
}

fn add(mut value: Value, list: &str, item: Value) -> Value {
    value[list].as_array_mut().expect("a list").push(item);
    value
}

fn rule(id: &str, when: Value) -> Value {
    json!({"id": id, "when": when, "then": {"level": "early-help"}, "reason": "test", "sources": [{"source": "primer", "lines": "1"}]})
}

#[test]
fn the_test_ruleset_has_one_finding_and_it_is_explained() {
    let all = findings(&base());
    assert_eq!(all.len(), 1);
    assert_eq!((all[0].code, all[0].path.as_str()), ("unused-indicator", "indicators[14]"));
    assert_eq!(all[0].explained.as_deref(), Some("Kept to test that an explained lint finding is reported as explained."));
}

/// The path of an item appended to one of the base ruleset's lists.
fn appended(list: &str) -> String {
    format!("{list}[{}]", base()[list].as_array().map_or(0, Vec::len))
}

#[test]
fn rules_that_can_never_fire() {
    let contradictions = [
        json!({"all": [{"yes": "self-harm"}, {"not": {"yes": "self-harm"}}]}),
        json!({"all": [{"yes": "self-harm"}, {"notKnown": "self-harm"}]}),
        json!({"all": [{"age": {"maxMonths": 11}}, {"age": {"minMonths": 12}}]}),
        json!({"all": [{"referral": "accepted"}, {"referral": "not-accepted"}]}),
        json!({"atLeast": {"n": 2, "of": [{"fact": "cp-plan"}, {"not": {"fact": "cp-plan"}}]}}),
    ];
    for when in contradictions {
        let value = add(base(), "rules", rule("impossible", when.clone()));
        assert_eq!(codes(&value), [(format!("{}.when", appended("rules")), "never-fires")], "{when}");
    }
    let possible =
        add(base(), "rules", rule("possible", json!({"all": [{"age": {"maxMonths": 11}}, {"age": {"minMonths": 6}}, {"not": {"fact": "cp-plan"}}]})));
    assert!(codes(&possible).is_empty());
}

#[test]
fn duplicate_conditions_in_any_order() {
    let value = add(
        base(),
        "rules",
        rule("again", json!({"atLeast": {"n": 2, "of": [{"yes": "parental-substance-misuse"}, {"yes": "domestic-abuse"}, {"yes": "parental-mental-health"}]}})),
    );
    let found = findings(&value);
    let duplicate = found.iter().find(|f| f.code == "duplicate-condition").expect("found");
    assert_eq!(duplicate.path, format!("{}.when", appended("rules")));
    assert!(duplicate.message.contains("rules[4] (\"toxic-trio\")"), "{}", duplicate.message);
}

#[test]
fn rules_without_sources_and_unreachable_levels() {
    let mut value = base();
    value["rules"][3]["sources"] = json!([]);
    value["rules"][0]["then"]["level"] = json!("child-protection");
    assert_eq!(codes(&value), [("rules[3].sources".to_string(), "missing-source"), ("levels[4]".to_string(), "unreachable-level")]);
}

#[test]
fn everything_defined_but_unused() {
    let value = add(
        base(),
        "routes",
        json!({"id": "spare", "name": "n", "when": "w", "urgency": "today", "whoMaySubmit": "w", "consent": "c", "contacts": ["spare-contact"]}),
    );
    let value = add(value, "contacts", json!({"id": "spare-contact", "name": "n", "scope": "local"}));
    let value = add(value, "contacts", json!({"id": "lonely", "name": "n", "scope": "local"}));
    let value = add(value, "prompts", json!({"id": "spare-prompt", "text": "t"}));
    let value = add(value, "actions", json!({"id": "spare-action", "text": "t", "urgency": "now"}));
    let value = add(value, "indicators", json!({"id": "spare-indicator", "domain": "child", "text": "t"}));
    let mut value = value;
    value["meta"]["sources"].as_array_mut().expect("list").push(json!({"id": "spare-source", "title": "t", "reference": "r"}));
    assert_eq!(
        codes(&value),
        [
            (appended("indicators"), "unused-indicator"),
            ("routes[4]".to_string(), "unused-route"),
            ("prompts[2]".to_string(), "unused-prompt"),
            ("actions[7]".to_string(), "unused-action"),
            ("contacts[6]".to_string(), "unused-contact"),
            ("meta.sources[2]".to_string(), "unused-source"),
        ]
    );
}

#[test]
fn stages_before_the_first_reached_are_unused() {
    let mut value = base();
    value["safeguards"]["worryPersists"]["then"]["escalateFrom"] = json!("stage-2");
    value["rules"][11]["then"]["escalateFrom"] = json!("stage-2");
    assert_eq!(codes(&value), [("escalation[0]".to_string(), "unused-stage")]);
    value["escalation"][0]["allow"] = json!({"unused-stage": "Kept for the printed policy."});
    assert!(codes(&value).is_empty());
}
