//! Every line citation of a seed document in the default ruleset points at real text: the lines
//! exist, they are not mostly blank, and they are not a form, a template or a table of contents.
//!
//! The seed documents are not in this repository: they are read from `shared/domain/seeds/`
//! beside it (`../shared/domain/seeds/000_*.txt` for `seed-000`). CI has a copy there. If the
//! directory is missing the test fails, because a citation that cannot be checked is not checked.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

const RULESET: &str = "www/rulesets/england.json";

/// How many lines of cited text to print with a failing citation.
const SHOWN: usize = 3;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn seeds_dir() -> PathBuf {
    repo().join("..").join("shared").join("domain").join("seeds")
}

/// A line citation of a seed document found in the ruleset.
#[derive(Debug)]
struct Citation {
    /// Where it is, as the linter writes paths: `rules[12].sources[0]`.
    path: String,
    /// The id of the item that cites it, if it has one.
    owner: Option<String>,
    source: String,
    lines: String,
}

/// Every object in the tree with a `source` naming a seed (`seed-…`) and a `lines` text.
fn seed_citations(value: &Value, path: &str, owner: Option<&str>, out: &mut Vec<Citation>) {
    match value {
        Value::Object(members) => {
            let owner = members.get("id").and_then(Value::as_str).or(owner);
            if let (Some(Value::String(source)), Some(Value::String(lines))) = (members.get("source"), members.get("lines")) {
                if source.starts_with("seed-") {
                    out.push(Citation { path: path.to_string(), owner: owner.map(str::to_string), source: source.clone(), lines: lines.clone() });
                }
            }
            for (key, child) in members {
                let here = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                seed_citations(child, &here, owner, out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                seed_citations(child, &format!("{path}[{i}]"), owner, out);
            }
        }
        _ => {}
    }
}

/// The ranges of a line list such as "120", "120-135" or "120-135, 210", 1-based and inclusive.
fn ranges(lines: &str) -> Result<Vec<(usize, usize)>, String> {
    lines
        .split(',')
        .map(|part| {
            let part = part.trim();
            let (start, end) = part.split_once('-').unwrap_or((part, part));
            match (start.trim().parse::<usize>(), end.trim().parse::<usize>()) {
                (Ok(start), Ok(end)) if start >= 1 && start <= end => Ok((start, end)),
                _ => Err(format!("\"{part}\" is not a line or a range of lines")),
            }
        })
        .collect()
}

/// Whether a line looks like part of a form, a template or a table of contents rather than
/// prose. Any one of these makes it so:
///
/// - a checkbox: `□`, `☐`, `☑`, `☒`, `[ ]` or `[x]`;
/// - mostly underscores (a fill-in line): at least 3, and at least half its visible characters;
/// - a field label at its start: `Name:`, `Date:`, `Signature`, `Signed:`;
/// - a word processor's placeholder: "Click here to enter text", "Choose an item";
/// - a contents entry: a page number at its end after dotted leaders (`....`, `…`, `. . .`),
///   or after a tab or a wide gap, optionally with the word "page".
fn form_like(line: &str) -> bool {
    let trimmed = line.trim();
    let lower = trimmed.to_lowercase();
    let visible = trimmed.chars().filter(|c| !c.is_whitespace()).count();
    let underscores = trimmed.chars().filter(|c| *c == '_').count();
    ["□", "☐", "☑", "☒", "[ ]", "[x]"].iter().any(|b| lower.contains(b))
        || (underscores >= 3 && underscores * 2 >= visible)
        || ["name:", "date:", "signature", "signed:"].iter().any(|label| lower.starts_with(label))
        || ["click here to enter text", "choose an item"].iter().any(|p| lower.contains(p))
        || contents_entry(line)
}

/// A table-of-contents line: ends with a page number after dotted leaders, or after a tab or a
/// gap of two or more spaces (with "page" or "p." allowed before the number).
fn contents_entry(line: &str) -> bool {
    let line = line.trim_end();
    let before = line.trim_end_matches(|c: char| c.is_ascii_digit());
    if before.len() == line.len() || before.trim().is_empty() {
        return false; // no page number, or nothing but one
    }
    let lower = before.to_lowercase();
    let word = lower.trim_end_matches(' ');
    let rest = word.strip_suffix("page").or_else(|| word.strip_suffix("p.")).unwrap_or(&lower);
    let leaders = rest.trim_end();
    rest.ends_with('\t') || rest.ends_with("  ") || leaders.ends_with("...") || leaders.ends_with('\u{2026}') || leaders.ends_with(". . .")
}

/// What is wrong with citing `lines` of a document, one problem per line of the answer; empty
/// when nothing is.
fn problems(document: &[&str], lines: &str) -> Vec<String> {
    let ranges = match ranges(lines) {
        Ok(ranges) => ranges,
        Err(problem) => return vec![problem],
    };
    let mut out = Vec::new();
    for (start, end) in ranges {
        let span = if start == end { format!("line {start}") } else { format!("lines {start}-{end}") };
        if end > document.len() {
            out.push(format!("{span}: the document has only {} lines", document.len()));
            continue;
        }
        let text = &document[start - 1..end];
        let filled: Vec<&str> = text.iter().copied().filter(|l| !l.trim().is_empty()).collect();
        if filled.len() * 2 < text.len() {
            out.push(format!("{span}: mostly blank ({} of {} lines have text)", filled.len(), text.len()));
        }
        let forms = filled.iter().filter(|l| form_like(l)).count();
        if forms > 0 && forms * 2 >= filled.len() {
            out.push(format!("{span}: a form, template or contents list ({forms} of {} lines with text look like one)", filled.len()));
        }
    }
    out
}

/// The seed document a source id names: `seed-003` is `003_*.txt`.
fn seed_file(dir: &Path, source: &str) -> Result<PathBuf, String> {
    let number = source.trim_start_matches("seed-");
    let prefix = format!("{number}_");
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt") && p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(&prefix)))
        .collect();
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(format!("no file {prefix}*.txt in {}", dir.display())),
        _ => Err(format!("more than one file {prefix}*.txt in {}", dir.display())),
    }
}

fn shown(document: &[&str], lines: &str) -> String {
    let Some(&(start, end)) = ranges(lines).ok().as_ref().and_then(|r| r.first()) else { return String::new() };
    let mut out = String::new();
    for n in start..=end.min(document.len()).min(start + SHOWN - 1) {
        let text: String = document[n - 1].trim_end().chars().take(100).collect();
        let _ = writeln!(out, "      {n:>5} | {text}");
    }
    out
}

#[test]
fn every_seed_citation_points_at_real_prose() {
    let dir = seeds_dir();
    assert!(
        dir.is_dir(),
        "{} is missing. This test checks the default ruleset's citations against the seed documents, \
         which live outside the repository in shared/domain/seeds/ beside it (CI has a copy there). \
         Put a copy there and run the test again; it does not skip.",
        dir.display()
    );
    let text = std::fs::read_to_string(repo().join(RULESET)).expect("reads the default ruleset");
    let tree: Value = serde_json::from_str(&text).expect("the default ruleset is JSON");
    let mut citations = Vec::new();
    seed_citations(&tree, "", None, &mut citations);
    assert!(citations.len() >= 100, "only {} seed citations found: is the walk broken?", citations.len());

    let mut documents: std::collections::BTreeMap<String, Result<String, String>> = std::collections::BTreeMap::new();
    let mut report = String::new();
    let mut failing = 0;
    for citation in &citations {
        let document = documents.entry(citation.source.clone()).or_insert_with(|| {
            seed_file(&dir, &citation.source).and_then(|p| std::fs::read_to_string(&p).map_err(|e| format!("cannot read {}: {e}", p.display())))
        });
        let (found, lines): (Vec<String>, Vec<&str>) = match document {
            Ok(text) => {
                let lines: Vec<&str> = text.lines().collect();
                (problems(&lines, &citation.lines), lines)
            }
            Err(problem) => (vec![problem.clone()], Vec::new()),
        };
        if found.is_empty() {
            continue;
        }
        failing += 1;
        let owner = citation.owner.as_deref().map_or(String::new(), |id| format!(" (\"{id}\")"));
        let _ = writeln!(report, "{}{owner}: {} lines \"{}\"", citation.path, citation.source, citation.lines);
        for problem in found {
            let _ = writeln!(report, "    {problem}");
        }
        report.push_str(&shown(&lines, &citation.lines));
    }
    assert!(failing == 0, "{failing} of {} seed citations in {RULESET} do not point at prose:\n{report}", citations.len());
}

// --- The checks themselves, on small inline documents -----------------------------------------

const DOCUMENT: &str = "\
Contents
1. Introduction ........ 2
2. Learning\tpage 4
3. Findings . . . 9

The child was not seen alone at any of the home visits,
and nobody asked the child what life at home was like.



Name: ______________
Date: ______________
Signature ___________
\u{2610} Death \u{2610} Serious incident
SYS Number Click here to enter text.
Category: Choose an item.
The review found that 12 of 30 referrals were closed.";

fn document() -> Vec<&'static str> {
    DOCUMENT.lines().collect()
}

#[test]
fn prose_passes() {
    assert_eq!(problems(&document(), "6-7"), Vec::<String>::new());
    assert_eq!(problems(&document(), "6-8, 17"), Vec::<String>::new(), "one blank line of three is fine");
    assert_eq!(problems(&document(), "17"), Vec::<String>::new(), "a number at the end of a sentence is not a page number");
}

#[test]
fn lines_that_do_not_exist_fail() {
    assert_eq!(problems(&document(), "16-18"), ["lines 16-18: the document has only 17 lines"]);
    assert_eq!(problems(&document(), "6-7, 40"), ["line 40: the document has only 17 lines"]);
    assert_eq!(problems(&document(), "7-6"), ["\"7-6\" is not a line or a range of lines"]);
    assert_eq!(problems(&document(), "0"), ["\"0\" is not a line or a range of lines"]);
}

#[test]
fn mostly_blank_ranges_fail() {
    assert_eq!(problems(&document(), "7-10"), ["lines 7-10: mostly blank (1 of 4 lines have text)"]);
    assert_eq!(problems(&document(), "6-7, 9"), ["line 9: mostly blank (0 of 1 lines have text)"]);
}

#[test]
fn forms_templates_and_contents_fail() {
    assert_eq!(problems(&document(), "1-4"), ["lines 1-4: a form, template or contents list (3 of 4 lines with text look like one)"]);
    assert_eq!(problems(&document(), "11-13"), ["lines 11-13: a form, template or contents list (3 of 3 lines with text look like one)"]);
    assert_eq!(problems(&document(), "14-16"), ["lines 14-16: a form, template or contents list (3 of 3 lines with text look like one)"]);
    assert_eq!(problems(&document(), "6-7, 15"), ["line 15: a form, template or contents list (1 of 1 lines with text look like one)"]);
    assert_eq!(problems(&document(), "15-17"), ["lines 15-17: a form, template or contents list (2 of 3 lines with text look like one)"]);
    assert_eq!(problems(&document(), "5-7"), Vec::<String>::new(), "a blank line then prose");
    assert_eq!(problems(&document(), "4-7"), Vec::<String>::new(), "one contents line of three with text is not a contents list");
}

#[test]
fn form_lines_one_by_one() {
    for line in [
        "Name:",
        "DATE: 12/03/2019",
        "Signature of the chair",
        "_____________",
        "Signed: ____ ",
        "[ ] Yes [x] No",
        "\u{25a1} Death",
        "Click here to enter text.",
        "Choose an item.",
        "Introduction ............ 3",
        "4.\tStory of each child\tpage 3",
        "Appendix 2 \u{2026} 41",
        "Terms of reference     p. 12",
    ] {
        assert!(form_like(line), "{line:?} should look like a form or contents line");
    }
    for line in [
        "The name of the school was not recorded.",
        "The date of the visit was not recorded and the signature was missing.",
        "advise the authority and their Board partners on lessons to be learned. 1 ",
        "showed 1,025 SUDI cases and 310",
        "a first_name field",
        "2.3 Geographical distribution of the cases 2014-17",
        "",
    ] {
        assert!(!form_like(line), "{line:?} should read as prose");
    }
}

#[test]
fn the_walk_finds_citations_everywhere_with_their_paths() {
    let tree: Value = serde_json::from_str(
        r#"{"rules": [{"id": "a", "sources": [{"source": "primer", "lines": "1"}, {"source": "seed-001", "lines": "2-3"}]}],
            "safeguards": {"worryRecorded": {"sources": [{"source": "seed-000", "lines": "4"}]}},
            "levels": [{"id": "l", "sources": [{"source": "seed-002", "section": "no lines"}]}],
            "escalation": [{"id": "s", "sources": [{"source": "seed-004", "lines": "9"}]}]}"#,
    )
    .expect("JSON");
    let mut found = Vec::new();
    seed_citations(&tree, "", None, &mut found);
    let mut found: Vec<(String, Option<String>, String, String)> = found.into_iter().map(|c| (c.path, c.owner, c.source, c.lines)).collect();
    found.sort();
    let expect =
        |path: &str, owner: Option<&str>, source: &str, lines: &str| (path.to_string(), owner.map(str::to_string), source.to_string(), lines.to_string());
    assert_eq!(
        found,
        [
            expect("escalation[0].sources[0]", Some("s"), "seed-004", "9"),
            expect("rules[0].sources[1]", Some("a"), "seed-001", "2-3"),
            expect("safeguards.worryRecorded.sources[0]", None, "seed-000", "4"),
        ]
    );
}
