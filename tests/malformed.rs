//! Malformed rulesets and profiles: each is the valid test ruleset with one patch, and must be
//! refused with exactly the path and code named here.

use serde_json::{json, Value};
use waymark::{parse, Document, Engine, Error};

fn base() -> Value {
    serde_json::from_str(include_str!("rulesets/language.json")).expect("the test ruleset is JSON")
}

/// Replaces (or, with `None`, removes) the value at a JSON pointer.
fn patch(mut value: Value, pointer: &str, new: Option<Value>) -> Value {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    let target = value.pointer_mut(parent).unwrap_or_else(|| panic!("{parent} exists"));
    match (target, new) {
        (Value::Object(map), Some(new)) => {
            map.insert(key.to_string(), new);
        }
        (Value::Object(map), None) => {
            map.remove(key).unwrap_or_else(|| panic!("{pointer} exists"));
        }
        (Value::Array(list), Some(new)) => list[key.parse::<usize>().expect("an index")] = new,
        _ => panic!("cannot patch {pointer}"),
    }
    value
}

fn compile(value: &Value) -> Result<Engine, Error> {
    Engine::new(&parse(&value.to_string(), Document::Ruleset)?, None)
}

#[track_caller]
fn refused(value: Value, path: &str, code: &str) -> Error {
    let error = compile(&value).err().unwrap_or_else(|| panic!("expected {code} at {path}, but it compiled"));
    let problem = error.first();
    assert_eq!((problem.path.as_str(), problem.code.name()), (path, code), "{error}");
    assert_eq!(problem.document, Document::Ruleset);
    error
}

#[test]
fn the_base_ruleset_compiles() {
    compile(&base()).expect("valid");
}

#[test]
fn unknown_indicator_deep_in_a_condition_names_the_path_and_suggests_a_fix() {
    let error = refused(patch(base(), "/rules/8/when/all/1/yes", Some(json!("excludd"))), "rules[8].when.all[1].yes", "unknown-indicator");
    assert_eq!(error.to_string(), "ruleset: rules[8].when.all[1].yes: unknown indicator \"excludd\" (did you mean \"excluded\"?)");
}

#[test]
fn unknown_field() {
    let error = refused(patch(base(), "/rules/2/then/lvl", Some(json!("x"))), "rules[2].then.lvl", "unknown-field");
    assert!(error.first().message.contains("unknown field \"lvl\"; expected one of: level, actions"), "{error}");
}

#[test]
fn unknown_field_in_a_condition() {
    let error = refused(patch(base(), "/rules/6/when/events/days", Some(json!(3))), "rules[6].when.events.days", "unknown-field");
    assert!(error.first().message.contains("unknown field \"days\""), "{error}");
}

#[test]
fn unknown_condition_operator() {
    let error = refused(patch(base(), "/rules/0/when", Some(json!({"some": []}))), "rules[0].when.some", "bad-condition");
    assert!(error.first().message.starts_with("unknown condition \"some\"; expected one of: all, any, not"), "{error}");
    let error = refused(patch(base(), "/rules/0/when", Some(json!({"yes": "self-harm", "no": "x"}))), "rules[0].when", "bad-condition");
    assert!(error.first().message.starts_with("expected an object with one of"), "{error}");
}

#[test]
fn missing_field() {
    let error = refused(patch(base(), "/meta/notice", None), "meta", "missing-field");
    assert!(error.first().message.contains("missing field \"notice\""), "{error}");
}

#[test]
fn repeated_key() {
    let text = include_str!("rulesets/language.json").replacen("\"version\": \"1.0.0\",", "\"version\": \"1.0.0\", \"version\": \"1.0.1\",", 1);
    let error = Engine::new(&parse(&text, Document::Ruleset).expect("JSON"), None).expect_err("repeated key");
    let problem = error.first();
    assert_eq!((problem.path.as_str(), problem.code.name(), problem.message.as_str()), ("meta.version", "repeated-field", "\"version\" is given twice"));
}

#[test]
fn wrong_type() {
    let error = refused(patch(base(), "/levels/2/rank", Some(json!("3"))), "levels[2].rank", "wrong-type");
    assert_eq!(error.first().message, "expected a number, found a string");
}

#[test]
fn impossible_date() {
    refused(patch(base(), "/meta/reviewDate", Some(json!("2027-02-30"))), "meta.reviewDate", "bad-value");
}

#[test]
fn review_before_effective_date() {
    refused(patch(base(), "/meta/reviewDate", Some(json!("2025-01-01"))), "meta.reviewDate", "bad-dates");
}

#[test]
fn wrong_format() {
    refused(patch(base(), "/format", Some(json!("waymark-ruleset/2"))), "format", "wrong-format");
}

#[test]
fn duplicate_id() {
    let error = refused(patch(base(), "/indicators/3/id", Some(json!("self-harm"))), "indicators[3].id", "duplicate-id");
    assert!(error.first().message.contains("indicators[1]"), "{error}");
}

#[test]
fn id_not_kebab_case() {
    refused(patch(base(), "/domains/0/id", Some(json!("Child_Domain"))), "domains[0].id", "bad-id");
}

#[test]
fn unknown_level() {
    refused(patch(base(), "/rules/0/then/level", Some(json!("emergency"))), "rules[0].then.level", "unknown-level");
}

#[test]
fn unknown_route() {
    refused(patch(base(), "/rules/5/then/routes", Some(json!(["mash"]))), "rules[5].then.routes[0]", "unknown-route");
}

#[test]
fn unknown_escalation_stage() {
    refused(patch(base(), "/rules/11/then/escalateFrom", Some(json!("stage-9"))), "rules[11].then.escalateFrom", "unknown-stage");
}

#[test]
fn unknown_prompt() {
    refused(patch(base(), "/rules/1/then/prompts/0", Some(json!("histroy"))), "rules[1].then.prompts[0]", "unknown-prompt");
}

#[test]
fn unknown_action_in_a_safeguard() {
    refused(
        patch(base(), "/safeguards/worryRecorded/then/actions/0", Some(json!("tell-the-dsl"))),
        "safeguards.worryRecorded.then.actions[0]",
        "unknown-action",
    );
}

#[test]
fn unknown_domain() {
    refused(patch(base(), "/indicators/2/domain", Some(json!("health"))), "indicators[2].domain", "unknown-domain");
}

#[test]
fn unknown_contact_in_a_route() {
    refused(patch(base(), "/routes/2/contacts/0", Some(json!("early-help-team"))), "routes[2].contacts[0]", "unknown-contact");
}

#[test]
fn counting_an_answer_indicator() {
    refused(patch(base(), "/rules/6/when/events/indicator", Some(json!("self-harm"))), "rules[6].when.events.indicator", "wrong-kind");
}

#[test]
fn counting_a_circumstance() {
    refused(patch(base(), "/rules/6/when/events/indicator", Some(json!("ehcp"))), "rules[6].when.events.indicator", "wrong-kind");
}

#[test]
fn a_domain_step_that_is_not_a_step() {
    refused(patch(base(), "/domains/3/step", Some(json!("later"))), "domains[3].step", "bad-value");
}

#[test]
fn asking_yes_of_an_event_indicator() {
    refused(patch(base(), "/rules/0/when/yes", Some(json!("missing-episode"))), "rules[0].when.yes", "wrong-kind");
}

#[test]
fn at_least_more_than_there_are() {
    refused(patch(base(), "/rules/4/when/atLeast/n", Some(json!(4))), "rules[4].when.atLeast.n", "bad-count");
}

#[test]
fn empty_all() {
    refused(patch(base(), "/rules/2/when/all", Some(json!([]))), "rules[2].when.all", "empty-condition");
}

#[test]
fn inverted_age_range() {
    refused(patch(base(), "/rules/2/when/all/1/age", Some(json!({"minMonths": 12, "maxMonths": 6}))), "rules[2].when.all[1].age", "bad-age-range");
}

#[test]
fn two_emergency_levels() {
    refused(patch(base(), "/levels/3/emergency", Some(json!(true))), "levels[3].emergency", "bad-levels");
}

#[test]
fn no_emergency_level() {
    refused(patch(base(), "/levels/4/emergency", Some(json!(false))), "levels", "bad-levels");
}

#[test]
fn duplicate_rank() {
    refused(patch(base(), "/levels/1/rank", Some(json!(1))), "levels[1].rank", "bad-levels");
}

#[test]
fn local_number_in_the_ruleset() {
    refused(patch(base(), "/contacts/1/phone", Some(json!("020 7946 0000"))), "contacts[1].phone", "local-number");
}

#[test]
fn unknown_source() {
    refused(patch(base(), "/rules/3/sources/0/source", Some(json!("primer-2"))), "rules[3].sources[0].source", "unknown-source");
}

#[test]
fn bad_line_numbers() {
    refused(patch(base(), "/rules/0/sources/0/lines", Some(json!("28-22"))), "rules[0].sources[0].lines", "bad-lines");
}

#[test]
fn unknown_context_fact() {
    let error = refused(patch(base(), "/rules/12/when/all/0/fact", Some(json!("on-a-plan"))), "rules[12].when.all[0].fact", "bad-value");
    assert!(error.first().message.contains("unknown value \"on-a-plan\"; expected one of: looked-after"), "{error}");
}

#[test]
fn context_fact_without_wording() {
    refused(patch(base(), "/rules/12/when/all/0/fact", Some(json!("order-ending"))), "rules[12].when.all[0].fact", "missing-wording");
}

#[test]
fn referral_outcome_without_wording() {
    refused(patch(base(), "/context/referral/5", Some(json!({"outcome": "awaiting", "text": "Again"}))), "context.referral[5].outcome", "duplicate-wording");
}

#[test]
fn unknown_urgency() {
    refused(patch(base(), "/actions/0/urgency", Some(json!("asap"))), "actions[0].urgency", "bad-value");
}

#[test]
fn unknown_lint_code_in_allow() {
    refused(patch(base(), "/indicators/14/allow", Some(json!({"unusd": "typo"}))), "indicators[14].allow.unusd", "unknown-lint");
}

#[test]
fn principle_out_of_range() {
    refused(patch(base(), "/rules/0/principles/0", Some(json!(11))), "rules[0].principles[0]", "bad-principle");
}

#[test]
fn empty_reason() {
    refused(patch(base(), "/rules/3/reason", Some(json!("  "))), "rules[3].reason", "empty-text");
}

#[test]
fn judgement_safeguard_cannot_set_a_level() {
    refused(patch(base(), "/safeguards/judgementLower/then/level", Some(json!("early-help"))), "safeguards.judgementLower.then.level", "safeguard-level");
}

#[test]
fn a_recorded_worry_must_lead_to_an_action_or_route() {
    let value = patch(base(), "/safeguards/worryRecorded/then/actions", None);
    refused(patch(value, "/safeguards/worryRecorded/then/routes", None), "safeguards.worryRecorded.then", "empty-safeguard");
}

#[test]
fn conditions_nested_too_deep() {
    let mut condition = json!({"yes": "self-harm"});
    for _ in 0..40 {
        condition = json!({"not": condition});
    }
    let error = refused(patch(base(), "/rules/5/when", Some(condition)), &format!("rules[5].when{}", ".not".repeat(32)), "too-deep");
    assert_eq!(error.problems().len(), 1);
}

#[test]
fn syntax_errors_carry_line_and_column() {
    let text = "{\n  \"format\": \"waymark-ruleset/1\",\n  \"meta\": {,\n}";
    let error = parse(text, Document::Ruleset).expect_err("malformed");
    let problem = error.first();
    assert_eq!((problem.code.name(), problem.line, problem.column), ("syntax", Some(3), Some(12)), "{error}");
}

#[test]
fn every_problem_is_reported_in_one_pass() {
    let value = patch(base(), "/rules/0/then/level", Some(json!("nope")));
    let value = patch(value, "/rules/1/then/prompts/0", Some(json!("nope")));
    let value = patch(value, "/routes/0/contacts/0", Some(json!("nope")));
    let error = compile(&value).expect_err("three problems");
    let paths: Vec<&str> = error.problems().iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["routes[0].contacts[0]", "rules[0].then.level", "rules[1].then.prompts[0]"]);
    assert!(error.to_string().ends_with("(and 2 more problems)"), "{error}");
}

fn profile(value: Value) -> Result<Engine, Error> {
    let ruleset = parse(&base().to_string(), Document::Ruleset)?;
    Engine::new(&ruleset, Some(&parse(&value.to_string(), Document::Profile)?))
}

fn good_profile() -> Value {
    json!({
        "format": "waymark-profile/1",
        "id": "test-school",
        "organisation": "Test School",
        "ruleset": "language-test",
        "levels": {"child-in-need": {"name": "Tier 3"}},
        "contacts": {"mash": {"phone": "020 7946 0999", "hours": "9 to 5"}},
        "escalation": {"stage-1": {"timescale": {"workingDays": 2}}}
    })
}

#[track_caller]
fn profile_refused(value: Value, path: &str, code: &str) {
    let error = profile(value).err().unwrap_or_else(|| panic!("expected {code} at {path}"));
    let problem = error.first();
    assert_eq!((problem.document, problem.path.as_str(), problem.code.name()), (Document::Profile, path, code), "{error}");
}

#[test]
fn profile_problems_name_the_profile_and_path() {
    profile(good_profile()).expect("valid profile");
    profile_refused(patch(good_profile(), "/levels/tier-3", Some(json!({"name": "x"}))), "levels.tier-3", "unknown-level");
    profile_refused(patch(good_profile(), "/contacts/lado", Some(json!({"phone": "1"}))), "contacts.lado", "unknown-contact");
    profile_refused(patch(good_profile(), "/contacts/police-emergency", Some(json!({"phone": "112"}))), "contacts.police-emergency", "national-contact");
    profile_refused(patch(good_profile(), "/escalation/stage-7", Some(json!({}))), "escalation.stage-7", "unknown-stage");
    profile_refused(patch(good_profile(), "/ruleset", Some(json!("england-default"))), "ruleset", "wrong-ruleset");
    profile_refused(patch(good_profile(), "/contacts/mash/fax", Some(json!("1"))), "contacts.mash.fax", "unknown-field");
}

// --- Limits and costs: regressions for what a fuzzer found ---------------------------------------
//
// Each limit is refused with its path and the code `too-large` or `too-deep`, and every cost is
// linear (or n log n) in the input: the time bounds below are generous for a debug build, and
// each was exceeded many times over before the fix.

use std::time::{Duration, Instant};
use waymark::{from_json, Case};

#[track_caller]
fn quickly<T>(limit_secs: u64, what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let result = f();
    assert!(start.elapsed() < Duration::from_secs(limit_secs), "{what} took {:?}", start.elapsed());
    result
}

/// The base ruleset with `n` more answer indicators, `extra-0` to `extra-{n-1}`.
fn with_indicators(n: usize) -> Value {
    let mut value = base();
    let list = value["indicators"].as_array_mut().expect("a list");
    list.extend((0..n).map(|i| json!({"id": format!("extra-{i}"), "domain": "child", "text": format!("Extra {i}")})));
    value
}

fn engine(value: &Value) -> Engine {
    compile(value).unwrap_or_else(|e| panic!("compiles: {e}"))
}

#[test]
fn more_indicators_than_16_bit_indices_hold_are_refused_not_wrapped() {
    // Indicator 65,536 used to wrap to index 0, so a rule about it fired on the first indicator.
    let mut value = with_indicators(65_540);
    value["rules"][0]["when"] = json!({"yes": "extra-65535"});
    let error = quickly(30, "refusing 65,540 indicators", || refused(value, "indicators", "too-large"));
    assert!(error.first().message.contains("at most 50000"), "{error}");
}

#[test]
fn every_list_of_a_ruleset_has_a_limit() {
    for (list, limit) in [("levels", 100), ("escalation", 100), ("rules", 50_000), ("actions", 50_000)] {
        let mut value = base();
        let items = value[list].as_array_mut().expect("a list");
        let first = items[0].clone();
        items.resize(limit + 1, first);
        let error = refused(value, list, "too-large");
        assert!(error.first().message.contains(&format!("at most {limit}")), "{error}");
    }
}

#[test]
fn named_conditions_that_double_at_each_step_are_refused_quickly() {
    // c1 = all(c0, c0), c2 = all(c1, c1), ...: 2^30 tests once written out, from 30 lines.
    let mut value = base();
    let mut conditions = vec![json!({"id": "c0", "when": {"yes": "self-harm"}})];
    for i in 1..=30 {
        conditions.push(json!({"id": format!("c{i}"), "when": {"all": [{"condition": format!("c{}", i - 1)}, {"condition": format!("c{}", i - 1)}]}}));
    }
    value["conditions"] = json!(conditions);
    value["rules"][0]["when"] = json!({"condition": "c30"});
    let error = quickly(5, "refusing an exponential condition", || refused(value, "conditions[12].when", "too-large"));
    assert!(error.first().message.contains("more than 5000 tests"), "{error}");
}

#[test]
fn named_conditions_nesting_too_deep_once_written_out_are_refused() {
    let mut value = base();
    let mut conditions = vec![json!({"id": "d0", "when": {"yes": "self-harm"}})];
    for i in 1..=40 {
        conditions.push(json!({"id": format!("d{i}"), "when": {"not": {"not": {"condition": format!("d{}", i - 1)}}}}));
    }
    value["conditions"] = json!(conditions);
    let error = refused(value, "conditions[32].when", "too-deep");
    assert!(error.first().message.contains("more than 64 deep"), "{error}");
}

#[test]
fn an_at_least_over_thousands_of_indicators_is_assessed_in_linear_time() {
    // 18 s for 30,000 before; each open question evaluated the whole rule again.
    let n = 4_990;
    let mut value = with_indicators(n);
    let of: Vec<Value> = (0..n).map(|i| json!({"yes": format!("extra-{i}")})).collect();
    value["rules"][2]["when"] = json!({"atLeast": {"n": 2, "of": of}});
    let engine = quickly(10, "compiling", || engine(&value));
    let case: Case = from_json(r#"{"asOf": "2026-11-22", "answers": {"extra-1": "not-known", "extra-2": "yes"}}"#).expect("a case");
    let assessment = quickly(10, "assessing", || engine.assess(&case).expect("assesses"));
    // Each other indicator answered yes would fire the rule: one question each.
    assert!(assessment.questions.len() >= n - 2, "{} questions", assessment.questions.len());
    let wider = with_indicators(5_001);
    let mut wider = wider;
    wider["rules"][2]["when"] = json!({"atLeast": {"n": 2, "of": (0..5_001).map(|i| json!({"yes": format!("extra-{i}")})).collect::<Vec<_>>()}});
    refused(wider, "rules[2].when", "too-large");
}

#[test]
fn many_unknown_answers_are_reported_in_n_log_n() {
    // 23 s for 100,000 before: each key was compared with every earlier one.
    let answers: serde_json::Map<String, Value> = (0..50_000).map(|i| (format!("unknown-{i}"), json!("yes"))).collect();
    let text = json!({"asOf": "2026-11-22", "answers": answers}).to_string();
    let case: Case = quickly(10, "reading", || from_json(&text).expect("a case"));
    let engine = engine(&base());
    let error = quickly(10, "assessing", || engine.assess(&case).expect_err("unknown indicators"));
    assert_eq!(error.problems().len(), 50_000);
    // Repeats are still found, in document order.
    let text = r#"{"asOf": "2026-11-22", "answers": {"b": "yes", "a": "no", "b": "no", "a": "yes"}}"#;
    let error = from_json::<Case>(text).expect_err("repeated keys");
    let paths: Vec<&str> = error.problems().iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["answers.b", "answers.a"]);
}

#[test]
fn too_many_answers_or_events_are_refused() {
    let answers: serde_json::Map<String, Value> = (0..50_001).map(|i| (format!("a-{i}"), json!("no"))).collect();
    let error = from_json::<Case>(&json!({"asOf": "2026-11-22", "answers": answers}).to_string()).expect_err("too many");
    assert_eq!((error.first().path.as_str(), error.first().code.name()), ("answers", "too-large"));
    let events = vec![json!({"indicator": "missing-episode", "date": "2026-01-01"}); 50_001];
    let error = from_json::<Case>(&json!({"asOf": "2026-11-22", "events": events}).to_string()).expect_err("too many");
    assert_eq!((error.first().path.as_str(), error.first().code.name()), ("events", "too-large"));
}

#[test]
fn events_given_oldest_first_are_sorted_in_n_log_n() {
    // 2.6 s for 100,000 before (an insertion sort, given them in reverse).
    let events: Vec<Value> =
        (0..50_000).map(|i| json!({"indicator": "missing-episode", "date": format!("{}-{:02}-{:02}", 1990 + i / 365 % 30, i % 12 + 1, i % 28 + 1)})).collect();
    let text = json!({"asOf": "2026-11-22", "events": events}).to_string();
    let case: Case = from_json(&text).expect("a case");
    let engine = engine(&base());
    let assessment = quickly(10, "assessing", || engine.assess(&case).expect("assesses"));
    assert!(assessment.worry_recorded);
}

#[test]
fn thousands_of_unknown_ids_are_reported_quickly_with_the_first_suggested() {
    let n = 20_000;
    let mut value = with_indicators(n);
    let of: Vec<Value> = (0..4_000).map(|i| json!({"yes": format!("extra-{}", n + i)})).collect();
    value["rules"][2]["when"] = json!({"any": of});
    let error = quickly(10, "refusing", || compile(&value).expect_err("unknown indicators"));
    assert_eq!(error.problems().len(), 4_000);
    assert!(error.first().message.contains("did you mean"), "{error}");
    assert!(!error.problems()[3_999].message.contains("did you mean"), "{error}");
}

#[test]
fn documents_are_read_within_the_same_limits_as_in_the_browser() {
    let refused_text = |text: &str, path: &str, code: &str| {
        let error = parse(text, Document::Case).expect_err("refused");
        let problem = error.first();
        assert_eq!((problem.path.as_str(), problem.code.name()), (path, code), "{error}");
        assert!(problem.line.is_some() && problem.column.is_some(), "{error}");
        error
    };
    // Nesting: 100 lists deep is read; 101 is not, wherever it is.
    parse(&format!("{}{}", "[".repeat(100), "]".repeat(100)), Document::Case).expect("100 deep");
    let error = refused_text(&format!("{{\"a\": {}{}}}", "[".repeat(100), "]".repeat(100)), &format!("a{}", "[0]".repeat(99)), "too-deep");
    assert!(error.first().message.contains("more than 100 deep"), "{error}");
    // A string, a list and an object over their limits.
    refused_text(&format!("{{\"a\": [\"{}\"]}}", "x".repeat(100_001)), "a[0]", "too-large");
    parse(&format!("[\"{}\"]", "é".repeat(100_000)), Document::Case).expect("100,000 characters");
    refused_text(&format!("{{\"a\": [{}]}}", vec!["0"; 100_001].join(",")), "a", "too-large");
    let keys: Vec<String> = (0..100_001).map(|i| format!("\"k{i}\": 0")).collect();
    refused_text(&format!("{{\"a\": {{{}}}}}", keys.join(",")), "a", "too-large");
    // Half a surrogate pair: JSON.parse would read it, but it is not text.
    refused_text(r#"{"a": "\ud800"}"#, "", "bad-text");
    refused_text(r#"{"a": "\udc00 and more"}"#, "", "bad-text");
    parse(r#"{"a": "\ud83d\ude00"}"#, Document::Case).expect("a whole pair");
    // A byte-order mark is skipped, as browsers skip it when they decode a file.
    let with_mark = format!("\u{feff}{}", include_str!("rulesets/language.json"));
    Engine::new(&parse(&with_mark, Document::Ruleset).expect("a leading mark is skipped"), None).expect("compiles");
    refused_text("{\"a\": 1}\u{feff}", "", "syntax");
}

#[test]
fn shared_and_repeated_values_count_against_the_document_budget() {
    // 2,000,000 values at most: a list of 100,000 lists of 20 is over it.
    let row = format!("[{}]", vec!["1"; 20].join(","));
    let text = format!("[{}]", vec![row.as_str(); 100_000].join(","));
    let error = quickly(20, "refusing", || parse(&text, Document::Case).expect_err("over the budget"));
    assert_eq!(error.first().code.name(), "too-large");
    assert!(error.first().message.contains("2000000 values"), "{error}");
}

#[test]
fn many_named_conditions_are_defined_and_found_in_n_log_n() {
    // Each definition was compared with every earlier one, and each use searched them all.
    let mut value = base();
    let mut conditions: Vec<Value> = (0..30_000).map(|i| json!({"id": format!("named-{i}"), "when": {"yes": "self-harm"}})).collect();
    conditions.push(json!({"id": "named-7", "when": {"yes": "excluded"}}));
    value["conditions"] = json!(conditions);
    value["rules"][2]["when"] = json!({"any": (0..4_000).map(|i| json!({"condition": format!("named-{}", 29_999 - i)})).collect::<Vec<_>>()});
    let error = quickly(10, "compiling", || refused(value, "conditions[30000].id", "duplicate-id"));
    assert_eq!(error.problems().len(), 1, "{error}");
}

#[test]
fn an_id_that_is_not_text_is_refused_once_as_the_wrong_type() {
    // Not also as `"" is not a kebab-case id`: nothing empty was written.
    let codes = |error: Error| error.problems().iter().map(|p| (p.path.clone(), p.code.name())).collect::<Vec<_>>();
    let error = compile(&patch(base(), "/meta/id", Some(json!(7)))).expect_err("a number");
    assert_eq!(codes(error), [("meta.id".to_string(), "wrong-type")]);
    let error = profile(patch(good_profile(), "/id", Some(json!(["test-school"])))).expect_err("a list");
    assert_eq!(codes(error), [("id".to_string(), "wrong-type")]);
    // Blank text is reported as empty, and as no id.
    let error = compile(&patch(base(), "/meta/id", Some(json!(" ")))).expect_err("blank");
    assert_eq!(codes(error), [("meta.id".to_string(), "empty-text"), ("meta.id".to_string(), "bad-id")]);
}

/// Found by tests/fuzz.rs: a ruleset with no indicators whose rules name one was refused only
/// after the program's index of rules by input was built, which then indexed past the end.
#[test]
fn rules_naming_indicators_of_a_ruleset_that_has_none_are_refused_not_panicked_on() {
    let error = compile(&patch(base(), "/indicators", Some(json!([])))).expect_err("refused");
    assert!(error.problems().iter().any(|p| p.code.name() == "unknown-indicator"), "{error}");
}

#[test]
fn a_circumstance_marked_as_a_worry_or_not() {
    // A circumstance is never a worry in itself; saying either way is refused, not ignored.
    for worry in [true, false] {
        refused(patch(base(), "/indicators/15/worry", Some(json!(worry))), "indicators[15].worry", "wrong-kind");
    }
    refused(patch(base(), "/indicators/7/worry", Some(json!("no"))), "indicators[7].worry", "wrong-type");
}

#[test]
fn an_action_may_stand_in_only_for_a_known_action_no_faster_than_itself_neither_timed_nor_chained() {
    // actions[1] is phone-csc (today), [0] call-999 (now), [2] tell-dsl (today), [4] discuss-view (one working day).
    let stand_in = |value: Value, list: Value| patch(value, "/actions/1/standsInFor", Some(list));
    let unknown = refused(stand_in(base(), json!(["phone-police", "call-999"])), "actions[1].standsInFor[0]", "unknown-action");
    assert_eq!(unknown.problems().len(), 1, "the other checks wait for the unknown id: {unknown}");
    let message = |value: Value, path: &str| {
        let error = refused(value, path, "bad-value");
        error.first().message.clone()
    };
    assert_eq!(message(stand_in(base(), json!(["phone-csc"])), "actions[1].standsInFor[0]"), "an action cannot stand in for itself");
    let faster = message(stand_in(base(), json!(["discuss-view", "call-999"])), "actions[1].standsInFor[1]");
    assert!(faster.starts_with("\"call-999\" is more urgent"), "{faster}");
    let timed = patch(base(), "/actions/4/dueAfter", Some(json!({"indicator": "missing-episode", "days": 3})));
    assert!(message(stand_in(timed.clone(), json!(["discuss-view"])), "actions[1].standsInFor[0]").contains("\"discuss-view\" is timed by dueAfter"));
    let timed_stand_in = patch(stand_in(base(), json!(["discuss-view"])), "/actions/1/dueAfter", Some(json!({"indicator": "missing-episode", "days": 3})));
    assert!(message(timed_stand_in, "actions[1].standsInFor[0]").contains("timed by dueAfter"));
    let chained = patch(stand_in(base(), json!(["discuss-view"])), "/actions/0/standsInFor", Some(json!(["phone-csc"])));
    assert!(message(chained, "actions[1].standsInFor[0]").contains("stand-ins do not chain"));
    compile(&stand_in(base(), json!(["discuss-view", "tell-dsl"]))).expect("as urgent, or slower: allowed");
}
