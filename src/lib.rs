//! # Waymark
//!
//! A safeguarding decision aid. A partnership's threshold rules are data (a ruleset in JSON,
//! optionally with a local profile); the facts about one child are a [`Case`]; the
//! [`Engine`] turns the two into an [`Assessment`]: the level of need, what to do and how fast,
//! who to tell, how to escalate, what to find out, and why — every line with its rule and source.
//!
//! ## Contents
//! - [Example](#example)
//! - [Concepts](#concepts)
//! - [Determinism](#determinism)
//! - [Errors](#errors)
//!
//! ## Example
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use waymark::{from_json, parse, Case, Document, Engine};
//! let ruleset = parse(&std::fs::read_to_string("tests/rulesets/language.json")?, Document::Ruleset)?;
//! let engine = Engine::new(&ruleset, None)?;
//! let case: Case = from_json(r#"{
//!     "asOf": "2026-11-22",
//!     "child": {"ageMonths": 4},
//!     "answers": {"injury-non-mobile": "yes"}
//! }"#)?;
//! let assessment = engine.assess(&case)?;
//! assert_eq!(assessment.level.id, "child-protection");
//! assert!(assessment.referrals.iter().any(|r| r.route == "childrens-social-care"));
//! # Ok(()) }
//! ```
//!
//! ## Concepts
//! - **Three-valued answers.** Every indicator is yes, no or not known; one not answered is not
//!   known, never "no". A rule fires only when its condition is certainly true. A rule that
//!   depends on something not known, and would change the guidance, becomes an open question.
//! - **Floors, not scores.** The level is the highest minimum level among the rules that fired.
//!   Nothing lowers it.
//! - **Professional judgement.** The practitioner's own higher view is adopted with its reason;
//!   a lower one is kept beside the engine's and prompts a conversation.
//! - **Safeguards.** Whatever the rules say, a recorded worry always gets an action, and a
//!   closed referral with a persisting worry always gets escalation.
//!
//! ## Determinism
//! [`Engine::assess`] is a pure function of the compiled ruleset and the case. The assessment
//! date comes with the case; there is no clock, randomness or I/O, and no hash-map iteration
//! order reaches the output.
//!
//! ## Errors
//! [`Error`] lists every [`Problem`], each naming its document and path, such as
//! `rules[12].when.all[3].yes: unknown indicator "missng"`. Nothing panics on bad input.

// Denied everywhere but in the wasm build's allocator (src/arena.rs), which cannot be written
// without it; tests/modules.rs checks that no other module allows it.
#![deny(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

#[cfg(any(target_arch = "wasm32", test))]
mod arena;
mod assessment;
mod case;
mod compact;
mod compile;
mod date;
mod describe;
mod engine;
mod error;
mod eval;
mod index;
mod json;
mod lint;
mod logic;
mod named;
mod program;
mod ruleset;
mod scenario;
mod sort;
mod source;
mod text;
mod trace;
#[cfg(feature = "typescript")]
pub mod typescript;
#[cfg(target_arch = "wasm32")]
mod wasm;
// Natively, only for its unit tests.
#[cfg(any(target_arch = "wasm32", test))]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod wire;

pub use assessment::*;
pub use case::{Answer, Case, Child, Event, Judgement};
pub use compact::*;
pub use compile::PROFILE_FORMAT;
pub use date::Date;
pub use describe::{Description, FactItem, IndicatorInfo, ReasonInfo, ReferralItem, RouteInfo, WordedItem};
pub use engine::Engine;
pub use error::{Code, Document, Error, Problem};
#[cfg(not(target_arch = "wasm32"))]
pub use json::{from_json, parse};
pub use json::{FromDocument, FromJson, Json, Named};
pub use lint::{lint, Finding as LintFinding};
pub use logic::Truth;
pub use program::{ContactDetails, Domain, Meanwhile, RuleKind, Source, SourceCitation};
pub use ruleset::*;
pub use scenario::{run as run_scenario, Scenario, ScenarioReport, TimePointReport};
pub use text::{hand_on, to_text, HandOn, HandOnItem, HandOnSection, HandedOn, Notes};
pub use trace::{AgeSpan, Finding, Positions, RuleTrace, Status, Trace, TracedRule};

#[cfg(target_arch = "wasm32")]
pub use wasm::{version, JsEngine};

/// The engine's version, reported with every assessment.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");
