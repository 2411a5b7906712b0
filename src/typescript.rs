//! TypeScript declarations of every value that crosses to JavaScript (feature `typescript`,
//! native only: the wasm build never compiles ts-rs).
//!
//! What the engine returns is declared from the Rust types themselves: each serialized type
//! derives `ts_rs::TS`, which follows its serde attributes, and the few types that write
//! themselves by hand ([`Date`] and the kebab-case names such as [`Fact`]) implement it here,
//! from the same names they serialize. What the page passes in (a case, the options of
//! `assess`) is read by hand-written strict readers rather than serde, so its declarations are
//! written by hand in [`INPUTS`], naming the generated types for every value they share;
//! `tests/types.test.mjs` checks them against the reader with every case in the project.
//!
//! [`declarations`] is the text of `www/types/waymark.d.ts`; `tests/typescript.rs` fails when
//! that file is stale, and `WAYMARK_WRITE_TYPES=1 cargo test --test typescript` rewrites it.
//! The wasm build copies the file into `pkg/waymark.d.ts` (`src/wasm.rs`).

use std::any::TypeId;
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use ts_rs::{Config, TypeVisitor, TS};

use crate::json::Named;
use crate::scenario::Aspect;
use crate::{Answer, Code, CompactAssessment, ContactScope, Date, Fact, HandedOn, IndicatorKind, Problem, ReferralOutcome, ScenarioReport, Step};

/// A type declared by hand: its TypeScript name, its documentation and its definition.
macro_rules! declare {
    ($ty:ty as $name:literal, $docs:literal, $inline:expr) => {
        impl TS for $ty {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;

            fn docs() -> Option<String> {
                Some(ts_rs::format_docs(&[$docs]))
            }

            fn name(_: &Config) -> String {
                $name.to_owned()
            }

            fn inline(_: &Config) -> String {
                $inline
            }

            fn decl(cfg: &Config) -> String {
                format!("type {} = {};", <Self as TS>::name(cfg), <Self as TS>::inline(cfg))
            }

            fn decl_concrete(cfg: &Config) -> String {
                Self::decl(cfg)
            }

            fn output_path() -> Option<PathBuf> {
                Some(PathBuf::from(concat!($name, ".ts")))
            }
        }
    };
}

/// The union of a [`Named`] type's names, exactly as it serializes them.
fn names<T: Named>() -> String {
    T::NAMES.iter().map(|name| format!("\"{name}\"")).collect::<Vec<_>>().join(" | ")
}

declare!(Date as "IsoDate", " A day, written `YYYY-MM-DD`.", "string".to_owned());
declare!(Answer as "Answer", " An answer to an indicator or a context fact.", names::<Answer>());
declare!(IndicatorKind as "IndicatorKind", " What an indicator records: an answer, dated events, or the child's circumstances.", names::<IndicatorKind>());
declare!(Step as "Step", " Where a form asks an indicator.", names::<Step>());
declare!(Fact as "Fact", " What is known about the child's situation so far, outside the indicators.", names::<Fact>());
declare!(ReferralOutcome as "ReferralOutcome", " What became of a referral to children's social care.", names::<ReferralOutcome>());
declare!(Aspect as "Aspect", " A part of the guidance a scenario compares with what was actually decided.", names::<Aspect>());
declare!(Code as "Code", " A stable kebab-case code for each kind of problem; docs/ruleset-format.md lists them.", names::<Code>());
declare!(ContactScope as "ContactScope", " National contacts carry their number in the ruleset; local ones get theirs from a profile.", names::<ContactScope>());

/// The values the page passes in, written by hand to match the readers (`src/case.rs`,
/// `src/scenario.rs`, `detail_of` in `src/wasm.rs`) and `docs/scenario-format.md`: strict
/// readers, not serde, so nothing derives them. Optional fields accept `null`, as the readers
/// do. (`new Engine` takes a ruleset and a profile as `unknown`: the engine checks them, and
/// the page never builds one field by field.)
pub const INPUTS: &str = r#"
/**
 * A case: what the practitioner knows about one child, as `engine.guidance`, `assess` and
 * `handOn` read it (docs/scenario-format.md, "Case"). Written by hand to match the reader in
 * src/case.rs; tests/types.test.mjs checks every case in the project against both.
 */
export type Case = {
  /** The assessment date: ages and event windows are measured to it. */
  asOf: IsoDate,
  child?: CaseChild | null,
  /** Indicator id → answer. An indicator left out is not known, never "no". */
  answers?: { [indicator: string]: Answer } | null,
  /** Occurrences of event indicators. */
  events?: Array<CaseEvent> | null,
  /** Context fact → answer. */
  facts?: { [fact in Fact]?: Answer } | null,
  /** The outcome of the latest referral to children's social care, if known. */
  referral?: ReferralOutcome | null,
  /** The practitioner's own view of the level. */
  judgement?: CaseJudgement | null,
};

/**
 * The child's age, given at most one way: the date of birth (for an unborn baby, the expected
 * date of delivery), whole years, or months.
 */
export type CaseChild =
  | { dateOfBirth?: IsoDate | null, ageYears?: null, ageMonths?: null }
  | { dateOfBirth?: null, ageYears?: number | null, ageMonths?: null }
  | { dateOfBirth?: null, ageYears?: null, ageMonths?: number | null };

/**
 * Something that happened: on a day (`date`), over days (`date` to `until`), some day in a
 * month (`month`, such as "2026-10"), or a number of times since a day (`times` and `since`).
 */
export type CaseEvent =
  | { indicator: string, date: IsoDate, until?: IsoDate | null, month?: null, times?: null, since?: null }
  | { indicator: string, month: string, date?: null, until?: null, times?: null, since?: null }
  | { indicator: string, times: number, since: IsoDate, date?: null, until?: null, month?: null };

/** The practitioner's own view of the level: a level id, and their reason (not blank). */
export type CaseJudgement = { level: string, reason: string };

/**
 * A scenario: a case review told time point by time point (docs/scenario-format.md,
 * "Scenario"), as `engine.checkScenario` reads it. Written by hand to match the reader in
 * src/scenario.rs; tests/types.test.mjs checks every scenario in the project against both.
 * `checkScenario` itself takes `unknown`: a scenario is whatever a file holds until it is checked.
 */
export type Scenario = {
  format: string,
  id: string,
  title: string,
  /** The id of the ruleset the expectations are written against. */
  ruleset: string,
  summary: string,
  sources: Array<ScenarioCitation>,
  timePoints: Array<ScenarioTimePoint>,
};

/** Where in a source document: `lines` for the seed files, `section` for published guidance. */
export type ScenarioCitation = { source: string, lines?: string | null, section?: string | null };

/** One moment of a case review. */
export type ScenarioTimePoint = {
  id: string,
  title: string,
  /** What was known then: what the trainer reads out. */
  narrative: string,
  case: Case,
  whatHappened: string,
  /** What was decided, where the review records it. */
  actual?: { level?: string | null, routes?: Array<string> | null, escalation?: boolean | null } | null,
  reviewSays: { text: string, sources: Array<ScenarioCitation> },
  expect: ScenarioExpect,
  /** Why an expectation was changed after the engine was run, if it was. */
  expectChanged?: string | null,
};

/** What the engine's guidance must be at a time point; every part is optional. */
export type ScenarioExpect = {
  level?: { atLeast?: string | null, atMost?: string | null } | null,
  immediateDanger?: boolean | null,
  routes?: ScenarioIds | null,
  actions?: ScenarioIds | null,
  prompts?: ScenarioIds | null,
  rules?: ScenarioIds | null,
  escalation?: boolean | null,
  differsFromActual?: Array<Aspect> | null,
};

/** Ids that must, and must not, appear. */
export type ScenarioIds = { include?: Array<string> | null, exclude?: Array<string> | null };

/** The options of `engine.assess(case, options)`: `trace: false` leaves out the trace. */
export type AssessOptions = { trace?: boolean };

/**
 * What every method of `Engine` throws for bad input: the first problem's document, path and
 * code, and every problem found. (A `WebAssembly.RuntimeError` instead means a bug stopped the
 * instance: see www/js/engine-guard.mjs.)
 */
export type EngineError = Error & { document: Document, path: string, code: string, problems: Array<Problem> };
"#;

/// Collects the declaration of every type reached, once each, by name.
struct Collect<'c> {
    cfg: &'c Config,
    seen: HashSet<TypeId>,
    declared: BTreeMap<String, String>,
}

impl TypeVisitor for Collect<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if T::output_path().is_none() || !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        let declaration = format!("{}{}", layout(&T::docs().unwrap_or_default()), layout(&format!("export {}", T::decl(self.cfg))));
        if let Some(other) = self.declared.insert(T::ident(self.cfg), declaration) {
            panic!("two types are declared as {}: {other}", T::ident(self.cfg));
        }
        T::visit_dependencies(self);
    }
}

/// Lines that fit, for the declarations ts-rs writes on one line: an object with documented
/// fields, or too long for one line, has a field per line; a long union, a member per line.
fn layout(declaration: &str) -> String {
    const WIDTH: usize = 100;
    let union = declaration.len() > WIDTH && top_level(declaration).any(|(_, c)| c == '|');
    let base = usize::from(union);
    let mut out = String::new();
    let mut open = Vec::new();
    let mut rest = declaration;
    while let Some(c) = rest.chars().next() {
        let depth = base + open.iter().filter(|o| **o == '{').count();
        if rest.starts_with("/**") {
            let end = rest.find("*/").map_or(rest.len(), |e| e + 2);
            let lines: Vec<&str> = rest[..end].lines().map(str::trim).collect();
            newline(&mut out, depth);
            match lines.as_slice() {
                ["/**", line, "*/"] if 2 * depth + line.len() + 4 <= WIDTH => out.push_str(&format!("/**{} */", &line[1..])),
                _ => {
                    for line in lines {
                        out.push_str(if line.starts_with('*') { " " } else { "" });
                        out.push_str(line);
                        newline(&mut out, depth);
                    }
                }
            }
            newline(&mut out, depth);
            rest = rest[end..].trim_start();
            continue;
        }
        if c == '"' {
            let end = rest[1..].find('"').map_or(rest.len(), |e| e + 2);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        match c {
            '{' => {
                let inner = &rest[..matching(rest)];
                let column = out.len() - out.rfind('\n').map_or(0, |n| n + 1);
                if !inner.contains("/**") && column + inner.len() <= WIDTH {
                    out.push_str(&inner.split_whitespace().collect::<Vec<_>>().join(" ").replace(", }", " }"));
                    rest = &rest[inner.len()..];
                    continue;
                }
                open.push('{');
                out.push('{');
                newline(&mut out, depth + 1);
            }
            '}' => {
                open.pop();
                newline(&mut out, depth - 1);
                out.push('}');
            }
            '<' | '(' | '[' => {
                open.push(c);
                out.push(c);
            }
            '>' | ')' | ']' => {
                open.pop();
                out.push(c);
            }
            ',' if open.last() == Some(&'{') => {
                out.push(',');
                newline(&mut out, depth);
            }
            '=' if union && open.is_empty() && !out.contains('=') => {
                out.push('=');
                newline(&mut out, base);
                out.push_str("| ");
                rest = rest[1..].trim_start();
                continue;
            }
            '|' if union && open.is_empty() => {
                newline(&mut out, base);
                out.push('|');
            }
            c if c.is_whitespace() => {
                if !out.ends_with([' ', '\n']) {
                    out.push(' ');
                }
            }
            c => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The characters of `text` outside strings, brackets and braces, with their positions.
fn top_level(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let (mut depth, mut in_string) = (0usize, false);
    text.char_indices().filter(move |&(_, c)| {
        let outside = depth == 0 && !in_string;
        match c {
            '"' => in_string = !in_string,
            '{' | '<' | '(' | '[' if !in_string => depth += 1,
            '}' | '>' | ')' | ']' if !in_string => depth = depth.saturating_sub(1),
            _ => {}
        }
        outside && c != '"'
    })
}

/// Ends the line, trimmed, and indents the next (nothing at the very start).
fn newline(out: &mut String, depth: usize) {
    out.truncate(out.trim_end().len());
    if out.is_empty() {
        return;
    }
    out.push('\n');
    out.push_str(&"  ".repeat(depth));
}

/// The length of the `{ … }` that `text` starts with, strings and comments skipped.
fn matching(text: &str) -> usize {
    let mut depth = 0;
    let mut in_string = false;
    let mut in_comment = false;
    for (i, c) in text.char_indices() {
        match c {
            '"' if !in_comment => in_string = !in_string,
            '/' if !in_string && text[i..].starts_with("/**") => in_comment = true,
            '/' if in_comment && text[..i].ends_with('*') => in_comment = false,
            '{' if !in_string && !in_comment => depth += 1,
            '}' if !in_string && !in_comment => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    text.len()
}

/// The text of `www/types/waymark.d.ts`: every type the engine returns or throws, generated,
/// then the inputs ([`INPUTS`]).
pub fn declarations() -> String {
    let cfg = Config::new();
    let mut collect = Collect { cfg: &cfg, seen: HashSet::new(), declared: BTreeMap::new() };
    // What each method of the JavaScript `Engine` returns or throws; everything they contain
    // is reached from these.
    collect.visit::<CompactAssessment<'static>>();
    collect.visit::<crate::Assessment<'static>>();
    collect.visit::<crate::Description<'static>>();
    collect.visit::<HandedOn>();
    collect.visit::<ScenarioReport>();
    collect.visit::<Problem>();
    // Named by the inputs below, which are not derived.
    collect.visit::<Aspect>();
    collect.visit::<Answer>();
    collect.visit::<Fact>();
    collect.visit::<ReferralOutcome>();
    collect.visit::<Date>();
    let mut out = String::from(
        "// The values that cross between the engine (Rust, compiled to WebAssembly) and the page.\n\
         // Generated from the Rust types by src/typescript.rs: do not edit. After changing a type,\n\
         // run `WAYMARK_WRITE_TYPES=1 cargo test --test typescript`, then scripts/build.\n",
    );
    for declaration in collect.declared.values() {
        out.push('\n');
        out.push_str(declaration);
        out.push('\n');
    }
    out.push_str(INPUTS);
    out
}
