//! The safety semantics, through the public API, on the test ruleset extended with the
//! constructs that keep guidance from misleading: named conditions, items that fit an age and
//! an `unless`, consent overrides, the `harmSuspected` safeguard, a worry floor, events with an
//! end, windows measured from the end, `dueAfter` and working-day windows.

use std::sync::LazyLock;

use serde_json::{json, Value};
use waymark::{from_json, parse, Assessment, Case, Document, Engine};

/// `tests/rulesets/language.json` with every safety construct added.
fn ruleset() -> Value {
    let mut r: Value = serde_json::from_str(include_str!("rulesets/language.json")).expect("JSON");
    let push = |r: &mut Value, list: &str, item: Value| r[list].as_array_mut().expect("a list").push(item);
    push(&mut r, "indicators", json!({"id": "referral-made", "domain": "context", "text": "Referral made", "kind": "event"}));
    push(
        &mut r,
        "indicators",
        json!({"id": "staff-conduct", "domain": "context", "text": "A concern about a staff member's conduct", "kind": "event", "worry": false}),
    );
    push(&mut r, "indicators", json!({"id": "staff-rumour", "domain": "context", "text": "A rumour about a staff member", "worry": false}));
    for indicator in r["indicators"].as_array_mut().expect("list") {
        if indicator["id"] == "missing-episode" {
            indicator["endLabel"] = json!("The day they came back");
        }
    }
    r["conditions"] = json!([
        {"id": "risky-adult", "when": {"any": [{"yes": "domestic-abuse"}, {"yes": "injury-non-mobile"}]}},
        {"id": "risky-adult-or-money", "when": {"any": [{"condition": "risky-adult"}, {"yes": "unexplained-money"}]}}
    ]);
    push(
        &mut r,
        "actions",
        json!({"id": "ask-consent", "text": "Ask the family for consent.", "urgency": {"workingDays": 1}, "unless": {"condition": "risky-adult"}}),
    );
    push(
        &mut r,
        "actions",
        json!({"id": "return-interview", "text": "Return home interview.", "urgency": "today", "dueAfter": {"indicator": "missing-episode", "days": 3}}),
    );
    push(&mut r, "actions", json!({"id": "discuss-today", "text": "Talk it through today.", "urgency": "today"}));
    push(&mut r, "actions", json!({"id": "chase", "text": "Chase the referral.", "urgency": "today"}));
    push(&mut r, "prompts", json!({"id": "see-the-baby", "text": "Has anyone seen the baby?", "ages": {"maxMonths": 35}}));
    for prompt in r["prompts"].as_array_mut().expect("list") {
        if prompt["id"] == "seen-alone" {
            prompt["ages"] = json!({"minMonths": 36});
        }
    }
    push(
        &mut r,
        "routes",
        json!({"id": "school-nurse", "name": "School nurse", "when": "Health at school.", "urgency": {"workingDays": 5}, "whoMaySubmit": "Anyone.", "consent": "With the family's knowledge.", "ages": {"minMonths": 48}}),
    );
    for route in r["routes"].as_array_mut().expect("list") {
        if route["id"] == "childrens-social-care" {
            route["consentOverride"] = json!({"when": {"condition": "risky-adult"}, "consent": "Do not seek consent."});
        }
    }
    r["safeguards"]["harmSuspected"] = json!({"atLevel": "child-protection", "then": {"actions": ["discuss-today"]}, "reason": "Suspected is enough.", "sources": [{"source": "primer", "section": "3"}]});
    r["safeguards"]["worryRecorded"]["then"]["level"] = json!("early-help");
    let rule = |id: &str, when: Value, then: Value| json!({"id": id, "when": when, "then": then, "reason": "test", "sources": [{"source": "primer", "section": "test"}]});
    push(
        &mut r,
        "rules",
        rule(
            "parent-mental-health",
            json!({"yes": "parental-mental-health"}),
            json!({"level": "early-help", "actions": ["ask-consent"], "routes": ["childrens-social-care", "school-nurse"], "prompts": ["seen-alone", "see-the-baby"]}),
        ),
    );
    push(&mut r, "rules", rule("plan-and-money", json!({"all": [{"yes": "ehcp"}, {"yes": "unexplained-money"}]}), json!({"level": "child-protection"})));
    push(
        &mut r,
        "rules",
        rule("recent-return", json!({"events": {"indicator": "missing-episode", "withinDays": 7, "atLeast": 1}}), json!({"actions": ["return-interview"]})),
    );
    push(
        &mut r,
        "rules",
        rule(
            "no-decision",
            json!({"all": [{"referral": "awaiting"}, {"events": {"indicator": "referral-made", "withinDays": 365, "atLeast": 1}}, {"not": {"events": {"indicator": "referral-made", "withinWorkingDays": 1, "atLeast": 1}}}]}),
            json!({"actions": ["chase"], "escalateFrom": "stage-1"}),
        ),
    );
    push(&mut r, "actions", json!({"id": "tell-head", "text": "Tell the headteacher.", "urgency": "today"}));
    push(
        &mut r,
        "rules",
        rule(
            "staff-conduct",
            json!({"any": [{"events": {"indicator": "staff-conduct", "withinDays": 365, "atLeast": 1}}, {"yes": "staff-rumour"}, {"notKnown": "staff-rumour"}]}),
            json!({"actions": ["tell-head"]}),
        ),
    );
    push(
        &mut r,
        "rules",
        rule(
            "staff-conduct-and-money",
            json!({"all": [{"events": {"indicator": "staff-conduct", "withinDays": 365, "atLeast": 1}}, {"yes": "unexplained-money"}]}),
            json!({"level": "child-protection"}),
        ),
    );
    push(
        &mut r,
        "rules",
        rule("money-with-risk", json!({"all": [{"condition": "risky-adult-or-money"}, {"yes": "older-associates"}]}), json!({"level": "child-in-need"})),
    );
    r
}

static ENGINE: LazyLock<Engine> = LazyLock::new(|| Engine::new(&parse(&ruleset().to_string(), Document::Ruleset).expect("JSON"), None).expect("compiles"));

fn assess(value: Value) -> Assessment<'static> {
    let mut value = value;
    if value.get("asOf").is_none() {
        value["asOf"] = json!("2026-11-25"); // a Wednesday
    }
    let case: Case = from_json(&value.to_string()).expect("case loads");
    ENGINE.assess(&case).expect("assesses")
}

fn actions<'a>(a: &'a Assessment) -> Vec<&'a str> {
    a.actions.iter().map(|x| x.id).collect()
}

fn has_action(a: &Assessment, id: &str) -> bool {
    a.actions.iter().any(|x| x.id == id)
}

fn has_route(a: &Assessment, id: &str) -> bool {
    a.referrals.iter().any(|x| x.route == id)
}

fn has_prompt(a: &Assessment, id: &str) -> bool {
    a.prompts.iter().any(|x| x.id == id)
}

#[test]
fn a_worry_the_rules_do_not_rate_still_meets_the_worry_floor() {
    let none = assess(json!({}));
    assert_eq!(none.level.id, "universal");
    let bare = assess(json!({"answers": {"seen-alone": "yes"}}));
    assert_eq!(bare.level.id, "early-help", "a yes nobody's rule rates is still a worry");
    assert!(has_action(&bare, "tell-dsl"));
    let worried = assess(json!({"facts": {"still-worried": "yes"}}));
    assert_eq!(worried.level.id, "early-help");
}

#[test]
fn items_outside_their_ages_are_never_shown_and_an_unknown_age_shows_them() {
    let baby = assess(json!({"child": {"ageMonths": 3}, "answers": {"parental-mental-health": "yes"}}));
    assert!(has_prompt(&baby, "see-the-baby") && !has_prompt(&baby, "seen-alone"));
    assert!(!has_route(&baby, "school-nurse"));
    let eight = assess(json!({"child": {"ageYears": 8}, "answers": {"parental-mental-health": "yes"}}));
    assert!(!has_prompt(&eight, "see-the-baby") && has_prompt(&eight, "seen-alone"));
    assert!(has_route(&eight, "school-nurse"));
    // Exactly at the bounds: 35 months still a baby's prompt, 36 months the older child's.
    let at = |months: u32| assess(json!({"child": {"ageMonths": months}, "answers": {"parental-mental-health": "yes"}}));
    assert!(has_prompt(&at(35), "see-the-baby") && !has_prompt(&at(35), "seen-alone"));
    assert!(!has_prompt(&at(36), "see-the-baby") && has_prompt(&at(36), "seen-alone"));
    // Three years spans 36 to 47 months: inside seen-alone, outside see-the-baby.
    let three = assess(json!({"child": {"ageYears": 3}, "answers": {"parental-mental-health": "yes"}}));
    assert!(has_prompt(&three, "seen-alone") && !has_prompt(&three, "see-the-baby"));
    let unknown = assess(json!({"answers": {"parental-mental-health": "yes"}}));
    assert!(has_prompt(&unknown, "see-the-baby") && has_prompt(&unknown, "seen-alone"));
}

#[test]
fn consent_is_withheld_and_the_route_note_replaced_when_a_risky_adult_is_recorded() {
    let plain = assess(json!({"answers": {"parental-mental-health": "yes"}}));
    assert!(has_action(&plain, "ask-consent"));
    let note = |a: &Assessment| a.referrals.iter().find(|r| r.route == "childrens-social-care").map(|r| r.consent.to_string());
    assert!(note(&plain).is_some_and(|n| n.starts_with("Seek consent")));
    let risky = assess(json!({"answers": {"parental-mental-health": "yes", "domestic-abuse": "yes"}}));
    assert!(!has_action(&risky, "ask-consent"), "{:?}", actions(&risky));
    assert_eq!(note(&risky).as_deref(), Some("Do not seek consent."));
    // Not known is not a yes: the item stays (the engine withholds only on a certain truth).
    let unsure = assess(json!({"answers": {"parental-mental-health": "yes", "domestic-abuse": "not-known"}}));
    assert!(has_action(&unsure, "ask-consent"));
}

#[test]
fn named_conditions_nest_and_are_shared() {
    let via_money = assess(json!({"answers": {"unexplained-money": "yes", "older-associates": "yes"}}));
    assert_eq!(via_money.level.id, "child-in-need");
    let via_adult = assess(json!({"answers": {"domestic-abuse": "yes", "older-associates": "yes"}}));
    assert!(via_adult.reasons.iter().any(|r| r.rule == "money-with-risk"));
    let neither = assess(json!({"answers": {"unexplained-money": "no", "domestic-abuse": "no", "injury-non-mobile": "no", "older-associates": "yes"}}));
    assert!(!neither.reasons.iter().any(|r| r.rule == "money-with-risk"));
}

#[test]
fn a_condition_must_be_named_before_it_is_used() {
    let mut r = ruleset();
    r["conditions"] = json!([{"id": "a", "when": {"condition": "b"}}, {"id": "b", "when": {"yes": "self-harm"}}]);
    let error = Engine::new(&parse(&r.to_string(), Document::Ruleset).expect("JSON"), None).expect_err("refused");
    let problem = error.problems().iter().find(|p| p.code == "unknown-condition").expect("unknown-condition");
    assert_eq!(problem.path, "conditions[0].when.condition");
}

#[test]
fn a_suspicion_of_significant_harm_gets_the_interim_action_and_is_a_worry() {
    let suspected = assess(json!({"child": {"ageMonths": 2}, "answers": {"injury-non-mobile": "not-known"}}));
    assert!(has_action(&suspected, "discuss-today"), "{:?}", actions(&suspected));
    assert_eq!(suspected.level.id, "early-help", "a suspicion is never 'no additional needs'");
    assert!(suspected.worry_recorded);
    let reason = suspected.reasons.iter().find(|r| r.rule == "safeguards.harmSuspected").expect("the safeguard fired");
    assert!(!reason.evidence.is_empty(), "it says what is not known");
    // Not engaged (never mentioned) is not a suspicion; a certain no is not one either.
    assert!(!has_action(&assess(json!({"child": {"ageMonths": 2}})), "discuss-today"));
    assert!(!has_action(&assess(json!({"child": {"ageMonths": 2}, "answers": {"injury-non-mobile": "no"}})), "discuss-today"));
    // Once it is a yes, the level itself acts.
    let known = assess(json!({"child": {"ageMonths": 2}, "answers": {"injury-non-mobile": "yes"}}));
    assert_eq!(known.level.id, "child-protection");
    assert!(!has_action(&known, "discuss-today"));
}

#[test]
fn a_circumstance_alone_asks_questions_but_is_not_a_suspicion() {
    let circumstance = assess(json!({"answers": {"ehcp": "yes"}}));
    assert!(circumstance.questions.iter().any(|q| q.rules.contains(&"plan-and-money")), "still worth finding out");
    assert!(!has_action(&circumstance, "discuss-today"));
    assert_eq!(circumstance.level.id, "universal");
    let unsure = assess(json!({"answers": {"ehcp": "yes", "unexplained-money": "not-known"}}));
    assert!(has_action(&unsure, "discuss-today"));
    assert_eq!(unsure.level.id, "early-help");
    // Not knowing a circumstance (an indicator, or a context fact other than still being
    // worried) is no more a suspicion than knowing it: were it, answering "yes" would lower the
    // level (found by tests/properties.rs: "not known" to complex health needs gave early help,
    // "yes" gave universal). It is still worth finding out.
    for case in [json!({"answers": {"ehcp": "not-known"}}), json!({"facts": {"cp-plan": "not-known"}}), json!({"facts": {"looked-after": "not-known"}})] {
        let not_known = assess(case.clone());
        assert!(!has_action(&not_known, "discuss-today"), "{case}: {:?}", actions(&not_known));
        assert_eq!(not_known.level.id, "universal", "{case}");
    }
    for case in [json!({"answers": {"ehcp": "not-known"}}), json!({"facts": {"cp-plan": "not-known"}})] {
        assert!(!assess(case.clone()).questions.is_empty(), "{case}: still worth finding out");
    }
}

#[test]
fn questions_that_could_raise_the_level_most_come_first() {
    let a = assess(
        json!({"child": {"ageMonths": 2}, "answers": {"injury-non-mobile": "not-known", "immediate-danger": "not-known", "parental-mental-health": "yes", "parental-substance-misuse": "not-known"}}),
    );
    let ranks: Vec<u8> = a.questions.iter().filter_map(|q| q.level.map(|l| l.rank)).collect();
    assert!(ranks.windows(2).all(|w| w[0] >= w[1]), "{ranks:?}");
    assert_eq!(a.questions.first().and_then(|q| q.level).map(|l| l.id), Some("immediate-danger"));
}

fn missing(date: &str, until: Option<&str>, as_of: &str) -> Assessment<'static> {
    let mut event = json!({"indicator": "missing-episode", "date": date});
    if let Some(until) = until {
        event["until"] = json!(until);
    }
    assess(json!({"asOf": as_of, "events": [event]}))
}

#[test]
fn windows_are_measured_from_the_day_an_event_ended() {
    // Went 20 days ago, came back 2 days ago: within the last week.
    let back = missing("2026-11-05", Some("2026-11-23"), "2026-11-25");
    assert!(has_action(&back, "return-interview"));
    // The same start with no end was a one-day episode 20 days ago.
    assert!(!has_action(&missing("2026-11-05", None, "2026-11-25"), "return-interview"));
    // The 7-day window includes both edges: ended exactly 7 days ago counts, 8 days does not.
    assert!(has_action(&missing("2026-11-10", Some("2026-11-18"), "2026-11-25"), "return-interview"));
    assert!(!has_action(&missing("2026-11-10", Some("2026-11-17"), "2026-11-25"), "return-interview"));
    // Still going on at the assessment date counts as ending then.
    assert!(has_action(&missing("2026-11-01", Some("2026-12-10"), "2026-11-25"), "return-interview"));
}

#[test]
fn the_return_home_interview_is_due_72_hours_after_the_return() {
    let due = |a: &Assessment| a.actions.iter().find(|x| x.id == "return-interview").map(|x| x.due_by.to_string());
    assert_eq!(due(&missing("2026-11-20", Some("2026-11-24"), "2026-11-25")).as_deref(), Some("2026-11-27"));
    // Came back exactly 72 hours ago: due today.
    assert_eq!(due(&missing("2026-11-20", Some("2026-11-22"), "2026-11-25")).as_deref(), Some("2026-11-25"));
    // Four days ago: overdue, and still shown with the day it was due.
    assert_eq!(due(&missing("2026-11-20", Some("2026-11-21"), "2026-11-25")).as_deref(), Some("2026-11-24"));
    // With several episodes, the latest return sets the date (calendar days: 72 hours, weekends too).
    let two = assess(json!({"asOf": "2026-11-25", "events": [
        {"indicator": "missing-episode", "date": "2026-11-01", "until": "2026-11-02"},
        {"indicator": "missing-episode", "date": "2026-11-20", "until": "2026-11-21"}
    ]}));
    assert_eq!(due(&two).as_deref(), Some("2026-11-24"));
}

#[test]
fn an_event_that_ends_before_it_starts_is_refused_with_its_path() {
    let case: Result<Case, _> =
        from_json(r#"{"asOf": "2026-11-25", "events": [{"indicator": "missing-episode", "date": "2026-11-20", "until": "2026-11-19"}]}"#);
    let error = case.expect_err("refused");
    assert_eq!(error.problems()[0].path, "events[0].until");
    assert_eq!(error.problems()[0].code, "bad-dates");
}

#[test]
fn no_decision_within_one_working_day_is_chased_and_escalated() {
    let awaiting = |made: &str, as_of: &str| assess(json!({"asOf": as_of, "referral": "awaiting", "events": [{"indicator": "referral-made", "date": made}]}));
    // Made on Friday 20 November: Monday is within one working day, Tuesday is not.
    let monday = awaiting("2026-11-20", "2026-11-23");
    assert!(!has_action(&monday, "chase") && monday.escalation.is_none());
    let tuesday = awaiting("2026-11-20", "2026-11-24");
    assert!(has_action(&tuesday, "chase"));
    assert_eq!(tuesday.escalation.as_ref().map(|e| e.stages[0].id), Some("stage-1"));
    // Accepted referrals are not chased.
    let accepted = assess(json!({"asOf": "2026-11-24", "referral": "accepted", "events": [{"indicator": "referral-made", "date": "2026-11-20"}]}));
    assert!(!has_action(&accepted, "chase"));
}

#[test]
fn the_level_response_leads_among_actions_of_the_same_urgency() {
    let a = assess(json!({"answers": {"immediate-danger": "yes", "self-harm": "yes"}}));
    assert_eq!(a.actions[0].id, "call-999");
    assert_eq!(a.referrals[0].route, "police-emergency");
}

#[test]
fn events_known_only_roughly_count_wherever_they_could_be_and_say_so() {
    let rough = |event: Value| assess(json!({"asOf": "2026-11-25", "events": [event]}));
    // Some day this month could be within the last week; some day in September could not.
    assert!(has_action(&rough(json!({"indicator": "missing-episode", "month": "2026-11"})), "return-interview"));
    assert!(!has_action(&rough(json!({"indicator": "missing-episode", "month": "2026-09"})), "return-interview"));
    // "Three times since October" is three events, each possibly recent: the 90-day rule fires,
    // and its evidence says how many dates are approximate.
    let since = rough(json!({"indicator": "missing-episode", "times": 3, "since": "2026-10-01"}));
    let reason = since.reasons.iter().find(|r| r.rule == "repeat-missing").expect("three in 90 days");
    match &reason.evidence[0] {
        waymark::Finding::Events { count, approximate, .. } => assert_eq!((*count, *approximate), (3, 3)),
        other => panic!("unexpected evidence {other:?}"),
    }
    // Twice since a day long ago could still both be recent: counted, conservatively.
    let old = rough(json!({"indicator": "missing-episode", "times": 2, "since": "2025-01-01"}));
    assert!(has_action(&old, "return-interview"));
}

#[test]
fn a_rough_event_is_refused_with_its_path_when_it_cannot_be_read() {
    let refused = |event: Value| -> (String, String) {
        let case: Result<Case, _> = from_json(&json!({"asOf": "2026-11-25", "events": [event]}).to_string());
        let error = case.expect_err("refused");
        (error.problems()[0].path.clone(), error.problems()[0].code.to_string())
    };
    assert_eq!(refused(json!({"indicator": "missing-episode", "month": "2026-13"})), ("events[0].month".into(), "bad-value".into()));
    assert_eq!(refused(json!({"indicator": "missing-episode", "month": "2026-11", "date": "2026-11-02"})), ("events[0]".into(), "bad-event".into()));
    assert_eq!(refused(json!({"indicator": "missing-episode", "times": 3})), ("events[0]".into(), "bad-event".into()));
    // A last day is never dropped silently from an event without a first day.
    assert_eq!(refused(json!({"indicator": "missing-episode", "month": "2026-10", "until": "2026-11-02"})), ("events[0].until".into(), "bad-event".into()));
    assert_eq!(
        refused(json!({"indicator": "missing-episode", "times": 3, "since": "2026-01-01", "until": "2026-11-02"})),
        ("events[0].until".into(), "bad-event".into())
    );
    assert_eq!(refused(json!({"indicator": "missing-episode", "times": 0, "since": "2026-01-01"})), ("events[0].times".into(), "bad-count".into()));
}

#[test]
fn what_an_adult_did_is_not_alone_a_worry_about_the_child() {
    // An indicator marked `worry: false` (a low-level concern about a member of staff) is acted
    // on, but alone it is no worry about this child: no worry floor, no early help, no suspicion
    // (found by a held-out case: a coach who shouted once gave the child early help).
    for case in [
        json!({"events": [{"indicator": "staff-conduct", "date": "2026-11-20"}]}),
        json!({"answers": {"staff-rumour": "yes"}}),
        json!({"answers": {"staff-rumour": "not-known"}}),
        json!({"events": [{"indicator": "staff-conduct", "date": "2026-11-20"}], "answers": {"unexplained-money": "no"}}),
    ] {
        let a = assess(case.clone());
        assert!(has_action(&a, "tell-head"), "{case}: {:?}", actions(&a));
        assert!(!a.worry_recorded, "{case}");
        assert_eq!(a.level.id, "universal", "{case}");
        assert!(!has_action(&a, "discuss-today") && !has_route(&a, "dsl"), "{case}: {:?}", actions(&a));
    }
    // Beside a worry about the child, or "not known" to one, it counts as ever.
    let unsure = assess(json!({"events": [{"indicator": "staff-conduct", "date": "2026-11-20"}], "answers": {"unexplained-money": "not-known"}}));
    assert!(has_action(&unsure, "discuss-today"), "{:?}", actions(&unsure));
    let a = assess(json!({"events": [{"indicator": "staff-conduct", "date": "2026-11-20"}], "answers": {"unexplained-money": "yes"}}));
    assert!(a.worry_recorded);
    assert_eq!(a.level.id, "child-protection");
}
