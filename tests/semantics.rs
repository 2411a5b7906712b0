//! The engine's semantics, through its public API: three-valued logic, level aggregation,
//! professional judgement, event windows, determinism, profiles, open questions, safeguards.

use std::sync::LazyLock;

use serde_json::{json, Value};
use waymark::{from_json, parse, Assessment, Case, Detail, Document, Engine, JudgementEffect, Status};

fn base() -> Value {
    serde_json::from_str(include_str!("rulesets/language.json")).expect("JSON")
}

fn engine_from(value: &Value) -> Engine {
    Engine::new(&parse(&value.to_string(), Document::Ruleset).expect("JSON"), None).expect("ruleset compiles")
}

static ENGINE: LazyLock<Engine> = LazyLock::new(|| engine_from(&base()));

fn engine() -> &'static Engine {
    &ENGINE
}

fn case(value: Value) -> Case {
    let mut value = value;
    if value.get("asOf").is_none() {
        value["asOf"] = json!("2026-11-22");
    }
    from_json(&value.to_string()).expect("case loads")
}

fn status(a: &Assessment, rule: &str) -> Status {
    a.trace.as_ref().expect("a full assessment has a trace").rules.iter().find(|t| t.rule == rule).unwrap_or_else(|| panic!("{rule} traced")).status
}

fn routes<'a>(a: &'a Assessment) -> Vec<&'a str> {
    a.referrals.iter().map(|r| r.route).collect()
}

fn actions<'a>(a: &'a Assessment) -> Vec<&'a str> {
    a.actions.iter().map(|r| r.id).collect()
}

// --- Three-valued logic, end to end -------------------------------------------------------

/// An engine whose only rule has this condition, over indicators a, b and c.
fn one_rule(condition: Value) -> Engine {
    let mut value = base();
    value["rules"] =
        json!([{"id": "only", "when": condition, "then": {"level": "child-in-need"}, "reason": "test", "sources": [{"source": "primer", "lines": "1"}]}]);
    engine_from(&value)
}

/// Answers for a, b, c: "yes", "no", "not-known", or "" for not answered.
fn answers(values: &[&str]) -> Value {
    let ids = ["domestic-abuse", "parental-mental-health", "parental-substance-misuse"];
    let mut map = serde_json::Map::new();
    for (id, v) in ids.iter().zip(values) {
        if !v.is_empty() {
            map.insert(id.to_string(), json!(v));
        }
    }
    json!({ "answers": map })
}

const VALUES: [&str; 4] = ["yes", "no", "not-known", ""];

fn truth(v: &str) -> Status {
    match v {
        "yes" => Status::Fired,
        "no" => Status::NotFired,
        _ => Status::Undetermined,
    }
}

#[test]
fn all_any_not_follow_kleene_tables_and_unanswered_is_not_no() {
    use Status::{Fired as T, NotFired as F, Undetermined as U};
    let all = one_rule(json!({"all": [{"yes": "domestic-abuse"}, {"yes": "parental-mental-health"}]}));
    let any = one_rule(json!({"any": [{"yes": "domestic-abuse"}, {"yes": "parental-mental-health"}]}));
    let not = one_rule(json!({"not": {"yes": "domestic-abuse"}}));
    for a in VALUES {
        for b in VALUES {
            let c = case(answers(&[a, b]));
            let (ta, tb) = (truth(a), truth(b));
            let expected_all = match (ta, tb) {
                (F, _) | (_, F) => F,
                (T, T) => T,
                _ => U,
            };
            let expected_any = match (ta, tb) {
                (T, _) | (_, T) => T,
                (F, F) => F,
                _ => U,
            };
            assert_eq!(status(&all.assess(&c).expect("ok"), "only"), expected_all, "all({a:?}, {b:?})");
            assert_eq!(status(&any.assess(&c).expect("ok"), "only"), expected_any, "any({a:?}, {b:?})");
        }
        let expected_not = match truth(a) {
            T => F,
            F => T,
            U => U,
        };
        assert_eq!(status(&not.assess(&case(answers(&[a]))).expect("ok"), "only"), expected_not, "not({a:?})");
    }
}

#[test]
fn at_least_is_certain_only_when_the_unknowns_cannot_change_it() {
    use Status::{Fired as T, NotFired as F, Undetermined as U};
    let engine =
        one_rule(json!({"atLeast": {"n": 2, "of": [{"yes": "domestic-abuse"}, {"yes": "parental-mental-health"}, {"yes": "parental-substance-misuse"}]}}));
    let table: [(&[&str], Status); 7] = [
        (&["yes", "yes", ""], T),
        (&["yes", "no", "yes"], T),
        (&["yes", "no", "no"], F),
        (&["yes", "no", "not-known"], U),
        (&["yes", "", ""], U),
        (&["no", "no", "yes"], F),
        (&["", "", ""], U),
    ];
    for (values, expected) in table {
        assert_eq!(status(&engine.assess(&case(answers(values))).expect("ok"), "only"), expected, "{values:?}");
    }
}

#[test]
fn not_known_condition_is_true_for_not_known_and_unanswered() {
    let engine = one_rule(json!({"notKnown": "domestic-abuse"}));
    for (value, expected) in [("yes", Status::NotFired), ("no", Status::NotFired), ("not-known", Status::Fired), ("", Status::Fired)] {
        assert_eq!(status(&engine.assess(&case(answers(&[value]))).expect("ok"), "only"), expected, "{value:?}");
    }
}

#[test]
fn answered_not_known_is_true_only_for_a_stated_not_known_and_asks_nothing() {
    // What a practitioner says they do not know (is the child in danger now?) can call for a
    // step of its own, which a question merely left out does not.
    let engine = one_rule(json!({"answeredNotKnown": "domestic-abuse"}));
    for (value, expected) in [("yes", Status::NotFired), ("no", Status::NotFired), ("not-known", Status::Fired), ("", Status::NotFired)] {
        let a = engine.assess(&case(answers(&[value]))).expect("ok");
        assert_eq!(status(&a, "only"), expected, "{value:?}");
        assert!(!a.questions.iter().any(|q| q.rules.contains(&"only")), "{value:?}: never unknown, so never a question");
    }
    // Beside an unknown, only the unknown is asked about; and answering the indicator decides it.
    let engine = one_rule(json!({"all": [{"answeredNotKnown": "domestic-abuse"}, {"yes": "parental-mental-health"}]}));
    let a = engine.assess(&case(answers(&["not-known", "not-known"]))).expect("ok");
    assert_eq!(status(&a, "only"), Status::Undetermined);
    let asked: Vec<String> = a.questions.iter().filter(|q| q.rules.contains(&"only")).map(|q| format!("{:?}", q.about)).collect();
    assert_eq!(asked.len(), 1, "{asked:?}");
    assert!(asked[0].contains("parental-mental-health") && !asked[0].contains("\"domestic-abuse\""), "{asked:?}");
    let fired = engine.assess(&case(answers(&["not-known", "yes"]))).expect("ok");
    assert_eq!(status(&fired, "only"), Status::Fired);
    let reason = fired.reasons.iter().find(|r| r.rule == "only").expect("a reason");
    assert!(format!("{:?}", reason.evidence).contains("domestic-abuse"), "{:?}", reason.evidence);
}

#[test]
fn answered_yes_and_answered_no_hold_only_for_that_answer_and_ask_as_the_tests_they_stand_for() {
    for (kind, holds_for) in [("answeredYes", "yes"), ("answeredNo", "no")] {
        let engine = one_rule(json!({ kind: "domestic-abuse" }));
        for value in VALUES {
            let a = engine.assess(&case(answers(&[value]))).expect("ok");
            let expected = if value == holds_for { Status::Fired } else { Status::NotFired };
            assert_eq!(status(&a, "only"), expected, "{kind} {value:?}: never unknown");
        }
    }
    // Each one test must decide, explain and ask exactly as the tests it replaces: inside a rule
    // that an unknown leaves open (c yes, and the exception "X(a) and b not yes" not ruled out),
    // over every answer to a, b and c.
    let a = json!("domestic-abuse");
    let forms = [
        (json!({"answeredYes": a}), json!({"all": [{"yes": a}, {"not": {"notKnown": a}}]})),
        (json!({"answeredNo": a}), json!({"all": [{"not": {"yes": a}}, {"not": {"notKnown": a}}]})),
        // "Answered no, or left out".
        (
            json!({"not": {"any": [{"answeredYes": a}, {"answeredNotKnown": a}]}}),
            json!({"any": [{"all": [{"notKnown": a}, {"not": {"answeredNotKnown": a}}]}, {"all": [{"not": {"notKnown": a}}, {"not": {"yes": a}}]}]}),
        ),
    ];
    let within =
        |x: &Value| one_rule(json!({"all": [{"yes": "parental-substance-misuse"}, {"not": {"all": [x, {"not": {"yes": "parental-mental-health"}}]}}]}));
    let seen = |a: &Assessment| {
        let questions: Vec<String> = a
            .questions
            .iter()
            .map(|q| {
                let about: Vec<String> = q.about.iter().map(|f| serde_json::to_value(f).expect("JSON")["indicator"].to_string()).collect();
                format!("{about:?} {:?} {:?}", q.if_answer, q.level.map(|l| l.id))
            })
            .collect();
        // The evidence names the same answers (the pair names the one answer twice).
        let evidence = |r: &waymark::Reason| {
            let mut found: Vec<String> =
                r.evidence.iter().map(|f| serde_json::to_value(f).expect("JSON")).map(|f| format!("{} {}", f["indicator"], f["answer"])).collect();
            found.sort();
            found.dedup();
            found
        };
        let reasons: Vec<String> = a.reasons.iter().map(|r| format!("{} {:?}", r.rule, evidence(r))).collect();
        (status(a, "only"), a.level.id.to_string(), questions, reasons)
    };
    let mut asked = 0;
    for (one, pair) in &forms {
        let (one, pair) = (within(one), within(pair));
        for x in VALUES {
            for y in VALUES {
                for z in VALUES {
                    let case = case(answers(&[x, y, z]));
                    let (got, want) = (seen(&one.assess(&case).expect("ok")), seen(&pair.assess(&case).expect("ok")));
                    asked += got.2.len();
                    assert_eq!(got, want, "{x:?} {y:?} {z:?}");
                }
            }
        }
    }
    assert!(asked > 0, "some answers leave the rule open, with questions to compare");
}

/// `factAnsweredYes` is `fact` made two-valued: true only for a stated yes, so that "not given"
/// can stand for "no" where that is the safe reading (a plan is continuing unless a step-down is
/// said to be proposed), while a yes still asks its question.
#[test]
fn fact_answered_yes_holds_only_for_yes_and_still_asks() {
    let engine = one_rule(json!({"all": [{"yes": "domestic-abuse"}, {"not": {"factAnsweredYes": "step-down-proposed"}}]}));
    for (value, expected) in [("yes", Status::NotFired), ("no", Status::Fired), ("not-known", Status::Fired), ("", Status::Fired)] {
        let mut value_case = json!({"answers": {"domestic-abuse": "yes"}});
        if !value.is_empty() {
            value_case["facts"] = json!({ "step-down-proposed": value });
        }
        let a = engine.assess(&case(value_case)).expect("ok");
        assert_eq!(status(&a, "only"), expected, "step-down-proposed {value:?}: never unknown");
    }
    // The three-valued test leaves the rule open where the two-valued one decides it.
    let three = one_rule(json!({"all": [{"yes": "domestic-abuse"}, {"not": {"fact": "step-down-proposed"}}]}));
    assert_eq!(status(&three.assess(&case(json!({"answers": {"domestic-abuse": "yes"}}))).expect("ok"), "only"), Status::Undetermined);
    // In a rule another unknown leaves open, a yes that would decide it is still worth asking,
    // with the fact as its subject (as `answeredYes` asks its indicator).
    let asks = one_rule(json!({"all": [{"yes": "domestic-abuse"}, {"any": [{"factAnsweredYes": "cp-plan"}, {"yes": "parental-mental-health"}]}]}));
    let a = asks.assess(&case(json!({"answers": {"domestic-abuse": "yes"}}))).expect("ok");
    assert_eq!(status(&a, "only"), Status::Undetermined);
    let about: Vec<Value> = a.questions.iter().flat_map(|q| q.about.iter()).map(|f| serde_json::to_value(f).expect("JSON")).collect();
    assert!(about.iter().any(|f| f["fact"] == "cp-plan"), "{about:?}");
}

// --- Levels -------------------------------------------------------------------------------

#[test]
fn the_level_is_the_highest_floor_and_nothing_lowers_it() {
    let engine = engine();
    let blank = engine.assess(&case(json!({}))).expect("ok");
    assert_eq!(blank.level.id, "universal");
    let early = engine.assess(&case(json!({"answers": {"domestic-abuse": "yes"}}))).expect("ok");
    assert_eq!(early.level.id, "early-help");
    // Adding a protective "no" and a lower-level rule's trigger leaves the floor set by harm.
    let cp = engine
        .assess(&case(json!({"answers": {"domestic-abuse": "yes", "injury-non-mobile": "yes", "parental-mental-health": "no", "seen-alone": "yes"}})))
        .expect("ok");
    assert_eq!(cp.level.id, "child-protection");
    assert_eq!(status(&cp, "domestic-abuse"), Status::Fired);
    assert_eq!(status(&cp, "non-mobile-injury"), Status::Fired);
    // Reasons come most serious first.
    assert_eq!(cp.reasons[0].rule, "non-mobile-injury");
    // Cumulative: two parental factors together reach child in need.
    let trio = engine.assess(&case(json!({"answers": {"domestic-abuse": "yes", "parental-substance-misuse": "yes"}}))).expect("ok");
    assert_eq!(trio.level.id, "child-in-need");
}

#[test]
fn the_emergency_level_means_immediate_danger_with_999_first() {
    let a = engine().assess(&case(json!({"answers": {"immediate-danger": "yes"}}))).expect("ok");
    assert!(a.immediate_danger);
    assert_eq!(a.level.id, "immediate-danger");
    assert_eq!(a.actions[0].id, "call-999");
    assert_eq!(a.actions[0].urgency, waymark::Urgency::Now);
    assert!(routes(&a).contains(&"police-emergency"));
}

#[test]
fn referral_speed_follows_the_level() {
    let engine = engine();
    let cin = engine.assess(&case(json!({"answers": {"self-harm": "yes"}}))).expect("ok");
    let csc = cin.referrals.iter().find(|r| r.route == "childrens-social-care").expect("csc");
    assert_eq!(csc.urgency, waymark::Urgency::WorkingDays(1));
    assert_eq!(csc.due_by.to_string(), "2026-11-23"); // 22 November 2026 is a Sunday
    let cp = engine.assess(&case(json!({"answers": {"injury-non-mobile": "yes"}}))).expect("ok");
    let csc = cp.referrals.iter().find(|r| r.route == "childrens-social-care").expect("csc");
    assert_eq!(csc.urgency, waymark::Urgency::Today);
}

#[test]
fn actions_are_deduplicated_and_ordered_by_urgency() {
    let a = engine()
        .assess(&case(
            json!({"answers": {"self-harm": "yes", "seen-alone": "no", "domestic-abuse": "yes"}, "judgement": {"level": "early-help", "reason": "r"}}),
        ))
        .expect("ok");
    let ids = actions(&a);
    // record-concern comes from two rules but appears once.
    assert_eq!(ids.iter().filter(|id| **id == "record-concern").count(), 1);
    let urgencies: Vec<_> = a.actions.iter().map(|x| x.urgency).collect();
    let mut sorted = urgencies.clone();
    sorted.sort();
    assert_eq!(urgencies, sorted);
    let record = a.actions.iter().find(|x| x.id == "record-concern").expect("present");
    assert_eq!(record.rules, ["seen-but-unsafe", "safeguards.worryRecorded"]);
}

// --- Professional judgement ---------------------------------------------------------------

#[test]
fn a_higher_judgement_is_adopted_with_its_reason() {
    let a = engine()
        .assess(&case(
            json!({"answers": {"domestic-abuse": "yes"}, "judgement": {"level": "child-protection", "reason": "The child told me she is scared to go home"}}),
        ))
        .expect("ok");
    assert_eq!(a.level.id, "child-protection");
    assert_eq!(a.engine_level.id, "early-help");
    let j = a.judgement.as_ref().expect("judgement");
    assert_eq!(j.effect, JudgementEffect::Raised);
    assert_eq!(j.reason, "The child told me she is scared to go home");
    // The adopted level brings its own response: children's social care, today.
    assert!(routes(&a).contains(&"childrens-social-care"));
    assert!(actions(&a).contains(&"phone-csc"));
    assert!(!actions(&a).contains(&"discuss-view"));
}

#[test]
fn a_lower_judgement_is_kept_beside_the_engine_level_and_prompts_a_discussion() {
    let a = engine().assess(&case(json!({"answers": {"self-harm": "yes"}, "judgement": {"level": "universal", "reason": "She seems fine now"}}))).expect("ok");
    assert_eq!(a.level.id, "child-in-need");
    assert_eq!(a.engine_level.id, "child-in-need");
    let j = a.judgement.as_ref().expect("judgement");
    assert_eq!((j.effect, j.level.id), (JudgementEffect::Lower, "universal"));
    assert!(actions(&a).contains(&"discuss-view"));
    assert_eq!(status(&a, "safeguards.judgementLower"), Status::Fired);
}

#[test]
fn an_agreeing_judgement_changes_nothing() {
    let engine = engine();
    let without = engine.assess(&case(json!({"answers": {"self-harm": "yes"}}))).expect("ok");
    let with = engine.assess(&case(json!({"answers": {"self-harm": "yes"}, "judgement": {"level": "child-in-need", "reason": "agree"}}))).expect("ok");
    assert_eq!(with.judgement.as_ref().map(|j| j.effect), Some(JudgementEffect::Agrees));
    assert_eq!(actions(&with), actions(&without));
    assert_eq!(with.level, without.level);
}

// --- Events -------------------------------------------------------------------------------

fn missing(dates: &[&str]) -> Case {
    let events: Vec<Value> = dates.iter().map(|d| json!({"indicator": "missing-episode", "date": d})).collect();
    case(json!({ "events": events }))
}

#[test]
fn event_windows_include_both_edges() {
    let engine = engine();
    // 2026-11-22 minus 90 days is 2026-08-24.
    let inside = engine.assess(&missing(&["2026-11-22", "2026-10-01", "2026-08-24"])).expect("ok");
    assert_eq!(status(&inside, "repeat-missing"), Status::Fired);
    let outside = engine.assess(&missing(&["2026-11-22", "2026-10-01", "2026-08-23"])).expect("ok");
    assert_eq!(status(&outside, "repeat-missing"), Status::NotFired);
    assert_eq!(status(&outside, "any-missing"), Status::Fired);
    let evidence = inside.reasons.iter().find(|r| r.rule == "repeat-missing").expect("reason");
    match &evidence.evidence[0] {
        waymark::Finding::Events { count, dates, within_days, .. } => {
            assert_eq!((*count, *within_days), (3, 90));
            assert_eq!(dates.iter().map(|d| d.to_string()).collect::<Vec<_>>(), ["2026-11-22", "2026-10-01", "2026-08-24"]);
        }
        other => panic!("unexpected evidence {other:?}"),
    }
}

#[test]
fn future_events_are_not_counted_but_are_reported() {
    let a = engine().assess(&missing(&["2026-11-22", "2026-11-01", "2026-11-23"])).expect("ok");
    assert_eq!(status(&a, "repeat-missing"), Status::NotFired);
    assert_eq!(a.warnings.len(), 1);
    assert_eq!(a.warnings[0].path, "events[2].date");
}

#[test]
fn not_known_more_events_make_a_count_undetermined() {
    let mut c = missing(&["2026-11-20"]);
    c.answers.push(("missing-episode".into(), waymark::Answer::NotKnown));
    let a = engine().assess(&c).expect("ok");
    assert_eq!(status(&a, "repeat-missing"), Status::Undetermined);
    assert_eq!(status(&a, "any-missing"), Status::Fired);
}

// --- Age ----------------------------------------------------------------------------------

#[test]
fn ages_from_birth_dates_years_and_before_birth() {
    let engine = engine();
    let homeless = |child: Value| engine.assess(&case(json!({"child": child, "answers": {"homeless": "yes"}}))).map(|a| status(&a, "homeless-16"));
    assert_eq!(homeless(json!({"ageYears": 16})).ok(), Some(Status::Fired));
    assert_eq!(homeless(json!({"ageYears": 15})).ok(), Some(Status::NotFired));
    assert_eq!(homeless(json!({"dateOfBirth": "2010-11-22"})).ok(), Some(Status::Fired)); // 16 today
    assert_eq!(homeless(json!({"dateOfBirth": "2010-11-23"})).ok(), Some(Status::NotFired)); // 16 tomorrow
    assert_eq!(homeless(json!({})).ok(), Some(Status::Undetermined));
    let infant = |child: Value| engine.assess(&case(json!({"child": child, "answers": {"domestic-abuse": "yes"}}))).map(|a| a.level.id.to_string());
    assert_eq!(infant(json!({"ageMonths": 11})).ok().as_deref(), Some("child-protection"));
    assert_eq!(infant(json!({"ageMonths": 12})).ok().as_deref(), Some("early-help"));
    assert_eq!(infant(json!({"dateOfBirth": "2027-03-01"})).ok().as_deref(), Some("child-protection")); // unborn
    let error = engine.assess(&case(json!({"child": {"ageYears": 3, "ageMonths": 40}}))).expect_err("two ages");
    assert_eq!((error.first().path.as_str(), error.first().code.name()), ("child", "conflicting-age"));
}

// --- Context and safeguards ---------------------------------------------------------------

#[test]
fn no_worry_no_actions_but_any_worry_always_gets_one() {
    let engine = engine();
    let blank = engine.assess(&case(json!({}))).expect("ok");
    assert!(!blank.worry_recorded);
    assert!(blank.actions.is_empty() && blank.referrals.is_empty());
    // A worry that no rule covers still goes to the safeguarding lead.
    let worry = engine.assess(&case(json!({"answers": {"private-notes-only": "yes"}}))).expect("ok");
    assert_eq!(worry.level.id, "universal");
    assert!(worry.worry_recorded);
    assert_eq!(actions(&worry), ["tell-dsl", "record-concern"]);
    assert_eq!(routes(&worry), ["dsl"]);
    // So does "I am still worried" on its own, and a judgement above universal.
    for extra in [json!({"facts": {"still-worried": "yes"}}), json!({"judgement": {"level": "early-help", "reason": "gut feeling"}})] {
        assert!(engine.assess(&case(extra)).expect("ok").actions.iter().any(|a| a.id == "tell-dsl"));
    }
}

#[test]
fn a_circumstance_is_not_a_worry_but_rules_still_use_it() {
    let engine = engine();
    let alone = engine.assess(&case(json!({"answers": {"ehcp": "yes"}}))).expect("ok");
    assert!(!alone.worry_recorded);
    assert_eq!(status(&alone, "safeguards.worryRecorded"), Status::NotFired);
    assert!(alone.actions.is_empty() && alone.referrals.is_empty());
    let with_worry = engine.assess(&case(json!({"answers": {"ehcp": "yes", "excluded": "yes"}}))).expect("ok");
    assert_eq!(status(&with_worry, "excluded-with-ehcp"), Status::Fired);
    assert_eq!(with_worry.level.id, "child-in-need");
    // The worry is the exclusion, not the plan.
    let evidence: Vec<String> =
        with_worry.reasons.iter().find(|r| r.rule == "safeguards.worryRecorded").expect("fired").evidence.iter().map(|f| format!("{f:?}")).collect();
    assert_eq!(evidence.len(), 1);
    assert!(evidence[0].contains("\"excluded\""), "{evidence:?}");
}

#[test]
fn forms_are_told_where_to_ask_each_indicator() {
    let description = engine().describe();
    let step = |id: &str| description.indicators.iter().find(|i| i.id == id).map(|i| i.step.name());
    // Circumstances with the child's details; a domain's own step; the default, among the worries.
    assert_eq!((step("ehcp"), step("outcomes-not-met"), step("self-harm")), (Some("child"), Some("so-far"), Some("worries")));
}

#[test]
fn a_closed_referral_with_a_persisting_worry_escalates() {
    let engine = engine();
    for outcome in ["closed-no-further-action", "not-accepted"] {
        let a = engine.assess(&case(json!({"referral": outcome, "facts": {"still-worried": "yes"}}))).expect("ok");
        let escalation = a.escalation.as_ref().unwrap_or_else(|| panic!("{outcome} escalates"));
        assert_eq!(escalation.stages.iter().map(|s| s.id).collect::<Vec<_>>(), ["stage-1", "stage-2", "stage-3"]);
        assert!(escalation.stages[0].timescale_is_default);
        assert!(actions(&a).contains(&"escalate-in-writing"));
    }
    for (outcome, worried) in [("accepted", "yes"), ("closed-no-further-action", "no")] {
        let a = engine.assess(&case(json!({"referral": outcome, "facts": {"still-worried": worried}}))).expect("ok");
        assert!(a.escalation.is_none(), "{outcome} {worried}");
    }
}

#[test]
fn rules_can_start_escalation_at_a_later_stage() {
    let a = engine().assess(&case(json!({"referral": "early-help", "facts": {"still-worried": "yes"}, "answers": {"self-harm": "yes"}}))).expect("ok");
    let stages: Vec<_> = a.escalation.as_ref().expect("escalates").stages.iter().map(|s| s.id).collect();
    assert_eq!(stages, ["stage-2", "stage-3"]);
}

#[test]
fn step_down_with_outcomes_unmet_holds_child_protection_and_escalates() {
    let a = engine().assess(&case(json!({"facts": {"step-down-proposed": "yes", "cp-plan": "yes"}, "answers": {"outcomes-not-met": "yes"}}))).expect("ok");
    assert_eq!(a.level.id, "child-protection");
    assert!(a.escalation.is_some());
}

// --- Open questions -----------------------------------------------------------------------

/// The indicators a question asks about, in order.
fn subjects<'a>(q: &'a waymark::Question) -> Vec<&'a str> {
    q.about
        .iter()
        .map(|finding| match finding {
            waymark::Finding::Yes { indicator, .. } | waymark::Finding::NotKnown { indicator, .. } => *indicator,
            other => panic!("an indicator, not {other:?}"),
        })
        .collect()
}

#[test]
fn a_question_asked_together_leads_with_what_the_rule_needs_first() {
    // Written with the larger part first: self-harm (asked from 8) is what the rule needs first.
    let engine = one_rule(json!({"all": [{"any": [{"yes": "parental-mental-health"}, {"yes": "parental-substance-misuse"}]}, {"yes": "self-harm"}]}));
    let asked = |answers: Value| engine.assess(&case(json!({"child": {"ageYears": 9}, "answers": answers}))).expect("ok").questions;
    let questions = asked(json!({"parental-mental-health": "not-known"}));
    assert_eq!(questions.len(), 1);
    let q = &questions[0];
    assert_eq!((subjects(q), q.lead, q.if_answer), (vec!["self-harm", "parental-mental-health", "parental-substance-misuse"], 1, None));
    // A "no" to what leads settles the rule; a yes turns the rest into questions of their own.
    assert!(asked(json!({"parental-mental-health": "not-known", "self-harm": "no"})).is_empty());
    let questions = asked(json!({"parental-mental-health": "not-known", "self-harm": "yes"}));
    assert_eq!(
        questions.iter().map(|q| (subjects(q), q.lead, q.if_answer)).collect::<Vec<_>>(),
        [(vec!["parental-mental-health"], 1, Some(waymark::Hypothesis::Yes)), (vec!["parental-substance-misuse"], 1, Some(waymark::Hypothesis::Yes)),]
    );
    // "Not known" is not "no": the question stays.
    assert_eq!(asked(json!({"parental-mental-health": "not-known", "self-harm": "not-known"})).len(), 1);
}

#[test]
fn a_rule_that_needs_what_is_not_asked_at_the_childs_age_asks_nothing() {
    let engine = one_rule(json!({"all": [{"yes": "self-harm"}, {"any": [{"yes": "parental-mental-health"}, {"yes": "parental-substance-misuse"}]}]}));
    let asked = |age: Value| engine.assess(&case(json!({"child": age, "answers": {"parental-mental-health": "not-known"}}))).expect("ok").questions;
    // Self-harm is asked from 8: for a 2-year-old no answer on the form can make the rule hold.
    assert!(asked(json!({"ageYears": 2})).is_empty());
    assert_eq!(
        asked(json!({"ageYears": 9})).iter().map(|q| (subjects(q), q.lead)).collect::<Vec<_>>(),
        [(vec!["self-harm", "parental-mental-health", "parental-substance-misuse"], 1)]
    );
    // An age not given fits every range: the question is asked.
    assert_eq!(asked(json!({})).len(), 1);
    // Outside its ages, even answered "not known", nothing is asked (tests/properties.rs holds it).
    let answered = engine
        .assess(&case(json!({"child": {"ageYears": 2}, "answers": {"parental-mental-health": "not-known", "self-harm": "not-known"}})))
        .expect("ok")
        .questions;
    assert!(answered.is_empty(), "{answered:?}");
}

#[test]
fn not_known_answers_that_would_change_the_guidance_become_questions() {
    let a = engine().assess(&case(json!({"answers": {"immediate-danger": "not-known"}}))).expect("ok");
    assert_eq!(a.level.id, "universal");
    assert_eq!(a.questions.len(), 1);
    let q = &a.questions[0];
    assert_eq!(q.if_answer, Some(waymark::Hypothesis::Yes));
    assert_eq!(q.level.map(|l| l.id), Some("immediate-danger"));
    assert_eq!(q.routes.iter().map(|r| r.id).collect::<Vec<_>>(), Vec::<&str>::new());
    assert_eq!(q.rules, ["immediate-danger"]);
}

#[test]
fn untouched_rules_do_not_become_questions() {
    let a = engine().assess(&case(json!({"answers": {"domestic-abuse": "yes"}}))).expect("ok");
    // The other parental factors would raise the level with domestic abuse, so they are asked;
    // unrelated indicators never answered are not.
    let about: Vec<String> = a
        .questions
        .iter()
        .flat_map(|q| q.about.iter())
        .map(|f| match f {
            waymark::Finding::Yes { indicator, .. } => indicator.to_string(),
            waymark::Finding::Age { .. } => "age".into(),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(about, ["age", "parental-mental-health", "parental-substance-misuse"]);
    let age = &a.questions[0];
    assert_eq!(age.level.map(|l| l.id), Some("child-protection"));
}

#[test]
fn referral_outcome_questions_say_which_outcome() {
    let a = engine().assess(&case(json!({"facts": {"still-worried": "yes"}}))).expect("ok");
    let outcomes: Vec<_> = a
        .questions
        .iter()
        .filter_map(|q| match &q.about[..] {
            [waymark::Finding::Referral { outcome, .. }] if q.escalation => Some(outcome.name()),
            _ => None,
        })
        .collect();
    assert_eq!(outcomes, ["closed-no-further-action", "not-accepted"]);
}

// --- Determinism and shape ----------------------------------------------------------------

#[test]
fn assessments_are_deterministic_whatever_the_input_order() {
    let engine = engine();
    let one = case(json!({
        "child": {"ageYears": 14},
        "answers": {"self-harm": "yes", "seen-alone": "not-known", "excluded": "yes", "older-associates": "not-known"},
        "events": [{"indicator": "missing-episode", "date": "2026-11-01"}, {"indicator": "missing-episode", "date": "2026-10-01"}],
        "facts": {"still-worried": "yes", "looked-after": "not-known"},
        "referral": "closed-no-further-action"
    }));
    let mut two = one.clone();
    two.events.reverse();
    let first = serde_json::to_string(&engine.assess(&one).expect("ok")).expect("json");
    for _ in 0..3 {
        assert_eq!(serde_json::to_string(&engine.assess(&one).expect("ok")).expect("json"), first);
    }
    assert_eq!(serde_json::to_string(&engine.assess(&two).expect("ok")).expect("json"), first);
    // A second compilation of the same ruleset gives the same content hash and guidance.
    assert_eq!(serde_json::to_string(&engine_from(&base()).assess(&one).expect("ok")).expect("json"), first);
}

#[test]
fn guidance_is_the_full_assessment_without_its_trace() {
    let engine = engine();
    let c = case(json!({
        "child": {"ageYears": 15},
        "answers": {"self-harm": "yes", "seen-alone": "not-known", "older-associates": "yes"},
        "events": [{"indicator": "missing-episode", "date": "2026-11-01"}],
        "referral": "closed-no-further-action",
        "facts": {"still-worried": "yes"}
    }));
    let mut full = serde_json::to_value(engine.assess(&c).expect("ok")).expect("json");
    let guidance = serde_json::to_value(engine.assess_with(&c, Detail::Guidance).expect("ok")).expect("json");
    assert_eq!(guidance.get("trace"), None);
    let trace = full.as_object_mut().expect("object").remove("trace").expect("the full assessment has a trace");
    // Every rule of the ruleset, then the three safeguards.
    assert_eq!(trace.as_array().map(Vec::len), Some(engine.describe().rules + 3));
    assert_eq!(full, guidance);
}

#[test]
fn the_json_shape_is_camel_case_with_kebab_values() {
    let a = engine().assess(&case(json!({"answers": {"self-harm": "yes"}}))).expect("ok");
    let json = serde_json::to_value(&a).expect("json");
    for key in [
        "level",
        "engineLevel",
        "immediateDanger",
        "worryRecorded",
        "actions",
        "referrals",
        "escalation",
        "prompts",
        "questions",
        "reasons",
        "trace",
        "warnings",
        "answered",
        "childAge",
        "asOf",
        "notice",
        "ruleset",
        "profile",
        "engineVersion",
    ] {
        assert!(json.get(key).is_some(), "missing {key}");
    }
    assert_eq!(json["trace"][0]["status"], json!("undetermined")); // immediate-danger, not answered
    assert_eq!(json["ruleset"]["hash"].as_str().map(str::len), Some(16));
    assert_eq!(json["referrals"][0]["contacts"][0]["set"], json!(false));
    assert_eq!(json["actions"][0]["urgency"], json!("today"));
}

#[test]
fn case_errors_name_the_path() {
    let engine = engine();
    let cases = [
        (json!({"answers": {"missng": "yes"}}), "answers.missng", "unknown-indicator"),
        (json!({"answers": {"missing-episode": "yes"}}), "answers.missing-episode", "wrong-kind"),
        (json!({"events": [{"indicator": "self-harm", "date": "2026-01-01"}]}), "events[0].indicator", "wrong-kind"),
        (json!({"judgement": {"level": "tier-3", "reason": "x"}}), "judgement.level", "unknown-level"),
        (json!({"judgement": {"level": "early-help", "reason": " "}}), "judgement.reason", "empty-text"),
    ];
    for (value, path, code) in cases {
        let error = engine.assess(&case(value)).expect_err(path);
        assert_eq!((error.first().document, error.first().path.as_str(), error.first().code.name()), (Document::Case, path, code));
    }
    let error = from_json::<Case>(r#"{"asOf": "2026-11-22", "answers": {"self-harm": "maybe"}}"#).expect_err("bad answer");
    assert_eq!(error.first().path, "answers.self-harm");
}

#[test]
fn stale_rulesets_are_flagged_on_every_assessment() {
    let a = engine().assess(&case(json!({"asOf": "2028-01-05"}))).expect("ok");
    assert!(a.warnings.iter().any(|w| w.path == "ruleset.meta.reviewDate"), "{:?}", a.warnings);
}

// --- Profiles -----------------------------------------------------------------------------

#[test]
fn a_profile_changes_names_numbers_and_timescales_but_not_rules() {
    let ruleset = parse(include_str!("rulesets/language.json"), Document::Ruleset).expect("JSON");
    let profile = parse(include_str!("rulesets/language-profile.json"), Document::Profile).expect("JSON");
    let plain = Engine::new(&ruleset, None).expect("compiles");
    let local = Engine::new(&ruleset, Some(&profile)).expect("compiles");
    let c = case(json!({"answers": {"self-harm": "yes"}, "referral": "not-accepted", "facts": {"still-worried": "yes"}}));
    let (a, b) = (plain.assess(&c).expect("ok"), local.assess(&c).expect("ok"));
    assert_eq!((a.level.id, a.level.name), ("child-in-need", "Child in need"));
    assert_eq!((b.level.id, b.level.name), ("child-in-need", "Tier 3: complex needs"));
    let statuses =
        |x: &Assessment| x.trace.as_ref().expect("a full assessment has a trace").rules.iter().map(|t| (t.rule.to_string(), t.status)).collect::<Vec<_>>();
    assert_eq!(statuses(&a), statuses(&b));
    let mash = |x: &Assessment| {
        x.referrals.iter().find(|r| r.route == "childrens-social-care").map(|r| (r.contacts[0].phone.clone(), r.contacts[0].set, r.contacts[0].name.clone()))
    };
    assert_eq!(mash(&a), Some((None, false, "Children's social care front door (MASH)".into())));
    assert_eq!(mash(&b), Some((Some("020 7946 0321".into()), true, "Northfield MASH".into())));
    let stage = |x: &Assessment| x.escalation.as_ref().map(|e| (e.stages[0].timescale, e.stages[0].timescale_is_default, e.stages[0].who.to_string()));
    assert_eq!(stage(&a), Some((waymark::Urgency::WorkingDays(5), true, "You and the worker who made the decision".into())));
    assert_eq!(stage(&b), Some((waymark::Urgency::WorkingDays(2), false, "You and the social worker, through the DSL".into())));
    assert_eq!(b.profile.map(|p| p.organisation), Some("Northfield Primary School"));
    assert_ne!(a.ruleset.hash, "");
    assert_eq!(a.ruleset.hash, b.ruleset.hash);
}

// --- Actions that stand in for others ------------------------------------------------------

#[test]
fn an_action_that_stands_in_for_a_slower_one_shows_alone_and_every_reason_stays() {
    let mut value = base();
    value["actions"]
        .as_array_mut()
        .expect("actions")
        .push(json!({"id": "refer-in-a-day", "text": "Refer within a working day.", "urgency": {"workingDays": 1}}));
    value["actions"][1]["standsInFor"] = json!(["refer-in-a-day"]); // phone-csc, today
    let rule = |id: &str, indicator: &str, action: &str| json!({"id": id, "when": {"yes": indicator}, "then": {"actions": [action]}, "reason": "test", "sources": [{"source": "primer", "lines": "1"}]});
    let mut both = rule("both", "parental-mental-health", "phone-csc");
    both["then"]["actions"] = json!(["refer-in-a-day", "phone-csc"]);
    value["rules"] = json!([rule("slow", "domestic-abuse", "refer-in-a-day"), rule("fast", "self-harm", "phone-csc"), both]);
    let engine = engine_from(&value);

    let both = engine.assess(&case(json!({"answers": {"domestic-abuse": "yes", "self-harm": "yes"}}))).expect("assesses");
    let phone = both.actions.iter().find(|a| a.id == "phone-csc").expect("the faster action");
    assert!(!actions(&both).contains(&"refer-in-a-day"), "{:?}", actions(&both));
    assert_eq!(phone.rules, ["fast"], "the rules that asked for it");
    assert!(both.reasons.iter().any(|r| r.rule == "slow"), "the slower action's rule is still a reason");

    let all = engine.assess(&case(json!({"answers": {"domestic-abuse": "yes", "self-harm": "yes", "parental-mental-health": "yes"}}))).expect("assesses");
    assert_eq!(actions(&all).iter().filter(|a| ["phone-csc", "refer-in-a-day"].contains(a)).collect::<Vec<_>>(), [&"phone-csc"]);
    assert_eq!(all.actions.iter().find(|a| a.id == "phone-csc").expect("shown").rules, ["fast", "both"]);

    // A stand-in that does not fit this child stands in for nothing.
    let mut unfit = value.clone();
    unfit["actions"][1]["unless"] = json!({"yes": "parental-substance-misuse"});
    let unfit_engine = engine_from(&unfit);
    let unfit =
        unfit_engine.assess(&case(json!({"answers": {"domestic-abuse": "yes", "self-harm": "yes", "parental-substance-misuse": "yes"}}))).expect("assesses");
    assert!(actions(&unfit).contains(&"refer-in-a-day") && !actions(&unfit).contains(&"phone-csc"), "{:?}", actions(&unfit));

    let slow_only = engine.assess(&case(json!({"answers": {"domestic-abuse": "yes", "self-harm": "no"}}))).expect("assesses");
    assert!(actions(&slow_only).contains(&"refer-in-a-day") && !actions(&slow_only).contains(&"phone-csc"), "{:?}", actions(&slow_only));
}
