//! How costs grow: each dimension of the input at 1, 10 and 100 times a realistic size, timed
//! natively. Linear costs grow ten times per step (n log n a little more); the last column is
//! the cost per item at 100× over that at 1×, which stays near 1 when a cost is linear.
//!
//! `cargo bench --no-default-features --bench engine -- --scaling [RULESET]` (default: the
//! default ruleset). Each figure is the median of a few runs; large inputs take seconds to
//! build, so the whole run takes a minute or two.

use std::hint::black_box;
use std::time::Instant;

use serde_json::{json, Value};
use waymark::{from_json, lint, parse, Case, Detail, Document, Engine};

/// The median time of `runs` calls, in milliseconds.
fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn runs(scale: usize) -> usize {
    match scale {
        1 => 21,
        10 => 7,
        _ => 3,
    }
}

/// One dimension: its name, what one item is, the items at 1×, and the time at each scale.
struct Row {
    dimension: &'static str,
    items_at_1: usize,
    times: Vec<f64>,
}

/// A time in µs below a millisecond, in ms above.
fn time(ms: f64) -> String {
    if ms < 1.0 {
        format!("{:.0} µs", ms * 1e3)
    } else {
        format!("{ms:.1} ms")
    }
}

fn print(rows: &[Row]) {
    println!("  {:<44} {:>6} {:>10} {:>10} {:>10} {:>8}", "dimension", "at 1×", "1×", "10×", "100×", "per item, 100× / 1×");
    for row in rows {
        let per_item = (row.times[2] / 100.0) / row.times[0];
        println!(
            "  {:<44} {:>6} {:>10} {:>10} {:>10} {:>8.2}",
            row.dimension,
            row.items_at_1,
            time(row.times[0]),
            time(row.times[1]),
            time(row.times[2]),
            per_item
        );
    }
}

fn scaled_list(ruleset: &Value, key: &str, scale: usize) -> Value {
    let mut value = ruleset.clone();
    let base = value[key].as_array().expect("a list").clone();
    let list = value[key].as_array_mut().expect("a list");
    for copy in 1..scale {
        for item in &base {
            let mut item = item.clone();
            item["id"] = json!(format!("{}-copy-{copy}", item["id"].as_str().expect("an id")));
            list.push(item);
        }
    }
    value
}

fn compile(value: &Value) -> Engine {
    Engine::new(&parse(&value.to_string(), Document::Ruleset).expect("JSON"), None).expect("compiles")
}

fn case(value: Value) -> Case {
    from_json(&value.to_string()).expect("a case")
}

pub fn run(ruleset_path: &str) {
    let text = std::fs::read_to_string(ruleset_path).expect("reads the ruleset");
    let ruleset: Value = serde_json::from_str(&text).expect("JSON");
    let answer_ids: Vec<String> = ruleset["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .filter(|i| i["kind"].as_str().unwrap_or("answer") == "answer")
        .map(|i| i["id"].as_str().expect("an id").to_string())
        .collect();
    let event_id =
        ruleset["indicators"].as_array().expect("indicators").iter().find(|i| i["kind"] == "event").map(|i| i["id"].as_str().expect("an id").to_string());
    let base_case = json!({"asOf": "2026-11-22", "child": {"ageYears": 9},
        "answers": answer_ids.iter().take(20).enumerate().map(|(i, id)| (id.clone(), json!(["yes", "no", "not-known"][i % 3]))).collect::<serde_json::Map<_, _>>()});
    let mut rows = Vec::new();

    // Rules: parse, compile, lint, and assess one case.
    let rules = ruleset["rules"].as_array().expect("rules").len();
    let mut parse_times = Vec::new();
    let mut compile_times = Vec::new();
    let mut lint_times = Vec::new();
    let mut assess_times = Vec::new();
    let the_case = case(base_case.clone());
    for scale in [1, 10, 100] {
        let value = scaled_list(&ruleset, "rules", scale);
        let text = value.to_string();
        parse_times.push(median_ms(runs(scale), || drop(black_box(parse(&text, Document::Ruleset).expect("JSON")))));
        let tree = parse(&text, Document::Ruleset).expect("JSON");
        compile_times.push(median_ms(runs(scale), || drop(black_box(Engine::new(&tree, None).expect("compiles")))));
        let engine = Engine::new(&tree, None).expect("compiles");
        lint_times.push(median_ms(runs(scale).min(3), || drop(black_box(lint(&engine)))));
        assess_times.push(median_ms(runs(scale), || drop(black_box(engine.assess_with(&the_case, Detail::Full).expect("assesses")))));
    }
    rows.push(Row { dimension: "rules: parse the ruleset", items_at_1: rules, times: parse_times });
    rows.push(Row { dimension: "rules: compile", items_at_1: rules, times: compile_times });
    rows.push(Row { dimension: "rules: lint (library)", items_at_1: rules, times: lint_times });
    rows.push(Row { dimension: "rules: assess one case, with the trace", items_at_1: rules, times: assess_times });

    // Indicators: compile, and assess one case.
    let indicators = ruleset["indicators"].as_array().expect("indicators").len();
    let (mut compile_times, mut assess_times) = (Vec::new(), Vec::new());
    for scale in [1, 10, 100] {
        let value = scaled_list(&ruleset, "indicators", scale);
        let tree = parse(&value.to_string(), Document::Ruleset).expect("JSON");
        compile_times.push(median_ms(runs(scale), || drop(black_box(Engine::new(&tree, None).expect("compiles")))));
        let engine = Engine::new(&tree, None).expect("compiles");
        assess_times.push(median_ms(runs(scale), || drop(black_box(engine.assess_with(&the_case, Detail::Guidance).expect("assesses")))));
    }
    rows.push(Row { dimension: "indicators: compile", items_at_1: indicators, times: compile_times });
    rows.push(Row { dimension: "indicators: assess one case", items_at_1: indicators, times: assess_times });

    // Answers in a case (to the copies of the indicators), read and assessed.
    let many_indicators = compile(&scaled_list(&ruleset, "indicators", 100));
    let mut times = Vec::new();
    for scale in [1, 10, 100] {
        let answers: serde_json::Map<String, Value> = (0..25 * scale)
            .map(|i| {
                let id = &answer_ids[i % answer_ids.len()];
                let id = if i < answer_ids.len() { id.clone() } else { format!("{id}-copy-{}", i / answer_ids.len()) };
                (id, json!(["yes", "no", "not-known"][i % 3]))
            })
            .collect();
        let text = json!({"asOf": "2026-11-22", "answers": answers}).to_string();
        times.push(median_ms(runs(scale), || {
            let case: Case = from_json(&text).expect("a case");
            drop(black_box(many_indicators.assess_with(&case, Detail::Guidance).expect("assesses")));
        }));
    }
    rows.push(Row { dimension: "answers: read and assess a case", items_at_1: 25, times });

    // Unknown answer keys (each a problem): read and refused.
    let engine = compile(&ruleset);
    let mut times = Vec::new();
    for scale in [1, 10, 100] {
        let answers: serde_json::Map<String, Value> = (0..500 * scale).map(|i| (format!("unknown-{i}"), json!("yes"))).collect();
        let text = json!({"asOf": "2026-11-22", "answers": answers}).to_string();
        times.push(median_ms(runs(scale), || {
            let case: Case = from_json(&text).expect("a case");
            drop(black_box(engine.assess(&case).expect_err("unknown")));
        }));
    }
    rows.push(Row { dimension: "unknown answer keys: read and refuse a case", items_at_1: 500, times });

    // Events, given oldest first.
    if let Some(event) = event_id {
        let mut times = Vec::new();
        for scale in [1, 10, 100] {
            let events: Vec<Value> = (0..500 * scale)
                .map(|i| json!({"indicator": event, "date": format!("{}-{:02}-{:02}", 1990 + i * 30 / 500 / scale, i % 12 + 1, i % 28 + 1)}))
                .collect();
            let text = json!({"asOf": "2026-11-22", "events": events}).to_string();
            times.push(median_ms(runs(scale), || {
                let case: Case = from_json(&text).expect("a case");
                drop(black_box(engine.assess_with(&case, Detail::Guidance).expect("assesses")));
            }));
        }
        rows.push(Row { dimension: "events (oldest first): read and assess", items_at_1: 500, times });
    }

    // One atLeast over many indicators, with a case that makes each one an open question.
    let mut times = Vec::new();
    for scale in [1, 10, 100] {
        let width = 40 * scale;
        let mut value = ruleset.clone();
        let domain = value["indicators"][0]["domain"].clone();
        let list = value["indicators"].as_array_mut().expect("indicators");
        list.extend((0..width).map(|i| json!({"id": format!("wide-{i}"), "domain": domain, "text": format!("Wide {i}")})));
        let of: Vec<Value> = (0..width).map(|i| json!({"yes": format!("wide-{i}")})).collect();
        let sources = value["rules"][0]["sources"].clone();
        // The highest level below the emergency one, so that firing it would raise the level.
        let levels = value["levels"].as_array().expect("levels").len();
        let level = value["levels"][levels - 2]["id"].clone();
        value["rules"]
            .as_array_mut()
            .expect("rules")
            .push(json!({"id": "wide", "when": {"atLeast": {"n": 2, "of": of}}, "then": {"level": level}, "reason": "Wide.", "sources": sources}));
        let engine = compile(&value);
        let case = case(json!({"asOf": "2026-11-22", "answers": {"wide-0": "yes", "wide-1": "not-known"}}));
        let questions = engine.assess_with(&case, Detail::Guidance).expect("assesses").questions.len();
        assert!(questions >= width - 1, "{questions} questions for {width}");
        times.push(median_ms(runs(scale), || drop(black_box(engine.assess_with(&case, Detail::Guidance).expect("assesses")))));
    }
    rows.push(Row { dimension: "atLeast width: assess (one question each)", items_at_1: 40, times });

    println!("scaling ({ruleset_path}: {rules} rules, {indicators} indicators at 1×)");
    print(&rows);
}
