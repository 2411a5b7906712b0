//! A structure-aware fuzzer for every document the engine reads: rulesets, profiles, cases and
//! scenario files. Each input is a valid document with a few mutations, made on its JSON tree
//! (values replaced by hostile ones, keys removed, renamed or added, subtrees moved or repeated,
//! lists lengthened, nesting deepened) or on its text (cut short, a byte-order mark, half a
//! surrogate pair, a repeated key, a stray byte). For each, everything a user of the library or
//! the command line can do with it is done, and:
//!
//! - nothing panics (proptest reports a panic as a failure, with the smallest input found);
//! - nothing takes longer than [`TIME_LIMIT`] (a debug build);
//! - every refusal is an [`Error`] whose problems each have a code, a message, and a place: a
//!   path into the document that exists there (at least in part), or a line and column.
//!
//! The bounded run in `cargo test` tries [`CASES`] inputs per kind of document (a few seconds);
//! `WAYMARK_FUZZ_CASES` sets more, and `scripts/fuzz` runs a long campaign in a release build.

use std::time::{Duration, Instant};

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::{json, Value};
use waymark::{lint, parse, run_scenario, to_text, Case, Detail, Document, Engine, Error, FromDocument, Json, Scenario};

/// Inputs per kind of document in a plain `cargo test`.
const CASES: u32 = 300;
/// The longest any one input may take, everything done with it included.
const TIME_LIMIT: Duration = Duration::from_secs(3);
/// Parsing may take longer in proportion to the text: a debug build on a shared machine reads
/// about 10 MB a second, and repeated, deeply nested values pretty-printed reach 40 MB (under
/// the 50 MB limit), which is linear work, not a hang. Half that rate keeps a margin; a cost
/// that grows faster than the text is still far outside it.
const PARSE_BYTES_PER_SECOND: usize = 5_000_000;

const RULESET: &str = include_str!("rulesets/language.json");
const PROFILE: &str = include_str!("rulesets/language-profile.json");
const SCENARIO: &str = include_str!("scenarios/language.json");
const CASE: &str = r#"{"asOf": "2026-11-22", "child": {"ageMonths": 30},
    "answers": {"self-harm": "yes", "domestic-abuse": "not-known", "excluded": "no"},
    "events": [{"indicator": "missing-episode", "date": "2026-11-01", "until": "2026-11-03"}],
    "facts": {"looked-after": "no"}, "referral": "awaiting",
    "judgement": {"level": "early-help", "reason": "What I have seen."}}"#;

fn cases() -> u32 {
    std::env::var("WAYMARK_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(CASES)
}

// --- Mutations ---------------------------------------------------------------------------------

/// A value to put somewhere: some plausible, most hostile.
#[derive(Clone, Debug)]
enum Replacement {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    EmptyObject,
    EmptyList,
    /// Lists nested this deep around a string.
    Deep(usize),
    /// A copy of the value at another place in the document.
    Elsewhere(usize),
}

/// One change to a document's tree; `place` picks where, modulo the number of places.
#[derive(Clone, Debug)]
enum Mutation {
    Replace {
        place: usize,
        with: Replacement,
    },
    Remove {
        place: usize,
    },
    RenameKey {
        place: usize,
        to: String,
    },
    AddKey {
        place: usize,
        key: String,
        with: Replacement,
    },
    /// Repeats the value at `place` in its list, `times` more times.
    Repeat {
        place: usize,
        times: usize,
    },
}

/// One change to a document's text, after the tree mutations.
#[derive(Clone, Debug)]
enum TextMutation {
    None,
    CutAt(usize),
    ByteOrderMark,
    /// Replaces the first `"` after this point with `"\ud800`.
    LoneSurrogate(usize),
    /// Writes the first key again, beside itself.
    RepeatedKey(usize),
    StrayByte(usize, u8),
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        // Ids that exist somewhere in the test documents, and near misses.
        select(vec![
            "self-harm",
            "missing-episode",
            "early-help",
            "child-in-need",
            "child-protection",
            "immediate-danger",
            "primer",
            "mash",
            "stage-1",
            "selfharm",
            "child_in_need"
        ])
        .prop_map(str::to_string),
        select(vec!["", " ", "yes", "no", "not-known", "2026-11-22", "2026-02-30", "0000-01-01", "9999-12-31", "waymark-ruleset/1", "waymark-profile/1"])
            .prop_map(str::to_string),
        select(vec!["\u{1b}[31m", "\u{0}", "\u{202e}", "é", "\u{fffd}", "😀", "a\nb"]).prop_map(str::to_string),
        "[a-z-]{0,12}",
        (1usize..200_000).prop_map(|n| "x".repeat(n)),
    ]
}

fn select(items: Vec<&'static str>) -> impl Strategy<Value = &'static str> {
    proptest::sample::select(items)
}

fn replacement() -> impl Strategy<Value = Replacement> {
    prop_oneof![
        Just(Replacement::Null),
        any::<bool>().prop_map(Replacement::Bool),
        prop_oneof![
            Just(0.0),
            Just(-1.0),
            Just(0.5),
            Just(255.0),
            Just(256.0),
            Just(65_535.0),
            Just(65_536.0),
            Just(1e300),
            Just(-1e300),
            Just(4_294_967_296.0),
            (-1000i32..1000).prop_map(f64::from)
        ]
        .prop_map(Replacement::Number),
        text().prop_map(Replacement::Text),
        Just(Replacement::EmptyObject),
        Just(Replacement::EmptyList),
        (90usize..110).prop_map(Replacement::Deep),
        any::<usize>().prop_map(Replacement::Elsewhere),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<usize>(), replacement()).prop_map(|(place, with)| Mutation::Replace { place, with }),
        2 => any::<usize>().prop_map(|place| Mutation::Remove { place }),
        1 => (any::<usize>(), text()).prop_map(|(place, to)| Mutation::RenameKey { place, to }),
        1 => (any::<usize>(), text(), replacement()).prop_map(|(place, key, with)| Mutation::AddKey { place, key, with }),
        1 => (any::<usize>(), prop_oneof![1usize..5, 100usize..3_000]).prop_map(|(place, times)| Mutation::Repeat { place, times }),
    ]
}

fn text_mutation() -> impl Strategy<Value = TextMutation> {
    prop_oneof![
        6 => Just(TextMutation::None),
        1 => any::<usize>().prop_map(TextMutation::CutAt),
        1 => Just(TextMutation::ByteOrderMark),
        1 => any::<usize>().prop_map(TextMutation::LoneSurrogate),
        1 => any::<usize>().prop_map(TextMutation::RepeatedKey),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| TextMutation::StrayByte(at, byte)),
    ]
}

/// A document's mutations: on its tree, then on its text.
fn plan() -> impl Strategy<Value = (Vec<Mutation>, TextMutation)> {
    (vec(mutation(), 1..4), text_mutation())
}

/// Every place in a tree, as a list of steps from the root (the root itself first).
fn places(value: &Value, here: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(here.clone());
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                here.push(Step::Key(key.clone()));
                places(child, here, out);
                here.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                here.push(Step::Index(i));
                places(child, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn at<'v>(value: &'v mut Value, steps: &[Step]) -> Option<&'v mut Value> {
    steps.iter().try_fold(value, |v, step| match (v, step) {
        (Value::Object(map), Step::Key(key)) => map.get_mut(key),
        (Value::Array(items), Step::Index(i)) => items.get_mut(*i),
        _ => None,
    })
}

fn make(with: &Replacement, document: &Value, all: &[Vec<Step>]) -> Value {
    match with {
        Replacement::Null => Value::Null,
        Replacement::Bool(b) => json!(b),
        Replacement::Number(n) => json!(n),
        Replacement::Text(t) => json!(t),
        Replacement::EmptyObject => json!({}),
        Replacement::EmptyList => json!([]),
        Replacement::Deep(depth) => (0..*depth).fold(json!("deep"), |v, _| json!([v])),
        Replacement::Elsewhere(i) => {
            let mut copy = document.clone();
            at(&mut copy, &all[i % all.len()]).map(|v| v.take()).unwrap_or(Value::Null)
        }
    }
}

fn mutate(mut document: Value, mutations: &[Mutation]) -> Value {
    for mutation in mutations {
        let mut all = Vec::new();
        places(&document, &mut Vec::new(), &mut all);
        let pick = |place: usize| all[place % all.len()].clone();
        match mutation {
            Mutation::Replace { place, with } => {
                let value = make(with, &document, &all);
                if let Some(slot) = at(&mut document, &pick(*place)) {
                    *slot = value;
                }
            }
            Mutation::Remove { place } => {
                let steps = pick(*place);
                let Some((last, parent)) = steps.split_last() else { continue };
                match (at(&mut document, parent), last) {
                    (Some(Value::Object(map)), Step::Key(key)) => {
                        map.remove(key);
                    }
                    (Some(Value::Array(items)), Step::Index(i)) if *i < items.len() => {
                        items.remove(*i);
                    }
                    _ => {}
                }
            }
            Mutation::RenameKey { place, to } => {
                let steps = pick(*place);
                if let (Some((Step::Key(key), parent)), true) = (steps.split_last(), true) {
                    if let Some(Value::Object(map)) = at(&mut document, parent) {
                        if let Some(value) = map.remove(key) {
                            map.insert(to.clone(), value);
                        }
                    }
                }
            }
            Mutation::AddKey { place, key, with } => {
                let value = make(with, &document, &all);
                if let Some(Value::Object(map)) = at(&mut document, &pick(*place)) {
                    map.insert(key.clone(), value);
                }
            }
            Mutation::Repeat { place, times } => {
                let steps = pick(*place);
                let Some((Step::Index(i), parent)) = steps.split_last() else { continue };
                if let Some(Value::Array(items)) = at(&mut document, parent) {
                    let item = items[*i].clone();
                    items.extend(std::iter::repeat_n(item, *times));
                }
            }
        }
    }
    document
}

fn mutate_text(text: String, mutation: &TextMutation) -> String {
    let boundary = |at: usize| (0..=at.min(text.len())).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
    match mutation {
        TextMutation::None => text,
        TextMutation::CutAt(at) => text[..boundary(at % (text.len() + 1))].to_string(),
        TextMutation::ByteOrderMark => format!("\u{feff}{text}"),
        TextMutation::LoneSurrogate(at) => {
            let from = boundary(at % (text.len() + 1));
            match text[from..].find('"') {
                Some(quote) => format!("{}\"\\ud800{}", &text[..from + quote], &text[from + quote + 1..]),
                None => text,
            }
        }
        TextMutation::RepeatedKey(at) => {
            // `"key": value` becomes `"key": value, "key": value` for the first member after `at`.
            let from = boundary(at % (text.len() + 1));
            let Some(start) = text[from..].find("\": ").map(|i| from + i) else { return text };
            let Some(open) = text[..start].rfind('"') else { return text };
            let Some(end) = text[start..].find([',', '}']).map(|i| start + i) else { return text };
            let member = &text[open..end];
            format!("{}{member}, {}", &text[..open], &text[open..])
        }
        TextMutation::StrayByte(at, byte) => {
            let at = boundary(at % (text.len() + 1));
            let mut bytes = text.into_bytes();
            bytes.insert(at, *byte);
            String::from_utf8_lossy(&bytes).into_owned()
        }
    }
}

// --- What must hold ----------------------------------------------------------------------------

/// Every problem has a code, a message and a place that exists in its document (in part).
fn well_formed(error: &Error, document: Option<&Json>) -> Result<(), TestCaseError> {
    well_formed_in(error, &[(error.first().document, document)])
}

/// As [`well_formed`], with each problem's document (as the engine read it) found by its kind.
fn well_formed_in(error: &Error, documents: &[(Document, Option<&Json>)]) -> Result<(), TestCaseError> {
    for problem in error.problems() {
        let document = documents.iter().find(|(kind, _)| *kind == problem.document).and_then(|(_, tree)| *tree);
        prop_assert!(!problem.code.name().is_empty() && problem.code.name().bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "code {:?}", problem.code);
        prop_assert!(!problem.message.trim().is_empty(), "{problem:?}");
        if problem.line.is_some() {
            prop_assert!(problem.column.is_some(), "{problem:?}");
            continue;
        }
        // The first step of the path is in the document (problems found by the engine, such
        // as an unknown indicator in the answers, are still about a part the document has).
        let path = problem.path.as_str();
        let root_has = match document {
            Some(Json::Object(members)) => {
                path.is_empty()
                    || members.iter().any(|(key, _)| path == key || path.strip_prefix(key.as_str()).is_some_and(|rest| rest.starts_with(['.', '['])))
            }
            _ => path.is_empty() || path.starts_with('['),
        };
        // Or where a missing field would be, once reported missing (such as "levels" needing two).
        let missing = error
            .problems()
            .iter()
            .any(|p| p.code == "missing-field" && path.split(['.', '[']).next().is_some_and(|key| p.message.contains(&format!("\"{key}\""))));
        let outside = matches!(path, "child" | "ruleset.meta.reviewDate" | "ruleset.meta.effectiveFrom");
        prop_assert!(root_has || missing || outside, "{problem:?} is not at a place in the document");
        prop_assert!(error.to_string().contains(&error.first().message), "{error}");
    }
    Ok(())
}

/// Runs `f` and checks it took no longer than [`TIME_LIMIT`].
fn timed<T>(what: &str, f: impl FnOnce() -> T) -> Result<T, TestCaseError> {
    timed_within(what, TIME_LIMIT, f)
}

/// Runs `f` and checks it took no longer than `limit`.
fn timed_within<T>(what: &str, limit: Duration, f: impl FnOnce() -> T) -> Result<T, TestCaseError> {
    let start = Instant::now();
    let result = f();
    let took = start.elapsed();
    prop_assert!(took < limit, "{what} took {took:?}, over {limit:?}");
    Ok(result)
}

/// The tree of a mutated document when it parses; a refusal is checked.
fn read(document: &Value, plan: &(Vec<Mutation>, TextMutation), kind: Document) -> Result<Option<Json>, TestCaseError> {
    let mutated = mutate(document.clone(), &plan.0);
    let text = mutate_text(serde_json::to_string_pretty(&mutated).expect("serialises"), &plan.1);
    let limit = TIME_LIMIT + Duration::from_secs_f64(text.len() as f64 / PARSE_BYTES_PER_SECOND as f64);
    match timed_within("parsing", limit, || parse(&text, kind))? {
        Ok(tree) => Ok(Some(tree)),
        Err(error) => {
            well_formed(&error, None)?;
            Ok(None)
        }
    }
}

fn base(text: &str) -> Value {
    serde_json::from_str(text).expect("a test document")
}

fn engine() -> Engine {
    Engine::new(&parse(RULESET, Document::Ruleset).expect("JSON"), Some(&parse(PROFILE, Document::Profile).expect("JSON"))).expect("compiles")
}

/// Everything one can do with an engine: describe it, lint it, assess the base case with and
/// without the trace, as text and as JSON.
fn exercise(engine: &Engine) -> Result<(), TestCaseError> {
    let case: Case = waymark::from_json(CASE).expect("the base case");
    timed("using the engine", || {
        let _ = serde_json::to_string(&engine.describe());
        let _ = lint(engine);
        for detail in [Detail::Full, Detail::Guidance] {
            if let Ok(assessment) = engine.assess_with(&case, detail) {
                let _ = to_text(&assessment);
                let _ = serde_json::to_string(&assessment);
            }
        }
    })
}

/// Runs `test` on [`cases`] plans. `test` says whether the input was accepted all the way
/// (compiled, read, assessed); both outcomes must be seen, or the mutations miss the mark.
fn fuzz(
    name: &str,
    strategy: impl Strategy<Value = (Vec<Mutation>, TextMutation)>,
    test: impl Fn(&(Vec<Mutation>, TextMutation)) -> Result<bool, TestCaseError>,
) {
    let config = Config { cases: cases(), failure_persistence: None, max_shrink_iters: 200, ..Config::default() };
    let mut runner = TestRunner::new(config);
    let (accepted, refused) = (std::cell::Cell::new(0u32), std::cell::Cell::new(0u32));
    let result = runner.run(&strategy, |plan| {
        let counter = if test(&plan)? { &accepted } else { &refused };
        counter.set(counter.get() + 1);
        Ok(())
    });
    if let Err(failure) = result {
        panic!("{name}: {failure}");
    }
    assert!(accepted.get() > 0 && refused.get() > 0, "{name}: {} accepted, {} refused", accepted.get(), refused.get());
}

#[test]
fn fuzz_rulesets() {
    let document = base(RULESET);
    let profile = parse(PROFILE, Document::Profile).expect("JSON");
    fuzz("rulesets", plan(), |plan| {
        let Some(tree) = read(&document, plan, Document::Ruleset)? else { return Ok(false) };
        let mut accepted = false;
        for with in [None, Some(&profile)] {
            match timed("compiling", || Engine::new(&tree, with))? {
                Ok(engine) => {
                    exercise(&engine)?;
                    accepted = true;
                }
                Err(error) => well_formed_in(&error, &[(Document::Ruleset, Some(&tree)), (Document::Profile, Some(&profile))])?,
            }
        }
        Ok(accepted)
    });
}

#[test]
fn fuzz_profiles() {
    let document = base(PROFILE);
    let ruleset = parse(RULESET, Document::Ruleset).expect("JSON");
    fuzz("profiles", plan(), |plan| {
        let Some(tree) = read(&document, plan, Document::Profile)? else { return Ok(false) };
        match timed("compiling", || Engine::new(&ruleset, Some(&tree)))? {
            Ok(engine) => exercise(&engine).map(|()| true),
            Err(error) => well_formed(&error, Some(&tree)).map(|()| false),
        }
    });
}

#[test]
fn fuzz_cases() {
    let document = base(CASE);
    let engine = engine();
    fuzz("cases", plan(), |plan| {
        let Some(tree) = read(&document, plan, Document::Case)? else { return Ok(false) };
        let case = match timed("reading", || Case::from_tree(&tree))? {
            Ok(case) => case,
            Err(error) => return well_formed(&error, Some(&tree)).map(|()| false),
        };
        let mut accepted = false;
        for detail in [Detail::Full, Detail::Guidance] {
            match timed("assessing", || engine.assess_with(&case, detail))? {
                Ok(assessment) => {
                    timed("writing", || (to_text(&assessment), serde_json::to_string(&assessment).expect("writes")))?;
                    accepted = true;
                }
                Err(error) => well_formed(&error, Some(&tree))?,
            }
        }
        Ok(accepted)
    });
}

#[test]
fn fuzz_scenarios() {
    let document = base(SCENARIO);
    let engine = engine();
    fuzz("scenarios", plan(), |plan| {
        let Some(tree) = read(&document, plan, Document::Scenario)? else { return Ok(false) };
        match timed("reading", || Scenario::from_tree(&tree))? {
            Ok(scenario) => {
                let report = timed("running", || run_scenario(&engine, &scenario))?;
                timed("writing", || serde_json::to_string(&report).expect("writes"))?;
                Ok(true)
            }
            Err(error) => well_formed(&error, Some(&tree)).map(|()| false),
        }
    });
}
