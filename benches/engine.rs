//! Native engine benchmark: compile time of a ruleset, and the time of one assessment over a
//! realistic workload (every time point of every scenario written for that ruleset).
//!
//! `cargo bench --no-default-features --bench engine -- [RULESET [SCENARIO...]]`; with no
//! arguments, the default ruleset and its scenarios. scripts/bench runs this beside the Node
//! benchmark. With `--scaling`, it times instead how each cost grows with the size of each
//! dimension of the input (benches/scaling/mod.rs). (--no-default-features leaves out the CLI, whose release build aborts on panic and
//! would collide with the unwinding library a benchmark needs.)

use std::hint::black_box;
use std::time::Instant;

use waymark::{from_json, parse, Case, Detail, Document, Engine, Scenario};

mod scaling;

/// The median over `samples` of the mean time per call, each sample long enough to time well.
fn median_micros(samples: usize, mut f: impl FnMut()) -> f64 {
    let start = Instant::now();
    f();
    let once = start.elapsed().as_secs_f64().max(1e-9);
    let batch = ((2e-3 / once) as usize).clamp(1, 100_000);
    let mut times: Vec<f64> = (0..samples)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..batch {
                f();
            }
            start.elapsed().as_secs_f64() * 1e6 / batch as f64
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let ruleset_path = args.first().cloned().unwrap_or_else(|| "www/rulesets/england.json".into());
    if std::env::args().any(|a| a == "--scaling") {
        scaling::run(&ruleset_path);
        return;
    }
    let mut scenario_paths: Vec<String> = args.iter().skip(1).cloned().collect();
    if scenario_paths.is_empty() {
        let mut found: Vec<String> = std::fs::read_dir("www/scenarios")
            .expect("www/scenarios")
            .filter_map(|e| e.ok())
            .map(|e| e.path().display().to_string())
            .filter(|p| p.ends_with(".json"))
            .collect();
        found.sort();
        scenario_paths = found;
    }
    let text = std::fs::read_to_string(&ruleset_path).expect("reads the ruleset");
    let tree = parse(&text, Document::Ruleset).expect("ruleset JSON");
    let engine = Engine::new(&tree, None).expect("the ruleset compiles");
    let cases: Vec<Case> = scenario_paths
        .iter()
        .flat_map(|p| from_json::<Scenario>(&std::fs::read_to_string(p).expect("reads")).expect("a scenario").time_points.into_iter().map(|t| t.case))
        .collect();
    assert!(!cases.is_empty(), "no cases to assess");
    let described = engine.describe();

    let parse_and_compile = median_micros(51, || {
        let tree = parse(black_box(&text), Document::Ruleset).expect("parses");
        black_box(Engine::new(&tree, None).expect("compiles"));
    });
    let compile = median_micros(51, || {
        black_box(Engine::new(black_box(&tree), None).expect("compiles"));
    });
    let mut i = 0;
    let mut time = |detail: Detail, json: bool| {
        median_micros(201, || {
            let case = &cases[i % cases.len()];
            i += 1;
            let assessment = engine.assess_with(black_box(case), detail).expect("assesses");
            if json {
                black_box(serde_json::to_string(&assessment).expect("JSON"));
            } else {
                black_box(assessment);
            }
        })
    };
    let guidance = time(Detail::Guidance, false);
    let guidance_json = time(Detail::Guidance, true);
    let full = time(Detail::Full, false);
    let full_json = time(Detail::Full, true);

    println!(
        "native engine ({} indicators, {} rules, {} cases from {} scenario files)",
        described.indicators.len(),
        described.rules,
        cases.len(),
        scenario_paths.len()
    );
    println!("  parse + compile ruleset      {parse_and_compile:>9.1} µs");
    println!("  compile parsed ruleset       {compile:>9.1} µs");
    println!("  assess, guidance (median)    {guidance:>9.2} µs   (no trace: what the page asks for after each answer)");
    println!("    + serialize to JSON        {guidance_json:>9.2} µs");
    println!("  assess, full (median)        {full:>9.2} µs   (with the trace of every rule)");
    println!("    + serialize to JSON        {full_json:>9.2} µs");
}
