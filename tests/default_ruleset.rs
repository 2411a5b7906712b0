//! The default ruleset for England (www/rulesets/england.json), as the page ships it: its
//! coverage, its sources, its routes and numbers, and each of the primer's ten principles,
//! tested through named rules.

use std::sync::LazyLock;

use serde_json::{json, Value};
use waymark::{from_json, lint, parse, Assessment, Case, Document, Engine, Json, Scenario, Status};

const RULESET: &str = include_str!("../www/rulesets/england.json");

static ENGINE: LazyLock<Engine> = LazyLock::new(|| Engine::new(&parse(RULESET, Document::Ruleset).expect("JSON"), None).expect("compiles"));

fn assess(value: Value) -> Assessment<'static> {
    let mut value = value;
    if value.get("asOf").is_none() {
        value["asOf"] = json!("2026-11-22");
    }
    let case: Case = from_json(&value.to_string()).expect("case reads");
    ENGINE.assess(&case).expect("assesses")
}

fn fired(a: &Assessment, rule: &str) -> bool {
    a.trace.as_ref().expect("a full assessment has a trace").rules.iter().any(|t| t.rule == rule && t.status == Status::Fired)
}

/// The rule fired, and it names the principle it embodies.
#[track_caller]
fn embodies(a: &Assessment, rule: &str, principle: u8) {
    let reason = a.reasons.iter().find(|r| r.rule == rule).unwrap_or_else(|| panic!("{rule} did not fire"));
    assert!(reason.principles.contains(&principle), "{rule} does not name principle {principle}");
    assert!(!reason.sources.is_empty(), "{rule} cites nothing");
}

fn routes<'a>(a: &'a Assessment) -> Vec<&'a str> {
    a.referrals.iter().map(|r| r.route).collect()
}

fn prompts<'a>(a: &'a Assessment) -> Vec<&'a str> {
    a.prompts.iter().map(|p| p.id).collect()
}

fn tree() -> Value {
    serde_json::from_str(RULESET).expect("JSON")
}

// --- Coverage --------------------------------------------------------------------------------

#[test]
fn it_is_valid_and_lints_clean() {
    let findings = lint(&ENGINE);
    let unexplained: Vec<_> = findings.iter().filter(|f| f.explained.is_none()).collect();
    assert!(unexplained.is_empty(), "{unexplained:#?}");
}

#[test]
fn it_covers_every_domain_with_enough_indicators_and_rules() {
    let d = ENGINE.describe();
    assert!(d.indicators.len() >= 120, "{} indicators", d.indicators.len());
    assert!(d.rules >= 80, "{} rules", d.rules);
    for domain in d.domains {
        let n = d.indicators.iter().filter(|i| i.domain == domain.id).count();
        assert!(n >= 4, "domain {} has {n} indicators", domain.id);
    }
    let ids: Vec<&str> = d.indicators.iter().map(|i| i.id).collect();
    for needed in [
        "self-harm",
        "suicidal-thoughts",
        "eating-difficulty",
        "substance-use",
        "harmful-sexual-behaviour",
        "low-attendance",
        "excluded",
        "off-roll",
        "long-absence",
        "ehcp",
        "parent-mental-health",
        "parent-substance-misuse",
        "domestic-abuse",
        "parent-learning-disability",
        "parent-hostile",
        "disguised-compliance",
        "physical-punishment",
        "homeless",
        "poverty",
        "no-recourse",
        "new-partner",
        "sibling-removed",
        "moved-areas",
        "missing-episode",
        "county-lines",
        "carrying-weapon",
        "drugs-found",
        "unexplained-money",
        "older-associates",
        "gang-association",
        "online-grooming",
        "violence-victim",
        "fgm-known",
        "radicalisation",
        "forced-marriage",
        "honour-based-abuse",
        "private-fostering",
        "young-carer",
        "allegation-about-staff",
        "injury-non-mobile",
        "co-sleeping-risk",
        "faltering-growth",
        "late-booking",
        "domestic-abuse-pregnancy",
        "outcomes-not-met",
        "placed-out-of-area",
        "placed-with-parent",
    ] {
        assert!(ids.contains(&needed), "no indicator {needed}");
    }
    let facts: Vec<&str> = d.facts.iter().map(|f| f.fact.name()).collect();
    assert_eq!(facts.len(), 8, "every context fact is worded: {facts:?}");
}

#[test]
fn every_rule_explains_itself_and_cites_a_source() {
    let value = tree();
    for rule in value["rules"].as_array().expect("rules") {
        let id = rule["id"].as_str().unwrap_or("?");
        assert!(rule["reason"].as_str().is_some_and(|r| r.len() > 30), "{id}: reason too short to explain");
        assert!(rule["sources"].as_array().is_some_and(|s| !s.is_empty()), "{id}: no source");
        assert!(rule["principles"].as_array().is_some_and(|p| !p.is_empty()), "{id}: no principle");
    }
}

/// Line counts of the seed files (`wc -l shared/domain/seeds/*`), checked against the files
/// themselves when they are present beside the repository.
const SEED_LINES: [(&str, &str, usize); 5] = [
    ("seed-000", "000_2732089772dc0048.txt", 2972),
    ("seed-001", "001_830704bd7d5476c3.txt", 9328),
    ("seed-002", "002_b61e7615c21952b4.txt", 2605),
    ("seed-003", "003_273fedab056c7454.txt", 440),
    ("seed-004", "004_b07d2a27b4ca1886.txt", 2026),
];

fn citations(value: &Value, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            if let (Some(Value::String(source)), Some(Value::String(lines))) = (map.get("source"), map.get("lines")) {
                out.push((source.clone(), lines.clone()));
            }
            map.values().for_each(|v| citations(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| citations(v, out)),
        _ => {}
    }
}

#[test]
fn every_cited_line_exists_in_its_seed() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/domain/seeds");
    for (_, file, lines) in SEED_LINES {
        if let Ok(text) = std::fs::read_to_string(seeds.join(file)) {
            assert_eq!(text.lines().count(), lines, "{file} has changed");
        }
    }
    let mut all = Vec::new();
    citations(&tree(), &mut all);
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/www/scenarios")).expect("scenarios") {
        let path = entry.expect("entry").path();
        citations(&serde_json::from_str(&std::fs::read_to_string(&path).expect("reads")).expect("JSON"), &mut all);
    }
    assert!(all.len() > 400, "only {} line citations", all.len());
    let sources: Vec<String> = tree()["meta"]["sources"].as_array().expect("sources").iter().map(|s| s["id"].as_str().unwrap_or("").to_string()).collect();
    for (source, lines) in all {
        assert!(sources.contains(&source), "unknown source {source}");
        let Some((_, _, count)) = SEED_LINES.iter().find(|(id, _, _)| *id == source) else { panic!("{source} cited by line but is not a seed") };
        for part in lines.split(',') {
            let (from, to) = part.split_once('-').unwrap_or((part, part));
            let (from, to): (usize, usize) = (from.trim().parse().expect("number"), to.trim().parse().expect("number"));
            assert!(1 <= from && from <= to && to <= *count, "{source} lines {lines} outside 1..={count}");
        }
    }
}

// --- Routes, numbers and escalation -----------------------------------------------------------

#[test]
fn every_primer_route_is_there_with_who_may_submit_and_consent() {
    let d = ENGINE.describe();
    for id in [
        "police-emergency",
        "police-non-emergency",
        "childrens-social-care",
        "early-help",
        "safeguarding-lead",
        "lado",
        "nrm",
        "exploitation-panel",
        "marac",
        "prevent",
        "fgm-police",
        "missing-report",
        "children-missing-education",
        "private-fostering",
        "mental-health-urgent",
        "camhs",
        "health-visiting",
        "youth-justice",
        "adult-services",
        "housing",
        "childline",
    ] {
        let route = d.routes.iter().find(|r| r.id == id).unwrap_or_else(|| panic!("no route {id}"));
        assert!(!route.who_may_submit.is_empty() && !route.consent.is_empty() && !route.when.is_empty(), "{id}");
    }
    let nrm = d.routes.iter().find(|r| r.id == "nrm").expect("nrm");
    assert!(nrm.who_may_submit.contains("First Responder"), "only First Responders submit to the NRM");
    assert!(nrm.consent.contains("do not need to consent"));
}

#[test]
fn only_national_numbers_are_shipped() {
    // Each checked on the service's own published page before it was added (see docs/coverage.md).
    let national = [
        "999",
        "101",
        "111",
        "0808 800 5000",
        "0800 1111",
        "08000 121 700",
        "0800 028 0285",
        "0800 789 321",
        "020 7340 7264",
        "0808 2000 247",
        "0808 801 0327",
        "116 123",
        "0800 068 4141",
        "85258",
    ];
    let d = ENGINE.describe();
    for contact in d.contacts {
        match &contact.phone {
            Some(phone) => {
                assert_eq!(contact.scope, waymark::ContactScope::National, "{} has a number but is not national", contact.id);
                assert!(national.contains(&phone.as_str()), "{}: {phone} is not a known national number", contact.id);
            }
            None => assert!(!contact.set, "{} shows as set without a number", contact.id),
        }
    }
    let with_numbers: Vec<_> = d.contacts.iter().filter_map(|c| c.phone.as_deref()).collect();
    assert_eq!(with_numbers.len(), national.len());
}

#[test]
fn four_escalation_stages_with_default_timescales() {
    let d = ENGINE.describe();
    assert_eq!(d.escalation.len(), 4);
    for stage in &d.escalation {
        assert!(stage.timescale_is_default, "{} should be marked as a default to localise", stage.id);
        assert_eq!(stage.timescale, waymark::Urgency::WorkingDays(5));
    }
}

#[test]
fn example_profiles_localise_names_and_timescales_without_numbers() {
    let ruleset = parse(RULESET, Document::Ruleset).expect("JSON");
    let load = |name: &str| {
        let text = std::fs::read_to_string(format!("{}/www/profiles/{name}.json", env!("CARGO_MANIFEST_DIR"))).expect("reads");
        Engine::new(&ruleset, Some(&parse(&text, Document::Profile).expect("JSON"))).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let sutton = load("sutton-example");
    let names: Vec<&str> = sutton.describe().levels.iter().map(|l| l.name).collect();
    assert_eq!(&names[..4], ["Tier 1: no additional needs", "Tier 2: early help", "Tier 3: complex multiple needs", "Tier 4: acute need"]);
    assert!(sutton.describe().escalation.iter().all(|s| !s.timescale_is_default));
    let school = load("school-example");
    let d = school.describe();
    let contact = |id: &str| d.contacts.iter().find(|c| c.id == id).expect("contact");
    assert!(contact("dsl").name.contains("designated safeguarding lead") && contact("deputy-dsl").name.contains("deputy"));
    assert_eq!(d.escalation[0].timescale, waymark::Urgency::WorkingDays(2));
    let template = load("template");
    for engine in [&sutton, &school, &template] {
        assert!(
            engine.describe().contacts.iter().filter(|c| c.scope == waymark::ContactScope::Local).all(|c| c.phone.is_none()),
            "examples ship no local numbers"
        );
    }
}

#[test]
fn the_case_review_scenarios_are_all_there() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/scenarios");
    let points = |name: &str| -> usize {
        let value: Value = serde_json::from_str(&std::fs::read_to_string(format!("{dir}/{name}.json")).expect("reads")).expect("JSON");
        value["timePoints"].as_array().map_or(0, Vec::len)
    };
    assert_eq!((points("child-v"), points("child-n"), points("child-o")), (6, 6, 6));
    assert!(points("child-d-learning") >= 3);
    let short = std::fs::read_dir(dir).expect("dir").filter(|e| e.as_ref().is_ok_and(|e| e.file_name().to_string_lossy().starts_with("triennial-"))).count();
    assert!(short >= 6, "{short} short cases");
}

// --- The ten principles ---------------------------------------------------------------------

#[test]
fn principle_1_non_compensatory_floors() {
    let a = assess(
        json!({"child": {"ageMonths": 3}, "answers": {"injury-non-mobile": "yes", "parent-mental-health": "no", "domestic-abuse": "no", "new-partner": "no"}}),
    );
    assert_eq!(a.level.id, "child-protection");
    embodies(&a, "injury-non-mobile", 1);
    let a = assess(json!({"answers": {"domestic-abuse-high-risk": "yes"}}));
    assert!(routes(&a).contains(&"marac"));
    embodies(&a, "domestic-abuse-high-risk", 1);
    let a = assess(json!({"child": {"ageYears": 15}, "answers": {"drugs-found": "yes"}}));
    assert_eq!(a.level.id, "child-protection");
    embodies(&a, "exploitation-high-indicator", 1);
}

#[test]
fn principle_2_cumulative_harm() {
    // Domestic abuse alone is child in need (children are victims of it in their own right), so
    // the combination shown here is of two factors that alone are early help.
    assert_eq!(assess(json!({"answers": {"parent-mental-health": "yes"}})).level.id, "early-help");
    let two = assess(json!({"answers": {"parent-substance-misuse": "yes", "parent-mental-health": "yes"}}));
    assert_eq!(two.level.id, "child-in-need");
    embodies(&two, "parental-factors-two", 2);
    let incidents = |n: usize| {
        let dates: Vec<Value> = (0..n).map(|i| json!({"indicator": "domestic-incident", "date": format!("2026-{:02}-10", 3 + i)})).collect();
        assess(json!({"events": dates}))
    };
    assert!(!fired(&incidents(2), "domestic-incidents-repeated"));
    let three = incidents(3);
    embodies(&three, "domestic-incidents-repeated", 2);
    assert!(routes(&three).contains(&"marac"));
}

#[test]
fn principle_3_not_known_is_an_answer() {
    let a = assess(json!({"facts": {"still-worried": "yes"}}));
    embodies(&a, "voice-not-known", 3);
    assert!(prompts(&a).contains(&"seen-alone"));
    let seen = assess(json!({"facts": {"still-worried": "yes"}, "answers": {"not-seen-alone": "no"}}));
    assert!(!fired(&seen, "voice-not-known"));
    // A danger marked not known becomes a question, not a "no".
    let a = assess(json!({"answers": {"danger-now": "not-known"}}));
    assert!(a.questions.iter().any(|q| q.rules.contains(&"danger-now") && q.level.is_some_and(|l| l.id == "immediate-danger")));
}

#[test]
fn principle_4_professional_concern_outranks_a_score() {
    let a = assess(json!({"child": {"ageYears": 17}, "answers": {"exploitation-plan-removal": "yes"}, "facts": {"still-worried": "yes"}}));
    assert_eq!(a.level.id, "child-protection");
    assert!(a.escalation.is_some());
    embodies(&a, "exploitation-plan-removal", 4);
    let a = assess(json!({"answers": {"low-score-overrides-concern": "yes"}}));
    embodies(&a, "low-score-overrides-concern", 4);
    assert!(a.escalation.is_some());
    let lower =
        assess(json!({"child": {"ageYears": 15}, "answers": {"drugs-found": "yes"}, "judgement": {"level": "early-help", "reason": "He says it is not his"}}));
    assert_eq!(lower.level.id, "child-protection");
    assert!(lower.actions.iter().any(|x| x.id == "discuss-your-view"));
}

#[test]
fn principle_5_history_matters() {
    let a = assess(json!({"facts": {"previous-cp-plan": "yes", "still-worried": "yes"}}));
    assert_eq!(a.level.id, "child-in-need");
    embodies(&a, "previous-plan-and-worry", 5);
    assert!(prompts(&a).contains(&"history"));
    let unborn = assess(json!({"child": {"dateOfBirth": "2027-02-01"}, "answers": {"sibling-removed": "yes"}}));
    assert_eq!(unborn.level.id, "child-protection");
    embodies(&unborn, "pre-birth-history", 5);
}

#[test]
fn principle_6_non_engagement_is_a_risk_not_a_reason_to_close() {
    let a = assess(json!({"answers": {"case-closing-non-engagement": "yes"}}));
    assert_eq!(a.level.id, "child-in-need");
    assert!(a.escalation.is_some());
    embodies(&a, "closing-on-non-engagement", 6);
    let a = assess(json!({"answers": {"refused-access": "yes"}}));
    embodies(&a, "refused-access", 6);
    let a = assess(json!({"events": [{"indicator": "not-brought", "date": "2026-09-01"}, {"indicator": "not-brought", "date": "2026-10-20"}]}));
    embodies(&a, "not-brought-repeatedly", 6);
    assert!(prompts(&a).contains(&"not-brought"));
}

#[test]
fn principle_7_age_changes_meaning() {
    let baby = assess(json!({"child": {"ageMonths": 6}, "answers": {"domestic-abuse": "yes"}}));
    assert_eq!(baby.level.id, "child-protection");
    embodies(&baby, "baby-and-domestic-abuse", 7);
    assert_eq!(assess(json!({"child": {"ageYears": 8}, "answers": {"domestic-abuse": "yes"}})).level.id, "child-in-need");
    let sixteen = assess(json!({"child": {"ageYears": 16}, "answers": {"homeless-young-person": "yes"}}));
    assert_eq!(sixteen.level.id, "child-in-need");
    embodies(&sixteen, "homeless-young-person", 7);
    let a = assess(json!({"child": {"ageYears": 17}, "answers": {"older-associates": "yes"}, "facts": {"still-worried": "yes"}}));
    embodies(&a, "approaching-adulthood", 7);
    assert!(routes(&a).contains(&"adult-services"));
}

#[test]
fn principle_8_extra_familial_harm() {
    let a = assess(json!({"child": {"ageYears": 15}, "answers": {"county-lines": "yes"}}));
    embodies(&a, "criminal-exploitation-nrm", 8);
    assert!(routes(&a).contains(&"nrm") && routes(&a).contains(&"exploitation-panel"));
    assert!(prompts(&a).contains(&"victim-too"));
    let two = assess(json!({"child": {"ageYears": 15}, "answers": {"unexplained-money": "yes", "long-absence": "yes"}}));
    assert_eq!(two.level.id, "child-in-need");
    embodies(&two, "exploitation-two-signs", 8);
}

#[test]
fn principle_9_transitions_are_danger_points() {
    let a = assess(json!({"answers": {"outcomes-not-met": "yes"}, "facts": {"cp-plan": "yes", "step-down-proposed": "yes"}}));
    assert_eq!(a.level.id, "child-protection");
    assert!(a.escalation.is_some());
    embodies(&a, "step-down-cp-outcomes-unmet", 9);
    let a = assess(json!({"facts": {"order-ending": "yes", "still-worried": "yes"}}));
    embodies(&a, "order-ending-and-worry", 9);
    assert!(prompts(&a).contains(&"transition"));
}

#[test]
fn principle_10_the_childs_voice() {
    let a = assess(json!({"answers": {"not-seen-alone": "yes"}}));
    embodies(&a, "not-seen-alone", 10);
    assert!(a.actions.iter().any(|x| x.id == "see-child-alone"));
    let a = assess(json!({"answers": {"afraid-to-go-home": "yes"}}));
    assert_eq!(a.level.id, "child-protection");
    assert!(a.actions.iter().any(|x| x.id == "keep-child-safe-now"));
    embodies(&a, "afraid-to-go-home", 10);
    let a = assess(json!({"answers": {"new-partner": "yes"}}));
    embodies(&a, "new-partner", 10);
    assert!(prompts(&a).contains(&"men-in-household"));
}

#[test]
fn a_recorded_worry_never_meets_no_action() {
    // A circumstance (`"worry": false`) is no worry: alone it may rightly lead nowhere (a child
    // seen at nursery most days).
    let ruleset: Value = serde_json::from_str(RULESET).expect("JSON");
    let circumstance = |id: &str| ruleset["indicators"].as_array().expect("indicators").iter().any(|i| i["id"] == id && i["worry"] == false);
    let description = ENGINE.describe();
    for indicator in description.indicators.iter().filter(|i| i.kind == waymark::IndicatorKind::Answer && !circumstance(i.id)) {
        let a = assess(json!({"answers": {indicator.id: "yes"}}));
        assert!(!a.actions.is_empty(), "{} gave no action", indicator.id);
        assert!(a.referrals.iter().any(|r| r.route == "safeguarding-lead"), "{} did not go to the safeguarding lead", indicator.id);
    }
}

/// One worry, one place: four police call-outs to a home with domestic abuse, and four domestic
/// abuse incidents, are the same facts to a practitioner and get the same guidance.
#[test]
fn police_callouts_for_domestic_abuse_are_domestic_incidents() {
    let dated = |indicator: &str| -> Vec<Value> { (0..4).map(|i| json!({"indicator": indicator, "date": format!("2026-{:02}-10", 6 + i)})).collect() };
    let by_callout = assess(json!({"answers": {"domestic-abuse": "yes"}, "events": dated("police-callout")}));
    let by_incident = assess(json!({"answers": {"domestic-abuse": "yes"}, "events": dated("domestic-incident")}));
    assert_eq!(by_callout.level.id, by_incident.level.id);
    assert_eq!(routes(&by_callout), routes(&by_incident));
    assert!(routes(&by_callout).contains(&"marac"), "{:?}", routes(&by_callout));
    // Call-outs alone, with no domestic abuse recorded, are not treated as domestic abuse.
    let callouts_only = assess(json!({"events": dated("police-callout")}));
    assert!(!routes(&callouts_only).contains(&"marac"));
}

#[test]
fn safeguards_are_found_by_name_whatever_order_they_are_written_in() {
    let mut tree = parse(RULESET, Document::Ruleset).expect("JSON");
    let Json::Object(members) = &mut tree else { panic!("a ruleset is an object") };
    let Some((_, Json::Object(safeguards))) = members.iter_mut().find(|(key, _)| key == "safeguards") else { panic!("safeguards") };
    assert_eq!(safeguards.len(), 4, "the default ruleset words all four safeguards");
    safeguards.reverse();
    let reordered = Engine::new(&tree, None).expect("compiles");
    let mut compared = 0;
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases")).expect("the case bank") {
        let scenario: Scenario = from_json(&std::fs::read_to_string(entry.expect("a file").path()).expect("readable")).expect("a scenario");
        for point in &scenario.time_points {
            let [a, b] = [&*ENGINE, &reordered].map(|engine| serde_json::to_string(&engine.assess(&point.case).expect("assesses")).expect("writes"));
            assert_eq!(a, b, "{} {}", scenario.id, point.id);
            compared += 1;
        }
    }
    assert!(compared > 200, "{compared} time points compared");
}
