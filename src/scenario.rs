//! Scenarios: case reviews told time point by time point. Each time point holds the case as a
//! practitioner would have entered it, what happened, what the review says should have
//! happened, and the guidance the engine must give. They are the engine's acceptance tests and
//! the trainers' material; `docs/scenario-format.md` describes the format.

use serde::Serialize;

use crate::assessment::Assessment;
use crate::case::Case;
use crate::engine::Engine;
use crate::error::{Document, Error};
use crate::json::{named_enum, At, FromDocument, Json, Obj, Reader};

/// The value of `format` in every scenario file this engine reads.
pub const SCENARIO_FORMAT: &str = "waymark-scenario/1";

/// Where in a source document: `lines` for the seed files, `section` for published guidance.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Citation {
    pub source: String,
    pub lines: Option<String>,
    pub section: Option<String>,
}

impl FromDocument for Scenario {
    const DOCUMENT: Document = Document::Scenario;

    fn from_tree(json: &Json) -> Result<Scenario, Error> {
        let mut r = Reader::new(Document::Scenario);
        let root = At::Root;
        let o = r.object(json, &root, &["format", "id", "title", "ruleset", "summary", "sources", "timePoints"]);
        let points_at = At::Key(&root, "timePoints");
        let time_points = r.list(&o, "timePoints", true).iter().enumerate().map(|(i, json)| time_point(&mut r, json, &At::Index(&points_at, i))).collect();
        let scenario = Scenario {
            format: r.text(&o, "format"),
            id: r.text(&o, "id"),
            title: r.text(&o, "title"),
            ruleset: r.text(&o, "ruleset"),
            summary: r.text(&o, "summary"),
            sources: citations(&mut r, &o, "sources"),
            time_points,
        };
        r.finish(scenario)
    }
}

fn time_point(r: &mut Reader, json: &Json, at: &At) -> TimePoint {
    let o = r.object(json, at, &["id", "title", "narrative", "case", "whatHappened", "actual", "reviewSays", "expect", "expectChanged"]);
    let case_at = At::Key(at, "case");
    let case = match r.field(&o, "case", true) {
        Some(json) => crate::case::read_case(r, json, &case_at),
        // Already reported; a blank case stands in so the rest can still be checked.
        None => Case {
            as_of: crate::date::Date::EPOCH,
            child: Default::default(),
            answers: Vec::new(),
            events: Vec::new(),
            facts: Vec::new(),
            referral: None,
            judgement: None,
        },
    };
    let actual = match r.field(&o, "actual", false) {
        Some(json) => {
            let at = At::Key(at, "actual");
            let a = r.object(json, &at, &["level", "routes", "escalation"]);
            Actual { level: r.optional_text(&a, "level"), routes: ids(r, &a, "routes"), escalation: r.value(&a, "escalation", false) }
        }
        None => Actual::default(),
    };
    let review_at = At::Key(at, "reviewSays");
    let review = r.section(&o, "reviewSays", &review_at, &["text", "sources"]);
    let review_says = ReviewSays { text: r.text(&review, "text"), sources: citations(r, &review, "sources") };
    let expect_at = At::Key(at, "expect");
    let e = r.section(&o, "expect", &expect_at, &["level", "immediateDanger", "routes", "actions", "prompts", "rules", "escalation", "differsFromActual"]);
    let level = match r.field(&e, "level", false) {
        Some(json) => {
            let at = At::Key(&expect_at, "level");
            let l = r.object(json, &at, &["atLeast", "atMost"]);
            LevelBounds { at_least: r.optional_text(&l, "atLeast"), at_most: r.optional_text(&l, "atMost") }
        }
        None => LevelBounds::default(),
    };
    let members = |r: &mut Reader, key: &str| match r.field(&e, key, false) {
        Some(json) => {
            let at = At::Key(&expect_at, key);
            let m = r.object(json, &at, &["include", "exclude"]);
            Members { include: ids(r, &m, "include"), exclude: ids(r, &m, "exclude") }
        }
        None => Members::default(),
    };
    let (routes, actions, prompts, rules) = (members(r, "routes"), members(r, "actions"), members(r, "prompts"), members(r, "rules"));
    let differs_at = At::Key(&expect_at, "differsFromActual");
    let differs_from_actual = r
        .list(&e, "differsFromActual", false)
        .iter()
        .enumerate()
        .filter_map(|(i, json)| crate::json::from_name::<Aspect>(json, &At::Index(&differs_at, i)).map_err(|m| r.misfit(m)).ok())
        .collect();
    let expect = Expect {
        level,
        immediate_danger: r.value(&e, "immediateDanger", false),
        routes,
        actions,
        prompts,
        rules,
        escalation: r.value(&e, "escalation", false),
        differs_from_actual,
    };
    TimePoint {
        id: r.text(&o, "id"),
        title: r.text(&o, "title"),
        narrative: r.text(&o, "narrative"),
        case,
        what_happened: r.text(&o, "whatHappened"),
        actual,
        review_says,
        expect,
        expect_changed: r.optional_text(&o, "expectChanged"),
    }
}

fn ids(r: &mut Reader, o: &Obj, key: &str) -> Vec<String> {
    r.strings(o, key, false).into_iter().map(|(_, s)| s.to_string()).collect()
}

fn citations(r: &mut Reader, o: &Obj, key: &str) -> Vec<Citation> {
    let at = At::Key(o.at, key);
    let list = r.list(o, key, true);
    list.iter()
        .enumerate()
        .map(|(i, json)| {
            let here = At::Index(&at, i);
            let c = r.object(json, &here, &["source", "lines", "section"]);
            Citation { source: r.text(&c, "source"), lines: r.optional_text(&c, "lines"), section: r.optional_text(&c, "section") }
        })
        .collect()
}

#[derive(Clone, Debug)]
pub struct Scenario {
    pub format: String,
    pub id: String,
    pub title: String,
    /// The id of the ruleset the expectations are written against.
    pub ruleset: String,
    pub summary: String,
    pub sources: Vec<Citation>,
    pub time_points: Vec<TimePoint>,
}

#[derive(Clone, Debug)]
pub struct TimePoint {
    pub id: String,
    pub title: String,
    /// What was known then, in our own words.
    pub narrative: String,
    pub case: Case,
    pub what_happened: String,
    /// What was decided, where the review records it.
    pub actual: Actual,
    pub review_says: ReviewSays,
    pub expect: Expect,
    /// Why an expectation was changed after the engine was run, if it was: expectations are
    /// written from the sources first, so any later change must say why.
    pub expect_changed: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct Actual {
    pub level: Option<String>,
    pub routes: Vec<String>,
    pub escalation: Option<bool>,
}

#[derive(Clone, Debug)]
pub struct ReviewSays {
    pub text: String,
    pub sources: Vec<Citation>,
}

#[derive(Clone, Debug, Default)]
pub struct Expect {
    pub level: LevelBounds,
    pub immediate_danger: Option<bool>,
    pub routes: Members,
    pub actions: Members,
    pub prompts: Members,
    pub rules: Members,
    pub escalation: Option<bool>,
    /// Aspects in which the engine's guidance must differ from what actually happened:
    /// `level`, `routes` (the engine names a route that was not used) or `escalation`.
    pub differs_from_actual: Vec<Aspect>,
}

#[derive(Clone, Debug, Default)]
pub struct LevelBounds {
    pub at_least: Option<String>,
    pub at_most: Option<String>,
}

/// Ids that must, and must not, appear.
#[derive(Clone, Debug, Default)]
pub struct Members {
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

named_enum! {
    pub enum Aspect {
        Level = "level",
        Routes = "routes",
        Escalation = "escalation",
    }
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ScenarioReport {
    pub id: String,
    pub title: String,
    pub time_points: Vec<TimePointReport>,
}

impl ScenarioReport {
    pub fn passed(&self) -> bool {
        self.time_points.iter().all(|t| t.failures.is_empty())
    }
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TimePointReport {
    pub id: String,
    pub title: String,
    /// The level the engine gave, when the case could be assessed.
    pub level: Option<String>,
    /// Empty when every expectation held.
    pub failures: Vec<String>,
}

/// Checks every time point of a scenario against the engine.
pub fn run(engine: &Engine, scenario: &Scenario) -> ScenarioReport {
    let mut header = Vec::new();
    if scenario.format != SCENARIO_FORMAT {
        header.push(format!("format: expected \"{SCENARIO_FORMAT}\", found \"{}\"", scenario.format));
    }
    if scenario.ruleset != engine.meta.id {
        header.push(format!("ruleset: written for \"{}\", run against \"{}\"", scenario.ruleset, engine.meta.id));
    }
    let time_points = scenario
        .time_points
        .iter()
        .enumerate()
        .map(|(i, point)| {
            let mut failures = header.clone();
            let level = match engine.assess(&point.case) {
                Ok(assessment) => {
                    check(engine, point, &assessment, &mut failures);
                    Some(assessment.level.id.to_string())
                }
                Err(error) => {
                    failures.push(format!("timePoints[{i}].case: {error}"));
                    None
                }
            };
            TimePointReport { id: point.id.clone(), title: point.title.clone(), level, failures }
        })
        .collect();
    ScenarioReport { id: scenario.id.clone(), title: scenario.title.clone(), time_points }
}

fn check(engine: &Engine, point: &TimePoint, assessment: &Assessment, failures: &mut Vec<String>) {
    let expect = &point.expect;
    let mut rank = |id: &str, path: &str| -> Option<u8> {
        let found = engine.find_level(id).map(|i| engine.levels[usize::from(i)].rank);
        if found.is_none() {
            failures.push(format!("{path}: unknown level \"{id}\""));
        }
        found
    };
    let at_least = expect.level.at_least.as_deref().map(|id| (id, rank(id, "expect.level.atLeast")));
    let at_most = expect.level.at_most.as_deref().map(|id| (id, rank(id, "expect.level.atMost")));
    let actual_rank = point.actual.level.as_deref().map(|id| rank(id, "actual.level"));
    let level = assessment.level;
    if let Some((id, Some(min))) = at_least {
        if level.rank < min {
            failures.push(format!("level is \"{}\", below the lowest acceptable \"{id}\"", level.id));
        }
    }
    if let Some((id, Some(max))) = at_most {
        if level.rank > max {
            failures.push(format!("level is \"{}\", above the highest acceptable \"{id}\"", level.id));
        }
    }
    if let Some(expected) = expect.immediate_danger {
        if assessment.immediate_danger != expected {
            failures.push(format!("immediate danger is {}, expected {expected}", assessment.immediate_danger));
        }
    }

    let routes: Vec<&str> = assessment.referrals.iter().map(|r| r.route).collect();
    let actions: Vec<&str> = assessment.actions.iter().map(|a| a.id).collect();
    let prompts: Vec<&str> = assessment.prompts.iter().map(|p| p.id).collect();
    let fired: Vec<&str> = assessment.reasons.iter().map(|r| r.rule).collect();
    let known_routes: Vec<&str> = engine.routes.iter().map(|r| r.id.as_str()).collect();
    let known_actions: Vec<&str> = engine.actions.iter().map(|a| a.id.as_str()).collect();
    let known_prompts: Vec<&str> = engine.prompts.iter().map(|p| p.id.as_str()).collect();
    let known_rules: Vec<&str> = engine.rules.iter().map(|r| r.id.as_str()).collect();
    members("route", &expect.routes, &routes, &known_routes, failures);
    members("action", &expect.actions, &actions, &known_actions, failures);
    members("prompt", &expect.prompts, &prompts, &known_prompts, failures);
    members("rule", &expect.rules, &fired, &known_rules, failures);

    let escalates = assessment.escalation.is_some();
    if let Some(expected) = expect.escalation {
        if escalates != expected {
            failures.push(format!("escalation {}, expected it {}", applies(escalates), applies(expected)));
        }
    }
    for aspect in &expect.differs_from_actual {
        match aspect {
            Aspect::Level => match actual_rank {
                Some(Some(actual)) if actual == level.rank => {
                    failures.push(format!("level \"{}\" is what actually happened; the review says it should have differed", level.id));
                }
                None => failures.push("differsFromActual: level needs actual.level".into()),
                _ => {}
            },
            Aspect::Routes => {
                if routes.iter().all(|r| point.actual.routes.iter().any(|a| a == r)) {
                    failures.push("the engine names no route beyond those actually used; the review says more was needed".into());
                }
            }
            Aspect::Escalation => match point.actual.escalation {
                Some(actual) if actual == escalates => {
                    failures.push(format!("escalation {} as it actually did; the review says that should have differed", applies(escalates)));
                }
                None => failures.push("differsFromActual: escalation needs actual.escalation".into()),
                _ => {}
            },
        }
    }
}

fn members(what: &str, expected: &Members, present: &[&str], known: &[&str], failures: &mut Vec<String>) {
    for id in expected.include.iter().chain(&expected.exclude) {
        if !known.contains(&id.as_str()) {
            failures.push(format!("unknown {what} \"{id}\" in expectations"));
        }
    }
    for id in &expected.include {
        if !present.contains(&id.as_str()) {
            failures.push(format!("{what} \"{id}\" is missing (got {})", list(present)));
        }
    }
    for id in &expected.exclude {
        if present.contains(&id.as_str()) {
            failures.push(format!("{what} \"{id}\" appears but must not"));
        }
    }
}

fn list(items: &[&str]) -> String {
    if items.is_empty() {
        "none".into()
    } else {
        items.join(", ")
    }
}

fn applies(yes: bool) -> &'static str {
    if yes {
        "applies"
    } else {
        "does not apply"
    }
}
