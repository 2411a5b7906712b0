//! Safety properties, checked on thousands of random cases (proptest) against the default
//! ruleset (www/rulesets/england.json) alone and with each profile in www/profiles/. Each is one
//! of the list in item 7 of the safety issue "Guidance that can never mislead"; the primer's
//! principle each enforces is in brackets.
//!
//! 1. `adding_a_concern_never_lowers_the_level`: an answer no, not known or not given turned to
//!    yes, or one more recent event, never lowers the level (1: floors, never scores; 3: not
//!    known is never "no"). A concern is an indicator that is a worry in itself: a circumstance
//!    (poverty, kinship care, an appointment not brought to) can change how a concern is read, as
//!    the guidance asks (poverty is not neglect when a parent is trying to meet the need), so
//!    adding one may lower the level.
//! 2. `a_recorded_worry_is_never_the_lowest_level_and_always_gets_an_action` (4: professional
//!    concern outranks a score).
//! 3. `every_single_indicator_floor_holds_whatever_else_is_answered` (1).
//! 4. `danger_now_means_999_first`.
//! 5. `the_nrm_is_only_ever_reached_through_a_first_responder`.
//! 6. `no_consent_is_sought_when_an_adult_in_the_household_is_a_risk`.
//! 7. `nothing_is_shown_or_asked_outside_its_ages` (7: age changes meaning).
//!
//! Cases are built only as JSON, and every id (indicators with their kind and ages, levels with
//! their rank, actions, prompts, routes, facts, referral outcomes, rules) is read from the
//! ruleset file, so the properties follow the data. A failure names the engine and prints the
//! smallest case proptest found, as compact JSON.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt::Debug;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestError, TestRunner};
use serde_json::{json, Map, Value};
use waymark::{from_json, parse, Case, Detail, Document, Engine, Json};

/// Random cases per property, per engine; `WAYMARK_PROPERTY_CASES` sets more.
const CASES: u32 = 2_000;
/// The seed of the test command's draw: the same cases on every machine, so a property that
/// holds here holds in CI, and a failure there replays here. `scripts/fuzz` draws afresh
/// (`WAYMARK_PROPERTY_SEED`) to find what this draw does not.
const SEED: u64 = 20_261_129;
const AS_OF: (i64, i64, i64) = (2026, 11, 29);
/// The earliest date of birth generated: 215 months old on the assessment date.
const OLDEST_BIRTH: (i64, i64, i64) = (2008, 11, 30);
/// The furthest expected date of delivery: nine months ahead.
const LATEST_DUE: (i64, i64, i64) = (2027, 8, 29);
const FACTS: [&str; 8] =
    ["looked-after", "cp-plan", "cin-plan", "previous-cp-plan", "previous-care-proceedings", "step-down-proposed", "order-ending", "still-worried"];

// --- The ruleset, as data ----------------------------------------------------------------------

/// An inclusive age range in months; a bound left out is open.
#[derive(Clone, Copy, Debug)]
struct Ages {
    min: Option<i64>,
    max: Option<i64>,
}

impl Ages {
    fn read(item: &Value) -> Option<Ages> {
        let ages = item.get("ages")?;
        Some(Ages { min: ages.get("minMonths").and_then(Value::as_i64), max: ages.get("maxMonths").and_then(Value::as_i64) })
    }

    fn excludes(self, months: i64) -> bool {
        self.min.is_some_and(|min| months < min) || self.max.is_some_and(|max| months > max)
    }
}

impl std::fmt::Display for Ages {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match (self.min, self.max) {
            (Some(min), Some(max)) => write!(f, "{min} to {max} months"),
            (Some(min), None) => write!(f, "{min} months and over"),
            (None, Some(max)) => write!(f, "up to {max} months"),
            (None, None) => write!(f, "any age"),
        }
    }
}

struct Indicator {
    id: String,
    kind: String,
    /// A yes or an event of it is, alone, a worry about the child: not a circumstance, nor one
    /// the ruleset marks `worry: false` (what an adult did, such as a low-level concern).
    worry: bool,
}

/// A rule whose whole condition is one indicator answered yes, with the level it sets.
#[derive(Clone, Debug)]
struct Floor {
    rule: String,
    indicator: String,
    level: String,
    rank: i64,
}

/// An action, prompt or route (`what`) limited to some ages.
struct Aged {
    what: &'static str,
    id: String,
    ages: Ages,
}

struct Data {
    text: String,
    tree: Value,
    indicators: Vec<Indicator>,
    /// Indicators with an age range.
    indicator_ages: Vec<(String, Ages)>,
    /// Every (indicator, answer) a case may give: event indicators only "no" or "not known".
    answer_pairs: Vec<(String, &'static str)>,
    /// Indicators answered yes, no or not known (every kind but events).
    answerable: Vec<String>,
    events: Vec<String>,
    /// Indicators, and event indicators, that are a worry in themselves.
    concerns: Vec<String>,
    concern_events: Vec<String>,
    fact_pairs: Vec<(String, &'static str)>,
    outcomes: Vec<String>,
    ranks: BTreeMap<String, i64>,
    lowest: (String, i64),
    floors: Vec<Floor>,
    aged: Vec<Aged>,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn ids(tree: &Value, list: &str, key: &str) -> Vec<String> {
    tree[list].as_array().into_iter().flatten().filter_map(|item| item[key].as_str()).map(str::to_string).collect()
}

static DATA: LazyLock<Data> = LazyLock::new(|| {
    let path = root().join("www/rulesets/england.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let tree: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let items = |list: &str| tree[list].as_array().cloned().unwrap_or_default();

    let mut indicators = Vec::new();
    let mut indicator_ages = Vec::new();
    for item in items("indicators") {
        let id = item["id"].as_str().expect("an indicator has an id").to_string();
        if let Some(ages) = Ages::read(&item) {
            indicator_ages.push((id.clone(), ages));
        }
        let kind = item["kind"].as_str().unwrap_or("answer").to_string();
        let worry = kind != "circumstance" && item["worry"] != false;
        indicators.push(Indicator { id, kind, worry });
    }
    let mut answer_pairs = Vec::new();
    for i in &indicators {
        let answers: &[&'static str] = if i.kind == "event" { &["no", "not-known"] } else { &["yes", "no", "not-known"] };
        answer_pairs.extend(answers.iter().map(|a| (i.id.clone(), *a)));
    }
    let answerable = indicators.iter().filter(|i| i.kind != "event").map(|i| i.id.clone()).collect();
    let events = indicators.iter().filter(|i| i.kind == "event").map(|i| i.id.clone()).collect();
    let concerns = indicators.iter().filter(|i| i.kind != "event" && i.worry).map(|i| i.id.clone()).collect();
    let concern_events = indicators.iter().filter(|i| i.kind == "event" && i.worry).map(|i| i.id.clone()).collect();

    let worded = ids(&tree["context"], "facts", "fact");
    let fact_pairs = FACTS.iter().filter(|f| worded.iter().any(|w| w == *f)).flat_map(|f| ["yes", "no", "not-known"].map(|a| (f.to_string(), a))).collect();
    let outcomes = ids(&tree["context"], "referral", "outcome");

    let ranks: BTreeMap<String, i64> =
        items("levels").iter().map(|l| (l["id"].as_str().expect("a level has an id").to_string(), l["rank"].as_i64().expect("a level has a rank"))).collect();
    let lowest = ranks.iter().min_by_key(|(_, rank)| **rank).map(|(id, rank)| (id.clone(), *rank)).expect("the ruleset has levels");

    let mut floors = Vec::new();
    for rule in items("rules") {
        let when = rule["when"].as_object();
        let (Some(when), Some(level)) = (when, rule["then"]["level"].as_str()) else { continue };
        if let (1, Some(indicator)) = (when.len(), when.get("yes").and_then(Value::as_str)) {
            let rank = *ranks.get(level).unwrap_or_else(|| panic!("rule {} names an unknown level {level}", rule["id"]));
            floors.push(Floor { rule: rule["id"].as_str().unwrap_or_default().to_string(), indicator: indicator.to_string(), level: level.to_string(), rank });
        }
    }

    let mut aged = Vec::new();
    for (what, list) in [("action", "actions"), ("prompt", "prompts"), ("route", "routes")] {
        for item in items(list) {
            if let Some(ages) = Ages::read(&item) {
                aged.push(Aged { what, id: item["id"].as_str().unwrap_or_default().to_string(), ages });
            }
        }
    }

    Data {
        text,
        tree,
        indicators,
        indicator_ages,
        answer_pairs,
        answerable,
        events,
        concerns,
        concern_events,
        fact_pairs,
        outcomes,
        ranks,
        lowest,
        floors,
        aged,
    }
});

fn kind(indicator: &str) -> &'static str {
    match DATA.indicators.iter().find(|i| i.id == indicator).map(|i| i.kind.as_str()) {
        Some("event") => "event",
        Some("circumstance") => "circumstance",
        _ => "answer",
    }
}

fn default_ruleset() -> Json {
    parse(&DATA.text, Document::Ruleset).unwrap_or_else(|e| panic!("england.json: {e}"))
}

/// The default ruleset alone.
fn engine_alone(ruleset: &Json) -> Engine {
    Engine::new(ruleset, None).unwrap_or_else(|e| panic!("england.json: {e}"))
}

/// The default ruleset alone, then with each profile in www/profiles/, by name.
fn engines() -> Vec<(String, Engine)> {
    let ruleset = default_ruleset();
    let mut engines = vec![("england.json alone".to_string(), engine_alone(&ruleset))];
    let dir = root().join("www/profiles");
    let mut profiles: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    profiles.sort();
    assert!(!profiles.is_empty(), "no profiles in {}", dir.display());
    for path in profiles {
        let name = format!("england.json with profiles/{}", path.file_name().unwrap_or_default().to_string_lossy());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let profile = parse(&text, Document::Profile).unwrap_or_else(|e| panic!("{name}: {e}"));
        let engine = Engine::new(&ruleset, Some(&profile)).unwrap_or_else(|e| panic!("{name}: {e}"));
        engines.push((name, engine));
    }
    engines
}

// --- Dates ------------------------------------------------------------------------------------

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
fn days_from_civil((y, m, d): (i64, i64, i64)) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
}

/// The date `days` before the assessment date (after it, when negative).
fn days_ago(days: i64) -> String {
    let (y, m, d) = civil_from_days(days_from_civil(AS_OF) - days);
    format!("{y:04}-{m:02}-{d:02}")
}

fn read_date(text: &str) -> (i64, i64, i64) {
    let parts: Vec<i64> = text.split('-').map(|p| p.parse().expect("a date part")).collect();
    (parts[0], parts[1], parts[2])
}

/// Whole months from `from` to `to` (`from` on or before `to`).
fn whole_months(from: (i64, i64, i64), to: (i64, i64, i64)) -> i64 {
    (to.0 - from.0) * 12 + (to.1 - from.1) - i64::from(to.2 < from.2)
}

/// The child's exact age in months, when the case gives one: ageMonths, or the whole months
/// from dateOfBirth to asOf; before birth, -1 in the last month and lower before that.
fn exact_age(case: &Value) -> Option<i64> {
    let child = &case["child"];
    if let Some(months) = child["ageMonths"].as_i64() {
        return Some(months);
    }
    let birth = read_date(child["dateOfBirth"].as_str()?);
    let as_of = read_date(case["asOf"].as_str().expect("asOf"));
    Some(if birth <= as_of { whole_months(birth, as_of) } else { -whole_months(as_of, birth) - 1 })
}

// --- Random cases ------------------------------------------------------------------------------

#[derive(Clone, Debug)]
enum Age {
    Unknown,
    Months(u16),
    Years(u8),
    /// Born this many days before the assessment date (due this many days after, when negative).
    Born(i64),
}

fn born() -> BoxedStrategy<Age> {
    let today = days_from_civil(AS_OF);
    (0..=today - days_from_civil(OLDEST_BIRTH)).prop_map(Age::Born).boxed()
}

fn unborn() -> BoxedStrategy<Age> {
    let today = days_from_civil(AS_OF);
    (1..=days_from_civil(LATEST_DUE) - today).prop_map(|days| Age::Born(-days)).boxed()
}

/// Any way of giving the age, or none.
fn any_age() -> BoxedStrategy<Age> {
    prop_oneof![Just(Age::Unknown), (0u16..=215).prop_map(Age::Months), (0u8..=17).prop_map(Age::Years), born(), unborn()].boxed()
}

/// An exact age: months, or a date of birth or expected delivery.
fn exact_ages() -> BoxedStrategy<Age> {
    prop_oneof![(0u16..=215).prop_map(Age::Months), born(), unborn()].boxed()
}

/// Up to `slots` items, each present with probability `p`: biased small, and shrinking removes
/// any of them. Items themselves do not shrink, so a smallest case keeps the ids that were drawn
/// rather than drifting to the first ids in the ruleset.
fn some_of<T: Clone + Debug + 'static>(items: &[T], p: f64, slots: usize) -> impl Strategy<Value = Vec<T>> {
    vec(proptest::option::weighted(p, select(items.to_vec()).no_shrink()), slots).prop_map(|slots| slots.into_iter().flatten().collect())
}

/// A random case, as the JSON the engine reads: up to 8 answers (about 3; the first answer
/// given for an indicator stands), up to 6 events in the last two years, up to 6 context facts,
/// and a referral outcome or none; never a judgement.
fn cases(age: BoxedStrategy<Age>) -> BoxedStrategy<Value> {
    let answers = some_of(&DATA.answer_pairs, 0.35, 8);
    let event = (select(DATA.events.clone()).no_shrink(), 0i64..=730);
    let events = vec(proptest::option::weighted(0.2, event), 6).prop_map(|slots| slots.into_iter().flatten().collect::<Vec<_>>());
    let facts = some_of(&DATA.fact_pairs, 0.25, 6);
    let referral = proptest::option::of(select(DATA.outcomes.clone()).no_shrink());
    (age, answers, events, facts, referral)
        .prop_map(|(age, answers, events, facts, referral)| {
            let mut case = json!({"asOf": days_ago(0)});
            match age {
                Age::Unknown => {}
                Age::Months(months) => case["child"] = json!({"ageMonths": months}),
                Age::Years(years) => case["child"] = json!({"ageYears": years}),
                Age::Born(days) => case["child"] = json!({"dateOfBirth": days_ago(days)}),
            }
            let map = |pairs: Vec<(String, &str)>| {
                let mut map = Map::new();
                for (id, answer) in pairs {
                    map.entry(id).or_insert(json!(answer));
                }
                Value::Object(map)
            };
            if !answers.is_empty() {
                case["answers"] = map(answers);
            }
            if !events.is_empty() {
                case["events"] = events.into_iter().map(|(indicator, days)| json!({"indicator": indicator, "date": days_ago(days)})).collect();
            }
            if !facts.is_empty() {
                case["facts"] = map(facts);
            }
            if let Some(outcome) = referral {
                case["referral"] = json!(outcome);
            }
            case
        })
        .boxed()
}

/// A random case with `indicator` answered yes, whatever else it says.
fn with_yes(mut case: Value, indicator: &str) -> Value {
    if !case["answers"].is_object() {
        case["answers"] = json!({});
    }
    case["answers"][indicator] = json!("yes");
    case
}

fn answered_yes(case: &Value) -> impl Iterator<Item = &str> {
    case["answers"].as_object().into_iter().flatten().filter(|(_, a)| *a == "yes").map(|(id, _)| id.as_str())
}

// --- Running a property ---------------------------------------------------------------------

fn fail(message: String) -> TestCaseError {
    TestCaseError::fail(message)
}

/// The guidance for a case, as the JSON the page receives (camelCase keys).
fn assess(engine: &Engine, case: &Value) -> Result<Value, TestCaseError> {
    let read: Case = from_json(&case.to_string()).map_err(|e| fail(format!("the generated case was refused: {e}")))?;
    let assessment = engine.assess_with(&read, Detail::Guidance).map_err(|e| fail(format!("the engine refused the case: {e}")))?;
    serde_json::to_value(&assessment).map_err(|e| fail(format!("the assessment does not serialise: {e}")))
}

fn level(a: &Value) -> String {
    format!("{} (rank {})", a["level"]["id"].as_str().unwrap_or("?"), a["level"]["rank"])
}

fn rank(a: &Value) -> i64 {
    a["level"]["rank"].as_i64().unwrap_or(i64::MIN)
}

fn list<'a>(a: &'a Value, key: &str, field: &str) -> Vec<&'a str> {
    a[key].as_array().into_iter().flatten().filter_map(|item| item[field].as_str()).collect()
}

/// Runs `check` on `CASES` random inputs (drawn from `SEED`) against each engine, and fails with
/// every engine's smallest counter-example. `check` says whether the input met the property's
/// premise: a property whose premise held in fewer than 1% of cases proves nothing, so that fails
/// too.
fn check_all<T: Clone + Debug>(
    property: &str,
    inputs: impl Strategy<Value = T>,
    show: impl Fn(&T) -> String,
    check: impl Fn(&Engine, &T) -> Result<bool, TestCaseError>,
) {
    let setting = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<u64>().ok());
    let cases = setting("WAYMARK_PROPERTY_CASES").map_or(CASES, |n| u32::try_from(n).unwrap_or(u32::MAX));
    let seed = setting("WAYMARK_PROPERTY_SEED").unwrap_or(SEED);
    let mut failures = Vec::new();
    for (name, engine) in engines() {
        let config = Config { cases, rng_seed: RngSeed::Fixed(seed), failure_persistence: None, ..Config::default() };
        let mut runner = TestRunner::new(config);
        let (tried, exercised) = (Cell::new(0u32), Cell::new(0u32));
        let result = runner.run(&inputs, |input| {
            let met = check(&engine, &input)?;
            tried.set(tried.get() + 1);
            exercised.set(exercised.get() + u32::from(met));
            Ok(())
        });
        match result {
            Ok(()) if exercised.get() * 100 < tried.get() => {
                failures.push(format!("{name}: the premise held in only {} of {} cases, so the property was not tested", exercised.get(), tried.get()))
            }
            Ok(()) => println!("{property}, {name}: held in {} cases, {} of them meeting its premise", tried.get(), exercised.get()),
            Err(TestError::Fail(reason, input)) => failures.push(format!("{name}: {reason}\n    smallest case: {}", show(&input))),
            Err(TestError::Abort(reason)) => failures.push(format!("{name}: gave up: {reason}")),
        }
    }
    assert!(failures.is_empty(), "{property} does not hold (WAYMARK_PROPERTY_SEED={seed} replays it):\n{}", failures.join("\n"));
}

fn compact(case: &Value) -> String {
    case.to_string()
}

// --- 1. Adding a concern never lowers the level -----------------------------------------------

/// One more concern: an indicator that is a worry in itself (not an event) answered yes, or one
/// more event of one in the last 30 days.
#[derive(Clone, Debug)]
enum Concern {
    Yes(String),
    Event(String, i64),
}

fn add(case: &Value, concern: &Concern) -> Value {
    match concern {
        Concern::Yes(indicator) => with_yes(case.clone(), indicator),
        Concern::Event(indicator, days) => {
            let mut after = case.clone();
            let event = json!({"indicator": indicator, "date": days_ago(*days)});
            match after["events"].as_array_mut() {
                Some(events) => events.push(event),
                None => after["events"] = json!([event]),
            }
            after
        }
    }
}

#[test]
fn adding_a_concern_never_lowers_the_level() {
    let concerns = prop_oneof![
        select(DATA.concerns.clone()).no_shrink().prop_map(Concern::Yes),
        (select(DATA.concern_events.clone()).no_shrink(), 0i64..=30).prop_map(|(indicator, days)| Concern::Event(indicator, days)),
    ];
    check_all(
        "1. adding a concern never lowers the level",
        (cases(any_age()), concerns),
        |(case, concern)| format!("{}\n    then {concern:?}: {}", compact(case), compact(&add(case, concern))),
        |engine, (case, concern)| {
            if let Concern::Yes(indicator) = concern {
                if case["answers"][indicator] == "yes" {
                    return Err(TestCaseError::reject("already yes"));
                }
            }
            let before = assess(engine, case)?;
            let after = assess(engine, &add(case, concern))?;
            if rank(&after) < rank(&before) {
                return Err(fail(format!("{concern:?} lowered the level from {} to {}", level(&before), level(&after))));
            }
            Ok(true)
        },
    );
}

// --- 1b. A circumstance lowers the level only through the rules written to -------------------

/// The rules through which answering a circumstance (an indicator marked `worry: false`) yes may
/// lower the level, each with why. A circumstance is no worry in itself and can change how a
/// concern is read, but only where a rule is written to say so.
const LOWERED_THROUGH: &[(&str, &str, &str)] = &[
    (
        "seen-daily-early-years",
        "young-child-unseen",
        "a young child seen most days at nursery is seen by someone outside the home, so missed health appointments do not mean nobody has seen them",
    ),
    (
        "poverty",
        "neglect-basic-care",
        "where a family cannot afford the basics, practical help comes first (needs-unmet-in-poverty, early help) until it makes no difference",
    ),
    ("poverty", "home-conditions", "as for basic care: an unsafe home the family cannot afford to put right is met first with practical help"),
    (
        "poverty",
        "complex-health-not-brought",
        "a child with complex health needs whose engaging family cannot afford to reach the clinic, with treatment given at home, is met with practical help first",
    ),
    (
        "kinship-care",
        "previous-proceedings-and-worry",
        "for a child in kinship care after proceedings, money worries alone are for the kinship rules; a worry about the care the child gets now still counts",
    ),
    (
        "adopted",
        "previous-proceedings-and-worry",
        "as for kinship care: care proceedings about an adopted child concerned the birth family, so they alone do not make a worry about the adoptive home a child in need; a worry about the care the child gets now still does",
    ),
    (
        "history-change-assessed",
        "previous-proceedings-and-worry",
        "lasting change confirmed since earlier proceedings lets the history inform rather than set the level, unless there is a worry about the care the child gets now (care-worry-now) or the practitioner is still worried",
    ),
    ("history-change-assessed", "previous-plan-and-worry", "as for earlier proceedings: an earlier plan informs the decision once lasting change is confirmed, unless care-worry-now"),
    ("history-change-assessed", "sibling-removed", "as for earlier proceedings: a brother or sister removed informs the decision once lasting change is confirmed, unless care-worry-now"),
    ("history-change-assessed", "adult-children-removed", "as for a brother or sister removed: an adult's own children removed informs the decision once lasting change is confirmed, unless care-worry-now"),
    (
        "homicide-care-decided",
        "domestic-homicide",
        "once children's social care or the family court has decided where the child lives and who has contact since a domestic homicide, the killing no longer sets child protection by itself (domestic-homicide-care-decided); new worries are answered in their own questions",
    ),
    (
        "history-change-assessed",
        "pre-birth-history",
        "an unborn baby with a history and lasting change confirmed is child in need with a pre-birth assessment (pre-birth-history-change-assessed), not child protection, unless care-worry-now",
    ),
    (
        "in-emergency-care",
        "suicide-plan",
        "a child already in hospital after an attempt is out of the emergency for now: suicide-plan-in-emergency-care (child in need) asks for an assessment before they go home instead of 999",
    ),
    (
        "in-emergency-care",
        "overdose-from-eight",
        "an overdose already being treated in hospital: overdose-from-eight-in-emergency-care (child in need) asks for an assessment before the child goes home instead of 999",
    ),
    (
        "in-emergency-care",
        "overdose-young-with-risks",
        "a young child already in hospital after swallowing a carer's drugs: overdose-young-in-emergency-care keeps child protection and the child from going home, without 999",
    ),
    (
        "in-emergency-care",
        "plugging",
        "drugs hidden inside the body, already being treated: plugging-in-emergency-care keeps child protection and tells the doctors what to look for, without 999",
    ),
    (
        "in-emergency-care",
        "medical-emergency-with-harm",
        "a collapse beside a sign of harm, already being treated: medical-emergency-with-harm-in-emergency-care tells children's social care (child in need) instead of 999",
    ),
    (
        "in-emergency-care",
        "danger-sign-said-not-known",
        "not knowing whether a child has collapsed, is missing or (as a baby) is unwell after handling does not arise for a child already being treated: the rule guards those three against it, and a possible shaking in hospital keeps baby-unwell-said-not-known",
    ),
    (
        "in-emergency-care",
        "young-child-no-carer-not-known",
        "a young or dependent child of whom nobody knows who is caring for them, and who may be alone, is no longer alone once in hospital or emergency care: the rule guards against it, and no-carer-said-not-known still has a safe adult found today before the child leaves",
    ),
    (
        "in-emergency-care",
        "baby-unwell-after-handling",
        "a baby who may have been shaken and is already being treated needs no 999 call: baby-unwell-after-handling-in-emergency-care makes it child protection, with the doctors told and a strategy discussion",
    ),
    (
        "allegation-outside-work-only",
        "allegation-about-staff",
        "a worry only about an adult's life outside their work (transferable risk) goes to the LADO (allegation-transferable-risk) without making the child in the case a child in need: no child is said to have been harmed",
    ),
    (
        "allegation-outside-work-only",
        "previous-proceedings-and-worry",
        "when the only worry was a suspicion about a setting's adult, and it is only about their life outside work, nothing about this child is left for earlier proceedings to bring back ({\"worry\": true} counts a suspicion)",
    ),
    ("allegation-outside-work-only", "previous-plan-and-worry", "as for earlier proceedings: an earlier plan is brought back by a worry about this child, and none is left"),
    (
        "landlord-disrepair",
        "home-conditions",
        "a home made unsafe by disrepair the family has reported is the landlord's to put right: home-disrepair-reported (early help) helps them get it fixed, as poverty is met with practical help first",
    ),
];

/// Whether answering `circumstance` yes lowers the level of `case` (whose guidance is `before`)
/// other than through a rule in `LOWERED_THROUGH`.
fn lowers_only_as_written(engine: &Engine, case: &Value, before: &Value, circumstance: &str) -> Result<(), TestCaseError> {
    let after = assess(engine, &with_yes(case.clone(), circumstance))?;
    if rank(&after) >= rank(before) {
        return Ok(());
    }
    let still = list(&after, "reasons", "rule");
    let lost: Vec<&str> = list(before, "reasons", "rule").into_iter().filter(|rule| !still.contains(rule)).collect();
    if lost.iter().any(|rule| LOWERED_THROUGH.iter().any(|(c, r, _)| *c == circumstance && r == rule)) {
        return Ok(());
    }
    Err(fail(format!("{circumstance} yes lowered the level from {} to {}; no longer firing: {lost:?}", level(before), level(&after))))
}

fn circumstances() -> Vec<String> {
    DATA.indicators.iter().filter(|i| i.kind != "event" && !i.worry).map(|i| i.id.clone()).collect()
}

#[test]
fn a_circumstance_lowers_the_level_only_through_the_rules_written_to() {
    check_all(
        "1b. a circumstance lowers the level only through the rules written to",
        (cases(any_age()), select(circumstances()).no_shrink()),
        |(case, circumstance)| format!("{}\n    then {circumstance} yes", compact(case)),
        |engine, (case, circumstance)| {
            if !case["answers"][circumstance].is_null() {
                return Err(TestCaseError::reject("already answered"));
            }
            lowers_only_as_written(engine, case, &assess(engine, case)?, circumstance)?;
            Ok(true)
        },
    );
}

/// 1b on every case of one answer (each indicator yes or not known, at no age and at four ages
/// from a baby to a teenager) beside every circumstance, on the default ruleset alone: random
/// cases found a 'not known' whose suspicion vanished in hospital (suicide-plan, 1.1.87) only
/// by chance.
#[test]
fn a_circumstance_lowers_the_level_only_through_the_rules_written_to_beside_any_one_answer() {
    let engine = engine_alone(&default_ruleset());
    let circumstances = circumstances();
    let ages = [json!(null), json!({"ageMonths": 4}), json!({"ageYears": 2}), json!({"ageYears": 9}), json!({"ageYears": 15})];
    let (mut failures, mut checked) = (Vec::new(), 0);
    for indicator in &DATA.answerable {
        for answer in ["yes", "not-known"] {
            for age in &ages {
                let mut case = json!({"asOf": days_ago(0), "answers": {indicator.as_str(): answer}});
                if !age.is_null() {
                    case["child"] = age.clone();
                }
                let before = assess(&engine, &case).unwrap_or_else(|e| panic!("{}: {e:?}", compact(&case)));
                for circumstance in circumstances.iter().filter(|c| *c != indicator) {
                    match lowers_only_as_written(&engine, &case, &before, circumstance) {
                        Ok(_) => checked += 1,
                        Err(e) => failures.push(format!("{}\n    then {circumstance} yes: {e}", compact(&case))),
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "1b does not hold beside one answer ({} of {checked} pairs):\n{}", failures.len(), failures.join("\n"));
    assert!(checked > 10_000, "only {checked} pairs were checked");
}

// --- 2. A recorded worry is never the lowest level, and always gets an action ------------------

fn is_worry(indicator: &str) -> bool {
    DATA.indicators.iter().any(|i| i.id == indicator && i.worry)
}

fn worry(case: &Value) -> Option<String> {
    if let Some(indicator) = answered_yes(case).find(|id| is_worry(id)) {
        return Some(format!("{indicator} is answered yes"));
    }
    let events = case["events"].as_array().map_or(&[][..], Vec::as_slice);
    if let Some(indicator) = events.iter().filter_map(|event| event["indicator"].as_str()).find(|id| is_worry(id)) {
        return Some(format!("an event is recorded ({indicator})"));
    }
    (case["facts"]["still-worried"] == "yes").then(|| "the practitioner is still worried".to_string())
}

#[test]
fn a_recorded_worry_is_never_the_lowest_level_and_always_gets_an_action() {
    let (lowest, lowest_rank) = DATA.lowest.clone();
    check_all("2. a recorded worry is never the lowest level and always gets an action", cases(any_age()), compact, |engine, case| {
        let Some(worry) = worry(case) else { return Ok(false) };
        let a = assess(engine, case)?;
        if rank(&a) <= lowest_rank {
            return Err(fail(format!("{worry}, yet the level is the lowest, {lowest} (rank {lowest_rank})")));
        }
        if list(&a, "actions", "id").is_empty() {
            return Err(fail(format!("{worry}, yet there is no action")));
        }
        Ok(true)
    });
}

// --- 3. Floors hold whatever else is answered -------------------------------------------------

#[test]
fn every_single_indicator_floor_holds_whatever_else_is_answered() {
    assert!(!DATA.floors.is_empty(), "the ruleset has no rule whose condition is one indicator answered yes");
    let inputs = (cases(any_age()), select(DATA.floors.clone()).no_shrink()).prop_map(|(case, floor)| (with_yes(case, &floor.indicator), floor));
    check_all(
        "3. every single-indicator floor holds whatever else is answered",
        inputs,
        |(case, floor)| format!("{} (rule {})", compact(case), floor.rule),
        |engine, (case, floor)| {
            let a = assess(engine, case)?;
            if rank(&a) < floor.rank {
                return Err(fail(format!(
                    "rule {} sets at least {} (rank {}) when {} is yes, but the level is {}",
                    floor.rule,
                    floor.level,
                    floor.rank,
                    floor.indicator,
                    level(&a)
                )));
            }
            Ok(true)
        },
    );
}

// --- 4. Danger now: 999 first ------------------------------------------------------------------

#[test]
fn danger_now_means_999_first() {
    assert!(DATA.answerable.iter().any(|i| i == "danger-now"), "the ruleset has no indicator danger-now");
    assert!(ids(&DATA.tree, "actions", "id").iter().any(|i| i == "call-999"), "the ruleset has no action call-999");
    assert!(ids(&DATA.tree, "routes", "id").iter().any(|i| i == "police-emergency"), "the ruleset has no route police-emergency");
    check_all("4. danger now means 999 first", cases(any_age()).prop_map(|case| with_yes(case, "danger-now")), compact, |engine, case| {
        let a = assess(engine, case)?;
        if a["immediateDanger"] != true {
            return Err(fail("danger-now is yes, but immediateDanger is not true".into()));
        }
        let actions = list(&a, "actions", "id");
        if actions.first() != Some(&"call-999") {
            return Err(fail(format!("danger-now is yes, but the first action is not call-999: {actions:?}")));
        }
        let routes = list(&a, "referrals", "route");
        if routes.first() != Some(&"police-emergency") {
            return Err(fail(format!("danger-now is yes, but the first referral is not police-emergency: {routes:?}")));
        }
        Ok(true)
    });
}

// --- 5. The NRM only through a First Responder ------------------------------------------------

fn mentions_nrm(text: &str) -> bool {
    text.to_lowercase().contains("national referral mechanism") || text.split(|c: char| !c.is_alphanumeric()).any(|word| word == "NRM")
}

/// The indicators named in rules that lead to the NRM (its route, or an action mentioning it).
fn nrm_indicators() -> Vec<String> {
    let nrm_actions: Vec<&str> = DATA.tree["actions"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|a| mentions_nrm(a["text"].as_str().unwrap_or_default()))
        .filter_map(|a| a["id"].as_str())
        .collect();
    let mut found = Vec::new();
    for rule in DATA.tree["rules"].as_array().into_iter().flatten() {
        let named = |key: &str, ids: &[&str]| rule["then"][key].as_array().into_iter().flatten().any(|id| id.as_str().is_some_and(|id| ids.contains(&id)));
        if named("routes", &["nrm"]) || named("actions", &nrm_actions) {
            collect_yes(&rule["when"], &mut found);
        }
    }
    found.sort();
    found.dedup();
    found
}

/// Every indicator a condition tests for yes, through named conditions too.
fn collect_yes(condition: &Value, found: &mut Vec<String>) {
    match condition {
        Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value.as_str()) {
                    ("yes", Some(id)) => found.push(id.to_string()),
                    ("condition", Some(id)) => collect_yes(named_condition(id).unwrap_or(&Value::Null), found),
                    _ => collect_yes(value, found),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| collect_yes(item, found)),
        _ => {}
    }
}

#[test]
fn the_nrm_is_only_ever_reached_through_a_first_responder() {
    assert!(ids(&DATA.tree, "routes", "id").iter().any(|i| i == "nrm"), "the ruleset has no route nrm");
    let leads = nrm_indicators();
    assert!(!leads.is_empty(), "no rule leads to the NRM, so there is nothing to test");
    // Half the cases answer yes to one thing a rule leading to the NRM tests, so the premise is met often.
    let inputs = (cases(any_age()), proptest::option::of(select(leads).no_shrink())).prop_map(|(case, lead)| {
        if let Some(indicator) = lead {
            with_yes(case, &indicator)
        } else {
            case
        }
    });
    check_all("5. the NRM is only ever reached through a First Responder", inputs, compact, |engine, case| {
        let a = assess(engine, case)?;
        let mut met = false;
        for referral in a["referrals"].as_array().into_iter().flatten().filter(|r| r["route"] == "nrm") {
            met = true;
            let who = referral["whoMaySubmit"].as_str().unwrap_or_default();
            if !who.contains("First Responder") {
                return Err(fail(format!("route nrm appears, but its whoMaySubmit does not mention a First Responder: {who:?}")));
            }
        }
        for action in a["actions"].as_array().into_iter().flatten() {
            let text = action["text"].as_str().unwrap_or_default();
            if mentions_nrm(text) {
                met = true;
                if !text.contains("First Responder") {
                    return Err(fail(format!("action {} mentions the NRM without a First Responder: {text:?}", action["id"])));
                }
            }
        }
        Ok(met)
    });
}

// --- 6. No consent when an adult in the household is a risk -------------------------------------

/// A named condition from the ruleset's `conditions`.
fn named_condition(id: &str) -> Option<&'static Value> {
    DATA.tree.get("conditions")?.as_array()?.iter().find(|c| c["id"] == id).map(|c| &c["when"])
}

/// One thing that makes a part of an `any` true on its own.
#[derive(Clone, Debug)]
enum Trigger {
    Yes(String),
    Events {
        indicator: String,
        within_days: i64,
        at_least: i64,
    },
    /// A context fact answered yes.
    Fact(String),
    /// The child's age, in months (the edge of an age test, which it meets).
    Age(i64),
    /// Every one of these together.
    All(Vec<Trigger>),
}

impl Trigger {
    fn apply(&self, case: Value) -> Value {
        match self {
            Trigger::Yes(indicator) => with_yes(case, indicator),
            Trigger::Events { indicator, within_days, at_least } => {
                (0..*at_least).fold(case, |case, i| add(&case, &Concern::Event(indicator.clone(), i % (within_days + 1))))
            }
            Trigger::Fact(fact) => {
                let mut case = case;
                case["facts"][fact.as_str()] = Value::from("yes");
                case
            }
            Trigger::Age(months) => {
                let mut case = case;
                case["child"] = json!({ "ageMonths": months });
                case
            }
            Trigger::All(parts) => parts.iter().fold(case, |case, part| part.apply(case)),
        }
    }
}

/// The ways to make a condition true: each part of an `{"any": [...]}`, or the condition itself
/// when it is a single part. A part is `{"yes": id}` (or `answeredYes`), `{"events": ...}`, a
/// context fact, an age (inside an `all`), an `all` of these, or a named condition made of these.
fn triggers(name: &str, when: &Value, found: &mut Vec<Trigger>) {
    let parts = when["any"].as_array().map_or_else(|| std::slice::from_ref(when), Vec::as_slice);
    for part in parts {
        if let Some(indicator) = part["yes"].as_str().or(part["answeredYes"].as_str()) {
            found.push(Trigger::Yes(indicator.to_string()));
        } else if let Some(fact) = part["fact"].as_str().or(part["factAnsweredYes"].as_str()) {
            found.push(Trigger::Fact(fact.to_string()));
        } else if let Some(events) = part.get("events") {
            let number = |key: &str| events[key].as_i64().unwrap_or_else(|| panic!("{name}: {part} has no {key}"));
            let indicator = events["indicator"].as_str().unwrap_or_else(|| panic!("{name}: {part} has no indicator")).to_string();
            found.push(Trigger::Events { indicator, within_days: number("withinDays"), at_least: number("atLeast") });
        } else if let Some(age) = part.get("age") {
            let edge = age["maxMonths"].as_i64().or(age["minMonths"].as_i64()).unwrap_or_else(|| panic!("{name}: {part} has no bound"));
            found.push(Trigger::Age(edge));
        } else if let Some(other) = part["condition"].as_str() {
            triggers(other, named_condition(other).unwrap_or_else(|| panic!("{name} names an unknown condition {other}")), found);
        } else if let Some(all) = part["all"].as_array() {
            // Only together: each part must itself be one way to make a yes. A `not` part is an
            // exception that holds while what it reads is left unanswered, as it is in the cases
            // made here (if it did not, the property below would fail, not pass unseen).
            let positive: Vec<&Value> = all.iter().filter(|p| p.get("not").is_none()).collect();
            let mut together = Vec::new();
            triggers(name, &serde_json::json!({ "any": positive }), &mut together);
            found.push(Trigger::All(together));
        } else {
            panic!("{name} has a part that is not a yes, events or a named condition, so this test cannot make it true: {part}");
        }
    }
}

/// What makes the ruleset's named condition `risky-adult-in-household` true.
fn risky_adults() -> Vec<Trigger> {
    let Some(when) = named_condition("risky-adult-in-household") else {
        panic!(
            "the ruleset has no named condition `risky-adult-in-household` (in `conditions`), so nothing says when an adult in the household is a risk \
             and consent must not be sought"
        );
    };
    let mut found = Vec::new();
    triggers("risky-adult-in-household", when, &mut found);
    assert!(!found.is_empty(), "risky-adult-in-household names nothing");
    found
}

/// The text advises seeking the family's consent: "ask", "seek" or "with" followed in the same
/// sentence by the word "consent" or "agreement", in a sentence about the family, parents or
/// carers, and not one that says not to (or that none is needed). "Disagreement" and "the child does not need to consent" are not advice to seek it.
fn seeks_consent(text: &str) -> bool {
    text.split('.').any(|sentence| {
        let words: Vec<String> = sentence.split(|c: char| !c.is_alphanumeric() && c != '\'').map(str::to_lowercase).collect();
        let asks = words.iter().position(|w| matches!(w.as_str(), "ask" | "seek" | "with"));
        let about = words.iter().rposition(|w| w == "consent" || w == "agreement");
        let lower = sentence.to_lowercase();
        let refuses = lower.contains("do not") || lower.contains("not need");
        // The family's consent: a young person's own agreement, or an adult victim's, is theirs to give.
        let family = ["family", "parent", "carer"].iter().any(|who| lower.contains(who));
        matches!((asks, about), (Some(a), Some(b)) if a < b) && family && !refuses
    })
}

#[test]
fn the_consent_test_reads_advice_not_words() {
    assert!(seeks_consent("Ask the family for their consent to the referral."));
    assert!(seeks_consent("Refer to CAMHS, with the family's agreement."));
    assert!(!seeks_consent("Put your disagreement in writing."));
    assert!(!seeks_consent("The child does not need to consent."));
    assert!(!seeks_consent("Do not seek consent from the family."));
    assert!(!seeks_consent("With the young person's agreement where they have capacity."));
}

#[test]
fn no_consent_is_sought_when_an_adult_in_the_household_is_a_risk() {
    let inputs = (cases(any_age()), select(risky_adults()).no_shrink()).prop_map(|(case, trigger)| (trigger.apply(case), trigger));
    check_all(
        "6. no consent is sought when an adult in the household is a risk",
        inputs,
        |(case, trigger)| format!("{} (risky-adult-in-household through {trigger:?})", compact(case)),
        |engine, (case, trigger)| {
            let a = assess(engine, case)?;
            for action in a["actions"].as_array().into_iter().flatten() {
                let text = action["text"].as_str().unwrap_or_default();
                if seeks_consent(text) {
                    return Err(fail(format!("risky-adult-in-household holds ({trigger:?}), yet action {} says: {text:?}", action["id"])));
                }
            }
            for referral in a["referrals"].as_array().into_iter().flatten() {
                let text = referral["consent"].as_str().unwrap_or_default();
                if seeks_consent(text) {
                    return Err(fail(format!("risky-adult-in-household holds ({trigger:?}), yet route {}'s consent note says: {text:?}", referral["route"])));
                }
            }
            Ok(true)
        },
    );
}

// --- 7. Nothing shown or asked outside its ages -----------------------------------------------

#[test]
fn nothing_is_shown_or_asked_outside_its_ages() {
    assert!(!DATA.aged.is_empty() || !DATA.indicator_ages.is_empty(), "nothing in the ruleset has an age range");
    check_all("7. nothing is shown or asked outside its ages", cases(exact_ages()), compact, |engine, case| {
        let age = exact_age(case).ok_or_else(|| fail("the generated case has no exact age".into()))?;
        let a = assess(engine, case)?;
        let mut met = false;
        for item in DATA.aged.iter().filter(|item| item.ages.excludes(age)) {
            met = true;
            let shown = match item.what {
                "action" => list(&a, "actions", "id"),
                "prompt" => list(&a, "prompts", "id"),
                _ => list(&a, "referrals", "route"),
            };
            if shown.contains(&item.id.as_str()) {
                return Err(fail(format!("{} {} is for ages {}, but appears for a child of {age} months", item.what, item.id, item.ages)));
            }
        }
        let asked: Vec<&str> = a["questions"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|q| q["about"].as_array().into_iter().flatten())
            .filter_map(|f| f["indicator"].as_str())
            .collect();
        for (indicator, ages) in DATA.indicator_ages.iter().filter(|(_, ages)| ages.excludes(age)) {
            met = true;
            if asked.contains(&indicator.as_str()) {
                return Err(fail(format!("a question asks about {indicator}, which is for ages {ages}, for a child of {age} months")));
            }
        }
        Ok(met)
    });
}

// --- The generator itself ----------------------------------------------------------------------

#[test]
fn the_dates_and_ages_the_properties_rely_on_are_right() {
    assert_eq!(days_ago(0), "2026-11-29");
    assert_eq!(civil_from_days(days_from_civil((2024, 2, 29))), (2024, 2, 29));
    let age = |child: Value| exact_age(&json!({"asOf": "2026-11-29", "child": child}));
    assert_eq!(age(json!({"ageMonths": 4})), Some(4));
    assert_eq!(age(json!({"dateOfBirth": "2026-11-29"})), Some(0));
    assert_eq!(age(json!({"dateOfBirth": "2026-10-30"})), Some(0));
    assert_eq!(age(json!({"dateOfBirth": "2026-10-29"})), Some(1));
    assert_eq!(age(json!({"dateOfBirth": "2008-11-30"})), Some(215));
    assert_eq!(age(json!({"dateOfBirth": "2026-11-30"})), Some(-1));
    assert_eq!(age(json!({"dateOfBirth": "2026-12-29"})), Some(-2));
    assert_eq!(age(json!({"dateOfBirth": "2027-08-29"})), Some(-10));
    assert_eq!(age(json!({"ageYears": 3})), None);
    assert!(DATA.ranks.contains_key(&DATA.lowest.0));
    assert!(!DATA.answer_pairs.iter().any(|(id, a)| kind(id) == "event" && *a == "yes"));
}
