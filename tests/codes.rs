//! The codes the engine reports are the codes the documentation lists, in both directions.

use waymark::{Code, LintCode, Named};

const FORMAT: &str = include_str!("../docs/ruleset-format.md");

/// The backquoted codes in the first column of the table under `heading`, in order.
fn first_column(heading: &str) -> Vec<String> {
    let start = FORMAT.find(heading).unwrap_or_else(|| panic!("docs/ruleset-format.md has {heading}"));
    let table = FORMAT[start..].lines().skip_while(|line| !line.starts_with('|')).take_while(|line| line.starts_with('|'));
    // The header and the rule under it name no code.
    let cells = table.skip(2).map(|row| row.split('|').nth(1).unwrap_or_default().to_string());
    cells.flat_map(|cell| cell.split(',').map(|code| code.trim().trim_matches('`').to_string()).collect::<Vec<_>>()).collect()
}

#[test]
fn every_error_code_is_documented_in_order_and_nothing_else_is() {
    let documented = first_column("## Error codes");
    assert_eq!(documented, Code::NAMES, "the table in docs/ruleset-format.md and the Code enum (src/error.rs) differ");
}

#[test]
fn every_lint_code_is_documented_and_nothing_else_is() {
    let mut documented = first_column("| Code | Finding |");
    documented.sort();
    let mut codes: Vec<&str> = LintCode::NAMES.to_vec();
    codes.sort_unstable();
    assert_eq!(documented, codes, "the lint table in docs/ruleset-format.md and the LintCode enum (src/ruleset.rs) differ");
}

#[test]
fn codes_are_kebab_case_and_distinct() {
    let mut all: Vec<&str> = Code::NAMES.iter().chain(LintCode::NAMES).copied().collect();
    for code in &all {
        assert!(code.split('-').all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase())), "{code}");
    }
    all.sort_unstable();
    let count = all.len();
    all.dedup();
    assert_eq!(all.len(), count, "a code is both an error and a lint code, or repeated");
    assert_eq!(Code::ALL.iter().map(|code| code.name()).collect::<Vec<_>>(), Code::NAMES);
}
