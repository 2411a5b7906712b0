//! `waymark`: check, lint and try out rulesets from the command line.
//!
//! Exit status: 0 when all is well, 1 when a check fails (an invalid ruleset, a lint finding
//! nobody has explained, a scenario expectation not met), 2 for usage or file errors.
//!
//! Each file is read and parsed once; the places of all its problems are found in one more
//! pass over its text. Everything printed has its control characters escaped, and a closed
//! pipe ends the output quietly (the status is still the command's own).

mod locate;
mod output;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use output::{say, say_json, say_text, warn};
use waymark::{lint, parse, run_scenario, to_text, Case, Document, Engine, Error, FromDocument, Json, Scenario};

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
            warn(&format!("waymark: {message}"));
            output::warn_text(USAGE);
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
                say_text(USAGE);
                std::process::exit(0);
            }
            Long("version") | Short('V') => {
                say(&format!("waymark {}", waymark::ENGINE_VERSION));
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
            let (engine, ruleset) = load_engine(&args.files[0], args.profile.as_deref())?;
            let described = engine.describe();
            say(&format!(
                "ok: {} version {}: {} levels, {} indicators, {} rules",
                described.ruleset.title,
                described.ruleset.version,
                described.levels.len(),
                described.indicators.len(),
                described.rules
            ));
            let unset: Vec<(usize, &str)> = described.contacts.iter().enumerate().filter(|(_, c)| !c.set).map(|(i, c)| (i, c.id.as_str())).collect();
            let paths: Vec<String> = unset.iter().map(|(i, _)| format!("contacts[{i}]")).collect();
            for ((_, id), (path, at)) in unset.iter().zip(paths.iter().zip(ruleset.places(&paths))) {
                warn(&format!("{at}: warning[contact-not-set]: {path}: \"{id}\" has no number or address; it shows as \"not set\" until a profile sets it"));
            }
            Ok(())
        }
        "lint" => {
            arity(1, true)?;
            let (engine, ruleset) = load_engine(&args.files[0], None)?;
            let findings = lint(&engine);
            let paths: Vec<&str> = findings.iter().map(|f| f.path.as_str()).collect();
            let mut unexplained = 0;
            for (f, at) in findings.iter().zip(ruleset.places(&paths)) {
                match &f.explained {
                    Some(why) => say(&format!("{at}: note[{}]: {}: {} (explained: {why})", f.code, f.path, f.message)),
                    None => {
                        unexplained += 1;
                        say(&format!("{at}: warning[{}]: {}: {}", f.code, f.path, f.message));
                    }
                }
            }
            say(&format!("{} findings, {unexplained} unexplained", findings.len()));
            if unexplained > 0 {
                Err(Failure::Check)
            } else {
                Ok(())
            }
        }
        "assess" => {
            arity(2, true)?;
            let (engine, _) = load_engine(&args.files[0], args.profile.as_deref())?;
            let case_file = Source::read(&args.files[1], Document::Case)?;
            let case: Case = case_file.load()?;
            let assessment = engine.assess(&case).map_err(|e| report(&e, &[&case_file]))?;
            if args.text {
                say_text(&to_text(&assessment));
            } else {
                let json = serde_json::to_string_pretty(&assessment).map_err(|e| Failure::Usage(e.to_string()))?;
                say_json(&json);
            }
            Ok(())
        }
        "scenarios" => {
            arity(2, false)?;
            let (engine, _) = load_engine(&args.files[0], args.profile.as_deref())?;
            let (mut passed, mut failed) = (0, 0);
            for file in &args.files[1..] {
                let scenario: Scenario = Source::read(file, Document::Scenario)?.load()?;
                let report = run_scenario(&engine, &scenario);
                for point in &report.time_points {
                    let level = point.level.as_deref().unwrap_or("no assessment");
                    if point.failures.is_empty() {
                        passed += 1;
                        say(&format!("PASS {}/{} {} ({level})", report.id, point.id, point.title));
                    } else {
                        failed += 1;
                        say(&format!("FAIL {}/{} {} ({level})", report.id, point.id, point.title));
                        for failure in &point.failures {
                            say(&format!("     - {failure}"));
                        }
                    }
                }
            }
            say(&format!("{} time points: {passed} passed, {failed} failed", passed + failed));
            if failed > 0 {
                Err(Failure::Check)
            } else {
                Ok(())
            }
        }
        other => Err(Failure::Usage(format!("unknown command \"{other}\""))),
    }
}

/// A file read once: its document kind, path and text (without a leading byte-order mark).
struct Source {
    document: Document,
    path: PathBuf,
    text: String,
}

impl Source {
    /// Reads a file. A leading UTF-8 byte-order mark is skipped, as browsers skip it when the
    /// page fetches or opens a file; bytes that are not UTF-8 are a problem at their line and
    /// column, as JSON syntax errors are.
    fn read(path: &Path, document: Document) -> Result<Source, Failure> {
        let bytes = std::fs::read(path).map_err(|e| Failure::Usage(format!("cannot read {}: {e}", path.display())))?;
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(Source { document, path: path.to_path_buf(), text: text.to_string() }),
            Err(e) => {
                let good = &bytes[..e.valid_up_to()];
                let line = good.iter().filter(|b| **b == b'\n').count() + 1;
                let line_start = good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
                let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
                warn(&format!("{}:{line}:{column}: error[bad-text]: this file is not UTF-8 text", path.display()));
                Err(Failure::Check)
            }
        }
    }

    fn tree(&self) -> Result<Json, Failure> {
        parse(&self.text, self.document).map_err(|e| report(&e, &[self]))
    }

    fn load<T: FromDocument>(&self) -> Result<T, Failure> {
        T::from_tree(&self.tree()?).map_err(|e| report(&e, &[self]))
    }

    /// `file:line:column` of each path, from one parse of the text.
    fn places<S: AsRef<str>>(&self, paths: &[S]) -> Vec<String> {
        let paths: Vec<&str> = paths.iter().map(AsRef::as_ref).collect();
        locate::locate_all(&self.text, &paths)
            .into_iter()
            .map(|found| match found {
                Some((line, column)) => format!("{}:{line}:{column}", self.path.display()),
                None => self.path.display().to_string(),
            })
            .collect()
    }
}

/// The engine, and the ruleset file (for locating what is found in it).
fn load_engine(ruleset_path: &Path, profile_path: Option<&Path>) -> Result<(Engine, Source), Failure> {
    let ruleset_file = Source::read(ruleset_path, Document::Ruleset)?;
    let ruleset = ruleset_file.tree()?;
    let profile_file = profile_path.map(|p| Source::read(p, Document::Profile)).transpose()?;
    let profile = profile_file.as_ref().map(Source::tree).transpose()?;
    let mut files = vec![&ruleset_file];
    files.extend(profile_file.as_ref());
    let engine = Engine::new(&ruleset, profile.as_ref()).map_err(|e| report(&e, &files))?;
    Ok((engine, ruleset_file))
}

/// Prints every problem as `file:line:column: error[code]: path: message`, locating all of a
/// file's problems in one pass over it.
fn report(error: &Error, files: &[&Source]) -> Failure {
    let problems = error.problems();
    let mut at: Vec<String> = problems.iter().map(|p| p.document.to_string()).collect();
    for file in files {
        let mine: Vec<usize> = (0..problems.len()).filter(|i| problems[*i].document == file.document).collect();
        let unplaced: Vec<usize> = mine.iter().copied().filter(|i| problems[*i].line.is_none()).collect();
        let paths: Vec<&str> = unplaced.iter().map(|i| problems[*i].path.as_str()).collect();
        for (i, place) in unplaced.iter().zip(file.places(&paths)) {
            at[*i] = place;
        }
        for i in mine {
            if let (Some(line), Some(column)) = (problems[i].line, problems[i].column) {
                at[i] = format!("{}:{line}:{column}", file.path.display());
            }
        }
    }
    for (problem, at) in problems.iter().zip(at) {
        warn(&format!("{at}: error[{}]: {problem}", problem.code));
    }
    Failure::Check
}
