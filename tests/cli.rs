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
    assert!(stdout.contains("Northfield MASH: 020 7946 0321"), "{stdout}");
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

// --- Regressions for what a fuzzer found ---------------------------------------------------------

/// The test ruleset with `copies` more copies of its rule 3 (each a duplicate-condition finding).
fn with_copies(copies: usize) -> String {
    let mut value: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(RULESET).expect("reads")).expect("JSON");
    let rules = value["rules"].as_array_mut().expect("rules");
    let rule = rules[3].clone();
    for i in 0..copies {
        let mut copy = rule.clone();
        copy["id"] = serde_json::json!(format!("copy-{i}"));
        rules.push(copy);
    }
    serde_json::to_string_pretty(&value).expect("JSON")
}

#[test]
fn lint_locates_thousands_of_findings_from_one_parse() {
    // Every finding used to re-read and re-parse the file: 7 s at 10 times the rules.
    let file = temp("many-findings.json", &with_copies(5_000));
    let start = std::time::Instant::now();
    let (code, stdout, _) = out(&waymark(&["lint", &file]));
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
    assert_eq!(code, 1);
    assert!(stdout.trim_end().ends_with("5002 findings, 5000 unexplained"), "{}", &stdout[stdout.len().saturating_sub(200)..]);
    let text = std::fs::read_to_string(&file).expect("reads");
    let last = text.find("\"copy-4999\"").expect("the last copy");
    let (line, column) = position(&text[last..], "\"when\"");
    let (line, column) =
        (line + text[..last].matches('\n').count(), if line == 1 { column + last - text[..last].rfind('\n').map_or(0, |i| i + 1) } else { column });
    assert!(stdout.contains(&format!("{file}:{line}:{column}: warning[duplicate-condition]: rules[5017].when")), "the last copy is located");
}

#[test]
fn a_closed_pipe_ends_the_output_quietly_with_the_commands_status() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let file = temp("pipe.json", &with_copies(3_000));
    let mut child = Command::new(env!("CARGO_BIN_EXE_waymark")).args(["lint", &file]).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("runs");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut first).expect("a line");
    // The reader is dropped here: the pipe is closed, as `| head -1` does.
    let output = child.wait_with_output().expect("ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(first.contains("note[") || first.contains("warning["), "{first}");
    assert!(!stderr.contains("panicked") && !stderr.contains("Broken pipe"), "{stderr}");
    assert_eq!(output.status.code(), Some(1), "lint still fails on unexplained findings");
}

#[test]
fn control_characters_from_the_input_are_escaped_in_every_message() {
    let case = temp("escapes.json", "{\"asOf\": \"2026-11-22\", \"answers\": {\"\\u001b[2J\\u001b[31mred\\u009b1m\\u202e\": \"yes\"}}");
    let (code, _, stderr) = out(&waymark(&["assess", RULESET, &case]));
    assert_eq!(code, 1);
    assert!(stderr.contains(r#"unknown indicator "\u{1b}[2J\u{1b}[31mred\u{9b}1m\u{202e}""#), "{stderr}");
    assert!(!stderr.chars().any(|c| c.is_control() && c != '\n'), "{stderr:?}");
    // A ruleset's own text is escaped too, in lint output and in the assessment as text.
    let text = std::fs::read_to_string(RULESET).expect("reads").replacen("\"reason\": \"", "\"reason\": \"\\u001b[5mBlink\\u0007 ", 1);
    let file = temp("escaped-ruleset.json", &text);
    let case = temp("plain-case.json", r#"{"asOf": "2026-11-22", "answers": {"immediate-danger": "yes"}}"#);
    for args in [vec!["lint", file.as_str()], vec!["assess", &file, &case, "--format", "text"], vec!["assess", &file, &case]] {
        let output = waymark(&args);
        let all = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        assert!(!all.chars().any(|c| c.is_control() && c != '\n'), "{args:?}: {all:?}");
    }
}

#[test]
fn the_command_line_reads_files_as_the_page_does() {
    // A leading byte-order mark is skipped (browsers skip it when they decode a file).
    let text = std::fs::read_to_string(RULESET).expect("reads");
    let file = temp("with-mark.json", &format!("\u{feff}{text}"));
    let (code, stdout, stderr) = out(&waymark(&["validate", &file]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("ok: "), "{stdout}");
    // Half a surrogate pair, and bytes that are not UTF-8, are refused at their place.
    let case = temp("surrogate.json", "{\"asOf\": \"2026-11-22\",\n \"answers\": {\"x\\ud800\": \"yes\"}}");
    let (code, _, stderr) = out(&waymark(&["assess", RULESET, &case]));
    assert_eq!(code, 1);
    assert!(stderr.starts_with(&format!("{case}:2:")) && stderr.contains("error[bad-text]"), "{stderr}");
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("latin1.json");
    std::fs::write(&path, b"{\"asOf\": \"2026-11-22\",\n \"answers\": {\"caf\xe9\": \"yes\"}}").expect("writes");
    let (code, _, stderr) = out(&waymark(&["assess", RULESET, &path.to_string_lossy()]));
    assert_eq!(code, 1);
    assert!(stderr.contains(":2:18: error[bad-text]: this file is not UTF-8 text"), "{stderr}");
    // Nesting deeper than the page reads is refused with its place and path.
    let deep = temp("deep.json", &format!("{{\"asOf\": \"2026-11-22\", \"x\": {}{}}}", "[".repeat(101), "]".repeat(101)));
    let (code, _, stderr) = out(&waymark(&["assess", RULESET, &deep]));
    assert_eq!(code, 1);
    assert!(stderr.contains("error[too-deep]: x[0]"), "{stderr}");
}
