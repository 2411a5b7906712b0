//! The `waymark` command: exit codes, output, and problems located by file, line and column.

use std::path::PathBuf;
use std::process::{Command, Output};

const RULESET: &str = "tests/rulesets/language.json";
const PROFILE: &str = "tests/rulesets/language-profile.json";
const SCENARIO: &str = "tests/scenarios/language.json";

fn waymark(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_waymark")).args(args).output().expect("runs")
}

fn out(output: &Output) -> (i32, String, String) {
    (output.status.code().unwrap_or(-1), String::from_utf8_lossy(&output.stdout).into_owned(), String::from_utf8_lossy(&output.stderr).into_owned())
}

/// A file in the test's temporary folder.
fn temp(name: &str, content: &str) -> String {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, content).expect("writes");
    path.to_string_lossy().into_owned()
}

/// Line and column (1-based) where `needle` first occurs in `text`.
fn position(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle} occurs"));
    let before = &text[..at];
    (before.matches('\n').count() + 1, before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1)
}

#[test]
fn validate_reports_counts_and_unset_local_contacts() {
    let (code, stdout, stderr) = out(&waymark(&["validate", RULESET]));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout.trim(), "ok: Condition language test ruleset version 1.0.0: 5 levels, 16 indicators, 18 rules");
    let text = std::fs::read_to_string(RULESET).expect("reads");
    let (line, column) = position(&text, r#"{"id": "mash""#);
    assert!(stderr.contains(&format!("{RULESET}:{line}:{column}: warning[contact-not-set]: contacts[1]: \"mash\"")), "{stderr}");
    assert_eq!(stderr.matches("contact-not-set").count(), 4);
    // The profile sets two of them.
    let (code, _, stderr) = out(&waymark(&["validate", RULESET, "--profile", PROFILE]));
    assert_eq!(code, 0);
    assert_eq!(stderr.matches("contact-not-set").count(), 2, "{stderr}");
    assert!(!stderr.contains("\"mash\""));
}

#[test]
fn validate_locates_each_problem_by_line_and_column() {
    let text = std::fs::read_to_string(RULESET).expect("reads").replacen(r#"{"yes": "excluded"}"#, r#"{"yes": "excludd"}"#, 1).replacen(
        r#""scope": "national""#,
        r#""scope": "nation""#,
        1,
    );
    let file = temp("bad-ruleset.json", &text);
    let (code, _, stderr) = out(&waymark(&["validate", &file]));
    assert_eq!(code, 1);
    let (line, column) = position(&text, r#""yes": "excludd""#);
    let expected =
        format!("{file}:{line}:{column}: error[unknown-indicator]: rules[8].when.all[1].yes: unknown indicator \"excludd\" (did you mean \"excluded\"?)");
    assert!(stderr.contains(&expected), "{stderr}");
    let (line, column) = position(&text, r#""scope": "nation""#);
    assert!(stderr.contains(&format!("{file}:{line}:{column}: error[bad-value]: contacts[0].scope")), "{stderr}");
}

#[test]
fn syntax_errors_carry_line_and_column() {
    let file = temp("syntax.json", "{\n  \"format\": \"waymark-ruleset/1\",\n  \"meta\": {,\n}");
    let (code, _, stderr) = out(&waymark(&["validate", &file]));
    assert_eq!(code, 1);
    assert!(stderr.starts_with(&format!("{file}:3:12: error[syntax]: ")), "{stderr}");
}

#[test]
fn profile_problems_point_into_the_profile() {
    let text = std::fs::read_to_string(PROFILE).expect("reads").replacen("\"mash\":", "\"mahs\":", 1);
    let file = temp("bad-profile.json", &text);
    let (code, _, stderr) = out(&waymark(&["validate", RULESET, "--profile", &file]));
    assert_eq!(code, 1);
    let (line, column) = position(&text, "\"mahs\"");
    assert!(stderr.contains(&format!("{file}:{line}:{column}: error[unknown-contact]: contacts.mahs")), "{stderr}");
}

#[test]
fn lint_passes_a_clean_ruleset_and_fails_on_unexplained_findings() {
    let (code, stdout, _) = out(&waymark(&["lint", RULESET]));
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("note[unused-indicator]: indicators[14]"));
    assert!(stdout.trim_end().ends_with("2 findings, 0 unexplained"));
    let text =
        std::fs::read_to_string(RULESET).expect("reads").replacen(r#""sources": [{"source": "primer", "section": "Principle 2"}]}"#, "\"sources\": []}", 1);
    let file = temp("lint.json", &text);
    let (code, stdout, _) = out(&waymark(&["lint", &file]));
    assert_eq!(code, 1);
    assert!(stdout.contains("warning[missing-source]: rules[3].sources: rule \"domestic-abuse\" cites no source"), "{stdout}");
}

#[test]
fn assess_prints_json_or_text() {
    let case = temp("case.json", r#"{"asOf": "2026-11-22", "child": {"ageMonths": 5}, "answers": {"injury-non-mobile": "yes"}}"#);
    let (code, stdout, stderr) = out(&waymark(&["assess", RULESET, &case]));
    assert_eq!(code, 0, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(json["level"]["id"], "child-protection");
    assert_eq!(json["reasons"][0]["sources"][0]["title"], "Waymark safeguarding primer");
    let (code, stdout, _) = out(&waymark(&["assess", RULESET, &case, "--format", "text", "--profile", PROFILE]));
    assert_eq!(code, 0);
    assert!(stdout.contains("Level of need: Child protection"), "{stdout}");
    assert!(stdout.contains("Northfield MASH — 020 7946 0321"), "{stdout}");
}

#[test]
fn assess_locates_problems_in_the_case() {
    let text = "{\n  \"asOf\": \"2026-11-22\",\n  \"answers\": {\"missng\": \"yes\"}\n}";
    let case = temp("bad-case.json", text);
    let (code, _, stderr) = out(&waymark(&["assess", RULESET, &case]));
    assert_eq!(code, 1);
    assert!(stderr.contains(&format!("{case}:3:15: error[unknown-indicator]: answers.missng")), "{stderr}");
}

#[test]
fn scenarios_pass_and_fail_per_time_point() {
    let (code, stdout, _) = out(&waymark(&["scenarios", RULESET, SCENARIO]));
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("PASS language-walkthrough/first-worry"));
    assert!(stdout.trim_end().ends_with("3 time points: 3 passed, 0 failed"));
    let text = std::fs::read_to_string(SCENARIO).expect("reads").replacen(r#""atMost": "child-protection""#, r#""atMost": "child-in-need""#, 1);
    let file = temp("failing-scenario.json", &text);
    let (code, stdout, _) = out(&waymark(&["scenarios", RULESET, &file]));
    assert_eq!(code, 1);
    assert!(stdout.contains("FAIL language-walkthrough/missing"), "{stdout}");
    assert!(stdout.contains("level is \"child-protection\", above the highest acceptable \"child-in-need\""), "{stdout}");
    assert!(stdout.trim_end().ends_with("3 time points: 2 passed, 1 failed"));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["frobnicate", RULESET],
        &["validate"],
        &["assess", RULESET],
        &["validate", "no-such-file.json"],
        &["assess", RULESET, SCENARIO, "--format", "xml"],
    ] {
        let (code, _, stderr) = out(&waymark(args));
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.contains("usage:"), "{stderr}");
    }
    let (code, stdout, _) = out(&waymark(&["--version"]));
    assert_eq!((code, stdout.trim()), (0, format!("waymark {}", env!("CARGO_PKG_VERSION")).as_str()));
}
