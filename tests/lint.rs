//! The linter: each check found on a patched copy of the test ruleset, and explanations honoured.

use serde_json::{json, Value};
use waymark::{lint, parse, Document, Engine, LintFinding};

/// The test ruleset, with its deliberate age-limited floor (a baby under one living with domestic
/// abuse) explained, so each test sees only the findings it provokes.
fn base() -> Value {
    let mut value: Value = serde_json::from_str(include_str!("rulesets/language.json")).expect("JSON");
    assert_eq!(value["rules"][2]["id"], "infant-domestic-abuse");
    value["rules"][2]["allow"]["age-limited-floor"] = json!("A baby under one cannot get away from violence at home.");
    value
}

fn findings(value: &Value) -> Vec<LintFinding> {
    let engine = Engine::new(&parse(&value.to_string(), Document::Ruleset).expect("JSON"), None).expect("valid ruleset");
    lint(&engine)
}

fn codes(value: &Value) -> Vec<(String, &'static str)> {
    findings(value).into_iter().filter(|f| f.explained.is_none()).map(|f| (f.path, f.code.name())).collect()
}

fn add(mut value: Value, list: &str, item: Value) -> Value {
    value[list].as_array_mut().expect("a list").push(item);
    value
}

fn rule(id: &str, when: Value) -> Value {
    json!({"id": id, "when": when, "then": {"level": "early-help"}, "reason": "test", "sources": [{"source": "primer", "lines": "1"}]})
}

#[test]
fn the_test_ruleset_has_two_findings_and_both_are_explained() {
    let all = findings(&base());
    let found: Vec<(&str, &str)> = all.iter().map(|f| (f.code.name(), f.path.as_str())).collect();
    assert_eq!(found, [("age-limited-floor", "rules[2].when"), ("unused-indicator", "indicators[14]")]);
    assert!(all.iter().all(|f| f.explained.is_some()), "{all:#?}");
    assert_eq!(all[1].explained.as_deref(), Some("Kept to test that an explained lint finding is reported as explained."));
    assert!(all[0].message.contains("rule \"domestic-abuse\" sets \"early-help\" for the same risk at any age"), "{}", all[0].message);
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
        // The same test written twice is one test (one node), so it cannot be both true and false.
        json!({"all": [
            {"events": {"indicator": "not-brought", "withinDays": 30, "atLeast": 2}},
            {"not": {"events": {"indicator": "not-brought", "withinDays": 30, "atLeast": 2}}}
        ]}),
    ];
    for when in contradictions {
        let value = add(base(), "rules", rule("impossible", when.clone()));
        assert_eq!(codes(&value), [(format!("{}.when", appended("rules")), "never-fires")], "{when}");
    }
    let possible =
        add(base(), "rules", rule("possible", json!({"all": [{"age": {"maxMonths": 11}}, {"age": {"minMonths": 6}}, {"not": {"fact": "cp-plan"}}]})));
    // (It is a floor for an age band, found by another check.)
    assert_eq!(codes(&possible), [(format!("{}.when", appended("rules")), "age-limited-floor")]);
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

/// The one finding on the base ruleset with `item` appended to its rules, unexplained, and the
/// same finding explained once the rule has an `allow` entry for it.
fn one_finding(item: Value, code: &str, at: &str) -> LintFinding {
    let value = add(base(), "rules", item.clone());
    let path = format!("{}.{at}", appended("rules"));
    assert_eq!(codes(&value), [(path.clone(), code)], "{item}");
    let mut allowed = item;
    allowed["allow"] = json!({code: "Accepted for the test."});
    let value = add(base(), "rules", allowed);
    assert!(codes(&value).is_empty());
    let found = findings(&value).into_iter().find(|f| f.code == code && f.path == path).expect("still reported");
    assert_eq!(found.explained.as_deref(), Some("Accepted for the test."));
    found
}

fn no_finding(item: Value) {
    let value = add(base(), "rules", item.clone());
    assert!(codes(&value).is_empty(), "{item}: {:?}", codes(&value));
}

fn with_then(mut item: Value, then: Value) -> Value {
    item["then"] = then;
    item
}

fn with_reason(mut item: Value, reason: &str) -> Value {
    item["reason"] = json!(reason);
    item
}

#[test]
fn routes_without_a_level() {
    let worry = rule("worry", json!({"yes": "parental-mental-health"}));
    let found = one_finding(with_then(worry.clone(), json!({"routes": ["dsl", "early-help"]})), "route-without-level", "then");
    assert!(found.message.contains("rule \"worry\" gives the routes \"dsl\", \"early-help\" but sets no level"), "{}", found.message);
    no_finding(with_then(worry.clone(), json!({"level": "early-help", "routes": ["dsl"]})));
    no_finding(with_then(worry, json!({"prompts": ["history"]})));
    // The worryRecorded safeguard gives a route and no level by design: it is not a rule.
    assert!(base()["safeguards"]["worryRecorded"]["then"]["routes"].is_array());
}

#[test]
fn responses_only_in_the_reason() {
    let worry = rule("worry", json!({"yes": "parental-mental-health"}));
    // Told to act, and the rule gives no action, route or prompt (its level does not count).
    let found = one_finding(with_reason(worry.clone(), "Refer to early help and tell the health visitor."), "response-in-reason-only", "reason");
    assert!(found.message.contains("(\"refer\", \"tell\")"), "{}", found.message);
    for reason in
        ["Call the GP.", "You MUST record it.", "Ask for a strategy discussion.", "Never wait.", "Arrange a visit.", "Notify the school.", "Report it."]
    {
        one_finding(with_reason(worry.clone(), reason), "response-in-reason-only", "reason");
    }
    // Told what not to do, and none of the rule's actions says so.
    let acting = with_then(worry.clone(), json!({"level": "early-help", "actions": ["keep-chronology"]}));
    let found = one_finding(with_reason(acting.clone(), "Don\u{2019}t tell the parents."), "response-in-reason-only", "reason");
    assert!(found.message.contains("what not to do (\"don't\")"), "{}", found.message);
    one_finding(with_reason(acting.clone(), "Do not wait for consent."), "response-in-reason-only", "reason");
    // Carried by the rule: an action, a route or a prompt; a warning by an action that warns.
    no_finding(with_reason(acting.clone(), "Refer to early help."));
    no_finding(with_reason(with_then(worry.clone(), json!({"level": "early-help", "routes": ["early-help"]})), "Refer to early help."));
    no_finding(with_reason(with_then(worry.clone(), json!({"level": "early-help", "prompts": ["history"]})), "Ask for the history."));
    let value = add(base(), "actions", json!({"id": "no-tip-off", "text": "Never tell the parents.", "urgency": "today"}));
    let value = add(value, "rules", with_reason(with_then(worry.clone(), json!({"actions": ["no-tip-off"]})), "Do not tell the parents."));
    assert!(codes(&value).is_empty(), "{:?}", codes(&value));
    // Explaining, not instructing: no response words as whole words.
    no_finding(with_reason(worry, "A referral is likely; the parent's illness is a concern that calls for care."));
}

#[test]
fn floors_limited_to_an_age_band() {
    let young = |age: Value| rule("young-worry", json!({"all": [{"yes": "parental-mental-health"}, {"age": age}]}));
    let found = one_finding(young(json!({"maxMonths": 59})), "age-limited-floor", "when");
    assert!(found.message.contains("sets the level \"early-help\" only for children under 5 years"), "{}", found.message);
    assert!(found.message.contains("no rule gives the same risk a level at every age"), "{}", found.message);
    assert!(found.message.contains("would an older child with the same risk get the same floor?"), "{}", found.message);
    let found = one_finding(young(json!({"minMonths": 6, "maxMonths": 30})), "age-limited-floor", "when");
    assert!(found.message.contains("only for children aged 30 months or younger"), "{}", found.message);
    let found = one_finding(young(json!({"maxMonths": -1})), "age-limited-floor", "when");
    assert!(found.message.contains("only for unborn babies"), "{}", found.message);
    // A rule with the same other parts at any age is named, with its level.
    let both = rule("young-trio", json!({"all": [{"yes": "domestic-abuse"}, {"yes": "parental-mental-health"}, {"age": {"maxMonths": 11}}]}));
    let value = add(base(), "rules", rule("trio", json!({"all": [{"yes": "parental-mental-health"}, {"yes": "domestic-abuse"}]})));
    let value = add(value, "rules", both);
    let found = findings(&value).into_iter().find(|f| f.code == "age-limited-floor" && f.path != "rules[2].when").expect("found");
    assert!(found.message.contains("rule \"trio\" sets \"early-help\" for the same risk at any age"), "{}", found.message);
    // Many rules with the same risk: the first few are named and the rest counted, so one
    // message never lists a whole ruleset.
    let mut value = add(base(), "rules", rule("young-only", json!({"all": [{"yes": "parental-mental-health"}, {"age": {"maxMonths": 11}}]})));
    for copy in 0..5 {
        value = add(value, "rules", rule(&format!("any-age-{copy}"), json!({"yes": "parental-mental-health"})));
    }
    let found = findings(&value).into_iter().find(|f| f.code == "age-limited-floor" && f.path != "rules[2].when").expect("found");
    assert!(found.message.contains("rule \"any-age-2\" sets \"early-help\" for the same risk at any age; and 2 more)"), "{}", found.message);
    assert!(!found.message.contains("any-age-3"), "{}", found.message);
    // Every child under 18, older children only, an age that widens rather than narrows, or no level.
    no_finding(young(json!({"maxMonths": 215})));
    no_finding(young(json!({"minMonths": 156})));
    no_finding(rule("either", json!({"any": [{"yes": "parental-mental-health"}, {"age": {"maxMonths": 11}}]})));
    no_finding(with_then(young(json!({"maxMonths": 59})), json!({"prompts": ["history"]})));
}

#[test]
fn items_a_rule_names_for_ages_it_never_fires_at() {
    // A prompt for babies and a route for children under five, named by a rule for teenagers
    // (the default ruleset's pregnant-teenager rules named the health visitor this way, so the
    // engine never showed a pregnant 15-year-old a midwife).
    let value = add(base(), "prompts", json!({"id": "baby-seen", "text": "Has anyone seen the baby?", "ages": {"maxMonths": 23}}));
    let value = add(value, "actions", json!({"id": "tell-hv", "text": "Tell the health visitor.", "urgency": "today", "ages": {"maxMonths": 59}}));
    let teen = |then: Value| with_then(rule("teen", json!({"all": [{"yes": "parental-mental-health"}, {"age": {"minMonths": 156, "maxMonths": 191}}]})), then);
    let path = appended("rules") + ".then";
    let found = findings(&add(value.clone(), "rules", teen(json!({"level": "early-help", "actions": ["tell-hv"], "prompts": ["history", "baby-seen"]}))));
    let found: Vec<&LintFinding> = found.iter().filter(|f| f.code.name() == "never-fits").collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].path, path);
    assert!(
        found[0].message.contains("rule \"teen\" gives the action \"tell-hv\", the prompt \"baby-seen\", for ages it never fires at (156 to 191 months)"),
        "{}",
        found[0].message
    );
    // An item that fits some of the rule's ages, or a rule with no certain age (an age inside
    // an `any` is not certain), gives no such finding.
    for then in [json!({"level": "early-help", "prompts": ["history"]}), json!({"level": "early-help", "actions": []})] {
        assert!(!codes(&add(value.clone(), "rules", teen(then.clone()))).iter().any(|(_, code)| *code == "never-fits"), "{then}");
    }
    let toddler = with_then(
        rule("toddler", json!({"all": [{"yes": "parental-mental-health"}, {"age": {"maxMonths": 59}}]})),
        json!({"level": "early-help", "actions": ["tell-hv"]}),
    );
    assert!(!codes(&add(value.clone(), "rules", toddler)).iter().any(|(_, code)| *code == "never-fits"));
    let either = with_then(
        rule("either", json!({"any": [{"yes": "parental-mental-health"}, {"age": {"minMonths": 156}}]})),
        json!({"level": "early-help", "actions": ["tell-hv"]}),
    );
    assert!(!codes(&add(value, "rules", either)).iter().any(|(_, code)| *code == "never-fits"));
}

#[test]
fn an_age_test_the_question_already_makes() {
    // The default ruleset's homeless 16-17 rule tested the age too, so with no age given a
    // homeless 17-year-old got nothing from it (found by a held-out case).
    let value = add(
        base(),
        "indicators",
        json!({"id": "homeless-16-17", "domain": "child", "text": "Homeless at 16 or 17", "ages": {"minMonths": 192, "maxMonths": 215}}),
    );
    let both = rule("homeless", json!({"all": [{"yes": "homeless-16-17"}, {"age": {"minMonths": 192}}]}));
    let path = appended("rules") + ".when";
    let found = findings(&add(value.clone(), "rules", both));
    let found: Vec<&LintFinding> = found.iter().filter(|f| f.code.name() == "age-already-asked").collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].path, path);
    assert!(found[0].message.contains("rule \"homeless\" tests the age (from 192 months) as well as \"homeless-16-17\""), "{}", found[0].message);
    // An age test that narrows what the question covers, or one beside a question for any age,
    // is not the question's own.
    for when in [
        json!({"all": [{"yes": "homeless-16-17"}, {"age": {"minMonths": 204}}]}),
        json!({"all": [{"yes": "parental-mental-health"}, {"age": {"minMonths": 192}}]}),
        json!({"yes": "homeless-16-17"}),
    ] {
        let value = add(value.clone(), "rules", rule("other", when.clone()));
        assert!(!findings(&value).iter().any(|f| f.code.name() == "age-already-asked"), "{when}");
    }
}
