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
    /// The source: a file name or a document's title.
    pub source: String,
    /// The lines cited, as `"120-135"`.
    pub lines: Option<String>,
    /// The section cited.
    pub section: Option<String>,
}

impl FromDocument for Scenario {
    const DOCUMENT: Document = Document::Scenario;

    fn from_tree(json: &Json) -> Result<Scenario, Error> {
        let mut r = Reader::new(Document::Scenario);
        let scenario = r.object(Some(json), &At::Root, |r, o| Scenario {
            format: r.text(o, "format"),
            id: r.text(o, "id"),
            title: r.text(o, "title"),
            ruleset: r.text(o, "ruleset"),
            summary: r.text(o, "summary"),
            sources: citations(r, o, "sources"),
            time_points: {
                let at = At::Key(o.at, "timePoints");
                r.list(o, "timePoints", true).iter().enumerate().map(|(i, json)| time_point(r, json, &At::Index(&at, i))).collect()
            },
        });
        repeated_time_points(&mut r, &scenario.time_points);
        r.finish(scenario)
    }
}

/// Reports each time point whose id an earlier one already has: a report names time points by
/// id, so a repeat would hide which of the two failed.
fn repeated_time_points(r: &mut Reader, points: &[TimePoint]) {
    // A missing id is reported already, and reads as empty.
    let listed = points.iter().enumerate().filter(|(_, point)| !point.id.is_empty()).map(|(i, point)| (point.id.as_str(), i)).collect();
    crate::json::unique_ids(r, listed, &At::Key(&At::Root, "timePoints"));
}

fn time_point(r: &mut Reader, json: &Json, at: &At) -> TimePoint {
    r.object(Some(json), at, |r, o| TimePoint {
        id: r.text(o, "id"),
        title: r.text(o, "title"),
        narrative: r.text(o, "narrative"),
        case: match r.field(o, "case", true) {
            Some(json) => crate::case::read_case(r, json, &At::Key(at, "case")),
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
        },
        what_happened: r.text(o, "whatHappened"),
        actual: r
            .field(o, "actual", false)
            .map(|json| {
                r.object(Some(json), &At::Key(at, "actual"), |r, a| Actual {
                    level: r.optional_text(a, "level"),
                    routes: ids(r, a, "routes"),
                    escalation: r.value(a, "escalation", false),
                })
            })
            .unwrap_or_default(),
        review_says: r.section(o, "reviewSays", |r, review| ReviewSays { text: r.text(review, "text"), sources: citations(r, review, "sources") }),
        expect: r.section(o, "expect", expect),
        expect_changed: r.optional_text(o, "expectChanged"),
    })
}

fn expect(r: &mut Reader, e: &Obj) -> Expect {
    let members = |r: &mut Reader, key: &'static str| {
        let json = r.field(e, key, false);
        match json {
            Some(json) => r.object(Some(json), &At::Key(e.at, key), |r, m| Members { include: ids(r, m, "include"), exclude: ids(r, m, "exclude") }),
            None => Members::default(),
        }
    };
    Expect {
        level: r
            .field(e, "level", false)
            .map(|json| {
                r.object(Some(json), &At::Key(e.at, "level"), |r, l| LevelBounds {
                    at_least: r.optional_text(l, "atLeast"),
                    at_most: r.optional_text(l, "atMost"),
                })
            })
            .unwrap_or_default(),
        immediate_danger: r.value(e, "immediateDanger", false),
        routes: members(r, "routes"),
        actions: members(r, "actions"),
        prompts: members(r, "prompts"),
        rules: members(r, "rules"),
        escalation: r.value(e, "escalation", false),
        differs_from_actual: {
            let at = At::Key(e.at, "differsFromActual");
            let list = r.list(e, "differsFromActual", false);
            list.iter().enumerate().filter_map(|(i, json)| r.parse::<Aspect>(json, &At::Index(&at, i))).collect()
        },
    }
}

fn ids(r: &mut Reader, o: &Obj, key: &'static str) -> Vec<String> {
    r.strings(o, key, false).into_iter().map(|(_, s)| s.to_string()).collect()
}

fn citations(r: &mut Reader, o: &Obj, key: &'static str) -> Vec<Citation> {
    let at = At::Key(o.at, key);
    let list = r.list(o, key, true);
    list.iter()
        .enumerate()
        .map(|(i, json)| {
            r.object(Some(json), &At::Index(&at, i), |r, c| Citation {
                source: r.text(c, "source"),
                lines: r.optional_text(c, "lines"),
                section: r.optional_text(c, "section"),
            })
        })
        .collect()
}

/// A case review told time point by time point, with the guidance the engine must give at
/// each (`docs/scenario-format.md`).
#[derive(Clone, Debug)]
pub struct Scenario {
    /// `waymark-scenario/1`.
    pub format: String,
    /// Its id, unique among scenarios.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The id of the ruleset the expectations are written against.
    pub ruleset: String,
    /// The review in brief.
    pub summary: String,
    /// The reviews and guidance it is drawn from.
    pub sources: Vec<Citation>,
    /// The moments at which a practitioner could have asked the engine, in order.
    pub time_points: Vec<TimePoint>,
}

/// One moment in a scenario.
#[derive(Clone, Debug)]
pub struct TimePoint {
    /// Its id, unique in the scenario.
    pub id: String,
    /// Its title.
    pub title: String,
    /// What was known then, in our own words.
    pub narrative: String,
    /// The case as a practitioner would have entered it then.
    pub case: Case,
    /// What happened next.
    pub what_happened: String,
    /// What was decided, where the review records it.
    pub actual: Actual,
    /// What the review says should have happened.
    pub review_says: ReviewSays,
    /// The guidance the engine must give.
    pub expect: Expect,
    /// Why an expectation was changed after the engine was run, if it was: expectations are
    /// written from the sources first, so any later change must say why.
    pub expect_changed: Option<String>,
}

/// What was decided at a time point, as far as the review records it.
#[derive(Clone, Debug, Default)]
pub struct Actual {
    /// The level it was treated as, by id.
    pub level: Option<String>,
    /// The routes used, by id.
    pub routes: Vec<String>,
    /// Whether anyone escalated.
    pub escalation: Option<bool>,
}

/// What the review says should have happened, and where it says so.
#[derive(Clone, Debug)]
pub struct ReviewSays {
    /// In our own words.
    pub text: String,
    /// Where the review says it.
    pub sources: Vec<Citation>,
}

/// The guidance the engine must give at a time point.
#[derive(Clone, Debug, Default)]
pub struct Expect {
    /// The lowest and highest acceptable levels.
    pub level: LevelBounds,
    /// Whether the child must (or must not) be in danger now.
    pub immediate_danger: Option<bool>,
    /// Routes that must and must not be given.
    pub routes: Members,
    /// Actions that must and must not be given.
    pub actions: Members,
    /// Prompts that must and must not be given.
    pub prompts: Members,
    /// Rules that must and must not fire.
    pub rules: Members,
    /// Whether escalation must (or must not) apply.
    pub escalation: Option<bool>,
    /// Aspects in which the engine's guidance must differ from what actually happened:
    /// `level`, `routes` (the engine names a route that was not used) or `escalation`.
    pub differs_from_actual: Vec<Aspect>,
}

/// The acceptable levels, by id: either bound may be open.
#[derive(Clone, Debug, Default)]
pub struct LevelBounds {
    /// The lowest acceptable level.
    pub at_least: Option<String>,
    /// The highest acceptable level.
    pub at_most: Option<String>,
}

/// Ids that must, and must not, appear.
#[derive(Clone, Debug, Default)]
pub struct Members {
    /// Ids that must appear.
    pub include: Vec<String>,
    /// Ids that must not.
    pub exclude: Vec<String>,
}

named_enum! {
    /// A part of the guidance that can be compared with what actually happened.
    pub enum Aspect {
        /// The level.
        Level = "level",
        /// The routes.
        Routes = "routes",
        /// Escalation.
        Escalation = "escalation",
    }
}

/// How a scenario fared against the engine, time point by time point.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ScenarioReport {
    /// The scenario's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Each time point's result, in order.
    pub time_points: Vec<TimePointReport>,
}

impl ScenarioReport {
    /// Whether every expectation of every time point held.
    pub fn passed(&self) -> bool {
        self.time_points.iter().all(|t| t.failures.is_empty())
    }
}

/// How one time point fared.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TimePointReport {
    /// The time point's id.
    pub id: String,
    /// Its title.
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
    let ruleset = &engine.program.meta.id;
    if scenario.ruleset != *ruleset {
        header.push(format!("ruleset: written for \"{}\", run against \"{ruleset}\"", scenario.ruleset));
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
    let program = &engine.program;
    let expect = &point.expect;
    let mut rank = |id: &str, path: &str| -> Option<u8> {
        let found = program.find_level(id).map(|i| program.levels[usize::from(i)].rank);
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
    let known_routes: Vec<&str> = program.routes.iter().map(|r| r.id.as_str()).collect();
    let known_actions: Vec<&str> = program.actions.iter().map(|a| a.id.as_str()).collect();
    let known_prompts: Vec<&str> = program.prompts.iter().map(|p| p.id.as_str()).collect();
    let known_rules: Vec<&str> = program.rules.iter().map(|r| r.id.as_str()).collect();
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
