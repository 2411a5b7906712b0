//! The coverage map: every specific safeguarding issue in Keeping Children Safe in Education's
//! Annex B and every category of harm in Working Together 2023, each with what the default
//! ruleset does about it, or why it does not. `docs/coverage.json` is the data;
//! `docs/coverage.md` is rendered from it and the ruleset, and this test fails when either has
//! gone stale: every id must exist, every required issue must have a row, and the Markdown must
//! be exactly what the data renders to (`WAYMARK_WRITE_COVERAGE=1 cargo test --test coverage`
//! rewrites it).

use std::collections::BTreeMap;
use std::fmt::Write;

use serde_json::Value;

/// The map's rows must cover these: Keeping Children Safe in Education (Part one, Part four,
/// Part five and Annex B) and Working Together to Safeguard Children 2023 (chapter 3's
/// categories of abuse and neglect, and harm outside the home).
const REQUIRED: &[&str] = &[
    "KCSIE Annex B: Child abduction and community safety incidents",
    "KCSIE Annex B: Children and the court system",
    "KCSIE Annex B: Children absent from education",
    "KCSIE Annex B: Children with family members in prison",
    "KCSIE Annex B: Child criminal exploitation",
    "KCSIE Annex B: Child sexual exploitation",
    "KCSIE Annex B: County lines",
    "KCSIE Annex B: Modern slavery and the National Referral Mechanism",
    "KCSIE Annex B: Cybercrime",
    "KCSIE Annex B: Domestic abuse",
    "KCSIE Annex B: Homelessness",
    "KCSIE Annex B: Mental health",
    "KCSIE Annex B: Serious violence",
    "KCSIE Annex B: So-called honour-based abuse",
    "KCSIE Annex B: Female genital mutilation",
    "KCSIE Annex B: Forced marriage",
    "KCSIE Annex B: Preventing radicalisation",
    "KCSIE Part five: Sexual violence and sexual harassment between children",
    "KCSIE Part one: Child-on-child abuse",
    "KCSIE Part one: Upskirting",
    "KCSIE Part one: Sharing nudes and semi-nudes",
    "KCSIE Part one: Online safety",
    "KCSIE Part one: Children missing education",
    "KCSIE Part one: Children who need a social worker",
    "KCSIE Part one: Children requiring mental health support",
    "KCSIE Part one: Disabled children and children with special educational needs",
    "KCSIE Part one: Looked-after and previously looked-after children, and care leavers",
    "KCSIE Part one: Private fostering",
    "KCSIE Part one: Young carers",
    "KCSIE Part four: Allegations about staff that meet the harm threshold",
    "KCSIE Part four: Low-level concerns about staff",
    "Working Together 2023 chapter 3: Physical abuse",
    "Working Together 2023 chapter 3: Emotional abuse",
    "Working Together 2023 chapter 3: Sexual abuse",
    "Working Together 2023 chapter 3: Neglect",
    "Working Together 2023 chapter 3: Harm outside the home",
    "Working Together 2023 chapter 3: Children who go missing",
    "Working Together 2023 chapter 3: Babies and infants",
    "Working Together 2023 chapter 3: Adults around the child",
];

const LISTS: [(&str, &str); 5] = [("indicators", "Indicators"), ("rules", "Rules"), ("routes", "Routes"), ("actions", "Actions"), ("prompts", "Prompts")];

fn load(path: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn strings(value: &Value) -> Vec<&str> {
    value.as_array().map(|list| list.iter().filter_map(Value::as_str).collect()).unwrap_or_default()
}

/// Each list of the ruleset by id: the id and a short label for the map.
fn vocabulary(ruleset: &Value) -> BTreeMap<&'static str, BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for (list, _) in LISTS {
        let mut items = BTreeMap::new();
        for item in ruleset[list].as_array().expect("a list") {
            let label = ["name", "text", "reason"].iter().find_map(|key| item[*key].as_str()).unwrap_or_default();
            items.insert(item["id"].as_str().expect("an id").to_string(), label.to_string());
        }
        out.insert(list, items);
    }
    out
}

fn render(map: &Value, ruleset: &Value) -> String {
    let vocabulary = vocabulary(ruleset);
    let mut md = String::new();
    let _ = writeln!(md, "# Coverage map\n");
    let _ = writeln!(
        md,
        "What the default ruleset (`www/rulesets/england.json`, version {}) does for each specific safeguarding issue in Keeping Children Safe in Education and each category of harm in Working Together to Safeguard Children 2023: the indicators a practitioner answers, the rules that decide the level, the routes and actions (what to do, and what not to do), and the sources. Rendered from `docs/coverage.json` by `tests/coverage.rs`, which fails if this file, the data or the ruleset disagree.\n",
        ruleset["meta"]["version"].as_str().unwrap_or_default()
    );
    let rows = map["rows"].as_array().expect("rows");
    let _ = writeln!(md, "## Contents\n");
    for (i, row) in rows.iter().enumerate() {
        let _ = writeln!(md, "{}. [{}](#{}){}", i + 1, row["issue"].as_str().unwrap_or_default(), anchor(row["issue"].as_str().unwrap_or_default()), note(row));
    }
    let _ = writeln!(md, "\n## Issues\n");
    for row in rows {
        let _ = writeln!(md, "### {}\n", row["issue"].as_str().unwrap_or_default());
        let _ = writeln!(md, "- **Guidance:** {}", strings(&row["documents"]).join("; "));
        let _ = writeln!(md, "- **Maps:** {}", strings(&row["maps"]).join("; "));
        if let Some(why) = row["notCovered"].as_str() {
            let _ = writeln!(md, "- **{}:** {why}", if strings(&row["rules"]).is_empty() { "Not covered" } else { "Not covered here" });
        }
        for (list, title) in LISTS {
            let ids = strings(&row[list]);
            if ids.is_empty() {
                continue;
            }
            let items: Vec<String> = ids
                .iter()
                .map(|id| {
                    let label = vocabulary[list].get(*id).map(String::as_str).unwrap_or_default();
                    let short: String = label.chars().take(90).collect();
                    format!("`{id}` ({}{})", short.trim_end(), if label.chars().count() > 90 { "…" } else { "" })
                })
                .collect();
            let _ = writeln!(md, "- **{title}:** {}", items.join("; "));
        }
        if let Some(handling) = row["handling"].as_str() {
            let _ = writeln!(md, "- **Handling:** {handling}");
        }
        let _ = writeln!(md);
    }
    let _ = writeln!(md, "## Second reading\n");
    let _ = writeln!(md, "Each area's rules were read again against their sources by someone who did not write them, and its cases were written from the sources by someone who had not read the rules, before the engine was run on them. What they disagreed with, and how it was settled:\n");
    for reading in map["readings"].as_array().into_iter().flatten() {
        let _ = writeln!(md, "### {}\n", reading["area"].as_str().unwrap_or_default());
        let _ = writeln!(md, "{}\n", reading["summary"].as_str().unwrap_or_default());
        let disagreements = reading["disagreements"].as_array().cloned().unwrap_or_default();
        if !disagreements.is_empty() {
            let _ = writeln!(md, "| Item | The second reader said | Settled |\n|---|---|---|");
            for d in disagreements {
                let cell = |key: &str| d[key].as_str().unwrap_or_default().replace('|', "\\|").replace('\n', " ");
                let _ = writeln!(md, "| {} | {} | {} |", cell("item"), cell("said"), cell("settled"));
            }
            let _ = writeln!(md);
        }
    }
    md
}

/// How the contents list marks a row that is not, or not wholly, covered.
fn note(row: &Value) -> &'static str {
    match (row["notCovered"].is_string(), strings(&row["rules"]).is_empty()) {
        (false, _) => "",
        (true, true) => " (not covered)",
        (true, false) => " (in part)",
    }
}

fn anchor(title: &str) -> String {
    title
        .to_lowercase()
        .chars()
        .filter_map(|c| {
            if c.is_alphanumeric() {
                Some(c)
            } else if c == ' ' || c == '-' {
                Some('-')
            } else {
                None
            }
        })
        .collect()
}

#[test]
fn every_issue_is_mapped_to_what_exists_and_the_markdown_is_current() {
    let map = load("docs/coverage.json");
    let ruleset = load("www/rulesets/england.json");
    let vocabulary = vocabulary(&ruleset);
    let rows = map["rows"].as_array().expect("rows");
    let mut problems = Vec::new();
    for row in rows {
        let issue = row["issue"].as_str().unwrap_or("(no issue)");
        for (list, _) in LISTS {
            for id in strings(&row[list]) {
                if !vocabulary[list].contains_key(id) {
                    problems.push(format!("{issue}: {list} has no \"{id}\""));
                }
            }
        }
        let acts = !strings(&row["rules"]).is_empty() && (!strings(&row["actions"]).is_empty() || !strings(&row["routes"]).is_empty());
        if !acts && !row["notCovered"].is_string() {
            problems.push(format!("{issue}: names no rule with an action or route, and does not say why it is not covered"));
        }
        if strings(&row["documents"]).is_empty() {
            problems.push(format!("{issue}: cites no guidance"));
        }
    }
    for required in REQUIRED {
        if !rows.iter().any(|row| strings(&row["maps"]).contains(required)) {
            problems.push(format!("no row maps \"{required}\""));
        }
    }
    assert!(problems.is_empty(), "{} problems in docs/coverage.json:\n{}", problems.len(), problems.join("\n"));

    let rendered = render(&map, &ruleset);
    if std::env::var_os("WAYMARK_WRITE_COVERAGE").is_some() {
        std::fs::write("docs/coverage.md", &rendered).expect("writes docs/coverage.md");
    }
    let committed = std::fs::read_to_string("docs/coverage.md").unwrap_or_default();
    assert!(committed == rendered, "docs/coverage.md is stale: run WAYMARK_WRITE_COVERAGE=1 cargo test --test coverage and commit it");
}

#[test]
fn the_check_catches_a_missing_id() {
    let ruleset = load("www/rulesets/england.json");
    let vocabulary = vocabulary(&ruleset);
    assert!(vocabulary["rules"].contains_key("missing-now"));
    assert!(!vocabulary["rules"].contains_key("no-such-rule"));
    assert_eq!(anchor("County lines (cuckooing)"), "county-lines-cuckooing");
}
