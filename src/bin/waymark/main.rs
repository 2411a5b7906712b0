//! `waymark`: check, lint and try out rulesets from the command line.
//!
//! Exit status: 0 when all is well, 1 when a check fails (an invalid ruleset, a lint finding
//! nobody has explained, a scenario expectation not met), 2 for usage or file errors.

mod locate;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use waymark::{lint, parse, run_scenario, to_text, Case, Document, Engine, Error, FromDocument, Scenario};

const USAGE: &str = "\
usage:
  waymark validate RULESET [--profile PROFILE]
  waymark lint RULESET
  waymark assess RULESET CASE [--profile PROFILE] [--format json|text]
  waymark scenarios RULESET SCENARIO... [--profile PROFILE]";

/// A failure to report: either checks failed (exit 1) or the command could not run (exit 2).
enum Failure {
    Check,
    Usage(String),
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Check) => ExitCode::from(1),
        Err(Failure::Usage(message)) => {
            eprintln!("waymark: {message}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

struct Args {
    command: String,
    files: Vec<PathBuf>,
    profile: Option<PathBuf>,
    text: bool,
}

fn parse_args() -> Result<Args, lexopt::Error> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut words = Vec::new();
    let (mut profile, mut text) = (None, false);
    while let Some(arg) = parser.next()? {
        match arg {
            Long("profile") => profile = Some(PathBuf::from(parser.value()?)),
            Long("format") => {
                text = match parser.value()?.string()?.as_str() {
                    "text" => true,
                    "json" => false,
                    other => return Err(format!("unknown format \"{other}\": use json or text").into()),
                }
            }
            Long("help") | Short('h') => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            Long("version") | Short('V') => {
                println!("waymark {}", waymark::ENGINE_VERSION);
                std::process::exit(0);
            }
            Value(value) => words.push(PathBuf::from(value)),
            _ => return Err(arg.unexpected()),
        }
    }
    let command = words.first().map(|w| w.to_string_lossy().into_owned()).ok_or("no command given")?;
    Ok(Args { command, files: words.split_off(1), profile, text })
}

fn run() -> Result<(), Failure> {
    let args = parse_args().map_err(|e| Failure::Usage(e.to_string()))?;
    let arity = |n: usize, exact: bool| {
        let ok = if exact { args.files.len() == n } else { args.files.len() >= n };
        if ok {
            Ok(())
        } else {
            Err(Failure::Usage(format!("wrong number of files for {}", args.command)))
        }
    };
    match args.command.as_str() {
        "validate" => {
            arity(1, true)?;
            let engine = load_engine(&args.files[0], args.profile.as_deref())?;
            let described = engine.describe();
            println!(
                "ok: {} version {}: {} levels, {} indicators, {} rules",
                described.ruleset.title,
                described.ruleset.version,
                described.levels.len(),
                described.indicators.len(),
                described.rules
            );
            let text = read(&args.files[0])?;
            for (i, contact) in described.contacts.iter().enumerate() {
                if !contact.set {
                    let at = place(&args.files[0], &text, &format!("contacts[{i}]"));
                    eprintln!(
                        "{at}: warning[contact-not-set]: contacts[{i}]: \"{}\" has no number or address; it shows as \"not set\" until a profile sets it",
                        contact.id
                    );
                }
            }
            Ok(())
        }
        "lint" => {
            arity(1, true)?;
            let engine = load_engine(&args.files[0], None)?;
            let text = read(&args.files[0])?;
            let findings = lint(&engine);
            let mut unexplained = 0;
            for f in &findings {
                let at = place(&args.files[0], &text, &f.path);
                match &f.explained {
                    Some(why) => println!("{at}: note[{}]: {}: {} (explained: {why})", f.code, f.path, f.message),
                    None => {
                        unexplained += 1;
                        println!("{at}: warning[{}]: {}: {}", f.code, f.path, f.message);
                    }
                }
            }
            println!("{} findings, {unexplained} unexplained", findings.len());
            if unexplained > 0 {
                Err(Failure::Check)
            } else {
                Ok(())
            }
        }
        "assess" => {
            arity(2, true)?;
            let engine = load_engine(&args.files[0], args.profile.as_deref())?;
            let case: Case = load(&args.files[1])?;
            let assessment = engine.assess(&case).map_err(|e| report(&e, &[(Document::Case, &args.files[1])]))?;
            if args.text {
                print!("{}", to_text(&assessment));
            } else {
                let json = serde_json::to_string_pretty(&assessment).map_err(|e| Failure::Usage(e.to_string()))?;
                println!("{json}");
            }
            Ok(())
        }
        "scenarios" => {
            arity(2, false)?;
            let engine = load_engine(&args.files[0], args.profile.as_deref())?;
            let (mut passed, mut failed) = (0, 0);
            for file in &args.files[1..] {
                let scenario: Scenario = load(file)?;
                let report = run_scenario(&engine, &scenario);
                for point in &report.time_points {
                    let level = point.level.as_deref().unwrap_or("no assessment");
                    if point.failures.is_empty() {
                        passed += 1;
                        println!("PASS {}/{} {} ({level})", report.id, point.id, point.title);
                    } else {
                        failed += 1;
                        println!("FAIL {}/{} {} ({level})", report.id, point.id, point.title);
                        for failure in &point.failures {
                            println!("     - {failure}");
                        }
                    }
                }
            }
            println!("{} time points: {passed} passed, {failed} failed", passed + failed);
            if failed > 0 {
                Err(Failure::Check)
            } else {
                Ok(())
            }
        }
        other => Err(Failure::Usage(format!("unknown command \"{other}\""))),
    }
}

fn read(path: &Path) -> Result<String, Failure> {
    std::fs::read_to_string(path).map_err(|e| Failure::Usage(format!("cannot read {}: {e}", path.display())))
}

fn load<T: FromDocument>(path: &Path) -> Result<T, Failure> {
    let tree = parse(&read(path)?, T::DOCUMENT).map_err(|e| report(&e, &[(T::DOCUMENT, path)]))?;
    T::from_tree(&tree).map_err(|e| report(&e, &[(T::DOCUMENT, path)]))
}

fn load_engine(ruleset_path: &Path, profile_path: Option<&Path>) -> Result<Engine, Failure> {
    let tree = |path: &Path, document| parse(&read(path)?, document).map_err(|e| report(&e, &[(document, path)]));
    let ruleset = tree(ruleset_path, Document::Ruleset)?;
    let profile = profile_path.map(|p| tree(p, Document::Profile)).transpose()?;
    let mut files = vec![(Document::Ruleset, ruleset_path)];
    files.extend(profile_path.map(|p| (Document::Profile, p)));
    Engine::new(&ruleset, profile.as_ref()).map_err(|e| report(&e, &files))
}

/// Prints every problem as `file:line:column: error[code]: path: message`.
fn report(error: &Error, files: &[(Document, &Path)]) -> Failure {
    for problem in error.problems() {
        let file = files.iter().find(|(d, _)| *d == problem.document).map(|(_, p)| *p);
        let at = match (file, problem.line, problem.column) {
            (Some(file), Some(line), Some(column)) => format!("{}:{line}:{column}", file.display()),
            (Some(file), _, _) => match std::fs::read_to_string(file) {
                Ok(text) => place(file, &text, &problem.path),
                Err(_) => file.display().to_string(),
            },
            (None, _, _) => problem.document.to_string(),
        };
        eprintln!("{at}: error[{}]: {problem}", problem.code);
    }
    Failure::Check
}

fn place(file: &Path, text: &str, path: &str) -> String {
    match locate::locate(text, path) {
        Some((line, column)) => format!("{}:{line}:{column}", file.display()),
        None => file.display().to_string(),
    }
}
