//! The hand-on: the guidance as a practitioner hands it on, worded once. The command line's
//! `--format text`, the page's "copy as text" and its printed summary all draw from
//! [`HandOn`], so none of them can word the same thing differently.
//!
//! Answers come first (what a referral form asks for), then the guidance. Sources become
//! numbered notes, one per document, listed once at the end.

use std::fmt::Write;

use serde::Serialize;

use crate::assessment::{Assessment, Hypothesis, JudgementEffect, Question, Referral};
use crate::case::Answer;
use crate::date::Date;
use crate::program::{ContactDetails, SourceCitation};
use crate::ruleset::Urgency;
use crate::trace::{AgeSpan, Finding};

/// How many open questions and prompts a hand-on lists; the guide itself has them all.
const QUESTIONS_HANDED_ON: usize = 4;
const PROMPTS_HANDED_ON: usize = 4;

/// What the practitioner wrote beside the answers, which the engine never evaluates.
#[derive(Clone, Copy, Debug, Default)]
pub struct Notes<'n> {
    /// Who the child lives with.
    pub lives_with: &'n str,
    /// Anything else they noted.
    pub notes: &'n str,
}

/// The guidance as it is handed on.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct HandOn {
    /// "Waymark guidance as at 29 November 2026".
    pub heading: String,
    /// The emergency, the level and the practitioner's view, before everything else.
    pub lead: Vec<String>,
    /// What was recorded, then the guidance, in the order a reader needs it.
    pub sections: Vec<HandOnSection>,
    /// The documents cited, each once; an item's `refs` count from 1 into this list.
    pub sources: Vec<String>,
    /// The ruleset and its notice.
    pub closing: Vec<String>,
    /// The ruleset's and engine's identity, for checking which rules gave this guidance.
    pub fingerprint: String,
}

/// One part of a hand-on.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct HandOnSection {
    /// The heading.
    pub title: &'static str,
    /// Steps in order (numbered) rather than a list.
    pub numbered: bool,
    /// The lines.
    pub items: Vec<HandOnItem>,
}

/// One line of a section.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct HandOnItem {
    /// The line.
    pub text: String,
    /// Lines under it (contacts, consent).
    pub sub: Vec<String>,
    /// The sources it rests on, counting from 1 into [`HandOn::sources`].
    pub refs: Vec<usize>,
}

/// What `engine.handOn(…)` returns in the browser: the hand-on and its text.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct HandedOn {
    /// The guidance as it is handed on.
    pub hand_on: HandOn,
    /// [`HandOn::text`]: the same, as plain text.
    pub text: String,
}

impl HandOnItem {
    fn new(text: String) -> HandOnItem {
        HandOnItem { text, sub: Vec::new(), refs: Vec::new() }
    }
}

/// The notes a hand-on's items point to: one per document, with every place in it cited.
#[derive(Default)]
struct SourceNotes(Vec<(String, Vec<String>)>);

impl SourceNotes {
    /// The note number (from 1) for a citation, adding it if new.
    fn cite(&mut self, source: &SourceCitation) -> usize {
        let at = match self.0.iter().position(|(title, _)| *title == source.title) {
            Some(at) => at,
            None => {
                self.0.push((source.title.clone(), Vec::new()));
                self.0.len() - 1
            }
        };
        if let Some(place) = source.lines.as_ref().or(source.section.as_ref()) {
            if !self.0[at].1.contains(place) {
                self.0[at].1.push(place.clone());
            }
        }
        at + 1
    }

    fn worded(self) -> Vec<String> {
        self.0
            .into_iter()
            .map(|(title, places)| {
                let (lines, sections): (Vec<String>, Vec<String>) = places.into_iter().partition(|p| p.starts_with(|c: char| c.is_ascii_digit()));
                let mut where_ = Vec::new();
                if !lines.is_empty() {
                    where_.push(format!("lines {}", lines.join(", ")));
                }
                where_.extend(sections);
                if where_.is_empty() {
                    title
                } else {
                    format!("{title}: {}", where_.join("; "))
                }
            })
            .collect()
    }
}

/// The hand-on for an assessment (with or without its trace), with the practitioner's notes.
pub fn hand_on(a: &Assessment, notes: Notes) -> HandOn {
    let mut cited = SourceNotes::default();
    let mut lead = Vec::new();
    if a.immediate_danger {
        lead.push("EMERGENCY: CALL 999 NOW.".to_string());
    }
    lead.push(format!("Level of need: {}. {}", a.level.name, a.level.response));
    if let Some(j) = &a.judgement {
        let effect = match j.effect {
            JudgementEffect::Raised => "higher than the rules; the guidance follows it",
            JudgementEffect::Agrees => "the same as the rules",
            JudgementEffect::Lower => "lower than the rules; to be discussed with the safeguarding lead",
        };
        lead.push(format!("Practitioner's view: {} ({effect}). Reason: {}", j.level.name, j.reason));
    }

    let mut recorded = vec![HandOnItem::new(match a.child_age {
        Some(age) => format!("Child's age: {}", age_text(age)),
        None => "Child's age: not given".into(),
    })];
    let (lives_with, own_notes) = (notes.lives_with.trim(), notes.notes.trim());
    if !lives_with.is_empty() {
        recorded.push(HandOnItem::new(format!("Lives with: {lives_with}")));
    }
    recorded.extend(a.answered.iter().map(|f| HandOnItem::new(finding_text(f))));
    if !own_notes.is_empty() {
        recorded.push(HandOnItem::new(format!("Practitioner's notes: {own_notes}")));
    }

    let mut sections = vec![
        HandOnSection { title: "What was recorded", numbered: false, items: recorded },
        HandOnSection {
            title: "What to do",
            numbered: true,
            items: a
                .actions
                .iter()
                .map(|action| HandOnItem::new(format!("{}: {} (by {})", urgency_text(action.urgency), action.text, long_date(action.due_by))))
                .collect(),
        },
        HandOnSection { title: "Who to tell", numbered: false, items: a.referrals.iter().map(referral_item).collect() },
    ];
    if let Some(escalation) = &a.escalation {
        let items = escalation
            .stages
            .iter()
            .map(|stage| {
                let default = if stage.timescale_is_default { " (a default: check your local procedure)" } else { "" };
                HandOnItem::new(format!("{}: {}. {} {}{default}.", stage.name, stage.who, stage.what, urgency_text(stage.timescale)))
            })
            .collect();
        sections.push(HandOnSection { title: "If you are still worried: escalate", numbered: true, items });
    }
    // The questions that could change the most come first; a hand-on keeps the first few.
    let mut questions: Vec<HandOnItem> = a.questions.iter().take(QUESTIONS_HANDED_ON).map(|q| HandOnItem::new(question_text(q))).collect();
    if a.questions.len() > QUESTIONS_HANDED_ON {
        questions.push(HandOnItem::new(format!("And {} more in the guide.", a.questions.len() - QUESTIONS_HANDED_ON)));
    }
    sections.push(HandOnSection { title: "Worth finding out", numbered: false, items: questions });
    let mut prompts: Vec<HandOnItem> = a.prompts.iter().take(PROMPTS_HANDED_ON).map(|p| HandOnItem::new(p.text.to_string())).collect();
    if a.prompts.len() > PROMPTS_HANDED_ON {
        prompts.push(HandOnItem::new(format!("And {} more in the guide.", a.prompts.len() - PROMPTS_HANDED_ON)));
    }
    sections.push(HandOnSection { title: "Think about", numbered: false, items: prompts });
    let reasons = a
        .reasons
        .iter()
        .map(|reason| {
            let at_least = reason.level.map(|l| format!(" (at least {})", l.name)).unwrap_or_default();
            let mut refs: Vec<usize> = Vec::new();
            for source in reason.sources {
                let note = cited.cite(source);
                if !refs.contains(&note) {
                    refs.push(note);
                }
            }
            HandOnItem { text: format!("{}{at_least}", reason.reason), sub: Vec::new(), refs }
        })
        .collect();
    sections.push(HandOnSection { title: "Why", numbered: false, items: reasons });
    sections.push(HandOnSection { title: "Please note", numbered: false, items: a.warnings.iter().map(|w| HandOnItem::new(w.message.clone())).collect() });
    sections.retain(|section| !section.items.is_empty());

    let ruleset = &a.ruleset;
    let local = a.profile.map(|p| format!("; local details: {}", p.organisation)).unwrap_or_default();
    HandOn {
        heading: format!("Waymark guidance as at {}", long_date(a.as_of)),
        lead,
        sections,
        sources: cited.worded(),
        closing: vec![
            format!("Ruleset: {}, version {}, due for review {}{local}.", ruleset.title, ruleset.version, long_date(ruleset.review_date)),
            a.notice.to_string(),
        ],
        fingerprint: format!("Fingerprint: ruleset {} {}, engine {}.", ruleset.id, ruleset.hash, a.engine_version),
    }
}

impl HandOn {
    /// As plain text, for pasting into a referral form or reading in a terminal. Sources (as
    /// numbered notes) and the fingerprint only when asked for: a referral form needs the facts.
    pub fn text(&self, sources: bool) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = self.write_text(&mut out, sources);
        out
    }

    fn write_text(&self, out: &mut String, sources: bool) -> std::fmt::Result {
        writeln!(out, "{}\n", self.heading)?;
        for line in &self.lead {
            writeln!(out, "{line}")?;
        }
        for section in &self.sections {
            writeln!(out, "\n{}", section.title.to_ascii_uppercase())?;
            for (i, item) in section.items.iter().enumerate() {
                let marks = if sources && !item.refs.is_empty() {
                    format!(" [{}]", item.refs.iter().map(|r| r.to_string()).collect::<Vec<_>>().join(", "))
                } else {
                    String::new()
                };
                if section.numbered {
                    writeln!(out, "{}. {}{marks}", i + 1, item.text)?;
                } else {
                    writeln!(out, "- {}{marks}", item.text)?;
                }
                for line in &item.sub {
                    writeln!(out, "  {line}")?;
                }
            }
        }
        if sources && !self.sources.is_empty() {
            writeln!(out, "\nSOURCES")?;
            for (i, source) in self.sources.iter().enumerate() {
                writeln!(out, "[{}] {source}", i + 1)?;
            }
        }
        writeln!(out)?;
        for line in &self.closing {
            writeln!(out, "{line}")?;
        }
        if sources {
            writeln!(out, "{}", self.fingerprint)?;
        }
        Ok(())
    }
}

/// The assessment as plain text with its sources: what `waymark assess --format text` prints.
pub fn to_text(a: &Assessment) -> String {
    hand_on(a, Notes::default()).text(true)
}

fn referral_item(r: &Referral) -> HandOnItem {
    let decision = r.decision_by.map(|by| format!(" {}", decision_text(by))).unwrap_or_default();
    let mut item = HandOnItem::new(format!(
        "{}: {}, by {}. Who can refer: {}{decision}",
        r.name,
        urgency_text(r.urgency).to_ascii_lowercase(),
        long_date(r.due_by),
        r.who_may_submit
    ));
    let (set, unset): (Vec<&ContactDetails>, Vec<&ContactDetails>) = r.contacts.iter().partition(|c| c.set || c.phone.is_some());
    item.sub.extend(set.into_iter().map(contact_text));
    if !unset.is_empty() {
        item.sub.push(not_set_text(&unset));
    }
    item.sub.push(format!("Consent: {}", r.consent));
    item
}

/// When to expect an answer to a referral, and what to do if none comes.
fn decision_text(by: Date) -> String {
    format!(
        "Expect a decision by {}. If you have heard nothing by then, chase it. If you disagree with the decision and are still worried, escalate.",
        long_date(by)
    )
}

/// Contacts not set yet, in one line: their names, and the national lines to use until they are.
fn not_set_text(contacts: &[&ContactDetails]) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in contacts.iter().filter_map(|c| c.meanwhile.as_ref()).map(|m| format!("{}, {}", m.name, m.phone)) {
        if !lines.contains(&line) {
            lines.push(line);
        }
    }
    let names: Vec<&str> = contacts.iter().map(|c| c.name.as_str()).collect();
    let until = if lines.is_empty() { String::new() } else { format!(" Until they are: {}.", lines.join("; ")) };
    format!("Not set yet: {}.{until}", names.join("; "))
}

/// A contact in one line: its name, then the number and address; or, when not set, where to
/// find it and the national line to use meanwhile (never "ask your lead" for the lead's own).
fn contact_text(c: &ContactDetails) -> String {
    if !c.set && c.phone.is_none() && c.email.is_none() {
        let find = c.find_it.as_deref().unwrap_or("Your safeguarding lead or the local authority's website has it.");
        let meanwhile = c.meanwhile.as_ref().map(|m| format!(" Until it is set: {}, {}.", m.name, m.phone)).unwrap_or_default();
        return format!("{}: not set. {find}{meanwhile}", c.name);
    }
    let out_of_hours = c.out_of_hours.as_ref().map(|o| format!("out of hours: {o}"));
    let parts: Vec<&str> = [c.phone.as_deref(), c.email.as_deref(), c.hours.as_deref(), out_of_hours.as_deref()].into_iter().flatten().collect();
    format!("{}: {}", c.name, parts.join(", "))
}

const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// "22 November 2026".
pub(crate) fn long_date(date: Date) -> String {
    let (year, month, day) = date.ymd();
    format!("{day} {} {year}", MONTHS[(month - 1) as usize % 12])
}

fn urgency_text(urgency: Urgency) -> String {
    match urgency {
        Urgency::Now => "Now".into(),
        Urgency::Today => "Today".into(),
        Urgency::WorkingDays(1) => "Within 1 working day".into(),
        Urgency::WorkingDays(n) => format!("Within {n} working days"),
    }
}

/// The child's age as the engine holds it: whole years when given in years, months when young.
fn age_text(age: AgeSpan) -> String {
    if age.to < 0 {
        "not born yet".into()
    } else if age.to - age.from == 11 && age.from % 12 == 0 {
        format!("{} years", age.from / 12)
    } else if age.from >= 24 {
        format!("{} years ({} months)", age.from / 12, age.from)
    } else {
        format!("{} months", age.from)
    }
}

fn answer_text(answer: Option<Answer>) -> &'static str {
    match answer {
        Some(Answer::Yes) => "yes",
        Some(Answer::No) => "no",
        Some(Answer::NotKnown) => "not known",
        None => "not answered",
    }
}

/// "The child has self-harmed" as "the child has self-harmed"; "FGM" and "I" keep their capitals.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_ascii_uppercase() && second.is_ascii_lowercase() => {
            format!("{}{}", first.to_ascii_lowercase(), text.get(1..).unwrap_or_default())
        }
        _ => text.to_string(),
    }
}

/// An age bound: "5 years", "18 months", "before birth".
fn bound_text(months: i32) -> String {
    if months < 0 {
        "before birth".into()
    } else if months % 12 == 0 {
        format!("{} years", months / 12)
    } else {
        format!("{months} months")
    }
}

/// One test from the engine's explanation in plain words.
fn finding_text(finding: &Finding) -> String {
    match finding {
        Finding::Yes { text, answer, .. } | Finding::NotKnown { text, answer, .. } | Finding::Fact { text, answer, .. } => {
            format!("{text}: {}", answer_text(*answer))
        }
        Finding::Events { text, within_days, count, dates, approximate, .. } => {
            let dates: Vec<String> = dates.iter().map(|d| long_date(*d)).collect();
            // "Every recorded event" is a window of u16::MAX days.
            let window = if *within_days == u16::MAX { "recorded".to_string() } else { format!("in the last {within_days} days") };
            let listed = if dates.is_empty() { String::new() } else { format!(" ({})", dates.join(", ")) };
            let rough = match approximate {
                0 => String::new(),
                1 => "; 1 of them with a date known only roughly, counted as in the window because it could be".to_string(),
                n => format!("; {n} of them with a date known only roughly, counted as in the window because they could be"),
            };
            format!("{text}: {count} {window}{listed}{rough}")
        }
        Finding::Referral { text, actual, .. } => match actual {
            Some(_) => format!("Referral: {text}"),
            None => format!("Whether {}", lower_first(text)),
        },
        Finding::Age { min_months, max_months, age_months, .. } => {
            let range = match (min_months, max_months) {
                (Some(min), Some(max)) => format!("between {} and {}", bound_text(*min), bound_text(*max)),
                (Some(min), None) => format!("at least {}", bound_text(*min)),
                (None, max) => format!("at most {}", bound_text(max.unwrap_or(0))),
            };
            format!("The child's age is {range}{}", if age_months.is_some() { "" } else { " (age not given)" })
        }
        Finding::Judgement { reason, .. } => {
            if reason.is_empty() {
                "Your own view of the level".into()
            } else {
                format!("Your own view of the level: {reason}")
            }
        }
    }
}

/// What a question asks about, as the object of "find out".
fn question_subject(finding: &Finding) -> String {
    match finding {
        Finding::Events { text, .. } => format!("how often this has happened: {}", lower_first(text)),
        Finding::Yes { text, .. } | Finding::NotKnown { text, .. } | Finding::Fact { text, .. } | Finding::Referral { text, .. } => {
            format!("whether {}", lower_first(text))
        }
        Finding::Age { .. } | Finding::Judgement { .. } => lower_first(&finding_text(finding)),
    }
}

/// An open question as a plain question: "Find out whether the child has self-harmed. If so,
/// the level rises to child in need, and you would also tell CAMHS." A question asked together
/// names what to find out first and counts the rest, as the page does.
fn question_text(q: &Question) -> String {
    let mut effects = Vec::new();
    if let Some(level) = q.level {
        effects.push(format!("the level rises to {}", level.name));
    }
    if !q.routes.is_empty() {
        effects.push(format!("you would also tell {}", q.routes.iter().map(|r| r.name).collect::<Vec<_>>().join(", ")));
    }
    if q.escalation {
        effects.push("escalation applies".into());
    }
    let first = q.about.iter().take(q.lead).map(question_subject).collect::<Vec<_>>().join(", and ");
    let effects = effects.join(", and ");
    // What leads is needed, not enough: it alone never raises the level.
    match q.about.len().saturating_sub(q.lead) {
        0 => {}
        1 => return format!("Find out {first}, and then 1 other thing: together they decide whether {effects}."),
        others => return format!("Find out {first}, and then {others} other things: together they decide whether {effects}."),
    }
    let condition = match q.if_answer {
        Some(Hypothesis::Yes) => "If so",
        Some(Hypothesis::No) => "If not",
        None => "Depending on the answers",
    };
    format!("Find out {first}. {condition}, {effects}.")
}
