//! Every scenario, run natively against the ruleset it names: the test scenarios here and the
//! case-review scenarios the page ships, and the case bank (`tests/cases/`). The CLI's `waymark scenarios` runs the same files.

use std::collections::BTreeMap;
use std::path::Path;

use waymark::{from_json, parse, run_scenario, Code, Document, Engine, Json, Scenario};

fn json_files(dir: &str) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)) else { return Vec::new() };
    let mut files: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
    files.sort();
    files
}

/// Every ruleset in the repository, by id.
fn engines() -> BTreeMap<String, Engine> {
    let mut engines = BTreeMap::new();
    for file in json_files("tests/rulesets").into_iter().chain(json_files("www/rulesets")) {
        let text = std::fs::read_to_string(&file).expect("reads");
        let tree = parse(&text, Document::Ruleset).expect("JSON");
        let is_ruleset = matches!(&tree, Json::Object(members) if members.iter().any(|(k, v)| k == "format" && *v == Json::String("waymark-ruleset/1".into())));
        if is_ruleset {
            let engine = Engine::new(&tree, None).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            engines.insert(engine.describe().ruleset.id.to_string(), engine);
        }
    }
    engines
}

#[test]
fn every_scenario_time_point_meets_its_expectations() {
    let engines = engines();
    let mut failures = Vec::new();
    let mut points = 0;
    for file in json_files("tests/scenarios").into_iter().chain(json_files("www/scenarios")).chain(json_files("tests/cases")) {
        let scenario: Scenario = from_json(&std::fs::read_to_string(&file).expect("reads")).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let engine = engines.get(&scenario.ruleset).unwrap_or_else(|| panic!("{}: no ruleset \"{}\"", file.display(), scenario.ruleset));
        let report = run_scenario(engine, &scenario);
        for point in report.time_points {
            points += 1;
            failures.extend(point.failures.iter().map(|f| format!("{}/{}: {f}", report.id, point.id)));
        }
    }
    assert!(points >= 3, "only {points} time points found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_wrong_expectation_is_reported() {
    let engines = engines();
    let text = std::fs::read_to_string("tests/scenarios/language.json").expect("reads");
    let text = text.replacen(r#""include": ["repeat-missing", "any-missing"]"#, r#""include": ["repeat-missing", "toxic-trio", "no-such-rule"]"#, 1);
    let scenario: Scenario = from_json(&text).expect("reads");
    let report = run_scenario(&engines["language-test"], &scenario);
    assert!(!report.passed());
    let failures = &report.time_points[2].failures;
    assert_eq!(failures.len(), 3, "{failures:?}");
    assert!(failures[0].starts_with("unknown rule \"no-such-rule\""));
    assert!(failures[1].starts_with("rule \"toxic-trio\" is missing"));
}

#[test]
fn scenario_files_are_checked_like_any_document() {
    let error = from_json::<Scenario>(r#"{"format": "waymark-scenario/1", "id": "x", "timePoints": [{"id": "a", "case": {"asOf": "2026-13-01"}}]}"#)
        .expect_err("invalid");
    let paths: Vec<&str> = error.problems().iter().map(|p| p.path.as_str()).collect();
    assert!(paths.contains(&"timePoints[0].case.asOf"), "{paths:?}");
    assert!(paths.contains(&"timePoints[0]"), "{paths:?}");
    assert_eq!(error.first().document, Document::Scenario);
}

#[test]
fn a_time_point_id_given_twice_is_refused_with_both_places() {
    let point = |id: &str| format!(r#"{{"id": "{id}", "title": "t", "narrative": "n", "case": {{"asOf": "2026-01-05"}}, "expect": {{}}}}"#);
    let text = format!(
        r#"{{"format": "waymark-scenario/1", "id": "x", "title": "t", "ruleset": "r", "summary": "s", "sources": [], "timePoints": [{}, {}, {}, {}]}}"#,
        point("same"),
        point("other"),
        point("same"),
        point("same")
    );
    let error = from_json::<Scenario>(&text).expect_err("a repeated id");
    let repeats: Vec<(&str, &str)> = error.problems().iter().filter(|p| p.code == Code::DuplicateId).map(|p| (p.path.as_str(), p.message.as_str())).collect();
    assert_eq!(
        repeats,
        [("timePoints[2].id", "\"same\" is already the id of timePoints[0]"), ("timePoints[3].id", "\"same\" is already the id of timePoints[0]")],
        "{error}"
    );
}

/// tests/wasm.rs checks what crosses to JavaScript on every scenario and case-bank file, which it
/// must name one by one (a wasm test cannot list a folder): none may be left out.
#[test]
fn the_wasm_tests_name_every_scenario_and_case_file() {
    let listed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/wasm.rs")).expect("tests/wasm.rs");
    for dir in ["www/scenarios", "tests/cases"] {
        for file in json_files(dir) {
            let name = file.file_name().and_then(|n| n.to_str()).expect("a name");
            assert!(listed.contains(&format!("\"{dir}/{name}\"")), "tests/wasm.rs's CASE_FILES leaves out {dir}/{name}");
        }
    }
}
